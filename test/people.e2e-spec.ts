import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DataSource } from 'typeorm';
import { CasesRepository } from '#libs/cases';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const ENV = { SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' };
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id parties { id role } } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $access: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $access, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const MATCHES = `query($n: String!, $d: String, $c: ID) { personMatches(fullName: $n, dateOfBirth: $d, caseId: $c) {
  partyId personId fullName dateOfBirth score dateOfBirthAgrees caseCount } }`;
const LINK = `mutation($p: ID!, $to: ID!) { linkParty(partyId: $p, samePersonAs: $to) { id fullName person { id names caseCount } } }`;
const LINK_PERSON = `mutation($p: ID!, $person: ID) { linkPartyToPerson(partyId: $p, personId: $person) { id person { id } } }`;
const UNLINK = `mutation($p: ID!) { unlinkParty(partyId: $p) { id person { id } } }`;
const PERSON = `query($id: ID!) { person(id: $id) { id names aliases datesOfBirth addresses caseCount cases { id } parties { id fullName } } }`;
const PARTIES = `query($id: ID!) { case(id: $id) { parties { id role fullName redactedFields person { id names } } } }`;
const MERGE = `mutation($k: ID!, $m: ID!, $r: String!) { mergePeople(keepId: $k, mergeId: $m, reason: $r) { id keptPersonId mergedPersonId partiesMoved undoneAt } }`;
const UNDO = `mutation($m: ID!, $r: String!) { undoPersonMerge(mergeId: $m, reason: $r) { id undoneAt } }`;

describe('people across the partnership', () => {
  let portal: TestPortal;
  let partnership: Partnership;
  let police: string;
  let landlord: string;
  let council: string;
  let officer: Persona;
  let policeManager: Persona;
  let housing: Persona;
  let housingManager: Persona;
  let councilWorker: Persona;
  let coordinator: Persona;

  /** A case with a victim (and a subject when named); answers the case and its parties' ids by role. */
  const newCase = async (
    by: Persona,
    victim: Record<string, unknown>,
    options: { subject?: string; category?: string } = {},
  ) => {
    const parties: Record<string, unknown>[] = [{ role: 'VICTIM', ...victim }];
    if (options.subject) parties.push({ role: 'SUBJECT', fullName: options.subject });
    const created = (
      await portal.ok(
        CREATE,
        {
          input: {
            category: options.category ?? 'HARASSMENT',
            summary: 'Harassment by a neighbour',
            ward: 'Riverside',
            riskLevel: 'MEDIUM',
            parties,
          },
        },
        by.token,
      )
    ).createCase;
    const role = (r: string) => created.parties.find((p: { role: string }) => p.role === r)?.id as string;
    return { id: created.id as string, victim: role('VICTIM'), subject: role('SUBJECT') };
  };
  const personOf = async (partyId: string) =>
    (await portal.db.query(`SELECT person_id FROM parties WHERE id = $1`, [partyId])).rows[0].person_id as
      string | null;
  const trail = async (caseId: string) =>
    (
      await portal.db.query(
        `SELECT action, actor_id, detail FROM audit_events WHERE case_id = $1 AND action LIKE 'PE%' ORDER BY at, id`,
        [caseId],
      )
    ).rows as { action: string; actor_id: string; detail: Record<string, any> }[];

  /** The fields each CASE_VIEWED event of `reader` on the case says were sent. */
  const viewsBy = async (reader: Persona, caseId: string) =>
    (
      await portal.db.query(
        `SELECT detail->'fields' AS fields FROM audit_events WHERE case_id = $1 AND actor_id = $2 AND action = 'CASE_VIEWED'`,
        [caseId, reader.id],
      )
    ).rows.map((row: { fields: string[] }) => row.fields);

  beforeAll(async () => {
    portal = await TestPortal.start(ENV);
    partnership = new Partnership(portal);
    police = await partnership.agency('People Police', 'POLICE');
    landlord = await partnership.agency('People Homes', 'LANDLORD');
    council = await partnership.agency('People Council', 'COUNCIL');
    officer = await partnership.user(police, ['CASEWORKER'], 'officer');
    policeManager = await partnership.user(police, ['MANAGER'], 'police-manager');
    coordinator = await partnership.user(police, ['MARAC_COORDINATOR'], 'coordinator');
    housing = await partnership.user(landlord, ['CASEWORKER'], 'housing');
    housingManager = await partnership.user(landlord, ['MANAGER'], 'housing-manager');
    councilWorker = await partnership.user(council, ['CASEWORKER'], 'council');
  }, 90_000);

  afterAll(async () => {
    await portal.close();
  });

  it('finds a misspelt name and another name as likely matches, rules out a disagreeing date of birth, and ranks an agreeing one first', async () => {
    const a = await newCase(officer, { fullName: 'Jane Smith', dateOfBirth: '1990-01-01' });
    const b = await newCase(officer, { fullName: 'Janet Smithers' });
    const c = await newCase(officer, { fullName: 'Mary Jones', aliases: ['Jane Smithson'] });

    const found = (await portal.ok(MATCHES, { n: 'Jane Smyth', d: '1990-01-01' }, officer.token)).personMatches;
    expect(found[0]).toMatchObject({
      partyId: a.victim,
      fullName: 'Jane Smith',
      dateOfBirthAgrees: true,
      caseCount: 1,
    });
    expect(found.map((m: any) => m.partyId)).toContain(c.victim);

    const otherBirth = (await portal.ok(MATCHES, { n: 'Jane Smyth', d: '1985-05-05' }, officer.token)).personMatches;
    expect(otherBirth.map((m: any) => m.partyId)).not.toContain(a.victim);

    const unrelated = (await portal.ok(MATCHES, { n: 'Quentin Blake' }, officer.token)).personMatches;
    expect(unrelated).toEqual([]);
    // The case being edited is left out: its own party is not a suggestion for itself.
    const onA = (await portal.ok(MATCHES, { n: 'Jane Smith', c: a.id }, officer.token)).personMatches;
    expect(onA.map((m: any) => m.partyId)).not.toContain(a.victim);
    expect(b.victim).toBeTruthy();

    expect(codeOf(await portal.gql(MATCHES, { n: ' ' }, officer.token))).toBe('BAD_USER_INPUT');
    expect(codeOf(await portal.gql(MATCHES, { n: 'Jane', d: 'yesterday' }, officer.token))).toBe('BAD_USER_INPUT');
  });

  it('matches only over names the caller may read: no case, a LIMITED share and an anonymous party find nothing', async () => {
    const kase = await newCase(officer, { fullName: 'Oswin Pemberton-Clarke', dateOfBirth: '1971-03-03' });
    const anonymous = await newCase(officer, { fullName: 'Ottilie Fairweather-Brown', anonymous: true });
    const look = async (name: string) =>
      (await portal.ok(MATCHES, { n: name }, housing.token)).personMatches.map((m: any) => m.partyId);

    expect(await look('Oswin Pemberton Clark')).toEqual([]);
    await portal.ok(SHARE, { c: kase.id, a: landlord, access: 'LIMITED' }, officer.token);
    expect(await look('Oswin Pemberton Clark')).toEqual([]);
    await portal.ok(SHARE, { c: kase.id, a: landlord, access: 'FULL' }, officer.token);
    expect(await look('Oswin Pemberton Clark')).toEqual([kase.victim]);
    expect(await viewsBy(housing, kase.id)).toContainEqual(expect.arrayContaining(['party.fullName']));

    await portal.ok(SHARE, { c: anonymous.id, a: landlord, access: 'FULL' }, officer.token);
    expect(await look('Ottilie Fairweather Brown')).toEqual([]);
    expect((await portal.ok(MATCHES, { n: 'Ottilie Fairweather Brown' }, officer.token)).personMatches).toHaveLength(1);
  });

  it('links on confirmation, shows the person only to readers of the name, unlinks, and puts each change on the trail', async () => {
    const first = await newCase(officer, {
      fullName: 'Rhiannon Pryce',
      dateOfBirth: '1988-08-08',
      address: '1 Mill Lane',
    });
    const second = await newCase(officer, { fullName: 'Rhianon Price', aliases: ['Rhi Price'] });
    // Nothing is linked by matching.
    expect(await personOf(first.victim)).toBeNull();

    const linked = (await portal.ok(LINK, { p: second.victim, to: first.victim }, officer.token)).linkParty;
    const personId = linked.person.id as string;
    expect(linked.person).toMatchObject({ names: ['Rhianon Price', 'Rhiannon Pryce'], caseCount: 2 });
    expect(await personOf(first.victim)).toBe(personId);
    const person = (await portal.ok(PERSON, { id: personId }, officer.token)).person;
    expect(person).toMatchObject({
      aliases: ['Rhi Price'],
      datesOfBirth: ['1988-08-08'],
      addresses: ['1 Mill Lane'],
      caseCount: 2,
    });
    expect(person.cases.map((c: any) => c.id).sort()).toEqual([first.id, second.id].sort());
    for (const caseId of [first.id, second.id])
      expect(await trail(caseId)).toEqual([expect.objectContaining({ action: 'PERSON_LINKED', actor_id: officer.id })]);

    // Another agency without the case, or with a LIMITED share of it, learns nothing: no person, no link.
    expect((await portal.ok(PERSON, { id: personId }, housing.token)).person).toBeNull();
    await portal.ok(SHARE, { c: second.id, a: landlord, access: 'LIMITED' }, officer.token);
    const limited = (await portal.ok(PARTIES, { id: second.id }, housing.token)).case.parties[0];
    expect(limited).toMatchObject({ fullName: null, person: null });
    expect((await portal.ok(PERSON, { id: personId }, housing.token)).person).toBeNull();
    // With a FULL share of one case, the person is what that one case says, nothing of the other.
    await portal.ok(SHARE, { c: second.id, a: landlord, access: 'FULL' }, officer.token);
    const full = (await portal.ok(PERSON, { id: personId }, housing.token)).person;
    expect(full).toMatchObject({ names: ['Rhianon Price'], datesOfBirth: [], addresses: [], caseCount: 1 });
    // Reading a person is reading those parties: a view on their case's trail, as reading the party would be.
    expect(await viewsBy(housing, second.id)).toContainEqual(
      expect.arrayContaining(['party.fullName', 'party.aliases']),
    );
    expect(await viewsBy(housing, first.id)).toEqual([]);

    // Only the owner says who a person on its case is; another's person or party unseen is NOT_FOUND.
    const refused = await portal.gql(LINK_PERSON, { p: second.victim, person: null }, housing.token);
    expect(codeOf(refused)).toBe('FORBIDDEN');
    const own = await newCase(housing, { fullName: 'Rhiannon Pryce' });
    expect(codeOf(await portal.gql(LINK, { p: own.victim, to: first.victim }, housing.token))).toBe('NOT_FOUND');
    await portal.ok(REVOKE, { c: second.id, a: landlord }, officer.token);
    expect(codeOf(await portal.gql(LINK_PERSON, { p: own.victim, person: personId }, housing.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(UNLINK, { p: second.victim }, housing.token))).toBe('NOT_FOUND');
    expect(await personOf(own.victim)).toBeNull();

    const unlinked = (await portal.ok(UNLINK, { p: second.victim }, officer.token)).unlinkParty;
    expect(unlinked.person).toBeNull();
    expect(await personOf(first.victim)).toBe(personId);
    expect((await trail(second.id)).map((e) => e.action)).toEqual(['PERSON_LINKED', 'PERSON_UNLINKED']);
  });

  it('counts a misspelt victim linked by confirmation as a repeat referral, and a link reveals nothing once the names are withheld', async () => {
    const CRITERIA = `query($id: ID!) { case(id: $id) { referralCriteria } }`;
    const INCIDENT = `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: DOMESTIC_ABUSE, description: "Assault reported" }) { id } }`;
    const earlier = await newCase(
      officer,
      { fullName: 'Rae Victim' },
      { subject: 'Rob Subject', category: 'DOMESTIC_ABUSE' },
    );
    await portal.ok(
      `mutation($c: ID!, $a: [DashAnswerInput!]!) { recordDashAssessment(caseId: $c, input: { answers: $a }) { id } }`,
      { c: earlier.id, a: Array.from({ length: 14 }, (_, i) => ({ question: i + 1, answer: 'YES' })) },
      officer.token,
    );
    const meeting = (
      await portal
        .ok(
          `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
          {
            input: {
              kind: 'MARAC',
              title: 'MARAC Riverside',
              startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
              chairId: coordinator.id,
              agencyIds: [police, landlord],
            },
          },
          coordinator.token,
        )
        .catch(async () =>
          portal.ok(
            `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
            {
              input: {
                kind: 'MARAC',
                title: 'MARAC Riverside',
                startsAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
                chairId: (await partnership.user(police, ['MARAC_CHAIR'], 'chair')).id,
                agencyIds: [police, landlord],
              },
            },
            coordinator.token,
          ),
        )
    ).scheduleMeeting;
    await portal.ok(
      `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: DASH_THRESHOLD) { id } }`,
      { m: meeting.id, c: earlier.id },
      coordinator.token,
    );

    // The police's own later case, the victim's name misspelt: exact matching misses it, the confirmed link finds it.
    const later = await newCase(
      officer,
      { fullName: 'Ray Victim' },
      { subject: 'Rob Subject', category: 'DOMESTIC_ABUSE' },
    );
    await portal.ok(INCIDENT, { c: later.id, at: new Date().toISOString() }, officer.token);
    expect((await portal.ok(CRITERIA, { id: later.id }, officer.token)).case.referralCriteria).toEqual([]);
    await portal.ok(LINK, { p: later.victim, to: earlier.victim }, officer.token);
    expect((await portal.ok(CRITERIA, { id: later.id }, officer.token)).case.referralCriteria).toEqual([
      'REPEAT_REFERRAL',
    ]);

    // The landlord links its own case's victim while it holds the police case in full; once its share is LIMITED
    // the link is still there, yet the check tells the landlord nothing about a case whose names it may not read.
    await portal.ok(SHARE, { c: earlier.id, a: landlord, access: 'FULL' }, officer.token);
    const theirs = await newCase(
      housing,
      { fullName: 'R. Victim' },
      { subject: 'Rob Subject', category: 'DOMESTIC_ABUSE' },
    );
    await portal.ok(INCIDENT, { c: theirs.id, at: new Date().toISOString() }, housing.token);
    await portal.ok(LINK, { p: theirs.victim, to: earlier.victim }, housing.token);
    expect((await portal.ok(CRITERIA, { id: theirs.id }, housing.token)).case.referralCriteria).toEqual([
      'REPEAT_REFERRAL',
    ]);
    await portal.ok(SHARE, { c: earlier.id, a: landlord, access: 'LIMITED' }, officer.token);
    expect(await personOf(theirs.victim)).toBe(await personOf(earlier.victim));
    expect((await portal.ok(CRITERIA, { id: theirs.id }, housing.token)).case.referralCriteria).toEqual([]);
    const own = (await portal.ok(PARTIES, { id: theirs.id }, housing.token)).case.parties[0];
    expect(own.person.names).toEqual(['R. Victim']);
  });

  it('counts complaints on a misspelt victim linked by confirmation towards the ASB Case Review threshold', async () => {
    const THRESHOLD = `query($id: ID!) { case(id: $id) { caseReviewThreshold { complaints } } }`;
    const INCIDENT = `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: HARASSMENT, description: "Shouted at on the stairs" }) { id } }`;
    const first = await newCase(officer, { fullName: 'Caradog Llewelyn' });
    const second = await newCase(officer, { fullName: 'Caradoc Llewellyn' });
    for (const [caseId, days] of [
      [first.id, 20],
      [second.id, 10],
      [second.id, 3],
    ] as const)
      await portal.ok(
        INCIDENT,
        { c: caseId, at: new Date(Date.now() - days * 86_400_000).toISOString() },
        officer.token,
      );
    const complaints = async () =>
      (await portal.ok(THRESHOLD, { id: first.id }, officer.token)).case.caseReviewThreshold.complaints;
    expect(await complaints()).toBe(1);
    await portal.ok(LINK, { p: second.victim, to: first.victim }, officer.token);
    expect(await complaints()).toBe(3);
  });

  it('flags a report whose caller gives a name a case records as another name of its victim as a repeat victim', async () => {
    const FLAGS = `{ triageQueue { id flags } }`;
    await newCase(officer, { fullName: 'Bethan Morgan', aliases: ['Beth Hughes'] });
    const submitted = (
      await portal.ok(
        `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`,
        {
          input: {
            channel: 'PHONE',
            category: 'NOISE',
            summary: 'Shouting in the stairwell',
            ward: 'Riverside',
            reporterName: ' beth hughes',
          },
        },
        officer.token,
      )
    ).submitIntakeReport;
    const queued = (await portal.ok(FLAGS, {}, officer.token)).triageQueue.find((r: any) => r.id === submitted.id);
    expect(queued.flags).toContain('REPEAT_VICTIM');
    // Another agency's queue knows nothing of the police case's names.
    const elsewhere = (
      await portal.ok(
        `mutation($input: IntakeReportInput!) { submitIntakeReport(input: $input) { id } }`,
        {
          input: {
            channel: 'PHONE',
            category: 'NOISE',
            summary: 'Shouting in the stairwell',
            ward: 'Riverside',
            reporterName: 'Beth Hughes',
          },
        },
        councilWorker.token,
      )
    ).submitIntakeReport;
    const theirs = (await portal.ok(FLAGS, {}, councilWorker.token)).triageQueue.find(
      (r: any) => r.id === elsewhere.id,
    );
    expect(theirs.flags).not.toContain('REPEAT_VICTIM');
  });

  it('merges two people for a manager, across cases the manager cannot see, and undoes exactly what the merge moved', async () => {
    const m1 = await newCase(officer, { fullName: 'Kim Lee', dateOfBirth: '1980-02-02' });
    const m2 = await newCase(officer, { fullName: 'Kim Leigh' });
    const m3 = await newCase(officer, { fullName: 'Kimberley Lee' });
    const p = (await portal.ok(LINK_PERSON, { p: m1.victim, person: null }, officer.token)).linkPartyToPerson.person.id;
    await portal.ok(LINK, { p: m2.victim, to: m1.victim }, officer.token);
    const q = (await portal.ok(LINK_PERSON, { p: m3.victim, person: null }, officer.token)).linkPartyToPerson.person.id;
    // The council links its own party to the same person while it holds the police case, then loses the share.
    await portal.ok(SHARE, { c: m3.id, a: council, access: 'FULL' }, officer.token);
    const x = await newCase(councilWorker, { fullName: 'Kim Lee', phone: '07700 900555' });
    await portal.ok(LINK_PERSON, { p: x.victim, person: q }, councilWorker.token);
    await portal.ok(REVOKE, { c: m3.id, a: council }, officer.token);

    // Refusals first: a caseworker may not merge; a manager who cannot see both people gets NOT_FOUND.
    expect(codeOf(await portal.gql(MERGE, { k: p, m: q, r: 'Same person' }, officer.token))).toBe('FORBIDDEN');
    expect(codeOf(await portal.gql(MERGE, { k: p, m: q, r: 'Same person' }, housingManager.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(MERGE, { k: p, m: p, r: 'Same person' }, policeManager.token))).toBe(
      'BAD_USER_INPUT',
    );
    expect(codeOf(await portal.gql(MERGE, { k: p, m: q, r: '  ' }, policeManager.token))).toBe('BAD_USER_INPUT');

    const merged = (await portal.ok(MERGE, { k: p, m: q, r: 'Same date of birth and address' }, policeManager.token))
      .mergePeople;
    expect(merged).toMatchObject({ keptPersonId: p, mergedPersonId: q, partiesMoved: 2, undoneAt: null });
    for (const party of [m1.victim, m2.victim, m3.victim, x.victim]) expect(await personOf(party)).toBe(p);
    expect((await portal.ok(PERSON, { id: p }, officer.token)).person.caseCount).toBe(3);
    expect((await portal.ok(PERSON, { id: q }, officer.token)).person).toBeNull();
    // The council, reading the same person, sees its own party's name only.
    expect((await portal.ok(PERSON, { id: p }, councilWorker.token)).person).toMatchObject({
      names: ['Kim Lee'],
      datesOfBirth: [],
      caseCount: 1,
    });
    for (const caseId of [m3.id, x.id])
      expect(await trail(caseId)).toContainEqual(
        expect.objectContaining({
          action: 'PEOPLE_MERGED',
          actor_id: policeManager.id,
          detail: expect.objectContaining({ reason: 'Same date of birth and address', merge: merged.id }),
        }),
      );

    // Later decisions about other parties survive the undo: a new link to the kept person, and an unlink.
    const m4 = await newCase(officer, { fullName: 'Kim Lee' });
    await portal.ok(LINK_PERSON, { p: m4.victim, person: p }, officer.token);
    await portal.ok(UNLINK, { p: m2.victim }, officer.token);

    expect(codeOf(await portal.gql(UNDO, { m: merged.id, r: 'Two people' }, housingManager.token))).toBe('NOT_FOUND');
    expect(codeOf(await portal.gql(UNDO, { m: merged.id, r: 'Two people' }, officer.token))).toBe('FORBIDDEN');
    const undone = (await portal.ok(UNDO, { m: merged.id, r: 'Two people after all' }, policeManager.token))
      .undoPersonMerge;
    expect(undone.undoneAt).toBeTruthy();
    expect(await personOf(m1.victim)).toBe(p);
    expect(await personOf(m2.victim)).toBeNull();
    expect(await personOf(m3.victim)).toBe(q);
    expect(await personOf(x.victim)).toBe(q);
    expect(await personOf(m4.victim)).toBe(p);
    expect((await trail(x.id)).map((e) => e.action)).toEqual(['PERSON_LINKED', 'PEOPLE_MERGED', 'PERSON_MERGE_UNDONE']);
    expect(codeOf(await portal.gql(UNDO, { m: merged.id, r: 'Again' }, policeManager.token))).toBe('CONFLICT');
    const { merges } = {
      merges: (await portal.ok(`{ personMerges { id undoneAt } }`, {}, policeManager.token)).personMerges,
    };
    expect(merges).toEqual([expect.objectContaining({ id: merged.id })]);
  });

  it('refuses a merge to every role but MANAGER, and to managers of every agency kind who cannot see both people', async () => {
    const a = await newCase(officer, { fullName: 'Matrix Person A' });
    const b = await newCase(officer, { fullName: 'Matrix Person B' });
    const pa = (await portal.ok(LINK_PERSON, { p: a.victim, person: null }, officer.token)).linkPartyToPerson.person.id;
    const pb = (await portal.ok(LINK_PERSON, { p: b.victim, person: null }, officer.token)).linkPartyToPerson.person.id;
    const kinds = ['LANDLORD', 'POLICE', 'COUNCIL', 'SUPPORT', 'HEALTH', 'SOCIAL_CARE', 'PROBATION', 'OTHER'];
    const roles = ['CASEWORKER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'AGENCY_ADMIN', 'MANAGER'];
    const problems: string[] = [];
    for (const kind of kinds) {
      const agency = await partnership.agency(`Matrix ${kind}`, kind);
      for (const role of roles) {
        const persona = await partnership.user(agency, [role], `matrix-${kind}-${role}`.toLowerCase());
        const got = codeOf(await portal.gql(MERGE, { k: pa, m: pb, r: 'Matrix' }, persona.token));
        const want = role === 'MANAGER' ? 'NOT_FOUND' : 'FORBIDDEN';
        if (got !== want) problems.push(`${kind} ${role}: expected ${want}, got ${got}`);
      }
    }
    // The partnership administrator reads no case, so merges nobody; the owning agency's non-managers neither.
    const admin = await partnership.admin();
    const adminCode = codeOf(await portal.gql(MERGE, { k: pa, m: pb, r: 'Matrix' }, admin));
    if (adminCode !== 'FORBIDDEN') problems.push(`ADMIN: expected FORBIDDEN, got ${adminCode}`);
    for (const persona of [officer, coordinator]) {
      const got = codeOf(await portal.gql(MERGE, { k: pa, m: pb, r: 'Matrix' }, persona.token));
      if (got !== 'FORBIDDEN') problems.push(`police ${persona.email}: expected FORBIDDEN, got ${got}`);
    }
    expect(problems).toEqual([]);
    expect(await personOf(b.victim)).toBe(pb);
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM person_merges WHERE kept_person_id = $1`, [pa])).rows[0].n,
    ).toBe(0);
  }, 120_000);

  it('adds a party already confirmed as a likely match in one change, and anonymising a case unlinks its parties', async () => {
    const known = await newCase(officer, { fullName: 'Tobias Whitlock' });
    const kase = await newCase(officer, { fullName: 'Someone Else' });
    const added = (
      await portal.ok(
        `mutation($c: ID!, $input: PartyInput!, $same: ID!) { addLinkedParty(caseId: $c, input: $input, samePersonAs: $same) { id fullName person { id caseCount } } }`,
        { c: kase.id, input: { role: 'SUBJECT', fullName: 'Toby Whitlock' }, same: known.victim },
        officer.token,
      )
    ).addLinkedParty;
    expect(added.person.caseCount).toBe(2);
    // A refused link takes the new party with it: one change.
    const before = (await portal.db.query(`SELECT count(*)::int AS n FROM parties WHERE case_id = $1`, [kase.id]))
      .rows[0].n;
    const refused = await portal.gql(
      `mutation($c: ID!, $input: PartyInput!, $same: ID!) { addLinkedParty(caseId: $c, input: $input, samePersonAs: $same) { id } }`,
      { c: kase.id, input: { role: 'WITNESS', fullName: 'Toby W' }, same: '00000000-0000-4000-8000-000000000000' },
      officer.token,
    );
    expect(codeOf(refused)).toBe('NOT_FOUND');
    expect(
      (await portal.db.query(`SELECT count(*)::int AS n FROM parties WHERE case_id = $1`, [kase.id])).rows[0].n,
    ).toBe(before);

    await portal.app.get(CasesRepository).anonymiseParties(portal.app.get(DataSource).manager, [kase.id]);
    expect(await personOf(added.id)).toBeNull();
    expect(await personOf(known.victim)).toBe(added.person.id);
  });
});
