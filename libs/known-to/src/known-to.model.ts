import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Agency } from '#libs/agencies';
import { Case, Party } from '#libs/cases';
import { ShareAccess } from '#libs/common';

@ObjectType({ description: 'A match on a case you can see: the case and the person, with what you may read of them' })
export class VisiblePersonMatch {
  @Field(() => Case)
  case: Case;

  @Field(() => Party)
  party: Party;
}

@ObjectType({
  description:
    'A record exists, on a case you cannot see, held by this agency: nothing else is told. Ask the agency for access with `requestCaseAccess(hitId)`.',
})
export class LockedPersonMatch {
  @Field(() => ID, { description: 'A handle for requesting access: yours alone, for an hour; not the case’s id' })
  hitId: string;

  /** The agency that holds the record (a field of its own resolver). */
  ownerAgencyId: string;
}

@ObjectType({ description: 'What a person search found: cases you can see, and locked records others hold' })
export class PersonSearchResult {
  @Field(() => [VisiblePersonMatch], { description: 'Best match first' })
  visible: VisiblePersonMatch[];

  @Field(() => [LockedPersonMatch], {
    description: 'Records on cases you cannot see whose owner lets searches find them; at most 10',
  })
  locked: LockedPersonMatch[];
}

export enum AccessRequestStatus {
  PENDING = 'PENDING',
  GRANTED = 'GRANTED',
  REFUSED = 'REFUSED',
}

registerEnumType(AccessRequestStatus, { name: 'AccessRequestStatus', description: 'Where an access request stands' });

@ObjectType({ description: 'A person: their name and agency, as a request shows them to the other side' })
export class AccessRequestPerson {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;
}

@ObjectType({
  description:
    'A request to an owner agency for access to a locked record. The requester sees the case only once access is granted.',
})
export class AccessRequest {
  @Field(() => ID)
  id: string;

  @Field(() => AccessRequestStatus)
  status: AccessRequestStatus;

  @Field({ description: 'Why the requester asks' })
  reason: string;

  @Field()
  requestedAt: Date;

  @Field(() => AccessRequestPerson)
  requestedBy: AccessRequestPerson;

  @Field(() => Agency, { description: 'The agency asking' })
  requesterAgency: Agency;

  @Field(() => Agency, { description: 'The agency that holds the record and decides' })
  ownerAgency: Agency;

  @Field(() => Case, {
    nullable: true,
    description: 'The case, for whoever may see it: the owner agency, and the requester once access is granted',
  })
  case: Case | null;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => AccessRequestPerson, { nullable: true })
  decidedBy: AccessRequestPerson | null;

  @Field(() => String, { nullable: true, description: 'Why the owner granted or refused: the requester reads it too' })
  decisionReason: string | null;

  @Field(() => ShareAccess, { nullable: true, description: 'The access granted' })
  grantedAccess: ShareAccess | null;

  caseId: string;
  ownerAgencyId: string;
  requesterAgencyId: string;
}

export interface AccessRequestRow {
  id: string;
  case_id: string;
  owner_agency_id: string;
  requester_agency_id: string;
  requested_by_id: string;
  requested_by_name: string;
  reason: string;
  status: AccessRequestStatus;
  requested_at: Date;
  decided_at: Date | null;
  decided_by_id: string | null;
  decided_by_name: string | null;
  decision_reason: string | null;
  granted_access: ShareAccess | null;
}

export const toAccessRequest = (
  row: AccessRequestRow,
): Omit<AccessRequest, 'case' | 'requesterAgency' | 'ownerAgency'> => ({
  id: row.id,
  status: row.status,
  reason: row.reason,
  requestedAt: row.requested_at,
  requestedBy: { id: row.requested_by_id, displayName: row.requested_by_name },
  decidedAt: row.decided_at,
  decidedBy: row.decided_by_id ? { id: row.decided_by_id, displayName: row.decided_by_name ?? '' } : null,
  decisionReason: row.decision_reason,
  grantedAccess: row.granted_access,
  caseId: row.case_id,
  ownerAgencyId: row.owner_agency_id,
  requesterAgencyId: row.requester_agency_id,
});
