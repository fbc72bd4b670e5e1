import type { EntityManager } from 'typeorm';
import { caseReviewDeadlines, tellDeadline } from '#libs/case-reviews';
import { AgencyKind, DAY_MS, Role } from '#libs/common';
import type { DemoSignIn } from './demo-partnership.js';

/** The council ASB unit's single point of contact for ASB Case Reviews (issue 19, item 1). */
export const DEMO_CASE_REVIEW_SPOC: DemoSignIn = {
  email: 'case-review-spoc@riverside-asb.example',
  displayName: 'Priya Lennox',
  agency: 'Riverside Council ASB Unit',
  agencyKind: AgencyKind.COUNCIL,
  roles: [Role.CASE_REVIEW_SPOC],
};

/** The statutory defaults (CASE_REVIEW_*_DAYS), as the portal started without them set would count. */
const DEFAULT_DAYS = { acknowledgeDays: 5, decideDays: 10, meetDays: 25 };
const DEFAULT_TELL_DAYS = 30;

/**
 * An ASB Case Review in progress: the victim of the council ASB unit's first open nuisance case applied twelve
 * days ago; the SPOC acknowledged it and decided the threshold met, and a Case Review panel chaired by the
 * unit's MARAC chair meets next week with the landlord and the police attending.
 */
export async function seedDemoCaseReview(
  db: EntityManager,
  people: { asb: string; homes: string; police: string; spoc: string; chair: string; coordinator: string },
): Promise<void> {
  const [kase]: { id: string; victim: string | null }[] = await db.query(
    `SELECT c.id, (SELECT p.full_name FROM parties p WHERE p.case_id = c.id AND p.role IN ('VICTIM', 'COMPLAINANT')
                    ORDER BY p.position LIMIT 1) AS victim
       FROM cases c WHERE c.owner_agency_id = $1 AND c.status = 'OPEN' AND c.category <> 'DOMESTIC_ABUSE'
      ORDER BY c.opened_at LIMIT 1`,
    [people.asb],
  );
  if (!kase) return;
  const receivedAt = new Date(Date.now() - 12 * DAY_MS);
  const due = caseReviewDeadlines(receivedAt, DEFAULT_DAYS);
  const [meeting]: { id: string }[] = await db.query(
    `INSERT INTO meetings (kind, title, starts_at, chair_id, scheduled_by_id)
     VALUES ('CASE_REVIEW', 'Riverside ASB Case Review panel', date_trunc('day', now()) + interval '7 days 14 hours', $1, $2)
     RETURNING id`,
    [people.chair, people.coordinator],
  );
  await db.query(`INSERT INTO meeting_agencies (meeting_id, agency_id) SELECT $1, unnest($2::uuid[])`, [
    meeting.id,
    [people.asb, people.homes, people.police],
  ]);
  const [review]: { id: string }[] = await db.query(
    `INSERT INTO case_reviews (case_id, received_at, acknowledge_by, decide_by, meet_by, tell_by, requested_by_id, requested_at,
                               acknowledged_at, decided_at, threshold_met, decision_reason, spoc_agency_id, applicant_name,
                               applicant_contact, third_party, meeting_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $2, $2::timestamptz + interval '2 days', $2::timestamptz + interval '6 days', true,
             'Four complaints to the council and the landlord in the last six months about the same household.',
             $8, $9, '07700 900414, weekday evenings; prefers a call to a letter', false, $10)
     RETURNING id`,
    [
      kase.id,
      receivedAt,
      due.acknowledgeBy,
      due.decideBy,
      due.meetBy,
      tellDeadline(receivedAt, DEFAULT_TELL_DAYS),
      people.spoc,
      people.asb,
      kase.victim ?? 'The victim',
      meeting.id,
    ],
  );
  await db.query(
    `INSERT INTO case_review_cases (review_id, case_id, linked_at, linked_by_id, spoc_agency_id) VALUES ($1, $2, $3, $4, $5)`,
    [review.id, kase.id, receivedAt, people.spoc, people.asb],
  );
}
