import { Injectable, type OnModuleInit } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService, ClosingContacts, isBeforeOpening, isInFuture } from '#libs/cases';
import { BadInputError, groupBy } from '#libs/common';
import { type Contact, type ContactRow, toContact } from './contact.model.js';
import type { ContactInput } from './contact.inputs.js';
import { ContactsRepository } from './contacts.repository.js';

@Injectable()
export class ContactsService implements OnModuleInit {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
    private readonly repository: ContactsRepository,
    private readonly closingContacts: ClosingContacts,
  ) {}

  /** Closing a case tells the reporter; the contact that records it is ours to write. */
  onModuleInit(): void {
    this.closingContacts.lend(async (db, contact) => {
      await this.repository.insert(db, contact);
    });
  }

  /** The reporter is the owner agency's customer: the field rules give the owner the contacts to record. */
  async record(ctx: RequestContext, caseId: string, input: ContactInput): Promise<Contact> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['contacts']);
    if (isInFuture(input.contactedAt)) throw new BadInputError('contactedAt', 'contactedAt cannot be in the future');
    if (isBeforeOpening(input.contactedAt, kase.openedAt)) {
      throw new BadInputError('contactedAt', 'contactedAt cannot be before the case was opened');
    }
    const row = await this.repository.insert(ctx.db, {
      caseId: kase.id,
      contactedAt: input.contactedAt,
      channel: input.channel,
      note: input.note.trim(),
      recordedById: ctx.user!.id,
    });
    await this.audit.record(ctx, kase.id, AuditAction.CONTACT_RECORDED, {
      changes: [{ field: 'contacts', from: null, to: `${input.channel}: ${input.note.trim()}` }],
    });
    return toContact(row);
  }

  /** Null where the caller may not read contacts (the case lists "contacts" among its redacted fields). */
  async ofCase(ctx: RequestContext, parent: Case): Promise<Contact[] | null> {
    if (parent.redactedFields.includes('contacts')) return null;
    const loader = loaderFor(
      ctx,
      'case.contacts',
      () =>
        new DataLoader<string, ContactRow[]>(async (caseIds) => {
          const rows = await this.repository.findOfCases(ctx.db, caseIds);
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const contacts = (await loader.load(parent.id)).map(toContact);
    if (contacts.length > 0) noteView(ctx, parent.id, 'contacts');
    return contacts;
  }
}
