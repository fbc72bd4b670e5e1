import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '#libs/common';

@ObjectType({ description: 'A person who signs in; belongs to one agency and holds one or more roles' })
export class User {
  @Field(() => ID)
  id: string;

  /** Exposed by UsersResolver: another agency's staff show name and agency only. */
  email: string;

  @Field()
  displayName: string;

  @Field(() => [Role])
  roles: Role[];

  /** Exposed by UsersResolver, like `email`. */
  active: boolean;

  agencyId: string;
  /** Set where the reader has just proven they are this user (signing in), before any session exists. */
  signedInAsSelf?: boolean;
}

export interface UserRow {
  id: string;
  email: string;
  display_name: string;
  roles: Role[];
  active: boolean;
  agency_id: string;
}

export const toUser = (row: UserRow): User => ({
  id: row.id,
  email: row.email,
  displayName: row.display_name,
  roles: row.roles,
  active: row.active,
  agencyId: row.agency_id,
});

@ObjectType({
  description:
    'Someone who may hold a case (a lead officer, an action’s assignee), as a picker offers them: name only, no contact details',
})
export class CaseHolder {
  @Field(() => ID)
  id: string;

  @Field()
  displayName: string;

  agencyId: string;
}
