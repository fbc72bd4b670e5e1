import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { type Case, CasesRepository, CasesService, toCase } from '#libs/cases';
import { ActionStatus, groupBy, parseId } from '#libs/common';
import { ActionsRepository, type CaseAction, toAction } from '#libs/actions';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { type DashAssessment, DashService } from '#libs/dash';
import { UsersRepository } from '#libs/users';
import {
  type AgendaItem,
  type AgendaResearch,
  type Attendance,
  type CaseMeetingReferral,
  type MaracStatistics,
  type Meeting,
  type MeetingChair,
  toAgendaItem,
  toCaseMeetingReferral,
  toMaracStatistics,
  toMeeting,
} from './meeting.model.js';
import type { MaracStatisticsInput } from './meetings.inputs.js';
import {
  type AgendaItemRow,
  type CaseMeetingReferralRow,
  type MeetingRow,
  MeetingsRepository,
} from './meetings.repository.js';
import { checkPeriod, materialWindowOpen } from './meetings.rules.js';

/** Which earlier actions an item lists for review, by their status. */
const EARLIER_ACTIONS = {
  notDone: [ActionStatus.OPEN, ActionStatus.IN_PROGRESS],
  noLongerNeeded: [ActionStatus.CANCELLED],
} as const;

/**
 * Reading meetings: the meetings an agency attends, their agendas, and each item's case material. Which
 * meetings a caller sees is the policy's rule in SQL (MeetingsRepository). Case material on the agenda opens to
 * an attendee who agreed the confidentiality statement: read with their own rules when their agency holds the
 * case, else as a LIMITED share and only while the material is open (from publication until the meeting is
 * closed, or MEETING_MATERIAL_DAYS after it started if it never is).
 */
@Injectable()
export class MeetingReadingService {
  constructor(
    private readonly meetings: MeetingsRepository,
    private readonly cases: CasesService,
    private readonly caseRows: CasesRepository,
    private readonly actions: ActionsRepository,
    private readonly users: UsersRepository,
    private readonly dash: DashService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A meeting the caller's agency attends, or null exactly as if it did not exist. */
  async find(ctx: RequestContext, id: string): Promise<Meeting | null> {
    const row = await this.meetings.findVisible(ctx.db, ctx, parseId(id, 'id'));
    if (!row) return null;
    // Its items' material decisions need this same row: read once per request, not again for them.
    this.forMaterial(ctx).prime(row.id, row);
    return toMeeting(row);
  }

  /** The caller's agency's meetings, soonest first; `upcoming` for those not yet closed. */
  async list(ctx: RequestContext, upcoming: boolean | null): Promise<Meeting[]> {
    const rows = await this.meetings.list(ctx.db, ctx, upcoming);
    const loader = this.forMaterial(ctx);
    for (const row of rows) loader.prime(row.id, row);
    return rows.map(toMeeting);
  }

  /** Live items in order, or with `includeWithdrawn` the withdrawn ones after them. */
  async agenda(ctx: RequestContext, meeting: Meeting, includeWithdrawn: boolean): Promise<AgendaItem[]> {
    const loader = loaderFor(
      ctx,
      'meeting.agenda',
      () =>
        new DataLoader<string, AgendaItemRow[]>(async (ids) => {
          const rows = await this.meetings.agendasOf(ctx.db, ids);
          return groupBy(ids, rows, (row) => row.meeting_id);
        }),
    );
    return (await loader.load(meeting.id)).filter((row) => includeWithdrawn || !row.withdrawn_at).map(toAgendaItem);
  }

  /**
   * Every agenda this case is or was on, newest meeting first; null where the caller may not read it (the owner
   * agency's alone). Not scoped to the meetings the caller attends: the owner must be able to find, and take its
   * case off, an agenda of a meeting it was never invited to.
   */
  async referralsOf(ctx: RequestContext, parent: Case): Promise<CaseMeetingReferral[] | null> {
    if (parent.redactedFields.includes('meetingReferrals')) return null;
    const loader = loaderFor(
      ctx,
      'case.meetingReferrals',
      () =>
        new DataLoader<string, CaseMeetingReferralRow[]>(async (caseIds) => {
          const rows = await this.meetings.referralsOfCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    return (await loader.load(parent.id)).map(toCaseMeetingReferral);
  }

  async agencyIds(ctx: RequestContext, meetingId: string): Promise<string[]> {
    const loader = loaderFor(
      ctx,
      'meeting.agencies',
      () =>
        new DataLoader<string, { meeting_id: string; agency_id: string }[]>(async (ids) => {
          const rows = await this.meetings.agenciesOf(ctx.db, ids);
          return groupBy(ids, rows, (row) => row.meeting_id);
        }),
    );
    return (await loader.load(meetingId)).map((row) => row.agency_id);
  }

  async attendance(ctx: RequestContext, meetingId: string): Promise<Attendance[]> {
    const rows = await this.meetings.attendanceOf(ctx.db, meetingId);
    return rows.map((r) => ({
      userId: r.user_id,
      displayName: r.display_name,
      agencyId: r.agency_id,
      status: r.status,
      informationSent: r.information_sent,
    }));
  }

  /**
   * Whether the caller may open an item's case material, and the case as they then read it. They must have
   * agreed the statement. When their agency holds the case (owner or live share) they read it with their own
   * rules, at any time; otherwise as a LIMITED share, and only while the material is open: the agenda is
   * published, the item referred by the owner and not withdrawn, and the meeting neither closed nor
   * MEETING_MATERIAL_DAYS past its start.
   * A revoked share therefore reaches the case through a meeting only until then.
   */
  private async material(ctx: RequestContext, item: AgendaItem): Promise<{ open: boolean; kase: Case | null }> {
    const meeting = await this.forMaterial(ctx).load(item.meetingId);
    if (!meeting?.agreed) return { open: false, kase: null };
    const held = await this.cases.visibleById(ctx, item.caseId);
    if (held) return { open: true, kase: held };
    const window = { startsAt: meeting.starts_at, closedAt: meeting.closed_at };
    if (
      meeting.published_at === null ||
      item.withdrawnAt !== null ||
      !materialWindowOpen(window, this.config.meetingMaterialDays, Date.now())
    ) {
      return { open: false, kase: null };
    }
    const kase = await this.asAttendee(ctx, item.caseId);
    // Only the owner discloses its case: an item some other agency referred (before referral was the owner's
    // alone) opens nothing to those who do not hold the case.
    if (!kase || kase.ownerAgencyId !== item.referredByAgencyId) return { open: false, kase: null };
    return { open: true, kase };
  }

  /** A case as an attendee without a share reads it: as a LIMITED share (the contract), batched. */
  private asAttendee(ctx: RequestContext, caseId: string): Promise<Case | null> {
    const loader = loaderFor(
      ctx,
      'meeting.attendeeCase',
      () =>
        new DataLoader<string, Case | null>(async (ids) => {
          const rows = await this.caseRows.findAsLimitedShare(ctx.db, ids);
          const byId = new Map(rows.map((row) => [row.id, { ...toCase(ctx.ability, row), held: false }]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
    return loader.load(caseId);
  }

  /** The items' meetings for material decisions, batched; null when the caller no longer attends. */
  private forMaterial(ctx: RequestContext): DataLoader<string, MeetingRow | null> {
    return loaderFor(
      ctx,
      'meeting.forMaterial',
      () =>
        new DataLoader<string, MeetingRow | null>(async (ids) => {
          const rows = await this.meetings.findVisibleByIds(ctx.db, ctx, ids);
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
  }

  /** The referred case: with the caller's own rules when their agency holds it, else as a LIMITED share. */
  async itemCase(ctx: RequestContext, item: AgendaItem): Promise<Case | null> {
    const { open, kase } = await this.material(ctx, item);
    return open ? kase : null;
  }

  async itemMaterial<T>(ctx: RequestContext, item: AgendaItem, read: () => Promise<T> | T): Promise<T | null> {
    return (await this.material(ctx, item)).open ? read() : null;
  }

  /**
   * DASH material (the assessment's answers and notes, the written concern) wherever it appears on the agenda:
   * the policy table's AgendaItem rule for the reader's relation to the case (as the case's own
   * `dashAssessments`), so an attendee without a share (LIMITED) or with a LIMITED one never reads it here.
   */
  private async itemDashMaterial<T>(
    ctx: RequestContext,
    item: AgendaItem,
    field: 'dashAssessment' | 'concerns',
    read: () => Promise<T | null> | T | null,
  ): Promise<T | null> {
    const { open, kase } = await this.material(ctx, item);
    if (!open || !kase || !ctx.ability.can('readField', subject('AgendaItem', { access: kase.relation }), field))
      return null;
    const value = await read();
    if (value !== null) noteView(ctx, kase.id, 'dashAssessments');
    return value;
  }

  itemDash(ctx: RequestContext, item: AgendaItem): Promise<DashAssessment | null> {
    return this.itemDashMaterial(ctx, item, 'dashAssessment', () =>
      item.dashAssessmentId ? this.dash.byId(ctx, item.dashAssessmentId) : null,
    );
  }

  /** The referrer's written concern: often the DASH assessment's own, so it is read as DASH material. */
  itemConcerns(ctx: RequestContext, item: AgendaItem): Promise<string | null> {
    return this.itemDashMaterial(ctx, item, 'concerns', () => item.concerns);
  }

  itemResearch(ctx: RequestContext, item: AgendaItem): Promise<AgendaResearch[] | null> {
    return this.itemMaterial(ctx, item, async () => {
      const rows = await this.meetings.researchOf(ctx.db, item.id);
      return rows.map((r) => ({ agencyId: r.agency_id, summary: r.summary, recordedAt: r.recorded_at }));
    });
  }

  /** Actions agreed on this item, or (`earlier`) on the same case at earlier meetings and not done, by status. */
  itemActions(
    ctx: RequestContext,
    item: AgendaItem,
    which: 'agreed' | 'notDone' | 'noLongerNeeded',
  ): Promise<CaseAction[] | null> {
    return this.itemMaterial(ctx, item, async () => {
      const rows =
        which === 'agreed'
          ? await this.actions.onAgendaItems(ctx.db, '$1', [item.id], null)
          : await this.actions.onAgendaItems(
              ctx.db,
              MeetingsRepository.earlierItemsOfCaseSql('$1', '$2'),
              [item.caseId, item.meetingId],
              EARLIER_ACTIONS[which],
            );
      return rows.map(toAction);
    });
  }

  /** Issue 17, My work: the meeting that agreed an action, while the caller's agency attends it; null otherwise. */
  async meetingOfAction(ctx: RequestContext, action: CaseAction): Promise<Meeting | null> {
    const item = await this.itemOfAction(ctx, action);
    const row = item ? await this.forMaterial(ctx).load(item.meetingId) : null;
    return row ? toMeeting(row) : null;
  }

  /**
   * Issue 17, My work: the reference of an action's case, as the caller may read it: from the case itself where
   * their agency holds it; else only as the agenda that agreed the action opens the case to them (agreed the
   * statement, material open: `itemCase`). Nothing else of a case they do not hold comes through an action.
   */
  async caseReferenceOf(ctx: RequestContext, action: CaseAction): Promise<string | null> {
    const held = await this.cases.visibleById(ctx, action.caseId);
    if (held) return held.reference;
    const item = await this.itemOfAction(ctx, action);
    return item ? ((await this.itemCase(ctx, item))?.reference ?? null) : null;
  }

  /** The agenda item that agreed an action, batched; null for an action added on the case. */
  private async itemOfAction(ctx: RequestContext, action: CaseAction): Promise<AgendaItem | null> {
    if (!action.agendaItemId) return null;
    const loader = loaderFor(
      ctx,
      'action.agendaItem',
      () =>
        new DataLoader<string, AgendaItem | null>(async (ids) => {
          const rows = await this.meetings.itemsByIds(ctx.db, ids);
          const byId = new Map(rows.map((row) => [row.id, toAgendaItem(row)]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
    return loader.load(action.agendaItemId);
  }

  /** MARAC figures over the meetings the caller's agency attended in the period, scoped in SQL like every read. */
  async maracStatistics(ctx: RequestContext, input: MaracStatisticsInput): Promise<MaracStatistics> {
    checkPeriod(input.from, input.to);
    return toMaracStatistics(
      await this.meetings.maracFigures(ctx.system, ctx, input.from, input.to),
      this.config.maracAdultFemalePopulation,
    );
  }

  /** Who may be named to chair a meeting: for the people who schedule them. */
  async chairs(ctx: RequestContext): Promise<MeetingChair[]> {
    const rows = await this.users.activeWithRole(ctx.db, 'MARAC_CHAIR');
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, agencyName: r.agency_name }));
  }
}
