import { Injectable } from '@nestjs/common';
import { ActionPlansRepository } from '#libs/action-plans';
import { AsbRiskRepository } from '#libs/asb-risk';
import { CasesRepository } from '#libs/cases';
import { ContactsRepository } from '#libs/contacts';
import { DashRepository } from '#libs/dash';
import { type Database, one, rows } from '#libs/db';
import type { ServiceStandard, ServiceStandards } from './service-standard.model.js';
import type { ServiceStandardsInput } from './service-standards.inputs.js';
import type { CaseFacts } from './service-standards.rules.js';

const STANDARD_COLUMNS = `contact_working_days AS "contactWorkingDays", action_plan_working_days AS "actionPlanWorkingDays", homes`;

/** A deadline of one case in breach, to be alerted once. */
export interface Breach {
  caseId: string;
  standard: ServiceStandard;
  dueAt: Date;
}

/**
 * Every case's facts, from one statement: the owner agency's standards (or the defaults), the first and
 * latest contact, the first and current action plan, and the latest risk assessment, DASH or matrix.
 * `where` may use `c` (the case), `s` (its owner's standards), `lk.at` (its latest contact) and `lp` / `la`
 * (its current plan, its latest assessment).
 */
function caseFactsSql(where: string): string {
  return `SELECT c.id, c.owner_agency_id, c.opened_at, c.closed_at,
                 coalesce(s.contact_working_days, 1) AS contact_working_days,
                 coalesce(s.action_plan_working_days, 10) AS action_plan_working_days,
                 ${CasesRepository.hasReporterSql('c.id')} AS has_reporter,
                 ${ContactsRepository.firstContactAtSql('c.id')} AS first_contact_at,
                 lk.at AS last_contact_at,
                 ${ActionPlansRepository.firstAgreedAtSql('c.id')} AS first_plan_at,
                 lp.agreed_at AS plan_agreed_at, lp.update_every_days,
                 la.review_due_at, la.assessed_at
            FROM ${CasesRepository.tableAs('c')}
            LEFT JOIN service_standards s ON s.agency_id = c.owner_agency_id
            LEFT JOIN LATERAL ${ContactsRepository.latestContactSql('c.id')} lk ON true
            LEFT JOIN LATERAL ${ActionPlansRepository.currentPlanSql('c.id')} lp ON true
            LEFT JOIN LATERAL (SELECT a.review_due_at, a.assessed_at FROM (
                                 ${DashRepository.reviewDatesSql('c.id')}
                                 UNION ALL
                                 ${AsbRiskRepository.reviewDatesSql('c.id')}) a
                                ORDER BY a.assessed_at DESC LIMIT 1) la ON true
           WHERE ${where}`;
}

const contactDue = 'c.opened_at + make_interval(days => coalesce(s.contact_working_days, 1))';
const planDue = 'c.opened_at + make_interval(days => coalesce(s.action_plan_working_days, 10))';

/** The only code that names the service_standards and service_standard_alerts tables; other libraries call it. */
@Injectable()
export class ServiceStandardsRepository {
  /** The agency's standards as it set them; undefined until it does. */
  ofAgency(db: Database, agencyId: string): Promise<ServiceStandards | undefined> {
    return one(db, `SELECT ${STANDARD_COLUMNS} FROM service_standards WHERE agency_id = $1`, [agencyId]);
  }

  /** Sets the agency's standards; homes left undefined keep what they were, null clears them. */
  async save(db: Database, agencyId: string, input: ServiceStandardsInput, userId: string): Promise<ServiceStandards> {
    const row = await one<ServiceStandards>(
      db,
      `INSERT INTO service_standards (agency_id, contact_working_days, action_plan_working_days, homes, updated_by_id, updated_at)
       VALUES ($1, $2, $3, $4, $5, now())
       ON CONFLICT (agency_id) DO UPDATE SET contact_working_days = EXCLUDED.contact_working_days,
         action_plan_working_days = EXCLUDED.action_plan_working_days,
         homes = CASE WHEN $6 THEN EXCLUDED.homes ELSE service_standards.homes END, updated_by_id = EXCLUDED.updated_by_id, updated_at = now()
       RETURNING ${STANDARD_COLUMNS}`,
      [
        agencyId,
        input.contactWorkingDays,
        input.actionPlanWorkingDays,
        input.homes ?? null,
        userId,
        input.homes !== undefined,
      ],
    );
    return row!;
  }

  /** The facts of the cases asked for (those `db` may read). */
  factsOf(db: Database, caseIds: readonly string[]): Promise<CaseFacts[]> {
    return rows(db, caseFactsSql('c.id = ANY($1::uuid[])'), [caseIds]);
  }

  /** The facts of the agency's own open cases. */
  factsOfOpenCasesOwnedBy(db: Database, agencyId: string): Promise<CaseFacts[]> {
    return rows(db, caseFactsSql(`c.owner_agency_id = $1 AND c.status = 'OPEN'`), [agencyId]);
  }

  /**
   * The facts of the cases opened from `from` to `to` (placeholders among `params`) among `visibleSql`, a
   * statement over the cases (their `id` and `opened_at`) that `params` complete.
   */
  factsOfCasesOpenedIn(
    db: Database,
    visibleSql: string,
    params: unknown[],
    from: string,
    to: string,
  ): Promise<CaseFacts[]> {
    return rows(
      db,
      `WITH visible AS MATERIALIZED (${visibleSql})
       ${caseFactsSql(`c.id IN (SELECT id FROM visible WHERE opened_at >= ${from} AND opened_at < ${to})`)}`,
      params,
    );
  }

  /**
   * Open cases that could be in breach at `now` and not yet alerted for that deadline, oldest first, at most
   * 1,000: a working-day deadline is never sooner than the same number of calendar days, so the clocks decide.
   */
  breachCandidates(db: Database, now: Date): Promise<CaseFacts[]> {
    return rows(
      db,
      caseFactsSql(`c.status = 'OPEN' AND (
            (NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'CONTACT_REPORTER')
             AND c.opened_at < $1::timestamptz - make_interval(days => coalesce(s.contact_working_days, 1))
             AND NOT ${ContactsRepository.contactedBySql('c.id', contactDue)})
         OR (NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'ACTION_PLAN_AGREED')
             AND c.opened_at < $1::timestamptz - make_interval(days => coalesce(s.action_plan_working_days, 10))
             AND NOT ${ActionPlansRepository.agreedBySql('c.id', planDue)})
         OR (lp.agreed_at IS NOT NULL
             AND greatest(lp.agreed_at, lk.at) + make_interval(days => lp.update_every_days) < $1
             AND NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'REPORTER_UPDATED'
                              AND x.due_at = greatest(lp.agreed_at, lk.at) + make_interval(days => lp.update_every_days)))
         OR (la.review_due_at < $1
             AND NOT EXISTS (SELECT 1 FROM service_standard_alerts x WHERE x.case_id = c.id AND x.standard = 'RISK_REVIEWED' AND x.due_at = la.review_due_at)))
         ORDER BY c.opened_at LIMIT 1000`),
      [now],
    );
  }

  /** Claims each breach for alerting; answers those no other pass claimed first. */
  claimBreaches(
    db: Database,
    breaches: Breach[],
  ): Promise<{ case_id: string; standard: ServiceStandard; due_at: Date }[]> {
    return rows(
      db,
      `INSERT INTO service_standard_alerts (case_id, standard, due_at)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])
         ON CONFLICT DO NOTHING RETURNING case_id, standard, due_at`,
      [breaches.map((b) => b.caseId), breaches.map((b) => b.standard), breaches.map((b) => b.dueAt)],
    );
  }

  // for reports
  /** The homes the agency `agencyParam` names manages, as a scalar subquery; null when not set. */
  static homesSql(agencyParam: string): string {
    return `(SELECT homes FROM service_standards WHERE agency_id = ${agencyParam}::uuid)`;
  }
}
