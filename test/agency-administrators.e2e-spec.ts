import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { codeOf, PASSWORD, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 16, item 4, written as the attacks: an agency's own administrator (AGENCY_ADMIN) manages its users and
 * nobody else's (another agency's user does not exist for them), never gives ADMIN or AGENCY_ADMIN, and reads no
 * case; while two or more administrators are active, nobody gives ADMIN alone; the last administrator keeps it;
 * every step is in the administration log, each agency's administrator reading their own agency's part.
 */

const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { id roles pendingAdminGrant { id status } } }`;
const INVITE_USER = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id roles } }`;
const SET_ROLES = `mutation($id: ID!, $roles: [Role!]!) { setUserRoles(userId: $id, roles: $roles) { id roles pendingAdminGrant { id status } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id active } }`;
const REACTIVATE = `mutation($id: ID!) { reactivateUser(id: $id) { id active roles } }`;
const RESET_MFA = `mutation($id: ID!) { resetSecondFactor(userId: $id) }`;
const END_SESSIONS = `mutation($id: ID!) { endSessionsOfUser(userId: $id) }`;
const GRANTS = `{ adminGrants { id status expiresAt user { id } requestedBy { id } decidedBy { id } } }`;
const APPROVE = `mutation($id: ID!) { approveAdminGrant(id: $id) { id status decidedBy { id } user { id roles } } }`;
const REFUSE = `mutation($id: ID!) { refuseAdminGrant(id: $id) { id status } }`;
const USERS = `query($agencyId: ID) { users(agencyId: $agencyId) { id agency { id } } }`;
const LOG = `query($agencyId: ID) { administrationLog(first: 100, agencyId: $agencyId) { totalCount
  edges { node { action detail roles previousRoles agency { id } user { id } actor { id } } } } }`;
const CREATE_KEY = `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`;

type LogEvent = {
  action: string;
  detail: string;
  roles: string[];
  previousRoles: string[] | null;
  agency: { id: string };
  user: { id: string } | null;
  actor: { id: string } | null;
};

describe('agency administrators, and ADMIN given by two administrators', () => {
  let portal: TestPortal;
  let people: Partnership;
  let admin: string;
  let adminId: string;
  let second: Persona;
  let police: string;
  let landlord: string;
  let policeAdmin: Persona;
  let landlordAdmin: Persona;
  let policeOfficer: Persona;
  let landlordOfficer: Persona;

  const db = async <T = Record<string, any>>(sql: string, params: unknown[] = []) =>
    (await portal.db.query(sql, params)).rows as T[];
  const userRow = async (id: string) =>
    (await db<{ roles: string[]; active: boolean }>(`SELECT roles, active FROM users WHERE id = $1`, [id]))[0];
  const events = async () => Number((await db(`SELECT count(*)::int AS n FROM admin_events`))[0].n);
  const openGrants = async () =>
    Number((await db(`SELECT count(*)::int AS n FROM admin_grants WHERE outcome IS NULL`))[0].n);
  const log = async (token: string, agencyId?: string) => {
    const page = (await portal.ok(LOG, { agencyId }, token)).administrationLog;
    const events: LogEvent[] = page.edges.map((e: { node: LogEvent }) => e.node);
    return { totalCount: page.totalCount as number, events };
  };
  const newUser = (agencyId: string, roles: string[], label: string) => ({
    input: {
      email: `${label}-${randomUUID().slice(0, 8)}@partnership.test`,
      displayName: label,
      agencyId,
      roles,
      password: PASSWORD,
    },
  });
  /** The state an attack must leave exactly as it was. */
  const snapshot = async () => ({
    users: await db(`SELECT id, roles, active, deactivated_at FROM users ORDER BY id`),
    events: await events(),
    grants: await db(`SELECT id, outcome, requested_by FROM admin_grants ORDER BY id`),
    enrolments: await db(`SELECT user_id FROM totp_enrolments ORDER BY user_id`),
    sessions: await db(`SELECT count(*)::int AS n FROM sessions WHERE ended_at IS NULL`),
  });

  beforeAll(async () => {
    portal = await TestPortal.start({ ADMIN_GRANT_APPROVAL: 'true', SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    admin = await people.admin();
    adminId = (await portal.ok(`{ me { id } }`, {}, admin)).me.id;
    police = await people.agency('Agency Admin Police', 'POLICE');
    landlord = await people.agency('Agency Admin Homes', 'LANDLORD');
    policeAdmin = await people.user(police, ['AGENCY_ADMIN'], 'police-admin');
    landlordAdmin = await people.user(landlord, ['AGENCY_ADMIN'], 'landlord-admin');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police-officer');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord-officer');
  });
  afterAll(() => portal.close());

  describe('the partnership’s administrators', () => {
    it('the only active administrator cannot take away their own ADMIN: CONFLICT, nothing changed', async () => {
      const before = await snapshot();
      const result = await portal.gql(SET_ROLES, { id: adminId, roles: ['CASEWORKER'] }, admin);
      expect(codeOf(result)).toBe('CONFLICT');
      expect(result.errors![0].extensions!.field).toBe('roles');
      expect(await snapshot()).toEqual(before);
    });

    it('the first administrator makes the second alone (the bootstrap case: nobody else could approve)', async () => {
      const created = (await portal.ok(CREATE_USER, newUser(police, ['ADMIN', 'CASEWORKER'], 'second-admin'), admin))
        .createUser;
      expect(created.roles.sort()).toEqual(['ADMIN', 'CASEWORKER']);
      expect((await userRow(created.id)).roles).toContain('ADMIN');
      const { email } = (await db<{ email: string }>(`SELECT email FROM users WHERE id = $1`, [created.id]))[0];
      second = { id: created.id, email, agencyId: police, token: await portal.login(email) };
      expect(await openGrants()).toBe(0);
    });

    it('with two administrators, ADMIN is asked for: the user is answered without it until another approves', async () => {
      const asked = (await portal.ok(SET_ROLES, { id: policeOfficer.id, roles: ['CASEWORKER', 'ADMIN'] }, admin))
        .setUserRoles;
      expect(asked.roles).toEqual(['CASEWORKER']);
      expect((await userRow(policeOfficer.id)).roles).toEqual(['CASEWORKER']);
      const [grant] = (await portal.ok(GRANTS, {}, admin)).adminGrants;
      // The answer says ADMIN waits: the request is on the user answered.
      expect(asked.pendingAdminGrant).toEqual({ id: grant.id, status: 'PENDING' });
      expect(grant).toMatchObject({
        status: 'PENDING',
        user: { id: policeOfficer.id },
        requestedBy: { id: adminId },
        decidedBy: null,
      });
      const days = (Date.parse(grant.expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(6.9);
      expect(days).toBeLessThanOrEqual(7);

      // The attack: the administrator who asked approves it themself.
      const before = await snapshot();
      const own = await portal.gql(APPROVE, { id: grant.id }, admin);
      expect(codeOf(own)).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
      // Nor may the user it is for, nor an agency's administrator, nor anyone but an administrator.
      for (const token of [policeOfficer.token, policeAdmin.token])
        expect(codeOf(await portal.gql(APPROVE, { id: grant.id }, token))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);

      const approved = (await portal.ok(APPROVE, { id: grant.id }, second.token)).approveAdminGrant;
      expect(approved).toMatchObject({ status: 'APPROVED', decidedBy: { id: second.id } });
      expect(approved.user.roles.sort()).toEqual(['ADMIN', 'CASEWORKER']);
      expect((await userRow(policeOfficer.id)).roles.sort()).toEqual(['ADMIN', 'CASEWORKER']);
      expect(await db(`SELECT requested_by, decided_by, outcome FROM admin_grants WHERE id = $1`, [grant.id])).toEqual([
        { requested_by: adminId, decided_by: second.id, outcome: 'APPROVED' },
      ]);
      expect(codeOf(await portal.gql(APPROVE, { id: grant.id }, second.token))).toBe('CONFLICT');
      expect((await portal.ok(GRANTS, {}, admin)).adminGrants).toEqual([]);

      const { events: logged } = await log(admin, police);
      const about = logged.filter((e) => e.user?.id === policeOfficer.id);
      expect(about.find((e) => e.action === 'ADMIN_GRANT_REQUESTED')).toMatchObject({ actor: { id: adminId } });
      expect(about.find((e) => e.action === 'ADMIN_GRANT_APPROVED')).toMatchObject({
        actor: { id: second.id },
        previousRoles: ['CASEWORKER'],
        roles: expect.arrayContaining(['ADMIN', 'CASEWORKER']),
      });
      // Taken back, so the officer is a caseworker again for the tests below (three administrators: not the last).
      await portal.ok(SET_ROLES, { id: policeOfficer.id, roles: ['CASEWORKER'] }, admin);
      expect((await userRow(policeOfficer.id)).roles).toEqual(['CASEWORKER']);
    });

    it('a refused request gives nothing; createUser and inviteUser ask for ADMIN the same way', async () => {
      const created = (
        await portal.ok(CREATE_USER, newUser(landlord, ['AGENCY_ADMIN', 'ADMIN'], 'would-be-admin'), admin)
      ).createUser;
      expect(created.roles).toEqual(['AGENCY_ADMIN']);
      expect(created.pendingAdminGrant).toMatchObject({ status: 'PENDING' });
      const invited = (
        await portal.ok(
          INVITE_USER,
          { input: { ...newUser(landlord, ['ADMIN', 'MANAGER'], 'invited-admin').input, password: undefined } },
          second.token,
        )
      ).inviteUser;
      expect(invited.roles).toEqual(['MANAGER']);
      const grants = (await portal.ok(GRANTS, {}, admin)).adminGrants;
      expect(grants.map((g: { user: { id: string } }) => g.user.id).sort()).toEqual([created.id, invited.id].sort());

      const refused = grants.find((g: { user: { id: string } }) => g.user.id === created.id);
      expect((await portal.ok(REFUSE, { id: refused.id }, second.token)).refuseAdminGrant.status).toBe('REFUSED');
      expect((await userRow(created.id)).roles).toEqual(['AGENCY_ADMIN']);

      // ADMIN alone cannot wait for approval: a user always holds a role.
      const before = await snapshot();
      const alone = await portal.gql(CREATE_USER, newUser(landlord, ['ADMIN'], 'admin-alone'), admin);
      expect(codeOf(alone)).toBe('BAD_USER_INPUT');
      expect(alone.errors![0].extensions!.field).toBe('roles');
      expect(await snapshot()).toEqual(before);
    });

    it('a request lapses after 7 days: it can no longer be approved, and asking again renews it', async () => {
      const invited = (await portal.ok(GRANTS, {}, admin)).adminGrants[0];
      await db(`UPDATE admin_grants SET expires_at = now() - interval '1 second' WHERE id = $1`, [invited.id]);
      expect((await portal.ok(GRANTS, {}, admin)).adminGrants).toEqual([]);
      const before = await snapshot();
      expect(codeOf(await portal.gql(APPROVE, { id: invited.id }, admin))).toBe('CONFLICT');
      expect(await snapshot()).toEqual(before);
      await portal.ok(SET_ROLES, { id: invited.user.id, roles: ['MANAGER', 'ADMIN'] }, admin);
      const [renewed] = (await portal.ok(GRANTS, {}, admin)).adminGrants;
      expect(renewed).toMatchObject({ status: 'PENDING', user: { id: invited.user.id }, requestedBy: { id: adminId } });
      await portal.ok(REFUSE, { id: renewed.id }, second.token);
    });

    it('reactivating an administrator is giving ADMIN again: it comes back without it, and it is asked for', async () => {
      const former = (await portal.ok(CREATE_USER, newUser(police, ['CASEWORKER'], 'former-admin'), admin)).createUser;
      const asked = (await portal.ok(SET_ROLES, { id: former.id, roles: ['CASEWORKER', 'ADMIN'] }, admin)).setUserRoles;
      expect(asked.roles).toEqual(['CASEWORKER']);
      const grant = (await portal.ok(GRANTS, {}, admin)).adminGrants[0];
      await portal.ok(APPROVE, { id: grant.id }, second.token);
      await portal.ok(DEACTIVATE, { id: former.id }, admin);
      const back = (await portal.ok(REACTIVATE, { id: former.id }, admin)).reactivateUser;
      expect(back).toMatchObject({ active: true, roles: ['CASEWORKER'] });
      const [again] = (await portal.ok(GRANTS, {}, admin)).adminGrants;
      expect(again.user.id).toBe(former.id);
      await portal.ok(REFUSE, { id: again.id }, second.token);
    });

    it('the last active administrator can be neither deactivated nor stripped of ADMIN (CONFLICT)', async () => {
      // Every administrator but the first steps down or is deactivated, until one is left.
      const others = await db<{ id: string }>(
        `SELECT id FROM users WHERE 'ADMIN' = ANY(roles) AND active AND id <> $1 AND NOT system`,
        [adminId],
      );
      for (const { id } of others) await portal.ok(DEACTIVATE, { id }, admin);
      const before = await snapshot();
      const strip = await portal.gql(SET_ROLES, { id: adminId, roles: ['AGENCY_ADMIN'] }, admin);
      expect(codeOf(strip)).toBe('CONFLICT');
      expect(await snapshot()).toEqual(before);
      expect((await userRow(adminId)).roles).toEqual(['ADMIN']);
      // Back to two administrators: the second is reactivated by the only one (no second person exists to ask).
      const back = (await portal.ok(REACTIVATE, { id: second.id }, admin)).reactivateUser;
      expect(back.roles).toContain('ADMIN');
      second.token = await portal.login(second.email);
    });
  });

  describe('an agency’s administrator', () => {
    it('manages their own agency’s users: invite, roles, deactivate, reactivate, second factor, sessions, all logged', async () => {
      const invited = (
        await portal.ok(
          INVITE_USER,
          { input: { ...newUser(police, ['CASEWORKER'], 'invited-officer').input, password: undefined } },
          policeAdmin.token,
        )
      ).inviteUser;
      const changed = (
        await portal.ok(SET_ROLES, { id: invited.id, roles: ['MANAGER', 'MARAC_CHAIR'] }, policeAdmin.token)
      ).setUserRoles;
      expect(changed.roles).toEqual(['MANAGER', 'MARAC_CHAIR']);
      // Requests for ADMIN are the partnership administrators' to read.
      expect(changed.pendingAdminGrant).toBeNull();
      expect((await portal.ok(DEACTIVATE, { id: invited.id }, policeAdmin.token)).deactivateUser.active).toBe(false);
      expect((await portal.ok(REACTIVATE, { id: invited.id }, policeAdmin.token)).reactivateUser.active).toBe(true);
      expect((await userRow(invited.id)).active).toBe(true);

      // The officer lost their phone: their second factor goes, and so do their sessions.
      const officerToken = await portal.login(policeOfficer.email);
      await db(`INSERT INTO totp_enrolments (user_id, secret_sealed, confirmed_at) VALUES ($1, 'sealed', now())`, [
        policeOfficer.id,
      ]);
      await db(`INSERT INTO totp_recovery_codes (user_id, code_digest) VALUES ($1, 'digest')`, [policeOfficer.id]);
      expect((await portal.ok(RESET_MFA, { id: policeOfficer.id }, policeAdmin.token)).resetSecondFactor).toBe(true);
      expect(await db(`SELECT 1 FROM totp_enrolments WHERE user_id = $1`, [policeOfficer.id])).toEqual([]);
      expect(await db(`SELECT 1 FROM totp_recovery_codes WHERE user_id = $1`, [policeOfficer.id])).toEqual([]);
      expect(codeOf(await portal.gql(`{ me { id } }`, {}, officerToken))).toBe('UNAUTHENTICATED');
      policeOfficer.token = await portal.login(policeOfficer.email);
      expect((await portal.ok(END_SESSIONS, { id: policeOfficer.id }, policeAdmin.token)).endSessionsOfUser).toBe(1);
      policeOfficer.token = await portal.login(policeOfficer.email);

      const { events: logged } = await log(policeAdmin.token);
      const byThem = logged.filter((e) => e.actor?.id === policeAdmin.id);
      expect(byThem.map((e) => e.action)).toEqual([
        'SESSIONS_ENDED',
        'SECOND_FACTOR_RESET',
        'USER_REACTIVATED',
        'USER_DEACTIVATED',
        'ROLES_CHANGED',
        'USER_INVITED',
      ]);
      expect(byThem.find((e) => e.action === 'ROLES_CHANGED')).toMatchObject({
        previousRoles: ['CASEWORKER'],
        roles: ['MANAGER', 'MARAC_CHAIR'],
      });
      expect(byThem.every((e) => e.agency.id === police)).toBe(true);
    });

    it('another agency’s user does not exist for them: NOT_FOUND on every operation, nothing changed', async () => {
      await db(`INSERT INTO totp_enrolments (user_id, secret_sealed, confirmed_at) VALUES ($1, 'sealed', now())`, [
        landlordOfficer.id,
      ]);
      const before = await snapshot();
      for (const [query, variables] of [
        [SET_ROLES, { id: landlordOfficer.id, roles: ['MANAGER'] }],
        [DEACTIVATE, { id: landlordOfficer.id }],
        [REACTIVATE, { id: landlordOfficer.id }],
        [RESET_MFA, { id: landlordOfficer.id }],
        [END_SESSIONS, { id: landlordOfficer.id }],
      ] as const) {
        const result = await portal.gql(query, variables, policeAdmin.token);
        expect([query, codeOf(result)]).toEqual([query, 'NOT_FOUND']);
      }
      expect(await snapshot()).toEqual(before);
      expect(codeOf(await portal.gql(`{ me { id } }`, {}, landlordOfficer.token))).toBeUndefined();
    });

    it('adds users to their own agency only (another agency by name: FORBIDDEN), and never gives ADMIN or AGENCY_ADMIN', async () => {
      const before = await snapshot();
      for (const query of [CREATE_USER, INVITE_USER]) {
        const password = query === CREATE_USER ? PASSWORD : undefined;
        const elsewhere = await portal.gql(
          query,
          { input: { ...newUser(landlord, ['CASEWORKER'], 'planted').input, password } },
          policeAdmin.token,
        );
        expect(codeOf(elsewhere)).toBe('FORBIDDEN');
        expect(elsewhere.errors![0].extensions!.field).toBe('agencyId');
        for (const roles of [['ADMIN'], ['CASEWORKER', 'ADMIN'], ['AGENCY_ADMIN']]) {
          const beyond = await portal.gql(
            query,
            { input: { ...newUser(police, roles, 'beyond').input, password } },
            policeAdmin.token,
          );
          expect([roles, codeOf(beyond), beyond.errors?.[0].extensions?.field]).toEqual([roles, 'FORBIDDEN', 'roles']);
        }
      }
      for (const roles of [['CASEWORKER', 'ADMIN'], ['ADMIN'], ['AGENCY_ADMIN'], ['CASEWORKER', 'AGENCY_ADMIN']]) {
        const beyond = await portal.gql(SET_ROLES, { id: policeOfficer.id, roles }, policeAdmin.token);
        expect([roles, codeOf(beyond)]).toEqual([roles, 'FORBIDDEN']);
      }
      // Nor takes AGENCY_ADMIN away from a colleague (or themself).
      for (const id of [policeAdmin.id])
        expect(codeOf(await portal.gql(SET_ROLES, { id, roles: ['CASEWORKER'] }, policeAdmin.token))).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    });

    it('cannot touch an administrator’s account in their agency: FORBIDDEN, nothing changed', async () => {
      const before = await snapshot();
      for (const [query, variables] of [
        [SET_ROLES, { id: second.id, roles: ['ADMIN'] }],
        [DEACTIVATE, { id: second.id }],
        [RESET_MFA, { id: second.id }],
        [END_SESSIONS, { id: second.id }],
      ] as const)
        expect([query, codeOf(await portal.gql(query, variables, policeAdmin.token))]).toEqual([query, 'FORBIDDEN']);
      expect(await snapshot()).toEqual(before);
    });

    it('reads their own agency’s users and administration log only, and no case', async () => {
      const mine = (await portal.ok(USERS, {}, policeAdmin.token)).users as { agency: { id: string } }[];
      expect(mine.length).toBeGreaterThan(2);
      expect(mine.every((u) => u.agency.id === police)).toBe(true);
      expect((await portal.ok(USERS, { agencyId: landlord }, policeAdmin.token)).users).toEqual([]);

      const own = await log(policeAdmin.token);
      expect(own.totalCount).toBeGreaterThan(0);
      expect(own.events.every((e: LogEvent) => e.agency.id === police)).toBe(true);
      expect((await log(policeAdmin.token, landlord)).totalCount).toBe(0);
      expect((await log(landlordAdmin.token)).events.every((e: LogEvent) => e.agency.id === landlord)).toBe(true);

      expect(codeOf(await portal.gql(`{ cases { totalCount } }`, {}, policeAdmin.token))).toBe('FORBIDDEN');
      expect(codeOf(await portal.gql(GRANTS, {}, policeAdmin.token))).toBe('FORBIDDEN');
    });
  });

  describe('every role, and a partner system’s key, against every operation', () => {
    const ROLES = ['CASEWORKER', 'MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'ADMIN', 'AGENCY_ADMIN'] as const;
    type Caller = (typeof ROLES)[number] | 'API_KEY';
    const callers = new Map<Caller, string>();
    let target: Persona;

    beforeAll(async () => {
      target = await people.user(police, ['CASEWORKER'], 'matrix-target');
      for (const role of ROLES)
        callers.set(
          role,
          // Two administrators are active: a third would wait for approval, so the second one acts as ADMIN here.
          role === 'ADMIN' ? second.token : (await people.user(police, [role], `matrix-${role}`)).token,
        );
      const manager = await people.user(police, ['MANAGER'], 'key-maker');
      const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
      const { key } = (
        await portal.ok(
          CREATE_KEY,
          { input: { name: 'Records system', access: 'READ_WRITE', expiresAt } },
          manager.token,
        )
      ).createApiKey;
      callers.set('API_KEY', key);
    });

    const administrators: Caller[] = ['ADMIN', 'AGENCY_ADMIN'];
    /**
     * Each operation, and what a caller the guard lets through gets: done (OK), or, for an id that exists nowhere,
     * NOT_FOUND (an agency's administrator inviting to an agency not theirs: FORBIDDEN, naming it).
     */
    const operations: {
      name: string;
      query: string;
      variables: () => Record<string, unknown>;
      through: Partial<Record<Caller, string>>;
    }[] = [
      {
        name: 'setUserRoles',
        query: SET_ROLES,
        variables: () => ({ id: target.id, roles: ['CASEWORKER'] }),
        through: { ADMIN: 'OK', AGENCY_ADMIN: 'OK' },
      },
      {
        name: 'reactivateUser',
        query: REACTIVATE,
        variables: () => ({ id: target.id }),
        through: { ADMIN: 'OK', AGENCY_ADMIN: 'OK' },
      },
      {
        name: 'resetSecondFactor',
        query: RESET_MFA,
        variables: () => ({ id: target.id }),
        through: { ADMIN: 'OK', AGENCY_ADMIN: 'OK' },
      },
      {
        name: 'endSessionsOfUser',
        query: END_SESSIONS,
        variables: () => ({ id: target.id }),
        through: { ADMIN: 'OK', AGENCY_ADMIN: 'OK' },
      },
      {
        name: 'deactivateUser',
        query: DEACTIVATE,
        variables: () => ({ id: randomUUID() }),
        through: { ADMIN: 'NOT_FOUND', AGENCY_ADMIN: 'NOT_FOUND' },
      },
      {
        name: 'inviteUser',
        query: INVITE_USER,
        variables: () => ({ input: { ...newUser(randomUUID(), ['CASEWORKER'], 'nobody').input, password: undefined } }),
        through: { ADMIN: 'NOT_FOUND agencyId', AGENCY_ADMIN: 'FORBIDDEN agencyId' },
      },
      { name: 'adminGrants', query: GRANTS, variables: () => ({}), through: { ADMIN: 'OK' } },
      {
        name: 'approveAdminGrant',
        query: APPROVE,
        variables: () => ({ id: randomUUID() }),
        through: { ADMIN: 'NOT_FOUND' },
      },
      {
        name: 'refuseAdminGrant',
        query: REFUSE,
        variables: () => ({ id: randomUUID() }),
        through: { ADMIN: 'NOT_FOUND' },
      },
    ];

    it('refuses every caseworker, manager, MARAC role and key (FORBIDDEN, nothing changed); lets administrators through', async () => {
      const outcomes: string[] = [];
      const expected: string[] = [];
      for (const op of operations) {
        for (const caller of [...ROLES, 'API_KEY'] as Caller[]) {
          const before = await snapshot();
          const result = await portal.gql(op.query, op.variables(), callers.get(caller));
          const error = result.errors?.[0];
          const code = error ? `${codeOf(result)}${error.extensions?.field === 'agencyId' ? ' agencyId' : ''}` : 'OK';
          outcomes.push(`${op.name} as ${caller}: ${code}`);
          expected.push(`${op.name} as ${caller}: ${op.through[caller] ?? 'FORBIDDEN'}`);
          if (code.startsWith('FORBIDDEN')) expect(await snapshot()).toEqual(before);
        }
      }
      expect(administrators.every((caller) => callers.has(caller))).toBe(true);
      expect(outcomes).toEqual(expected);
      expect(await userRow(target.id)).toEqual({ roles: ['CASEWORKER'], active: true });
    }, 120_000);

    it('nobody gives the agency’s service account (what its keys act as) a role or resets it; it may be stopped and restarted', async () => {
      const [{ id: account }] = await db<{ id: string }>(`SELECT id FROM users WHERE system AND agency_id = $1`, [
        police,
      ]);
      const before = await snapshot();
      for (const caller of ['ADMIN', 'AGENCY_ADMIN'] as const)
        for (const [query, variables] of [
          [SET_ROLES, { id: account, roles: ['CASEWORKER', 'ADMIN'] }],
          [SET_ROLES, { id: account, roles: ['MANAGER'] }],
          [RESET_MFA, { id: account }],
        ] as const)
          expect([caller, query, codeOf(await portal.gql(query, variables, callers.get(caller)))]).toEqual([
            caller,
            query,
            'NOT_FOUND',
          ]);
      expect(await snapshot()).toEqual(before);
      expect((await userRow(account)).roles).toEqual(['CASEWORKER']);

      const key = callers.get('API_KEY')!;
      await portal.ok(DEACTIVATE, { id: account }, callers.get('AGENCY_ADMIN'));
      expect(codeOf(await portal.gql(`{ me { id } }`, {}, key))).toBe('UNAUTHENTICATED');
      await portal.ok(REACTIVATE, { id: account }, callers.get('AGENCY_ADMIN'));
      expect((await portal.ok(`{ me { id } }`, {}, key)).me.id).toBe(account);
    });
  });
});
