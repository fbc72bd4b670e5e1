import { Injectable } from '@nestjs/common';
import { assertWritable } from '#libs/access';
import { noteView, type RequestContext } from '#libs/context';
import { ActionsService } from '#libs/actions';
import { AgenciesService } from '#libs/agencies';
import { AuditAction, AuditLog } from '#libs/audit';
import { type Case, caseAttributes, CasesService, type Party } from '#libs/cases';
import {
  BadInputError,
  ContactChannel,
  londonDate,
  NotFoundError,
  parseId,
  StateConflictError,
  VersionConflictError,
} from '#libs/common';
import { ContactsService } from '#libs/contacts';
import { printedWords } from '#libs/documents';
import { EvidenceService } from '#libs/evidence';
import { IncidentsRepository } from '#libs/incidents';
import {
  type LetterPreview,
  type LetterTemplate,
  type ProducedLetter,
  toLetterTemplate,
} from './letter-template.model.js';
import { letterPdf } from './letter-pdf.js';
import type { CreateLetterTemplateInput, LetterTemplateTextInput } from './letters.inputs.js';
import { LettersRepository } from './letters.repository.js';
import {
  cleanTemplateText,
  LETTER_KIND_NAMES,
  letterFileName,
  letterRecord,
  mergeFieldsOf,
  type MergeFieldKey,
  mergeLetter,
  type MergeValue,
  type MergedLetter,
} from './letters.rules.js';

/** A date as a letter says it: "5 December 2026", London time. */
const letterDay = (date: Date) =>
  date.toLocaleDateString('en-GB', { timeZone: 'Europe/London', day: 'numeric', month: 'long', year: 'numeric' });

/** The party fields a merge field reads, for the view recorded on the trail. */
const PARTY_FIELDS: Partial<Record<MergeFieldKey, 'fullName' | 'address'>> = {
  'recipient.fullName': 'fullName',
  'recipient.address': 'address',
};

/**
 * Letters from templates. Templates are the agency's own (row scope from `agencyId`, and row security beneath
 * it). A letter is merged through the writer's own view of the case and the person: the same redaction the API
 * answers with, so a field the writer may not read stays empty in the letter and is named, never read past.
 */
@Injectable()
export class LettersService {
  constructor(
    private readonly repository: LettersRepository,
    private readonly cases: CasesService,
    private readonly evidence: EvidenceService,
    private readonly actions: ActionsService,
    private readonly contacts: ContactsService,
    private readonly agencies: AgenciesService,
    private readonly incidents: IncidentsRepository,
    private readonly audit: AuditLog,
  ) {}

  async list(ctx: RequestContext, includeRetired: boolean): Promise<LetterTemplate[]> {
    return (await this.repository.list(ctx.db, ctx.ability, includeRetired)).map(toLetterTemplate);
  }

  /** Null for another agency's template, exactly as for one that does not exist. */
  async findOne(ctx: RequestContext, id: string): Promise<LetterTemplate | null> {
    const row = await this.repository.find(ctx.db, { ability: ctx.ability, action: 'read' }, parseId(id, 'id'));
    return row ? toLetterTemplate(row) : null;
  }

  async create(ctx: RequestContext, input: CreateLetterTemplateInput): Promise<LetterTemplate> {
    const text = cleanTemplateText(input);
    const row = await this.repository.insert(ctx.db, {
      agencyId: ctx.user!.agencyId,
      kind: input.kind,
      ...text,
      savedBy: ctx.user!.id,
    });
    return toLetterTemplate(row);
  }

  /** A new version of the text; the versions before it are kept, so letters made from them still name their words. */
  async update(
    ctx: RequestContext,
    id: string,
    expectedVersion: number,
    input: LetterTemplateTextInput,
  ): Promise<LetterTemplate> {
    const current = await this.managed(ctx, id);
    if (current.retired_at) throw new StateConflictError('This template has been retired', 'id');
    const text = cleanTemplateText(input);
    const saved = await this.repository.saveVersion(ctx.db, current.id, expectedVersion, {
      ...text,
      savedBy: ctx.user!.id,
    });
    if (!saved) throw new VersionConflictError('The template', current.version);
    return toLetterTemplate(saved);
  }

  async retire(ctx: RequestContext, id: string): Promise<LetterTemplate> {
    const current = await this.managed(ctx, id);
    return toLetterTemplate((await this.repository.retire(ctx.db, current.id, ctx.user!.id))!);
  }

  /** A template the caller keeps; NOT_FOUND for another agency's. */
  private async managed(ctx: RequestContext, id: string) {
    const row = await this.repository.find(ctx.db, { ability: ctx.ability, action: 'update' }, parseId(id, 'id'));
    if (!row) throw new NotFoundError('Letter template', 'id');
    return row;
  }

  /**
   * The letter as producing it would make it, with no side effect but the view it is: the identifiers it shows
   * are recorded on the case's trail as any other read of them is. Anyone who may work on the case may look.
   */
  async preview(
    ctx: RequestContext,
    caseId: string,
    templateId: string,
    recipientPartyId: string,
  ): Promise<LetterPreview> {
    const kase = await this.cases.require(ctx, caseId, 'contribute');
    const template = await this.usableTemplate(ctx, templateId);
    const { merged } = await this.merge(ctx, kase, template.body, recipientPartyId);
    this.noteShown(ctx, kase, template.body, merged);
    return { ...merged, templateId: template.id, templateVersion: template.version };
  }

  /**
   * Makes the letter as a PDF, keeps it on the case as evidence (the evidence library's own rules, store and
   * trail) and records it as an action or a contact, all in one transaction: a refusal anywhere leaves none of
   * it. Only a writer who may add evidence to the case produces one.
   */
  async produce(
    ctx: RequestContext,
    caseId: string,
    templateId: string,
    recipientPartyId: string,
  ): Promise<ProducedLetter> {
    const kase = await this.evidence.requireWritable(ctx, caseId);
    const template = await this.usableTemplate(ctx, templateId);
    const { merged, recipient } = await this.merge(ctx, kase, template.body, recipientPartyId);
    const agencyName = (await this.agencies.byId(ctx, ctx.user!.agencyId)).name;
    const kindName = LETTER_KIND_NAMES[template.kind];
    const bytes = await letterPdf({ title: `${kindName} ${kase.reference}`, agencyName, text: merged.text });
    const role = recipient.role.toLowerCase();
    const made = `${kindName} to the ${role}, from template “${template.name}” version ${template.version}`;
    const how = letterRecord(template.kind, recipient.role, this.mayRecordContacts(ctx, kase));

    const { file, result } = await this.evidence.addMade(
      ctx,
      kase.id,
      { bytes, fileName: letterFileName(template.kind, kase.reference, londonDate(new Date())), description: made },
      async (tx, file) => {
        const record =
          how.as === 'contact'
            ? await this.contacts.record(tx, kase.id, {
                contactedAt: new Date(),
                channel: ContactChannel.LETTER,
                note: `${made} (evidence file ${file.fileName})`,
              })
            : await this.actions.add(tx, kase.id, {
                kind: how.kind,
                // Action descriptions are read by every agency holding the case: no one's name or address in it.
                description: `${made} (evidence file ${file.fileName})`,
                ownerAgencyId: tx.user!.agencyId,
              });
        await this.audit.record(tx, kase.id, AuditAction.LETTER_PRODUCED, {
          template: { id: template.id, version: template.version, kind: template.kind, name: template.name },
          recipient: { partyId: recipient.id, role: recipient.role },
          evidenceFileId: file.id,
          recordedAs: how.as === 'contact' ? 'CONTACT' : 'ACTION',
          recordId: record.id,
          withheldFields: merged.withheldFields,
          fields: mergeFieldsOf(template.body),
        });
        return { recordedAs: how.as === 'contact' ? 'CONTACT' : 'ACTION', recordId: record.id };
      },
    );
    return {
      evidence: file,
      withheldFields: merged.withheldFields,
      missingFields: merged.missingFields,
      templateVersion: template.version,
      ...result,
    };
  }

  /** Contacts with the reporter are written by whoever the field rules let write them (the owner). */
  private mayRecordContacts(ctx: RequestContext, kase: Case): boolean {
    try {
      assertWritable(ctx.ability, 'Case', caseAttributes(kase), ['contacts']);
      return true;
    } catch {
      return false;
    }
  }

  /** One of the caller's agency's live templates; another agency's is NOT_FOUND, a retired one refused. */
  private async usableTemplate(ctx: RequestContext, id: string) {
    const row = await this.repository.find(ctx.db, { ability: ctx.ability, action: 'read' }, parseId(id, 'templateId'));
    if (!row) throw new NotFoundError('Letter template', 'templateId');
    if (row.retired_at) throw new BadInputError('templateId', 'This template has been retired: choose another');
    return row;
  }

  /** The merged letter, every value read as the caller reads it through the API. */
  private async merge(
    ctx: RequestContext,
    kase: Case,
    body: string,
    recipientPartyId: string,
  ): Promise<{ merged: MergedLetter; recipient: Party }> {
    const partyId = parseId(recipientPartyId, 'recipientPartyId');
    const recipient = (await this.cases.parties(ctx, kase)).find((party) => party.id === partyId);
    if (!recipient) throw new NotFoundError('Party', 'recipientPartyId');
    const used = new Set(mergeFieldsOf(body));
    const partyValue = (field: 'fullName' | 'address'): MergeValue =>
      recipient.redactedFields.includes(field) ? { withheld: true } : recipient[field];
    const caseValue = (field: 'reference' | 'ward' | 'category', text: string | null): MergeValue =>
      kase.redactedFields.includes(field) ? { withheld: true } : text;
    const latest = used.has('incidents.latest.occurredAt') ? await this.latestIncidentAt(ctx, kase.id) : null;
    const agencyName = used.has('agency.name') ? (await this.agencies.byId(ctx, ctx.user!.agencyId)).name : null;
    const values: Record<MergeFieldKey, MergeValue> = {
      'recipient.fullName': partyValue('fullName'),
      'recipient.address': partyValue('address'),
      'case.reference': caseValue('reference', kase.reference),
      'case.category': caseValue('category', kase.category ? printedWords(kase.category) : null),
      'case.ward': caseValue('ward', kase.ward),
      'incidents.latest.occurredAt': latest ? letterDay(latest) : null,
      'officer.displayName': ctx.user!.displayName,
      'agency.name': agencyName,
      today: letterDay(new Date()),
    };
    return { merged: mergeLetter(body, values), recipient };
  }

  private async latestIncidentAt(ctx: RequestContext, caseId: string): Promise<Date | null> {
    const incidents = await this.incidents.findOfCases(ctx.db, [caseId]);
    return incidents.reduce<Date | null>((at, i) => (at && at >= i.occurred_at ? at : i.occurred_at), null);
  }

  /** The person's identifiers the preview sent, recorded as a view of them as the API's own answers are. */
  private noteShown(ctx: RequestContext, kase: Case, body: string, merged: MergedLetter): void {
    for (const key of mergeFieldsOf(body)) {
      const field = PARTY_FIELDS[key as MergeFieldKey];
      if (!field || merged.withheldFields.includes(key) || merged.missingFields.includes(key)) continue;
      noteView(ctx, kase.id, `party.${field}`);
    }
  }
}
