import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsDate,
  IsBoolean,
  IsEnum,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import {
  CaseCategory,
  CaseOutcome,
  CaseStatus,
  ContactChannel,
  IsAddress,
  IsPersonName,
  IsPhone,
  IsSummary,
  IsWard,
  PartyRole,
  RiskLevel,
  TenancyType,
} from '#libs/common';

/**
 * A finite amount with at most two decimal places. class-validator's `maxDecimalPlaces` reads the digits after a
 * '.' in the number's text and threw (an internal error) on a number JavaScript writes with an exponent (1e-7).
 */
const IsPoundsAndPence = (message: string) =>
  ValidateBy({
    name: 'isPoundsAndPence',
    validator: {
      validate: (v: unknown) => typeof v === 'number' && Number.isFinite(v) && Number(v.toFixed(2)) === v,
      defaultMessage: () => message,
    },
  });

/** A person's identifiers and tenancy information, as both a new party and a change to one take them. */
@InputType({ isAbstract: true })
abstract class PartyDetailsInput {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPersonName()
  fullName?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: "The person's other names as recorded on this case (governed like fullName); null clears them",
  })
  @IsOptional()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  aliases?: string[] | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAddress()
  address?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsPhone()
  phone?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  @Length(10, 10, { message: 'dateOfBirth must be a date (YYYY-MM-DD)' })
  dateOfBirth?: string | null;

  @Field(() => TenancyType, { nullable: true, description: 'Landlords and councils only' })
  @IsOptional()
  @IsEnum(TenancyType)
  tenancyType?: TenancyType | null;

  @Field(() => Float, { nullable: true, description: 'Rent arrears in pounds; landlords and councils only' })
  @IsOptional()
  @IsPoundsAndPence('rentArrears must be an amount in pounds and pence')
  @Min(0)
  @Max(10000000)
  rentArrears?: number | null;

  @Field(() => String, { nullable: true, description: 'Landlords and councils only' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  tenancyBreaches?: string | null;
}

@InputType({ description: 'A person in a new case' })
export class PartyInput extends PartyDetailsInput {
  @Field(() => PartyRole)
  @IsEnum(PartyRole)
  role: PartyRole;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false })
  @IsOptional()
  @IsBoolean()
  tenant?: boolean | null;
}

@InputType({ description: 'Changes to a party; omitted fields stay as they are, null clears a field' })
export class UpdatePartyInput extends PartyDetailsInput {
  @Field(() => PartyRole, { nullable: true })
  @IsOptional()
  @IsEnum(PartyRole)
  role?: PartyRole | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  anonymous?: boolean | null;

  @Field(() => Boolean, { nullable: true })
  @IsOptional()
  @IsBoolean()
  tenant?: boolean | null;
}

@InputType({ description: 'A new case, owned by the creator’s agency' })
export class CreateCaseInput {
  @Field(() => CaseCategory)
  @IsEnum(CaseCategory)
  category: CaseCategory;

  @Field({ description: '3–4,000 characters' })
  @IsSummary()
  summary: string;

  @Field()
  @IsWard()
  ward: string;

  @Field(() => RiskLevel)
  @IsEnum(RiskLevel)
  riskLevel: RiskLevel;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsAddress()
  address?: string | null;

  @Field(() => [PartyInput], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PartyInput)
  parties?: PartyInput[] | null;
}

@InputType({ description: 'Changes to a case record; omitted fields stay as they are' })
export class UpdateCaseInput {
  @Field(() => CaseCategory, { nullable: true })
  @IsOptional()
  @IsEnum(CaseCategory)
  category?: CaseCategory | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsSummary()
  summary?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsWard()
  ward?: string | null;

  @Field(() => RiskLevel, { nullable: true })
  @IsOptional()
  @IsEnum(RiskLevel)
  riskLevel?: RiskLevel | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  address?: string | null;

  @Field(() => ID, { nullable: true, description: 'A user of the owner agency' })
  @IsOptional()
  @IsString()
  leadOfficerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Police only' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  policeIntelligence?: string | null;

  @Field(() => String, { nullable: true, description: 'Support, health and social-care partners only' })
  @IsOptional()
  @IsString()
  @MaxLength(10000)
  supportNeeds?: string | null;
}

@InputType({ description: 'Narrow a list of cases; search reads only what the caller may read' })
export class CaseFilter {
  @Field(() => [CaseStatus], { nullable: true })
  @IsOptional()
  @IsEnum(CaseStatus, { each: true })
  status?: CaseStatus[] | null;

  @Field(() => [CaseCategory], { nullable: true })
  @IsOptional()
  @IsEnum(CaseCategory, { each: true })
  category?: CaseCategory[] | null;

  @Field(() => [RiskLevel], { nullable: true })
  @IsOptional()
  @IsEnum(RiskLevel, { each: true })
  riskLevel?: RiskLevel[] | null;

  @Field(() => [String], { nullable: true })
  @IsOptional()
  @IsString({ each: true })
  @ArrayMaxSize(100)
  ward?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Words in the reference, summary, ward, address or names: only where you may read them',
  })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: "Only cases the caller's agency owns (true) or holds by a share (false)",
  })
  @IsOptional()
  @IsBoolean()
  owned?: boolean | null;
}

@InputType({ description: 'How and when the reporter was told the case was closing' })
export class ReporterToldInput {
  @Field()
  @IsDate()
  at: Date;

  @Field(() => ContactChannel)
  @IsEnum(ContactChannel)
  channel: ContactChannel;

  @Field(() => String, { nullable: true, description: 'What was said; up to 2,000 characters' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  note?: string | null;
}

@InputType({ description: 'How a case ended' })
export class CloseCaseInput {
  @Field(() => CaseOutcome)
  @IsEnum(CaseOutcome)
  outcome: CaseOutcome;

  @Field({ description: 'Why; 3–2,000 characters' })
  @IsString()
  @Length(3, 2000)
  reason: string;

  @Field(() => ReporterToldInput, {
    nullable: true,
    description:
      'The record that the reporter was told, kept as a contact. Optional for partner systems; the portal asks for it, and a case closed without it is listed among the exceptions',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ReporterToldInput)
  reporterTold?: ReporterToldInput | null;
}

export const CASE_VERSION_ARG = { name: 'expectedVersion', type: () => Int } as const;
