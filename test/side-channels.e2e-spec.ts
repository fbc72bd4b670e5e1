import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;
const SEARCH = `query($filter: CaseFilter, $first: Int) { cases(filter: $filter, first: $first) { totalCount edges { node { id } } } }`;
const LOG_INCIDENT = `mutation($caseId: ID!, $at: DateTime!) { logIncident(caseId: $caseId, input: {
  occurredAt: $at, category: NOISE, description: "Shouting in the stairwell after midnight" }) { id } }`;
const ADD_ACTION = `mutation($caseId: ID!, $agency: ID!) { addAction(caseId: $caseId, input: {
  kind: PATROL, description: "Evening patrols of the block", ownerAgencyId: $agency }) { id } }`;
/** What a partner reads of a case, nested paths included: compared field by field between requests. */
const CASE_FIELDS = `id reference summary address access redactedFields
  parties { role fullName phone redactedFields }
  incidents { description case { id address parties { fullName } } }
  actions { description case { id address } }`;
const READ_CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';
const anHourAgo = () => new Date(Date.now() - 60 * 60 * 1000).toISOString();

/** The main fixture: a noise case owned by the landlord, FULL to the police, LIMITED to the council. */
const NOISE = {
  category: 'NOISE',
  summary: 'Shouting and slammed doors in the stairwell of Quayside Tower',
  ward: 'Eastgate',
  riskLevel: 'MEDIUM',
  address: '12 Marlowe Crescent, Eastgate',
  parties: [
    { role: 'VICTIM', fullName: 'Imogen Thistlewood', address: '12 Marlowe Crescent, Eastgate', phone: '07700 900311' },
    { role: 'SUBJECT', fullName: 'Colm Brannigan', address: 'Flat 9, Quayside Tower' },
    { role: 'WITNESS', fullName: 'Hester Quillfeather', anonymous: true },
  ],
};

/** A domestic-abuse case, FULL to the police and to another landlord. */
const DOMESTIC_ABUSE = {
  category: 'DOMESTIC_ABUSE',
  summary: 'Threats and criminal damage by a former partner near Brackenbury Green',
  ward: 'Eastgate',
  riskLevel: 'HIGH',
  address: '3 Larkspur Mews, Eastgate',
  parties: [
    { role: 'VICTIM', fullName: 'Rosalind Ferncastle', address: '3 Larkspur Mews, Eastgate', phone: '07700 900622' },
    { role: 'SUBJECT', fullName: 'Gareth Penhallow', address: '40 Oak Road' },
  ],
};

/** A case the council holds in FULL. */
const GRAFFITI = {
  category: 'GRAFFITI',
  summary: 'Graffiti on the garages behind Linden Parade',
  ward: 'Eastgate',
  riskLevel: 'STANDARD',
  address: 'Garages, Linden Parade',
  parties: [{ role: 'COMPLAINANT', fullName: 'Oswin Harrowgate', phone: '07700 900733' }],
};

/** A police case shared with nobody. */
const HIDDEN = {
  category: 'DRUGS',
  summary: 'Suspected dealing from a parked car on Wharf Lane',
  ward: 'Eastgate',
  riskLevel: 'HIGH',
  address: 'Wharf Lane car park',
  parties: [{ role: 'SUBJECT', fullName: 'Tamsin Ravenscroft' }],
};

type Reader = 'owner' | 'police' | 'council' | 'housing' | 'outsider';
type CaseName = 'noise' | 'domesticAbuse' | 'graffiti' | 'hidden';

describe('no side channels around what a reader may not read', () => {
  let portal: TestPortal;
  let people: Partnership;
  const agency = {} as Record<'landlord' | 'police' | 'council' | 'otherLandlord' | 'outsider', string>;
  const readers = {} as Record<Reader, Persona>;
  const cases = {} as Record<CaseName, string>;
  let noiseVictimId: string;
  let hiddenPartyId: string;
  let hiddenActionId: string;
  let landlordActionId: string;

  const openCase = async (input: object, by: Persona) =>
    (await portal.ok(CREATE_CASE, { input }, by.token)).createCase.id as string;
  const share = (caseId: string, agencyId: string, access: 'FULL' | 'LIMITED') =>
    portal.ok(SHARE, { caseId, agencyId, access }, readers.owner.token);

  const search = async (reader: Reader, words: string) => {
    const { cases: found } = await portal.ok(SEARCH, { filter: { search: words }, first: 100 }, readers[reader].token);
    return { totalCount: found.totalCount, ids: found.edges.map((e: any) => e.node.id) };
  };

  const viewsBy = async (agencyId: string, caseId: string) =>
    (
      await portal.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE action = 'CASE_VIEWED' AND case_id = $1 AND actor_agency_id = $2`,
        [caseId, agencyId],
      )
    ).rows[0].n as number;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    agency.landlord = await people.agency('Eastgate Homes', 'LANDLORD');
    agency.police = await people.agency('Eastgate Police', 'POLICE');
    agency.council = await people.agency('Eastgate Council ASB Team', 'COUNCIL');
    agency.otherLandlord = await people.agency('Northgate Housing', 'LANDLORD');
    agency.outsider = await people.agency('Eastgate Community Health', 'HEALTH');
    readers.owner = await people.user(agency.landlord, ['CASEWORKER'], 'housing-officer');
    readers.police = await people.user(agency.police, ['CASEWORKER'], 'police-officer');
    readers.council = await people.user(agency.council, ['CASEWORKER'], 'council-officer');
    readers.housing = await people.user(agency.otherLandlord, ['CASEWORKER'], 'other-landlord-officer');
    readers.outsider = await people.user(agency.outsider, ['CASEWORKER'], 'health-worker');

    cases.noise = await openCase(NOISE, readers.owner);
    await share(cases.noise, agency.police, 'FULL');
    await share(cases.noise, agency.council, 'LIMITED');
    await portal.ok(LOG_INCIDENT, { caseId: cases.noise, at: anHourAgo() }, readers.owner.token);
    landlordActionId = (
      await portal.ok(ADD_ACTION, { caseId: cases.noise, agency: agency.landlord }, readers.owner.token)
    ).addAction.id;

    cases.domesticAbuse = await openCase(DOMESTIC_ABUSE, readers.owner);
    await share(cases.domesticAbuse, agency.police, 'FULL');
    await share(cases.domesticAbuse, agency.otherLandlord, 'FULL');

    cases.graffiti = await openCase(GRAFFITI, readers.owner);
    await share(cases.graffiti, agency.council, 'FULL');

    cases.hidden = await openCase(HIDDEN, readers.police);
    hiddenActionId = (
      await portal.ok(ADD_ACTION, { caseId: cases.hidden, agency: agency.police }, readers.police.token)
    ).addAction.id;

    const party = (caseId: string, role: string) =>
      portal.db
        .query(`SELECT id FROM parties WHERE case_id = $1 AND role = $2`, [caseId, role])
        .then((r) => r.rows[0].id as string);
    noiseVictimId = await party(cases.noise, 'VICTIM');
    hiddenPartyId = await party(cases.hidden, 'SUBJECT');
  });

  afterAll(() => portal.close());

  describe('searching', () => {
    const table: [string, Reader, string, CaseName[]][] = [
      ["the owner finds its case by the victim's surname", 'owner', 'Thistlewood', ['noise']],
      ["a police officer with a FULL share finds the case by the victim's surname", 'police', 'Thistlewood', ['noise']],
      [
        "a council caseworker with a LIMITED share finds no case by the victim's name",
        'council',
        'Imogen Thistlewood',
        [],
      ],
      ["an agency the case is not shared with finds nothing by the victim's name", 'outsider', 'Thistlewood', []],
      ['the owner finds its case by words of the case address', 'owner', 'Marlowe Crescent', ['noise']],
      ['a FULL partner finds the case by words of the case address', 'police', 'Marlowe Crescent', ['noise']],
      ['a LIMITED partner finds nothing by words of the case address', 'council', 'Marlowe', []],
      ['an unshared agency finds nothing by words of the case address', 'outsider', 'Marlowe', []],
      ["the owner finds its case by an anonymous witness's name", 'owner', 'Quillfeather', ['noise']],
      ["a FULL partner finds nothing by an anonymous witness's name", 'police', 'Quillfeather', []],
      ["a LIMITED partner finds nothing by an anonymous witness's name", 'council', 'Quillfeather', []],
      [
        "another landlord with a FULL domestic-abuse share finds the case by the victim's name",
        'housing',
        'Ferncastle',
        ['domesticAbuse'],
      ],
      [
        'another landlord with a FULL domestic-abuse share finds nothing by words only in the case address',
        'housing',
        'Larkspur Mews',
        [],
      ],
      [
        'the police with a FULL domestic-abuse share find the case by the address',
        'police',
        'Larkspur',
        ['domesticAbuse'],
      ],
      ['the owner finds its domestic-abuse case by the address', 'owner', 'Larkspur', ['domesticAbuse']],
      ['the owner finds its case by words of the summary', 'owner', 'Quayside stairwell', ['noise']],
      ['a FULL partner finds the case by words of the summary', 'police', 'Quayside stairwell', ['noise']],
      ['a LIMITED partner finds the case by words of the summary', 'council', 'Quayside stairwell', ['noise']],
      ['an unshared agency finds nothing by words of the summary', 'outsider', 'Quayside', []],
      ['a landlord holding other cases finds nothing by words of a summary it cannot see', 'housing', 'Quayside', []],
      [
        "a LIMITED partner combining a summary word with the victim's name finds nothing",
        'council',
        'Quayside Thistlewood',
        [],
      ],
      [
        "a FULL partner combining a summary word with the victim's name finds the case",
        'police',
        'Quayside Thistlewood',
        ['noise'],
      ],
    ];

    it.each(table)('%s', async (_label, reader, words, expected) => {
      expect(await search(reader, words)).toEqual({
        totalCount: expected.length,
        ids: expected.map((name) => cases[name]),
      });
    });
  });

  describe('counting', () => {
    it('totalCount for a LIMITED partner with a name search equals its edges: none', async () => {
      const { totalCount, ids } = await search('council', 'Thistlewood');
      expect(totalCount).toBe(ids.length);
      expect(totalCount).toBe(0);
    });

    it('totalCount for a partner with no search is the number of cases shared with it now', async () => {
      const { cases: all } = await portal.ok(SEARCH, { first: 100 }, readers.council.token);
      const { rows } = await portal.db.query(
        `SELECT case_id FROM case_shares WHERE agency_id = $1 AND revoked_at IS NULL`,
        [agency.council],
      );
      expect(rows.length).toBeGreaterThanOrEqual(2);
      expect(all.totalCount).toBe(rows.length);
      expect(all.edges.map((e: any) => e.node.id).sort()).toEqual(
        rows.map((r: { case_id: string }) => r.case_id).sort(),
      );
    });
  });

  describe('nested paths', () => {
    const LOG_AND_READ = `mutation($caseId: ID!, $at: DateTime!) { logIncident(caseId: $caseId, input: {
      occurredAt: $at, category: NOISE, description: "Door slammed repeatedly" }) {
      id case { id address redactedFields parties { role fullName phone redactedFields } shares { access reason redactedFields } } } }`;

    it('a LIMITED partner who logs an incident gets back its case with no address or names, each named as withheld', async () => {
      const logged = (await portal.ok(LOG_AND_READ, { caseId: cases.noise, at: anHourAgo() }, readers.council.token))
        .logIncident;
      expect(logged.case.id).toBe(cases.noise);
      expect(logged.case.address).toBeNull();
      expect(logged.case.redactedFields).toContain('address');
      expect(logged.case.parties).toHaveLength(3);
      for (const party of logged.case.parties) {
        expect(party).toMatchObject({ fullName: null, phone: null });
        expect(party.redactedFields).toEqual(expect.arrayContaining(['fullName', 'address', 'phone', 'dateOfBirth']));
      }
      // The sharing basis, its lawful basis and the victim's consent are the owner's alone.
      expect(logged.case.shares).toEqual(
        expect.arrayContaining([
          {
            access: 'LIMITED',
            reason: null,
            redactedFields: ['reason', 'lawfulBasis', 'lawfulBasisDetail', 'consent'],
          },
        ]),
      );
      expect(logged.case.shares.every((s: any) => s.reason === null)).toBe(true);
      expect(await viewsBy(agency.council, cases.noise)).toBe(0);
    });

    it('a FULL partner who logs an incident gets the names back, as in a query', async () => {
      const logged = (await portal.ok(LOG_AND_READ, { caseId: cases.noise, at: anHourAgo() }, readers.police.token))
        .logIncident;
      expect(logged.case.address).toBe(NOISE.address);
      expect(logged.case.parties.map((p: any) => p.fullName)).toEqual(['Imogen Thistlewood', 'Colm Brannigan', null]);
    });

    it("reading a case's incidents and actions leads back to the case under the same rules for a LIMITED partner", async () => {
      const seen = (await portal.ok(READ_CASE, { id: cases.noise }, readers.council.token)).case;
      expect(seen.incidents.length).toBeGreaterThan(0);
      expect(seen.actions.length).toBeGreaterThan(0);
      for (const incident of seen.incidents) {
        expect(incident.case.id).toBe(cases.noise);
        expect(incident.case.address).toBeNull();
        expect(incident.case.parties.map((p: any) => p.fullName)).toEqual([null, null, null]);
      }
      for (const action of seen.actions) expect(action.case).toEqual({ id: cases.noise, address: null });
    });

    it("reading a case's incidents and actions leads back to the case with what a FULL partner may read", async () => {
      const seen = (await portal.ok(READ_CASE, { id: cases.noise }, readers.police.token)).case;
      for (const incident of seen.incidents)
        expect(incident.case.parties.map((p: any) => p.fullName)).toEqual([
          'Imogen Thistlewood',
          'Colm Brannigan',
          null,
        ]);
      for (const action of seen.actions) expect(action.case).toEqual({ id: cases.noise, address: NOISE.address });
    });

    it('a LIMITED partner who adds an action gets back its case with no names', async () => {
      const added = (
        await portal.ok(
          `mutation($caseId: ID!, $agency: ID!) { addAction(caseId: $caseId, input: { kind: REFERRAL, description: "Refer to mediation", ownerAgencyId: $agency }) {
            id case { id address parties { fullName redactedFields } } } }`,
          { caseId: cases.noise, agency: agency.council },
          readers.council.token,
        )
      ).addAction;
      expect(added.case.id).toBe(cases.noise);
      expect(added.case.address).toBeNull();
      for (const party of added.case.parties) {
        expect(party.fullName).toBeNull();
        expect(party.redactedFields).toContain('fullName');
      }
    });

    describe('once a share is revoked', () => {
      let caseId: string;
      let councilActionId: string;

      beforeAll(async () => {
        caseId = await openCase(
          { ...GRAFFITI, summary: 'Abandoned trolleys dumped by Sedgemoor footbridge', parties: [] },
          readers.owner,
        );
        await share(caseId, agency.council, 'LIMITED');
        await portal.ok(LOG_INCIDENT, { caseId, at: anHourAgo() }, readers.council.token);
        councilActionId = (await portal.ok(ADD_ACTION, { caseId, agency: agency.council }, readers.council.token))
          .addAction.id;
        await portal.ok(REVOKE, { caseId, agencyId: agency.council }, readers.owner.token);
      });

      it('the case is null and is neither listed, found nor counted', async () => {
        expect((await portal.ok(READ_CASE, { id: caseId }, readers.council.token)).case).toBeNull();
        expect(await search('council', 'Sedgemoor')).toEqual({ totalCount: 0, ids: [] });
        const listed = (
          await portal.ok(
            `{ cases(first: 100) { edges { node { id incidents { case { id } } actions { case { id } } } } } }`,
            {},
            readers.council.token,
          )
        ).cases;
        expect(JSON.stringify(listed)).not.toContain(caseId);
      });

      it("the council's own action and a new incident on it answer exactly as for missing rows", async () => {
        const update = `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE }) { id case { id } } }`;
        const revokedAction = await portal.gql(update, { id: councilActionId }, readers.council.token);
        expect(codeOf(revokedAction)).toBe('NOT_FOUND');
        expect(revokedAction).toEqual(await portal.gql(update, { id: MISSING_ID }, readers.council.token));
        const incident = await portal.gql(LOG_INCIDENT, { caseId, at: anHourAgo() }, readers.council.token);
        expect(codeOf(incident)).toBe('NOT_FOUND');
        expect(incident).toEqual(
          await portal.gql(LOG_INCIDENT, { caseId: MISSING_ID, at: anHourAgo() }, readers.council.token),
        );
        const { rows } = await portal.db.query(`SELECT status FROM case_actions WHERE id = $1`, [councilActionId]);
        expect(rows[0].status).toBe('OPEN');
      });
    });
  });

  describe('errors on rows of a case the caller cannot see', () => {
    // Each names the row by `$id` (the hidden police case, its party or its action) and may use `$agency`.
    const attempts: [string, string, 'case' | 'party' | 'action'][] = [
      [
        'updateParty',
        `mutation($id: ID!) { updateParty(id: $id, input: { fullName: "Changed Name" }) { id fullName } }`,
        'party',
      ],
      [
        'logIncident',
        `mutation($id: ID!, $at: DateTime!) { logIncident(caseId: $id, input: { occurredAt: $at, category: DRUGS, description: "Seen dealing" }) { id } }`,
        'case',
      ],
      [
        'updateAction',
        `mutation($id: ID!) { updateAction(id: $id, input: { status: DONE, outcome: "Closed by someone else" }) { id status } }`,
        'action',
      ],
      [
        'addAction',
        `mutation($id: ID!, $agency: ID!) { addAction(caseId: $id, input: { kind: HOME_VISIT, description: "Visit", ownerAgencyId: $agency }) { id } }`,
        'case',
      ],
      [
        'updateCase',
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { summary: "Rewritten" }) { id } }`,
        'case',
      ],
      [
        'closeCase',
        `mutation($id: ID!) { closeCase(id: $id, expectedVersion: 1, input: { outcome: RESOLVED, reason: "Closed by someone else" }) { id } }`,
        'case',
      ],
      [
        'shareCase',
        `mutation($id: ID!, $agency: ID!) { shareCase(caseId: $id, agencyId: $agency, access: FULL, reason: "Onward") { id } }`,
        'case',
      ],
      [
        'revokeCaseShare',
        `mutation($id: ID!, $agency: ID!) { revokeCaseShare(caseId: $id, agencyId: $agency) }`,
        'case',
      ],
      [
        'recordContact',
        `mutation($id: ID!, $at: DateTime!) { recordContact(caseId: $id, input: { contactedAt: $at, channel: PHONE, note: "Called" }) { id } }`,
        'case',
      ],
    ];

    it.each(attempts)(
      '%s on a row of an invisible case answers exactly like a random missing id',
      async (_name, mutation, row) => {
        const id = { case: cases.hidden, party: hiddenPartyId, action: hiddenActionId }[row];
        const variables = { agency: agency.council, at: new Date().toISOString() };
        const invisible = await portal.gql(mutation, { ...variables, id }, readers.council.token);
        const missing = await portal.gql(mutation, { ...variables, id: MISSING_ID }, readers.council.token);
        expect(codeOf(invisible)).toBe('NOT_FOUND');
        expect(invisible.data).toBeNull();
        expect(invisible).toEqual(missing);
      },
    );

    it('leaves the invisible case exactly as it was', async () => {
      const {
        rows: [kase],
      } = await portal.db.query(`SELECT summary, status, version FROM cases WHERE id = $1`, [cases.hidden]);
      expect(kase).toEqual({ summary: HIDDEN.summary, status: 'OPEN', version: 1 });
      const {
        rows: [party],
      } = await portal.db.query(`SELECT full_name FROM parties WHERE id = $1`, [hiddenPartyId]);
      expect(party.full_name).toBe('Tamsin Ravenscroft');
      const {
        rows: [action],
      } = await portal.db.query(`SELECT status, outcome FROM case_actions WHERE id = $1`, [hiddenActionId]);
      expect(action).toEqual({ status: 'OPEN', outcome: null });
      const { rows: touched } = await portal.db.query(
        `SELECT 'incident' FROM incidents WHERE case_id = $1 UNION ALL SELECT 'share' FROM case_shares WHERE case_id = $1
         UNION ALL SELECT 'contact' FROM contacts WHERE case_id = $1`,
        [cases.hidden],
      );
      expect(touched).toEqual([]);
    });
  });

  describe('refusals on a visible case', () => {
    const UPDATE_PARTY = `mutation($id: ID!, $input: UpdatePartyInput!) { updateParty(id: $id, input: $input) { id fullName } }`;
    const SHARE_ONWARD = `mutation($caseId: ID!, $agencyId: ID!) { shareCase(caseId: $caseId, agencyId: $agencyId, access: FULL, reason: "Onward sharing") { id } }`;

    it.each<[string, Reader]>([
      ['a FULL partner', 'police'],
      ['a LIMITED partner', 'council'],
    ])("%s changing a party's name is FORBIDDEN on fullName, and the name stays", async (_label, reader) => {
      const refused = await portal.gql(
        UPDATE_PARTY,
        { id: noiseVictimId, input: { fullName: 'Someone Else' } },
        readers[reader].token,
      );
      expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'fullName' });
      const { rows } = await portal.db.query(`SELECT full_name FROM parties WHERE id = $1`, [noiseVictimId]);
      expect(rows[0].full_name).toBe('Imogen Thistlewood');
    });

    it.each<[string, Reader]>([
      ['a FULL partner', 'police'],
      ['a LIMITED partner', 'council'],
    ])('%s may not share the case onward: FORBIDDEN, and no share is made', async (_label, reader) => {
      const refused = await portal.gql(
        SHARE_ONWARD,
        { caseId: cases.noise, agencyId: agency.outsider },
        readers[reader].token,
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const { rows } = await portal.db.query(`SELECT 1 FROM case_shares WHERE case_id = $1 AND agency_id = $2`, [
        cases.noise,
        agency.outsider,
      ]);
      expect(rows).toHaveLength(0);
    });

    it('a partner updating an action owned by another agency on a case it sees is FORBIDDEN', async () => {
      const refused = await portal.gql(
        `mutation($id: ID!) { updateAction(id: $id, input: { status: CANCELLED }) { id } }`,
        { id: landlordActionId },
        readers.council.token,
      );
      expect(codeOf(refused)).toBe('FORBIDDEN');
      const { rows } = await portal.db.query(`SELECT status FROM case_actions WHERE id = $1`, [landlordActionId]);
      expect(rows[0].status).toBe('OPEN');
    });

    it('a FULL partner that is not the police writing police intelligence is FORBIDDEN on policeIntelligence, and the row is unchanged', async () => {
      const refused = await portal.gql(
        `mutation($id: ID!) { updateCase(id: $id, expectedVersion: 1, input: { policeIntelligence: "Heard from a neighbour" }) { id policeIntelligence } }`,
        { id: cases.graffiti },
        readers.council.token,
      );
      expect(refused.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'policeIntelligence' });
      expect(refused.data).toBeNull();
      const { rows } = await portal.db.query(`SELECT police_intelligence, summary, version FROM cases WHERE id = $1`, [
        cases.graffiti,
      ]);
      expect(rows[0]).toEqual({ police_intelligence: null, summary: GRAFFITI.summary, version: 1 });
    });
  });

  describe('batching aliases', () => {
    const batch = (ids: string[]) =>
      `query { ${ids.map((id, i) => `a${i}: case(id: "${id}") { ${CASE_FIELDS} }`).join('\n')} }`;

    it.each<[Reader, (CaseName | 'missing')[]]>([
      ['council', ['noise', 'graffiti']],
      ['police', ['noise', 'domesticAbuse', 'hidden']],
      ['housing', ['domesticAbuse']],
      ['outsider', []],
    ])(
      'one request with many aliases tells the %s reader exactly what one request per case does',
      async (reader, visible) => {
        const names: (CaseName | 'missing')[] = ['noise', 'hidden', 'graffiti', 'missing', 'domesticAbuse', 'noise'];
        const ids = names.map((name) => (name === 'missing' ? MISSING_ID : cases[name]));
        const batched = await portal.ok(batch(ids), {}, readers[reader].token);
        for (const [i, id] of ids.entries()) {
          const single = (await portal.ok(READ_CASE, { id }, readers[reader].token)).case;
          expect(JSON.stringify(batched[`a${i}`])).toBe(JSON.stringify(single));
          expect(single === null).toBe(!visible.includes(names[i]));
        }
      },
    );
  });
});
