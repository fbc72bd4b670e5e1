import { Field, ID, ObjectType } from '@nestjs/graphql';
import { AgencyKind } from '#libs/common';

@ObjectType({ description: 'A partner organisation: a landlord, the police, a council service, a support agency…' })
export class Agency {
  @Field(() => ID)
  id: string;

  @Field()
  name: string;

  @Field(() => AgencyKind)
  kind: AgencyKind;
}

export interface AgencyRow {
  id: string;
  name: string;
  kind: AgencyKind;
}

export const toAgency = (row: AgencyRow): Agency => ({ id: row.id, name: row.name, kind: row.kind });
