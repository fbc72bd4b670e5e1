import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { QueryCounter } from '#libs/db';
import { codeOf, type GraphQLResult, PASSWORD, TestPortal } from './harness.js';
import { Mailbox, type ReceivedMail } from './mailbox.js';
import { Partnership, type Persona } from './partnership.js';

const PUBLIC_URL = 'https://portal.partnership.test';
const INVITE = `mutation($input: InviteUserInput!) { inviteUser(input: $input) { id email displayName roles active agency { id } } }`;
const ACCEPT = `mutation($token: String!, $password: String!) { acceptInvitation(token: $token, password: $password) }`;
const REQUEST_RESET = `mutation($email: String!) { requestPasswordReset(email: $email) }`;
const RESET = `mutation($token: String!, $password: String!) { resetPassword(token: $token, password: $password) }`;
const CHANGE = `mutation($current: String!, $next: String!) { changePassword(currentPassword: $current, newPassword: $next) }`;
const ME = `{ me { id } }`;
const NEW_PASSWORD = 'Kettle-lantern-orchard-58';

/** The token in a mail's link to `page` (the fragment keeps it out of server logs and Referer headers). */
function tokenIn(mail: ReceivedMail, page: 'invitation' | 'reset-password'): string {
  const match = new RegExp(`${PUBLIC_URL}/${page}#token=([A-Za-z0-9_-]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${page} link in: ${mail.text}`);
  return match[1];
}

describe('invitations, password resets and password changes (issue 16, item 3)', () => {
  let mailbox: Mailbox;
  let portal: TestPortal;
  let people: Partnership;
  let admin: string;
  let police: string;
  let caseworker: Persona;
  let counter = 0;
  const email = (label: string) => `${label}-${++counter}@police.test`;

  const signsIn = async (address: string, password: string) =>
    !(
      await portal.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, {
        e: address,
        p: password,
      })
    ).errors;

  /** Invites a user and answers their id and the token their invitation mail carries. */
  const invite = async (label: string, roles = ['CASEWORKER']) => {
    const address = email(label);
    const data = await portal.ok(
      INVITE,
      { input: { email: address, displayName: `Officer ${label}`, agencyId: police, roles } },
      admin,
    );
    const [mail] = await mailbox.waitFor(address);
    return { id: data.inviteUser.id as string, email: address, mail, token: tokenIn(mail, 'invitation') };
  };

  /** A user with a password, and the token of a reset they asked for. */
  const resetFor = async (address: string) => {
    const before = mailbox.received.filter((m) => m.to.includes(address)).length;
    expect((await portal.ok(REQUEST_RESET, { email: address })).requestPasswordReset).toBe(true);
    const mails = await mailbox.waitFor(address, before + 1);
    return tokenIn(mails[before], 'reset-password');
  };

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    portal = await TestPortal.start({ SMTP_URL: mailbox.url, PUBLIC_URL, ALERT_SCHEDULER_SECONDS: '1' });
    people = new Partnership(portal);
    admin = await people.admin();
    police = await people.agency('Invitation Police', 'POLICE');
    caseworker = await people.user(police, ['CASEWORKER'], 'caseworker');
  });
  afterAll(async () => {
    await portal?.close();
    await mailbox?.close();
  });

  describe('invitations', () => {
    it('an administrator invites an officer, who sets their own password from the link and signs in; nobody chose it for them', async () => {
      const invited = await invite('invited');
      expect(invited.mail.subject).toMatch(/invit/i);
      // A link and no password, nothing about any case.
      expect(invited.mail.text).not.toMatch(/password:/i);
      expect(await signsIn(invited.email, PASSWORD)).toBe(false);
      expect((await portal.ok(ACCEPT, { token: invited.token, password: NEW_PASSWORD })).acceptInvitation).toBe(true);
      expect(await signsIn(invited.email, NEW_PASSWORD)).toBe(true);
      const log = await portal.ok(
        `{ administrationLog(first: 20) { edges { node { action detail user { id } actor { email } } } } }`,
        {},
        admin,
      );
      const events = log.administrationLog.edges.map((e: { node: unknown }) => e.node);
      expect(events).toContainEqual(
        expect.objectContaining({
          action: 'USER_INVITED',
          user: { id: invited.id },
          actor: { email: 'admin@partnership.test' },
        }),
      );
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM account_tokens WHERE user_id = $1 AND used_at IS NULL`,
        [invited.id],
      );
      expect(rows[0].n).toBe(0);
    });

    it('keeps only a hash of the token: the database holds nothing a reader could use as the link', async () => {
      const invited = await invite('hashed');
      const { rows } = await portal.db.query(`SELECT token_hash FROM account_tokens WHERE user_id = $1`, [invited.id]);
      expect(rows).toHaveLength(1);
      const stored = (rows[0].token_hash as Buffer).toString('hex');
      expect(stored).not.toContain(Buffer.from(invited.token, 'base64url').toString('hex'));
      expect(JSON.stringify(rows)).not.toContain(invited.token);
      // Nor does the sent mail's record keep the link.
      for (let i = 0; i < 100; i++) {
        const { rows: sent } = await portal.db.query(
          `SELECT text FROM mail_outbox WHERE "to" = $1 AND sent_at IS NOT NULL`,
          [invited.email],
        );
        if (sent.length) {
          expect(sent).toEqual([{ text: '' }]);
          return;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error('the invitation was never marked sent');
    });

    it('refuses a used invitation link, and the password set with it stays', async () => {
      const invited = await invite('used');
      await portal.ok(ACCEPT, { token: invited.token, password: NEW_PASSWORD });
      const again = await portal.gql(ACCEPT, { token: invited.token, password: 'Attacker-chosen-password-9' });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0].extensions!.field).toBe('token');
      expect(await signsIn(invited.email, 'Attacker-chosen-password-9')).toBe(false);
      expect(await signsIn(invited.email, NEW_PASSWORD)).toBe(true);
    });

    it('lets one of two simultaneous uses of a link through and refuses the other', async () => {
      const invited = await invite('twice');
      const results = await Promise.all(
        ['First-choice-of-password-1', 'Second-choice-of-password-2'].map((password) =>
          portal.gql(ACCEPT, { token: invited.token, password }),
        ),
      );
      expect(results.map((r) => r.data?.acceptInvitation ?? codeOf(r)).sort()).toEqual(['BAD_USER_INPUT', true].sort());
      const winner = results[0].data?.acceptInvitation ? 'First-choice-of-password-1' : 'Second-choice-of-password-2';
      expect(await signsIn(invited.email, winner)).toBe(true);
    });

    it('refuses an expired invitation link (expiry checked by the database clock)', async () => {
      const invited = await invite('expired');
      const { rows } = await portal.db.query(
        `SELECT round(extract(epoch FROM expires_at - created_at) / 3600)::int AS hours FROM account_tokens WHERE user_id = $1`,
        [invited.id],
      );
      expect(rows[0].hours).toBe(72);
      await portal.db.query(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [
        invited.id,
      ]);
      const result = await portal.gql(ACCEPT, { token: invited.token, password: NEW_PASSWORD });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('token');
      expect(await signsIn(invited.email, NEW_PASSWORD)).toBe(false);
    });

    it("refuses a deactivated user's invitation", async () => {
      const invited = await invite('deactivated');
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: invited.id }, admin);
      const result = await portal.gql(ACCEPT, { token: invited.token, password: NEW_PASSWORD });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe('token');
    });

    it('refuses a made-up or malformed token exactly as a used one', async () => {
      for (const token of [randomBytes(32).toString('base64url'), 'not a token', '']) {
        const result = await portal.gql(ACCEPT, { token, password: NEW_PASSWORD });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0]).toMatchObject({
          message: 'This link is not valid: it may have been used or have expired',
          extensions: { field: 'token' },
        });
      }
    });

    it('refuses a weak password naming the field, and the link still works for a good one', async () => {
      const invited = await invite('weak');
      for (const password of [
        'short-1',
        'password123456',
        'aaaaaaaaaaaaaaaa',
        `${invited.email.split('@')[0]}-2026!`,
        'Partnership-portal-1',
      ]) {
        const result = await portal.gql(ACCEPT, { token: invited.token, password });
        expect(codeOf(result)).toBe('BAD_USER_INPUT');
        expect(result.errors![0].extensions!.field).toBe('password');
      }
      expect((await portal.ok(ACCEPT, { token: invited.token, password: NEW_PASSWORD })).acceptInvitation).toBe(true);
    });

    it('follows createUser’s rule: a caseworker may not invite, and nothing is sent', async () => {
      const address = email('not-invited');
      const result = await portal.gql(
        INVITE,
        { input: { email: address, displayName: 'Nobody', agencyId: police, roles: ['ADMIN'] } },
        caseworker.token,
      );
      expect(codeOf(result)).toBe('FORBIDDEN');
      await new Promise((r) => setTimeout(r, 300));
      expect(mailbox.received.filter((m) => m.to.includes(address))).toEqual([]);
    });

    it('an invitation link does not reset a password, nor a reset link accept an invitation', async () => {
      const invited = await invite('purpose');
      expect(codeOf(await portal.gql(RESET, { token: invited.token, password: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      const reset = await resetFor(caseworker.email);
      expect(codeOf(await portal.gql(ACCEPT, { token: reset, password: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      expect(await signsIn(caseworker.email, NEW_PASSWORD)).toBe(false);
      expect(await signsIn(invited.email, NEW_PASSWORD)).toBe(false);
    });

    it('createUser with a password still works as the contract says', async () => {
      const colleague = await people.user(police, ['CASEWORKER'], 'contract');
      expect(await signsIn(colleague.email, PASSWORD)).toBe(true);
    });
  });

  describe('password resets', () => {
    it('a reset sets a new password from the link, once, and ends every session of the user', async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'reset');
      const other = await portal.login(officer.email);
      const token = await resetFor(officer.email);
      expect((await portal.ok(RESET, { token, password: NEW_PASSWORD })).resetPassword).toBe(true);
      expect(await signsIn(officer.email, PASSWORD)).toBe(false);
      expect(await signsIn(officer.email, NEW_PASSWORD)).toBe(true);
      for (const old of [officer.token, other]) expect(codeOf(await portal.gql(ME, {}, old))).toBe('UNAUTHENTICATED');
      const again = await portal.gql(RESET, { token, password: 'Another-new-password-77' });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(again.errors![0].extensions!.field).toBe('token');
    });

    it("a reset link changes only its own user's password, whoever presents it", async () => {
      const mine = await people.user(police, ['CASEWORKER'], 'mine');
      const theirs = await people.user(police, ['CASEWORKER'], 'theirs');
      const token = await resetFor(mine.email);
      // Presented by someone signed in as another user: the token, not the caller, decides whose password it is.
      await portal.ok(RESET, { token, password: NEW_PASSWORD }, theirs.token);
      expect(await signsIn(mine.email, NEW_PASSWORD)).toBe(true);
      expect(await signsIn(theirs.email, PASSWORD)).toBe(true);
      expect(await signsIn(theirs.email, NEW_PASSWORD)).toBe(false);
      expect(codeOf(await portal.gql(ME, {}, theirs.token))).toBeUndefined();
    });

    it('refuses an expired reset link', async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'late');
      const token = await resetFor(officer.email);
      await portal.db.query(
        `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1 AND purpose = 'PASSWORD_RESET'`,
        [officer.id],
      );
      expect(codeOf(await portal.gql(RESET, { token, password: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      expect(await signsIn(officer.email, PASSWORD)).toBe(true);
    });

    it("refuses a deactivated user's reset link, and sends a deactivated user none", async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'leaver');
      const token = await resetFor(officer.email);
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: officer.id }, admin);
      expect(codeOf(await portal.gql(RESET, { token, password: NEW_PASSWORD }))).toBe('BAD_USER_INPUT');
      const sent = mailbox.received.filter((m) => m.to.includes(officer.email)).length;
      expect((await portal.ok(REQUEST_RESET, { email: officer.email })).requestPasswordReset).toBe(true);
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailbox.received.filter((m) => m.to.includes(officer.email))).toHaveLength(sent);
    });

    it('answers a reset request for an unknown email exactly as for a known one: same answer, same statements', async () => {
      const known = await people.user(police, ['CASEWORKER'], 'known');
      const measure = async (address: string) => {
        const id = randomBytes(8).toString('hex');
        const res = await request(portal.app.getHttpServer())
          .post('/graphql')
          .set('Content-Type', 'application/json')
          .set('x-request-id', id)
          .send({ query: REQUEST_RESET, variables: { email: address } });
        const counter = portal.app.get(QueryCounter);
        for (let i = 0; i < 100 && counter.statementsOf(id) === undefined; i++)
          await new Promise((r) => setTimeout(r, 10));
        return { status: res.status, body: res.body as GraphQLResult, statements: counter.statementsOf(id) };
      };
      const forKnown = await measure(known.email);
      const forUnknown = await measure(`nobody-${randomBytes(4).toString('hex')}@police.test`);
      expect(forKnown.body).toEqual({ data: { requestPasswordReset: true } });
      expect(forUnknown).toEqual(forKnown);
      await mailbox.waitFor(known.email);
    });

    it('throttles requests: a few mails an hour to one address, then silence; many requests from one place are refused', async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'flooded');
      for (let i = 0; i < 5; i++)
        expect((await portal.ok(REQUEST_RESET, { email: officer.email })).requestPasswordReset).toBe(true);
      await mailbox.waitFor(officer.email, 3);
      await new Promise((r) => setTimeout(r, 1500));
      expect(mailbox.received.filter((m) => m.to.includes(officer.email))).toHaveLength(3);
      let refused: GraphQLResult | undefined;
      for (let i = 0; i < 60 && !refused; i++) {
        const result = await portal.gql(REQUEST_RESET, { email: `stranger-${i}@example.org` });
        if (result.errors) refused = result;
      }
      expect(codeOf(refused!)).toBe('TOO_MANY_REQUESTS');
    });
  });

  describe('changing one’s own password', () => {
    it('needs the current password, checks the new one, and ends the user’s other sessions but not this one', async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'changer');
      const elsewhere = await portal.login(officer.email);
      const wrong = await portal.gql(CHANGE, { current: 'Not-my-password-12', next: NEW_PASSWORD }, officer.token);
      expect(codeOf(wrong)).toBe('BAD_USER_INPUT');
      expect(wrong.errors![0].extensions!.field).toBe('currentPassword');
      const weak = await portal.gql(CHANGE, { current: PASSWORD, next: 'qwertyuiop123' }, officer.token);
      expect(codeOf(weak)).toBe('BAD_USER_INPUT');
      expect(weak.errors![0].extensions!.field).toBe('newPassword');
      expect(codeOf(await portal.gql(ME, {}, elsewhere))).toBeUndefined();

      expect((await portal.ok(CHANGE, { current: PASSWORD, next: NEW_PASSWORD }, officer.token)).changePassword).toBe(
        true,
      );
      expect(codeOf(await portal.gql(ME, {}, officer.token))).toBeUndefined();
      expect(codeOf(await portal.gql(ME, {}, elsewhere))).toBe('UNAUTHENTICATED');
      expect(await signsIn(officer.email, PASSWORD)).toBe(false);
      expect(await signsIn(officer.email, NEW_PASSWORD)).toBe(true);
    });

    it('counts wrong current passwords as failed sign-ins: a held session guesses no faster than the sign-in page', async () => {
      const officer = await people.user(police, ['CASEWORKER'], 'guessed');
      const codes: (string | undefined)[] = [];
      for (let i = 0; i < 6; i++)
        codes.push(
          codeOf(await portal.gql(CHANGE, { current: `Wrong-guess-number-${i}`, next: NEW_PASSWORD }, officer.token)),
        );
      expect(codes.slice(0, 5)).toEqual(Array(5).fill('BAD_USER_INPUT'));
      expect(codes[5]).toBe('TOO_MANY_REQUESTS');
      // Within the wait even the right password is refused unheard; the session itself goes on.
      const refused = await portal.gql(CHANGE, { current: PASSWORD, next: NEW_PASSWORD }, officer.token);
      expect(codeOf(refused)).toBe('TOO_MANY_REQUESTS');
      expect(refused.errors![0].message).toMatch(/Try again in \d+ seconds?/);
      expect(codeOf(await portal.gql(ME, {}, officer.token))).toBeUndefined();
      expect(await signsIn(officer.email, NEW_PASSWORD)).toBe(false);
    });

    it('is refused without a session', async () => {
      expect(codeOf(await portal.gql(CHANGE, { current: PASSWORD, next: NEW_PASSWORD }))).toBe('UNAUTHENTICATED');
    });
  });
});
