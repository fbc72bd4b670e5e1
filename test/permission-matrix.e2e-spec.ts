import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fieldAllowed, governedFields, type GovernedSubject, readGovernedFields, type Relation } from '#libs/access';
import { AgencyKind, Role } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Every role × every agency kind × owner / FULL / LIMITED / no share × every governed field × a domestic-abuse
 * and a non-DA case, read through `case`, `cases` and nested paths and written through every mutation that
 * touches the field, against the running API. Expectations come from the policy table (fieldAllowed), and
 * the fields come from the table too: a rule without a fixture here, or a fixture without a rule, fails.
 */

const KINDS = Object.values(AgencyKind);
const ROLES = Object.values(Role);
/** The partnership's and agencies' administrators alone read no case. */
const readsNoCase = (role: Role) => role === Role.ADMIN || role === Role.AGENCY_ADMIN;
const CATEGORIES = ['NOISE', 'DOMESTIC_ABUSE'] as const;

/** The `index`th of a run of made-up two-word names that share almost no three-letter runs with one another. */
function distinctName(index: number): string {
  const bytes = createHash('sha256').update(`matrix person ${index}`).digest();
  const letters = 'bcdfghjklmnpqrstvwxz';
  const vowels = 'aeiouy';
  const word = (from: number) => {
    let w = '';
    for (let i = from; i < from + 4; i++)
      w += letters[bytes[2 * i] % letters.length] + vowels[bytes[2 * i + 1] % vowels.length];
    return w.charAt(0).toUpperCase() + w.slice(1);
  };
  return `${word(0)} ${word(4)}`;
}
type Category = (typeof CATEGORIES)[number];

/** How each governed field is selected in a query; their keys must be exactly the table's governed fields. */
/** Agenda items are enumerated by test/meeting-permissions.e2e-spec.ts, through a meeting every kind attends. */
type CaseSubject = Exclude<GovernedSubject, 'AgendaItem'>;
const READ_SELECTION: Record<CaseSubject, Record<string, string>> = {
  Case: {
    address: 'address',
    policeIntelligence: 'policeIntelligence',
    supportNeeds: 'supportNeeds',
    contacts: 'contacts { id }',
    reporterToldAt: 'reporterToldAt',
    dashAssessments: 'dashAssessments { id }',
    asbRiskAssessments: 'asbRiskAssessments { id }',
    actionPlans: 'actionPlans { id }',
    serviceClocks: 'serviceClocks { standard }',
    evidence: 'evidence { id }',
    legalHold: 'legalHold { reason }',
    meetingReferrals: 'meetingReferrals { agendaItemId }',
  },
  Party: {
    fullName: 'fullName',
    aliases: 'aliases',
    address: 'address',
    phone: 'phone',
    dateOfBirth: 'dateOfBirth',
    tenancyType: 'tenancyType',
    rentArrears: 'rentArrears',
    tenancyBreaches: 'tenancyBreaches',
  },
  CaseShare: {
    reason: 'reason',
    lawfulBasis: 'lawfulBasis',
    lawfulBasisDetail: 'lawfulBasisDetail',
    consent: 'consent { state detail }',
  },
  Incident: { location: 'location' },
  CaseAction: {},
  CaseReview: { decisionReason: 'decisionReason' },
};

/** logIncident writes every incident field at once; the table lets any holder log one. */
const INCIDENT_INPUT = {
  occurredAt: '',
  category: 'NOISE',
  description: 'Matrix logged incident',
  location: 'Matrix Logged Place',
  ward: 'Matrix Ward',
};

/** A new value for each writable field, by subject; flags that other rules depend on are written unchanged. */
const CASE_WRITES: Record<string, (truth: CaseTruth) => unknown> = {
  category: (t) => t.category,
  summary: (t) => `${t.summary} (edited)`,
  ward: () => 'Edited Ward',
  riskLevel: (t) => (t.risk_level === 'HIGH' ? 'MEDIUM' : 'HIGH'),
  leadOfficerId: (t) => t.owner_caseworker_id,
  address: () => '1 Edited Street',
  policeIntelligence: () => 'Edited intelligence',
  supportNeeds: () => 'Edited support needs',
};
const PARTY_WRITES: Record<string, (party: PartyTruth) => unknown> = {
  role: (p) => p.role,
  anonymous: (p) => p.anonymous,
  tenant: (p) => p.tenant,
  fullName: (p) => `${p.full_name} Edited`,
  aliases: (p) => [`${p.full_name} Alias`],
  address: () => '2 Edited Road',
  phone: () => '07700 900999',
  dateOfBirth: () => '1970-01-01',
  tenancyType: () => 'ASSURED',
  rentArrears: () => 12.5,
  tenancyBreaches: () => 'Edited breaches',
};
const PARTY_COLUMN: Record<string, string> = {
  role: 'role',
  anonymous: 'anonymous',
  tenant: 'tenant',
  fullName: 'full_name',
  aliases: 'aliases',
  address: 'address',
  phone: 'phone',
  dateOfBirth: 'date_of_birth',
  tenancyType: 'tenancy_type',
  rentArrears: 'rent_arrears',
  tenancyBreaches: 'tenancy_breaches',
};
const CASE_COLUMN: Record<string, string> = {
  category: 'category',
  summary: 'summary',
  ward: 'ward',
  riskLevel: 'risk_level',
  leadOfficerId: 'lead_officer_id',
  address: 'address',
  policeIntelligence: 'police_intelligence',
  supportNeeds: 'support_needs',
};

interface CaseTruth {
  id: string;
  category: Category;
  summary: string;
  risk_level: string;
  address: string;
  police_intelligence: string;
  support_needs: string;
  reporter_told_at: Date;
  owner_agency_id: string;
  owner_caseworker_id: string;
}
interface PartyTruth {
  id: string;
  role: string;
  anonymous: boolean;
  tenant: boolean;
  full_name: string;
  [column: string]: unknown;
}

interface FixtureCase {
  id: string;
  category: Category;
  /** Which agency kind owns it, or 'hub' for the cases shared with every kind. */
  owner: AgencyKind | 'hub';
  /** For hub cases: the access every kind's agency holds. */
  sharedAs: 'FULL' | 'LIMITED' | 'NONE' | null;
}

const caseSelection = (inner = '') => `id redactedFields ${Object.values(READ_SELECTION.Case).join(' ')}
  parties { id role anonymous redactedFields ${Object.values(READ_SELECTION.Party).join(' ')} }
  shares { redactedFields ${Object.values(READ_SELECTION.CaseShare).join(' ')} }
  incidents { id category redactedFields ${Object.values(READ_SELECTION.Incident).join(' ')} }
  caseReviews { id redactedFields ${Object.values(READ_SELECTION.CaseReview).join(' ')} } ${inner}`;
const READ_CASE = `query($id: ID!) { case(id: $id) { ${caseSelection(`incidents { case { ${caseSelection()} } } actions { case { ${caseSelection()} } }`)} } }`;
const READ_CASES = `{ cases(first: 100) { totalCount edges { node { ${caseSelection()} } } } }`;

describe('the permission matrix, from the policy table, against the running API', () => {
  let portal: TestPortal;
  const agencies = new Map<AgencyKind | 'hub', string>();
  const users = new Map<string, Persona>();
  const caseworkers = new Map<AgencyKind | 'hub', Persona>();
  const fixtures: FixtureCase[] = [];
  const personaOf = (kind: AgencyKind, role: Role) => users.get(`${kind}:${role}`)!;
  let dataDir: string;

  function relationOf(kind: AgencyKind, fixture: FixtureCase): Relation | null {
    if (fixture.owner === kind) return 'OWNER';
    if (fixture.owner === 'hub' && (fixture.sharedAs === 'FULL' || fixture.sharedAs === 'LIMITED'))
      return fixture.sharedAs;
    return null;
  }

  async function truth(caseId: string): Promise<{
    kase: CaseTruth;
    parties: PartyTruth[];
    shares: Record<string, unknown>[];
    incidents: { id: string; category: string; location: string | null }[];
    reviews: { id: string; decision_reason: string }[];
    lists: Record<string, number>;
  }> {
    const [
      { rows: cases },
      { rows: parties },
      { rows: shares },
      { rows: contacts },
      { rows: dash },
      { rows: asb },
      { rows: plans },
      { rows: evidence },
      { rows: incidents },
      { rows: reviews },
      { rows: referrals },
    ] = await Promise.all([
      portal.db.query(
        `SELECT c.*, (SELECT u.id FROM users u WHERE u.agency_id = c.owner_agency_id AND u.roles = ARRAY['CASEWORKER'] ORDER BY u.created_at LIMIT 1) AS owner_caseworker_id
           FROM cases c WHERE c.id = $1`,
        [caseId],
      ),
      portal.db.query(
        `SELECT *, to_char(date_of_birth, 'YYYY-MM-DD') AS date_of_birth, rent_arrears::float AS rent_arrears FROM parties WHERE case_id = $1 ORDER BY position`,
        [caseId],
      ),
      portal.db.query(
        `SELECT reason, lawful_basis AS "lawfulBasis", lawful_basis_detail AS "lawfulBasisDetail",
                json_build_object('state', consent_state, 'detail', consent_detail) AS consent
           FROM case_shares WHERE case_id = $1 AND revoked_at IS NULL ORDER BY shared_at`,
        [caseId],
      ),
      portal.db.query(`SELECT count(*)::int AS n FROM contacts WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT count(*)::int AS n FROM dash_assessments WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT count(*)::int AS n FROM asb_risk_assessments WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT count(*)::int AS n FROM action_plans WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT count(*)::int AS n FROM evidence_files WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT id, category, location FROM incidents WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT id, decision_reason FROM case_reviews WHERE case_id = $1`, [caseId]),
      portal.db.query(`SELECT count(*)::int AS n FROM agenda_items WHERE case_id = $1`, [caseId]),
    ]);
    // Every fixture has a reporter, a contact, a plan and assessments: all four service clocks run.
    const lists = {
      contacts: contacts[0].n,
      dashAssessments: dash[0].n,
      asbRiskAssessments: asb[0].n,
      actionPlans: plans[0].n,
      serviceClocks: 4,
      evidence: evidence[0].n,
      meetingReferrals: referrals[0].n,
    };
    return { kase: cases[0], parties, shares, incidents, reviews, lists };
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'portal-matrix-'));
    portal = await TestPortal.start({
      SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000',
      PERSON_SEARCHES_PER_HOUR: '1000',
      DATA_DIR: dataDir,
    });
    const people = new Partnership(portal);
    agencies.set('hub', await people.agency('Hub Housing Trust', 'LANDLORD'));
    caseworkers.set('hub', await people.user(agencies.get('hub')!, ['CASEWORKER'], 'hub'));
    for (const kind of KINDS) {
      agencies.set(kind, await people.agency(`Matrix ${kind}`, kind));
      for (const role of ROLES)
        users.set(
          `${kind}:${role}`,
          await people.user(agencies.get(kind)!, [role], `${kind.toLowerCase()}-${role.toLowerCase()}`),
        );
      caseworkers.set(kind, personaOf(kind, Role.CASEWORKER));
    }

    const create = async (owner: AgencyKind | 'hub', category: Category, label: string) => {
      const data = await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category,
            summary: `Matrix case ${label}`,
            ward: 'Matrix Ward',
            riskLevel: 'STANDARD',
            address: `${label} Case Street`,
            parties: [
              {
                role: 'VICTIM',
                fullName: `Victim ${label}`,
                aliases: [`Vicky ${label}`],
                address: `${label} Victim Road`,
                phone: '07700 900101',
                dateOfBirth: '1985-05-05',
                tenant: true,
              },
              {
                role: 'SUBJECT',
                fullName: `Subject ${label}`,
                address: `${label} Subject Close`,
                phone: '07700 900102',
                dateOfBirth: '1990-09-09',
                tenant: true,
              },
              { role: 'COMPLAINANT', fullName: `Anonymous ${label}`, phone: '07700 900103', anonymous: true },
            ],
          },
        },
        caseworkers.get(owner)!.token,
      );
      return data.createCase.id as string;
    };
    const share = (caseId: string, from: AgencyKind | 'hub', to: string, access: string) =>
      portal.ok(
        `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Matrix basis") { id } }`,
        { c: caseId, a: to, x: access },
        caseworkers.get(from)!.token,
      );

    for (const category of CATEGORIES) {
      for (const sharedAs of ['FULL', 'LIMITED', 'NONE'] as const) {
        const id = await create('hub', category, `hub-${sharedAs}-${category}`);
        fixtures.push({ id, category, owner: 'hub', sharedAs });
        if (sharedAs !== 'NONE') for (const kind of KINDS) await share(id, 'hub', agencies.get(kind)!, sharedAs);
      }
      for (const kind of KINDS) {
        const id = await create(kind, category, `${kind}-${category}`);
        fixtures.push({ id, category, owner: kind, sharedAs: null });
        await share(id, kind, agencies.get('hub')!, 'LIMITED');
      }
    }
    // Every party gets a name no other party's resembles (so a fuzzy person search finds exactly one party) and a
    // person record of its own (so each reader's view of people can be compared with the party's field rules).
    const { rows: named } = await portal.db.query(
      `SELECT p.id, c.created_by_id, c.owner_agency_id FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE c.id = ANY($1) ORDER BY c.id, p.position`,
      [fixtures.map((f) => f.id)],
    );
    for (const [index, party] of named.entries()) {
      await portal.db.query(
        `WITH person AS (INSERT INTO people (created_by_user_id, created_by_agency_id) VALUES ($2, $3) RETURNING id)
         UPDATE parties SET full_name = $4, person_id = (SELECT id FROM person) WHERE id = $1`,
        [party.id, party.created_by_id, party.owner_agency_id, distinctName(index)],
      );
    }
    // Classes not every owner may write are filled in directly, so every reader has something to be refused.
    const ids = fixtures.map((f) => f.id);
    await portal.db.query(
      `UPDATE cases SET police_intelligence = 'Intelligence on ' || reference, support_needs = 'Support needs of ' || reference, reporter_told_at = opened_at WHERE id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `UPDATE parties SET tenancy_type = 'SECURE', rent_arrears = 250.75, tenancy_breaches = 'Noise nuisance clause' WHERE case_id = ANY($1) AND tenant`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO contacts (case_id, contacted_at, channel, note, recorded_by_id)
       SELECT c.id, c.opened_at, 'PHONE', 'Called the reporter', c.created_by_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO dash_assessments (case_id, answers, score, high_risk, review_due_at, assessed_by_id, assessed_by_agency_id)
       SELECT c.id, '[]', 3, false, now() + interval '90 days', c.created_by_id, c.owner_agency_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO asb_risk_assessments (case_id, likelihood, impact, score, risk_level, review_due_at, assessed_by_id, assessed_by_agency_id)
       SELECT c.id, 2, 2, 4, 'STANDARD', now() + interval '28 days', c.created_by_id, c.owner_agency_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO action_plans (case_id, agreed_at, agreed_with, our_commitments, update_every_days, update_channel, recorded_by_id)
       SELECT c.id, c.opened_at, 'The reporter', ARRAY['Visit the neighbour'], 14, 'PHONE', c.created_by_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO legal_holds (case_id, reason, placed_by_id) SELECT c.id, 'Matrix hold', c.created_by_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    await portal.db.query(
      `INSERT INTO evidence_files (case_id, file_name, media_type, byte_size, sha256, storage_key, uploaded_by_id, uploaded_by_agency_id)
       SELECT c.id, 'diary.txt', 'text/plain', 6, repeat('0', 64), md5(c.id::text), c.created_by_id, c.owner_agency_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    // One incident of the case's own category, and one of domestic abuse (on a noise case, abuse found later):
    // each with a place, which the DA location rule withholds from the partners it names.
    await portal.db.query(
      `INSERT INTO incidents (case_id, occurred_at, category, description, location, logged_by_id, logged_by_agency_id)
       SELECT c.id, c.opened_at, c.category, 'Matrix incident', 'Matrix Place of ' || c.reference, c.created_by_id, c.owner_agency_id FROM cases c WHERE c.id = ANY($1)
       UNION ALL
       SELECT c.id, c.opened_at - interval '1 hour', 'DOMESTIC_ABUSE', 'Matrix abuse incident', 'Matrix Refuge of ' || c.reference, c.created_by_id, c.owner_agency_id
         FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    // A decided ASB Case Review on every case: the clock is every holder's, the reasons owner and FULL.
    await portal.db.query(
      `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id, acknowledged_at, decided_at, threshold_met, decision_reason)
       SELECT c.id, c.opened_at, c.opened_at, c.opened_at, c.opened_at + interval '30 days', c.created_by_id, c.opened_at, c.opened_at, true,
              'Three complaints from Matrix Victim at ' || c.reference FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
    // Every case on the agenda of a meeting that only the hub attends: the owner sees where, whether it attends or not.
    const [{ id: meetingId }] = (
      await portal.db.query(
        `INSERT INTO meetings (kind, title, starts_at, chair_id, scheduled_by_id) VALUES ('MARAC', 'Matrix MARAC', now() + interval '7 days', $1, $1) RETURNING id`,
        [caseworkers.get('hub')!.id],
      )
    ).rows;
    await portal.db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) VALUES ($1, $2)`, [
      meetingId,
      agencies.get('hub'),
    ]);
    await portal.db.query(
      `INSERT INTO agenda_items (meeting_id, case_id, position, reason, referred_by_id, referred_by_agency_id)
       SELECT $2, c.id, row_number() OVER (ORDER BY c.id), 'PROFESSIONAL_JUDGEMENT', c.created_by_id, c.owner_agency_id FROM cases c WHERE c.id = ANY($1)`,
      [ids, meetingId],
    );
    await portal.db.query(
      `INSERT INTO case_actions (case_id, kind, legal, description, owner_agency_id, created_by_id)
       SELECT c.id, 'HOME_VISIT', false, 'Matrix action', c.owner_agency_id, c.created_by_id FROM cases c WHERE c.id = ANY($1)`,
      [ids],
    );
  }, 180_000);

  afterAll(async () => {
    await portal.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('has a fixture for every field a rule governs, and a rule for every fixture', () => {
    for (const subject of ['Case', 'Party', 'CaseShare', 'Incident', 'CaseAction', 'CaseReview'] as const) {
      expect(Object.keys(READ_SELECTION[subject]).sort()).toEqual(readGovernedFields(subject).sort());
    }
    expect(
      Object.keys(CASE_WRITES)
        .concat(
          'contacts',
          'reporterToldAt',
          'dashAssessments',
          'asbRiskAssessments',
          'actionPlans',
          'serviceClocks',
          'evidence',
          'legalHold',
          'meetingReferrals',
          'viewerCan',
        )
        .sort(),
    ).toEqual(governedFields('Case').sort());
    expect(Object.keys(PARTY_WRITES).sort()).toEqual(governedFields('Party').sort());
    expect(governedFields('CaseShare')).toEqual(['reason', 'lawfulBasis', 'lawfulBasisDetail', 'consent']);
    expect(Object.keys(INCIDENT_INPUT).sort()).toEqual(governedFields('Incident').sort());
    // Actions' own fields are any holder's (the contract's "incidents and actions"): listed in the table, withheld from none.
    expect(readGovernedFields('CaseAction')).toEqual([]);
    expect(governedFields('CaseReview')).toEqual(['decisionReason']);
  });

  /** Every mismatch between what the API sent for one case and what the table says, as readable lines. */
  async function readMismatches(kind: AgencyKind, path: string, node: any, fixture: FixtureCase): Promise<string[]> {
    const problems: string[] = [];
    const relation = relationOf(kind, fixture)!;
    const { kase, parties, shares, incidents, reviews, lists } = await truth(fixture.id);
    const check = (
      subject: GovernedSubject,
      field: string,
      row: Record<string, unknown>,
      sent: any,
      actual: unknown,
      where: string,
    ) => {
      const allowed = fieldAllowed('read', kind, relation, subject, field, row);
      const value = sent[field];
      const listed = (sent.redactedFields as string[]).includes(field);
      if (allowed && (listed || JSON.stringify(value) !== JSON.stringify(actual))) {
        problems.push(
          `${where}.${field}: readable, but got ${JSON.stringify(value)} (listed: ${listed}), expected ${JSON.stringify(actual)}`,
        );
      }
      if (!allowed && (value !== null || !listed))
        problems.push(`${where}.${field}: withheld, but got ${JSON.stringify(value)} (listed: ${listed})`);
    };
    const caseRow = { category: fixture.category };
    check('Case', 'address', caseRow, node, kase.address, path);
    check('Case', 'policeIntelligence', caseRow, node, kase.police_intelligence, path);
    check('Case', 'supportNeeds', caseRow, node, kase.support_needs, path);
    check('Case', 'reporterToldAt', caseRow, node, kase.reporter_told_at, path);
    check('Case', 'legalHold', caseRow, node, { reason: 'Matrix hold' }, path);
    // Lists are compared by length: readable, every row; withheld, null and listed.
    for (const [field, count] of Object.entries(lists)) {
      if (fieldAllowed('read', kind, relation, 'Case', field, caseRow) && node[field]?.length !== count) {
        problems.push(`${path}.${field}: readable, but got ${JSON.stringify(node[field])}`);
      }
      check('Case', field, caseRow, { ...node, [field]: node[field] === null ? null : count }, count, path);
    }
    for (const party of parties) {
      const sent = node.parties.find((p: any) => p.id === party.id);
      if (!sent) {
        problems.push(`${path}.parties: ${party.role} missing`);
        continue;
      }
      const row = { caseCategory: fixture.category, role: party.role, anonymous: party.anonymous };
      for (const field of Object.keys(READ_SELECTION.Party))
        check('Party', field, row, sent, party[PARTY_COLUMN[field]] ?? null, `${path}.${party.role}`);
    }
    node.shares.forEach((sent: any, i: number) => {
      for (const field of Object.keys(READ_SELECTION.CaseShare))
        check('CaseShare', field, {}, sent, shares[i]?.[field], `${path}.shares[${i}]`);
    });
    for (const incident of incidents) {
      const sent = node.incidents.find((i: any) => i.id === incident.id);
      if (!sent) {
        problems.push(`${path}.incidents: ${incident.category} incident missing`);
        continue;
      }
      const row = { caseCategory: fixture.category, category: incident.category };
      for (const field of Object.keys(READ_SELECTION.Incident))
        check('Incident', field, row, sent, (incident as any)[field], `${path}.incident(${incident.category})`);
    }
    if (node.caseReviews.length !== reviews.length)
      problems.push(`${path}.caseReviews: ${node.caseReviews.length} of ${reviews.length}`);
    for (const review of reviews) {
      const sent = node.caseReviews.find((r: any) => r.id === review.id);
      if (sent) check('CaseReview', 'decisionReason', {}, sent, review.decision_reason, `${path}.caseReview`);
    }
    return problems;
  }

  describe.each(KINDS)('a user of a %s agency', (kind) => {
    it.each(ROLES)('as %s reads through case, cases and nested paths exactly what the table allows', async (role) => {
      const persona = personaOf(kind, role);
      const problems: string[] = [];
      for (const fixture of fixtures) {
        const relation = relationOf(kind, fixture);
        const label = `${fixture.owner}/${fixture.sharedAs ?? 'own'}/${fixture.category}`;
        const result = await portal.gql(READ_CASE, { id: fixture.id }, persona.token);
        if (readsNoCase(role)) {
          if (codeOf(result) !== 'FORBIDDEN')
            problems.push(`${label}: an administrator got ${JSON.stringify(result).slice(0, 200)}`);
          continue;
        }
        const node = result.data?.case;
        if (!relation) {
          if (node !== null || result.errors)
            problems.push(`${label}: invisible case answered ${JSON.stringify(result).slice(0, 200)}`);
          continue;
        }
        if (!node) {
          problems.push(`${label}: visible case answered ${JSON.stringify(result).slice(0, 200)}`);
          continue;
        }
        problems.push(...(await readMismatches(kind, `${label} case`, node, fixture)));
        problems.push(...(await readMismatches(kind, `${label} incident.case`, node.incidents[0].case, fixture)));
        problems.push(...(await readMismatches(kind, `${label} action.case`, node.actions[0].case, fixture)));
      }

      const list = await portal.gql(READ_CASES, {}, persona.token);
      if (readsNoCase(role)) {
        expect(codeOf(list)).toBe('FORBIDDEN');
      } else {
        const visible = fixtures.filter((f) => relationOf(kind, f));
        const nodes = list.data!.cases.edges.map((e: any) => e.node);
        expect(new Set(nodes.map((n: any) => n.id))).toEqual(new Set(visible.map((f) => f.id)));
        expect(list.data!.cases.totalCount).toBe(visible.length);
        for (const node of nodes) {
          const fixture = fixtures.find((f) => f.id === node.id)!;
          problems.push(
            ...(await readMismatches(
              kind,
              `${fixture.owner}/${fixture.sharedAs ?? 'own'}/${fixture.category} cases`,
              node,
              fixture,
            )),
          );
        }
      }
      expect(problems).toEqual([]);
    });
  });

  describe.each(KINDS)('a user of a %s agency', (kind) => {
    it.each(ROLES)(
      'as %s reads people (Party.person, person) and the locked view (searchPeople) exactly as the table allows',
      async (role) => {
        const persona = personaOf(kind, role);
        const problems: string[] = [];
        const PERSON = `query($id: ID!) { person(id: $id) { id names aliases datesOfBirth addresses } }`;
        const SEARCH = `query($name: String!) { searchPeople(input: { fullName: $name, reason: "Matrix: is this person known?" }) {
            visible { case { id } party { id } } locked { hitId ownerAgency { id name } } } }`;
        for (const fixture of fixtures) {
          const relation = relationOf(kind, fixture);
          const label = `${fixture.owner}/${fixture.sharedAs ?? 'own'}/${fixture.category}`;
          const { parties } = await truth(fixture.id);
          const onCase = relation
            ? (
                await portal.gql(
                  `query($id: ID!) { case(id: $id) { parties { id person { id } } } }`,
                  { id: fixture.id },
                  persona.token,
                )
              ).data?.case?.parties
            : null;
          for (const party of parties) {
            const row = { caseCategory: fixture.category, role: party.role, anonymous: party.anonymous };
            const may = (field: string) =>
              relation !== null && fieldAllowed('read', kind, relation, 'Party', field, row);
            const readable = may('fullName') && may('dateOfBirth');
            const where = `${label} ${party.role}${party.anonymous ? ' (anonymous)' : ''}`;

            if (onCase) {
              const sent = onCase.find((p: any) => p.id === party.id);
              const want = readable ? party.person_id : null;
              if ((sent?.person?.id ?? null) !== want)
                problems.push(`${where}: Party.person was ${JSON.stringify(sent?.person)}, expected ${String(want)}`);
            }

            const person = await portal.gql(PERSON, { id: party.person_id }, persona.token);
            if (readsNoCase(role)) {
              if (codeOf(person) !== 'FORBIDDEN') problems.push(`${where}: person answered an administrator`);
            } else if (!readable) {
              if (person.data?.person !== null || person.errors)
                problems.push(`${where}: person answered ${JSON.stringify(person).slice(0, 160)}`);
            } else {
              // Each person has one party: what it shows is what the case shows of that party, and no more.
              const want = {
                id: party.person_id,
                names: [party.full_name],
                aliases: may('aliases') ? party.aliases : [],
                datesOfBirth: party.date_of_birth ? [party.date_of_birth] : [],
                addresses: may('address') && party.address ? [party.address] : [],
              };
              if (JSON.stringify(person.data?.person) !== JSON.stringify(want))
                problems.push(
                  `${where}: person ${JSON.stringify(person.data?.person)}, expected ${JSON.stringify(want)}`,
                );
            }

            const search = await portal.gql(SEARCH, { name: party.full_name }, persona.token);
            if (readsNoCase(role)) {
              if (codeOf(search) !== 'FORBIDDEN') problems.push(`${where}: an administrator searched people`);
              continue;
            }
            if (search.errors) {
              problems.push(`${where}: searchPeople failed ${JSON.stringify(search.errors).slice(0, 160)}`);
              continue;
            }
            const { visible, locked } = search.data!.searchPeople;
            const wantVisible = readable ? [{ case: { id: fixture.id }, party: { id: party.id } }] : [];
            if (JSON.stringify(visible) !== JSON.stringify(wantVisible))
              problems.push(`${where}: visible ${JSON.stringify(visible)}, expected ${JSON.stringify(wantVisible)}`);
            // Locked: only another agency's discoverable case (never domestic abuse by default), a party that is
            // not anonymous, and nothing but that the record exists and who owns it.
            const ownerId = fixture.owner === 'hub' ? agencies.get('hub') : agencies.get(fixture.owner);
            const wantLocked =
              relation === null && fixture.category !== 'DOMESTIC_ABUSE' && !party.anonymous ? [ownerId] : [];
            if (JSON.stringify(locked.map((l: any) => l.ownerAgency.id)) !== JSON.stringify(wantLocked))
              problems.push(
                `${where}: locked ${JSON.stringify(locked)}, expected owners ${JSON.stringify(wantLocked)}`,
              );
            for (const hit of locked)
              if (JSON.stringify(Object.keys(hit)) !== '["hitId","ownerAgency"]' || hit.hitId === fixture.id)
                problems.push(`${where}: a locked record said more: ${JSON.stringify(hit)}`);
          }
        }
        expect(problems).toEqual([]);
      },
    );
  });

  describe.each(KINDS)('a user of a %s agency', (kind) => {
    it.each(ROLES)(
      'as %s writes through every mutation exactly what the table allows, and a refusal changes nothing',
      async (role) => {
        const persona = personaOf(kind, role);
        const problems: string[] = [];
        // Every visible case, and one the agency cannot see (which must answer as missing, whatever the field).
        const targets = fixtures.filter((f) => relationOf(kind, f) || (f.owner === 'hub' && f.sharedAs === 'NONE'));
        for (const fixture of targets) {
          const relation = relationOf(kind, fixture);
          const label = `${fixture.owner}/${fixture.sharedAs ?? 'own'}/${fixture.category}`;
          const expectRefusal = (allowed: boolean) =>
            readsNoCase(role) ? 'FORBIDDEN' : !relation ? 'NOT_FOUND' : allowed ? undefined : 'FORBIDDEN';
          const before = await truth(fixture.id);

          for (const [field, next] of Object.entries(CASE_WRITES)) {
            const { kase } = await truth(fixture.id);
            const value = next(kase);
            const { rows } = await portal.db.query(`SELECT version FROM cases WHERE id = $1`, [fixture.id]);
            const result = await portal.gql(
              `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) { updateCase(id: $id, expectedVersion: $v, input: $input) { id } }`,
              { id: fixture.id, v: rows[0].version, input: { [field]: value } },
              persona.token,
            );
            const allowed =
              relation !== null && fieldAllowed('write', kind, relation, 'Case', field, { category: fixture.category });
            const want = expectRefusal(allowed);
            const { rows: after } = await portal.db.query(
              `SELECT ${CASE_COLUMN[field]} AS value, version FROM cases WHERE id = $1`,
              [fixture.id],
            );
            if (codeOf(result) !== want)
              problems.push(
                `${label} updateCase.${field}: expected ${want ?? 'success'}, got ${JSON.stringify(result).slice(0, 160)}`,
              );
            else if (want === 'FORBIDDEN' && !readsNoCase(role) && result.errors?.[0].extensions?.field !== field)
              problems.push(`${label} updateCase.${field}: FORBIDDEN without naming the field`);
            const changed = String(after[0].value) !== String((kase as any)[CASE_COLUMN[field]]);
            const newValue = String(value) !== String((kase as any)[CASE_COLUMN[field]]);
            if (want && (changed || after[0].version !== rows[0].version))
              problems.push(`${label} updateCase.${field}: refused, yet the row changed`);
            if (!want && newValue && !changed)
              problems.push(`${label} updateCase.${field}: accepted, yet the row did not change`);
          }

          const contact = await portal.gql(
            `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { contactedAt: $at, channel: EMAIL, note: "Matrix" }) { id } }`,
            { c: fixture.id, at: new Date().toISOString() },
            persona.token,
          );
          const contactWant = expectRefusal(
            relation !== null &&
              fieldAllowed('write', kind, relation, 'Case', 'contacts', { category: fixture.category }),
          );
          if (codeOf(contact) !== contactWant)
            problems.push(
              `${label} recordContact: expected ${contactWant ?? 'success'}, got ${JSON.stringify(contact).slice(0, 160)}`,
            );

          // Each list a write adds to: refused, FORBIDDEN naming the field and nothing written; allowed, one row.
          // The ASB matrix answers BAD_USER_INPUT for domestic abuse, once the field rule has let the caller in.
          const listWrites: [string, string, string, string | null][] = [
            [
              'dashAssessments',
              'recordDashAssessment',
              `mutation($c: ID!) { recordDashAssessment(caseId: $c, input: { answers: [{ question: 1, answer: NO }] }) { id } }`,
              null,
            ],
            [
              'asbRiskAssessments',
              'recordAsbRiskAssessment',
              `mutation($c: ID!) { recordAsbRiskAssessment(caseId: $c, input: { likelihood: 1, impact: 2 }) { id } }`,
              fixture.category === 'DOMESTIC_ABUSE' ? 'BAD_USER_INPUT' : null,
            ],
            [
              'actionPlans',
              'agreeActionPlan',
              `mutation($c: ID!, $at: DateTime!) { agreeActionPlan(caseId: $c, input: { agreedAt: $at, agreedWith: "Reporter", ourCommitments: ["Visit"], updateEveryDays: 7, updateChannel: PHONE }) { id } }`,
              null,
            ],
          ];
          for (const [field, mutation, document, otherwise] of listWrites) {
            const before = (await truth(fixture.id)).lists[field];
            const result = await portal.gql(document, { c: fixture.id, at: new Date().toISOString() }, persona.token);
            const refusal = expectRefusal(
              relation !== null && fieldAllowed('write', kind, relation, 'Case', field, { category: fixture.category }),
            );
            const want = refusal ?? otherwise ?? undefined;
            const after = (await truth(fixture.id)).lists[field];
            if (codeOf(result) !== want)
              problems.push(
                `${label} ${mutation}: expected ${want ?? 'success'}, got ${JSON.stringify(result).slice(0, 160)}`,
              );
            else if (want === 'FORBIDDEN' && !readsNoCase(role) && result.errors?.[0].extensions?.field !== field)
              problems.push(`${label} ${mutation}: FORBIDDEN without naming the field`);
            if (after !== before + (want ? 0 : 1))
              problems.push(`${label} ${mutation}: ${after - before} rows written`);
          }

          // Evidence is written by upload over HTTP, where a refusal is its status: 404 for a case the caller
          // cannot see (and for an administrator, who sees none), 403 naming the field for one they hold.
          const form = new FormData();
          form.append('file', new Blob(['Matrix diary\n'], { type: 'text/plain' }), 'matrix.txt');
          const upload = await fetch(`${portal.url}/evidence/cases/${fixture.id}`, {
            method: 'POST',
            body: form,
            headers: { authorization: `Bearer ${persona.token}` },
          });
          const uploaded = (await upload.json()) as { id?: string; code?: string; field?: string };
          const evidenceWant = expectRefusal(
            relation !== null &&
              fieldAllowed('write', kind, relation, 'Case', 'evidence', { category: fixture.category }),
          );
          const evidenceStatus =
            evidenceWant === undefined ? 201 : evidenceWant === 'FORBIDDEN' && !readsNoCase(role) ? 403 : 404;
          if (upload.status !== evidenceStatus)
            problems.push(
              `${label} evidence upload: expected ${evidenceStatus}, got ${upload.status} ${JSON.stringify(uploaded)}`,
            );
          else if (evidenceStatus === 403 && uploaded.field !== 'evidence')
            problems.push(`${label} evidence upload: 403 without naming the field`);
          const evidenceAfter = (await truth(fixture.id)).lists.evidence;
          if (evidenceAfter !== before.lists.evidence + (evidenceStatus === 201 ? 1 : 0))
            problems.push(`${label} evidence upload: ${evidenceAfter - before.lists.evidence} rows written`);
          // Put the fixture back as it was for the next reader.
          if (uploaded.id) await portal.db.query(`DELETE FROM evidence_files WHERE id = $1`, [uploaded.id]);

          for (const party of before.parties) {
            const row = { caseCategory: fixture.category, role: party.role, anonymous: party.anonymous };
            for (const [field, next] of Object.entries(PARTY_WRITES)) {
              const value = next(party);
              const column = `SELECT ${PARTY_COLUMN[field]}::text AS value FROM parties WHERE id = $1`;
              const { rows: was } = await portal.db.query(column, [party.id]);
              const result = await portal.gql(
                `mutation($id: ID!, $input: UpdatePartyInput!) { updateParty(id: $id, input: $input) { id } }`,
                { id: party.id, input: { [field]: value } },
                persona.token,
              );
              const want = expectRefusal(
                relation !== null && fieldAllowed('write', kind, relation, 'Party', field, row),
              );
              const { rows: after } = await portal.db.query(column, [party.id]);
              if (codeOf(result) !== want)
                problems.push(
                  `${label} updateParty(${party.role}).${field}: expected ${want ?? 'success'}, got ${JSON.stringify(result).slice(0, 160)}`,
                );
              else if (want === 'FORBIDDEN' && !readsNoCase(role) && result.errors?.[0].extensions?.field !== field)
                problems.push(`${label} updateParty(${party.role}).${field}: FORBIDDEN without naming the field`);
              if (want && after[0].value !== was[0].value)
                problems.push(`${label} updateParty(${party.role}).${field}: refused, yet the row changed`);
            }
            // Restore what the allowed writes changed, so the next reader sees the fixture as created.
            await portal.db.query(
              `UPDATE parties SET full_name = $2, address = $3, phone = $4, date_of_birth = $5, tenancy_type = $6, rent_arrears = $7, tenancy_breaches = $8, aliases = $9 WHERE id = $1`,
              [
                party.id,
                party.full_name,
                party.address,
                party.phone,
                party.date_of_birth,
                party.tenancy_type,
                party.rent_arrears,
                party.tenancy_breaches,
                party.aliases,
              ],
            );
          }

          for (const field of Object.keys(PARTY_WRITES).filter((f) => !['role', 'anonymous', 'tenant'].includes(f))) {
            const input: Record<string, unknown> = {
              role: 'WITNESS',
              [field]: PARTY_WRITES[field]({
                role: 'WITNESS',
                anonymous: false,
                tenant: false,
                full_name: 'New',
                id: '',
              }),
            };
            const result = await portal.gql(
              `mutation($c: ID!, $input: PartyInput!) { addParty(caseId: $c, input: $input) { id } }`,
              { c: fixture.id, input },
              persona.token,
            );
            const row = { caseCategory: fixture.category, role: 'WITNESS', anonymous: false };
            const allowed =
              relation !== null &&
              fieldAllowed('write', kind, relation, 'Party', 'role', row) &&
              fieldAllowed('write', kind, relation, 'Party', field, row);
            const want = expectRefusal(allowed);
            if (codeOf(result) !== want)
              problems.push(
                `${label} addParty with ${field}: expected ${want ?? 'success'}, got ${JSON.stringify(result).slice(0, 160)}`,
              );
            if (!want) await portal.db.query(`DELETE FROM parties WHERE id = $1`, [result.data!.addParty.id]);
          }

          const logged = await portal.gql(
            `mutation($c: ID!, $input: IncidentInput!) { logIncident(caseId: $c, input: $input) { id } }`,
            { c: fixture.id, input: { ...INCIDENT_INPUT, occurredAt: new Date().toISOString() } },
            persona.token,
          );
          const incidentAllowed =
            relation !== null &&
            Object.keys(INCIDENT_INPUT).every((f) =>
              fieldAllowed('write', kind, relation, 'Incident', f, {
                caseCategory: fixture.category,
                category: 'NOISE',
              }),
            );
          const incidentWant = expectRefusal(incidentAllowed);
          if (codeOf(logged) !== incidentWant)
            problems.push(
              `${label} logIncident: expected ${incidentWant ?? 'success'}, got ${JSON.stringify(logged).slice(0, 160)}`,
            );
          const { rows: incidentsAfter } = await portal.db.query(
            `SELECT count(*)::int AS n FROM incidents WHERE case_id = $1`,
            [fixture.id],
          );
          if (incidentsAfter[0].n !== before.incidents.length + (incidentWant ? 0 : 1))
            problems.push(`${label} logIncident: ${incidentsAfter[0].n - before.incidents.length} rows written`);
          if (logged.data?.logIncident)
            await portal.db.query(`DELETE FROM incidents WHERE id = $1`, [logged.data.logIncident.id]);

          // Deciding an ASB Case Review writes its reasons: an undecided application to decide, removed afterwards.
          const { rows: undecided } = await portal.db.query(
            `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id)
           SELECT c.id, now(), now(), now(), now(), c.created_by_id FROM cases c WHERE c.id = $1 RETURNING id`,
            [fixture.id],
          );
          const decided = await portal.gql(
            `mutation($id: ID!) { decideCaseReview(id: $id, thresholdMet: false, reason: "Matrix decision") { id } }`,
            { id: undecided[0].id },
            persona.token,
          );
          const decideWant = expectRefusal(
            relation !== null && fieldAllowed('write', kind, relation, 'CaseReview', 'decisionReason', {}),
          );
          const { rows: afterDecision } = await portal.db.query(
            `SELECT decision_reason FROM case_reviews WHERE id = $1`,
            [undecided[0].id],
          );
          if (codeOf(decided) !== decideWant)
            problems.push(
              `${label} decideCaseReview: expected ${decideWant ?? 'success'}, got ${JSON.stringify(decided).slice(0, 160)}`,
            );
          if ((afterDecision[0].decision_reason !== null) !== !decideWant)
            problems.push(
              `${label} decideCaseReview: the reasons were ${decideWant ? 'written though refused' : 'not written'}`,
            );
          await portal.db.query(`DELETE FROM case_reviews WHERE id = $1`, [undecided[0].id]);

          const { rows: partiesAfter } = await portal.db.query(
            `SELECT count(*)::int AS n FROM parties WHERE case_id = $1`,
            [fixture.id],
          );
          if (partiesAfter[0].n !== before.parties.length)
            problems.push(`${label}: a refused addParty left a party behind`);
          // Put the case record back as it was for the next reader.
          await portal.db.query(
            `UPDATE cases SET summary = $2, ward = 'Matrix Ward', risk_level = $3, address = $4, police_intelligence = $5, support_needs = $6, lead_officer_id = NULL WHERE id = $1`,
            [
              fixture.id,
              before.kase.summary,
              before.kase.risk_level,
              before.kase.address,
              before.kase.police_intelligence,
              before.kase.support_needs,
            ],
          );
        }
        expect(problems).toEqual([]);
      },
    );
  });
});
