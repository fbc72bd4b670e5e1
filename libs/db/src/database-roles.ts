import { createHmac } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { ConfigError } from '#libs/config';
import { migrations } from './migrations/index.js';

/**
 * Tables only ever added to. The application role may insert and read them, never update, delete or
 * truncate; their one permitted change (retention) goes through a function the owner defined.
 */
export const TRAIL_TABLES = ['audit_events', 'admin_events'];

/** Lost races between instances starting together on one cluster (roles are cluster-wide). */
const RACES = new Set(['XX000', '40001', '40P01', '23505', '42710']);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Two roles: the owner (DATABASE_URL's user) migrates the schema and owns every table and function; the
 * portal's requests, its listener, the scheduler and start-up seeding run as the application role, which
 * owns nothing, creates nothing, and may only add to and read the trail. Run before anything connects as
 * the application role; returns the URL to connect with.
 */
export async function prepareDatabase(ownerUrl: string, appUrl: string | null): Promise<string> {
  const owner = new DataSource({
    type: 'postgres',
    url: ownerUrl,
    migrations,
    entities: [],
    extra: { max: 1, application_name: 'portal-migrations' },
  });
  await owner.initialize();
  try {
    await owner.runMigrations();
    const url = appUrl ?? (await keepApplicationRole(owner, ownerUrl));
    await grantApplicationRole(owner, decodeURIComponent(new URL(url).username));
    await refuseAPowerfulRole(url);
    return url;
  } finally {
    await owner.destroy();
  }
}

/**
 * Without APP_DATABASE_URL the portal keeps `<owner>_app` itself. Its password is derived from the owner's,
 * so every instance on one database (and every test database on one cluster) arrives at the same one with
 * nothing stored, and whoever can read it could already sign in as the owner.
 */
async function keepApplicationRole(owner: DataSource, ownerUrl: string): Promise<string> {
  const url = new URL(ownerUrl);
  const user = decodeURIComponent(url.username);
  const ownerPassword = decodeURIComponent(url.password);
  if (!user || !ownerPassword) {
    throw new ConfigError(
      'DATABASE_URL names no user and password to derive the application role from: set APP_DATABASE_URL to a role of its own',
    );
  }
  const role = `${user}_app`;
  if (role.length > 63 || role.includes('$'))
    throw new ConfigError(`The application role name "${role}" is not usable: set APP_DATABASE_URL`);
  url.username = encodeURIComponent(role);
  url.password = createHmac('sha256', ownerPassword)
    .update(`partnership-portal application role ${role}`)
    .digest('base64url');
  const appUrl = url.toString();
  if (await canSignIn(appUrl)) return appUrl;
  for (let attempt = 1; ; attempt++) {
    try {
      await owner.query(
        `DO $role$ BEGIN CREATE ROLE ${pg.escapeIdentifier(role)} LOGIN; EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $role$`,
      );
      await owner.query(
        `ALTER ROLE ${pg.escapeIdentifier(role)} WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD ${pg.escapeLiteral(url.password)}`,
      );
      return appUrl;
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (attempt >= 6 || !code || !RACES.has(code)) throw error;
      await sleep(50 * attempt + Math.random() * 200);
    }
  }
}

async function canSignIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, application_name: 'portal-role-check' });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * Granted afresh at every start, so a table a later migration adds is covered: everything on every table,
 * then the trail's changes and the migrations record taken back, all in one transaction.
 */
async function grantApplicationRole(owner: DataSource, role: string): Promise<void> {
  const app = pg.escapeIdentifier(role);
  await owner.transaction(async (db) => {
    await db.query(`SELECT pg_advisory_xact_lock(hashtext('partnership-grants'))`);
    const [{ name }]: { name: string }[] = await db.query(`SELECT current_database() AS name`);
    const trails: { table: string }[] = await db.query(
      `SELECT relname AS table FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p') AND relname = ANY($1) ORDER BY relname`,
      [TRAIL_TABLES],
    );
    await db.query(`
      GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(name)} TO ${app};
      GRANT USAGE ON SCHEMA public TO ${app};
      REVOKE CREATE ON SCHEMA public FROM PUBLIC, ${app};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${app};
      REVOKE ALL ON TABLE migrations FROM ${app};
      ${trails.map(({ table }) => `REVOKE UPDATE, DELETE, TRUNCATE ON TABLE ${pg.escapeIdentifier(table)} FROM ${app};`).join('\n')}
      GRANT EXECUTE ON FUNCTION portal_retention_scrub(uuid[]) TO ${app};
      GRANT EXECUTE ON FUNCTION portal_move_person_links(uuid, uuid, uuid[]) TO ${app};
    `);
  });
}

/** APP_DATABASE_URL naming the owner, a superuser or one of the owner's members would undo all of this. */
async function refuseAPowerfulRole(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'portal-role-check' });
  try {
    await client.connect();
  } catch (error) {
    throw new ConfigError(`The portal cannot sign in as its application role: ${(error as Error).message}`);
  }
  try {
    const { rows } = await client.query(
      `SELECT current_user AS role,
              r.rolsuper OR r.rolcreaterole OR r.rolcreatedb OR r.rolbypassrls OR r.rolreplication AS powerful,
              pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = 'public.audit_events'::regclass), 'MEMBER')
                OR EXISTS (SELECT 1 FROM pg_class WHERE relowner = r.oid) AS owner
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    const [{ role, powerful, owner }] = rows as { role: string; powerful: boolean; owner: boolean }[];
    if (powerful || owner) {
      throw new ConfigError(
        `The application role "${role}" must not be a superuser, create roles or databases, bypass row security, or own (or be a member of the owner of) the portal's tables`,
      );
    }
  } finally {
    await client.end().catch(() => undefined);
  }
}
