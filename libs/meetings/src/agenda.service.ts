import { Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { CASEWORK_ROLES } from '#libs/access';
import { AgenciesRepository } from '#libs/agencies';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { CasesService } from '#libs/cases';
import {
  BadInputError,
  ForbiddenError,
  NotFoundError,
  parseId,
  type ReferralReason,
  StateConflictError,
} from '#libs/common';
import { loaderFor, type RequestContext } from '#libs/context';
import { DashService, referralReasons } from '#libs/dash';
import { UsersRepository } from '#libs/users';
import { type AgendaItem, type Meeting, toAgendaItem, toMeeting } from './meeting.model.js';
import type { ScheduleMeetingInput } from './meetings.inputs.js';
import { MeetingChanges } from './meeting-changes.js';
import { type AgendaItemRow, type MeetingRow, MeetingsRepository } from './meetings.repository.js';
import {
  checkAgendaOrder,
  checkMeetingDate,
  checkReferralDashScore,
  checkReferralReason,
  writtenText,
} from './meetings.rules.js';

/**
 * Building a meeting and its agenda: scheduling it, referring cases, ordering, withdrawing, publishing. A case
 * goes on an agenda only from its owner agency (a referral discloses it to every attending agency: onward
 * sharing, which is the owner's alone), and the owner may take it off again. Every change tells the live viewers.
 */
@Injectable()
export class AgendaService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly changes: MeetingChanges,
    private readonly cases: CasesService,
    private readonly dash: DashService,
    private readonly users: UsersRepository,
    private readonly agencies: AgenciesRepository,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
  ) {}

  /** MARAC chairs and coordinators; the chair's agency and the scheduler's attend whatever the list says. */
  async schedule(ctx: RequestContext, input: ScheduleMeetingInput): Promise<Meeting> {
    const chairId = parseId(input.chairId, 'chairId');
    const chairAgencyId = await this.users.activeAgencyOf(ctx.db, chairId, CASEWORK_ROLES);
    if (!chairAgencyId) throw new BadInputError('chairId', 'The chair must be an active user of a partner agency');
    const agencyIds = [
      ...new Set([...input.agencyIds.map((id) => parseId(id, 'agencyIds')), chairAgencyId, ctx.user!.agencyId]),
    ];
    const known = await this.agencies.existingIds(ctx.db, agencyIds);
    if (known.length !== agencyIds.length) throw new BadInputError('agencyIds', 'Every attending agency must exist');
    checkMeetingDate(input.startsAt, Date.now());
    const row = await this.meetings.add(ctx.db, {
      kind: input.kind,
      title: input.title.trim(),
      startsAt: input.startsAt,
      chairId,
      scheduledById: ctx.user!.id,
      agencyIds,
    });
    return toMeeting(row);
  }

  /**
   * The referral reasons that apply to cases now (meetingsRules' checkReferralReason holds a referral to them).
   * REPEAT_REFERRAL: the same victim and subject (by name, and date of birth where both have one) referred to a
   * MARAC, on this case or on another case whose victim's and subject's names the caller may read, as it may
   * read them here; and only a referral the caller's agency may know of (a MARAC it attends, or a case it owns).
   * So a name typed into one's own case learns nothing about a case or a meeting one could not have looked at.
   */
  referralCriteria(ctx: RequestContext, caseId: string): Promise<ReferralReason[]> {
    const loader = loaderFor(
      ctx,
      'case.referralCriteria',
      () =>
        new DataLoader<string, ReferralReason[]>(async (caseIds) => {
          const rows = await this.meetings.referralFacts(ctx.db, ctx, caseIds);
          const byId = new Map(
            rows.map((row) => [
              row.id,
              referralReasons({ dashHighRisk: row.dash, escalation: row.escalation, repeat: row.repeat }),
            ]),
          );
          return caseIds.map((id) => byId.get(id) ?? []);
        }),
    );
    return loader.load(caseId);
  }

  /**
   * Puts a case of the caller's agency on the agenda: only the owner agency refers, since a referral discloses
   * the case to every attending agency and onward sharing is the owner's alone (a FULL share does not carry
   * it). A case the caller does not hold is NOT_FOUND; one it holds by a share, FORBIDDEN. The reason must
   * hold (checkReferralReason). The referral carries the latest DASH assessment.
   */
  async refer(
    ctx: RequestContext,
    meetingId: string,
    caseId: string,
    reason: ReferralReason,
    dashScore: number | null | undefined,
    concerns: string | null | undefined,
  ): Promise<AgendaItem> {
    const meeting = await this.changes.require(ctx, meetingId, 'organise');
    const kase = await this.cases.require(ctx, caseId, 'share').catch((error: unknown) => {
      if (error instanceof ForbiddenError)
        throw new ForbiddenError('Only the agency that owns the case may refer it to a meeting', 'caseId');
      throw error;
    });
    checkReferralDashScore(dashScore);
    const latest = await this.dash.latest(ctx, kase.id);
    const score = dashScore ?? latest?.score ?? null;
    const criteria = await this.referralCriteria(ctx, kase.id);
    const concern = concerns?.trim() || latest?.concerns || null;
    checkReferralReason({ reason, score, concern, criteria });
    if (await this.meetings.hasItemFor(ctx.db, meeting.id, kase.id))
      throw new StateConflictError('The case is already on this agenda', 'caseId');
    const row = await this.meetings.addItem(ctx.db, {
      meetingId: meeting.id,
      caseId: kase.id,
      reason,
      dashScore: score,
      dashAssessmentId: latest?.id ?? null,
      concerns: concern,
      referredById: ctx.user!.id,
      referredByAgencyId: ctx.user!.agencyId,
    });
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REFERRED, {
      reason,
      meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind },
    });
    await this.changes.changed(ctx, meeting.id);
    return toAgendaItem(row);
  }

  /** The live items in the order given: every live item exactly once. */
  async reorder(ctx: RequestContext, meetingId: string, itemIds: string[]): Promise<Meeting> {
    const meeting = await this.changes.require(ctx, meetingId, 'organise');
    const live = await this.meetings.liveItemIds(ctx.db, meeting.id);
    const given = itemIds.map((id) => parseId(id, 'itemIds'));
    checkAgendaOrder(given, live);
    await this.meetings.reorder(ctx.db, given);
    return this.changes.changedMeeting(ctx, meeting);
  }

  /** An organiser takes an item off the agenda. */
  async withdraw(ctx: RequestContext, itemId: string, reason: string): Promise<AgendaItem> {
    const { item, meeting } = await this.changes.requireItem(ctx, itemId, 'organise');
    return this.takeOff(ctx, item, meeting, reason, 'ORGANISER');
  }

  /**
   * The owner agency takes its case off any agenda, whoever runs the meeting and whether or not it attends:
   * the referral disclosed the owner's case, so the owner may end that. The item is NOT_FOUND to a caller who
   * neither attends the meeting nor owns the case, FORBIDDEN to an attendee who does not own it.
   */
  async withdrawByOwner(ctx: RequestContext, itemId: string, reason: string): Promise<AgendaItem> {
    const item = await this.meetings.findItemWithCaseOwner(ctx.db, parseId(itemId, 'agendaItemId'));
    if (!item) throw new NotFoundError('Agenda item', 'agendaItemId');
    const owns = ctx.ability.can('share', subject('Case', { ownerAgencyId: item.owner_agency_id }));
    if (!owns) {
      if (!(await this.meetings.findVisible(ctx.db, ctx, item.meeting_id)))
        throw new NotFoundError('Agenda item', 'agendaItemId');
      throw new ForbiddenError('Only the agency that owns the case may withdraw it from a meeting', 'agendaItemId');
    }
    // One writer at a time per meeting, as for its organisers.
    const meeting = await this.meetings.lock(ctx.db, item.meeting_id);
    if (meeting.closed_at) throw new StateConflictError('The meeting is closed', 'agendaItemId');
    return this.takeOff(ctx, item, meeting, reason, 'OWNER');
  }

  private async takeOff(
    ctx: RequestContext,
    item: AgendaItemRow,
    meeting: Pick<MeetingRow, 'id' | 'title' | 'kind'>,
    reason: string,
    by: 'OWNER' | 'ORGANISER',
  ): Promise<AgendaItem> {
    if (item.withdrawn_at) throw new StateConflictError('The item is already withdrawn', 'agendaItemId');
    const why = writtenText(reason, 'reason', 'Say why the item is withdrawn');
    const row = await this.meetings.withdrawItem(ctx.db, meeting.id, item.id, why);
    if (!row) throw new StateConflictError('The item is already withdrawn', 'agendaItemId');
    await this.audit.record(ctx, item.case_id, AuditAction.CASE_WITHDRAWN_FROM_MEETING, {
      reason: why,
      by,
      meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind },
    });
    await this.changes.changed(ctx, meeting.id);
    return toAgendaItem(row);
  }

  /** Opens the material to attendees and tells every attending agency (AGENDA_PUBLISHED). */
  async publish(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.changes.require(ctx, meetingId, 'organise');
    const published = await this.meetings.publish(ctx.db, meeting.id);
    await this.alerts.raise(ctx, AlertKind.AGENDA_PUBLISHED, { caseId: null, meetingId: meeting.id });
    return this.changes.changedMeeting(ctx, meeting, published);
  }
}
