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
  tokenTtlSeconds: number;
  development: boolean;
  /** Alerts are kept this long for `caseAlerts(since:)` replays. */
  alertRetentionDays: number;
  /** Days after a meeting that attendees without a share of a case may still open its material. */
  meetingMaterialDays: number;
  /** Years after closing that a case is kept whole; then it is anonymised unless a legal hold stops it. */
  retentionYears: number;
  /** ASB Case Review: qualifying complaints within six months, and the working days to acknowledge, decide and meet. */
  caseReview: { threshold: number; acknowledgeDays: number; decideDays: number; meetDays: number };
  /** How often the scheduler looks for overdue actions and missed service standards (and prunes alerts). */
  alertSchedulerSeconds: number;
  /** How often open WebSockets are checked for expired tokens and deactivated users. */
  sessionSweepSeconds: number;
  /** Count each request's SQL statements (tests and the benchmark); costs time, so off by default. */
  countSqlStatements: boolean;
  /** Connections in the application role's pool. */
  databasePoolMax: number;
  /** Failed sign-ins tolerated per account and per address within the window. */
  signInThrottle: { perAccount: number; perAddress: number; windowSeconds: number };
  /** Evidence files: the largest accepted, and where the bytes go (under `dataDir/evidence` unless S3 is set). */
  evidence: { maxBytes: number; s3: EvidenceS3Config | null };
  /**
   * WebSocket limits: seconds a socket may stay open without `connection_init`, sockets one user may hold open
   * at once (per instance), and `caseAlerts(since:)` replays one user may start per minute.
   */
  sockets: { initTimeoutSeconds: number; maxPerUser: number; replaysPerMinute: number };
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
  if (endpoint && !/^https?:\/\/[^\s/]+/.test(endpoint)) throw new ConfigError(`EVIDENCE_S3_ENDPOINT must be an http:// or https:// URL, not "${endpoint}"`);
  if ((accessKeyId === null) !== (secretAccessKey === null)) {
    throw new ConfigError('AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set together or not at all');
  }
  const sessionToken = env.AWS_SESSION_TOKEN?.trim() || undefined;
  return {
    bucket,
    endpoint,
    region: env.EVIDENCE_S3_REGION?.trim() || 'us-east-1',
    credentials: accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : null,
  };
}

export function loadConfig(env: Env = process.env): AppConfig {
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('DATABASE_URL must be a postgres:// URL');
  }
  const appDatabaseUrl = env.APP_DATABASE_URL?.trim() || null;
  if (appDatabaseUrl && !databaseUrl) {
    throw new ConfigError('APP_DATABASE_URL is set without DATABASE_URL (the embedded database keeps its own application role)');
  }
  if (appDatabaseUrl && !/^postgres(ql)?:\/\//.test(appDatabaseUrl)) {
    throw new ConfigError('APP_DATABASE_URL must be a postgres:// URL');
  }
  const adminEmail = env.ADMIN_EMAIL?.trim() || null;
  const adminPassword = env.ADMIN_PASSWORD || null;
  if ((adminEmail === null) !== (adminPassword === null)) {
    throw new ConfigError('ADMIN_EMAIL and ADMIN_PASSWORD are set together or not at all');
  }
  if (adminPassword !== null && adminPassword.length < 12) {
    throw new ConfigError('ADMIN_PASSWORD must be at least 12 characters');
  }
  const tokenSecret = env.TOKEN_SECRET || null;
  if (tokenSecret !== null && tokenSecret.length < 32) {
    throw new ConfigError('TOKEN_SECRET must be at least 32 characters');
  }
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    databaseUrl,
    appDatabaseUrl,
    dataDir: resolve(env.DATA_DIR?.trim() || './.data'),
    portalDir: resolve(env.PORTAL_DIR?.trim() || './dist/portal'),
    adminEmail: adminEmail?.toLowerCase() ?? null,
    adminPassword,
    // The embedded default is a demo out of the box; a real database gets demo data only when asked.
    seedDemo: flag(env, 'SEED_DEMO', databaseUrl === null),
    tokenSecret,
    tokenTtlSeconds: integer(env, 'TOKEN_TTL_SECONDS', 8 * 3600, 60, 7 * 24 * 3600),
    development: env.NODE_ENV === 'development',
    countSqlStatements: flag(env, 'COUNT_SQL_STATEMENTS', false),
    databasePoolMax: integer(env, 'DATABASE_POOL_MAX', 20, 2, 500),
    alertRetentionDays: integer(env, 'ALERT_RETENTION_DAYS', 30, 1, 3650),
    meetingMaterialDays: integer(env, 'MEETING_MATERIAL_DAYS', 30, 0, 3650),
    retentionYears: integer(env, 'RETENTION_YEARS', 6, 1, 100),
    caseReview: {
      threshold: integer(env, 'CASE_REVIEW_THRESHOLD', 3, 1, 20),
      acknowledgeDays: integer(env, 'CASE_REVIEW_ACKNOWLEDGE_DAYS', 5, 1, 60),
      decideDays: integer(env, 'CASE_REVIEW_DECIDE_DAYS', 10, 1, 60),
      meetDays: integer(env, 'CASE_REVIEW_MEET_DAYS', 25, 1, 120),
    },
    alertSchedulerSeconds: integer(env, 'ALERT_SCHEDULER_SECONDS', 60, 1, 3600),
    sessionSweepSeconds: integer(env, 'SESSION_SWEEP_SECONDS', 30, 1, 60),
    signInThrottle: {
      perAccount: integer(env, 'SIGN_IN_MAX_FAILURES_PER_ACCOUNT', 5, 1, 1000),
      perAddress: integer(env, 'SIGN_IN_MAX_FAILURES_PER_ADDRESS', 20, 1, 10000),
      windowSeconds: integer(env, 'SIGN_IN_THROTTLE_WINDOW_SECONDS', 15 * 60, 1, 86400),
    },
    evidence: {
      // At most 1 GiB: sizes travel as GraphQL Int, and anything larger belongs in a case file, not a browser upload.
      maxBytes: integer(env, 'EVIDENCE_MAX_BYTES', 25 * 1024 * 1024, 1, 1024 * 1024 * 1024),
      s3: evidenceS3(env),
    },
    sockets: {
      initTimeoutSeconds: integer(env, 'SOCKET_INIT_TIMEOUT_SECONDS', 3, 1, 60),
      maxPerUser: integer(env, 'MAX_SOCKETS_PER_USER', 10, 1, 1000),
      replaysPerMinute: integer(env, 'ALERT_REPLAYS_PER_MINUTE', 10, 1, 1000),
    },
  };
}

export const APP_CONFIG = Symbol('APP_CONFIG');
