import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '#libs/config';
import { DEMO_PASSWORD } from '#libs/demo';
import { announceDemo, demoAdminPasswordFile } from '../apps/api/src/demo-announcement.js';
import { codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership } from './partnership.js';

const DEMO_ADMIN = 'admin@riverside-partnership.example';
const HOMES_CASEWORKER = 'caseworker@riverside-homes.example';
const ASB_CASEWORKER = 'caseworker@riverside-asb.example';
const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken } }`;

/** The environment the Docker image gives the process: its Dockerfile's `ENV` lines, as `docker run` would set them. */
function imageEnvironment(): Record<string, string> {
  const dockerfile = readFileSync(new URL('../Dockerfile', import.meta.url), 'utf8');
  const runStage = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));
  const env: Record<string, string> = {};
  for (const [, pairs] of runStage.matchAll(/^ENV\s+(.+)$/gm)) {
    for (const [, name, value] of pairs.matchAll(/(\w+)=(\S+)/g)) env[name] = value;
  }
  return env;
}

/**
 * Issue 14, finding 6, written as the attack: the image loaded the demo, whose users sign in with a password
 * printed in the README, into whatever database it was pointed at; the demo's administrator shared that
 * password; a restart re-opened demo accounts an administrator had closed; and docker-compose.yml shipped
 * secrets anyone could read.
 */
describe('the image as shipped', () => {
  it('runs with NODE_ENV=production, so it loads no demo, and refuses to start when asked for one, saying why', () => {
    const image = imageEnvironment();
    expect(image.NODE_ENV).toBe('production');
    expect(loadConfig(image).seedDemo).toBe(false);
    expect(loadConfig({ ...image, DATABASE_URL: 'postgres://portal:s3cret-of-our-own@db:5432/portal' }).seedDemo).toBe(
      false,
    );
    for (const database of [{}, { DATABASE_URL: 'postgres://portal:s3cret-of-our-own@db:5432/portal' }]) {
      const start = () => loadConfig({ ...image, ...database, SEED_DEMO: 'true' });
      expect(start).toThrow(ConfigError);
      expect(start).toThrow(
        'SEED_DEMO=true is refused with NODE_ENV=production: the demo partnership signs in with a published password',
      );
    }
  });

  it('refuses to start with the secrets the old compose file shipped', () => {
    const image = imageEnvironment();
    expect(() => loadConfig({ ...image, TOKEN_SECRET: 'change-this-to-at-least-32-random-characters' })).toThrow(
      /TOKEN_SECRET is a placeholder/,
    );
    expect(() =>
      loadConfig({ ...image, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: 'change-this-admin-password' }),
    ).toThrow(/ADMIN_PASSWORD is a placeholder/);
    expect(() => loadConfig({ ...image, ADMIN_EMAIL: 'admin@example.org', ADMIN_PASSWORD: DEMO_PASSWORD })).toThrow(
      /ADMIN_PASSWORD is a placeholder or a published password/,
    );
    expect(() => loadConfig({ ...image, DATABASE_URL: 'postgres://portal:portal-change-me@db:5432/portal' })).toThrow(
      /DATABASE_URL is a placeholder/,
    );
  });

  it('has docker-compose.yml take every secret from the environment, and load no demo', () => {
    const compose = readFileSync(new URL('../docker-compose.yml', import.meta.url), 'utf8');
    expect(compose).not.toMatch(/^\s+SEED_DEMO:/m);
    for (const name of ['TOKEN_SECRET', 'ADMIN_PASSWORD', 'POSTGRES_PASSWORD']) {
      // `${NAME:?message}`: compose stops with the message when NAME is unset or empty.
      // Quoted either way (Prettier writes single quotes unless the message holds one).
      expect(compose).toMatch(new RegExp(`^\\s+${name}: (["'])\\$\\{${name}:\\?[^}]+\\}\\1$`, 'm'));
    }
    expect(compose).toMatch(
      /DATABASE_URL: (["'])postgres:\/\/portal:\$\{POSTGRES_PASSWORD:\?[^}]+\}@db:5432\/portal\1/,
    );
    expect(compose).not.toMatch(/change-me|change-this/i);
  });
});

describe('the demo partnership on a development machine', () => {
  let portal: TestPortal;
  let seeded: TestPortal;
  let dataDir: string;
  let closedByHand: string;
  let generated: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-safe-defaults-'));
    // An administrator made one of the demo's accounts by hand before the demo was loaded, with roles and a
    // password of its own, then closed it.
    portal = await TestPortal.start();
    const partnership = new Partnership(portal);
    const asb = await partnership.agency('Riverside Council ASB Unit', 'COUNCIL');
    const { createUser } = await portal.ok(
      `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      {
        input: {
          email: ASB_CASEWORKER,
          displayName: 'Made by hand',
          agencyId: asb,
          roles: ['MANAGER'],
          password: PASSWORD,
        },
      },
      await partnership.admin(),
    );
    closedByHand = createUser.id;
    await portal.ok(
      `mutation($id: ID!) { deactivateUser(id: $id) { id } }`,
      { id: closedByHand },
      await partnership.admin(),
    );
    seeded = await portal.another({ SEED_DEMO: 'true' });
  }, 120_000);
  afterAll(async () => {
    await seeded?.close();
    await portal?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives the demo administrator a generated password, not the published one, shown once and kept for its owner alone', async () => {
    expect(seeded.demo?.loaded).toBe(true);
    generated = seeded.demo!.administrator.password!;
    expect(generated).toMatch(/^[\w-]{24}$/);
    expect(codeOf(await seeded.gql(LOGIN, { email: DEMO_ADMIN, password: DEMO_PASSWORD }))).toBe('UNAUTHENTICATED');
    expect(await seeded.login(DEMO_ADMIN, generated)).toEqual(expect.any(String));
    // Caseworkers keep the published password: the demo is for exploring.
    expect(await seeded.login(HOMES_CASEWORKER, DEMO_PASSWORD)).toEqual(expect.any(String));

    const lines = await announceDemo(seeded.demo!, dataDir);
    expect(lines.filter((line) => line.includes(generated))).toHaveLength(1);
    expect(lines.find((line) => line.includes(`"${DEMO_PASSWORD}"`))).toMatch(/^Demo sign-ins/);
    expect(lines.filter((line) => line.includes(DEMO_ADMIN))).toEqual([
      expect.stringMatching(/^Demo administrator: .*shown this once/),
    ]);
    const file = demoAdminPasswordFile(dataDir);
    expect(readFileSync(file, 'utf8')).toBe(`${generated}\n`);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('does not re-open, re-role or reset an account that was there before the demo loaded', async () => {
    const { rows } = await seeded.db.query(`SELECT active, roles, display_name FROM users WHERE id = $1`, [
      closedByHand,
    ]);
    expect(rows[0]).toEqual({ active: false, roles: ['MANAGER'], display_name: 'Made by hand' });
    for (const password of [DEMO_PASSWORD, PASSWORD]) {
      expect(codeOf(await seeded.gql(LOGIN, { email: ASB_CASEWORKER, password }))).toBe('UNAUTHENTICATED');
    }
  });

  it("keeps a demo account closed, and the administrator's password, across a restart; the password is not shown again", async () => {
    const admin = await seeded.login(DEMO_ADMIN, generated);
    const [{ id }] = (await seeded.db.query(`SELECT id FROM users WHERE lower(email) = $1`, [HOMES_CASEWORKER])).rows;
    await seeded.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id }, admin);

    const restarted = await seeded.another({ SEED_DEMO: 'true' });
    try {
      expect(restarted.demo).toMatchObject({ loaded: false, administrator: { email: DEMO_ADMIN, password: null } });
      expect(codeOf(await restarted.gql(LOGIN, { email: HOMES_CASEWORKER, password: DEMO_PASSWORD }))).toBe(
        'UNAUTHENTICATED',
      );
      expect((await restarted.db.query(`SELECT active FROM users WHERE id = $1`, [id])).rows[0].active).toBe(false);
      expect(await restarted.login(DEMO_ADMIN, generated)).toEqual(expect.any(String));

      const lines = await announceDemo(restarted.demo!, dataDir);
      expect(lines.join('\n')).not.toContain(generated);
      expect(lines).toContain(
        `Demo administrator: ${DEMO_ADMIN} (its password was printed when it was created, and is in ${demoAdminPasswordFile(dataDir)})`,
      );
      expect(readFileSync(demoAdminPasswordFile(dataDir), 'utf8')).toBe(`${generated}\n`);
    } finally {
      await restarted.close();
    }
  });
});
