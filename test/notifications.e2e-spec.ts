import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { AlertFollowers } from '#libs/alerts';
import { MailSender } from '#libs/mail';
import { NotificationMailer } from '#libs/notifications';
import { codeOf, TestPortal } from './harness.js';
import { Mailbox, type ReceivedMail } from './mailbox.js';
import { Partnership, type Persona } from './partnership.js';

const PREFS = `query { notificationPreferences { kinds { kind delivery chosen } digestHour digestMinute timeZone } }`;
const SET = `mutation($input: NotificationPreferencesInput!) { setNotificationPreferences(input: $input) { kinds { kind delivery chosen } digestHour digestMinute } }`;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id reference version } }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Shouting at Jane Doughty through the letterbox" }) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: FULL, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { version } }`;
const ACTION = `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Patrol past 12 Acacia Avenue", ownerAgencyId: $a }) { id } }`;

/** What must never be in a mail: the parties' names, the address, the summary, an incident's note. */
const SECRETS = ['Jane Doughty', 'Acacia', 'Music every night', 'letterbox', 'Mark Spiller', 'Patrol past'];
const PUBLIC_URL = 'https://portal.example.org';

/** The message's headers with folded lines joined, as a mail client reads them. */
const headersOf = (mail: ReceivedMail) => mail.raw.slice(0, mail.raw.indexOf('\r\n\r\n')).replace(/\r\n[ \t]+/g, ' ');

const settle = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`${what} did not happen within ${ms} ms`);
    await settle(20);
  }
}

/** Issue 17, item 4: notifications by email. */
describe('notifications by email', () => {
  let mailbox: Mailbox;
  let portal: TestPortal;
  let second: TestPortal;
  let people: Partnership;
  let actor: Persona; // landlord caseworker who makes the changes
  let colleague: Persona; // landlord, same agency
  let police: Persona;
  let council: Persona; // an agency that never holds the case
  let leaver: Persona; // landlord, deactivated
  let administrator: Persona; // landlord's agency administrator, who does no casework
  let kase: { id: string; reference: string; version: number };
  let other: { id: string; reference: string };
  let policeAgency: string;

  const mailTo = (p: Persona) => mailbox.received.filter((m) => m.to.includes(p.email));
  /** Both instances take the new alerts at once, as two servers woken by the same NOTIFY. */
  const follow = async () => {
    await Promise.all([portal.app.get(AlertFollowers).wake(), second.app.get(AlertFollowers).wake()]);
    await Promise.all([portal.app.get(AlertFollowers).wake(), second.app.get(AlertFollowers).wake()]);
    await Promise.all([portal.app.get(MailSender).drain(), second.app.get(MailSender).drain()]);
  };
  const set = (p: Persona, input: Record<string, unknown>) => portal.ok(SET, { input }, p.token);
  const newCase = async (by: Persona) =>
    (
      await portal.ok<{ createCase: { id: string; reference: string; version: number } }>(
        CREATE,
        {
          input: {
            category: 'NOISE',
            summary: 'Music every night from the flat above',
            ward: 'Riverside',
            riskLevel: 'STANDARD',
            address: '12 Acacia Avenue',
            parties: [
              { role: 'VICTIM', fullName: 'Jane Doughty', address: '12 Acacia Avenue' },
              { role: 'SUBJECT', fullName: 'Mark Spiller' },
            ],
          },
        },
        by.token,
      )
    ).createCase;
  const expectNothingSensitive = (mails: ReceivedMail[]) => {
    for (const mail of mails)
      for (const secret of SECRETS) expect(`${mail.subject}\n${mail.raw}`).not.toContain(secret);
  };

  beforeAll(async () => {
    mailbox = await Mailbox.start();
    const env = { SMTP_URL: mailbox.url, PUBLIC_URL };
    portal = await TestPortal.start(env);
    second = await portal.another(env);
    people = new Partnership(portal);
    const landlord = await people.agency('Riverside Homes', 'LANDLORD');
    policeAgency = await people.agency('Riverside Police', 'POLICE');
    const councilAgency = await people.agency('Riverside Council', 'COUNCIL');
    actor = await people.user(landlord, ['CASEWORKER'], 'actor');
    colleague = await people.user(landlord, ['CASEWORKER'], 'colleague');
    leaver = await people.user(landlord, ['CASEWORKER'], 'leaver');
    police = await people.user(policeAgency, ['CASEWORKER'], 'police');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');
    kase = await newCase(actor);
    other = await newCase(actor);
    await portal.ok(SHARE, { c: kase.id, a: policeAgency }, actor.token);
    await portal.ok(SHARE, { c: other.id, a: policeAgency }, actor.token);
    await follow();
  });

  afterAll(async () => {
    await second?.close();
    await portal?.close();
    await mailbox?.close();
  });

  describe('preferences', () => {
    it('start from the defaults: escalations to high risk and actions at once, the rest in a digest at 08:00 London time', async () => {
      const { notificationPreferences } = await portal.ok(PREFS, {}, colleague.token);
      expect(notificationPreferences.timeZone).toBe('Europe/London');
      expect([notificationPreferences.digestHour, notificationPreferences.digestMinute]).toEqual([8, 0]);
      const byKind = Object.fromEntries(
        notificationPreferences.kinds.map((k: { kind: string; delivery: string; chosen: boolean }) => [
          k.kind,
          k.delivery,
        ]),
      );
      expect(byKind).toMatchObject({
        RISK_ESCALATED: 'IMMEDIATE',
        ACTION_ASSIGNED: 'IMMEDIATE',
        INCIDENT_LOGGED: 'DIGEST',
        CASE_SHARED: 'DIGEST',
        AGENDA_PUBLISHED: 'DIGEST',
      });
      expect(notificationPreferences.kinds.every((k: { chosen: boolean }) => !k.chosen)).toBe(true);
    });

    it('are set by their owner, kept, and leave kinds not named as they were', async () => {
      const { setNotificationPreferences } = await set(colleague, {
        kinds: [
          { kind: 'INCIDENT_LOGGED', delivery: 'IMMEDIATE' },
          { kind: 'CASE_UPDATED', delivery: 'OFF' },
        ],
        digestHour: 18,
        digestMinute: 30,
      });
      expect(setNotificationPreferences).toMatchObject({ digestHour: 18, digestMinute: 30 });
      const { notificationPreferences } = await portal.ok(PREFS, {}, colleague.token);
      const kinds = notificationPreferences.kinds as { kind: string; delivery: string; chosen: boolean }[];
      expect(kinds.find((k) => k.kind === 'INCIDENT_LOGGED')).toEqual({
        kind: 'INCIDENT_LOGGED',
        delivery: 'IMMEDIATE',
        chosen: true,
      });
      expect(kinds.find((k) => k.kind === 'CASE_UPDATED')!.delivery).toBe('OFF');
      expect(kinds.find((k) => k.kind === 'RISK_ESCALATED')).toMatchObject({ delivery: 'IMMEDIATE', chosen: false });
      // Another user's are untouched.
      const theirs = (await portal.ok(PREFS, {}, police.token)).notificationPreferences;
      expect(theirs.kinds.find((k: { kind: string }) => k.kind === 'INCIDENT_LOGGED').delivery).toBe('DIGEST');
      expect(theirs.digestHour).toBe(8);
    });

    it('cannot name another user, refuse a time that is not one, and need a signed-in caller', async () => {
      const other = await portal.gql(
        `mutation($id: ID!) { setNotificationPreferences(input: { userId: $id, kinds: [{ kind: INCIDENT_LOGGED, delivery: OFF }] }) { digestHour } }`,
        { id: police.id },
        colleague.token,
      );
      expect(codeOf(other)).toBe('GRAPHQL_VALIDATION_FAILED');
      const late = await portal.gql(SET, { input: { digestHour: 24, digestMinute: 0 } }, colleague.token);
      expect(late.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'digestHour' });
      const half = await portal.gql(SET, { input: { digestHour: 7 } }, colleague.token);
      expect(half.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'digestMinute' });
      expect(codeOf(await portal.gql(PREFS))).toBe('UNAUTHENTICATED');
      const { notificationPreferences } = await portal.ok(PREFS, {}, colleague.token);
      expect(notificationPreferences.digestHour).toBe(18);
    });
    it('are not a partner system’s: its key has no mailbox, and is refused both', async () => {
      const manager = await people.user(policeAgency, ['MANAGER'], 'manager');
      const { createApiKey } = await portal.ok(
        `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key } }`,
        { input: { name: 'Records system', access: 'READ_WRITE', expiresAt: new Date(Date.now() + 86_400_000) } },
        manager.token,
      );
      expect(codeOf(await portal.gql(PREFS, {}, createApiKey.key))).toBe('FORBIDDEN');
      expect(codeOf(await portal.gql(SET, { input: { digestHour: 9, digestMinute: 0 } }, createApiKey.key))).toBe(
        'FORBIDDEN',
      );
    });
  });

  describe('immediate mail', () => {
    beforeAll(async () => {
      administrator = await people.user(actor.agencyId, ['AGENCY_ADMIN'], 'administrator');
      for (const p of [police, council, leaver, actor, administrator])
        await set(p, { kinds: [{ kind: 'INCIDENT_LOGGED', delivery: 'IMMEDIATE' }] });
      await portal.ok(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: leaver.id }, await people.admin());
    });

    it('is queued once per person for an alert, with two instances taking alerts, and only to holders of the case', async () => {
      await portal.ok(INCIDENT, { c: kase.id }, actor.token);
      await follow();
      await mailbox.waitFor(colleague.email);
      await mailbox.waitFor(police.email);
      await follow();
      await settle(300);
      const incidentMail = (p: Persona) => mailTo(p).filter((m) => m.subject.startsWith('Incident logged'));
      expect(incidentMail(colleague)).toHaveLength(1);
      expect(incidentMail(police)).toHaveLength(1);
      // Not the agency that does not hold the case, not the deactivated user, not the one who did it.
      expect(incidentMail(council)).toEqual([]);
      expect(incidentMail(leaver)).toEqual([]);
      expect(incidentMail(actor)).toEqual([]);
      // Nor an administrator who does no casework: they may not read the case.
      expect(incidentMail(administrator)).toEqual([]);
      const { rows } = await portal.db.query(
        `SELECT count(*)::int AS n FROM mail_outbox WHERE "to" = $1 AND subject LIKE 'Incident logged%'`,
        [colleague.email],
      );
      expect(rows[0].n).toBe(1);
    });

    it('says the case reference, the kind in words and a link, and nothing of the case itself', () => {
      const [mail] = mailTo(police).filter((m) => m.subject.startsWith('Incident logged'));
      expect(mail.subject).toBe(`Incident logged: case ${kase.reference}`);
      expect(mail.text).toContain(`${PUBLIC_URL}/cases/${kase.id}`);
      expect(mail.text).toContain(`${PUBLIC_URL}/notifications/unsubscribe/${police.id}.INCIDENT_LOGGED.`);
      expect(headersOf(mail)).toMatch(
        /^List-Unsubscribe: <https:\/\/portal\.example\.org\/notifications\/unsubscribe\//m,
      );
      expect(headersOf(mail)).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click/m);
      expectNothingSensitive(mailbox.received);
    });

    it('tells of an escalation to HIGH at once by default, and of a lower one only in the digest', async () => {
      const medium = await portal.ok(
        UPDATE,
        { id: kase.id, v: kase.version, input: { riskLevel: 'MEDIUM' } },
        actor.token,
      );
      await follow();
      await settle(200);
      expect(mailTo(colleague).filter((m) => m.subject.startsWith('Risk escalated'))).toEqual([]);
      await portal.ok(UPDATE, { id: kase.id, v: medium.updateCase.version, input: { riskLevel: 'HIGH' } }, actor.token);
      await follow();
      const [mail] = (await mailbox.waitFor(colleague.email, 2)).filter((m) => m.subject.startsWith('Risk escalated'));
      expect(mail.subject).toBe(`Risk escalated: case ${kase.reference}`);
      await settle(200);
      expect(mailTo(council).filter((m) => m.subject.startsWith('Risk escalated'))).toEqual([]);
      expect(mailTo(leaver)).toEqual([]);
    });

    it('tells of an action only the agency that owns it', async () => {
      await portal.ok(ACTION, { c: other.id, a: policeAgency }, actor.token);
      await follow();
      const [mail] = (await mailbox.waitFor(police.email, 3)).filter((m) => m.subject.startsWith('Action given'));
      expect(mail.subject).toBe(`Action given to your agency: case ${other.reference}`);
      await settle(200);
      expect(mailTo(colleague).filter((m) => m.subject.startsWith('Action given'))).toEqual([]);
      expectNothingSensitive(mailbox.received);
    });
  });

  it('tells of a meeting’s published agenda only the attending agencies, linking the meeting', async () => {
    const coordinator = await people.user(policeAgency, ['MARAC_COORDINATOR', 'MARAC_CHAIR'], 'coordinator');
    for (const p of [police, council]) await set(p, { kinds: [{ kind: 'AGENDA_PUBLISHED', delivery: 'IMMEDIATE' }] });
    const { scheduleMeeting } = await portal.ok(
      `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
      {
        input: {
          kind: 'MARAC',
          title: 'MARAC Riverside',
          startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
          chairId: coordinator.id,
          agencyIds: [policeAgency, actor.agencyId],
        },
      },
      coordinator.token,
    );
    await portal.ok(
      `mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`,
      { m: scheduleMeeting.id },
      coordinator.token,
    );
    await follow();
    await until(() => mailTo(police).some((m) => m.subject === 'Meeting agenda published'), 'the agenda mail');
    const mail = mailTo(police).find((m) => m.subject === 'Meeting agenda published')!;
    expect(mail.text).toContain(`${PUBLIC_URL}/meetings/${scheduleMeeting.id}`);
    expect(mail.text).not.toContain('MARAC Riverside');
    await settle(200);
    expect(mailTo(council).filter((m) => m.subject === 'Meeting agenda published')).toEqual([]);
  });

  describe('the daily digest', () => {
    const digestOf = (p: Persona) => mailTo(p).filter((m) => m.subject.startsWith('Your daily alerts'));

    it('holds only what the reader may see when it is sent, nothing sensitive, and is sent once with two instances', async () => {
      // Case updates are in the digest by default (the police chose incidents at once).
      await portal.ok(UPDATE, { id: other.id, v: 1, input: { ward: 'Riverside North' } }, actor.token);
      const current = await portal.ok(`query($id: ID!) { case(id: $id) { version } }`, { id: kase.id }, actor.token);
      await portal.ok(UPDATE, { id: kase.id, v: current.case.version, input: { ward: 'Riverside East' } }, actor.token);
      // The share of the first case is revoked before the digest goes: it must not be in it.
      await portal.ok(REVOKE, { c: kase.id, a: policeAgency }, actor.token);
      await follow();
      const now = new Date('2030-01-15T19:00:00Z');
      await Promise.all([
        portal.app.get(NotificationMailer).sendDigests(now),
        second.app.get(NotificationMailer).sendDigests(now),
      ]);
      await follow();
      await until(() => digestOf(police).length > 0 && digestOf(colleague).length > 0, 'the digests');
      await settle(300);
      const digests = digestOf(police);
      expect(digests).toHaveLength(1);
      expect(digests[0].text).toContain(`Case ${other.reference}`);
      expect(digests[0].text).toContain('Case updated');
      expect(digests[0].text).toContain(`${PUBLIC_URL}/cases/${other.id}`);
      expect(digests[0].text).not.toContain(kase.reference);
      expect(digests[0].text).not.toContain(kase.id);
      // The owner's colleague: the first case's updates are off for them (CASE_UPDATED OFF), the lower escalation is in.
      const [mine] = digestOf(colleague);
      expect(mine.text).toContain(`Case ${kase.reference}`);
      expect(mine.text).toContain('Risk escalated');
      expect(mine.text).not.toContain('Case updated');
      expectNothingSensitive(mailbox.received);
      // Not the agency that holds nothing (an empty digest is not sent), not the deactivated user.
      expect(digestOf(council)).toEqual([]);
      expect(digestOf(leaver)).toEqual([]);
      expect(digestOf(administrator)).toEqual([]);
      // Once a day: the same day again sends nothing more.
      await portal.app.get(NotificationMailer).sendDigests(new Date('2030-01-15T22:00:00Z'));
      await follow();
      await settle(200);
      expect(digestOf(police)).toHaveLength(1);
    });

    it('waits for the reader’s own time of day, in London time', async () => {
      await portal.ok(INCIDENT, { c: other.id }, actor.token);
      await portal.ok(UPDATE, { id: other.id, v: 2, input: { ward: 'Riverside South' } }, actor.token);
      // Shares are in the colleague's digest (the owner agency is told too).
      await portal.ok(SHARE, { c: other.id, a: council.agencyId }, actor.token);
      await follow();
      // 17:45 GMT on the next day: the police's 08:00 digest is due, the colleague's 18:30 one is not.
      const before = digestOf(colleague).length;
      await portal.app.get(NotificationMailer).sendDigests(new Date('2030-01-16T17:45:00Z'));
      await follow();
      await until(() => digestOf(police).length === 2, 'the second police digest');
      await settle(300);
      expect(digestOf(colleague)).toHaveLength(before);
      // In summer 18:30 London time is 17:30 UTC.
      await portal.app.get(NotificationMailer).sendDigests(new Date('2030-07-01T17:29:00Z'));
      await follow();
      await settle(200);
      expect(digestOf(colleague)).toHaveLength(before);
      await portal.app.get(NotificationMailer).sendDigests(new Date('2030-07-01T17:31:00Z'));
      await follow();
      await until(() => digestOf(colleague).length === before + 1, 'the colleague’s summer digest');
      expect(digestOf(colleague).at(-1)!.text).toContain('Case shared');
    });
  });

  it('keeps to London wall-clock time over the clock changes: a skipped time goes when the clocks go forward, a repeated one once', async () => {
    const night = await people.user(actor.agencyId, ['CASEWORKER'], 'night');
    await set(night, { digestHour: 1, digestMinute: 30 });
    const sentOn = async () =>
      (
        await portal.db.query<{ on: string | null }>(
          `SELECT last_digest_on::text AS on FROM notification_settings WHERE user_id = $1`,
          [night.id],
        )
      ).rows[0].on;
    const pass = (at: string) => portal.app.get(NotificationMailer).sendDigests(new Date(at));
    // 31 March 2030: at 01:00 GMT the clocks go to 02:00 BST, so 01:30 never happens that night.
    await pass('2030-03-31T00:59:00Z');
    expect(await sentOn()).toBeNull();
    await pass('2030-03-31T01:00:00Z');
    expect(await sentOn()).toBe('2030-03-31');
    // 27 October 2030: 01:30 happens twice (BST, then GMT an hour later); the digest goes at the first only.
    await pass('2030-10-27T00:29:00Z');
    expect(await sentOn()).toBe('2030-03-31');
    await pass('2030-10-27T00:30:00Z');
    expect(await sentOn()).toBe('2030-10-27');
    await pass('2030-10-27T01:30:00Z');
    expect(await sentOn()).toBe('2030-10-27');
  });

  describe('unsubscribing from the mail', () => {
    const linkIn = (mail: ReceivedMail, kind: string) => {
      const match = new RegExp(`${PUBLIC_URL}(/notifications/unsubscribe/[^\\s]*\\.${kind}\\.[A-Za-z0-9_-]+)`).exec(
        mail.text,
      );
      return match![1];
    };
    const deliveryOf = async (p: Persona, kind: string) =>
      (await portal.ok(PREFS, {}, p.token)).notificationPreferences.kinds.find((k: { kind: string }) => k.kind === kind)
        .delivery as string;

    it('asks first, then turns off that one kind for that one user', async () => {
      const mail = mailTo(police).find((m) => m.subject.startsWith('Incident logged'))!;
      const path = linkIn(mail, 'INCIDENT_LOGGED');
      const page = await request(portal.app.getHttpServer()).get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain('<form method="post"');
      expect(page.text).toContain('Incident logged');
      expect(await deliveryOf(police, 'INCIDENT_LOGGED')).toBe('IMMEDIATE');
      const done = await request(portal.app.getHttpServer()).post(path);
      expect(done.status).toBe(200);
      expect(await deliveryOf(police, 'INCIDENT_LOGGED')).toBe('OFF');
      expect(await deliveryOf(police, 'ACTION_ASSIGNED')).toBe('IMMEDIATE');
      expect(await deliveryOf(colleague, 'INCIDENT_LOGGED')).toBe('IMMEDIATE');
    });

    it('takes a mail client’s one-click POST (RFC 8058)', async () => {
      const mail = mailTo(colleague).find((m) => m.subject.startsWith('Risk escalated'))!;
      const header = /^List-Unsubscribe: <([^>]+)>/m.exec(headersOf(mail))![1];
      const res = await request(portal.app.getHttpServer())
        .post(new URL(header).pathname)
        .type('form')
        .send('List-Unsubscribe=One-Click');
      expect(res.status).toBe(200);
      expect(await deliveryOf(colleague, 'RISK_ESCALATED')).toBe('OFF');
    });

    it('refuses a token tampered with: another kind, another user, or a changed signature', async () => {
      const mail = mailTo(police).find((m) => m.subject.startsWith('Action given'))!;
      const path = linkIn(mail, 'ACTION_ASSIGNED');
      const [prefix, token] = [path.slice(0, path.lastIndexOf('/') + 1), path.slice(path.lastIndexOf('/') + 1)];
      const [userId, , signature] = token.split('.');
      const tampered = [
        `${userId}.CASE_SHARED.${signature}`,
        `${colleague.id}.ACTION_ASSIGNED.${signature}`,
        `${userId}.ACTION_ASSIGNED.${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BB' : 'AA'}`,
        'not-a-token',
      ];
      for (const t of tampered) {
        const res = await request(portal.app.getHttpServer()).post(prefix + t);
        expect(res.status).toBe(404);
        expect((await request(portal.app.getHttpServer()).get(prefix + t)).status).toBe(404);
      }
      expect(await deliveryOf(police, 'CASE_SHARED')).toBe('DIGEST');
      expect(await deliveryOf(police, 'ACTION_ASSIGNED')).toBe('IMMEDIATE');
      expect(await deliveryOf(colleague, 'ACTION_ASSIGNED')).toBe('IMMEDIATE');
    });
  });

  it('reports how far behind email is, for the benchmark', async () => {
    await follow();
    const lag = await portal.app.get(NotificationMailer).lag();
    expect(lag.alertsBehind).toBe(0);
    expect(typeof lag.oldestUnsentMailSeconds).toBe('number');
  });
});
