import { addWorkingDays, ClockState, clockState, DAY_MS } from '#libs/common';
import { type ServiceClock, ServiceStandard } from './service-standard.model.js';


/** What the clocks of one case are worked out from: one row of `caseFactsSql`. */
export interface CaseFacts {
  id: string;
  owner_agency_id: string;
  opened_at: Date;
  closed_at: Date | null;
  contact_working_days: number;
  action_plan_working_days: number;
  /** A complainant or victim is recorded; an anonymous report has nobody to contact. */
  has_reporter: boolean;
  first_contact_at: Date | null;
  last_contact_at: Date | null;
  first_plan_at: Date | null;
  plan_agreed_at: Date | null;
  update_every_days: number | null;
  review_due_at: Date | null;
  assessed_at: Date | null;
}

/**
 * Every case's facts, from one statement: the owner agency's standards (or the defaults), the first and
 * latest contact, the first and current action plan, and the latest risk assessment, DASH or matrix.
 * `where` may use `c` (the case), `s` (its owner's standards), `lk.at` (its latest contact) and `lp` / `la`
 * (its current plan, its latest assessment).
 */
export function caseFactsSql(where: string): string {
  return `SELECT c.id, c.owner_agency_id, c.opened_at, c.closed_at,
                 coalesce(s.contact_working_days, 1) AS contact_working_days,
                 coalesce(s.action_plan_working_days, 10) AS action_plan_working_days,
                 EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role IN ('COMPLAINANT', 'VICTIM')) AS has_reporter,
                 (SELECT min(k.contacted_at) FROM contacts k WHERE k.case_id = c.id) AS first_contact_at,
                 lk.at AS last_contact_at,
                 (SELECT min(p.agreed_at) FROM action_plans p WHERE p.case_id = c.id) AS first_plan_at,
                 lp.agreed_at AS plan_agreed_at, lp.update_every_days,
                 la.review_due_at, la.assessed_at
            FROM cases c
            LEFT JOIN service_standards s ON s.agency_id = c.owner_agency_id
            LEFT JOIN LATERAL (SELECT max(k.contacted_at) AS at FROM contacts k WHERE k.case_id = c.id) lk ON true
            LEFT JOIN LATERAL (SELECT p.agreed_at, p.update_every_days FROM action_plans p WHERE p.case_id = c.id
                                ORDER BY p.agreed_at DESC, p.id DESC LIMIT 1) lp ON true
            LEFT JOIN LATERAL (SELECT a.review_due_at, a.assessed_at FROM (
                                 SELECT d.review_due_at, d.assessed_at FROM dash_assessments d WHERE d.case_id = c.id
                                 UNION ALL
                                 SELECT m.review_due_at, m.assessed_at FROM asb_risk_assessments m WHERE m.case_id = c.id) a
                                ORDER BY a.assessed_at DESC LIMIT 1) la ON true
           WHERE ${where}`;
}

/** A one-off deadline; on a closed case, one never done is breached. */
function once(standard: ServiceStandard, dueAt: Date, doneAt: Date | null, closedAt: Date | null, now: number): ServiceClock {
  const state = !doneAt && closedAt ? ClockState.BREACHED : clockState(dueAt, doneAt, closedAt?.getTime() ?? now);
  return { standard, state, dueAt, doneAt };
}

/** A repeating deadline, judged on its current period: met if the case closed inside it. */
function current(standard: ServiceStandard, dueAt: Date, doneAt: Date | null, closedAt: Date | null, now: number): ServiceClock {
  const end = closedAt?.getTime() ?? now;
  const state = end > dueAt.getTime() ? ClockState.BREACHED : closedAt ? ClockState.MET : ClockState.DUE;
  return { standard, state, dueAt, doneAt };
}

/**
 * The service standards of one case, in one place for the case page, the breach alerts and the figures.
 * Standards about the reporter apply only when there is a reporter; the update standard starts with the
 * first action plan; the risk review with the first assessment.
 */
export function clocksOf(facts: CaseFacts, now = Date.now()): ServiceClock[] {
  const clocks: ServiceClock[] = [];
  const closedAt = facts.closed_at;
  if (facts.has_reporter) {
    clocks.push(once(ServiceStandard.CONTACT_REPORTER, addWorkingDays(facts.opened_at, facts.contact_working_days), facts.first_contact_at, closedAt, now));
    clocks.push(once(ServiceStandard.ACTION_PLAN_AGREED, addWorkingDays(facts.opened_at, facts.action_plan_working_days), facts.first_plan_at, closedAt, now));
    if (facts.plan_agreed_at && facts.update_every_days) {
      const lastUpdate = facts.last_contact_at && facts.last_contact_at > facts.plan_agreed_at ? facts.last_contact_at : null;
      const from = lastUpdate ?? facts.plan_agreed_at;
      clocks.push(current(ServiceStandard.REPORTER_UPDATED, new Date(from.getTime() + facts.update_every_days * DAY_MS), lastUpdate, closedAt, now));
    }
  }
  if (facts.review_due_at) clocks.push(current(ServiceStandard.RISK_REVIEWED, facts.review_due_at, facts.assessed_at, closedAt, now));
  return clocks;
}

