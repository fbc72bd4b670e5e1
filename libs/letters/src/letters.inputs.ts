import { Field, InputType } from '@nestjs/graphql';
import { IsEnum, IsString, Length } from 'class-validator';
import { LetterKind } from './letters.rules.js';

@InputType({ description: 'A letter template’s text' })
export class LetterTemplateTextInput {
  @Field({ description: '3–120 characters' })
  @IsString()
  @Length(1, 200)
  name: string;

  @Field({ description: '10–20,000 characters; merge fields from letterMergeFields only, written {{like.this}}' })
  @IsString()
  @Length(1, 25_000)
  body: string;
}

@InputType({ description: 'A new letter template for your agency' })
export class CreateLetterTemplateInput extends LetterTemplateTextInput {
  @Field(() => LetterKind)
  @IsEnum(LetterKind)
  kind: LetterKind;
}
