import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fieldAllowed, type Relation } from '#libs/access';
import { AgencyKind } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

/**
 * Issue 19, item 2: partners write what is theirs (police intelligence, support needs, tenancy) through updateCase
 * and updateParty, exactly where the policy table allows; the lead officer and an action's assignee are chosen from
 * people who may hold the case.
 */

const CREATE_CASE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id version parties { id role } } }`;
const SHARE = `mutation($caseId: ID!, $agencyId: ID!, $access: ShareAccess!) {
  shareCase(caseId: $caseId, agencyId: $agencyId, access: $access, reason: "Partnership agreement") { id } }`;
const REVOKE = `mutation($caseId: ID!, $agencyId: ID!) { revokeCaseShare(caseId: $caseId, agencyId: $agencyId) }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $input: UpdateCaseInput!) {
  updateCase(id: $id, expectedVersion: $v, input: $input) { id version policeIntelligence supportNeeds redactedFields leadOfficer { id } } }`;
const READ = `query($id: ID!) { case(id: $id) { id version policeIntelligence supportNeeds redactedFields
  viewerCan { edit editPoliceIntelligence editSupportNeeds chooseLeadOfficer editPartyTenancy transfer }
  possibleLeadOfficers { id displayName } } }`;
const UPDATE_PARTY = `mutation($id: ID!, $input: UpdatePartyInput!) { updateParty(id: $id, input: $input) { id tenancyType rentArrears } }`;
const ASSIGNEES = `query($id: ID!, $agencyId: ID!) { case(id: $id) { possibleAssignees(agencyId: $agencyId) { id displayName } } }`;
const ADD_ACTION = `mutation($caseId: ID!, $input: ActionInput!) { addAction(caseId: $caseId, input: $input) { id assignee { id } } }`;
const DEACTIVATE = `mutation($id: ID!) { deactivateUser(id: $id) { id } }`;

const FIELDS = { policeIntelligence: 'police_intelligence', supportNeeds: 'support_needs' } as const;
type PartnerField = keyof typeof FIELDS;
const CASEWORK = ['CASEWORKER', 'MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR'];
const NO_CASEWORK = ['ADMIN', 'AGENCY_ADMIN'];

const newCase = () => ({
  category: 'HARASSMENT',
  summary: 'Threats shouted at the door of 4 Heron Row',
  ward: 'Heronsgate',
  riskLevel: 'MEDIUM',
  parties: [
    { role: 'VICTIM', fullName: 'Ada Lindqvist', phone: '07700 900123' },
    { role: 'SUBJECT', fullName: 'Brendan Foyle' },
  ],
});

describe('partners write what is theirs', () => {
  let portal: TestPortal;
  let people: Partnership;
  let landlord: string;
  let landlordOfficer: Persona;
  let police: string;
  let policeOfficer: Persona;

  const openCase = async (by: Persona) => (await portal.ok(CREATE_CASE, { input: newCase() }, by.token)).createCase;
  const share = (by: Persona, caseId: string, agencyId: string, access: string) =>
    portal.ok(SHARE, { caseId, agencyId, access }, by.token);
  const columns = async (caseId: string) =>
    (
      await portal.db.query(
        `SELECT version, police_intelligence, support_needs, lead_officer_id FROM cases WHERE id = $1`,
        [caseId],
      )
    ).rows[0];

  beforeAll(async () => {
    portal = await TestPortal.start();
    people = new Partnership(portal);
    landlord = await people.agency('Heron Homes', 'LANDLORD');
    police = await people.agency('Heronsgate Police', 'POLICE');
    landlordOfficer = await people.user(landlord, ['CASEWORKER'], 'landlord');
    policeOfficer = await people.user(police, ['CASEWORKER'], 'police');
  }, 120_000);

  afterAll(() => portal?.close());

  it('a police officer at a FULL-share police agency writes police intelligence on a case a landlord owns', async () => {
    const kase = await openCase(landlordOfficer);
    await share(landlordOfficer, kase.id, police, 'FULL');
    const before = (await portal.ok(READ, { id: kase.id }, policeOfficer.token)).case;
    expect(before.viewerCan).toMatchObject({ edit: false, editPoliceIntelligence: true, editSupportNeeds: false });
    const { updateCase } = await portal.ok(
      UPDATE,
      { id: kase.id, v: before.version, input: { policeIntelligence: 'Known to CID for criminal damage, 2025' } },
      policeOfficer.token,
    );
    expect(updateCase.policeIntelligence).toBe('Known to CID for criminal damage, 2025');
    expect(updateCase.version).toBe(before.version + 1);
    expect(await columns(kase.id)).toMatchObject({
      version: before.version + 1,
      police_intelligence: 'Known to CID for criminal damage, 2025',
    });
    // The landlord owns the case and still reads the intelligence as withheld.
    const asOwner = (await portal.ok(READ, { id: kase.id }, landlordOfficer.token)).case;
    expect(asOwner.policeIntelligence).toBeNull();
    expect(asOwner.redactedFields).toContain('policeIntelligence');
    expect(asOwner.viewerCan.editPoliceIntelligence).toBe(false);
  });

  it('a stale expectedVersion is CONFLICT and writes nothing', async () => {
    const kase = await openCase(landlordOfficer);
    await share(landlordOfficer, kase.id, police, 'FULL');
    const first = await portal.ok(
      UPDATE,
      { id: kase.id, v: kase.version, input: { policeIntelligence: 'First note' } },
      policeOfficer.token,
    );
    const stale = await portal.gql(
      UPDATE,
      { id: kase.id, v: kase.version, input: { policeIntelligence: 'Second note' } },
      policeOfficer.token,
    );
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(await columns(kase.id)).toMatchObject({
      version: first.updateCase.version,
      police_intelligence: 'First note',
    });
  });

  it('every role of every agency kind, as owner, FULL or LIMITED, writes police intelligence and support needs exactly where the policy table allows', async () => {
    // One hub agency owns the cases that are shared; each kind's own agency owns the case it holds as OWNER.
    const hub = await people.agency('Hub Council', 'COUNCIL');
    const hubOfficer = await people.user(hub, ['CASEWORKER'], 'hub');
    const failures: string[] = [];
    for (const kind of Object.values(AgencyKind)) {
      const agency = await people.agency(`Every ${kind}`, kind);
      const actors: { roles: string[]; who: Persona }[] = [];
      for (const role of [...CASEWORK, ...NO_CASEWORK])
        actors.push({ roles: [role], who: await people.user(agency, [role], `${kind}-${role}`) });
      const ownerCase = (await openCase(actors[0].who)).id;
      const fullCase = (await openCase(hubOfficer)).id;
      const limitedCase = (await openCase(hubOfficer)).id;
      await share(hubOfficer, fullCase, agency, 'FULL');
      await share(hubOfficer, limitedCase, agency, 'LIMITED');
      const cases: [Relation, string][] = [
        ['OWNER', ownerCase],
        ['FULL', fullCase],
        ['LIMITED', limitedCase],
      ];
      for (const [relation, caseId] of cases) {
        for (const { roles, who } of actors) {
          const casework = roles.some((r) => CASEWORK.includes(r));
          for (const field of Object.keys(FIELDS) as PartnerField[]) {
            const allowed = casework && fieldAllowed('write', kind, relation, 'Case', field, {});
            const stored = await columns(caseId);
            const value = `${field} by ${kind} ${roles[0]} as ${relation}`;
            const read = await portal.gql(READ, { id: caseId }, who.token);
            const viewerCan = read.data?.case?.viewerCan;
            const flag = field === 'policeIntelligence' ? 'editPoliceIntelligence' : 'editSupportNeeds';
            if ((viewerCan?.[flag] ?? false) !== allowed)
              failures.push(`${kind} ${roles.join()} ${relation} viewerCan.${flag} = ${viewerCan?.[flag]}`);
            const result = await portal.gql(
              UPDATE,
              { id: caseId, v: stored.version, input: { [field]: value } },
              who.token,
            );
            const after = await columns(caseId);
            if (allowed) {
              if (result.errors || after[FIELDS[field]] !== value)
                failures.push(`${kind} ${roles.join()} ${relation} ${field}: refused ${JSON.stringify(result.errors)}`);
            } else {
              const code = codeOf(result);
              const expected = casework
                ? code === 'FORBIDDEN' && result.errors?.[0]?.extensions?.field === field
                : code === 'FORBIDDEN' || code === 'NOT_FOUND';
              if (!expected)
                failures.push(`${kind} ${roles.join()} ${relation} ${field}: ${JSON.stringify(result.errors)}`);
              if (after.version !== stored.version || after[FIELDS[field]] !== stored[FIELDS[field]])
                failures.push(`${kind} ${roles.join()} ${relation} ${field}: a refusal wrote`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  it('a revoked partner, and an agency the case was never shared with, get NOT_FOUND and write nothing', async () => {
    const kase = await openCase(landlordOfficer);
    await share(landlordOfficer, kase.id, police, 'FULL');
    await portal.ok(REVOKE, { caseId: kase.id, agencyId: police }, landlordOfficer.token);
    const otherPolice = await people.user(await people.agency('Other Police', 'POLICE'), ['CASEWORKER'], 'other');
    for (const who of [policeOfficer, otherPolice]) {
      const result = await portal.gql(
        UPDATE,
        { id: kase.id, v: kase.version, input: { policeIntelligence: 'Should not land' } },
        who.token,
      );
      expect(codeOf(result)).toBe('NOT_FOUND');
    }
    expect(await columns(kase.id)).toMatchObject({ version: kase.version, police_intelligence: null });
  });

  it('a landlord holding a FULL share of a council case writes tenancy; one holding a LIMITED share is refused', async () => {
    const council = await people.agency('Heronsgate Council', 'COUNCIL');
    const councilOfficer = await people.user(council, ['CASEWORKER'], 'council');
    const full = await openCase(councilOfficer);
    await share(councilOfficer, full.id, landlord, 'FULL');
    const victim = full.parties.find((p: { role: string }) => p.role === 'VICTIM').id;
    const read = (await portal.ok(READ, { id: full.id }, landlordOfficer.token)).case;
    expect(read.viewerCan.editPartyTenancy).toBe(true);
    const { updateParty } = await portal.ok(
      UPDATE_PARTY,
      { id: victim, input: { tenancyType: 'SECURE', rentArrears: 120.5 } },
      landlordOfficer.token,
    );
    expect(updateParty).toMatchObject({ tenancyType: 'SECURE', rentArrears: 120.5 });

    const limited = await openCase(councilOfficer);
    await share(councilOfficer, limited.id, landlord, 'LIMITED');
    const limitedVictim = limited.parties.find((p: { role: string }) => p.role === 'VICTIM').id;
    expect((await portal.ok(READ, { id: limited.id }, landlordOfficer.token)).case.viewerCan.editPartyTenancy).toBe(
      false,
    );
    const refused = await portal.gql(
      UPDATE_PARTY,
      { id: limitedVictim, input: { tenancyType: 'SECURE' } },
      landlordOfficer.token,
    );
    expect(codeOf(refused)).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.extensions?.field).toBe('tenancyType');
    const { rows } = await portal.db.query(`SELECT tenancy_type FROM parties WHERE id = $1`, [limitedVictim]);
    expect(rows[0].tenancy_type).toBeNull();
  });

  describe('the lead officer and an action’s assignee', () => {
    let owner: string;
    let caseworker: Persona;
    let manager: Persona;
    let leaver: Persona;
    let administrator: Persona;
    let partnerOfficer: Persona;
    let caseId: string;
    let version: number;

    beforeAll(async () => {
      owner = await people.agency('Kestrel Housing', 'LANDLORD');
      caseworker = await people.user(owner, ['CASEWORKER'], 'kestrel');
      manager = await people.user(owner, ['MANAGER'], 'kestrel-manager');
      leaver = await people.user(owner, ['CASEWORKER'], 'kestrel-leaver');
      administrator = await people.user(owner, ['AGENCY_ADMIN'], 'kestrel-admin');
      partnerOfficer = await people.user(police, ['CASEWORKER'], 'police-partner');
      await portal.ok(DEACTIVATE, { id: leaver.id }, await people.admin());
      const kase = await openCase(caseworker);
      caseId = kase.id;
      version = kase.version;
      await share(caseworker, caseId, police, 'FULL');
    });

    it('are offered from the owner agency’s active caseworkers only: no leaver, no administrator, nobody of another agency', async () => {
      const read = (await portal.ok(READ, { id: caseId }, caseworker.token)).case;
      expect(read.viewerCan.chooseLeadOfficer).toBe(true);
      const offered = read.possibleLeadOfficers.map((u: { id: string }) => u.id).sort();
      expect(offered).toEqual([caseworker.id, manager.id].sort());
      expect(Object.keys(read.possibleLeadOfficers[0]).sort()).toEqual(['displayName', 'id']);
    });

    it('are offered to nobody who may not set the lead officer: a FULL partner gets none', async () => {
      const read = (await portal.ok(READ, { id: caseId }, partnerOfficer.token)).case;
      expect(read.viewerCan.chooseLeadOfficer).toBe(false);
      expect(read.possibleLeadOfficers).toEqual([]);
    });

    it('refuse a deactivated user, an administrator and another agency’s officer as lead officer, writing nothing', async () => {
      const before = await columns(caseId);
      for (const who of [leaver, administrator, partnerOfficer]) {
        const result = await portal.gql(
          UPDATE,
          { id: caseId, v: version, input: { leadOfficerId: who.id } },
          caseworker.token,
        );
        expect(codeOf(result)).toBe('NOT_FOUND');
        expect(result.errors?.[0]?.extensions?.field).toBe('leadOfficerId');
      }
      expect(await columns(caseId)).toEqual(before);
      const { updateCase } = await portal.ok(
        UPDATE,
        { id: caseId, v: version, input: { leadOfficerId: manager.id } },
        caseworker.token,
      );
      expect(updateCase.leadOfficer.id).toBe(manager.id);
      version = updateCase.version;
    });

    it('for an action: the people of the agency that will carry it out, if it holds the case', async () => {
      const policeStaff = await portal.ok(ASSIGNEES, { id: caseId, agencyId: police }, caseworker.token);
      expect(policeStaff.case.possibleAssignees.map((u: { id: string }) => u.id)).toContain(partnerOfficer.id);
      expect(policeStaff.case.possibleAssignees.map((u: { id: string }) => u.id)).not.toContain(caseworker.id);
      const stranger = await people.agency('Unrelated Support', 'SUPPORT');
      await people.user(stranger, ['CASEWORKER'], 'stranger');
      const none = await portal.ok(ASSIGNEES, { id: caseId, agencyId: stranger }, caseworker.token);
      expect(none.case.possibleAssignees).toEqual([]);
      const refused = await portal.gql(
        ADD_ACTION,
        {
          caseId,
          input: { kind: 'HOME_VISIT', description: 'Visit the victim', ownerAgencyId: owner, assigneeId: leaver.id },
        },
        caseworker.token,
      );
      expect(codeOf(refused)).toBe('NOT_FOUND');
      expect(refused.errors?.[0]?.extensions?.field).toBe('assigneeId');
      const added = await portal.ok(
        ADD_ACTION,
        {
          caseId,
          input: {
            kind: 'PATROL',
            description: 'Patrol Heron Row',
            ownerAgencyId: police,
            assigneeId: partnerOfficer.id,
          },
        },
        caseworker.token,
      );
      expect(added.addAction.assignee.id).toBe(partnerOfficer.id);
    });
  });
});
