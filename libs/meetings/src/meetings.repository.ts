import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import { accessibleSql } from '#libs/access';
import { ActionsRepository } from '#libs/actions';
import { AgenciesRepository } from '#libs/agencies';
import { CasesRepository } from '#libs/cases';
import type { AgencyKind, AttendanceStatus, MeetingKind, ReferralReason } from '#libs/common';
import type { RequestContext } from '#libs/context';
import { DashRepository } from '#libs/dash';
import { IncidentsRepository } from '#libs/incidents';
import { SharesRepository } from '#libs/shares';
import { UsersRepository } from '#libs/users';

export interface MeetingRow {
  id: string;
  kind: MeetingKind;
  title: string;
  starts_at: Date;
  chair_id: string;
  published_at: Date | null;
  closed_at: Date | null;
  current_item_id: string | null;
  version: number;
  agreed: boolean;
}

export const MEETING_COLUMNS = `m.id, m.kind, m.title, m.starts_at, m.chair_id, m.published_at, m.closed_at, m.current_item_id, m.version`;

export interface AgendaItemRow {
  id: string;
  meeting_id: string;
  case_id: string;
  position: number;
  reason: ReferralReason;
  dash_score: number | null;
  dash_assessment_id: string | null;
  concerns: string | null;
  referred_at: Date;
  referred_by_agency_id: string;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  minutes: string | null;
}

export const AGENDA_COLUMNS = `i.id, i.meeting_id, i.case_id, i.position, i.reason, i.dash_score, i.dash_assessment_id, i.concerns,
  i.referred_at, i.referred_by_agency_id, i.withdrawn_at, i.withdrawn_reason, i.minutes`;

export interface CaseMeetingReferralRow {
  id: string;
  case_id: string;
  title: string;
  kind: MeetingKind;
  starts_at: Date;
  published_at: Date | null;
  closed_at: Date | null;
  reason: ReferralReason;
  referred_at: Date;
  referred_by_agency_id: string;
  withdrawn_at: Date | null;
}

/** Who reads: their rules decide which meetings they see, their user whether they agreed the statement. */
export type MeetingViewer = Pick<RequestContext, 'ability' | 'user'>;

/** A meeting with its attending agencies. */
export type MeetingRecord = MeetingRow & { agency_ids: string[] };

export interface AgendaResearchRow {
  agency_id: string;
  summary: string;
  recorded_at: Date;
}

export interface AttendanceRow {
  user_id: string;
  display_name: string;
  agency_id: string;
  status: AttendanceStatus;
  information_sent: string | null;
}

export interface MaracFiguresRow {
  meetings: number;
  heard: number;
  repeats: number;
  by_partners: number;
  by_kind: { kind: AgencyKind; count: number }[];
  support_engaged: number;
  victims_16_17: number;
  victims_born_on_record: number;
  actions_due: number;
  on_time: number;
}

/** Whether the viewer agreed the meeting `m`'s confidentiality statement. */
const agreedSql = (user: string) =>
  `EXISTS (SELECT 1 FROM meeting_confidentiality mc WHERE mc.meeting_id = m.id AND mc.user_id = ${user}::uuid) AS agreed`;

/** The only code that names the meetings library's tables. */
@Injectable()
export class MeetingsRepository {
  /** The agencies attending the meeting `meetingIdSql` names, as a uuid array (whom its alerts go to). */
  static attendingAgencyIdsSql(this: void, meetingIdSql: string): string {
    return `ARRAY(SELECT ma.agency_id FROM meeting_agencies ma WHERE ma.meeting_id = ${meetingIdSql})`;
  }

  /** The meeting of the agenda item whose id is in `agendaItemColumn`, as a scalar subquery (for actions). */
  static meetingOfAgendaItemSql(this: void, agendaItemColumn: string): string {
    return `(SELECT i.meeting_id FROM agenda_items i WHERE i.id = ${agendaItemColumn})`;
  }

  // for alert-inbox
  /** Whether the agency `agencyParam` attends the meeting whose id is in `meetingColumn`. */
  static attendedBySql(meetingColumn: string, agencyParam: string): string {
    return `EXISTS (SELECT 1 FROM meeting_agencies ma WHERE ma.meeting_id = ${meetingColumn} AND ma.agency_id = ${agencyParam})`;
  }

  // anonymising, for retention

  /** That a case was discussed, when and with what decision stays; what was said about people goes. */
  @AnonymisesCases({ tables: ['agenda_items', 'agenda_research'] })
  async anonymiseAgendaItems(db: Database, caseIds: string[]): Promise<number> {
    const items = await exec(
      db,
      `UPDATE agenda_items SET concerns = NULL, minutes = NULL, withdrawn_reason = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
    const research = await exec(
      db,
      `UPDATE agenda_research SET summary = '${REMOVED_BY_RETENTION}' WHERE agenda_item_id IN (SELECT id FROM agenda_items WHERE case_id = ANY($1))`,
      [caseIds],
    );
    return items + research;
  }

  // for alert-feed

  /** The agencies attending each of these meetings, in one statement. */
  attendingAgencies(
    db: Database,
    meetingIds: readonly string[],
  ): Promise<{ meeting_id: string; agency_ids: string[] }[]> {
    return rows(
      db,
      `SELECT meeting_id, array_agg(agency_id) AS agency_ids FROM meeting_agencies WHERE meeting_id = ANY($1::uuid[]) GROUP BY meeting_id`,
      [meetingIds],
    );
  }

  // Meetings

  /** The viewer's meetings, soonest first; `upcoming` for those not yet closed, `false` for the closed, latest first. */
  list(db: Database, viewer: MeetingViewer, upcoming: boolean | null): Promise<MeetingRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(viewer.ability, 'read', 'Meeting', 'm', params);
    const user = params.add(viewer.user?.id ?? null);
    return rows<MeetingRow>(
      db,
      `SELECT ${MEETING_COLUMNS}, ${agreedSql(user)}
         FROM meetings m WHERE ${scope} ${upcoming === true ? 'AND m.closed_at IS NULL' : upcoming === false ? 'AND m.closed_at IS NOT NULL' : ''}
        ORDER BY m.starts_at ${upcoming === false ? 'DESC' : ''}, m.id LIMIT 200`,
      params.values,
    );
  }

  /**
   * A meeting the viewer sees, with its attending agencies; `lock` holds it for the change that follows (one
   * writer at a time per meeting, so positions and the current item stay consistent).
   */
  findVisible(db: Database, viewer: MeetingViewer, id: string, lock = false): Promise<MeetingRecord | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(viewer.ability, 'read', 'Meeting', 'm', params);
    const user = params.add(viewer.user?.id ?? null);
    return one<MeetingRecord>(
      db,
      `SELECT ${MEETING_COLUMNS}, ARRAY(SELECT ma.agency_id FROM meeting_agencies ma WHERE ma.meeting_id = m.id) AS agency_ids,
              ${agreedSql(user)}
         FROM meetings m WHERE m.id = ${idParam}::uuid AND ${scope}${lock ? ' FOR UPDATE OF m' : ''}`,
      params.values,
    );
  }

  /** The meetings among `ids` the viewer sees. */
  findVisibleByIds(db: Database, viewer: MeetingViewer, ids: readonly string[]): Promise<MeetingRow[]> {
    const params = new SqlParams();
    const idsParam = params.add(ids);
    const scope = accessibleSql(viewer.ability, 'read', 'Meeting', 'm', params);
    const user = params.add(viewer.user?.id ?? null);
    return rows<MeetingRow>(
      db,
      `SELECT ${MEETING_COLUMNS}, ${agreedSql(user)}
         FROM meetings m WHERE m.id = ANY(${idsParam}::uuid[]) AND ${scope}`,
      params.values,
    );
  }

  /** A meeting whoever reads it, held for the change that follows (the owner's withdrawal, which needs no attendance). */
  async lock(db: Database, id: string): Promise<MeetingRow> {
    return (await one<MeetingRow>(
      db,
      `SELECT ${MEETING_COLUMNS}, false AS agreed FROM meetings m WHERE m.id = $1 FOR UPDATE`,
      [id],
    ))!;
  }

  /** The attending agencies of the meetings, by meeting then agency name. */
  agenciesOf(db: Database, meetingIds: readonly string[]): Promise<{ meeting_id: string; agency_id: string }[]> {
    return rows(
      db,
      `SELECT ma.meeting_id, ma.agency_id FROM meeting_agencies ma ${AgenciesRepository.joinSql('a', 'ma.agency_id')}
        WHERE ma.meeting_id = ANY($1::uuid[]) ORDER BY ma.meeting_id, a.name`,
      [meetingIds],
    );
  }

  async add(
    db: Database,
    meeting: {
      kind: MeetingKind;
      title: string;
      startsAt: Date;
      chairId: string;
      scheduledById: string;
      agencyIds: readonly string[];
    },
  ): Promise<MeetingRow> {
    const row = (await one<MeetingRow>(
      db,
      `INSERT INTO meetings AS m (kind, title, starts_at, chair_id, scheduled_by_id) VALUES ($1, $2, $3, $4, $5)
       RETURNING ${MEETING_COLUMNS}, false AS agreed`,
      [meeting.kind, meeting.title, meeting.startsAt, meeting.chairId, meeting.scheduledById],
    ))!;
    await exec(db, `INSERT INTO meeting_agencies (meeting_id, agency_id) SELECT $1, unnest($2::uuid[])`, [
      row.id,
      meeting.agencyIds,
    ]);
    return row;
  }

  /** Each change below answers the meeting as it now is (without `agreed`, which it does not change). */
  async publish(db: Database, meetingId: string): Promise<Omit<MeetingRow, 'agreed'>> {
    return (await one(
      db,
      `UPDATE meetings AS m SET published_at = now(), version = version + 1 WHERE m.id = $1 RETURNING ${MEETING_COLUMNS}`,
      [meetingId],
    ))!;
  }

  async setCurrentItem(db: Database, meetingId: string, itemId: string | null): Promise<Omit<MeetingRow, 'agreed'>> {
    return (await one(
      db,
      `UPDATE meetings AS m SET current_item_id = $2, version = version + 1 WHERE m.id = $1 RETURNING ${MEETING_COLUMNS}`,
      [meetingId, itemId],
    ))!;
  }

  async close(db: Database, meetingId: string): Promise<Omit<MeetingRow, 'agreed'>> {
    return (await one(
      db,
      `UPDATE meetings AS m SET closed_at = now(), current_item_id = NULL, version = version + 1 WHERE m.id = $1 RETURNING ${MEETING_COLUMNS}`,
      [meetingId],
    ))!;
  }

  /** Tells the meeting's live viewers, at commit: the notification carries only the meeting's id. */
  async notifyChanged(db: Database, meetingId: string): Promise<void> {
    await exec(db, `SELECT pg_notify('meeting_updates', $1)`, [meetingId]);
  }

  // Who takes part

  async agree(db: Database, meetingId: string, userId: string): Promise<void> {
    await exec(db, `INSERT INTO meeting_confidentiality (meeting_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [
      meetingId,
      userId,
    ]);
  }

  attendanceOf(db: Database, meetingId: string): Promise<AttendanceRow[]> {
    return rows<AttendanceRow>(
      db,
      `SELECT at.user_id, u.display_name, at.agency_id, at.status, at.information_sent
         FROM meeting_attendance at ${UsersRepository.joinSql('u', 'at.user_id')} WHERE at.meeting_id = $1 ORDER BY at.recorded_at, u.display_name`,
      [meetingId],
    );
  }

  /** One line per person: recorded again, it replaces what was recorded before. */
  async recordAttendance(
    db: Database,
    meetingId: string,
    userId: string,
    agencyId: string,
    status: AttendanceStatus,
    informationSent: string | null,
  ): Promise<void> {
    await exec(
      db,
      `INSERT INTO meeting_attendance (meeting_id, user_id, agency_id, status, information_sent) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (meeting_id, user_id) DO UPDATE SET status = EXCLUDED.status, information_sent = EXCLUDED.information_sent, recorded_at = now()`,
      [meetingId, userId, agencyId, status, informationSent],
    );
  }

  // The agenda

  async findItem(db: Database, id: string): Promise<AgendaItemRow | undefined> {
    return one<AgendaItemRow>(db, `SELECT ${AGENDA_COLUMNS} FROM agenda_items i WHERE i.id = $1`, [id]);
  }

  /** The items among `ids`, whoever reads them: callers decide what of each the reader may see. */
  itemsByIds(db: Database, ids: readonly string[]): Promise<AgendaItemRow[]> {
    return rows<AgendaItemRow>(db, `SELECT ${AGENDA_COLUMNS} FROM agenda_items i WHERE i.id = ANY($1::uuid[])`, [ids]);
  }

  /** An item with its case's owner agency; undefined where the `db` does not admit the case. */
  findItemWithCaseOwner(db: Database, id: string): Promise<(AgendaItemRow & { owner_agency_id: string }) | undefined> {
    return one(
      db,
      `SELECT ${AGENDA_COLUMNS}, c.owner_agency_id FROM agenda_items i ${CasesRepository.ownerJoinSql('c', 'i.case_id')} WHERE i.id = $1`,
      [id],
    );
  }

  /** The items of the meetings, live ones in order, then the withdrawn. */
  agendasOf(db: Database, meetingIds: readonly string[]): Promise<AgendaItemRow[]> {
    return rows<AgendaItemRow>(
      db,
      `SELECT ${AGENDA_COLUMNS} FROM agenda_items i WHERE i.meeting_id = ANY($1::uuid[])
        ORDER BY i.meeting_id, i.withdrawn_at IS NOT NULL, i.position, i.referred_at`,
      [meetingIds],
    );
  }

  /** Every agenda the cases are or were on, in any meeting, newest meeting first. */
  referralsOfCases(db: Database, caseIds: readonly string[]): Promise<CaseMeetingReferralRow[]> {
    return rows<CaseMeetingReferralRow>(
      db,
      `SELECT i.id, i.case_id, m.title, m.kind, m.starts_at, m.published_at, m.closed_at, i.reason, i.referred_at, i.referred_by_agency_id, i.withdrawn_at
         FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id
        WHERE i.case_id = ANY($1::uuid[])
        ORDER BY i.case_id, m.starts_at DESC, i.referred_at DESC, i.id`,
      [caseIds],
    );
  }

  /** Whether the case is on the meeting's agenda, live or withdrawn. */
  async hasItemFor(db: Database, meetingId: string, caseId: string): Promise<boolean> {
    return (
      (await one(db, `SELECT withdrawn_at FROM agenda_items WHERE meeting_id = $1 AND case_id = $2`, [
        meetingId,
        caseId,
      ])) !== undefined
    );
  }

  /** A referral, last on the live agenda. */
  async addItem(
    db: Database,
    item: {
      meetingId: string;
      caseId: string;
      reason: ReferralReason;
      dashScore: number | null;
      dashAssessmentId: string | null;
      concerns: string | null;
      referredById: string;
      referredByAgencyId: string;
    },
  ): Promise<AgendaItemRow> {
    return (await one<AgendaItemRow>(
      db,
      `INSERT INTO agenda_items AS i (meeting_id, case_id, position, reason, dash_score, dash_assessment_id, concerns, referred_by_id, referred_by_agency_id)
       VALUES ($1, $2, (SELECT coalesce(max(position), 0) + 1 FROM agenda_items WHERE meeting_id = $1 AND withdrawn_at IS NULL), $3, $4, $5, $6, $7, $8)
       RETURNING ${AGENDA_COLUMNS}`,
      [
        item.meetingId,
        item.caseId,
        item.reason,
        item.dashScore,
        item.dashAssessmentId,
        item.concerns,
        item.referredById,
        item.referredByAgencyId,
      ],
    ))!;
  }

  async liveItemIds(db: Database, meetingId: string): Promise<string[]> {
    return (
      await rows<{ id: string }>(db, `SELECT id FROM agenda_items WHERE meeting_id = $1 AND withdrawn_at IS NULL`, [
        meetingId,
      ])
    ).map((row) => row.id);
  }

  async isLiveItem(db: Database, meetingId: string, itemId: string): Promise<boolean> {
    return (
      (await one(db, `SELECT 1 FROM agenda_items WHERE id = $1 AND meeting_id = $2 AND withdrawn_at IS NULL`, [
        itemId,
        meetingId,
      ])) !== undefined
    );
  }

  /** Positions 1, 2, 3… in the order of `itemIds`. */
  async reorder(db: Database, itemIds: readonly string[]): Promise<void> {
    await exec(
      db,
      `UPDATE agenda_items i SET position = o.position FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE i.id = o.id`,
      [itemIds],
    );
  }

  /**
   * Takes a live item off: the items after it close up (its position as it is now, under the meeting's lock)
   * and the meeting moves off it if it was current. Undefined when it was withdrawn already.
   */
  async withdrawItem(
    db: Database,
    meetingId: string,
    itemId: string,
    reason: string,
  ): Promise<AgendaItemRow | undefined> {
    const row = await one<AgendaItemRow>(
      db,
      `UPDATE agenda_items i SET withdrawn_at = now(), withdrawn_reason = $2 WHERE i.id = $1 AND i.withdrawn_at IS NULL RETURNING ${AGENDA_COLUMNS}`,
      [itemId, reason],
    );
    if (!row) return undefined;
    await exec(
      db,
      `UPDATE agenda_items SET position = position - 1 WHERE meeting_id = $1 AND withdrawn_at IS NULL AND position > $2`,
      [meetingId, row.position],
    );
    await exec(db, `UPDATE meetings SET current_item_id = NULL WHERE id = $1 AND current_item_id = $2`, [
      meetingId,
      itemId,
    ]);
    return row;
  }

  async recordMinutes(db: Database, itemId: string, minutes: string | null): Promise<AgendaItemRow> {
    return (await one<AgendaItemRow>(
      db,
      `UPDATE agenda_items i SET minutes = $2, minutes_recorded_at = now() WHERE i.id = $1 RETURNING ${AGENDA_COLUMNS}`,
      [itemId, minutes],
    ))!;
  }

  /** One summary per agency and item: recorded again, it replaces the agency's earlier one. */
  async recordResearch(
    db: Database,
    itemId: string,
    agencyId: string,
    summary: string,
    recordedById: string,
  ): Promise<AgendaResearchRow> {
    return (await one<AgendaResearchRow>(
      db,
      `INSERT INTO agenda_research (agenda_item_id, agency_id, summary, recorded_by_id) VALUES ($1, $2, $3, $4)
       ON CONFLICT (agenda_item_id, agency_id) DO UPDATE SET summary = EXCLUDED.summary, recorded_by_id = EXCLUDED.recorded_by_id, recorded_at = now()
       RETURNING agency_id, summary, recorded_at`,
      [itemId, agencyId, summary, recordedById],
    ))!;
  }

  researchOf(db: Database, itemId: string): Promise<AgendaResearchRow[]> {
    return rows<AgendaResearchRow>(
      db,
      `SELECT r.agency_id, r.summary, r.recorded_at FROM agenda_research r ${AgenciesRepository.joinSql('a', 'r.agency_id')}
        WHERE r.agenda_item_id = $1 ORDER BY a.name`,
      [itemId],
    );
  }

  /** The items on the case `caseIdSql` of meetings other than `meetingIdSql` that started no later than it, as rows of `id`. */
  static earlierItemsOfCaseSql(caseIdSql: string, meetingIdSql: string): string {
    return `SELECT e.id FROM agenda_items e JOIN meetings em ON em.id = e.meeting_id
             WHERE e.case_id = ${caseIdSql} AND e.meeting_id <> ${meetingIdSql} AND em.starts_at <= (SELECT starts_at FROM meetings WHERE id = ${meetingIdSql})`;
  }

  // Figures and criteria

  /** MARAC figures over the meetings the viewer's rules admit that started in [from, to). */
  async maracFigures(db: Database, viewer: MeetingViewer, from: Date, to: Date): Promise<MaracFiguresRow> {
    const params = new SqlParams();
    const scope = accessibleSql(viewer.ability, 'read', 'Meeting', 'm', params);
    const fromParam = params.add(from);
    const toParam = params.add(to);
    return (await one<MaracFiguresRow>(
      db,
      `WITH held AS (SELECT m.id, m.starts_at FROM meetings m WHERE m.kind = 'MARAC' AND ${scope} AND m.starts_at >= ${fromParam} AND m.starts_at < ${toParam}),
            heard AS (SELECT i.*, h.starts_at FROM agenda_items i JOIN held h ON h.id = i.meeting_id WHERE i.withdrawn_at IS NULL)
       SELECT (SELECT count(*) FROM held)::int AS meetings,
              (SELECT count(*) FROM heard)::int AS heard,
              (SELECT count(*) FROM heard i WHERE i.reason = 'REPEAT_REFERRAL' OR EXISTS (
                 SELECT 1 FROM agenda_items e JOIN meetings em ON em.id = e.meeting_id AND em.kind = 'MARAC'
                  WHERE e.case_id = i.case_id AND e.withdrawn_at IS NULL AND em.starts_at < i.starts_at AND em.starts_at >= i.starts_at - interval '12 months'))::int AS repeats,
              (SELECT count(*) FROM heard i ${AgenciesRepository.joinSql('a', 'i.referred_by_agency_id')} WHERE a.kind <> 'POLICE')::int AS by_partners,
              coalesce((SELECT json_agg(json_build_object('kind', kind, 'count', n))
                          FROM (SELECT a.kind, count(*)::int AS n FROM heard i ${AgenciesRepository.joinSql('a', 'i.referred_by_agency_id')} GROUP BY a.kind) g), '[]') AS by_kind,
              (SELECT count(*) FROM heard i ${CasesRepository.ownerJoinSql('hc', 'i.case_id')}
                WHERE EXISTS (SELECT 1 FROM ${AgenciesRepository.tableAs('sa')}
                               WHERE sa.kind = 'SUPPORT' AND (sa.id = hc.owner_agency_id OR sa.id IN (${SharesRepository.everSharedWithSql('i.case_id')})
                                                              OR sa.id IN (${ActionsRepository.actionOwnersSql('i.case_id')}))))::int AS support_engaged,
              (SELECT count(*) FROM heard i WHERE ${CasesRepository.victimAgedSql('i.case_id', 'i.referred_at', 16, 17)})::int AS victims_16_17,
              (SELECT count(*) FROM heard i WHERE ${CasesRepository.victimBornOnRecordSql('i.case_id')})::int AS victims_born_on_record,
              ${ActionsRepository.dueOnItemsCountSql('heard')}::int AS actions_due,
              ${ActionsRepository.doneOnTimeOnItemsCountSql('heard')}::int AS on_time`,
      params.values,
    ))!;
  }

  /**
   * The facts behind each case's referral reasons: its latest DASH is high risk; three or more incidents in the
   * last twelve months; and the same victim and subject (CasesRepository.sameVictimAndSubjectSql) referred to a
   * MARAC in the twelve months before its latest incident, where the viewer's agency may know of the referral
   * (a MARAC it attends, or a case it owns).
   */
  referralFacts(
    db: Database,
    ctx: RequestContext,
    caseIds: readonly string[],
  ): Promise<{ id: string; dash: boolean; escalation: boolean; repeat: boolean }[]> {
    const params = new SqlParams();
    const ids = params.add(caseIds);
    const agency = params.add(ctx.user?.agencyId ?? null);
    return rows(
      db,
      `SELECT c.id,
              ${DashRepository.latestHighRiskSql('c.id')} AS dash,
              ${IncidentsRepository.countSinceSql('c.id', '12 months')} >= 3 AS escalation,
              latest.at IS NOT NULL AND EXISTS (
                SELECT 1
                  FROM (${CasesRepository.sameVictimAndSubjectSql(ctx, 'c.id', 'c', params)}) same
                  JOIN agenda_items ai ON ai.case_id = same.case_id AND ai.withdrawn_at IS NULL
                  JOIN meetings m ON m.id = ai.meeting_id AND m.kind = 'MARAC'
                  ${CasesRepository.ownerJoinSql('rc', 'ai.case_id')}
                 WHERE ai.referred_at <= latest.at AND ai.referred_at > latest.at - interval '12 months'
                   AND (rc.owner_agency_id = ${agency}::uuid
                        OR EXISTS (SELECT 1 FROM meeting_agencies ma WHERE ma.meeting_id = m.id AND ma.agency_id = ${agency}::uuid))
              ) AS repeat
         FROM ${CasesRepository.amongIdsSql('c', ids)}
         LEFT JOIN LATERAL (${IncidentsRepository.latestAtSql('c.id')}) latest ON true`,
      params.values,
    );
  }

  // for case-reviews

  /** When the review `reviewAlias` was held: the earliest CASE_REVIEW meeting since it was received that heard its case and has started. */
  static caseReviewHeldAtSql(reviewAlias: string): string {
    const r = reviewAlias;
    // The meeting the application was linked to (issue 19), once started; else the earliest that heard its case.
    return `coalesce((SELECT m.starts_at FROM meetings m WHERE m.id = ${r}.meeting_id AND m.starts_at <= now()),
            (SELECT min(m.starts_at) FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id AND m.kind = 'CASE_REVIEW'
              WHERE i.case_id = ${r}.case_id AND i.withdrawn_at IS NULL AND m.starts_at >= ${r}.received_at AND m.starts_at <= now()))`;
  }
}
