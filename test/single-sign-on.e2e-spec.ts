import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { CLIENT, TestBrowser, TestIdentityProvider } from './identity-provider.js';
import { Partnership, type Persona } from './partnership.js';
import { SSO_STARTS_PER_MINUTE } from '#libs/sso';

const CONFIGURE = `mutation($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {
  configureIdentityProvider(agencyId: $agencyId, input: $input) { issuer clientId emailDomains rolesClaim createUsersOnFirstSignIn defaultRole } }`;
const ME = `query { me { id email displayName roles agency { id name } } }`;
const FAILED = '/?sso_error=failed';

describe('single sign-on through an agency’s own OpenID Connect provider', () => {
  let portal: TestPortal;
  let people: Partnership;
  let idp: TestIdentityProvider;
  let rogue: TestIdentityProvider;
  let admin: string;
  let police: string;
  let council: string;
  let landlord: string;
  let forged: string;
  let officer: Persona;
  let callbackUrl: string;
  const count = async (sql: string, params: unknown[] = []) => Number((await portal.db.query(sql, params)).rows[0].n);
  const configure = (agencyId: string, input: Record<string, unknown>, token = admin) =>
    portal.gql(CONFIGURE, { agencyId, input: { clientId: CLIENT.id, clientSecret: CLIENT.secret, ...input } }, token);

  /** Start at the portal, sign in at the provider as `login`: the callback URL the provider sends the browser to. */
  const toCallback = (browser: TestBrowser, agencyId: string, login: string) =>
    browser.signInAtProvider(`${portal.url}/auth/sso/${agencyId}/start`, login, callbackUrl);

  /** The whole walk; the portal's last answer (where it sends the browser). */
  const signIn = async (browser: TestBrowser, agencyId: string, login: string) => {
    const callback = await toCallback(browser, agencyId, login);
    const res = await browser.request(callback);
    expect(res.status).toBe(302);
    return res.headers.get('location');
  };

  const exchange = (browser: TestBrowser) =>
    browser.request(`${portal.url}/auth/sso/exchange`, {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });

  beforeAll(async () => {
    // The second factor's set-up asked of managers (the harness turns it off), to show who is not asked.
    portal = await TestPortal.start({ MFA_ENROLMENT_REQUIRED: 'true' });
    callbackUrl = `${portal.url}/auth/sso/callback`;
    idp = await TestIdentityProvider.start(callbackUrl);
    rogue = await TestIdentityProvider.start(callbackUrl, { posingKeys: true });
    people = new Partnership(portal);
    admin = await people.admin();
    police = await people.agency('Northshire Police', 'POLICE');
    council = await people.agency('Northshire Council', 'COUNCIL');
    landlord = await people.agency('Northshire Homes', 'LANDLORD');
    forged = await people.agency('Forged Force', 'POLICE');
    officer = await people.user(police, ['CASEWORKER'], 'officer');
    await portal.db.query(`UPDATE users SET email = 'pc.jones@police.example' WHERE id = $1`, [officer.id]);
    idp.accounts.set('jones', { email: 'PC.Jones@police.example', email_verified: true, name: 'PC Jones' });
    expect(
      codeOf(
        await configure(police, {
          issuer: idp.issuer,
          emailDomains: ['@Police.Example'],
          createUsersOnFirstSignIn: false,
          defaultRole: 'CASEWORKER',
        }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(
        await configure(council, {
          issuer: idp.issuer,
          emailDomains: ['council.example'],
          rolesClaim: 'roles',
          createUsersOnFirstSignIn: true,
          defaultRole: 'CASEWORKER',
        }),
      ),
    ).toBeUndefined();
    expect(
      codeOf(
        await configure(forged, {
          issuer: rogue.issuer,
          emailDomains: ['forged.example'],
          createUsersOnFirstSignIn: true,
          defaultRole: 'CASEWORKER',
        }),
      ),
    ).toBeUndefined();
  });

  afterAll(async () => {
    await idp?.close();
    await rogue?.close();
    await portal?.close();
  });

  describe('configuring a provider', () => {
    it('is for the partnership administrator only, and the secret is shown to nobody and kept encrypted', async () => {
      expect(
        codeOf(
          await configure(
            police,
            {
              issuer: idp.issuer,
              emailDomains: ['police.example'],
              createUsersOnFirstSignIn: true,
              defaultRole: 'MANAGER',
            },
            officer.token,
          ),
        ),
      ).toBe('FORBIDDEN');
      const shown = await portal.ok(
        `query { agencies { id identityProvider { issuer clientId emailDomains createUsersOnFirstSignIn defaultRole redirectUri } } }`,
        {},
        admin,
      );
      const mine = shown.agencies.find((a: { id: string }) => a.id === police).identityProvider;
      expect(mine).toEqual({
        issuer: idp.issuer,
        clientId: CLIENT.id,
        emailDomains: ['police.example'],
        createUsersOnFirstSignIn: false,
        defaultRole: 'CASEWORKER',
        redirectUri: null,
      });
      expect(JSON.stringify(shown)).not.toContain(CLIENT.secret);
      const asOfficer = await portal.ok(`query { agencies { id identityProvider { issuer } } }`, {}, officer.token);
      expect(asOfficer.agencies.every((a: { identityProvider: unknown }) => a.identityProvider === null)).toBe(true);
      const { rows } = await portal.db.query(`SELECT client_secret_encrypted AS s FROM identity_providers`);
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.s).not.toContain(CLIENT.secret);
        expect(row.s).not.toContain(Buffer.from(CLIENT.secret).toString('base64'));
      }
    });

    it('reads every agency’s provider in one statement, however many agencies there are', async () => {
      const plain = await portal.measured(`query { agencies { id } }`, {}, admin);
      const withProviders = await portal.measured(`query { agencies { id identityProvider { issuer } } }`, {}, admin);
      expect(withProviders.statements - plain.statements).toBe(1);
    });

    it('refuses an issuer that is not https, a malformed domain and ADMIN as the default role', async () => {
      const base = { emailDomains: ['police.example'], createUsersOnFirstSignIn: false, defaultRole: 'CASEWORKER' };
      const http = await configure(landlord, { ...base, issuer: 'http://idp.example.org' });
      expect([codeOf(http), http.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'issuer']);
      const domain = await configure(landlord, { ...base, issuer: 'https://idp.example.org', emailDomains: ['*.x'] });
      expect([codeOf(domain), domain.errors?.[0].extensions?.field]).toEqual(['BAD_USER_INPUT', 'emailDomains']);
      const adminRole = await configure(landlord, { ...base, issuer: 'https://idp.example.org', defaultRole: 'ADMIN' });
      expect(codeOf(adminRole)).toBe('BAD_USER_INPUT');
      expect(await count(`SELECT count(*) AS n FROM identity_providers WHERE agency_id = $1`, [landlord])).toBe(0);
    });

    it('is in the administration log, naming the issuer and domains and never the secret', async () => {
      const { rows } = await portal.db.query(
        `SELECT action, detail, actor_id FROM admin_events WHERE action LIKE 'IDENTITY_PROVIDER%' AND agency_id = $1`,
        [police],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].detail).toMatchObject({ issuer: idp.issuer, emailDomains: ['police.example'] });
      expect(rows[0].actor_id).not.toBeNull();
      expect(JSON.stringify(rows)).not.toContain(CLIENT.secret);
    });

    it('lists the providers to offer on the sign-in page to anyone, with no secret or client id', async () => {
      const { signInProviders } = await portal.ok(`query { signInProviders { agencyId agencyName startPath } }`);
      expect(signInProviders.map((p: { agencyName: string }) => p.agencyName)).toEqual([
        'Forged Force',
        'Northshire Council',
        'Northshire Police',
      ]);
      expect(signInProviders[2].startPath).toBe(`/auth/sso/${police}/start`);
      expect(JSON.stringify(signInProviders)).not.toMatch(new RegExp(`${CLIENT.id}|${CLIENT.secret}|127\\.0\\.0\\.1`));
    });
  });

  describe('signing in', () => {
    it('walks start → provider → callback → exchange → me, the token never in a URL, the handoff good once', async () => {
      const browser = new TestBrowser();
      const start = await browser.request(`${portal.url}/auth/sso/${police}/start`);
      expect(start.status).toBe(302);
      const toProvider = new URL(start.headers.get('location')!);
      expect(toProvider.origin).toBe(idp.issuer);
      expect(toProvider.searchParams.get('code_challenge_method')).toBe('S256');
      expect(toProvider.searchParams.get('state')).toBeTruthy();
      expect(toProvider.searchParams.get('nonce')).toBeTruthy();
      expect(toProvider.searchParams.get('redirect_uri')).toBe(callbackUrl);
      const attemptCookie = browser.lastSetCookies.find((c) => c.startsWith('portal_sso_attempt='))!;
      expect(attemptCookie).toMatch(/HttpOnly/);
      expect(attemptCookie).toMatch(/SameSite=Lax/);
      expect(attemptCookie).toMatch(/Path=\/auth\/sso/);

      const callback = await browser.signInAtProvider(toProvider.href, 'jones', callbackUrl);
      const back = await browser.request(callback);
      expect([back.status, back.headers.get('location')]).toEqual([302, '/?sso=complete']);
      const handoffCookie = browser.lastSetCookies.find((c) => c.startsWith('portal_sso_handoff='))!;
      expect(handoffCookie).toMatch(/HttpOnly/);
      expect(handoffCookie).toMatch(/SameSite=Lax/);
      expect(handoffCookie).toMatch(/Max-Age=60/);

      const sessionsBefore = await count(`SELECT count(*) AS n FROM sessions WHERE user_id = $1`, [officer.id]);
      const exchanged = await exchange(browser);
      expect(exchanged.status).toBe(200);
      const { accessToken, expiresAt } = (await exchanged.json()) as { accessToken: string; expiresAt: string };
      expect(Date.parse(expiresAt)).toBeGreaterThan(Date.now());
      const { me } = await portal.ok(ME, {}, accessToken);
      expect(me).toMatchObject({ id: officer.id, email: 'pc.jones@police.example', agency: { id: police } });
      expect(await count(`SELECT count(*) AS n FROM sessions WHERE user_id = $1`, [officer.id])).toBe(
        sessionsBefore + 1,
      );

      // The same handoff again, even with its cookie kept by someone who copied it: nothing.
      const again = await browser.request(`${portal.url}/auth/sso/exchange`, {
        method: 'POST',
        body: '{}',
        headers: { 'Content-Type': 'application/json', cookie: handoffCookie.split(';')[0] },
      });
      expect(again.status).toBe(401);
      expect(await again.text()).not.toContain('eyJ');
      expect(await count(`SELECT count(*) AS n FROM sso_handoffs`)).toBe(0);
    });

    it('asks a manager signed in with a password, not one signed in through the agency’s provider, to set up the portal’s second factor', async () => {
      const inspector = await people.user(police, ['CASEWORKER', 'MANAGER'], 'inspector');
      await portal.db.query(`UPDATE users SET email = 'insp.khan@police.example' WHERE id = $1`, [inspector.id]);
      idp.accounts.set('khan', { email: 'insp.khan@police.example', email_verified: true, name: 'Insp Khan' });
      const MFA = `{ me { id mfa { required enrolled } } }`;
      expect((await portal.ok(MFA, {}, inspector.token)).me.mfa).toEqual({ required: true, enrolled: false });

      const browser = new TestBrowser();
      expect(await signIn(browser, police, 'khan')).toBe('/?sso=complete');
      const { accessToken } = (await (await exchange(browser)).json()) as { accessToken: string };
      const { me } = await portal.ok(MFA, {}, accessToken);
      expect(me).toEqual({ id: inspector.id, mfa: { required: false, enrolled: false } });
      expect(
        (
          await portal.db.query(`SELECT signed_in_with FROM sessions WHERE user_id = $1 ORDER BY issued_at`, [
            inspector.id,
          ])
        ).rows.map((r: { signed_in_with: string }) => r.signed_in_with),
      ).toEqual(['PASSWORD', 'SINGLE_SIGN_ON']);
    });

    it('refuses a callback whose state was changed, and the attempt is then used up', async () => {
      const browser = new TestBrowser();
      const callback = new URL(await toCallback(browser, police, 'jones'));
      const genuine = callback.href;
      callback.searchParams.set('state', 'an-attackers-state');
      const res = await browser.request(callback.href);
      expect(res.headers.get('location')).toBe(FAILED);
      expect(browser.lastSetCookies.some((c) => c.startsWith('portal_sso_handoff='))).toBe(false);
      // Each sign-in attempt is answered once: the genuine answer after a forged one finds nothing.
      expect((await browser.request(genuine)).headers.get('location')).toBe(FAILED);
      expect(await count(`SELECT count(*) AS n FROM sso_handoffs`)).toBe(0);
    });

    it('refuses a callback in a browser that did not start the sign-in (no attempt cookie)', async () => {
      const victim = new TestBrowser();
      const callback = await toCallback(new TestBrowser(), police, 'jones');
      const res = await victim.request(callback);
      expect(res.headers.get('location')).toBe(FAILED);
      expect(victim.cookie(new URL(portal.url).host, 'portal_sso_handoff')).toBeUndefined();
    });

    it('refuses a replayed code: the same callback again, and the code under a fresh attempt of its own', async () => {
      const browser = new TestBrowser();
      const callback = await toCallback(browser, police, 'jones');
      const attempt = browser.cookie(new URL(portal.url).host, 'portal_sso_attempt')!;
      expect(await browser.request(callback).then((r) => r.headers.get('location'))).toBe('/?sso=complete');
      const replay = await new TestBrowser().request(callback, {
        headers: { cookie: `portal_sso_attempt=${attempt}` },
      });
      expect(replay.headers.get('location')).toBe(FAILED);

      // An attacker holding the code starts an attempt of their own and presents the code with their own state.
      const attacker = new TestBrowser();
      const start = await attacker.request(`${portal.url}/auth/sso/${police}/start`);
      const state = new URL(start.headers.get('location')!).searchParams.get('state')!;
      const stolen = new URL(callback);
      stolen.searchParams.set('state', state);
      const res = await attacker.request(stolen.href);
      expect(res.headers.get('location')).toBe(FAILED);
      expect(attacker.cookie(new URL(portal.url).host, 'portal_sso_handoff')).toBeUndefined();
    });

    it('refuses an email the provider has not verified', async () => {
      idp.accounts.set('unverified', { email: 'pc.jones@police.example', email_verified: false });
      expect(await signIn(new TestBrowser(), police, 'unverified')).toBe(FAILED);
    });

    it('refuses an email outside the agency’s domains, even one of the agency’s own accounts', async () => {
      const outside = await people.user(police, ['CASEWORKER'], 'outside');
      idp.accounts.set('outside', { email: outside.email, email_verified: true });
      expect(outside.email.endsWith('@partnership.test')).toBe(true);
      expect(await signIn(new TestBrowser(), police, 'outside')).toBe(FAILED);
    });

    it('refuses an account of another agency, though its email is of this agency’s domain', async () => {
      const housing = await people.user(landlord, ['CASEWORKER'], 'housing');
      await portal.db.query(`UPDATE users SET email = 'housing.officer@police.example' WHERE id = $1`, [housing.id]);
      idp.accounts.set('housing', { email: 'housing.officer@police.example', email_verified: true });
      expect(await signIn(new TestBrowser(), police, 'housing')).toBe(FAILED);
    });

    it('refuses an ID token signed by a key other than the one the issuer publishes', async () => {
      rogue.accounts.set('rachel', { email: 'rachel@forged.example', email_verified: true, name: 'Rachel' });
      expect(await signIn(new TestBrowser(), forged, 'rachel')).toBe(FAILED);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = 'rachel@forged.example'`)).toBe(0);
    });

    it('refuses a deactivated user whatever the provider says, also when deactivated before the exchange', async () => {
      const leaver = await people.user(police, ['CASEWORKER'], 'leaver');
      await portal.db.query(`UPDATE users SET email = 'leaver@police.example' WHERE id = $1`, [leaver.id]);
      idp.accounts.set('leaver', { email: 'leaver@police.example', email_verified: true });
      const browser = new TestBrowser();
      expect(await signIn(browser, police, 'leaver')).toBe('/?sso=complete');
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, admin);
      expect((await exchange(browser)).status).toBe(401);
      expect(await signIn(new TestBrowser(), police, 'leaver')).toBe(FAILED);
    });

    it('does not make an account at first sign-in where the agency does not allow it', async () => {
      idp.accounts.set('newcomer', { email: 'newcomer@police.example', email_verified: true });
      expect(await signIn(new TestBrowser(), police, 'newcomer')).toBe(FAILED);
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = 'newcomer@police.example'`)).toBe(0);
    });

    it('makes an account at first sign-in where the agency allows it, with the claimed roles but never ADMIN, logged', async () => {
      idp.accounts.set('officer-new', {
        email: 'Sam.Newton@council.example',
        email_verified: true,
        name: 'Sam Newton',
        roles: ['MANAGER', 'ADMIN', 'unrelated'],
      });
      idp.accounts.set('plain-new', { email: 'pat@council.example', email_verified: true });
      const browser = new TestBrowser();
      expect(await signIn(browser, council, 'officer-new')).toBe('/?sso=complete');
      const { accessToken } = (await (await exchange(browser)).json()) as { accessToken: string };
      const { me } = await portal.ok(ME, {}, accessToken);
      expect(me).toMatchObject({
        email: 'sam.newton@council.example',
        displayName: 'Sam Newton',
        roles: ['MANAGER'],
        agency: { id: council },
      });
      const second = new TestBrowser();
      expect(await signIn(second, council, 'plain-new')).toBe('/?sso=complete');
      const pat = await portal.ok(
        ME,
        {},
        ((await (await exchange(second)).json()) as { accessToken: string }).accessToken,
      );
      expect(pat.me).toMatchObject({ displayName: 'pat', roles: ['CASEWORKER'] });
      const { rows } = await portal.db.query(
        `SELECT actor_id, detail FROM admin_events WHERE action = 'USER_CREATED' AND user_id = $1`,
        [me.id],
      );
      expect(rows).toEqual([
        { actor_id: null, detail: { displayName: 'Sam Newton', roles: ['MANAGER'], source: 'sso' } },
      ]);
      // A second sign-in finds the account it made: no second account.
      expect(await signIn(new TestBrowser(), council, 'officer-new')).toBe('/?sso=complete');
      expect(await count(`SELECT count(*) AS n FROM users WHERE email = 'sam.newton@council.example'`)).toBe(1);
    });

    it('refuses an expired handoff, and an exchange that is not a JSON request', async () => {
      const browser = new TestBrowser();
      expect(await signIn(browser, police, 'jones')).toBe('/?sso=complete');
      await portal.db.query(`UPDATE sso_handoffs SET expires_at = now() - interval '1 second'`);
      expect((await exchange(browser)).status).toBe(401);
      const form = new TestBrowser();
      expect(await signIn(form, police, 'jones')).toBe('/?sso=complete');
      const res = await form.request(`${portal.url}/auth/sso/exchange`, {
        method: 'POST',
        body: 'a=1',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      expect(res.status).toBe(401);
    });

    it('sends an unknown agency, or one without a provider, back to sign-in with the generic code', async () => {
      for (const path of [`/auth/sso/${landlord}/start`, '/auth/sso/not-an-id/start']) {
        const res = await new TestBrowser().request(`${portal.url}${path}`);
        expect([res.status, res.headers.get('location')]).toEqual([302, FAILED]);
      }
    });

    it('stops offering an agency once its provider is removed, logged', async () => {
      await portal.ok(`mutation($id: ID!) { removeIdentityProvider(agencyId: $id) }`, { id: forged }, admin);
      const { signInProviders } = await portal.ok(`query { signInProviders { agencyId } }`);
      expect(signInProviders.map((p: { agencyId: string }) => p.agencyId)).not.toContain(forged);
      expect((await new TestBrowser().request(`${portal.url}/auth/sso/${forged}/start`)).headers.get('location')).toBe(
        FAILED,
      );
      expect(
        await count(
          `SELECT count(*) AS n FROM admin_events WHERE action = 'IDENTITY_PROVIDER_REMOVED' AND agency_id = $1`,
          [forged],
        ),
      ).toBe(1);
    });
    // Last in the file: it spends this address's starts for the minute.
    it('bounds the sign-ins one address may start, so no one can fill the table of attempts', async () => {
      const attemptsBefore = await count(`SELECT count(*) AS n FROM sso_attempts`);
      const started = Date.now();
      let accepted = 0;
      let refused: Response | undefined;
      // Until refused: the bound refills as time passes, so how many get in depends on how fast this machine is.
      for (let i = 0; i < 3 * SSO_STARTS_PER_MINUTE && !refused; i++) {
        const res = await new TestBrowser().request(`${portal.url}/auth/sso/${police}/start`);
        if (res.status === 429) refused = res;
        else accepted++;
      }
      const refilled = Math.ceil((((Date.now() - started) / 1000) * SSO_STARTS_PER_MINUTE) / 60);
      expect(refused?.status).toBe(429);
      expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      expect(accepted).toBeLessThanOrEqual(SSO_STARTS_PER_MINUTE + refilled + 1);
      expect(await count(`SELECT count(*) AS n FROM sso_attempts`)).toBeLessThanOrEqual(attemptsBefore + accepted);
    });
  });
});
