import { Injectable } from '@nestjs/common';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import { accessibleSql, readableFieldSql } from '#libs/access';
import { CasesRepository, type CaseViewer, matchKey, nameOrAliasIsSql } from '#libs/cases';
import type { CaseCategory } from '#libs/common';
import type { IntakeChannel, IntakeRow, IntakeStatus } from './intake.model.js';

/**
 * A declined report never becomes a case, so no case's retention reaches it: it is due once the period has passed
 * since it was declined. `$1` is the agency, `$2` the cut-off.
 */
const DECLINED_DUE = `agency_id = $1 AND status = 'DECLINED' AND decided_at < $2 AND summary <> '${REMOVED_BY_RETENTION}'`;

/** What the report was about (category, ward, channel, dates) stays for the figures; who and what was said go. */
const ANONYMISED = `summary = '${REMOVED_BY_RETENTION}', address = NULL, reporter_name = NULL, reporter_phone = NULL, subject_name = NULL,
  decline_reason = NULL`;

/** The columns every read of the table answers, in the row type's names. */
export const INTAKE_COLUMNS = `r.id, r.agency_id, r.received_at, r.channel, r.category, r.summary, r.ward, r.address, r.reporter_name,
  r.reporter_phone, r.anonymous, r.subject_name, r.status, r.decline_reason, r.case_id`;

/** Names and addresses compared as people type them: case and spacing aside. Phones by their digits. */
const digits = (column: string) => `regexp_replace(${column}, '\\D', '', 'g')`;

/** The only code that names the intake_reports table. */
@Injectable()
export class IntakeRepository {
  // anonymising, for retention

  /** The reports that became these cases. */
  @AnonymisesCases({ tables: ['intake_reports'] })
  anonymiseReportsOfCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `UPDATE intake_reports SET ${ANONYMISED} WHERE case_id = ANY($1)`, [caseIds]);
  }

  /** How many of the agency's declined reports are due, declined before `declinedBefore`. */
  async countDeclinedDue(db: Database, agencyId: string, declinedBefore: Date): Promise<number> {
    const row = await one<{ declined: number }>(
      db,
      `SELECT count(*)::int AS declined FROM intake_reports WHERE ${DECLINED_DUE}`,
      [agencyId, declinedBefore],
    );
    return row!.declined;
  }

  anonymiseDeclinedDue(db: Database, agencyId: string, declinedBefore: Date): Promise<number> {
    return exec(db, `UPDATE intake_reports SET ${ANONYMISED} WHERE ${DECLINED_DUE}`, [agencyId, declinedBefore]);
  }

  async insert(
    db: Database,
    report: {
      agencyId: string;
      receivedAt: Date | null;
      channel: IntakeChannel;
      category: CaseCategory;
      summary: string;
      ward: string;
      address: string | null;
      reporterName: string | null;
      reporterPhone: string | null;
      anonymous: boolean;
      subjectName: string | null;
      loggedById: string;
    },
  ): Promise<IntakeRow> {
    const row = await one<IntakeRow>(
      db,
      `INSERT INTO intake_reports AS r (agency_id, received_at, channel, category, summary, ward, address, reporter_name, reporter_phone, anonymous, subject_name, logged_by_id)
       VALUES ($1, coalesce($2, now()), $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${INTAKE_COLUMNS}`,
      [
        report.agencyId,
        report.receivedAt,
        report.channel,
        report.category,
        report.summary,
        report.ward,
        report.address,
        report.reporterName,
        report.reporterPhone,
        report.anonymous,
        report.subjectName,
        report.loggedById,
      ],
    );
    return row!;
  }

  /** The viewer's reports waiting for a decision, oldest first (at most 500). */
  findWaiting(db: Database, viewer: CaseViewer): Promise<IntakeRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(viewer.ability, 'read', 'IntakeReport', 'r', params);
    return rows<IntakeRow>(
      db,
      `SELECT ${INTAKE_COLUMNS} FROM intake_reports r WHERE r.status = 'NEW' AND ${scope} ORDER BY r.received_at, r.id LIMIT 500`,
      params.values,
    );
  }

  /** A report the viewer may decide, locked until the transaction ends; undefined when it is not theirs. */
  findDecidableForUpdate(db: Database, viewer: CaseViewer, id: string): Promise<IntakeRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(id);
    const scope = accessibleSql(viewer.ability, 'update', 'IntakeReport', 'r', params);
    return one<IntakeRow>(
      db,
      `SELECT ${INTAKE_COLUMNS} FROM intake_reports r WHERE r.id = ${idParam}::uuid AND ${scope} FOR UPDATE`,
      params.values,
    );
  }

  async decide(
    db: Database,
    id: string,
    decision: { status: IntakeStatus; caseId: string | null; reason: string | null; decidedById: string },
  ): Promise<IntakeRow> {
    const row = await one<IntakeRow>(
      db,
      `UPDATE intake_reports r SET status = $2, case_id = $3, decline_reason = $4, decided_at = now(), decided_by_id = $5 WHERE r.id = $1
       RETURNING ${INTAKE_COLUMNS}`,
      [id, decision.status, decision.caseId, decision.reason, decision.decidedById],
    );
    return row!;
  }

  /**
   * Repeat callers, victims and places for the report, from the agency's reports and the cases the viewer may
   * see over the last 12 months. A case's name, phone or address is compared only where the viewer may read it.
   */
  async repeats(
    db: Database,
    viewer: CaseViewer,
    reportId: string,
  ): Promise<{ caller: boolean; victim: boolean; place: boolean } | undefined> {
    const params = new SqlParams();
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    const agencyId = viewer.user?.agencyId ?? null;
    const party = { alias: 'p', caseAlias: 'c', agencyId };
    const name = readableFieldSql(viewer.ability, 'Party', 'fullName', party, params);
    const phone = readableFieldSql(viewer.ability, 'Party', 'phone', party, params);
    const address = readableFieldSql(
      viewer.ability,
      'Case',
      'address',
      { alias: 'c', caseAlias: 'c', agencyId },
      params,
    );
    const id = params.add(reportId);
    return one<{ caller: boolean; victim: boolean; place: boolean }>(
      db,
      `SELECT
         EXISTS (SELECT 1 FROM intake_reports o WHERE o.agency_id = r.agency_id AND o.id <> r.id
                  AND o.received_at > r.received_at - interval '12 months' AND o.received_at <= r.received_at
                  AND ((r.reporter_name IS NOT NULL AND ${matchKey('o.reporter_name')} = ${matchKey('r.reporter_name')})
                    OR (${digits('r.reporter_phone')} <> '' AND ${digits('o.reporter_phone')} = ${digits('r.reporter_phone')}))) AS caller,
         EXISTS (SELECT 1 FROM ${CasesRepository.partiesOnCasesSql('p', 'c')}
                  WHERE p.role IN ('VICTIM','COMPLAINANT') AND ${scope}
                    AND ((r.reporter_name IS NOT NULL AND ${nameOrAliasIsSql('p', 'r.reporter_name')} AND ${name})
                      OR (${digits('r.reporter_phone')} <> '' AND ${digits('p.phone')} = ${digits('r.reporter_phone')} AND ${phone}))) AS victim,
         r.address IS NOT NULL AND (
           EXISTS (SELECT 1 FROM intake_reports o WHERE o.agency_id = r.agency_id AND o.id <> r.id
                    AND o.received_at > r.received_at - interval '12 months' AND ${matchKey('o.address')} = ${matchKey('r.address')})
           OR EXISTS (SELECT 1 FROM ${CasesRepository.tableAs('c')} WHERE ${scope} AND c.opened_at > r.received_at - interval '12 months'
                       AND ${matchKey('c.address')} = ${matchKey('r.address')} AND ${address})) AS place
       FROM intake_reports r WHERE r.id = ${id}::uuid`,
      params.values,
    );
  }
}
