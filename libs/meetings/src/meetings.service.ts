import { Inject, Injectable } from '@nestjs/common';
import { subject } from '@casl/ability';
import DataLoader from 'dataloader';
import { type Action, accessibleSql, CASEWORK_ROLES } from '#libs/access';
import { SqlParams } from '#libs/db';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AlertKind, AlertOutbox } from '#libs/alerts';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, CASE_COLUMNS, type CaseRow, CasesService, toCase } from '#libs/cases';
import {
  ActionKind,
  AttendanceStatus,
  BadInputError,
  ForbiddenError,
  groupBy,
  NotFoundError,
  parseId,
  LEGAL_ACTION_KINDS,
  ReferralReason,
  StateConflictError,
  DAY_MS,
} from '#libs/common';
import { ACTION_COLUMNS, type CaseAction, type CaseActionRow, toAction } from '#libs/actions';
import { APP_CONFIG, type AppConfig } from '#libs/config';
import { DASH_HIGH_RISK_SCORE, type DashAssessment, DashService } from '#libs/dash';
import {
  AGENDA_COLUMNS,
  type AgendaItem,
  type AgendaItemRow,
  type AgendaResearch,
  type Attendance,
  type CaseMeetingReferral,
  type CaseMeetingReferralRow,
  type Meeting,
  MEETING_COLUMNS,
  type MeetingActionInput,
  type MeetingChair,
  type MeetingRow,
  type ScheduleMeetingInput,
  toAgendaItem,
  toCaseMeetingReferral,
  toMeeting,
} from './meeting.model.js';
import { type MaracStatistics, type MaracStatisticsInput, toMaracStatistics } from './marac-figures.js';

/** How far ahead a meeting may be dated: its date bounds how long its case material stays open. */
const SCHEDULE_AHEAD_DAYS = 365;

/** A meeting as the services see it: the row, who attends, and whether the caller agreed the statement. */
type MeetingRecord = MeetingRow & { agency_ids: string[] };

/**
 * Meetings: scheduling, the agenda of referred cases, the meeting itself, its actions and minutes. Who may do
 * what is the policy's (ability.ts: 'Meeting'); which meetings a caller sees is the same rule in SQL. A case
 * goes on an agenda only from its owner agency (a referral discloses it to every attending agency: onward
 * sharing, which is the owner's alone), and the owner may take it off again. Case material on the agenda opens
 * to an attendee who agreed the confidentiality statement: read with their own rules when their agency holds
 * the case, else as a LIMITED share and only while the material is open (from publication until the meeting is
 * closed, or MEETING_MATERIAL_DAYS after it started if it never is). Every change tells the live viewers.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly cases: CasesService,
    private readonly dash: DashService,
    private readonly audit: AuditLog,
    private readonly alerts: AlertOutbox,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  // Reads

  /** A meeting the caller's agency attends, or null exactly as if it did not exist. */
  async find(ctx: RequestContext, id: string): Promise<Meeting | null> {
    const row = await this.visible(ctx, parseId(id, 'id'));
    return row ? toMeeting(row) : null;
  }

  /** The caller's agency's meetings, soonest first; `upcoming` for those not yet closed. */
  async list(ctx: RequestContext, upcoming: boolean | null): Promise<Meeting[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ctx.ability, 'read', 'Meeting', 'm', params);
    const user = params.add(ctx.user?.id ?? null);
    const rows: MeetingRecord[] = await ctx.db.query(
      `SELECT ${MEETING_COLUMNS}, EXISTS (SELECT 1 FROM meeting_confidentiality mc WHERE mc.meeting_id = m.id AND mc.user_id = ${user}::uuid) AS agreed
         FROM meetings m WHERE ${scope} ${upcoming === true ? 'AND m.closed_at IS NULL' : upcoming === false ? 'AND m.closed_at IS NOT NULL' : ''}
        ORDER BY m.starts_at ${upcoming === false ? 'DESC' : ''}, m.id LIMIT 200`,
      params.values,
    );
    return rows.map(toMeeting);
  }

  private async visible(ctx: RequestContext, id: string): Promise<MeetingRecord | null> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(ctx.ability, 'read', 'Meeting', 'm', params);
    const user = params.add(ctx.user?.id ?? null);
    const [row]: MeetingRecord[] = await ctx.db.query(
      `SELECT ${MEETING_COLUMNS}, ARRAY(SELECT ma.agency_id FROM meeting_agencies ma WHERE ma.meeting_id = m.id) AS agency_ids,
              EXISTS (SELECT 1 FROM meeting_confidentiality mc WHERE mc.meeting_id = m.id AND mc.user_id = ${user}::uuid) AS agreed
         FROM meetings m WHERE m.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
    return row ?? null;
  }

  /** A meeting the caller may `action`: NOT_FOUND when it is not theirs to see, FORBIDDEN when they may only read it. */
  private async require(ctx: RequestContext, id: string, action: Action, field = 'meetingId', open = true): Promise<MeetingRecord> {
    const row = await this.visible(ctx, parseId(id, field));
    if (!row) throw new NotFoundError('Meeting', field);
    if (!ctx.ability.can(action, subject('Meeting', { attendingAgencyIds: row.agency_ids, chairId: row.chair_id }))) {
      throw new ForbiddenError(action === 'chair' ? "Only the meeting's chair or a MARAC coordinator may do this" : 'Only MARAC chairs and coordinators may do this');
    }
    if (open && row.closed_at) throw new StateConflictError('The meeting is closed', field);
    // One writer at a time per meeting: positions and the current item stay consistent.
    await ctx.db.query(`SELECT 1 FROM meetings WHERE id = $1 FOR UPDATE`, [row.id]);
    return row;
  }

  /** An agenda item of a meeting the caller may `action`, with its meeting. */
  private async requireItem(ctx: RequestContext, itemId: string, action: Action, field = 'agendaItemId') {
    const [item]: AgendaItemRow[] = await ctx.db.query(`SELECT ${AGENDA_COLUMNS} FROM agenda_items i WHERE i.id = $1`, [parseId(itemId, field)]);
    if (!item) throw new NotFoundError('Agenda item', field);
    const meeting = await this.visible(ctx, item.meeting_id);
    if (!meeting) throw new NotFoundError('Agenda item', field);
    await this.require(ctx, meeting.id, action, field);
    return { item, meeting };
  }

  /** Live items in order, or with `includeWithdrawn` the withdrawn ones after them. */
  async agenda(ctx: RequestContext, meeting: Meeting, includeWithdrawn: boolean): Promise<AgendaItem[]> {
    const loader = loaderFor(
      ctx,
      'meeting.agenda',
      () =>
        new DataLoader<string, AgendaItemRow[]>(async (ids) => {
          const rows: AgendaItemRow[] = await ctx.db.query(
            `SELECT ${AGENDA_COLUMNS} FROM agenda_items i WHERE i.meeting_id = ANY($1::uuid[])
              ORDER BY i.meeting_id, i.withdrawn_at IS NOT NULL, i.position, i.referred_at`,
            [ids],
          );
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
          const rows: CaseMeetingReferralRow[] = await ctx.db.query(
            `SELECT i.id, i.case_id, m.title, m.kind, m.starts_at, m.published_at, m.closed_at, i.reason, i.referred_at, i.referred_by_agency_id, i.withdrawn_at
               FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
              WHERE i.case_id = ANY($1::uuid[])
              ORDER BY i.case_id, m.starts_at DESC, i.referred_at DESC, i.id`,
            [caseIds],
          );
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
          const rows: { meeting_id: string; agency_id: string }[] = await ctx.db.query(
            `SELECT ma.meeting_id, ma.agency_id FROM meeting_agencies ma JOIN agencies a ON a.id = ma.agency_id
              WHERE ma.meeting_id = ANY($1::uuid[]) ORDER BY ma.meeting_id, a.name`,
            [ids],
          );
          return groupBy(ids, rows, (row) => row.meeting_id);
        }),
    );
    return (await loader.load(meetingId)).map((row) => row.agency_id);
  }

  async attendance(ctx: RequestContext, meetingId: string): Promise<Attendance[]> {
    const rows: { user_id: string; display_name: string; agency_id: string; status: AttendanceStatus; information_sent: string | null }[] =
      await ctx.db.query(
        `SELECT at.user_id, u.display_name, at.agency_id, at.status, at.information_sent
           FROM meeting_attendance at JOIN users u ON u.id = at.user_id WHERE at.meeting_id = $1 ORDER BY at.recorded_at, u.display_name`,
        [meetingId],
      );
    return rows.map((r) => ({ userId: r.user_id, displayName: r.display_name, agencyId: r.agency_id, status: r.status, informationSent: r.information_sent }));
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
    const meeting = await this.meetingOf(ctx, item.meetingId);
    if (!meeting?.agreed) return { open: false, kase: null };
    const held = await this.cases.visibleById(ctx, item.caseId);
    if (held) return { open: true, kase: held };
    if (meeting.published_at === null || item.withdrawnAt !== null || !this.materialWindowOpen(meeting)) return { open: false, kase: null };
    const kase = await this.asAttendee(ctx, item.caseId);
    // Only the owner discloses its case: an item some other agency referred (before referral was the owner's
    // alone) opens nothing to those who do not hold the case.
    if (!kase || kase.ownerAgencyId !== item.referredByAgencyId) return { open: false, kase: null };
    return { open: true, kase };
  }

  private materialWindowOpen(meeting: Pick<MeetingRow, 'starts_at' | 'closed_at'>): boolean {
    const until = Math.min(meeting.closed_at?.getTime() ?? Infinity, meeting.starts_at.getTime() + this.config.meetingMaterialDays * DAY_MS);
    return Date.now() < until;
  }

  /** A case as an attendee without a share reads it: as a LIMITED share (the contract), batched. */
  private asAttendee(ctx: RequestContext, caseId: string): Promise<Case | null> {
    const loader = loaderFor(
      ctx,
      'meeting.attendeeCase',
      () =>
        new DataLoader<string, Case | null>(async (ids) => {
          const rows: CaseRow[] = await ctx.db.query(`SELECT ${CASE_COLUMNS}, 'LIMITED' AS relation FROM cases c WHERE c.id = ANY($1::uuid[])`, [ids]);
          const byId = new Map(rows.map((row) => [row.id, { ...toCase(ctx.ability, row), held: false }]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
    return loader.load(caseId);
  }

  /** The item's meeting for material decisions, batched; null when the caller no longer attends. */
  private meetingOf(ctx: RequestContext, meetingId: string): Promise<MeetingRecord | null> {
    const loader = loaderFor(
      ctx,
      'meeting.forMaterial',
      () =>
        new DataLoader<string, MeetingRecord | null>(async (ids) => {
          const params = new SqlParams();
          const idsParam = params.add(ids);
          const scope = accessibleSql(ctx.ability, 'read', 'Meeting', 'm', params);
          const user = params.add(ctx.user?.id ?? null);
          const rows: MeetingRecord[] = await ctx.db.query(
            `SELECT ${MEETING_COLUMNS}, EXISTS (SELECT 1 FROM meeting_confidentiality mc WHERE mc.meeting_id = m.id AND mc.user_id = ${user}::uuid) AS agreed
               FROM meetings m WHERE m.id = ANY(${idsParam}::uuid[]) AND ${scope}`,
            params.values,
          );
          const byId = new Map(rows.map((row) => [row.id, row]));
          return ids.map((id) => byId.get(id) ?? null);
        }),
    );
    return loader.load(meetingId);
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
    if (!open || !kase || !ctx.ability.can('readField', subject('AgendaItem', { access: kase.relation }), field)) return null;
    const value = await read();
    if (value !== null) noteView(ctx, kase.id, 'dashAssessments');
    return value;
  }

  itemDash(ctx: RequestContext, item: AgendaItem): Promise<DashAssessment | null> {
    return this.itemDashMaterial(ctx, item, 'dashAssessment', () => (item.dashAssessmentId ? this.dash.byId(ctx, item.dashAssessmentId) : null));
  }

  /** The referrer's written concern: often the DASH assessment's own, so it is read as DASH material. */
  itemConcerns(ctx: RequestContext, item: AgendaItem): Promise<string | null> {
    return this.itemDashMaterial(ctx, item, 'concerns', () => item.concerns);
  }

  itemResearch(ctx: RequestContext, item: AgendaItem): Promise<AgendaResearch[] | null> {
    return this.itemMaterial(ctx, item, async () => {
      const rows: { agency_id: string; summary: string; recorded_at: Date }[] = await ctx.db.query(
        `SELECT r.agency_id, r.summary, r.recorded_at FROM agenda_research r JOIN agencies a ON a.id = r.agency_id
          WHERE r.agenda_item_id = $1 ORDER BY a.name`,
        [item.id],
      );
      return rows.map((r) => ({ agencyId: r.agency_id, summary: r.summary, recordedAt: r.recorded_at }));
    });
  }

  /** Actions agreed on this item, or (`earlier`) on the same case at earlier meetings and not done, by status. */
  itemActions(ctx: RequestContext, item: AgendaItem, which: 'agreed' | 'notDone' | 'noLongerNeeded'): Promise<CaseAction[] | null> {
    return this.itemMaterial(ctx, item, async () => {
      const where =
        which === 'agreed'
          ? `a.agenda_item_id = $1`
          : `a.agenda_item_id IN (SELECT e.id FROM agenda_items e JOIN meetings em ON em.id = e.meeting_id
                                 WHERE e.case_id = $1 AND e.meeting_id <> $2 AND em.starts_at <= (SELECT starts_at FROM meetings WHERE id = $2))
             AND a.status ${which === 'notDone' ? `IN ('OPEN','IN_PROGRESS')` : `= 'CANCELLED'`}`;
      const rows: CaseActionRow[] = await ctx.db.query(
        `SELECT ${ACTION_COLUMNS} FROM case_actions a WHERE ${where} ORDER BY a.due_at, a.created_at`,
        which === 'agreed' ? [item.id] : [item.caseId, item.meetingId],
      );
      return rows.map(toAction);
    });
  }

  /** MARAC figures over the meetings the caller's agency attended in the period, scoped in SQL like every read. */
  async maracStatistics(ctx: RequestContext, input: MaracStatisticsInput): Promise<MaracStatistics> {
    if (input.to.getTime() <= input.from.getTime()) throw new BadInputError('to', 'to must be after from');
    const params = new SqlParams();
    const scope = accessibleSql(ctx.ability, 'read', 'Meeting', 'm', params);
    const from = params.add(input.from);
    const to = params.add(input.to);
    const [row] = await ctx.system.query(
      `WITH held AS (SELECT m.id, m.starts_at FROM meetings m WHERE m.kind = 'MARAC' AND ${scope} AND m.starts_at >= ${from} AND m.starts_at < ${to}),
            heard AS (SELECT i.*, h.starts_at FROM agenda_items i JOIN held h ON h.id = i.meeting_id WHERE i.withdrawn_at IS NULL)
       SELECT (SELECT count(*) FROM held)::int AS meetings,
              (SELECT count(*) FROM heard)::int AS heard,
              (SELECT count(*) FROM heard i WHERE i.reason = 'REPEAT_REFERRAL' OR EXISTS (
                 SELECT 1 FROM agenda_items e JOIN meetings em ON em.id = e.meeting_id AND em.kind = 'MARAC'
                  WHERE e.case_id = i.case_id AND e.withdrawn_at IS NULL AND em.starts_at < i.starts_at AND em.starts_at >= i.starts_at - interval '12 months'))::int AS repeats,
              (SELECT count(*) FROM heard i JOIN agencies a ON a.id = i.referred_by_agency_id WHERE a.kind <> 'POLICE')::int AS by_partners,
              (SELECT count(*) FROM case_actions a JOIN heard i ON i.id = a.agenda_item_id WHERE a.due_at <= now() AND a.status <> 'CANCELLED')::int AS actions_due,
              (SELECT count(*) FROM case_actions a JOIN heard i ON i.id = a.agenda_item_id
                WHERE a.due_at <= now() AND a.status = 'DONE' AND a.completed_at <= a.due_at)::int AS on_time`,
      params.values,
    );
    return toMaracStatistics(row);
  }

  /** Who may be named to chair a meeting: for the people who schedule them. */
  async chairs(ctx: RequestContext): Promise<MeetingChair[]> {
    const rows: { id: string; display_name: string; agency_name: string }[] = await ctx.db.query(
      `SELECT u.id, u.display_name, a.name AS agency_name FROM users u JOIN agencies a ON a.id = u.agency_id
        WHERE u.active AND 'MARAC_CHAIR' = ANY(u.roles) ORDER BY u.display_name, u.id`,
    );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name, agencyName: r.agency_name }));
  }

  // Writes

  /** MARAC chairs and coordinators; the chair's agency and the scheduler's attend whatever the list says. */
  async schedule(ctx: RequestContext, input: ScheduleMeetingInput): Promise<Meeting> {
    const chairId = parseId(input.chairId, 'chairId');
    const [chair]: { agency_id: string }[] = await ctx.db.query(
      `SELECT agency_id FROM users WHERE id = $1 AND active AND roles && $2::text[]`,
      [chairId, CASEWORK_ROLES],
    );
    if (!chair) throw new BadInputError('chairId', 'The chair must be an active user of a partner agency');
    const agencyIds = [...new Set([...input.agencyIds.map((id) => parseId(id, 'agencyIds')), chair.agency_id, ctx.user!.agencyId])];
    const known: { id: string }[] = await ctx.db.query(`SELECT id FROM agencies WHERE id = ANY($1::uuid[])`, [agencyIds]);
    if (known.length !== agencyIds.length) throw new BadInputError('agencyIds', 'Every attending agency must exist');
    if (input.startsAt.getTime() < Date.now() - 365 * DAY_MS) throw new BadInputError('startsAt', 'startsAt is more than a year ago');
    // A date far ahead would hold the case material open until then.
    if (input.startsAt.getTime() > Date.now() + SCHEDULE_AHEAD_DAYS * DAY_MS) throw new BadInputError('startsAt', 'startsAt is more than a year ahead');
    const [row]: MeetingRow[] = await ctx.db.query(
      `INSERT INTO meetings AS m (kind, title, starts_at, chair_id, scheduled_by_id) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${MEETING_COLUMNS}, false AS agreed`,
      [input.kind, input.title.trim(), input.startsAt, chairId, ctx.user!.id],
    );
    await ctx.db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) SELECT $1, unnest($2::uuid[])`, [row.id, agencyIds]);
    return toMeeting(row);
  }

  /**
   * Puts a case of the caller's agency on the agenda: only the owner agency refers, since a referral discloses
   * the case to every attending agency and onward sharing is the owner's alone (a FULL share does not carry
   * it). A case the caller does not hold is NOT_FOUND; one it holds by a share, FORBIDDEN. The reason must
   * hold: a computed one must be among the case's referral criteria (or, for DASH_THRESHOLD, a DASH score of 14
   * or more given with the referral); PROFESSIONAL_JUDGEMENT needs a written concern. The referral carries the
   * latest DASH assessment.
   */
  async refer(
    ctx: RequestContext,
    meetingId: string,
    caseId: string,
    reason: ReferralReason,
    dashScore: number | null | undefined,
    concerns: string | null | undefined,
  ): Promise<AgendaItem> {
    const meeting = await this.require(ctx, meetingId, 'organise');
    const kase = await this.cases.require(ctx, caseId, 'share').catch((error: unknown) => {
      if (error instanceof ForbiddenError) throw new ForbiddenError('Only the agency that owns the case may refer it to a meeting', 'caseId');
      throw error;
    });
    if (dashScore !== null && dashScore !== undefined && (!Number.isInteger(dashScore) || dashScore < 0 || dashScore > 24)) {
      throw new BadInputError('dashScore', 'dashScore must be 0–24');
    }
    const latest = await this.dash.latest(ctx, kase.id);
    const score = dashScore ?? latest?.score ?? null;
    const criteria = await this.dash.referralCriteria(ctx, kase.id);
    const concern = concerns?.trim() || latest?.concerns || null;
    if (reason === ReferralReason.PROFESSIONAL_JUDGEMENT && !concern) {
      throw new BadInputError('concerns', 'A referral on professional judgement needs the concern in writing');
    }
    if (reason === ReferralReason.DASH_THRESHOLD && !criteria.includes(reason) && !(score !== null && score >= DASH_HIGH_RISK_SCORE)) {
      throw new BadInputError('reason', `DASH_THRESHOLD needs a DASH score of ${DASH_HIGH_RISK_SCORE} or more`);
    }
    if ((reason === ReferralReason.ESCALATION || reason === ReferralReason.REPEAT_REFERRAL) && !criteria.includes(reason)) {
      throw new BadInputError('reason', `This case does not meet ${reason} now (it meets: ${criteria.join(', ') || 'none'})`);
    }
    const [existing] = await ctx.db.query(`SELECT withdrawn_at FROM agenda_items WHERE meeting_id = $1 AND case_id = $2`, [meeting.id, kase.id]);
    if (existing) throw new StateConflictError('The case is already on this agenda', 'caseId');
    const [row]: AgendaItemRow[] = await ctx.db.query(
      `INSERT INTO agenda_items AS i (meeting_id, case_id, position, reason, dash_score, dash_assessment_id, concerns, referred_by_id, referred_by_agency_id)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1 AND withdrawn_at IS NULL), $3, $4, $5, $6, $7, $8)
       RETURNING ${AGENDA_COLUMNS}`,
      [meeting.id, kase.id, reason, score, latest?.id ?? null, concern, ctx.user!.id, ctx.user!.agencyId],
    );
    await this.audit.record(ctx, kase.id, AuditAction.CASE_REFERRED, { reason, meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind } });
    await this.changed(ctx, meeting.id);
    return toAgendaItem(row);
  }

  /** The live items in the order given: every live item exactly once. */
  async reorder(ctx: RequestContext, meetingId: string, itemIds: string[]): Promise<Meeting> {
    const meeting = await this.require(ctx, meetingId, 'organise');
    const live: { id: string }[] = await ctx.db.query(`SELECT id FROM agenda_items WHERE meeting_id = $1 AND withdrawn_at IS NULL`, [meeting.id]);
    const given = itemIds.map((id) => parseId(id, 'itemIds'));
    if (given.length !== live.length || new Set(given).size !== given.length || !live.every((row) => given.includes(row.id))) {
      throw new BadInputError('itemIds', "Give every item on the agenda exactly once, in the new order");
    }
    await ctx.db.query(
      `UPDATE agenda_items i SET position = o.position FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE i.id = o.id`,
      [given],
    );
    return this.changedMeeting(ctx, meeting.id);
  }

  /** An organiser takes an item off the agenda. */
  async withdraw(ctx: RequestContext, itemId: string, reason: string): Promise<AgendaItem> {
    const { item, meeting } = await this.requireItem(ctx, itemId, 'organise');
    return this.takeOff(ctx, item, meeting, reason, 'ORGANISER');
  }

  /**
   * The owner agency takes its case off any agenda, whoever runs the meeting and whether or not it attends:
   * the referral disclosed the owner's case, so the owner may end that. The item is NOT_FOUND to a caller who
   * neither attends the meeting nor owns the case, FORBIDDEN to an attendee who does not own it.
   */
  async withdrawByOwner(ctx: RequestContext, itemId: string, reason: string): Promise<AgendaItem> {
    const id = parseId(itemId, 'agendaItemId');
    const [item]: (AgendaItemRow & { owner_agency_id: string })[] = await ctx.db.query(
      `SELECT ${AGENDA_COLUMNS}, c.owner_agency_id FROM agenda_items i JOIN cases c ON c.id = i.case_id WHERE i.id = $1`,
      [id],
    );
    if (!item) throw new NotFoundError('Agenda item', 'agendaItemId');
    const owns = ctx.ability.can('share', subject('Case', { ownerAgencyId: item.owner_agency_id }));
    if (!owns) {
      if (!(await this.visible(ctx, item.meeting_id))) throw new NotFoundError('Agenda item', 'agendaItemId');
      throw new ForbiddenError('Only the agency that owns the case may withdraw it from a meeting', 'agendaItemId');
    }
    // One writer at a time per meeting, as for its organisers.
    const [meeting]: MeetingRow[] = await ctx.db.query(`SELECT ${MEETING_COLUMNS}, false AS agreed FROM meetings m WHERE m.id = $1 FOR UPDATE`, [item.meeting_id]);
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
    if (reason.trim().length < 3) throw new BadInputError('reason', 'Say why the item is withdrawn');
    const [rows]: [AgendaItemRow[], number] = await ctx.db.query(
      `UPDATE agenda_items i SET withdrawn_at = now(), withdrawn_reason = $2 WHERE i.id = $1 AND i.withdrawn_at IS NULL RETURNING ${AGENDA_COLUMNS}`,
      [item.id, reason.trim()],
    );
    if (!rows[0]) throw new StateConflictError('The item is already withdrawn', 'agendaItemId');
    // The items after it close up (its position as it is now, under the meeting's lock).
    await ctx.db.query(`UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND withdrawn_at IS NULL AND position > $2`, [
      meeting.id,
      rows[0].position,
    ]);
    await ctx.db.query(`UPDATE meetings SET current_item_id = NULL WHERE id = $1 AND current_item_id = $2`, [meeting.id, item.id]);
    await this.audit.record(ctx, item.case_id, AuditAction.CASE_WITHDRAWN_FROM_MEETING, {
      reason: reason.trim(),
      by,
      meeting: { id: meeting.id, title: meeting.title, kind: meeting.kind },
    });
    await this.changed(ctx, meeting.id);
    return toAgendaItem(rows[0]);
  }

  /** Opens the material to attendees and tells every attending agency (AGENDA_PUBLISHED). */
  async publish(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.require(ctx, meetingId, 'organise');
    await ctx.db.query(`UPDATE meetings SET published_at = now(), version = version + 1 WHERE id = $1`, [meeting.id]);
    await this.alerts.raise(ctx, AlertKind.AGENDA_PUBLISHED, { caseId: null, meetingId: meeting.id });
    return this.changedMeeting(ctx, meeting.id);
  }

  async agree(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.visible(ctx, parseId(meetingId, 'meetingId'));
    if (!meeting) throw new NotFoundError('Meeting', 'meetingId');
    await ctx.db.query(`INSERT INTO meeting_confidentiality (meeting_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [meeting.id, ctx.user!.id]);
    return toMeeting({ ...meeting, agreed: true });
  }

  /** Each attending agency records what it holds on the case: one summary per agency, replaced when recorded again. */
  async recordResearch(ctx: RequestContext, itemId: string, summary: string): Promise<AgendaResearch> {
    const { item, meeting } = await this.requireItem(ctx, itemId, 'contribute');
    if (summary.trim().length < 3) throw new BadInputError('summary', 'Write what your agency holds');
    const [row]: { agency_id: string; summary: string; recorded_at: Date }[] = await ctx.db.query(
      `INSERT INTO agenda_research (agenda_item_id, agency_id, summary, recorded_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agenda_item_id, agency_id) DO UPDATE SET summary = EXCLUDED.summary, recorded_by_id = EXCLUDED.recorded_by_id, recorded_at = now()
       RETURNING agency_id, summary, recorded_at`,
      [item.id, ctx.user!.agencyId, summary.trim(), ctx.user!.id],
    );
    await this.changed(ctx, meeting.id);
    return { agencyId: row.agency_id, summary: row.summary, recordedAt: row.recorded_at };
  }

  /** Organisers record anyone's attendance; anyone records their own (apologies, with what they sent instead). */
  async recordAttendance(
    ctx: RequestContext,
    meetingId: string,
    userId: string,
    status: AttendanceStatus,
    informationSent: string | null | undefined,
  ): Promise<Attendance[]> {
    const self = parseId(userId, 'userId') === ctx.user!.id;
    const meeting = await this.require(ctx, meetingId, self ? 'contribute' : 'organise');
    const [person]: { agency_id: string }[] = await ctx.db.query(
      `SELECT u.agency_id FROM users u JOIN meeting_agencies ma ON ma.agency_id = u.agency_id AND ma.meeting_id = $2 WHERE u.id = $1 AND u.active`,
      [userId, meeting.id],
    );
    if (!person) throw new BadInputError('userId', 'Only users of attending agencies attend');
    await ctx.db.query(
      `INSERT INTO meeting_attendance (meeting_id, user_id, agency_id, status, information_sent) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = EXCLUDED.status, information_sent = EXCLUDED.information_sent, recorded_at = now()`,
      [meeting.id, userId, person.agency_id, status, informationSent?.trim() || null],
    );
    await this.changed(ctx, meeting.id);
    return this.attendance(ctx, meeting.id);
  }

  async recordMinutes(ctx: RequestContext, itemId: string, minutes: string): Promise<AgendaItem> {
    const { item, meeting } = await this.requireItem(ctx, itemId, 'chair');
    const [rows]: [AgendaItemRow[], number] = await ctx.db.query(
      `UPDATE agenda_items i SET minutes = $2, minutes_recorded_at = now() WHERE i.id = $1 RETURNING ${AGENDA_COLUMNS}`,
      [item.id, minutes.trim() || null],
    );
    await this.changed(ctx, meeting.id);
    return toAgendaItem(rows[0]);
  }

  /** The item under discussion now (null between items), for everyone following the meeting live. */
  async setCurrentItem(ctx: RequestContext, meetingId: string, itemId: string | null): Promise<Meeting> {
    const meeting = await this.require(ctx, meetingId, 'chair');
    if (itemId) {
      const [item] = await ctx.db.query(`SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2 AND withdrawn_at IS NULL`, [
        parseId(itemId, 'agendaItemId'),
        meeting.id,
      ]);
      if (!item) throw new NotFoundError('Agenda item', 'agendaItemId');
    }
    await ctx.db.query(`UPDATE meetings SET current_item_id = $2, version = version + 1 WHERE id = $1`, [meeting.id, itemId]);
    return this.changedMeeting(ctx, meeting.id);
  }

  /**
   * An action agreed on an item: a case action owned by an attending agency, which that agency updates as its
   * own even without a share of the case, and which earlier meetings' reviews follow.
   */
  async recordAction(ctx: RequestContext, itemId: string, input: MeetingActionInput): Promise<CaseAction> {
    const { item, meeting } = await this.requireItem(ctx, itemId, 'chair');
    if (item.withdrawn_at) throw new StateConflictError('The item was withdrawn', 'agendaItemId');
    const ownerAgencyId = parseId(input.ownerAgencyId, 'ownerAgencyId');
    if (!meeting.agency_ids.includes(ownerAgencyId)) throw new BadInputError('ownerAgencyId', 'The owner must be an attending agency');
    const kind = input.kind ?? ActionKind.OTHER_ACTION;
    const [row]: CaseActionRow[] = await ctx.db.query(
      `INSERT INTO case_actions AS a (case_id, kind, legal, description, owner_agency_id, due_at, created_by_id, agenda_item_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${ACTION_COLUMNS}`,
      [item.case_id, kind, LEGAL_ACTION_KINDS.has(kind), input.description.trim(), ownerAgencyId, input.dueAt, ctx.user!.id, item.id],
    );
    await this.audit.record(ctx, item.case_id, AuditAction.ACTION_ADDED, { actionId: row.id, kind, ownerAgencyId, meeting: { id: meeting.id } });
    await this.alerts.raise(ctx, AlertKind.ACTION_ASSIGNED, { caseId: item.case_id, actionId: row.id, targetAgencyId: ownerAgencyId, meetingId: meeting.id });
    await this.changed(ctx, meeting.id);
    return toAction(row);
  }

  async close(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    const meeting = await this.require(ctx, meetingId, 'chair');
    await ctx.db.query(`UPDATE meetings SET closed_at = now(), current_item_id = NULL, version = version + 1 WHERE id = $1`, [meeting.id]);
    return this.changedMeeting(ctx, meeting.id);
  }

  /** Tells the meeting's live viewers, at commit: the notification carries only the meeting's id. */
  private async changed(ctx: RequestContext, meetingId: string): Promise<void> {
    await ctx.db.query(`SELECT pg_notify('meeting_updates', $1)`, [meetingId]);
  }

  private async changedMeeting(ctx: RequestContext, meetingId: string): Promise<Meeting> {
    await this.changed(ctx, meetingId);
    return toMeeting((await this.visible(ctx, meetingId))!);
  }
}
