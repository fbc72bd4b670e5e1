import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Connection } from '#libs/common';
import { AuditAction } from '#libs/audit';
import { LawfulBasis, ShareConsent } from '#libs/shares';

@ObjectType({ description: 'Who did it: a user and their agency, as they were named when the trail is read' })
export class AuditActor {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  agencyId: string;
}

@ObjectType({ description: 'One changed field. Values of classes the reader of the trail may not read are withheld.' })
export class AuditChange {
  @Field({ description: '`summary`, or `party.fullName` for a party' })
  field: string;

  @Field(() => String, { nullable: true })
  from: string | null;

  @Field(() => String, { nullable: true })
  to: string | null;

  @Field({ description: 'True when the values are withheld from you' })
  withheld: boolean;
}

@ObjectType({
  description:
    'Something that happened to a case: a view of its sensitive fields, a change, a share, a revocation, an export',
})
export class AuditEvent {
  @Field(() => ID)
  id: string;

  @Field()
  at: Date;

  @Field(() => AuditActor)
  actor: AuditActor;

  @Field(() => AuditAction)
  action: AuditAction;

  @Field({ description: 'What happened, in words' })
  detail: string;

  @Field(() => [AuditChange])
  changes: AuditChange[];

  @Field(() => [String], { description: 'For views: the sensitive fields that were sent' })
  fields: string[];
}

export const AuditEventConnection = Connection(AuditEvent, 'AuditEvent');

@ObjectType({
  description:
    'What was disclosed to an agency, when, at what access, on which recorded basis, and when it was revoked',
})
export class Disclosure {
  @Field(() => ID)
  id: string;

  @Field()
  access: string;

  @Field({ description: 'The information-sharing basis recorded when sharing' })
  basis: string;

  @Field(() => LawfulBasis, { description: 'The lawful basis from the list (OTHER for shares made before it)' })
  lawfulBasis: LawfulBasis;

  @Field(() => String, { nullable: true, description: 'The lawful basis in words (always for OTHER)' })
  lawfulBasisDetail: string | null;

  @Field(() => ShareConsent, { description: "The victim's consent (NOT_RECORDED for shares made before it was asked)" })
  consent: ShareConsent;

  @Field()
  sharedAt: Date;

  @Field(() => AuditActor)
  sharedBy: AuditActor;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;

  @Field(() => AuditActor, { nullable: true })
  revokedBy: AuditActor | null;

  agencyId: string;
}
