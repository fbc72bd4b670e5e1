import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { ActionKind, CaseCategory } from '#libs/common';
import { ServiceStandard } from '#libs/service-standards';
import { ConsentState, LawfulBasis } from '#libs/shares';

@ObjectType()
export class CategoryCount {
  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field(() => Int)
  count: number;
}

@ObjectType()
export class WardCount {
  @Field()
  ward: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Interventions of one kind started in the period' })
export class InterventionCount {
  @Field(() => ActionKind)
  kind: ActionKind;

  @Field({ description: 'A legal remedy (injunction, notice, possession…) rather than an informal one' })
  legal: boolean;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'Shares made in the period on one lawful basis' })
export class LawfulBasisCount {
  @Field(() => LawfulBasis)
  lawfulBasis: LawfulBasis;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "Shares made in the period with one state of the victim's consent" })
export class ConsentStateCount {
  @Field(() => ConsentState)
  consent: ConsentState;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: 'One service standard over the cases opened in the period' })
export class StandardFigure {
  @Field(() => ServiceStandard)
  standard: ServiceStandard;

  @Field(() => Int)
  met: number;

  @Field(() => Int)
  breached: number;

  @Field(() => Int, { description: 'Not yet decided: still within the deadline' })
  due: number;

  @Field(() => Float, {
    nullable: true,
    description: 'met ÷ (met + breached), one decimal place; null when none is decided',
  })
  metPercent: number | null;
}

@ObjectType({ description: 'Incidents at one place: a hotspot' })
export class LocationCount {
  @Field()
  location: string;

  @Field()
  ward: string;

  @Field(() => Int)
  count: number;
}

@ObjectType({ description: "Figures over the cases you may see: your agency's own and those shared with it" })
export class CaseStatistics {
  @Field(() => Int, { description: 'Cases opened in the period' })
  opened: number;

  @Field(() => Int, { description: 'Cases closed as resolved in the period' })
  closedResolved: number;

  @Field(() => Int, { description: 'Cases closed as unresolved in the period' })
  closedUnresolved: number;

  @Field(() => Int, { description: 'Cases open at the end of the period' })
  live: number;

  @Field(() => [CategoryCount], { description: 'Cases opened in the period, by category (most first)' })
  byCategory: CategoryCount[];

  @Field(() => [WardCount], { description: 'Cases opened in the period, by ward (most first)' })
  byWard: WardCount[];

  @Field(() => Int, { description: 'Incidents logged in the period on those cases' })
  incidents: number;

  @Field(() => Int, { description: 'Satisfaction surveys answered in the period' })
  surveysAnswered: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Of those, % satisfied with the service (4 or 5 of 5); null with none',
  })
  satisfiedWithServicePercent: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Of those, % satisfied with the outcome (4 or 5 of 5); null with none',
  })
  satisfiedWithOutcomePercent: number | null;

  @Field(() => [InterventionCount], {
    description: 'Interventions (actions) added in the period, by kind (most first)',
  })
  interventions: InterventionCount[];

  @Field(() => Int, { description: 'Of those, legal remedies' })
  legalInterventions: number;

  @Field(() => Int, { description: 'Of those, informal (non-legal) ones' })
  nonLegalInterventions: number;

  @Field(() => [StandardFigure], {
    description: "Service standards on the cases opened in the period, each by its owner agency's standards",
  })
  serviceStandards: StandardFigure[];

  @Field(() => Float, {
    nullable: true,
    description:
      'Cases your agency opened in the period per 1,000 homes it manages (TSM NM01), one decimal place; null until a manager sets the homes',
  })
  casesPerThousandHomes: number | null;

  @Field(() => Float, { nullable: true, description: 'The same for hate incidents (TSM NM01 part 2)' })
  hateCasesPerThousandHomes: number | null;

  @Field(() => [WardCount], { description: 'Hotspots: incidents that happened in the period, by ward (most first)' })
  incidentsByWard: WardCount[];

  @Field(() => [LocationCount], {
    description:
      'Hotspots: incidents that happened in the period, by place (the 20 busiest); domestic-abuse incidents are left out, as a place could point to a victim',
  })
  incidentsByLocation: LocationCount[];

  @Field(() => [LawfulBasisCount], {
    description:
      'Shares your agency made in the period (re-shares included) of the cases counted, by lawful basis: every basis, most first',
  })
  sharesByLawfulBasis: LawfulBasisCount[];

  @Field(() => [ConsentStateCount], {
    description: "The same shares by the victim's consent: every state, most first",
  })
  sharesByConsent: ConsentStateCount[];
}

@ObjectType()
export class SuppressedCategoryCount {
  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field({ description: 'A multiple of 5 (rounded to the nearest), or "<5" for 0 to 4' })
  count: string;
}

@ObjectType()
export class SuppressedWardCount {
  @Field()
  ward: string;

  @Field({ description: 'A multiple of 5 (rounded to the nearest), or "<5" for 0 to 4' })
  count: string;
}

@ObjectType()
export class SuppressedInterventionCount {
  @Field(() => ActionKind)
  kind: ActionKind;

  @Field()
  legal: boolean;

  @Field({ description: 'A multiple of 5 (rounded to the nearest), or "<5" for 0 to 4' })
  count: string;
}

@ObjectType()
export class SuppressedLawfulBasisCount {
  @Field(() => LawfulBasis)
  lawfulBasis: LawfulBasis;

  @Field({ description: 'A multiple of 5 (rounded to the nearest), or "<5" for 0 to 4' })
  count: string;
}

@ObjectType()
export class SuppressedConsentStateCount {
  @Field(() => ConsentState)
  consent: ConsentState;

  @Field({ description: 'A multiple of 5 (rounded to the nearest), or "<5" for 0 to 4' })
  count: string;
}

@ObjectType({
  description:
    'The partnership\'s figures across every agency: counts only, each under 5 (0 included) shown as "<5" and the rest rounded to the nearest 5',
})
export class PartnershipStatistics {
  @Field()
  opened: string;

  @Field()
  closedResolved: string;

  @Field()
  closedUnresolved: string;

  @Field()
  live: string;

  @Field(() => [SuppressedCategoryCount])
  byCategory: SuppressedCategoryCount[];

  @Field(() => [SuppressedWardCount])
  byWard: SuppressedWardCount[];

  @Field()
  incidents: string;

  @Field(() => [SuppressedInterventionCount], { description: 'Interventions added in the period, by kind' })
  interventions: SuppressedInterventionCount[];

  @Field(() => [SuppressedWardCount], { description: 'Hotspots: incidents that happened in the period, by ward' })
  incidentsByWard: SuppressedWardCount[];

  @Field(() => [SuppressedLawfulBasisCount], {
    description: 'Shares made in the period by every agency, by lawful basis',
  })
  sharesByLawfulBasis: SuppressedLawfulBasisCount[];

  @Field(() => [SuppressedConsentStateCount], {
    description: "Shares made in the period by every agency, by the victim's consent",
  })
  sharesByConsent: SuppressedConsentStateCount[];
}
