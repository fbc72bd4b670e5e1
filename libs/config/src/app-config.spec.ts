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

  it('ends a session after 30 idle minutes, and accepts a previous signing key only beside a current one', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5' }).sessionIdleMinutes).toBe(5);
    const rotated = loadConfig({ TOKEN_SECRET: 's'.repeat(40), TOKEN_SECRET_PREVIOUS: 'p'.repeat(40) });
    expect([rotated.tokenSecret, rotated.tokenSecretPrevious]).toEqual(['s'.repeat(40), 'p'.repeat(40)]);
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ APP_DATABASE_URL: 'postgres://app:p@h/db' }, /APP_DATABASE_URL is set without DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u:p@h/db', APP_DATABASE_URL: 'mysql://x' }, /APP_DATABASE_URL/],
    [{ ADMIN_EMAIL: 'a@b.c' }, /ADMIN_EMAIL and ADMIN_PASSWORD/],
    [{ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD/],
    [{ SEED_DEMO: 'perhaps' }, /SEED_DEMO/],
    [{ TOKEN_SECRET: 'too-short' }, /TOKEN_SECRET/],
    [{ TOKEN_SECRET_PREVIOUS: 'p'.repeat(40) }, /TOKEN_SECRET_PREVIOUS is set without TOKEN_SECRET/],
    [{ TOKEN_SECRET: 's'.repeat(40), TOKEN_SECRET_PREVIOUS: 'too-short' }, /TOKEN_SECRET_PREVIOUS/],
    [{ SESSION_IDLE_MINUTES: '1' }, /SESSION_IDLE_MINUTES/],
    [{ EVIDENCE_MAX_BYTES: '0' }, /EVIDENCE_MAX_BYTES/],
    [{ EVIDENCE_S3_ENDPOINT: 'http://s3.test' }, /EVIDENCE_S3_BUCKET/],
    [{ EVIDENCE_S3_BUCKET: 'b', EVIDENCE_S3_ENDPOINT: 's3.test' }, /EVIDENCE_S3_ENDPOINT/],
    [{ EVIDENCE_S3_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'key' }, /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});
