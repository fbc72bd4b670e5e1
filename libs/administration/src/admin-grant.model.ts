import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum AdminGrantStatus {
  PENDING = 'PENDING',
  APPROVED = 'APPROVED',
  REFUSED = 'REFUSED',
  EXPIRED = 'EXPIRED',
}

registerEnumType(AdminGrantStatus, {
  name: 'AdminGrantStatus',
  description:
    'PENDING: waiting for a second administrator; APPROVED: the account holds ADMIN; REFUSED; EXPIRED: nobody decided within 7 days',
});

@ObjectType({
  description:
    'A request to give an account ADMIN. While two or more administrators are active, nobody gives ADMIN alone: another active administrator than the one who asked approves or refuses it within 7 days',
})
export class AdminGrant {
  @Field(() => ID)
  id: string;

  @Field(() => AdminGrantStatus)
  status: AdminGrantStatus;

  @Field()
  requestedAt: Date;

  @Field({ description: 'After this the request lapses unless decided' })
  expiresAt: Date;

  @Field(() => Date, { nullable: true })
  decidedAt: Date | null;

  userId: string;
  requestedById: string;
  decidedById: string | null;
}
