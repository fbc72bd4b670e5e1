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
