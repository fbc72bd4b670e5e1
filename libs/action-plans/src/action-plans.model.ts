import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '#libs/common';

@ObjectType({
  description:
    'An action plan agreed with the reporter: what the agency will do, what the reporter will do, and how often and how they will be updated. A new plan supersedes the last; every plan is kept.',
})
export class ActionPlan {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  agreedAt: Date;

  @Field({ description: 'Who the plan was agreed with, e.g. the reporter by name' })
  agreedWith: string;

  @Field(() => [String], { description: 'What the agency will do' })
  ourCommitments: string[];

  @Field(() => [String], { description: 'What the reporter will do, e.g. keep diary sheets' })
  reporterCommitments: string[];

  @Field(() => Int, { description: 'The reporter is updated at least this often, in days' })
  updateEveryDays: number;

  @Field(() => ContactChannel, { description: 'How the reporter wants to be updated' })
  updateChannel: ContactChannel;

  @Field()
  recordedAt: Date;
}

export interface ActionPlanRow {
  id: string;
  case_id: string;
  agreed_at: Date;
  agreed_with: string;
  our_commitments: string[];
  reporter_commitments: string[];
  update_every_days: number;
  update_channel: ContactChannel;
  recorded_at: Date;
}

export const ACTION_PLAN_COLUMNS = `p.id, p.case_id, p.agreed_at, p.agreed_with, p.our_commitments, p.reporter_commitments, p.update_every_days,
  p.update_channel, p.recorded_at`;

export const toActionPlan = (row: ActionPlanRow): ActionPlan => ({
  id: row.id,
  caseId: row.case_id,
  agreedAt: row.agreed_at,
  agreedWith: row.agreed_with,
  ourCommitments: row.our_commitments,
  reporterCommitments: row.reporter_commitments,
  updateEveryDays: row.update_every_days,
  updateChannel: row.update_channel,
  recordedAt: row.recorded_at,
});
