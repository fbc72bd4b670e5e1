import { isIP } from 'node:net';
import { resolve } from 'node:path';

/** Everything the portal reads from its environment, validated once at start. Nothing else reads process.env. */
export interface AppConfig {
  port: number;
  /** A postgres:// URL; null means "start the embedded PostgreSQL". */
  databaseUrl: string | null;
  /**
   * The role the portal's requests use, which must own nothing and may only add to the audit trail; null
   * means "the portal keeps one itself": `<DATABASE_URL user>_app`, with a password derived from the owner's.
   */
  appDatabaseUrl: string | null;
  dataDir: string;
  /** The built web app, served at `/`. */
  portalDir: string;
  adminEmail: string | null;
  adminPassword: string | null;
  seedDemo: boolean;
  /** Signing secret for access tokens; null means "use the one kept in the database". */
  tokenSecret: string | null;
  /** The key TOKEN_SECRET replaced, still accepted (never used to sign) until its tokens have expired. */
  tokenSecretPrevious: string | null;
  /**
   * The key TOTP secrets are sealed with (AES-256-GCM, a key derived from it); null means "use one generated on
   * first start and kept in the database", which guards only against a leak of the enrolments table alone.
   */
  mfaKey: string | null;
  /**
   * Whether anyone is expected to set up a second factor (ADMIN and MANAGER, and everyone in an agency that
   * requires it): the portal sends them to enrol before anything else. False asks no one (second factors already
   * set up still work): for a deployment rolling out, and for tests of other features that sign in as managers.
   */
  mfaEnrolmentRequired: boolean;
  /**
   * Whether giving ADMIN needs a second administrator's approval while two or more are active (issue 16, item 4).
   * False lets one administrator give it alone: for tests of other features that make several administrators.
   */
  adminGrantApproval: boolean;
  tokenTtlSeconds: number;
  /**
   * The key (at least 32 characters) that encrypts secrets kept in the database, such as identity providers'
   * client secrets; null means "derive one from TOKEN_SECRET, or from the key kept in the database without it".
   */
  encryptionKey: string | null;
  /**
   * The address browsers reach the portal at (`https://portal.example.org`), for the single sign-on redirect URI;
   * null means "the address the browser used", which is fine behind no proxy or one that keeps the Host header.
   */
  publicUrl: string | null;
  /**
   * A session unused this long ends, however long its token has left. At least 5: use is recorded at most once a
   * minute, so a session may end up to a minute early.
   */
  sessionIdleMinutes: number;
  development: boolean;
  /** Alerts are kept this long for `caseAlerts(since:)` replays. */
  alertRetentionDays: number;
  /** Days after a meeting that attendees without a share of a case may still open its material. */
  meetingMaterialDays: number;
  /**
   * The area's women aged 16 and over (ONS mid-year estimate), for SafeLives' MARAC referrals per 10,000 adult
   * women; null: that figure is not given, and the portal says why.
   */
  maracAdultFemalePopulation: number | null;
  /** Person searches (issue 18) one user may make in an hour: a search is for a case in hand, not to enumerate. */
  personSearchesPerHour: number;
  /** Years after closing that a case is kept whole; then it is anonymised unless a legal hold stops it. */
  retentionYears: number;
  /** ASB Case Review: qualifying complaints within six months, and the working days to acknowledge, decide and meet. */
  caseReview: {
    threshold: number;
    acknowledgeDays: number;
    decideDays: number;
    meetDays: number;
    /** Working days from receipt to the applicant being told the review's outcome. */
    tellDays: number;
    /** Working days after the applicant was told within which they may appeal. */
    appealDays: number;
    /** Working days from an appeal to its hearing's outcome. */
    appealHearDays: number;
  };
  /** How often the scheduler looks for overdue actions and missed service standards (and prunes alerts). */
  alertSchedulerSeconds: number;
  /** How often open WebSockets are checked for expired tokens, ended or idle sessions and deactivated users. */
  sessionSweepSeconds: number;
  /** Count each request's SQL statements (tests and the benchmark); costs time, so off by default. */
  countSqlStatements: boolean;
  /** Connections in the application role's pool. */
  databasePoolMax: number;
  /**
   * Sign-in throttling: failures within the window tolerated per account and per address before each further
   * attempt must wait (1 s, doubling with every failure, at most `maxDelaySeconds`) after the latest failure.
   */
  signInThrottle: { perAccount: number; perAddress: number; windowSeconds: number; maxDelaySeconds: number };
  /**
   * Express's `trust proxy`: which hops may say who the client is in `X-Forwarded-For`. `false` trusts none
   * (the socket's peer is the client); a number trusts that many hops; a list trusts those addresses and CIDRs.
   */
  trustProxy: false | number | string[];
  /** Evidence files: the largest accepted, and where the bytes go (under `dataDir/evidence` unless S3 is set). */
  evidence: { maxBytes: number; s3: EvidenceS3Config | null };
  /**
   * WebSocket limits: seconds a socket may stay open without `connection_init`, sockets one user may hold open
   * at once (per instance), and `caseAlerts(since:)` replays one user may start per minute.
   */
  sockets: { initTimeoutSeconds: number; maxPerUser: number; replaysPerMinute: number };
  /**
   * Outgoing mail (invitations, password resets). `smtpUrl` null writes each message as a file under
   * `dataDir/mail` instead, listed at /dev/mail outside production. `publicUrl` is where the links in mail point.
   */
  mail: { smtpUrl: string | null; from: string; publicUrl: string; devPage: boolean };
  /** Requests (and subscriptions started) one partner-system key may make a minute, per instance. */
  apiKeyRequestsPerMinute: number;
  /**
   * Webhooks (issue 17, item 5). `allowPrivateAddresses` lets an endpoint be on this machine or a private network
   * (loopback, RFC 1918, link-local…), and plain http:// there: for a receiver on a developer's machine. Off
   * outside NODE_ENV=development, refused with NODE_ENV=production: it would let any manager make the portal
   * post to the cloud's metadata service or an internal admin page.
   */
  webhooks: { allowPrivateAddresses: boolean };
}

/** An S3-compatible bucket for evidence. Without credentials the AWS SDK's own chain is asked (an instance role). */
export interface EvidenceS3Config {
  bucket: string;
  /** For S3-compatible stores (MinIO, Ceph…), addressed path-style; null for AWS itself. */
  endpoint: string | null;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string; sessionToken?: string } | null;
}

export class ConfigError extends Error {}

/** The demo partnership's caseworkers, managers and chairs sign in with it (libs/demo); it is printed in the README. */
export const DEMO_PASSWORD = 'Demo-partnership-2026';

/**
 * Whether a secret is one anybody can read: a "change me" placeholder (the old docker-compose.yml shipped
 * "change-this-admin-password") or the demo's published password. Refused whatever NODE_ENV says: a server
 * started without NODE_ENV is no safer for it.
 */
function published(secret: string): boolean {
  return /change[-_ .]?(me|this)/i.test(secret) || secret === DEMO_PASSWORD;
}

function refusePublished(secret: string | null, name: string): void {
  // The message names the setting, never the value: start-up output ends up in shared logs.
  if (secret !== null && published(secret)) {
    throw new ConfigError(
      `${name} is a placeholder or a published password: set a secret of your own (for example \`openssl rand -hex 32\`)`,
    );
  }
}

function databasePassword(url: string): string | null {
  try {
    return decodeURIComponent(new URL(url).password) || null;
  } catch {
    return null;
  }
}

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return value;
}

function flag(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['true', '1', 'yes'].includes(raw)) return true;
  if (['false', '0', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, not "${env[name]}"`);
}

function evidenceS3(env: Env): EvidenceS3Config | null {
  const bucket = env.EVIDENCE_S3_BUCKET?.trim() || null;
  const endpoint = env.EVIDENCE_S3_ENDPOINT?.trim() || null;
  const accessKeyId = env.AWS_ACCESS_KEY_ID?.trim() || null;
  const secretAccessKey = env.AWS_SECRET_ACCESS_KEY?.trim() || null;
  if (!bucket) {
    if (endpoint) throw new ConfigError('EVIDENCE_S3_ENDPOINT is set without EVIDENCE_S3_BUCKET');
    return null;
  }
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint))
    throw new ConfigError(`EVIDENCE_S3_ENDPOINT must be an http:// or https:// URL, not "${endpoint}"`);
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together or not at all');
  }
  const sessionToken = env.AWS_SESSION_TOKEN?.trim() || undefined;
  return {
    bucket,
    endpoint,
    region: env.EVIDENCE_S3_REGION?.trim() || 'us-east-1',
    credentials:
      accessKeyId && secretAccessKey
        ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }
        : null,
  };
}

/** The names proxy-addr knows for whole ranges, besides addresses and CIDRs. */
const PROXY_RANGES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * `TRUST_PROXY`: unset or `false` (the default) lets no one speak for the client; a hop count or a list of the
 * proxies' addresses lets only them. `true` (every hop) is refused: anyone could then write `X-Forwarded-For`
 * and pick the address the sign-in throttle counts against, escaping it or framing someone else.
 */
function trustProxy(env: Env): false | number | string[] {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw.toLowerCase() === 'false') return false;
  if (/^\d+$/.test(raw)) return integer(env, 'TRUST_PROXY', 0, 1, 10);
  if (raw.toLowerCase() === 'true') {
    throw new ConfigError(
      "TRUST_PROXY=true would believe X-Forwarded-For from anyone: give the proxies' addresses or CIDRs, or how many proxies there are",
    );
  }
  const entries = raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    if (PROXY_RANGES.has(entry)) continue;
    const [ip, bits, ...rest] = entry.split('/');
    const version = isIP(ip);
    const prefix = Number(bits);
    const badPrefix = bits !== undefined && (!/^\d+$/.test(bits) || prefix > (version === 6 ? 128 : 32));
    if (!version || badPrefix || rest.length) {
      throw new ConfigError(
        `TRUST_PROXY must be false, a number of proxies, or addresses and CIDRs separated by commas; "${entry}" is none of these`,
      );
    }
  }
  return entries;
}

/** `PUBLIC_URL`: an origin (scheme, host, optional port), with any trailing slash dropped. */
function publicUrlOf(env: Env): string | null {
  const raw = env.PUBLIC_URL?.trim().replace(/\/+$/, '');
  if (!raw) return null;
  let url: URL | null = null;
  try {
    url = new URL(raw);
  } catch {
    // Reported below with the value.
  }
  if (!url || !['http:', 'https:'].includes(url.protocol) || url.pathname !== '/' || url.search || url.hash) {
    throw new ConfigError(`PUBLIC_URL must be the portal's address, like https://portal.example.org, not "${raw}"`);
  }
  return url.origin;
}

/**
 * SMTP_URL: `smtp://` or `smtps://` (nodemailer's URL form, credentials and `?` options included); unset means "write
 * mail to files". The links mail carries point at PUBLIC_URL, else at this machine.
 */
function mail(env: Env, port: number, production: boolean): AppConfig['mail'] {
  const smtpUrl = env.SMTP_URL?.trim() || null;
  if (smtpUrl && !/^smtps?:\/\/[^\s/]+/.test(smtpUrl))
    throw new ConfigError(
      'SMTP_URL must be an smtp:// or smtps:// URL, for example smtp://user:password@mail.example.org:587',
    );
  const from = env.MAIL_FROM?.trim() || 'Partnership portal <no-reply@localhost>';
  if (/[\r\n]/.test(from) || !/@/.test(from))
    throw new ConfigError(
      'MAIL_FROM must be an address, optionally with a name: Partnership portal <portal@example.org>',
    );
  const publicUrl = publicUrlOf(env) ?? `http://localhost:${port}`;
  // A real server is told where it is: a link to localhost in an invitation reaches nobody.
  if (production && smtpUrl && !env.PUBLIC_URL?.trim())
    throw new ConfigError(
      'PUBLIC_URL is required with SMTP_URL and NODE_ENV=production: the links in mail point there',
    );
  return { smtpUrl, from, publicUrl, devPage: !production && smtpUrl === null };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const appDatabaseUrl = env.APP_DATABASE_URL?.trim() || null;
  if (appDatabaseUrl && !databaseUrl) {
    throw new ConfigError(
      'APP_DATABASE_URL is set without DATABASE_URL (the embedded database keeps its own application role)',
    );
  }
  if (appDatabaseUrl && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    throw new ConfigError('APP_DATABASE_URL must be a postgres:// URL');
  }
  refusePublished(databaseUrl && databasePassword(databaseUrl), 'The password in DATABASE_URL');
  refusePublished(appDatabaseUrl && databasePassword(appDatabaseUrl), 'The password in APP_DATABASE_URL');
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are set together or not at all');
  }
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters');
  }
  refusePublished(adminPassword, 'ADMIN_PASSWORD');
  const tokenSecret = env.TOKEN_SECRET || null;
  if (tokenSecret !== null && tokenSecret.length < 32) {
    throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
  }
  const tokenSecretPrevious = env.TOKEN_SECRET_PREVIOUS || null;
  if (tokenSecretPrevious !== null && tokenSecret === null) {
    throw new ConfigError('TOKEN_SECRET_PREVIOUS is set without TOKEN_SECRET (it is the key TOKEN_SECRET replaced)');
  }
  if (tokenSecretPrevious !== null && tokenSecretPrevious.length < 32) {
    throw new ConfigError('TOKEN_SECRET_PREVIOUS must be at least 32 characters');
  }
  refusePublished(tokenSecret, 'TOKEN_SECRET');
  // Rotating away from a published key must not keep it verifying.
  refusePublished(tokenSecretPrevious, 'TOKEN_SECRET_PREVIOUS');
  const encryptionKey = env.ENCRYPTION_KEY || null;
  if (encryptionKey !== null && encryptionKey.length < 32) {
    throw new ConfigError('ENCRYPTION_KEY must be at least 32 characters');
  }
  refusePublished(encryptionKey, 'ENCRYPTION_KEY');
  // Its own key, not one derived from TOKEN_SECRET: rotating the token key must not lock out every enrolled user.
  const mfaKey = env.MFA_KEY || null;
  if (mfaKey !== null && mfaKey.length < 32) throw new ConfigError('MFA_KEY must be at least 32 characters');
  refusePublished(mfaKey, 'MFA_KEY');
  const production = env.NODE_ENV?.trim() === 'production';
  // The embedded default is a demo out of the box; a real database gets demo data only when asked, and a
  // production server never: the demo's users sign in with a password printed in the README.
  const seedDemo = flag(env, 'SEED_DEMO', databaseUrl === null && !production);
  if (seedDemo && production) {
    throw new ConfigError(
      'SEED_DEMO=true is refused with NODE_ENV=production: the demo partnership signs in with a published password. ' +
        'Load it on a development machine (NODE_ENV unset or development), or unset SEED_DEMO',
    );
  }
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const webhookAllowPrivate = flag(env, 'WEBHOOK_ALLOW_PRIVATE_ADDRESSES', env.NODE_ENV?.trim() === 'development');
  if (webhookAllowPrivate && production) {
    throw new ConfigError(
      'WEBHOOK_ALLOW_PRIVATE_ADDRESSES=true is refused with NODE_ENV=production: webhooks could then reach the ' +
        "server's own network (a metadata service, an internal page). Unset it",
    );
  }
  return {
    port,
    databaseUrl,
    appDatabaseUrl,
    dataDir: resolve(env.DATA_DIR?.trim() || './.data'),
    portalDir: resolve(env.PORTAL_DIR?.trim() || './dist/portal'),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    seedDemo,
    tokenSecret,
    tokenSecretPrevious,
    encryptionKey,
    publicUrl: publicUrlOf(env),
    mfaKey,
    mfaEnrolmentRequired: flag(env, 'MFA_ENROLMENT_REQUIRED', true),
    adminGrantApproval: flag(env, 'ADMIN_GRANT_APPROVAL', true),
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    sessionIdleMinutes: integer(env, 'SESSION_IDLE_MINUTES', 30, 5, 24 * 60),
    development: env.NODE_ENV === 'development',
    countSqlStatements: flag(env, 'COUNT_SQL_STATEMENTS', false),
    databasePoolMax: integer(env, 'DATABASE_POOL_MAX', 20, 2, 500),
    alertRetentionDays: integer(env, 'ALERT_RETENTION_DAYS', 30, 1, 3650),
    meetingMaterialDays: integer(env, 'MEETING_MATERIAL_DAYS', 30, 0, 3650),
    maracAdultFemalePopulation: env.MARAC_ADULT_FEMALE_POPULATION?.trim()
      ? integer(env, 'MARAC_ADULT_FEMALE_POPULATION', 0, 1, 100_000_000)
      : null,
    personSearchesPerHour: integer(env, 'PERSON_SEARCHES_PER_HOUR', 30, 1, 1000),
    retentionYears: integer(env, 'RETENTION_YEARS', 6, 1, 100),
    caseReview: {
      threshold: integer(env, 'CASE_REVIEW_THRESHOLD', 3, 1, 20),
      acknowledgeDays: integer(env, 'CASE_REVIEW_ACKNOWLEDGE_DAYS', 5, 1, 60),
      decideDays: integer(env, 'CASE_REVIEW_DECIDE_DAYS', 10, 1, 60),
      meetDays: integer(env, 'CASE_REVIEW_MEET_DAYS', 25, 1, 120),
      tellDays: integer(env, 'CASE_REVIEW_TELL_DAYS', 30, 1, 180),
      appealDays: integer(env, 'CASE_REVIEW_APPEAL_DAYS', 20, 1, 120),
      appealHearDays: integer(env, 'CASE_REVIEW_APPEAL_HEAR_DAYS', 20, 1, 120),
    },
    alertSchedulerSeconds: integer(env, 'ALERT_SCHEDULER_SECONDS', 60, 1, 3600),
    sessionSweepSeconds: integer(env, 'SESSION_SWEEP_SECONDS', 30, 1, 60),
    signInThrottle: {
      perAccount: integer(env, 'SIGN_IN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      // Generous: a whole police force may share one address, and a wait there holds up every officer behind it.
      perAddress: integer(env, 'SIGN_IN_MAX_FAILURES_PER_ADDRESS', 100, 1, 100000),
      windowSeconds: integer(env, 'SIGN_IN_THROTTLE_WINDOW_SECONDS', 15 * 60, 1, 86400),
      maxDelaySeconds: integer(env, 'SIGN_IN_MAX_DELAY_SECONDS', 5 * 60, 1, 86400),
    },
    trustProxy: trustProxy(env),
    evidence: {
      // At most 1 GiB: sizes travel as GraphQL Int, and anything larger belongs in a case file, not a browser upload.
      maxBytes: integer(env, 'EVIDENCE_MAX_BYTES', 25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
      s3: evidenceS3(env),
    },
    sockets: {
      initTimeoutSeconds: integer(env, 'SOCKET_INIT_TIMEOUT_SECONDS', 3, 1, 60),
      // Enough for an officer's tabs and devices, a shared duty-desk account and a partner's integration that
      // subscribes per case (the alert benchmark holds ten or eleven per user); a stolen token still cannot open
      // thousands. A replay reads the log from its cursor: one a second on average is far past any reconnecting
      // client, and still bounds a loop that replays from the start.
      maxPerUser: integer(env, 'MAX_SOCKETS_PER_USER', 50, 1, 1000),
      replaysPerMinute: integer(env, 'ALERT_REPLAYS_PER_MINUTE', 60, 1, 1000),
    },
    mail: mail(env, port, production),
    // Ten a second on average, in bursts of up to a minute's worth: far past a case system's sync, and a bound on
    // what a leaked key can pull before it is revoked.
    apiKeyRequestsPerMinute: integer(env, 'API_KEY_REQUESTS_PER_MINUTE', 600, 1, 100000),
    webhooks: { allowPrivateAddresses: webhookAllowPrivate },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
