import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ShareAccess } from '#libs/common';

/** The lawful basis a share relies on, as an information-sharing agreement names it. */
export enum LawfulBasis {
  PUBLIC_TASK = 'PUBLIC_TASK',
  CRIME_AND_DISORDER_ACT_S115 = 'CRIME_AND_DISORDER_ACT_S115',
  CARE_ACT_S45 = 'CARE_ACT_S45',
  CONSENT = 'CONSENT',
  VITAL_INTERESTS = 'VITAL_INTERESTS',
  OTHER = 'OTHER',
}

/** What the victim said to the share: NOT_RECORDED only for shares made before it was asked (or without it). */
export enum ConsentState {
  GIVEN = 'GIVEN',
  NOT_SOUGHT = 'NOT_SOUGHT',
  REFUSED_OVERRIDDEN = 'REFUSED_OVERRIDDEN',
  NOT_RECORDED = 'NOT_RECORDED',
}

registerEnumType(LawfulBasis, {
  name: 'LawfulBasis',
  description: 'The lawful basis a share of a case relies on',
  valuesMap: {
    PUBLIC_TASK: { description: 'A task in the public interest or official authority: UK GDPR Article 6(1)(e)' },
    CRIME_AND_DISORDER_ACT_S115: {
      description: 'Disclosure to a relevant authority to reduce crime and disorder: Crime and Disorder Act 1998 s.115',
    },
    CARE_ACT_S45: { description: 'Supply of information to a Safeguarding Adults Board: Care Act 2014 s.45' },
    CONSENT: { description: "The person's consent: UK GDPR Article 6(1)(a); consent must then be GIVEN" },
    VITAL_INTERESTS: { description: "To protect someone's life: UK GDPR Article 6(1)(d)" },
    OTHER: { description: 'Another basis, named in lawfulBasisDetail (shares made before the list: their reason)' },
  },
});

registerEnumType(ConsentState, {
  name: 'ConsentState',
  description: "The victim's consent to the share",
  valuesMap: {
    GIVEN: { description: 'The victim agreed to the share' },
    NOT_SOUGHT: { description: 'Consent was not asked for; the detail says why' },
    REFUSED_OVERRIDDEN: {
      description: 'The victim refused and the share went ahead; the detail names the risk that justifies it',
    },
    NOT_RECORDED: {
      description: 'Not recorded: a share made before consent was asked, or through shareCase without a basis',
    },
  },
});

@ObjectType({ description: "The victim's consent to a share, and why when it was not given" })
export class ShareConsent {
  @Field(() => ConsentState)
  state: ConsentState;

  @Field(() => String, {
    nullable: true,
    description: 'NOT_SOUGHT: why not; REFUSED_OVERRIDDEN: the risk that justifies sharing; otherwise any note',
  })
  detail: string | null;
}

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

  @Field(() => LawfulBasis, { nullable: true, description: 'The lawful basis; only the owner agency reads it' })
  lawfulBasis: LawfulBasis | null;

  @Field(() => String, {
    nullable: true,
    description: 'The lawful basis in words (always for OTHER); only the owner agency reads it',
  })
  lawfulBasisDetail: string | null;

  @Field(() => ShareConsent, { nullable: true, description: "The victim's consent; only the owner agency reads it" })
  consent: ShareConsent | null;

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
  lawful_basis: LawfulBasis;
  lawful_basis_detail: string | null;
  consent_state: ConsentState;
  consent_detail: string | null;
  shared_at: Date;
  revoked_at: Date | null;
}
