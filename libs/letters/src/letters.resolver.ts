import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { OutsideTransaction } from '#libs/db';
import {
  LetterMergeField,
  LetterPreview,
  LetterTemplate,
  LetterTemplateStarter,
  ProducedLetter,
} from './letter-template.model.js';
import { CreateLetterTemplateInput, LetterTemplateTextInput } from './letters.inputs.js';
import { MERGE_FIELDS, STARTER_TEMPLATES } from './letters.rules.js';
import { LettersService } from './letters.service.js';

@Resolver(() => LetterTemplate)
export class LettersResolver {
  constructor(private readonly service: LettersService) {}

  @Query(() => [LetterTemplate], {
    description: 'Your agency’s letter templates, live ones by kind and name; retired ones too when asked',
  })
  @Allow('read', 'LetterTemplate')
  letterTemplates(
    @Context() ctx: RequestContext,
    @Args('includeRetired', { type: () => Boolean, nullable: true, description: 'Also the retired ones' })
    includeRetired: boolean | null,
  ): Promise<LetterTemplate[]> {
    return this.service.list(ctx, includeRetired ?? false);
  }

  @Query(() => LetterTemplate, { nullable: true, description: 'One of your agency’s letter templates' })
  @Allow('read', 'LetterTemplate')
  letterTemplate(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LetterTemplate | null> {
    return this.service.findOne(ctx, id);
  }

  @Query(() => [LetterMergeField], { description: 'The merge fields a letter template may use, with what each is' })
  @Allow('read', 'LetterTemplate')
  letterMergeFields(): LetterMergeField[] {
    return MERGE_FIELDS.map((field) => ({ ...field }));
  }

  @Query(() => [LetterTemplateStarter], {
    description: 'Starting texts for each kind of letter, to adopt and change (not legal advice)',
  })
  @Allow('read', 'LetterTemplate')
  letterTemplateStarters(): LetterTemplateStarter[] {
    return STARTER_TEMPLATES.map((starter) => ({ ...starter }));
  }

  @Mutation(() => LetterTemplate, { description: 'A new letter template for your agency (managers)' })
  @Allow('create', 'LetterTemplate')
  createLetterTemplate(
    @Context() ctx: RequestContext,
    @Args('input') input: CreateLetterTemplateInput,
  ): Promise<LetterTemplate> {
    return this.service.create(ctx, input);
  }

  @Mutation(() => LetterTemplate, {
    description: 'Save a new version of a template’s name and text (managers); earlier versions are kept',
  })
  @Allow('update', 'LetterTemplate')
  updateLetterTemplate(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
    @Args('expectedVersion', { type: () => Int }) expectedVersion: number,
    @Args('input') input: LetterTemplateTextInput,
  ): Promise<LetterTemplate> {
    return this.service.update(ctx, id, expectedVersion, input);
  }

  @Mutation(() => LetterTemplate, { description: 'Retire a template: it makes no more letters (managers)' })
  @Allow('update', 'LetterTemplate')
  retireLetterTemplate(
    @Context() ctx: RequestContext,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<LetterTemplate> {
    return this.service.retire(ctx, id);
  }

  @Query(() => LetterPreview, {
    description:
      'A letter merged from your template as you may read the case and the person, without producing it; fields you may not read are empty and named',
  })
  @Allow('contribute', 'Case')
  previewLetter(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('templateId', { type: () => ID }) templateId: string,
    @Args('recipientPartyId', { type: () => ID }) recipientPartyId: string,
  ): Promise<LetterPreview> {
    return this.service.preview(ctx, caseId, templateId, recipientPartyId);
  }

  @Mutation(() => ProducedLetter, {
    description:
      'Produce a letter as a PDF kept on the case as evidence, recorded as an action or a contact (whoever may add evidence to the case)',
  })
  @Allow('contribute', 'Case')
  // Its own transaction, opened by the evidence library as an upload's is: the PDF is kept before the rows, and
  // taken out of the store again if they are not written.
  @OutsideTransaction()
  produceLetter(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('templateId', { type: () => ID }) templateId: string,
    @Args('recipientPartyId', { type: () => ID }) recipientPartyId: string,
  ): Promise<ProducedLetter> {
    return this.service.produce(ctx, caseId, templateId, recipientPartyId);
  }
}
