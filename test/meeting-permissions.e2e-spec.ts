import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fieldAllowed, governedFields, type Relation } from '#libs/access';
import { AgencyKind } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const KINDS = ['LANDLORD', 'POLICE', 'COUNCIL', 'SUPPORT', 'HEALTH', 'SOCIAL_CARE', 'PROBATION', 'OTHER'] as const;
const ROLES = ['CASEWORKER', 'MANAGER', 'MARAC_CHAIR', 'MARAC_COORDINATOR', 'ADMIN'] as const;
type Role = (typeof ROLES)[number];
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'null';

/**
 * What the contract says, written out here rather than read from the policy, so the policy can be wrong and
 * this test fail: attending agencies' casework users read and contribute; MARAC chairs and coordinators
 * organise; the meeting's chair and coordinators chair; ADMIN reads no meeting; other agencies see none.
 */
function expected(
  role: Role,
  attending: boolean,
  operation: 'read' | 'agree' | 'research' | 'organise' | 'chair',
): Outcome {
  if (role === 'ADMIN') return 'FORBIDDEN';
  const marac = role === 'MARAC_CHAIR' || role === 'MARAC_COORDINATOR';
  if (operation === 'read') return attending ? 'ok' : 'null';
  // Roles that may never do it are refused before any row is looked at; the others meet the row rule.
  if (operation === 'organise' && !marac) return 'FORBIDDEN';
  if (operation === 'chair' && !marac) return 'FORBIDDEN';
  if (!attending) return 'NOT_FOUND';
  // These chairs do not chair this meeting.
  if (operation === 'chair' && role === 'MARAC_CHAIR') return 'FORBIDDEN';
  return 'ok';
}

describe('who may do what with a meeting: every role, every agency kind, attending or not', () => {
  let portal: TestPortal;
  let meetingId: string;
  let itemId: string;
  const personas: { kind: string; role: Role; attending: boolean; persona: Persona }[] = [];

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000' });
    const people = new Partnership(portal);
    const organiserAgency = await people.agency('Matrix MARAC Team', 'POLICE');
    const coordinator = await people.user(organiserAgency, ['MARAC_COORDINATOR'], 'coordinator');
    const chair = await people.user(organiserAgency, ['MARAC_CHAIR'], 'chair');
    const attendingAgencies: string[] = [];
    for (const kind of KINDS) {
      for (const attending of [true, false]) {
        const agency = await people.agency(`Matrix ${kind} ${attending ? 'attending' : 'absent'}`, kind);
        if (attending) attendingAgencies.push(agency);
        for (const role of ROLES)
          personas.push({
            kind,
            role,
            attending,
            persona: await people.user(agency, [role], `${kind}-${role}`.toLowerCase()),
          });
      }
    }
    const kase = (
      await portal.ok(
        `mutation { createCase(input: { category: DOMESTIC_ABUSE, summary: "Matrix case", ward: "Riverside", riskLevel: HIGH, parties: [{ role: VICTIM, fullName: "Matrix Victim" }] }) { id } }`,
        {},
        coordinator.token,
      )
    ).createCase.id;
    meetingId = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Matrix MARAC',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            chairId: chair.id,
            agencyIds: attendingAgencies,
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    itemId = (
      await portal.ok(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Matrix concern") { id } }`,
        { m: meetingId, c: kase },
        coordinator.token,
      )
    ).referCase.id;
  }, 240_000);

  afterAll(() => portal.close());

  const OPERATIONS = {
    read: [
      `query($m: ID!) { meeting(id: $m) { id } }`,
      (r: any) => (r.errors ? codeOf(r) : r.data.meeting === null ? 'null' : 'ok'),
    ],
    agree: [`mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { id } }`, null],
    research: [`mutation($i: ID!) { recordResearch(agendaItemId: $i, summary: "Nothing held") { agencyId } }`, null],
    organise: [`mutation($m: ID!, $i: ID!) { reorderAgenda(meetingId: $m, itemIds: [$i]) { id } }`, null],
    chair: [`mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Matrix minutes") { id } }`, null],
  } as const;

  for (const operation of Object.keys(OPERATIONS) as (keyof typeof OPERATIONS)[]) {
    it(`${operation}: every role of every agency kind, attending and not`, async () => {
      const [query, read] = OPERATIONS[operation];
      const problems: string[] = [];
      for (const { kind, role, attending, persona } of personas) {
        const variables = {
          read: { m: meetingId },
          agree: { m: meetingId },
          research: { i: itemId },
          organise: { m: meetingId, i: itemId },
          chair: { i: itemId },
        }[operation];
        const result = await portal.gql(query, variables, persona.token);
        const got = read ? read(result) : result.errors ? codeOf(result) : 'ok';
        const want = expected(role, attending, operation);
        if (got !== want)
          problems.push(`${kind} ${role} ${attending ? 'attending' : 'absent'}: expected ${want}, got ${got}`);
      }
      expect(problems).toEqual([]);
    });
  }

  it('lists a meeting in `meetings` for exactly the attending casework users', async () => {
    const problems: string[] = [];
    for (const { kind, role, attending, persona } of personas) {
      const result = await portal.gql(`{ meetings { id } }`, {}, persona.token);
      const listed = result.data?.meetings?.some((m: { id: string }) => m.id === meetingId) ?? false;
      if (listed !== (attending && role !== 'ADMIN'))
        problems.push(`${kind} ${role} ${attending ? 'attending' : 'absent'}: listed ${listed}`);
    }
    expect(problems).toEqual([]);
  });
});

/**
 * The agenda's material, by the policy table's AgendaItem rows: every agency kind, attending as the owner, with
 * a FULL share, a LIMITED share or none (which reads as LIMITED), after agreeing the statement.
 */
describe('what an attendee reads of an agenda item: every agency kind × owner / FULL / LIMITED / no share', () => {
  let portal: TestPortal;
  let meetingId: string;
  const readers: { kind: AgencyKind; relation: Relation; label: string; persona: Persona }[] = [];
  /** How each governed field is selected, and whether what came back is a value (not withheld). */
  const SELECTION: Record<string, [string, (item: any) => boolean]> = {
    case: ['case { id }', (i) => i.case !== null],
    research: ['research { summary }', (i) => i.research?.length === 1],
    actions: ['actions { id }', (i) => i.actions?.length === 1],
    minutes: ['minutes', (i) => i.minutes === 'Material minutes'],
    dashAssessment: ['dashAssessment { score }', (i) => i.dashAssessment?.score === 15],
    concerns: ['concerns', (i) => i.concerns === 'Material concern'],
  };

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '10000' });
    const people = new Partnership(portal);
    const owner = await people.agency('Material MARAC Team', 'POLICE');
    const coordinator = await people.user(owner, ['MARAC_COORDINATOR'], 'material-coordinator');
    readers.push({
      kind: AgencyKind.POLICE,
      relation: 'OWNER',
      label: 'POLICE owner',
      persona: await people.user(owner, ['CASEWORKER'], 'material-owner'),
    });
    const kase = (
      await portal.ok(
        `mutation { createCase(input: { category: DOMESTIC_ABUSE, summary: "Material case", ward: "Riverside", riskLevel: HIGH, parties: [{ role: VICTIM, fullName: "Material Victim" }] }) { id } }`,
        {},
        coordinator.token,
      )
    ).createCase.id;
    const attending = [owner];
    for (const kind of Object.values(AgencyKind)) {
      for (const share of ['FULL', 'LIMITED', 'NONE'] as const) {
        const agency = await people.agency(`Material ${kind} ${share}`, kind);
        attending.push(agency);
        if (share !== 'NONE') {
          await portal.ok(
            `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "MARAC protocol") { id } }`,
            { c: kase, a: agency, x: share },
            coordinator.token,
          );
        }
        readers.push({
          kind,
          relation: share === 'NONE' ? 'LIMITED' : share,
          label: `${kind} ${share}`,
          persona: await people.user(agency, ['CASEWORKER'], `material-${kind}-${share}`.toLowerCase()),
        });
      }
    }
    const yes = Array.from({ length: 15 }, (_, i) => ({ question: i + 1, answer: 'YES' }));
    await portal.ok(
      `mutation($c: ID!, $a: [DashAnswerInput!]!) { recordDashAssessment(caseId: $c, input: { answers: $a }) { id } }`,
      { c: kase, a: yes },
      coordinator.token,
    );
    meetingId = (
      await portal.ok(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Material MARAC',
            startsAt: new Date(Date.now() + 86_400_000).toISOString(),
            chairId: coordinator.id,
            agencyIds: attending,
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    const item = (
      await portal.ok(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: DASH_THRESHOLD, dashScore: 15, concerns: "Material concern") { id } }`,
        { m: meetingId, c: kase },
        coordinator.token,
      )
    ).referCase.id;
    await portal.ok(`mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`, { m: meetingId }, coordinator.token);
    await portal.ok(
      `mutation($i: ID!) { recordResearch(agendaItemId: $i, summary: "Known to the team") { agencyId } }`,
      { i: item },
      coordinator.token,
    );
    await portal.ok(
      `mutation($i: ID!) { recordMinutes(agendaItemId: $i, minutes: "Material minutes") { id } }`,
      { i: item },
      coordinator.token,
    );
    await portal.ok(
      `mutation($i: ID!, $a: ID!, $due: DateTime!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Safety plan", dueAt: $due }) { id } }`,
      { i: item, a: owner, due: new Date(Date.now() + 7 * 86_400_000).toISOString() },
      coordinator.token,
    );
  }, 240_000);

  afterAll(() => portal.close());

  it('has a selection for every field the table governs on an agenda item', () => {
    expect(Object.keys(SELECTION).sort()).toEqual(governedFields('AgendaItem').sort());
  });

  it('gives each reader exactly the fields the table allows, and nothing before agreeing the statement', async () => {
    const query = `query($m: ID!) { meeting(id: $m) { agenda { ${Object.values(SELECTION)
      .map(([selection]) => selection)
      .join(' ')} } } }`;
    const problems: string[] = [];
    for (const { kind, relation, label, persona } of readers) {
      const before = (await portal.ok(query, { m: meetingId }, persona.token)).meeting.agenda[0];
      for (const [field, [, present]] of Object.entries(SELECTION))
        if (present(before)) problems.push(`${label}: ${field} before agreeing`);
      await portal.ok(
        `mutation($m: ID!) { agreeConfidentiality(meetingId: $m) { id } }`,
        { m: meetingId },
        persona.token,
      );
      const item = (await portal.ok(query, { m: meetingId }, persona.token)).meeting.agenda[0];
      for (const [field, [, present]] of Object.entries(SELECTION)) {
        const allowed = fieldAllowed('read', kind, relation, 'AgendaItem', field, {});
        if (present(item) !== allowed)
          problems.push(`${label}: ${field} ${allowed ? 'withheld' : 'sent'} (${JSON.stringify(item[field])})`);
      }
    }
    expect(problems).toEqual([]);
  });
});
