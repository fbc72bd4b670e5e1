import { Field, ID, ObjectType } from '@nestjs/graphql';
import { type PortalAbility, readGovernedFields, redact, type Relation } from '#libs/access';
import { CaseCategory } from '#libs/common';

@ObjectType({ description: 'One occurrence of the behaviour, recorded by type and location to find hotspots' })
export class Incident {
  @Field(() => ID)
  id: string;

  @Field(() => ID)
  caseId: string;

  @Field()
  occurredAt: Date;

  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field()
  description: string;

  @Field(() => String, { nullable: true, description: 'Where it happened (a street, a block, a park)' })
  location: string | null;

  @Field(() => String, { nullable: true })
  ward: string | null;

  @Field()
  loggedAt: Date;

  @Field(() => [String], {
    description:
      'Fields you may not read on this incident (null above), e.g. where it happened on a domestic-abuse case',
  })
  redactedFields: string[];

  loggedById: string;
  loggedByAgencyId: string;
}

export interface IncidentRow {
  id: string;
  case_id: string;
  occurred_at: Date;
  category: CaseCategory;
  description: string;
  location: string | null;
  ward: string | null;
  logged_at: Date;
  logged_by_id: string;
  logged_by_agency_id: string;
}

const INCIDENT_GOVERNED = readGovernedFields('Incident');

/** What the field rules about an incident look at: the reader's relation to its case, the case's category and its own. */
export const incidentAttributes = (
  parent: { relation: Relation; category: CaseCategory },
  row: Pick<IncidentRow, 'category'>,
) => ({
  access: parent.relation,
  caseCategory: parent.category,
  category: row.category,
});

/** The incident as this reader may see it: a place that could locate a victim is null and listed. */
export function toIncident(
  ability: PortalAbility,
  parent: { relation: Relation; category: CaseCategory },
  row: IncidentRow,
): Incident {
  const view: Incident = {
    id: row.id,
    caseId: row.case_id,
    occurredAt: row.occurred_at,
    category: row.category,
    description: row.description,
    location: row.location,
    ward: row.ward,
    loggedAt: row.logged_at,
    redactedFields: [],
    loggedById: row.logged_by_id,
    loggedByAgencyId: row.logged_by_agency_id,
  };
  return redact(ability, 'Incident', view, incidentAttributes(parent, row), INCIDENT_GOVERNED);
}
