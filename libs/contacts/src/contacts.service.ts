import { Injectable } from '@nestjs/common';
import DataLoader from 'dataloader';
import { assertWritable } from '#libs/access';
import { loaderFor, noteView, type RequestContext } from '#libs/context';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService } from '#libs/cases';
import { BadInputError, groupBy } from '#libs/common';
import { type Contact, CONTACT_COLUMNS, type ContactInput, type ContactRow, toContact } from './contact.model.js';

@Injectable()
export class ContactsService {
  constructor(
    private readonly cases: CasesService,
    private readonly audit: AuditLog,
  ) {}

  /** The reporter is the owner agency's customer: the field rules give the owner the contacts to record. */
  async record(ctx: RequestContext, caseId: string, input: ContactInput): Promise<Contact> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['contacts']);
    if (input.contactedAt.getTime() > Date.now() + 5 * 60 * 1000) throw new BadInputError('contactedAt', 'contactedAt cannot be in the future');
    // Forms give minutes, not seconds: a contact in the minute the case was opened is not before it.
    if (input.contactedAt.getTime() < kase.openedAt.getTime() - 60_000) {
      throw new BadInputError('contactedAt', 'contactedAt cannot be before the case was opened');
    }
    const [row]: ContactRow[] = await ctx.db.query(
      `INSERT INTO contacts (case_id, contacted_at, channel, note, recorded_by_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${CONTACT_COLUMNS}`,
      [kase.id, input.contactedAt, input.channel, input.note.trim(), ctx.user!.id],
    );
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
          const rows: ContactRow[] = await ctx.db.query(
            `SELECT ${CONTACT_COLUMNS} FROM contacts WHERE case_id = ANY($1::uuid[]) ORDER BY contacted_at, id`,
            [caseIds],
          );
          return groupBy(caseIds, rows, (row) => row.case_id);
        }),
    );
    const contacts = (await loader.load(parent.id)).map(toContact);
    if (contacts.length > 0) noteView(ctx, parent.id, 'contacts');
    return contacts;
  }
}
