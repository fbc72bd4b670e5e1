import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgencyKind, Role } from '#libs/common';
import { migrations } from '#libs/db';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/** Issue 18, item 3: each share's lawful basis and the victim's consent, structured; read by the owner alone. */

const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason) {
    id access reason lawfulBasis lawfulBasisDetail consent { state detail } redactedFields } }`;
const SHARE_ON_BASIS = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!, $reason: String!, $basis: SharingBasisInput) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: $reason, basis: $basis) {
    id access reason lawfulBasis lawfulBasisDetail consent { state detail } redactedFields } }`;
const READ_SHARES = `query($id: ID!) { case(id: $id) { id shares {
  id access reason lawfulBasis lawfulBasisDetail consent { state detail } redactedFields agency { id } } } }`;
const DISCLOSURES = `query($caseId: ID!) { caseDisclosures(caseId: $caseId) {
  id access basis lawfulBasis lawfulBasisDetail consent { state detail } revokedAt agency { id } } }`;
const TRAIL = `query($caseId: ID!) { caseAuditTrail(caseId: $caseId, first: 100) { edges { node { action detail } } } }`;
const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;
const STATISTICS = `query($input: CaseStatisticsInput!) { caseStatistics(input: $input) {
  sharesByLawfulBasis { lawfulBasis count } sharesByConsent { consent count } } }`;
const PARTNERSHIP = `query($input: CaseStatisticsInput!) { partnershipStatistics(input: $input) {
  sharesByLawfulBasis { lawfulBasis count } sharesByConsent { consent count } } }`;

const LAWFUL_BASES = [
  'PUBLIC_TASK',
  'CRIME_AND_DISORDER_ACT_S115',
  'CARE_ACT_S45',
  'CONSENT',
  'VITAL_INTERESTS',
  'OTHER',
];
const CONSENT_STATES = ['GIVEN', 'NOT_SOUGHT', 'REFUSED_OVERRIDDEN', 'NOT_RECORDED'];
const OWNER_ONLY = ['reason', 'lawfulBasis', 'lawfulBasisDetail', 'consent'];
const CONTRACT_REASON = 'Information sharing agreement, clause 4';
const WHY_NOT_SOUGHT = 'Asking her would alert him: he reads her messages';

const newCase = (category = 'HARASSMENT') => ({
  category,
  summary: 'Threats shouted at the door of 4 Heron Row',
  ward: 'Heronsgate',
  riskLevel: 'HIGH',
  parties: [
    { role: 'VICTIM', fullName: 'Ada Lindqvist', phone: '07700 900123' },
    { role: 'SUBJECT', fullName: 'Brendan Foyle' },
  ],
});

describe('the lawful basis and consent of a share', () => {
  let portal: TestPortal;
  let people: Partnership;
  let owner: string;
  let officer: Persona;
  let manager: Persona;
  let police: string;
  let council: string;
  let support: string;

  const openCase = async (by = officer, category?: string) =>
    (await portal.ok(CREATE_CASE, { input: newCase(category) }, by.token)).createCase.id as string;
  const shareOnBasis = (caseId: string, agencyId: string, basis: Record<string, unknown>, access = 'FULL') =>
    portal.gql(SHARE_ON_BASIS, { caseId, agencyId, access, reason: CONTRACT_REASON, basis }, officer.token);
  const rowsOf = async (caseId: string) =>
    (
      await portal.db.query(
        `SELECT agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, consent_detail, revoked_at
           FROM case_shares WHERE case_id = $1 ORDER BY shared_at, id`,
        [caseId],
      )
    ).rows;
  const sharedEvents = async (caseId: string) =>
    (
      await portal.db.query(
        `SELECT count(*)::int AS n FROM audit_events WHERE case_id = $1 AND action = 'CASE_SHARED'`,
        [caseId],
      )
    ).rows[0].n as number;
  const shareAlerts = async (caseId: string) =>
    (
      await portal.db.query(`SELECT count(*)::int AS n FROM alerts WHERE case_id = $1 AND kind = 'CASE_SHARED'`, [
        caseId,
      ])
    ).rows[0].n as number;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    people = new Partnership(portal);
    owner = await people.agency('Heron Homes', 'LANDLORD');
    police = await people.agency('Heron Police', 'POLICE');
    council = await people.agency('Heron Council', 'COUNCIL');
    support = await people.agency('Heron Refuge', 'SUPPORT');
    officer = await people.user(owner, ['CASEWORKER'], 'housing-officer');
    manager = await people.user(owner, ['MANAGER'], 'housing-manager');
  });

  afterAll(() => portal.close());

  describe('shares made before the list', () => {
    it('keep their words as the basis OTHER, with consent NOT_RECORDED, once migrated', async () => {
      const caseId = await openCase();
      const Migration = migrations.find((m) => m.name === 'SharingBasis1765500000000')!;
      const migration = new Migration();
      const runner = { query: (sql: string) => portal.db.query(sql) } as never;
      // The table as it was: a share written without the new columns, as every share before this migration.
      await migration.down(runner);
      await portal.db.query(
        `INSERT INTO case_shares (case_id, agency_id, access, reason, shared_by_id) VALUES ($1, $2, 'LIMITED', $3, $4)`,
        [caseId, council, 'Agreed at the ASB panel, 3 March', officer.id],
      );
      await migration.up(runner);

      expect(await rowsOf(caseId)).toEqual([
        expect.objectContaining({
          reason: 'Agreed at the ASB panel, 3 March',
          lawful_basis: 'OTHER',
          lawful_basis_detail: 'Agreed at the ASB panel, 3 March',
          consent_state: 'NOT_RECORDED',
          consent_detail: null,
        }),
      ]);
      const { case: kase } = await portal.ok(READ_SHARES, { id: caseId }, officer.token);
      expect(kase.shares).toEqual([
        expect.objectContaining({
          reason: 'Agreed at the ASB panel, 3 March',
          lawfulBasis: 'OTHER',
          lawfulBasisDetail: 'Agreed at the ASB panel, 3 March',
          consent: { state: 'NOT_RECORDED', detail: null },
          redactedFields: [],
        }),
      ]);
    });
  });

  describe('the contract call, without the new arguments', () => {
    it('still shares, recorded as OTHER in the words of its reason with consent NOT_RECORDED', async () => {
      const caseId = await openCase();
      const { shareCase } = await portal.ok(
        SHARE,
        { caseId, agencyId: police, access: 'FULL', reason: `  ${CONTRACT_REASON} ` },
        officer.token,
      );
      expect(shareCase).toMatchObject({
        access: 'FULL',
        reason: CONTRACT_REASON,
        lawfulBasis: 'OTHER',
        lawfulBasisDetail: CONTRACT_REASON,
        consent: { state: 'NOT_RECORDED', detail: null },
        redactedFields: [],
      });
      expect(await rowsOf(caseId)).toEqual([
        expect.objectContaining({
          reason: CONTRACT_REASON,
          lawful_basis: 'OTHER',
          lawful_basis_detail: CONTRACT_REASON,
          consent_state: 'NOT_RECORDED',
          consent_detail: null,
        }),
      ]);
      const [disclosure] = (await portal.ok(DISCLOSURES, { caseId }, manager.token)).caseDisclosures;
      expect(disclosure).toMatchObject({
        basis: CONTRACT_REASON,
        lawfulBasis: 'OTHER',
        lawfulBasisDetail: CONTRACT_REASON,
        consent: { state: 'NOT_RECORDED', detail: null },
      });
      const trail = (await portal.ok(TRAIL, { caseId }, manager.token)).caseAuditTrail.edges.map((e: any) => e.node);
      expect(trail.find((e: any) => e.action === 'CASE_SHARED').detail).toBe(
        `Shared with Heron Police at FULL. Basis: ${CONTRACT_REASON}. Lawful basis: other. Consent: not recorded`,
      );
    });
  });

  describe('a basis from the list', () => {
    it.each(LAWFUL_BASES)('%s round trips to the share, the disclosure log and the trail', async (lawfulBasis) => {
      const caseId = await openCase();
      const detail = lawfulBasis === 'OTHER' ? 'Local MARAC protocol, section 2' : null;
      const result = await shareOnBasis(caseId, police, { lawfulBasis, lawfulBasisDetail: detail, consent: 'GIVEN' });
      expect(result.errors).toBeUndefined();
      const expected = { lawfulBasis, lawfulBasisDetail: detail, consent: { state: 'GIVEN', detail: null } };
      expect(result.data!.shareCase).toMatchObject({ reason: CONTRACT_REASON, ...expected });
      const { case: kase } = await portal.ok(READ_SHARES, { id: caseId }, officer.token);
      expect(kase.shares).toEqual([expect.objectContaining(expected)]);
      expect((await portal.ok(DISCLOSURES, { caseId }, manager.token)).caseDisclosures).toEqual([
        expect.objectContaining({ basis: CONTRACT_REASON, ...expected }),
      ]);
      const { rows } = await portal.db.query(
        `SELECT detail FROM audit_events WHERE case_id = $1 AND action = 'CASE_SHARED'`,
        [caseId],
      );
      expect(rows[0].detail).toMatchObject({
        basis: CONTRACT_REASON,
        lawfulBasis,
        lawfulBasisDetail: detail,
        consent: { state: 'GIVEN', detail: null },
      });
    });
  });

  describe("the victim's consent", () => {
    const states: [string, string | null][] = [
      ['GIVEN', 'Agreed at the home visit on 2 March'],
      ['GIVEN', null],
      ['NOT_SOUGHT', WHY_NOT_SOUGHT],
      ['REFUSED_OVERRIDDEN', 'Threats to kill made on 1 March: risk of serious harm'],
    ];
    it.each(states)('%s (detail %s) round trips', async (state, detail) => {
      const caseId = await openCase();
      const basis = { lawfulBasis: 'CRIME_AND_DISORDER_ACT_S115', consent: state, consentDetail: detail };
      const result = await shareOnBasis(caseId, support, basis, 'LIMITED');
      expect(result.errors).toBeUndefined();
      expect(result.data!.shareCase.consent).toEqual({ state, detail });
      expect(await rowsOf(caseId)).toEqual([expect.objectContaining({ consent_state: state, consent_detail: detail })]);
      expect((await portal.ok(DISCLOSURES, { caseId }, manager.token)).caseDisclosures[0].consent).toEqual({
        state,
        detail,
      });
    });

    it('a re-share records its own basis and consent, and the log keeps the one it replaced', async () => {
      const caseId = await openCase();
      await shareOnBasis(caseId, police, { lawfulBasis: 'CONSENT', consent: 'GIVEN' }, 'LIMITED');
      const again = await shareOnBasis(caseId, police, {
        lawfulBasis: 'VITAL_INTERESTS',
        consent: 'REFUSED_OVERRIDDEN',
        consentDetail: 'She withdrew consent; he has a knife',
      });
      expect(again.errors).toBeUndefined();
      const log = (await portal.ok(DISCLOSURES, { caseId }, manager.token)).caseDisclosures;
      expect(log).toEqual([
        expect.objectContaining({
          access: 'LIMITED',
          lawfulBasis: 'CONSENT',
          consent: { state: 'GIVEN', detail: null },
        }),
        expect.objectContaining({
          access: 'FULL',
          lawfulBasis: 'VITAL_INTERESTS',
          consent: { state: 'REFUSED_OVERRIDDEN', detail: 'She withdrew consent; he has a knife' },
          revokedAt: null,
        }),
      ]);
      expect(log[0].revokedAt).not.toBeNull();
    });
  });

  describe('a basis that says too little, or contradicts itself, is refused and writes nothing', () => {
    const refusals: [string, Record<string, unknown>, string][] = [
      ['consent not sought, without why', { lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_SOUGHT' }, 'consentDetail'],
      [
        'consent not sought, with blanks for why',
        { lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_SOUGHT', consentDetail: '    ' },
        'consentDetail',
      ],
      [
        'a refusal overridden, without the risk',
        { lawfulBasis: 'VITAL_INTERESTS', consent: 'REFUSED_OVERRIDDEN', consentDetail: null },
        'consentDetail',
      ],
      ['OTHER, without its words', { lawfulBasis: 'OTHER', consent: 'GIVEN' }, 'lawfulBasisDetail'],
      [
        'OTHER, with blanks for words',
        { lawfulBasis: 'OTHER', lawfulBasisDetail: ' \t ', consent: 'GIVEN' },
        'lawfulBasisDetail',
      ],
      [
        'consent as the basis, with the refusal overridden',
        { lawfulBasis: 'CONSENT', consent: 'REFUSED_OVERRIDDEN', consentDetail: 'Serious risk of harm' },
        'consent',
      ],
      [
        'consent as the basis, never sought',
        { lawfulBasis: 'CONSENT', consent: 'NOT_SOUGHT', consentDetail: 'No safe way to ask' },
        'consent',
      ],
      ['consent NOT_RECORDED on a new share', { lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_RECORDED' }, 'consent'],
      [
        'a why of over 2,000 characters',
        { lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_SOUGHT', consentDetail: 'x'.repeat(2001) },
        'consentDetail',
      ],
    ];

    let caseId: string;
    beforeAll(async () => {
      caseId = await openCase();
    });

    it.each(refusals)('%s: BAD_USER_INPUT, naming the field', async (_label, basis, field) => {
      const result = await shareOnBasis(caseId, council, basis);
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors![0].extensions!.field).toBe(field);
      expect(result.errors![0].message).not.toMatch(/SQL|constraint|case_shares|at .*\.js/);
      expect(result.data).toBeNull();
      expect(await rowsOf(caseId)).toEqual([]);
      expect(await sharedEvents(caseId)).toBe(0);
      expect(await shareAlerts(caseId)).toBe(0);
    });

    it('a refused re-share leaves the live share as it was', async () => {
      const shared = await openCase();
      await shareOnBasis(shared, council, { lawfulBasis: 'PUBLIC_TASK', consent: 'GIVEN' }, 'LIMITED');
      const before = await rowsOf(shared);
      const result = await shareOnBasis(shared, council, { lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_SOUGHT' });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(await rowsOf(shared)).toEqual(before);
      expect(before).toEqual([expect.objectContaining({ access: 'LIMITED', revoked_at: null })]);
    });

    it('the database itself refuses a state without the words it needs', async () => {
      const shared = await openCase();
      await expect(
        portal.db.query(
          `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, consent_state, shared_by_id)
           VALUES ($1, $2, 'FULL', 'Direct write', 'PUBLIC_TASK', 'NOT_SOUGHT', $3)`,
          [shared, council, officer.id],
        ),
      ).rejects.toThrow(/case_shares_consent_explained/);
    });
  });

  describe('who reads them', () => {
    const partners = new Map<AgencyKind, string>();
    const personas = new Map<string, Persona>();
    let fullCase: string;
    let limitedCase: string;
    const CASEWORK_ROLES = [Role.CASEWORKER, Role.MANAGER, Role.MARAC_CHAIR, Role.MARAC_COORDINATOR];

    beforeAll(async () => {
      fullCase = await openCase(officer, 'DOMESTIC_ABUSE');
      limitedCase = await openCase();
      for (const kind of Object.values(AgencyKind)) {
        const agencyId = await people.agency(`Reader ${kind}`, kind);
        partners.set(kind, agencyId);
        for (const role of Object.values(Role)) {
          personas.set(`${kind}:${role}`, await people.user(agencyId, [role], `${kind}-${role}`.toLowerCase()));
        }
        const basis = { lawfulBasis: 'CARE_ACT_S45', consent: 'NOT_SOUGHT', consentDetail: WHY_NOT_SOUGHT };
        expect((await shareOnBasis(fullCase, agencyId, basis, 'FULL')).errors).toBeUndefined();
        expect((await shareOnBasis(limitedCase, agencyId, basis, 'LIMITED')).errors).toBeUndefined();
      }
    });

    it('the owner agency reads every share with its basis and consent, caseworker and manager alike', async () => {
      for (const reader of [officer, manager]) {
        const { case: kase } = await portal.ok(READ_SHARES, { id: fullCase }, reader.token);
        expect(kase.shares).toHaveLength(partners.size);
        for (const share of kase.shares) {
          expect(share).toMatchObject({
            reason: CONTRACT_REASON,
            lawfulBasis: 'CARE_ACT_S45',
            lawfulBasisDetail: null,
            consent: { state: 'NOT_SOUGHT', detail: WHY_NOT_SOUGHT },
            redactedFields: [],
          });
        }
      }
    });

    it.each(Object.values(AgencyKind))(
      'every casework role of a %s partner, FULL or LIMITED, reads them as withheld',
      async (kind) => {
        for (const role of CASEWORK_ROLES) {
          const reader = personas.get(`${kind}:${role}`)!;
          for (const caseId of [fullCase, limitedCase]) {
            const { case: kase } = await portal.ok(READ_SHARES, { id: caseId }, reader.token);
            expect(kase.shares).toHaveLength(partners.size);
            for (const share of kase.shares) {
              expect(share).toMatchObject({ reason: null, lawfulBasis: null, lawfulBasisDetail: null, consent: null });
              expect([...share.redactedFields].sort()).toEqual([...OWNER_ONLY].sort());
            }
          }
        }
      },
    );

    it.each(Object.values(AgencyKind))(
      'the administrators of a %s partner read no case at all, so no basis',
      async (kind) => {
        for (const role of [Role.ADMIN, Role.AGENCY_ADMIN]) {
          const result = await portal.gql(READ_SHARES, { id: fullCase }, personas.get(`${kind}:${role}`)!.token);
          expect(result.data?.case ?? null).toBeNull();
        }
      },
    );

    it('a partner asking for the disclosure log is refused, and sees no basis in it', async () => {
      const result = await portal.gql(
        DISCLOSURES,
        { caseId: fullCase },
        personas.get(`${AgencyKind.POLICE}:${Role.MANAGER}`)!.token,
      );
      expect(codeOf(result)).toBe('FORBIDDEN');
      expect(JSON.stringify(result)).not.toContain(WHY_NOT_SOUGHT);
    });
  });

  describe('the figures', () => {
    let figuresManager: Persona;
    let partnerManager: Persona;
    const now = Date.now();
    const period = { from: new Date(now - 86_400_000).toISOString(), to: new Date(now + 86_400_000).toISOString() };

    beforeAll(async () => {
      const figuresHomes = await people.agency('Figures Homes', 'LANDLORD');
      const partner = await people.agency('Figures Partner', 'SUPPORT');
      const figuresOfficer = await people.user(figuresHomes, ['CASEWORKER'], 'figures-officer');
      figuresManager = await people.user(figuresHomes, ['MANAGER'], 'figures-manager');
      partnerManager = await people.user(partner, ['MANAGER'], 'partner-manager');
      const share = async (basis: Record<string, unknown> | null, agencyId = partner) => {
        const caseId = await openCase(figuresOfficer);
        const variables = { caseId, agencyId, access: 'FULL', reason: 'Figures basis', basis };
        await portal.ok(SHARE_ON_BASIS, variables, figuresOfficer.token);
        return caseId;
      };
      await share({ lawfulBasis: 'PUBLIC_TASK', consent: 'GIVEN' });
      await share({ lawfulBasis: 'PUBLIC_TASK', consent: 'NOT_SOUGHT', consentDetail: WHY_NOT_SOUGHT });
      // A share revoked since was still made in the period.
      const revoked = await share({
        lawfulBasis: 'VITAL_INTERESTS',
        consent: 'REFUSED_OVERRIDDEN',
        consentDetail: 'Knife',
      });
      await portal.ok(REVOKE, { caseId: revoked, agencyId: partner }, figuresOfficer.token);
      await share(null);
      // Made before the period: not counted.
      const old = await share({ lawfulBasis: 'CARE_ACT_S45', consent: 'GIVEN' });
      await portal.db.query(`UPDATE case_shares SET shared_at = now() - interval '3 days' WHERE case_id = $1`, [old]);
    });

    it("counts the shares the manager's agency made in the period by lawful basis and by consent, every value listed", async () => {
      const { caseStatistics } = await portal.ok(STATISTICS, { input: period }, figuresManager.token);
      const byBasis = Object.fromEntries(caseStatistics.sharesByLawfulBasis.map((b: any) => [b.lawfulBasis, b.count]));
      expect(byBasis).toEqual({
        PUBLIC_TASK: 2,
        VITAL_INTERESTS: 1,
        OTHER: 1,
        CRIME_AND_DISORDER_ACT_S115: 0,
        CARE_ACT_S45: 0,
        CONSENT: 0,
      });
      expect(caseStatistics.sharesByLawfulBasis[0]).toEqual({ lawfulBasis: 'PUBLIC_TASK', count: 2 });
      const byConsent = Object.fromEntries(caseStatistics.sharesByConsent.map((c: any) => [c.consent, c.count]));
      expect(byConsent).toEqual({ GIVEN: 1, NOT_SOUGHT: 1, REFUSED_OVERRIDDEN: 1, NOT_RECORDED: 1 });
    });

    it('a partner that was shared the cases made none of those shares: it counts none', async () => {
      const { caseStatistics } = await portal.ok(STATISTICS, { input: period }, partnerManager.token);
      expect(caseStatistics.sharesByLawfulBasis.every((b: any) => b.count === 0)).toBe(true);
      expect(caseStatistics.sharesByConsent.map((c: any) => c.consent).sort()).toEqual([...CONSENT_STATES].sort());
      expect(caseStatistics.sharesByConsent.every((c: any) => c.count === 0)).toBe(true);
    });

    it('counts every agency\'s shares for the partnership, each count under 5 shown as "<5" and the rest rounded', async () => {
      const input = {
        from: new Date(now - 20 * 86_400_000).toISOString(),
        to: new Date(now + 10 * 86_400_000).toISOString(),
      };
      const { partnershipStatistics } = await portal.ok(PARTNERSHIP, { input }, partnerManager.token);
      const { rows } = await portal.db.query(
        `SELECT lawful_basis AS key, count(*)::int AS n FROM case_shares WHERE shared_at >= date_trunc('day', now() - interval '21 days') GROUP BY 1
         UNION ALL SELECT consent_state, count(*)::int FROM case_shares WHERE shared_at >= date_trunc('day', now() - interval '21 days') GROUP BY 1`,
      );
      const truth = new Map(rows.map((r: any) => [r.key, r.n as number]));
      const published = (n: number) => (n < 5 ? '<5' : String(Math.round(n / 5) * 5));
      expect(partnershipStatistics.sharesByLawfulBasis).toHaveLength(LAWFUL_BASES.length);
      for (const { lawfulBasis, count } of partnershipStatistics.sharesByLawfulBasis) {
        expect([lawfulBasis, count]).toEqual([lawfulBasis, published(truth.get(lawfulBasis) ?? 0)]);
      }
      expect(partnershipStatistics.sharesByConsent).toHaveLength(CONSENT_STATES.length);
      for (const { consent, count } of partnershipStatistics.sharesByConsent) {
        expect([consent, count]).toEqual([consent, published(truth.get(consent) ?? 0)]);
      }
      // The readers' fixtures shared two cases with every kind of agency on one basis: enough to be published.
      expect(
        partnershipStatistics.sharesByLawfulBasis.find((b: any) => b.lawfulBasis === 'CARE_ACT_S45').count,
      ).not.toBe('<5');
    });
  });
});
