import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import type { CaseAccess } from '#libs/access';
import { CaseCategory, CaseStatus, Connection, PartyRole, RiskLevel, ShareAccess, TenancyType } from '#libs/common';

@ObjectType({
  description: 'A person in a case. Identifiers the caller may not read are null and named in redactedFields.',
})
export class Party {
  @Field(() => ID)
  id: string;

  @Field(() => PartyRole)
  role: PartyRole;

  @Field(() => String, { nullable: true })
  fullName: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Other names this person is known by, as recorded on this case; governed like fullName',
  })
  aliases: string[] | null;

  @Field(() => String, { nullable: true })
  address: string | null;

  @Field(() => String, { nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth: string | null;

  @Field({ description: 'The reporter asked not to be named; only the owner agency reads their identifiers' })
  anonymous: boolean;

  @Field({ description: 'Whether the person is a tenant of the owner landlord' })
  tenant: boolean;

  @Field(() => TenancyType, { nullable: true, description: 'Tenancy information: landlords and councils only' })
  tenancyType: TenancyType | null;

  @Field(() => Float, { nullable: true, description: 'Rent arrears in pounds; tenancy information' })
  rentArrears: number | null;

  @Field(() => String, { nullable: true, description: 'Breaches of tenancy; tenancy information' })
  tenancyBreaches: string | null;

  @Field(() => [String], { description: 'Fields withheld from the caller' })
  redactedFields: string[];

  caseId: string;
  /** The person record this party is linked to; shown (Party.person) only to a reader of the party's name. */
  personId: string | null;
}

@ObjectType({ description: 'An ASB or domestic-abuse case, owned by one agency and shared with others' })
export class Case {
  @Field(() => ID)
  id: string;

  @Field({ description: 'Human-readable, unique: ASB-2026-000123 (DA- for domestic abuse)' })
  reference: string;

  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field(() => CaseStatus)
  status: CaseStatus;

  @Field(() => RiskLevel)
  riskLevel: RiskLevel;

  @Field()
  ward: string;

  @Field()
  summary: string;

  @Field(() => String, { nullable: true, description: 'Where the problem is; a personal identifier' })
  address: string | null;

  @Field(() => String, { nullable: true, description: 'Police only' })
  policeIntelligence: string | null;

  @Field(() => String, { nullable: true, description: 'Support, health and social-care partners only' })
  supportNeeds: string | null;

  @Field({ description: 'Whether support needs are recorded, readable wherever the case is' })
  hasSupportNeeds: boolean;

  @Field()
  openedAt: Date;

  @Field(() => Date, { nullable: true })
  closedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why the case was closed' })
  closeReason: string | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the reporter was told the case was closing; a contact with the reporter',
  })
  reporterToldAt: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'When the case was anonymised at the end of its retention period; its people and free text are gone',
  })
  anonymisedAt: Date | null;

  @Field(() => Int, { description: 'Increases with every change to the case record; pass it back as expectedVersion' })
  version: number;

  @Field(() => ShareAccess, { description: "The caller's own access to this case (FULL for the owner agency)" })
  access: ShareAccess;

  @Field({ description: "Whether the caller's agency owns the case" })
  owned: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description:
      "Whether another agency's person search may learn that this case exists (never what it is): the owner agency's only, null for every other reader",
  })
  discoverable: boolean | null;

  @Field(() => [String], { description: 'Fields withheld from the caller' })
  redactedFields: string[];

  ownerAgencyId: string;
  leadOfficerId: string | null;
  /** The caller's relation to the case, which every field rule on it and its parties reads. */
  relation: CaseAccess;
  /** False for a case read as a meeting attendee without a share (relation LIMITED, but no row rule holds it). */
  held?: boolean;
}

export const CaseConnection = Connection(Case, 'Case');
