import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { type PortalAbility, readGovernedFields, redact, type Relation } from '#libs/access';
import { ClockState, clockState } from '#libs/common';
import type { CaseReviewRow } from './case-reviews.repository.js';

@ObjectType({
  description:
    'Whether the ASB Case Review threshold is met for the victims and complainants of a case, counted over the cases where the reader may read the same person’s name',
})
export class CaseReviewThreshold {
  @Field(() => Int, {
    description: 'Qualifying complaints in the window; one incident reported to several agencies counts once',
  })
  complaints: number;

  @Field(() => Int)
  threshold: number;

  @Field(() => Int)
  windowMonths: number;

  @Field()
  met: boolean;

  @Field({ description: 'From the second complaint: tell the victim they may ask for an ASB Case Review' })
  tellVictimAboutReview: boolean;
}

@ObjectType({ description: 'One step of a statutory clock' })
export class ClockStep {
  @Field()
  dueAt: Date;

  @Field(() => Date, { nullable: true })
  doneAt: Date | null;

  @Field(() => ClockState)
  state: ClockState;
}

@ObjectType({ description: 'An ASB Case Review application, with its clock in working days (England and Wales)' })
export class CaseReview {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  receivedAt: Date;

  @Field(() => ClockStep)
  acknowledge: ClockStep;

  @Field(() => ClockStep, { description: 'Deciding whether the threshold is met' })
  decide: ClockStep;

  @Field(() => ClockStep, {
    description: 'Holding the review: done when a CASE_REVIEW meeting with the case on its agenda has started',
  })
  meet: ClockStep;

  @Field(() => Boolean, { nullable: true })
  thresholdMet: boolean | null;

  @Field(() => String, { nullable: true, description: 'Why the threshold was or was not met: owner and FULL shares' })
  decisionReason: string | null;

  @Field(() => [String], { description: 'Fields you may not read on this application (null above)' })
  redactedFields: string[];
}

export function step(dueAt: Date, doneAt: Date | null, now = Date.now()): ClockStep {
  return { dueAt, doneAt, state: clockState(dueAt, doneAt, now) };
}

const REVIEW_GOVERNED = readGovernedFields('CaseReview');

/** The application as this reader may see it: the decision's reasons only where the policy table allows. */
export function toCaseReview(ability: PortalAbility, relation: Relation, row: CaseReviewRow): CaseReview {
  const view: CaseReview = {
    id: row.id,
    caseId: row.case_id,
    receivedAt: row.received_at,
    acknowledge: step(row.acknowledge_by, row.acknowledged_at),
    decide: step(row.decide_by, row.decided_at),
    meet: step(row.meet_by, row.met_at),
    thresholdMet: row.threshold_met,
    decisionReason: row.decision_reason,
    redactedFields: [],
  };
  return redact(ability, 'CaseReview', view, { access: relation }, REVIEW_GOVERNED);
}
