import { Field, ObjectType, Int } from '@nestjs/graphql';
import { Case } from '#libs/cases';

@ObjectType({ description: 'A legal hold: while it stands, retention leaves the case whole' })
export class LegalHold {
  @Field()
  reason: string;

  @Field()
  placedAt: Date;

  @Field()
  placedBy: string;
}

@ObjectType({ description: 'A closed case past its retention period' })
export class RetentionCandidate {
  @Field(() => Case)
  case: Case;

  @Field()
  closedAt: Date;

  @Field(() => LegalHold, { nullable: true, description: 'Set when a legal hold keeps the case whole' })
  legalHold: LegalHold | null;
}

@ObjectType({
  description:
    "The dry run: your agency's closed cases past the retention period, those that would be anonymised now and those a legal hold keeps",
})
export class RetentionReview {
  @Field(() => Int)
  retentionYears: number;

  @Field({ description: 'Cases closed before this are past the period' })
  closedBefore: Date;

  @Field(() => [RetentionCandidate], {
    description: 'What applying retention now would anonymise, oldest closure first',
  })
  due: RetentionCandidate[];

  @Field(() => [RetentionCandidate], { description: 'Past the period, but kept whole by a legal hold' })
  held: RetentionCandidate[];

  @Field(() => Int, {
    description: 'Declined reports past the period since they were declined, which applying retention anonymises too',
  })
  declinedReportsDue: number;
}

export interface LegalHoldRow {
  case_id: string;
  reason: string;
  placed_at: Date;
  placed_by: string;
}

export const toLegalHold = (row: LegalHoldRow): LegalHold => ({
  reason: row.reason,
  placedAt: row.placed_at,
  placedBy: row.placed_by,
});
