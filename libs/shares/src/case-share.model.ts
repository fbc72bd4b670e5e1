import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ShareAccess } from '#libs/common';

@ObjectType({ description: 'A case disclosed to a partner agency, at FULL or LIMITED access, on a recorded basis' })
export class CaseShare {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field(() => ShareAccess)
  access: ShareAccess;

  @Field(() => String, { nullable: true, description: 'The information-sharing basis; only the owner agency reads it' })
  reason: string | null;

  @Field()
  sharedAt: Date;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => [String])
  redactedFields: string[];

  agencyId: string;
}

export interface CaseShareRow {
  id: string;
  case_id: string;
  agency_id: string;
  access: ShareAccess;
  reason: string;
  shared_at: Date;
  revoked_at: Date | null;
}
