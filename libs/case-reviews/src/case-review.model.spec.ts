import { describe, expect, it } from '@jest/globals';
import { defineAbilityFor, type Relation } from '#libs/access';
import { AgencyKind, Role } from '#libs/common';
import { relationToReview, toCaseReview } from './case-review.model.js';
import type { CaseReviewRow } from './case-reviews.repository.js';

const SPOC_AGENCY = '11111111-1111-4111-8111-111111111111';
const OWNER_AGENCY = '22222222-2222-4222-8222-222222222222';
const OTHER_AGENCY = '33333333-3333-4333-8333-333333333333';
const at = new Date('2026-11-16T10:00:00Z');

const row: CaseReviewRow = {
  id: 'r1',
  case_id: 'c1',
  received_at: at,
  requested_at: at,
  acknowledge_by: at,
  decide_by: at,
  meet_by: at,
  acknowledged_at: null,
  decided_at: null,
  met_at: null,
  threshold_met: true,
  decision_reason: 'Three complaints',
  spoc_agency_id: SPOC_AGENCY,
  applicant_name: 'Val Victim',
  applicant_contact: '07700 900123',
  applicant_relationship: null,
  third_party: false,
  consent_recorded_at: null,
  meeting_id: null,
  tell_by: at,
  conclusion: null,
  outcome_at: null,
  recommendation_action_ids: [],
  told_at: null,
  told_how: null,
  appeal_by: null,
  appealed_at: null,
  appeal_grounds: null,
  appeal_meeting_id: null,
  appeal_heard_by: null,
  appeal_upheld: null,
  appeal_outcome: null,
  appeal_decided_at: null,
  case_ids: ['c1'],
  linked_owner_agency_ids: [OWNER_AGENCY],
};

/** The caller's agency and its relation to the linked case, for each relation an agency may have to an application. */
const RELATIONS: { name: string; agencyId: string; caseRelation: Relation; reads: boolean }[] = [
  { name: 'the SPOC’s agency', agencyId: SPOC_AGENCY, caseRelation: 'FULL', reads: true },
  { name: 'the owner of a linked case', agencyId: OWNER_AGENCY, caseRelation: 'OWNER', reads: true },
  { name: 'a FULL share of a linked case', agencyId: OTHER_AGENCY, caseRelation: 'FULL', reads: false },
  { name: 'a LIMITED share of a linked case', agencyId: OTHER_AGENCY, caseRelation: 'LIMITED', reads: false },
];
const NO_CASE_ROLES = new Set<Role>([Role.ADMIN, Role.AGENCY_ADMIN]);

describe('who reads a Case Review applicant’s details', () => {
  it('is the SPOC’s agency and the linked cases’ owners, for every role of casework, every agency kind', () => {
    for (const role of Object.values(Role)) {
      for (const kind of Object.values(AgencyKind)) {
        for (const relation of RELATIONS) {
          const ability = defineAbilityFor({
            id: 'u1',
            email: 'u1@x.test',
            displayName: 'U',
            agencyId: relation.agencyId,
            agencyKind: kind,
            roles: [role],
          });
          const view = toCaseReview(
            ability,
            relationToReview(relation.agencyId, relation.caseRelation, row),
            row,
            at.getTime(),
          );
          const reads = relation.reads && !NO_CASE_ROLES.has(role);
          const label = `${role} at ${kind}, ${relation.name}`;
          expect([label, view.applicantName, view.applicantContact]).toEqual(
            reads ? [label, 'Val Victim', '07700 900123'] : [label, null, null],
          );
          expect([label, view.redactedFields.includes('applicantName')]).toEqual([label, !reads]);
          // Taking the steps: the SPOC themself at the SPOC's agency, or any caseworker of a linked case's owner.
          const processes =
            !NO_CASE_ROLES.has(role) &&
            (relation.agencyId === OWNER_AGENCY ||
              (relation.agencyId === SPOC_AGENCY && role === Role.CASE_REVIEW_SPOC));
          expect([label, view.viewerCanProcess]).toEqual([label, processes]);
        }
      }
    }
  });

  it('is nobody through a partner system’s key', () => {
    const ability = defineAbilityFor({
      id: 'k1',
      email: 'k1@x.test',
      displayName: 'Key',
      agencyId: OWNER_AGENCY,
      agencyKind: AgencyKind.LANDLORD,
      roles: [Role.CASEWORKER],
      apiKey: { id: 'k1', readOnly: true },
    });
    expect(toCaseReview(ability, 'OWNER', row).applicantName).toBeNull();
  });
});
