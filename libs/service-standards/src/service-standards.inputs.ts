import { Field, InputType, Int } from '@nestjs/graphql';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

@InputType({ description: "An agency's service standards" })
export class ServiceStandardsInput {
  @Field(() => Int, { description: '1–10 working days' })
  @IsInt()
  @Min(1)
  @Max(10)
  contactWorkingDays: number;

  @Field(() => Int, { description: '1–40 working days' })
  @IsInt()
  @Min(1)
  @Max(40)
  actionPlanWorkingDays: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Homes the agency manages (landlords), 1–10,000,000; omitted, unchanged; null clears it',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  homes?: number | null;
}
