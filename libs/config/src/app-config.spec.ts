import { describe, expect, it } from '@jest/globals';
import { ConfigError, DEMO_PASSWORD, loadConfig } from './app-config.js';

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

  it('loads no demo with NODE_ENV=production, even into the embedded database', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).seedDemo).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', SEED_DEMO: 'false' }).seedDemo).toBe(false);
  });

  it.each([{}, { DATABASE_URL: 'postgres://u:p@h/db' }])(
    'refuses SEED_DEMO=true with NODE_ENV=production, saying why (%j)',
    (env) => {
      const start = () => loadConfig({ ...env, NODE_ENV: 'production', SEED_DEMO: 'true' });
      expect(start).toThrow(ConfigError);
      expect(start).toThrow(/SEED_DEMO=true is refused with NODE_ENV=production.*published/);
    },
  );

  it('still loads the demo when asked outside production, embedded or not', () => {
    expect(loadConfig({ NODE_ENV: 'development', SEED_DEMO: 'true' }).seedDemo).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'postgres://u:p@h/db', SEED_DEMO: 'true' }).seedDemo).toBe(
      true,
    );
  });

  const admin = (password: string) => ({ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: password });
  it.each([
    [
      "the old compose file's token secret",
      { TOKEN_SECRET: 'change-this-to-at-least-32-random-characters' },
      /TOKEN_SECRET/,
    ],
    ["the old compose file's administrator password", admin('change-this-admin-password'), /ADMIN_PASSWORD/],
    ['a "CHANGEME" token secret', { TOKEN_SECRET: 'CHANGEME-0123456789-0123456789-0123' }, /TOKEN_SECRET/],
    ['a "change_me" administrator password', admin('please_change_me_2026'), /ADMIN_PASSWORD/],
    ["the published demo password as the administrator's", admin(DEMO_PASSWORD), /ADMIN_PASSWORD/],
    [
      "the old compose file's database password",
      { DATABASE_URL: 'postgres://portal:portal-change-me@db:5432/portal' },
      /DATABASE_URL/,
    ],
    [
      'a placeholder application database password',
      { DATABASE_URL: 'postgres://u:p@h/db', APP_DATABASE_URL: 'postgres://app:changeme@h/db' },
      /APP_DATABASE_URL/,
    ],
  ])('refuses %s, in production and out of it', (_, env, message) => {
    for (const nodeEnv of [{ NODE_ENV: 'production' }, {}]) {
      expect(() => loadConfig({ ...nodeEnv, ...env })).toThrow(ConfigError);
      expect(() => loadConfig({ ...nodeEnv, ...env })).toThrow(message);
      expect(() => loadConfig({ ...nodeEnv, ...env })).toThrow(/placeholder|published/);
    }
  });

  it('does not echo the refused secret', () => {
    expect(() => loadConfig(admin('change-this-admin-password'))).not.toThrow(/change-this-admin-password/);
  });

  it('keeps evidence on disk, up to 25 MiB, unless a bucket is named', () => {
    expect(loadConfig({}).evidence).toEqual({ maxBytes: 25 * 1024 * 1024, s3: null });
    expect(
      loadConfig({
        EVIDENCE_S3_BUCKET: 'evidence',
        EVIDENCE_S3_ENDPOINT: 'http://127.0.0.1:9000',
        AWS_ACCESS_KEY_ID: 'k',
        AWS_SECRET_ACCESS_KEY: 's',
      }).evidence.s3,
    ).toEqual({
      bucket: 'evidence',
      endpoint: 'http://127.0.0.1:9000',
      region: 'us-east-1',
      credentials: { accessKeyId: 'k', secretAccessKey: 's' },
    });
  });

  it('throttles sign-ins with waits rather than a lock, and believes no X-Forwarded-For unless told whose', () => {
    expect(loadConfig({}).signInThrottle).toEqual({
      perAccount: 5,
      perAddress: 100,
      windowSeconds: 900,
      maxDelaySeconds: 300,
    });
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1,loopback' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '::1',
      'loopback',
    ]);
  });

  it('ends a session after 30 idle minutes, and accepts a previous signing key only beside a current one', () => {
    expect(loadConfig({}).sessionIdleMinutes).toBe(30);
    expect(loadConfig({ SESSION_IDLE_MINUTES: '5' }).sessionIdleMinutes).toBe(5);
    const rotated = loadConfig({ TOKEN_SECRET: 's'.repeat(40), TOKEN_SECRET_PREVIOUS: 'p'.repeat(40) });
    expect([rotated.tokenSecret, rotated.tokenSecretPrevious]).toEqual(['s'.repeat(40), 'p'.repeat(40)]);
  });

  it('reads the key that encrypts kept secrets, and the public address single sign-on sends browsers back to', () => {
    expect([loadConfig({}).encryptionKey, loadConfig({}).publicUrl]).toEqual([null, null]);
    const set = loadConfig({ ENCRYPTION_KEY: 'k'.repeat(32), PUBLIC_URL: 'https://portal.example.org/' });
    expect([set.encryptionKey, set.publicUrl]).toEqual(['k'.repeat(32), 'https://portal.example.org']);
  });

  it('expects administrators and managers to set up a second factor unless MFA_ENROLMENT_REQUIRED=false', () => {
    expect(loadConfig({}).mfaEnrolmentRequired).toBe(true);
    expect(loadConfig({ MFA_ENROLMENT_REQUIRED: 'false' }).mfaEnrolmentRequired).toBe(false);
  });

  it('has a second administrator approve every grant of ADMIN unless ADMIN_GRANT_APPROVAL=false', () => {
    expect(loadConfig({}).adminGrantApproval).toBe(true);
    expect(loadConfig({ ADMIN_GRANT_APPROVAL: 'false' }).adminGrantApproval).toBe(false);
    expect(loadConfig({}).mfaKey).toBeNull();
    expect(loadConfig({ MFA_KEY: 'k'.repeat(40) }).mfaKey).toBe('k'.repeat(40));
  });

  it('limits WebSockets: 3 s to initialise, 50 sockets a user, 60 replays a minute, each configurable', () => {
    expect(loadConfig({}).sockets).toEqual({ initTimeoutSeconds: 3, maxPerUser: 50, replaysPerMinute: 60 });
    expect(
      loadConfig({ SOCKET_INIT_TIMEOUT_SECONDS: '5', MAX_SOCKETS_PER_USER: '2', ALERT_REPLAYS_PER_MINUTE: '4' })
        .sockets,
    ).toEqual({
      initTimeoutSeconds: 5,
      maxPerUser: 2,
      replaysPerMinute: 4,
    });
  });

  it('limits each partner-system key to 600 requests a minute, configurable', () => {
    expect(loadConfig({}).apiKeyRequestsPerMinute).toBe(600);
    expect(loadConfig({ API_KEY_REQUESTS_PER_MINUTE: '60' }).apiKeyRequestsPerMinute).toBe(60);
    expect(() => loadConfig({ API_KEY_REQUESTS_PER_MINUTE: '0' })).toThrow(/API_KEY_REQUESTS_PER_MINUTE/);
  });

  it('takes the adult female population for the MARAC rate per 10,000, and gives no rate without it', () => {
    expect(loadConfig({}).maracAdultFemalePopulation).toBeNull();
    expect(loadConfig({ MARAC_ADULT_FEMALE_POPULATION: ' ' }).maracAdultFemalePopulation).toBeNull();
    expect(loadConfig({ MARAC_ADULT_FEMALE_POPULATION: '112400' }).maracAdultFemalePopulation).toBe(112400);
    for (const bad of ['0', '-5', '1.5', 'lots', '1e12'])
      expect(() => loadConfig({ MARAC_ADULT_FEMALE_POPULATION: bad })).toThrow(/MARAC_ADULT_FEMALE_POPULATION/);
  });

  it('allows each user 30 person searches an hour, configurable', () => {
    expect(loadConfig({}).personSearchesPerHour).toBe(30);
    expect(loadConfig({ PERSON_SEARCHES_PER_HOUR: '5' }).personSearchesPerHour).toBe(5);
    expect(() => loadConfig({ PERSON_SEARCHES_PER_HOUR: '0' })).toThrow(/PERSON_SEARCHES_PER_HOUR/);
  });

  it('lets webhooks reach private addresses only in development, and never with NODE_ENV=production', () => {
    expect(loadConfig({}).webhooks.allowPrivateAddresses).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).webhooks.allowPrivateAddresses).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production' }).webhooks.allowPrivateAddresses).toBe(false);
    expect(loadConfig({ NODE_ENV: 'development' }).webhooks.allowPrivateAddresses).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'false' }).webhooks).toEqual({
      allowPrivateAddresses: false,
    });
    expect(loadConfig({ WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' }).webhooks.allowPrivateAddresses).toBe(true);
    expect(() => loadConfig({ NODE_ENV: 'production', WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'true' })).toThrow(
      /WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true is refused with NODE_ENV=production/,
    );
  });

  it.each([
    [{ PORT: 'eighty' }, /PORT/],
    [{ ENCRYPTION_KEY: 'too-short' }, /ENCRYPTION_KEY/],
    [{ PUBLIC_URL: 'portal.example.org' }, /PUBLIC_URL/],
    [{ PUBLIC_URL: 'https://portal.example.org/app?x=1' }, /PUBLIC_URL/],
    [{ TRUST_PROXY: 'true' }, /TRUST_PROXY=true/],
    [{ TRUST_PROXY: 'proxy.internal' }, /TRUST_PROXY/],
    [{ TRUST_PROXY: '10.0.0.0/33' }, /TRUST_PROXY/],
    [{ SIGN_IN_MAX_DELAY_SECONDS: '0' }, /SIGN_IN_MAX_DELAY_SECONDS/],
    [{ MAX_SOCKETS_PER_USER: '0' }, /MAX_SOCKETS_PER_USER/],
    [{ SOCKET_INIT_TIMEOUT_SECONDS: '600' }, /SOCKET_INIT_TIMEOUT_SECONDS/],
    [{ DATABASE_URL: 'mysql://x' }, /DATABASE_URL/],
    [{ APP_DATABASE_URL: 'postgres://app:p@h/db' }, /APP_DATABASE_URL is set without DATABASE_URL/],
    [{ DATABASE_URL: 'postgres://u:p@h/db', APP_DATABASE_URL: 'mysql://x' }, /APP_DATABASE_URL/],
    [{ ADMIN_EMAIL: 'a@b.c' }, /ADMIN_EMAIL and ADMIN_PASSWORD/],
    [{ ADMIN_EMAIL: 'a@b.c', ADMIN_PASSWORD: 'short' }, /ADMIN_PASSWORD/],
    [{ SEED_DEMO: 'perhaps' }, /SEED_DEMO/],
    [{ TOKEN_SECRET: 'too-short' }, /TOKEN_SECRET/],
    [{ TOKEN_SECRET_PREVIOUS: 'p'.repeat(40) }, /TOKEN_SECRET_PREVIOUS is set without TOKEN_SECRET/],
    [{ TOKEN_SECRET: 's'.repeat(40), TOKEN_SECRET_PREVIOUS: 'too-short' }, /TOKEN_SECRET_PREVIOUS/],
    [{ MFA_KEY: 'too-short' }, /MFA_KEY must be at least 32 characters/],
    [{ MFA_KEY: 'change-me-0123456789-0123456789-0123' }, /MFA_KEY is a placeholder/],
    [{ SESSION_IDLE_MINUTES: '1' }, /SESSION_IDLE_MINUTES/],
    [{ EVIDENCE_MAX_BYTES: '0' }, /EVIDENCE_MAX_BYTES/],
    [{ EVIDENCE_S3_ENDPOINT: 'http://s3.test' }, /EVIDENCE_S3_BUCKET/],
    [{ EVIDENCE_S3_BUCKET: 'b', EVIDENCE_S3_ENDPOINT: 's3.test' }, /EVIDENCE_S3_ENDPOINT/],
    [{ EVIDENCE_S3_BUCKET: 'b', AWS_ACCESS_KEY_ID: 'key' }, /AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/],
    [{ SMTP_URL: 'mail.example.org:25' }, /SMTP_URL must be an smtp:\/\/ or smtps:\/\/ URL/],
    [{ MAIL_FROM: 'portal' }, /MAIL_FROM/],
    [{ MAIL_FROM: 'a@b.c\r\nBcc: x@y.z' }, /MAIL_FROM/],
    [{ PUBLIC_URL: 'portal.example.org' }, /PUBLIC_URL/],
    [{ NODE_ENV: 'production', SMTP_URL: 'smtp://mail.example.org' }, /PUBLIC_URL is required/],
  ])('refuses %j with a message naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('writes mail to files, listed at /dev/mail, until SMTP_URL is set; never lists it in production', () => {
    expect(loadConfig({}).mail).toEqual({
      smtpUrl: null,
      from: 'Partnership portal <no-reply@localhost>',
      publicUrl: 'http://localhost:3000',
      devPage: true,
    });
    expect(loadConfig({ NODE_ENV: 'production' }).mail.devPage).toBe(false);
    const real = loadConfig({
      SMTP_URL: 'smtps://portal:secret@mail.example.org:465',
      MAIL_FROM: 'ASB partnership <portal@example.org>',
      PUBLIC_URL: 'https://portal.example.org/',
      PORT: '8080',
    }).mail;
    expect(real).toEqual({
      smtpUrl: 'smtps://portal:secret@mail.example.org:465',
      from: 'ASB partnership <portal@example.org>',
      publicUrl: 'https://portal.example.org',
      devPage: false,
    });
    expect(loadConfig({ PORT: '8080' }).mail.publicUrl).toBe('http://localhost:8080');
  });

  it('gives the Case Review applicant 20 working days to appeal after being told, unless CASE_REVIEW_APPEAL_DAYS says', () => {
    expect(loadConfig({}).caseReview).toMatchObject({ tellDays: 30, appealDays: 20, appealHearDays: 20 });
    expect(
      loadConfig({ CASE_REVIEW_APPEAL_DAYS: '10', CASE_REVIEW_TELL_DAYS: '35', CASE_REVIEW_APPEAL_HEAR_DAYS: '15' })
        .caseReview,
    ).toMatchObject({ tellDays: 35, appealDays: 10, appealHearDays: 15 });
    expect(() => loadConfig({ CASE_REVIEW_APPEAL_DAYS: '0' })).toThrow(/CASE_REVIEW_APPEAL_DAYS/);
  });
});
