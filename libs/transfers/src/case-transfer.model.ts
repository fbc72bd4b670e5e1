import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { CaseCategory, ShareAccess } from '#libs/common';

export enum CaseTransferStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(CaseTransferStatus, { name: 'CaseTransferStatus', description: 'Where an offer of a case stands' });

/** What the offering agency keeps once the case is accepted. */
export enum KeptShare {
  FULL = 'FULL',
  LIMITED = 'LIMITED',
  NONE = 'NONE',
}
registerEnumType(KeptShare, {
  name: 'KeptShare',
  description: 'The share the offering agency keeps once the receiving agency accepts: FULL, LIMITED or NONE',
});

/**
 * An offer of a case to another agency. The receiving agency may not hold the case while it decides, so an offer
 * says only what deciding needs: the reference, the category, who offers it and why. No case id, no people.
 */
@ObjectType({
  description:
    'A case offered to another agency: the reference, category, offering agency and reason, never the case’s people',
})
export class CaseTransfer {
  @Field(() => ID)
  id: string;

  @Field({ description: 'The case’s reference' })
  reference: string;

  @Field(() => CaseCategory)
  category: CaseCategory;

  @Field({ description: 'Why the owner agency offers it' })
  reason: string;

  @Field(() => ShareAccess, {
    nullable: true,
    description: 'The share the offering agency keeps once accepted; null keeps none',
  })
  keptAccess: ShareAccess | null;

  @Field(() => CaseTransferStatus)
  status: CaseTransferStatus;

  @Field()
  offeredAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was declined' })
  decisionReason: string | null;

  @Field({ description: 'Whether you may accept or decline it (a manager of the receiving agency, while it waits)' })
  viewerCanDecide: boolean;

  fromAgencyId: string;
  toAgencyId: string;
}

export interface CaseTransferRow {
  id: string;
  case_id: string;
  reference: string;
  category: CaseCategory;
  from_agency_id: string;
  to_agency_id: string;
  reason: string;
  kept_access: ShareAccess | null;
  status: CaseTransferStatus;
  offered_by_id: string;
  offered_at: Date;
  decided_at: Date | null;
  decision_reason: string | null;
}
