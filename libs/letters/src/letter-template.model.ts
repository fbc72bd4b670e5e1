import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { EvidenceFile } from '#libs/evidence';
import { LetterKind } from './letters.rules.js';

@ObjectType({ description: 'One of your agency’s letter templates, as last saved' })
export class LetterTemplate {
  @Field(() => ID)
  id: string;

  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  name: string;

  @Field({ description: 'The letter’s text, with merge fields such as {{recipient.fullName}} (see letterMergeFields)' })
  body: string;

  @Field(() => Int, {
    description: 'Goes up with every save; a produced letter names the version it was made from, and edits need it',
  })
  version: number;

  @Field({ description: 'Retired templates make no more letters' })
  retired: boolean;

  @Field(() => Date, { nullable: true })
  retiredAt: Date | null;

  @Field()
  createdAt: Date;

  @Field()
  updatedAt: Date;

  @Field(() => String, { nullable: true, description: 'Who saved the current version' })
  updatedBy: string | null;
}

@ObjectType({ description: 'A merge field a template may use, with what it is filled with' })
export class LetterMergeField {
  @Field({ description: 'As written in a template, inside {{ }}' })
  key: string;

  @Field()
  label: string;
}

@ObjectType({ description: 'A starting text for a template, to adopt and change' })
export class LetterTemplateStarter {
  @Field(() => LetterKind)
  kind: LetterKind;

  @Field()
  name: string;

  @Field()
  body: string;
}

@ObjectType({ description: 'A letter merged as you may read the case and the person: what producing it would make' })
export class LetterPreview {
  @Field({ description: 'The merged text' })
  text: string;

  @Field(() => [String], {
    description: 'Merge fields the letter uses that you may not read: left empty in the letter',
  })
  withheldFields: string[];

  @Field(() => [String], { description: 'Merge fields the letter uses that the case does not record: left empty' })
  missingFields: string[];

  @Field(() => ID)
  templateId: string;

  @Field(() => Int, { description: 'The template version merged' })
  templateVersion: number;
}

@ObjectType({
  description: 'A letter produced: a PDF kept on the case as evidence, recorded as an action or a contact',
})
export class ProducedLetter {
  @Field(() => EvidenceFile)
  evidence: EvidenceFile;

  @Field(() => [String], { description: 'Merge fields left empty because you may not read them' })
  withheldFields: string[];

  @Field(() => [String], { description: 'Merge fields left empty because the case does not record them' })
  missingFields: string[];

  @Field(() => Int)
  templateVersion: number;

  @Field({ description: 'ACTION or CONTACT: what the letter was recorded as on the case' })
  recordedAs: string;

  @Field(() => ID, { description: 'The action or contact recorded' })
  recordId: string;
}

export interface LetterTemplateRow {
  id: string;
  agency_id: string;
  kind: LetterKind;
  name: string;
  body: string;
  version: number;
  created_at: Date;
  updated_at: Date;
  retired_at: Date | null;
  updated_by_name: string | null;
}

export const toLetterTemplate = (row: LetterTemplateRow): LetterTemplate => ({
  id: row.id,
  kind: row.kind,
  name: row.name,
  body: row.body,
  version: row.version,
  retired: row.retired_at !== null,
  retiredAt: row.retired_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  updatedBy: row.updated_by_name,
});
