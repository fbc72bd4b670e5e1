import { Args, Context, ID, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Allow } from '#libs/access';
import type { RequestContext } from '#libs/context';
import { Case } from '#libs/cases';
import { Contact } from './contact.model.js';
import { ContactInput } from './contact.inputs.js';
import { ContactsService } from './contacts.service.js';

@Resolver(() => Case)
export class ContactsResolver {
  constructor(private readonly contactService: ContactsService) {}

  @Mutation(() => Contact, { description: 'Record a contact with the reporter (owner agency)' })
  @Allow('contribute', 'Case')
  recordContact(
    @Context() ctx: RequestContext,
    @Args('caseId', { type: () => ID }) caseId: string,
    @Args('input') input: ContactInput,
  ): Promise<Contact> {
    return this.contactService.record(ctx, caseId, input);
  }

  @ResolveField(() => [Contact], {
    nullable: true,
    description: 'Contacts with the reporter, oldest first; owner and FULL shares only',
  })
  contacts(@Context() ctx: RequestContext, @Parent() parent: Case): Promise<Contact[] | null> {
    return this.contactService.ofCase(ctx, parent);
  }
}
