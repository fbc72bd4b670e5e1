import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { recipientAgenciesSql, recipientsOf } from '#libs/alert-feed';
import { type AlertRow, AlertsRepository } from '#libs/alerts';
import { CasesRepository } from '#libs/cases';
import { MeetingsRepository } from '#libs/meetings';
import { TestPortal } from './harness.js';
import { Partnership } from './partnership.js';

const DAY = 24 * 3600 * 1000;
const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const SHARE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Information-sharing protocol") { id } }`;
const REVOKE = `mutation($c: ID!, $a: ID!) { revokeCaseShare(caseId: $c, agencyId: $a) }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;
const ACTION = `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: HOME_VISIT, description: "Visit", ownerAgencyId: $a }) { id } }`;

/**
 * Who an alert goes to is one rule in two forms: `recipientsOf` in TypeScript (the live feed, webhooks) and
 * `recipientAgenciesSql` (email, deciding a batch's recipients in one statement). Every branch of the rule, after a
 * revocation, must get the same answer from both.
 */
describe('the alert recipients rule, in TypeScript and in SQL', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    const police = await people.agency('Rule Police', 'POLICE');
    const council = await people.agency('Rule Council', 'COUNCIL');
    const landlord = await people.agency('Rule Homes', 'LANDLORD');
    const health = await people.agency('Rule Health', 'HEALTH');
    const support = await people.agency('Rule Support', 'SUPPORT');
    const officer = await people.user(police, ['CASEWORKER'], 'officer');
    const coordinator = await people.user(police, ['MARAC_COORDINATOR'], 'coordinator');
    const chair = await people.user(police, ['MARAC_CHAIR'], 'chair');
    const open = async () =>
      (
        await portal.ok<{ createCase: { id: string } }>(
          CREATE,
          { input: { category: 'DOMESTIC_ABUSE', summary: 'Threats', ward: 'Riverside', riskLevel: 'HIGH' } },
          officer.token,
        )
      ).createCase.id;
    const caseId = await open();
    const unshared = await open();
    await portal.ok(SHARE, { c: caseId, a: council, x: 'FULL' }, officer.token);
    await portal.ok(SHARE, { c: caseId, a: landlord, x: 'LIMITED' }, officer.token);
    await portal.ok(SHARE, { c: caseId, a: health, x: 'FULL' }, officer.token);
    await portal.ok(INCIDENT, { c: caseId }, officer.token);
    await portal.ok(INCIDENT, { c: unshared }, officer.token);
    // An action for a holder, and one for an agency that will stop holding the case.
    await portal.ok(ACTION, { c: caseId, a: council }, officer.token);
    await portal.ok(ACTION, { c: caseId, a: health }, officer.token);
    const meetingId = (
      await portal.ok<{ scheduleMeeting: { id: string } }>(
        `mutation($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
        {
          input: {
            kind: 'MARAC',
            title: 'Rule MARAC',
            startsAt: new Date(Date.now() + 7 * DAY).toISOString(),
            chairId: chair.id,
            agencyIds: [police, council, support],
          },
        },
        coordinator.token,
      )
    ).scheduleMeeting.id;
    const itemId = (
      await portal.ok<{ referCase: { id: string } }>(
        `mutation($m: ID!, $c: ID!) { referCase(meetingId: $m, caseId: $c, reason: PROFESSIONAL_JUDGEMENT, concerns: "Escalating threats") { id } }`,
        { m: meetingId, c: caseId },
        coordinator.token,
      )
    ).referCase.id;
    // A meeting's action for an attending agency that does not hold the case, and one for a holder.
    for (const owner of [support, council])
      await portal.ok(
        `mutation($i: ID!, $a: ID!) { recordMeetingAction(agendaItemId: $i, input: { ownerAgencyId: $a, description: "Flag the address", dueAt: "${new Date(Date.now() + 10 * DAY).toISOString()}" }) { id } }`,
        { i: itemId, a: owner },
        chair.token,
      );
    await portal.ok(`mutation($m: ID!) { publishAgenda(meetingId: $m) { id } }`, { m: meetingId }, coordinator.token);
    await portal.ok(REVOKE, { c: caseId, a: health }, officer.token);
    await portal.ok(INCIDENT, { c: caseId }, officer.token);
  }, 120_000);

  afterAll(async () => {
    await portal?.close();
  });

  it('gives every alert the same agencies both ways, over every branch of the rule', async () => {
    const dataSource = portal.app.get<DataSource>(getDataSourceToken());
    const alerts = await portal.app.get(AlertsRepository).after(dataSource, 0, null, 1000);
    const sql = new Map(
      (
        await dataSource.query<{ id: string; agency_ids: string[] }[]>(
          `SELECT a.id::text AS id, ${recipientAgenciesSql('a', 'c')} AS agency_ids
             FROM ${AlertsRepository.tableAs('a')} LEFT JOIN ${CasesRepository.tableAs('c')} ON c.id = a.case_id`,
        )
      ).map((row) => [row.id, [...row.agency_ids].sort()]),
    );
    const caseIds = [...new Set(alerts.flatMap((a) => (a.case_id ? [a.case_id] : [])))];
    const meetingIds = [...new Set(alerts.flatMap((a) => (a.meeting_id ? [a.meeting_id] : [])))];
    const cases = new Map(
      (await portal.app.get(CasesRepository).withLiveShares(dataSource, caseIds)).map((c) => [c.id, c]),
    );
    const attending = new Map(
      (await portal.app.get(MeetingsRepository).attendingAgencies(dataSource, meetingIds)).map((m) => [
        m.meeting_id,
        new Set(m.agency_ids),
      ]),
    );
    const typescript = (alert: AlertRow) =>
      [
        ...recipientsOf(
          alert,
          alert.case_id ? cases.get(alert.case_id) : undefined,
          alert.meeting_id ? attending.get(alert.meeting_id) : undefined,
        ).keys(),
      ].sort();

    const branches = new Set<string>();
    for (const alert of alerts) {
      const expected = typescript(alert);
      expect({ id: alert.id, kind: alert.kind, agencies: sql.get(alert.id) }).toEqual({
        id: alert.id,
        kind: alert.kind,
        agencies: expected,
      });
      if (!alert.case_id) branches.add('meeting');
      else if (alert.target_agency_id && expected.length === 0) branches.add('action, no longer held');
      else if (
        alert.target_agency_id &&
        !cases.get(alert.case_id)?.shares.some((s) => s.agency_id === alert.target_agency_id) &&
        cases.get(alert.case_id)?.owner_agency_id !== alert.target_agency_id
      )
        branches.add('action, attending only');
      else if (alert.target_agency_id) branches.add('action, held');
      else branches.add(expected.length > 1 ? 'shared case' : 'unshared case');
    }
    expect([...branches].sort()).toEqual(
      [
        'action, attending only',
        'action, held',
        'action, no longer held',
        'meeting',
        'shared case',
        'unshared case',
      ].sort(),
    );
  });
});
