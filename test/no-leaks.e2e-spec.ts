import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 13, findings 1 and 2, written as the attacks that worked: a domestic-abuse victim's address reaching a
 * partner through an incident, and reads over the WebSocket (queries, alerts, replays) that left no trace.
 */

const pdfText = (pdf: Buffer) =>
  [...pdf.toString('latin1').matchAll(/<([0-9a-f]+)>/gi)]
    .map(([, hex]) => Buffer.from(hex, 'hex').toString('latin1'))
    .join('');
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const INCIDENTS = `query($id: ID!) { case(id: $id) { id incidents { description location redactedFields } } }`;
const LIST = `{ cases(first: 50) { edges { node { id incidents { location redactedFields } } } } }`;
const REFUGE = '7 Hollyhock Row, Brackenbury';
const anHourAgo = () => new Date(Date.now() - 60 * 60 * 1000).toISOString();

describe('no leak of a domestic-abuse victim’s place through incidents, and every view recorded whatever the transport', () => {
  let portal: TestPortal;
  let police: Persona;
  let coordinator: Persona;
  let idva: Persona;
  let supportAgency: string;
  let policeAgency: string;
  let landlord: Persona;
  let council: Persona;
  let daCase: string;
  const viewsBy = async (persona: Persona, caseId: string) =>
    (
      await portal.db.query(
        `SELECT detail FROM audit_events WHERE action = 'CASE_VIEWED' AND actor_id = $1 AND case_id = $2 ORDER BY id`,
        [persona.id, caseId],
      )
    ).rows.map((r: { detail: { fields: string[]; via: string } }) => r.detail);

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    policeAgency = await people.agency('Leak Constabulary', 'POLICE');
    const support = (supportAgency = await people.agency('Leak Women’s Aid', 'SUPPORT'));
    const homes = await people.agency('Leak Homes', 'LANDLORD');
    const councilAgency = await people.agency('Leak Council', 'COUNCIL');
    police = await people.user(policeAgency, ['CASEWORKER'], 'police');
    coordinator = await people.user(policeAgency, ['MARAC_COORDINATOR'], 'coordinator');
    idva = await people.user(support, ['CASEWORKER'], 'idva');
    landlord = await people.user(homes, ['CASEWORKER'], 'landlord');
    council = await people.user(councilAgency, ['CASEWORKER'], 'council');

    // The police take a domestic-abuse report from triage: the victim's refuge is the report's address.
    const report = (
      await portal.ok(
        `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`,
        {
          input: {
            channel: 'PHONE',
            category: 'DOMESTIC_ABUSE',
            summary: 'Threats from a former partner',
            ward: 'Brackenbury',
            address: REFUGE,
            reporterName: 'Wren Ashdown',
          },
        },
        police.token,
      )
    ).submitIntakeReport.id;
    daCase = (
      await portal.ok(
        `mutation($id: ID!) { acceptIntakeReport(id: $id, riskLevel: HIGH) { id } }`,
        { id: report },
        police.token,
      )
    ).acceptIntakeReport.id;
    await portal.ok(SHARE, { c: daCase, a: support, x: 'FULL' }, police.token);
    await portal.ok(SHARE, { c: daCase, a: homes, x: 'LIMITED' }, police.token);
    await portal.ok(SHARE, { c: daCase, a: councilAgency, x: 'FULL' }, police.token);
  });
  afterAll(() => portal.close());

  it('accepting a domestic-abuse report keeps its address out of the first incident', async () => {
    const { rows } = await portal.db.query(`SELECT location FROM incidents WHERE case_id = $1`, [daCase]);
    expect(rows).toEqual([{ location: null }]);
    expect((await portal.db.query(`SELECT address FROM cases WHERE id = $1`, [daCase])).rows[0].address).toBe(REFUGE);
  });

  it('an incident’s place on a domestic-abuse case follows the case’s DA location rule, in case, cases and the case summary PDF', async () => {
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!, $where: String) { logIncident(caseId: $c, input: { occurredAt: $at, category: DOMESTIC_ABUSE, description: "Seen outside the refuge", location: $where }) { id } }`,
      { c: daCase, at: anHourAgo(), where: REFUGE },
      police.token,
    );
    for (const partner of [landlord, council]) {
      const one = (await portal.ok(INCIDENTS, { id: daCase }, partner.token)).case;
      expect(one.incidents.map((i: { location: string | null }) => i.location)).toEqual([null, null]);
      expect(one.incidents[0].redactedFields).toEqual(['location']);
      const listed = (await portal.ok(LIST, {}, partner.token)).cases.edges.find(
        (e: { node: { id: string } }) => e.node.id === daCase,
      ).node;
      expect(JSON.stringify(listed)).not.toContain('Hollyhock');
      const pdf = await fetch(`${portal.url}/exports/cases/${daCase}.pdf`, {
        headers: { authorization: `Bearer ${partner.token}` },
      });
      expect(pdf.status).toBe(200);
      expect(pdfText(Buffer.from(await pdf.arrayBuffer()))).not.toContain('Hollyhock');
    }
    // The partners the rule names still read it.
    for (const partner of [police, idva]) {
      const one = (await portal.ok(INCIDENTS, { id: daCase }, partner.token)).case;
      expect(
        one.incidents.find((i: { description: string }) => i.description === 'Seen outside the refuge'),
      ).toMatchObject({ location: REFUGE, redactedFields: [] });
    }
    // And reading it is on the trail.
    expect(await viewsBy(idva, daCase)).toContainEqual({ fields: ['incident.location'], via: 'http' });
  });

  it('the case search cannot find a domestic-abuse case by its incident’s place', async () => {
    const search = `query($s: String) { cases(filter: { search: $s }) { totalCount } }`;
    expect((await portal.ok(search, { s: 'Hollyhock' }, council.token)).cases.totalCount).toBe(0);
  });

  it('an alert carries no DA incident place to the partners the rule withholds it from, and the alert a FULL partner receives is recorded', async () => {
    const alertQuery = `subscription { caseAlerts(kinds: [INCIDENT_LOGGED]) { id kind case { id address redactedFields incidents { location redactedFields } } } }`;
    const landlordLive = LiveClient.connect(portal, landlord.token);
    const idvaLive = LiveClient.connect(portal, idva.token);
    const landlordFeed = landlordLive.subscribe(alertQuery);
    const idvaFeed = idvaLive.subscribe(alertQuery);
    await new Promise((r) => setTimeout(r, 300));
    const before = (await viewsBy(idva, daCase)).length;
    await portal.ok(
      `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: DOMESTIC_ABUSE, description: "Car seen again", location: "${REFUGE}" }) { id } }`,
      { c: daCase, at: anHourAgo() },
      police.token,
    );
    const [toLandlord] = await landlordFeed.received(1);
    const [toIdva] = await idvaFeed.received(1);
    expect(JSON.stringify(toLandlord)).not.toContain('Hollyhock');
    expect(
      toLandlord.caseAlerts.case.incidents.every((i: { redactedFields: string[] }) =>
        i.redactedFields.includes('location'),
      ),
    ).toBe(true);
    expect(JSON.stringify(toIdva)).toContain('Hollyhock');
    const after = await viewsBy(idva, daCase);
    expect(after.length).toBe(before + 1);
    expect(after.at(-1)).toEqual({ fields: ['address', 'incident.location'], via: 'alert' });
    // The landlord was sent nothing sensitive, so nothing is recorded for it.
    expect(await viewsBy(landlord, daCase)).toEqual([]);

    // A replay with `since` is a disclosure too.
    const replay = idvaLive.subscribe(
      `subscription($since: String) { caseAlerts(since: $since, kinds: [INCIDENT_LOGGED]) { id case { address } } }`,
      { since: '0' },
    );
    await replay.received(1);
    await new Promise((r) => setTimeout(r, 300));
    expect((await viewsBy(idva, daCase)).at(-1)).toEqual({ fields: ['address'], via: 'alert' });
    await landlordLive.close();
    await idvaLive.close();
  });

  it('the WebSocket carries subscriptions only: a query or a mutation sent over it gets an error and is not executed', async () => {
    const live = LiveClient.connect(portal, idva.token);
    const read = live.subscribe(`query($id: ID!) { case(id: $id) { address parties { fullName } } }`, { id: daCase });
    const write = live.subscribe(
      `mutation { createCase(input: { category: NOISE, summary: "Sent over the socket", ward: "Brackenbury", riskLevel: STANDARD }) { id } }`,
    );
    await new Promise((r) => setTimeout(r, 500));
    for (const feed of [read, write]) {
      expect(feed.events).toEqual([]);
      expect(feed.errors.length).toBeGreaterThan(0);
      expect(JSON.stringify(feed.errors)).toContain('subscriptions only');
      // graphql-ws hands the `error` message's errors to the sink as one array.
      expect(feed.errors[0]).toEqual([
        expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }),
      ]);
    }
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM cases WHERE summary = 'Sent over the socket'`)).rows[0].n,
    ).toBe(0);
    // The socket is still open for what it is for.
    const still = live.subscribe(`subscription { caseAlerts { id } }`);
    await new Promise((r) => setTimeout(r, 200));
    expect(still.errors).toEqual([]);
    await live.close();
  });

  it('a case summary PDF records what it disclosed, as a download', async () => {
    const pdf = await fetch(`${portal.url}/exports/cases/${daCase}.pdf`, {
      headers: { authorization: `Bearer ${idva.token}` },
    });
    expect(pdf.status).toBe(200);
    const views = await viewsBy(idva, daCase);
    expect(views.at(-1)).toMatchObject({ via: 'download' });
    expect(views.at(-1)!.fields).toEqual(expect.arrayContaining(['address', 'incident.location', 'party.fullName']));
    // A LIMITED partner's summary holds nothing sensitive, so nothing is recorded for it.
    const limited = await fetch(`${portal.url}/exports/cases/${daCase}.pdf`, {
      headers: { authorization: `Bearer ${landlord.token}` },
    });
    expect(limited.status).toBe(200);
    expect(await viewsBy(landlord, daCase)).toEqual([]);
    expect(codeOf(await portal.gql(INCIDENTS, { id: daCase }))).toBe('UNAUTHENTICATED');
  });

  it('a meeting update sent over the socket records the case material it carried', async () => {
    const meeting = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Leak MARAC',
            startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
            chairId: coordinator.id,
            agencyIds: [policeAgency, supportAgency],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    const item = (
      await portal.ok(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats") { id } }`,
        { m: meeting, c: daCase },
        coordinator.token,
      )
    ).referCase.id;
    await portal.ok(`mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`, { m: meeting }, coordinator.token);
    await portal.ok(
      `mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { confidentialityAgreed } }`,
      { m: meeting },
      idva.token,
    );
    const live = LiveClient.connect(portal, idva.token);
    const feed = live.subscribe(
      `subscription($m: ID!) { meetingUpdates(meetingId: $m) { currentItemId agenda { case { id address } } } }`,
      { m: meeting },
    );
    await new Promise((r) => setTimeout(r, 300));
    await portal.ok(
      `mutation($m: ID!, $i: ID) { setCurrentAgendaItem(meetingId: $m, agendaItemId: $i) { currentItemId } }`,
      { m: meeting, i: item },
      coordinator.token,
    );
    const [update] = await feed.received(1);
    expect(update.meetingUpdates.agenda[0].case.address).toBe(REFUGE);
    await new Promise((r) => setTimeout(r, 200));
    expect((await viewsBy(idva, daCase)).at(-1)).toEqual({ fields: ['address'], via: 'socket' });
    await live.close();
  });
});
