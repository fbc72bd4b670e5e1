import { liveShareAgencyIdsSql } from '#libs/access';
import { ACTION_KINDS, REVIEW_KINDS } from '#libs/alerts';
import { MeetingsRepository } from '#libs/meetings';

const ACTION_KIND_LIST = [...ACTION_KINDS].map((kind) => `'${kind}'`).join(', ');
const REVIEW_KIND_LIST = [...REVIEW_KINDS].map((kind) => `'${kind}'`).join(', ');

/**
 * `recipientsOf` (alert-feed.rules.ts) in SQL, for the consumers that decide a batch's recipients in one statement
 * however many people they reach (email): the agencies the alert `a` (its case joined as `c`, which may be missing)
 * goes to now, as a uuid array. A meeting's own alert goes to its attending agencies; an action's only to the agency
 * that owns it, if that agency holds the case or attends the meeting the action came from; a Case Review's to the
 * owner and the application's agency (REVIEW_KINDS); any other to the owner
 * and the live shares; a case that is gone to nobody. test/alert-recipients.e2e-spec.ts holds the two forms to the
 * same answers.
 */
export const recipientAgenciesSql = (a: string, c: string): string => `
  CASE WHEN ${a}.case_id IS NULL THEN ${MeetingsRepository.attendingAgencyIdsSql(`${a}.meeting_id`)}
       WHEN ${c}.id IS NULL THEN '{}'::uuid[]
       WHEN ${a}.kind IN (${ACTION_KIND_LIST}) THEN
         CASE WHEN ${a}.target_agency_id = ${c}.owner_agency_id
                OR ${a}.target_agency_id = ANY(${liveShareAgencyIdsSql(c)})
                OR (${a}.meeting_id IS NOT NULL
                    AND ${a}.target_agency_id = ANY(${MeetingsRepository.attendingAgencyIdsSql(`${a}.meeting_id`)}))
              THEN ARRAY[${a}.target_agency_id] ELSE '{}'::uuid[] END
       WHEN ${a}.kind IN (${REVIEW_KIND_LIST}) THEN
         CASE WHEN ${a}.target_agency_id IS NULL OR ${a}.target_agency_id = ${c}.owner_agency_id THEN ARRAY[${c}.owner_agency_id]
              ELSE ARRAY[${c}.owner_agency_id, ${a}.target_agency_id] END
       ELSE array_prepend(${c}.owner_agency_id, ${liveShareAgencyIdsSql(c)}) END`;
