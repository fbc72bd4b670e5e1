import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgencyKind, Role } from '#libs/common';
import { codeOf, type GraphQLResult, TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';
import * as samples from './evidence-samples.js';

/**
 * `viewerCan` is what the portal shows or hides an action by, so it must say exactly what the API then does.
 * For every role × agency kind × owner / FULL / LIMITED share, each boolean is compared with the answer of the
 * guarded operation itself, sent by the same person: allowed (it ran, or was refused for the case's state or
 * the input's content: the rule let it through) or refused (FORBIDDEN, or NOT_FOUND for a row the caller may
 * not act on). Anything else fails the test, so an input that no longer validates cannot pass for a refusal.
 */

const KINDS = Object.values(AgencyKind);
const ROLES = Object.values(Role);
/** Administrators alone, of the partnership or of an agency, read no case. */
const readsNoCase = (role: Role) => role === Role.ADMIN || role === Role.AGENCY_ADMIN;
type Relation = 'OWNER' | 'FULL' | 'LIMITED';

const CASE_VIEWER_CAN = `query($id: ID!) { case(id: $id) { id version viewerCan {
  share revokeShare readAuditTrail placeLegalHold releaseLegalHold edit close recordSatisfaction logIncident addAction
  addParty editPartyIdentifiers editPartyTenancy recordContact recordDashAssessment recordAsbRiskAssessment agreeActionPlan
  uploadEvidence removeEvidence requestCaseReview decideCaseReview withdrawFromMeeting
  editPoliceIntelligence editSupportNeeds chooseLeadOfficer transfer } } }`;
const MEETING_VIEWER_CAN = `query($id: ID!) { meeting(id: $id) { id viewerCan { organise chair contribute } } }`;
const ME_VIEWER_CAN = `query { me { id viewerCan { readCases createCase triage createMeeting readCaseFigures readMeetingFigures applyRetention updateServiceStandards administer manageUsers manageApiKeys manageWebhooks searchPeople decideAccessRequests mergePeople manageLetterTemplates decideCaseTransfers logCaseReviews readCaseReviewFigures } } }`;
const ACTIONS_VIEWER_CAN = `query($id: ID!) { case(id: $id) { id actions { id ownerAgency { id } viewerCan { update } } } }`;

type Outcome = 'allowed' | 'refused';

/** The rule's answer, read off the operation's own answer. */
function outcomeOf(result: GraphQLResult, what: string): Outcome {
  const code = codeOf(result);
  if (!result.errors?.length) return 'allowed';
  if (code === 'FORBIDDEN' || code === 'NOT_FOUND') return 'refused';
  // Past the rule: the case is closed, the review already decided, the hold already placed, an empty agenda.
  if (code === 'BAD_USER_INPUT' || code === 'CONFLICT') return 'allowed';
  throw new Error(`${what}: unexpected answer ${JSON.stringify(result.errors)}`);
}

interface Fixture {
  caseId: string;
  ownerAgencyId: string;
  partyId: string;
  reviewId: string;
  agendaItemId: string;
}

describe('viewerCan says exactly what the guarded operations then do', () => {
  let portal: TestPortal;
  const agencies = new Map<AgencyKind | 'hub' | 'third', string>();
  const users = new Map<string, Persona>();
  const hubCases = new Map<'FULL' | 'LIMITED', Fixture>();
  const ownCases = new Map<AgencyKind, Fixture>();
  let hubOwner: Persona;
  /** Per case: the actions on it, one owned by the case's owner and (on the hub's cases) one per partner agency. */
  const actionsOn = new Map<string, string[]>();
  let meetingId: string;
  let chairId: string;

  const personaOf = (kind: AgencyKind, role: Role) => users.get(`${kind}:${role}`)!;

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const people = new Partnership(portal);
    agencies.set('hub', await people.agency('Hub Housing Trust', 'LANDLORD'));
    agencies.set('third', await people.agency('Third Partner', 'OTHER'));
    hubOwner = await people.user(agencies.get('hub')!, ['CASEWORKER'], 'hub');
    for (const kind of KINDS) {
      agencies.set(kind, await people.agency(`Viewer ${kind}`, kind));
      for (const role of ROLES)
        users.set(
          `${kind}:${role}`,
          await people.user(agencies.get(kind)!, [role], `${kind.toLowerCase()}-${role.toLowerCase()}`),
        );
    }

    // A meeting every agency attends, chaired by the police's MARAC chair: a meeting's chair is one person.
    chairId = personaOf(AgencyKind.POLICE, Role.MARAC_CHAIR).id;
    const { rows } = await portal.db.query(
      `INSERT INTO meetings (kind, title, starts_at, chair_id, scheduled_by_id) VALUES ('MARAC', 'Viewer MARAC', now() + interval '7 days', $1, $1) RETURNING id`,
      [chairId],
    );
    meetingId = rows[0].id;
    await portal.db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) SELECT $1, unnest($2::uuid[])`, [
      meetingId,
      [...agencies.values()],
    ]);
    // A second meeting, attended by the hub alone, carries every case: taking a case off it is the owner's.
    const { rows: hubRows } = await portal.db.query(
      `INSERT INTO meetings (kind, title, starts_at, chair_id, scheduled_by_id) VALUES ('MARAC', 'Hub MARAC', now() + interval '7 days', $1, $1) RETURNING id`,
      [hubOwner.id],
    );
    await portal.db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) VALUES ($1, $2)`, [
      hubRows[0].id,
      agencies.get('hub'),
    ]);

    const create = async (owner: Persona, ownerAgencyId: string, label: string): Promise<Fixture> => {
      const { createCase } = await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id parties { id role } } }`,
        {
          input: {
            category: 'NOISE',
            summary: `Viewer case ${label}`,
            ward: 'Viewer Ward',
            riskLevel: 'STANDARD',
            parties: [{ role: 'VICTIM', fullName: `Victim ${label}`, phone: '07700 900101', tenant: true }],
          },
        },
        owner.token,
      );
      const [review] = (
        await portal.db.query(
          `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, requested_by_id)
           VALUES ($1, now(), now() + interval '5 days', now() + interval '10 days', now() + interval '30 days', $2) RETURNING id`,
          [createCase.id, owner.id],
        )
      ).rows;
      const [item] = (
        await portal.db.query(
          `INSERT INTO agenda_items (meeting_id, case_id, position, reason, referred_by_id, referred_by_agency_id)
           VALUES ($1, $2, 1, 'PROFESSIONAL_JUDGEMENT', $3, $4) RETURNING id`,
          [hubRows[0].id, createCase.id, owner.id, ownerAgencyId],
        )
      ).rows;
      return {
        caseId: createCase.id,
        ownerAgencyId,
        partyId: createCase.parties[0].id,
        reviewId: review.id,
        agendaItemId: item.id,
      };
    };
    for (const access of ['FULL', 'LIMITED'] as const) {
      const fixture = await create(hubOwner, agencies.get('hub')!, `hub-${access}`);
      hubCases.set(access, fixture);
      for (const kind of KINDS) {
        await portal.ok(
          `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Viewer basis") { id } }`,
          { c: fixture.caseId, a: agencies.get(kind), x: access },
          hubOwner.token,
        );
      }
    }
    for (const kind of KINDS)
      ownCases.set(kind, await create(personaOf(kind, Role.CASEWORKER), agencies.get(kind)!, `${kind}-own`));

    const addAction = async (by: Persona, caseId: string, ownerAgencyId: string) => {
      const { addAction: added } = await portal.ok(
        `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Patrol the block", ownerAgencyId: $a }) { id } }`,
        { c: caseId, a: ownerAgencyId },
        by.token,
      );
      actionsOn.set(caseId, [...(actionsOn.get(caseId) ?? []), added.id as string]);
    };
    for (const fixture of hubCases.values()) {
      await addAction(hubOwner, fixture.caseId, fixture.ownerAgencyId);
      for (const kind of KINDS) await addAction(hubOwner, fixture.caseId, agencies.get(kind)!);
    }
    for (const [kind, fixture] of ownCases)
      await addAction(personaOf(kind, Role.CASEWORKER), fixture.caseId, fixture.ownerAgencyId);
  }, 240_000);

  afterAll(() => portal.close());

  /** A file on the case, uploaded by its owner, for one attempt at removing it. */
  async function evidenceOn(fixture: Fixture): Promise<string> {
    const owner =
      fixture.ownerAgencyId === agencies.get('hub')
        ? hubOwner
        : personaOf([...agencies].find(([, id]) => id === fixture.ownerAgencyId)![0] as AgencyKind, Role.CASEWORKER);
    const { status, body } = await upload(owner, fixture.caseId);
    expect(status).toBe(201);
    return body.id as string;
  }

  async function upload(persona: Persona, caseId: string): Promise<{ status: number; body: Record<string, any> }> {
    const form = new FormData();
    form.append('file', new Blob([samples.png()], { type: 'image/png' }), 'door.png');
    const res = await fetch(`${portal.url}/evidence/cases/${caseId}`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${persona.token}` },
    });
    return { status: res.status, body: (await res.json()) as Record<string, any> };
  }

  /** Every operation a `viewerCan` boolean stands for, sent by `persona` to the fixture's case. */
  async function attempts(persona: Persona, fixture: Fixture): Promise<Record<string, Outcome>> {
    const { caseId } = fixture;
    const send = async (what: string, query: string, variables: Record<string, unknown>) =>
      outcomeOf(await portal.gql(query, variables, persona.token), what);
    const version = async () =>
      (await portal.db.query(`SELECT version FROM cases WHERE id = $1`, [caseId])).rows[0].version as number;
    const now = new Date().toISOString();
    const out: Record<string, Outcome> = {};
    out.share = await send(
      'shareCase',
      `mutation($c: ID!, $a: ID!) { shareCase(caseId: $c, agencyId: $a, access: LIMITED, reason: "Onward") { id } }`,
      {
        c: caseId,
        a: agencies.get('third'),
      },
    );
    out.revokeShare = await send(
      'revokeCaseShare',
      `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`,
      { c: caseId, a: agencies.get('third') },
    );
    out.readAuditTrail = await send(
      'caseAuditTrail',
      `query($c: ID!) { caseAuditTrail(caseId: $c, first: 1) { totalCount } }`,
      { c: caseId },
    );
    out.placeLegalHold = await send(
      'placeLegalHold',
      `mutation($c: ID!) { placeLegalHold(caseId: $c, reason: "Litigation is expected") { id } }`,
      { c: caseId },
    );
    out.releaseLegalHold = await send(
      'releaseLegalHold',
      `mutation($c: ID!) { releaseLegalHold(caseId: $c, reason: "Litigation is settled") { id } }`,
      { c: caseId },
    );
    out.edit = await send(
      'updateCase',
      `mutation($c: ID!, $v: Int!) { updateCase(id: $c, expectedVersion: $v, input: { summary: "Edited by a viewer" }) { id } }`,
      {
        c: caseId,
        v: await version(),
      },
    );
    // Issue 19, item 2: partners' own fields, the lead officer, and offering the case to another agency.
    for (const [flag, input] of [
      ['editPoliceIntelligence', '{ policeIntelligence: "Known to CID" }'],
      ['editSupportNeeds', '{ supportNeeds: "Needs an interpreter" }'],
      ['chooseLeadOfficer', '{ leadOfficerId: null }'],
    ] as const) {
      out[flag] = await send(
        'updateCase',
        `mutation($c: ID!, $v: Int!) { updateCase(id: $c, expectedVersion: $v, input: ${input}) { id } }`,
        { c: caseId, v: await version() },
      );
    }
    const offered = await portal.gql(
      `mutation($c: ID!, $a: ID!) { offerCaseTransfer(input: { caseId: $c, agencyId: $a, reason: "Better placed" }) { id } }`,
      { c: caseId, a: agencies.get('third') },
      persona.token,
    );
    out.transfer = outcomeOf(offered, 'offerCaseTransfer');
    // Taken back at once, so the case stays offerable for the next persona.
    if (offered.data?.offerCaseTransfer)
      await portal.ok(
        `mutation($id: ID!) { withdrawCaseTransfer(id: $id) { id } }`,
        { id: offered.data.offerCaseTransfer.id },
        persona.token,
      );
    out.logIncident = await send(
      'logIncident',
      `mutation($c: ID!, $at: DateTime!) { logIncident(caseId: $c, input: { occurredAt: $at, category: NOISE, description: "Music" }) { id } }`,
      { c: caseId, at: now },
    );
    out.addAction = await send(
      'addAction',
      `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Patrol", ownerAgencyId: $a }) { id } }`,
      {
        c: caseId,
        a: fixture.ownerAgencyId,
      },
    );
    out.addParty = await send(
      'addParty',
      `mutation($c: ID!) { addParty(caseId: $c, input: { role: WITNESS, fullName: "A witness" }) { id } }`,
      { c: caseId },
    );
    out.editPartyIdentifiers = await send(
      'updateParty',
      `mutation($p: ID!) { updateParty(id: $p, input: { fullName: "Renamed victim" }) { id } }`,
      { p: fixture.partyId },
    );
    out.editPartyTenancy = await send(
      'updateParty',
      `mutation($p: ID!) { updateParty(id: $p, input: { rentArrears: 12.5 }) { id } }`,
      { p: fixture.partyId },
    );
    out.recordContact = await send(
      'recordContact',
      `mutation($c: ID!, $at: DateTime!) { recordContact(caseId: $c, input: { contactedAt: $at, channel: PHONE, note: "Called back" }) { id } }`,
      { c: caseId, at: now },
    );
    out.recordDashAssessment = await send(
      'recordDashAssessment',
      `mutation($c: ID!) { recordDashAssessment(caseId: $c, input: { answers: [{ question: 1, answer: NO }] }) { id } }`,
      {
        c: caseId,
      },
    );
    out.recordAsbRiskAssessment = await send(
      'recordAsbRiskAssessment',
      `mutation($c: ID!) { recordAsbRiskAssessment(caseId: $c, input: { likelihood: 2, impact: 2 }) { id } }`,
      { c: caseId },
    );
    out.agreeActionPlan = await send(
      'agreeActionPlan',
      `mutation($c: ID!, $at: DateTime!) { agreeActionPlan(caseId: $c, input: { agreedAt: $at, agreedWith: "The reporter", ourCommitments: ["Visit"], updateEveryDays: 14, updateChannel: PHONE }) { id } }`,
      { c: caseId, at: now },
    );
    const { status } = await upload(persona, caseId);
    if (![201, 403, 404].includes(status)) throw new Error(`upload: unexpected status ${status}`);
    out.uploadEvidence = status === 201 ? 'allowed' : 'refused';
    out.removeEvidence = await send(
      'removeEvidence',
      `mutation($id: ID!) { removeEvidence(id: $id, reason: "Uploaded in error") }`,
      { id: await evidenceOn(fixture) },
    );
    out.requestCaseReview = await send(
      'requestCaseReview',
      `mutation($c: ID!, $at: DateTime!) { requestCaseReview(caseId: $c, receivedAt: $at) { id } }`,
      { c: caseId, at: now },
    );
    out.decideCaseReview = await send(
      'acknowledgeCaseReview',
      `mutation($id: ID!) { acknowledgeCaseReview(id: $id) { id } }`,
      { id: fixture.reviewId },
    );
    out.withdrawFromMeeting = await send(
      'withdrawCaseFromMeeting',
      `mutation($id: ID!) { withdrawCaseFromMeeting(agendaItemId: $id, reason: "Risk has reduced") { id } }`,
      {
        id: fixture.agendaItemId,
      },
    );
    // Closing last, and satisfaction after it (it asks a closed case): the case stays closed for later personas.
    out.close = await send(
      'closeCase',
      `mutation($c: ID!, $v: Int!) { closeCase(id: $c, expectedVersion: $v, input: { outcome: RESOLVED, reason: "Behaviour stopped" }) { id } }`,
      {
        c: caseId,
        v: await version(),
      },
    );
    out.recordSatisfaction = await send(
      'recordSatisfaction',
      `mutation($c: ID!) { recordSatisfaction(caseId: $c, input: { serviceScore: 4, outcomeScore: 4 }) { id } }`,
      { c: caseId },
    );
    return out;
  }

  const fixtureFor = (kind: AgencyKind, relation: Relation) =>
    relation === 'OWNER' ? ownCases.get(kind)! : hubCases.get(relation)!;

  for (const kind of KINDS) {
    for (const relation of ['OWNER', 'FULL', 'LIMITED'] as const) {
      it(`a ${kind} agency's users of every role, ${relation === 'OWNER' ? 'owning the case' : `with a ${relation} share`}: each Case.viewerCan is the operation's own answer`, async () => {
        const fixture = fixtureFor(kind, relation);
        const mismatches: string[] = [];
        for (const role of ROLES) {
          const persona = personaOf(kind, role);
          // An administrator alone reads no case (the query itself is refused): nothing is offered, everything refused.
          const read = await portal.gql(CASE_VIEWER_CAN, { id: fixture.caseId }, persona.token);
          if (readsNoCase(role)) expect(codeOf(read)).toBe('FORBIDDEN');
          else expect(read.data?.case?.viewerCan).toBeTruthy();
          const offered: Record<string, boolean> | null = read.data?.case?.viewerCan ?? null;
          const done = await attempts(persona, fixture);
          for (const [action, outcome] of Object.entries(done)) {
            const says = offered?.[action] ?? false;
            if (says !== (outcome === 'allowed'))
              mismatches.push(`${role}: viewerCan.${action} is ${says}, the operation was ${outcome}`);
          }
          if (offered) expect(Object.keys(done).sort()).toEqual(Object.keys(offered).sort());
        }
        expect(mismatches).toEqual([]);
      }, 120_000);
    }

    it(`a ${kind} agency's users of every role, attending a meeting: each Meeting.viewerCan is the operation's own answer`, async () => {
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const persona = personaOf(kind, role);
        const read = await portal.gql(MEETING_VIEWER_CAN, { id: meetingId }, persona.token);
        if (readsNoCase(role)) expect(codeOf(read)).toBe('FORBIDDEN');
        else expect(read.data?.meeting?.viewerCan).toBeTruthy();
        const offered: Record<string, boolean> | null = read.data?.meeting?.viewerCan ?? null;
        const send = async (what: string, query: string, variables: Record<string, unknown>) =>
          outcomeOf(await portal.gql(query, variables, persona.token), what);
        const done: Record<string, Outcome> = {
          organise: await send(
            'reorderAgenda',
            `mutation($m: ID!) { reorderAgenda(meetingId: $m, itemIds: []) { id } }`,
            { m: meetingId },
          ),
          chair: await send(
            'setCurrentAgendaItem',
            `mutation($m: ID!) { setCurrentAgendaItem(meetingId: $m, agendaItemId: null) { id } }`,
            { m: meetingId },
          ),
          contribute: await send(
            'recordAttendance',
            `mutation($m: ID!, $u: ID!) { recordAttendance(meetingId: $m, userId: $u, status: PRESENT) { status } }`,
            {
              m: meetingId,
              u: persona.id,
            },
          ),
        };
        for (const [action, outcome] of Object.entries(done)) {
          const says = offered?.[action] ?? false;
          if (says !== (outcome === 'allowed'))
            mismatches.push(`${role}: viewerCan.${action} is ${says}, the operation was ${outcome}`);
        }
        if (offered) expect(Object.keys(done).sort()).toEqual(Object.keys(offered).sort());
      }
      expect(mismatches).toEqual([]);
    }, 60_000);
  }

  /** Every operation a `me.viewerCan` boolean stands for, sent by `persona`; inputs that fail validation past the rule change nothing. */
  async function portalAttempts(persona: Persona): Promise<Record<string, Outcome[]>> {
    const send = async (what: string, query: string, variables: Record<string, unknown> = {}) =>
      outcomeOf(await portal.gql(query, variables, persona.token), what);
    const period = { from: '2026-01-01T00:00:00Z', to: '2026-02-01T00:00:00Z' };
    return {
      readCases: [await send('cases', `query { cases(first: 1) { totalCount } }`)],
      createCase: [
        await send(
          'createCase',
          `mutation { createCase(input: { category: NOISE, summary: "A viewer", ward: "x", riskLevel: STANDARD }) { id } }`,
        ),
      ],
      triage: [await send('triageQueue', `query { triageQueue { id } }`)],
      createMeeting: [
        await send(
          'scheduleMeeting',
          `mutation($u: ID!) { scheduleMeeting(input: { kind: MARAC, title: "", startsAt: "2030-01-01T10:00:00Z", chairId: $u, agencyIds: [] }) { id } }`,
          {
            u: persona.id,
          },
        ),
      ],
      readCaseFigures: [
        await send('caseStatistics', `query($p: CaseStatisticsInput!) { caseStatistics(input: $p) { opened } }`, {
          p: period,
        }),
        await send('exceptions', `query { exceptions { __typename } }`),
      ],
      readMeetingFigures: [
        await send('maracStatistics', `query($p: MaracStatisticsInput!) { maracStatistics(input: $p) { meetings } }`, {
          p: period,
        }),
      ],
      applyRetention: [await send('retentionReview', `query { retentionReview { retentionYears } }`)],
      updateServiceStandards: [
        await send(
          'updateServiceStandards',
          `mutation { updateServiceStandards(input: { contactWorkingDays: 0, actionPlanWorkingDays: 0 }) { __typename } }`,
        ),
      ],
      administer: [await send('createAgency', `mutation { createAgency(input: { name: "", kind: OTHER }) { id } }`)],
      manageUsers: [
        await send('users', `query { users { id } }`),
        await send('deactivateUser', `mutation { deactivateUser(id: "not-an-id") { id } }`),
        await send('setUserRoles', `mutation { setUserRoles(userId: "not-an-id", roles: [CASEWORKER]) { id } }`),
        await send('resetSecondFactor', `mutation { resetSecondFactor(userId: "not-an-id") }`),
      ],
      manageApiKeys: [
        await send('apiKeys', `query { apiKeys { id } }`),
        await send('revokeApiKey', `mutation { revokeApiKey(id: "not-an-id") { id } }`),
      ],
      manageWebhooks: [
        await send('webhooks', `query { webhooks { id } }`),
        await send('removeWebhook', `mutation { removeWebhook(id: "not-an-id") { id } }`),
      ],
      searchPeople: [
        await send('searchPeople', `query { searchPeople(input: { fullName: "Nobody", reason: "" }) { __typename } }`),
        await send('myAccessRequests', `query { myAccessRequests { id } }`),
      ],
      decideAccessRequests: [
        await send('accessRequests', `query { accessRequests { id } }`),
        await send(
          'decideAccessRequest',
          `mutation { decideAccessRequest(id: "not-an-id", grant: false, reason: "") { id } }`,
        ),
      ],
      mergePeople: [await send('personMerges', `query { personMerges { id } }`)],
      manageLetterTemplates: [
        await send('retireLetterTemplate', `mutation { retireLetterTemplate(id: "not-an-id") { id } }`),
      ],
      decideCaseTransfers: [
        await send('acceptCaseTransfer', `mutation { acceptCaseTransfer(id: "not-an-id") { id } }`),
        await send('declineCaseTransfer', `mutation { declineCaseTransfer(id: "not-an-id", reason: "") { id } }`),
      ],
      logCaseReviews: [
        await send(
          'logCaseReviewApplication',
          `mutation { logCaseReviewApplication(input: { caseIds: ["not-an-id"], receivedAt: "2026-01-01T10:00:00Z", applicant: { name: "", contact: "", thirdParty: false } }) { id } }`,
        ),
      ],
      readCaseReviewFigures: [
        await send('caseReviewFigures', `query { caseReviewFigures(year: 2026) { applications } }`),
      ],
    };
  }

  for (const kind of KINDS) {
    it(`a ${kind} agency's users of every role: each me.viewerCan is the operations' own answer`, async () => {
      const mismatches: string[] = [];
      for (const role of ROLES) {
        const persona = personaOf(kind, role);
        const { me } = await portal.ok(ME_VIEWER_CAN, {}, persona.token);
        const offered: Record<string, boolean> = me.viewerCan;
        const done = await portalAttempts(persona);
        for (const [action, outcomes] of Object.entries(done)) {
          for (const outcome of outcomes)
            if (offered[action] !== (outcome === 'allowed'))
              mismatches.push(`${role}: viewerCan.${action} is ${offered[action]}, an operation was ${outcome}`);
        }
        expect(Object.keys(done).sort()).toEqual(Object.keys(offered).sort());
      }
      expect(mismatches).toEqual([]);
    }, 60_000);

    for (const relation of ['OWNER', 'FULL', 'LIMITED'] as const) {
      it(`a ${kind} agency's users of every role, ${relation === 'OWNER' ? 'owning the case' : `with a ${relation} share`}: each CaseAction.viewerCan.update is updateAction's own answer`, async () => {
        const { caseId } = fixtureFor(kind, relation);
        const mismatches: string[] = [];
        for (const role of ROLES) {
          const persona = personaOf(kind, role);
          const read = await portal.gql(ACTIONS_VIEWER_CAN, { id: caseId }, persona.token);
          if (readsNoCase(role)) expect(codeOf(read)).toBe('FORBIDDEN');
          const offered = new Map<string, boolean>(
            (read.data?.case?.actions ?? []).map((a: { id: string; viewerCan: { update: boolean } }) => [
              a.id,
              a.viewerCan.update,
            ]),
          );
          for (const actionId of actionsOn.get(caseId)!) {
            // An empty update is refused for its content only once the rule has let it through.
            const outcome = outcomeOf(
              await portal.gql(
                `mutation($id: ID!) { updateAction(id: $id, input: {}) { id } }`,
                { id: actionId },
                persona.token,
              ),
              'updateAction',
            );
            const says = offered.get(actionId) ?? false;
            if (says !== (outcome === 'allowed'))
              mismatches.push(`${role}: action ${actionId} viewerCan.update is ${says}, updateAction was ${outcome}`);
          }
        }
        expect(mismatches).toEqual([]);
      }, 60_000);
    }
  }

  it("me.viewerCan is the signed-in user's alone: null on anyone else", async () => {
    const manager = personaOf(AgencyKind.LANDLORD, Role.MANAGER);
    const { me } = await portal.ok(ME_VIEWER_CAN, {}, manager.token);
    expect(me.viewerCan).toMatchObject({
      readCases: true,
      readCaseFigures: true,
      applyRetention: true,
      createMeeting: false,
      administer: false,
    });
    const { me: admin } = await portal.ok(ME_VIEWER_CAN, {}, personaOf(AgencyKind.OTHER, Role.ADMIN).token);
    expect(admin.viewerCan).toMatchObject({ readCases: false, createCase: false, administer: true });
    const { users } = await portal.ok(
      `query { users { id viewerCan { readCases } } }`,
      {},
      personaOf(AgencyKind.OTHER, Role.ADMIN).token,
    );
    const others = users.filter((u: { id: string }) => u.id !== personaOf(AgencyKind.OTHER, Role.ADMIN).id);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((u: { viewerCan: unknown }) => u.viewerCan === null)).toBe(true);
  });

  it('offers an action\'s update to its agency and the case owner, and not to a partner holding the case, so the comparison above is not all "no"', async () => {
    const fixture = hubCases.get('FULL')!;
    const police = personaOf(AgencyKind.POLICE, Role.CASEWORKER);
    const { case: kase } = await portal.ok(ACTIONS_VIEWER_CAN, { id: fixture.caseId }, police.token);
    const update = new Map(
      kase.actions.map((a: { ownerAgency: { id: string }; viewerCan: { update: boolean } }) => [
        a.ownerAgency.id,
        a.viewerCan.update,
      ]),
    );
    expect(update.get(agencies.get(AgencyKind.POLICE)!)).toBe(true);
    expect(update.get(fixture.ownerAgencyId)).toBe(false);
    const { case: owned } = await portal.ok(ACTIONS_VIEWER_CAN, { id: fixture.caseId }, hubOwner.token);
    expect(owned.actions.every((a: { viewerCan: { update: boolean } }) => a.viewerCan.update)).toBe(true);
  });

  it('offers the owner-only actions to the owner and never to a share, so the comparison above is not all "no"', async () => {
    const owner = personaOf(AgencyKind.LANDLORD, Role.MANAGER);
    const partner = personaOf(AgencyKind.POLICE, Role.MANAGER);
    const { case: owned } = await portal.ok(
      CASE_VIEWER_CAN,
      { id: ownCases.get(AgencyKind.LANDLORD)!.caseId },
      owner.token,
    );
    const { case: shared } = await portal.ok(CASE_VIEWER_CAN, { id: hubCases.get('FULL')!.caseId }, partner.token);
    expect(owned.viewerCan).toMatchObject({
      share: true,
      readAuditTrail: true,
      placeLegalHold: true,
      close: true,
      edit: true,
    });
    expect(shared.viewerCan).toMatchObject({
      share: false,
      readAuditTrail: false,
      placeLegalHold: false,
      close: false,
      edit: false,
      logIncident: true,
      uploadEvidence: true,
    });
    const { meeting } = await portal.ok(
      MEETING_VIEWER_CAN,
      { id: meetingId },
      personaOf(AgencyKind.POLICE, Role.MARAC_CHAIR).token,
    );
    expect(meeting.viewerCan).toEqual({ organise: true, chair: true, contribute: true });
  });
});
