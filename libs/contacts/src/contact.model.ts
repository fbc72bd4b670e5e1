import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ContactChannel } from '#libs/common';

@ObjectType({ description: 'A contact with the reporter, so "contacted within 1 working day" can be measured' })
export class Contact {
  @Field(() => ID)
  id: string;

  @Field()
  contactedAt: Date;

  @Field(() => ContactChannel)
  channel: ContactChannel;

  @Field()
  note: string;

  @Field()
  recordedAt: Date;
}

export interface ContactRow {
  id: string;
  case_id: string;
  contacted_at: Date;
  channel: ContactChannel;
  note: string;
  recorded_at: Date;
}

export const toContact = (row: ContactRow): Contact => ({
  id: row.id,
  contactedAt: row.contacted_at,
  channel: row.channel,
  note: row.note,
  recordedAt: row.recorded_at,
});
