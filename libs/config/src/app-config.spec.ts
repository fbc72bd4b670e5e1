import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from './app-config.js';

describe('configuration', () => {
  it('defaults to the embedded database with the demo on port 3000', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, databaseUrl: null, seedDemo: true, adminEmail: null });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('loads no demo into a real database unless asked', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db' }).seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@h/db', SEED_DEMO: 'true' }).seedDemo).toBe(true);
  });

  it('keeps evidence on disk, up to 25 MiB, unless a bucket is named', () => {
    expect(loadConfig({}).evidence).toEqual({ maxBytes: 25 * 1024 * 1024, s3: null });
    expect(
      loadConfig({ EVIDENCE_S3_BUCKET: 'evidence', EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000', AWS_ACCESS_KEY_ID: 'k', AWS_SECRET_ACCESS_KEY: 's' }).evidence.s3,
    ).toEqual({ bucket: 'evidence', endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', credentials: { accessKeyId: 'k', secretAccessKey: 's' } });
  });

  it('limits WebSockets: 3 s to initialise, 10 sockets a user, 10 replays a minute, each configurable', () => {
    expect(loadConfig({}).sockets).toEqual({ initTimeoutSeconds: 3, maxPerUser: 10, replaysPerMinute: 10 });
    expect(loadConfig({ SOCKET_INIT_TIMEOUT_SECONDS: '5', MAX_SOCKETS_PER_USER: '2', ALERT_REPLAYS_PER_MINUTE: '4' }).sockets).toEqual({
      initTimeoutSeconds: 5,
      maxPerUser: 2,
      replaysPerMinute: 4,
    });
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ MAX_SOCKETS_PER_USER: '0' }, /MAX_SOCKETS_PER_USER/],
    [{ SOCKET_INIT_TIMEOUT_SECONDS: '600' }, /SOCKET_INIT_TIMEOUT_SECONDS/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ APP_DATABASE_URL: 'postgres://app:p@h/db' }, /APP_DATABASE_URL is set without DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u:p@h/db', APP_DATABASE_URL: 'mysql://x' }, /APP_DATABASE_URL/],
    [{ ADMIN_EMAIL: 'a@b.c' }, /ADMIN_EMAIL and ADMIN_PASSWORD/],
    [{ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD/],
    [{ SEED_DEMO: 'perhaps' }, /SEED_DEMO/],
    [{ TOKEN_SECRET: 'too-short' }, /TOKEN_SECRET/],
    [{ EVIDENCE_MAX_BYTES: '0' }, /EVIDENCE_MAX_BYTES/],
    [{ EVIDENCE_S3_ENDPOINT: 'http://s3.test' }, /EVIDENCE_S3_BUCKET/],
    [{ EVIDENCE_S3_BUCKET: 'b', EVIDENCE_S3_ENDPOINT: 's3.test' }, /EVIDENCE_S3_ENDPOINT/],
    [{ EVIDENCE_S3_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'key' }, /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
