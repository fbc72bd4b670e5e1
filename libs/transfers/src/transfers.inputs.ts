import { Field, ID, InputType } from '@nestjs/graphql';
import { IsEnum, IsOptional, IsString } from 'class-validator';
import { KeptShare } from './case-transfer.model.js';

@InputType({ description: 'An offer of your agency’s case to another agency, which its managers accept or decline' })
export class OfferCaseTransferInput {
  @Field(() => ID)
  @IsString()
  caseId: string;

  @Field(() => ID, { description: 'The agency that would own the case' })
  @IsString()
  agencyId: string;

  @Field({ description: 'Why: 3–2,000 characters' })
  @IsString()
  reason: string;

  @Field(() => KeptShare, { nullable: true, description: 'What your agency keeps once accepted; FULL unless chosen' })
  @IsOptional()
  @IsEnum(KeptShare)
  keep?: KeptShare | null;
}
