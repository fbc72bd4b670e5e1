import { registerEnumType } from '@nestjs/graphql';
import { ActionKind, BadInputError, PartyRole } from '#libs/common';

/** The letters an agency keeps templates for. */
export enum LetterKind {
  WARNING_LETTER = 'WARNING_LETTER',
  COMMUNITY_PROTECTION_WARNING = 'COMMUNITY_PROTECTION_WARNING',
  ACCEPTABLE_BEHAVIOUR_CONTRACT = 'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  CLOSURE_LETTER = 'CLOSURE_LETTER',
  CASE_REVIEW_OUTCOME = 'CASE_REVIEW_OUTCOME',
}
registerEnumType(LetterKind, {
  name: 'LetterKind',
  description:
    'A kind of letter: warning letter, Community Protection Warning, acceptable behaviour contract, closure letter, ASB Case Review outcome',
});

/** The one list of merge fields: a template may name these and nothing else. */
export const MERGE_FIELDS = [
  { key: 'recipient.fullName', label: 'The full name of the person the letter is to' },
  { key: 'recipient.address', label: 'The address of the person the letter is to' },
  { key: 'case.reference', label: 'The case reference' },
  { key: 'case.category', label: 'What the case is about (for example "Noise")' },
  { key: 'case.ward', label: 'The ward' },
  { key: 'incidents.latest.occurredAt', label: 'The date of the most recent incident on the case' },
  { key: 'officer.displayName', label: 'Your name (the officer writing the letter)' },
  { key: 'agency.name', label: 'Your agency’s name' },
  { key: 'today', label: 'Today’s date' },
] as const;

export type MergeFieldKey = (typeof MERGE_FIELDS)[number]['key'];
const KNOWN: ReadonlySet<string> = new Set(MERGE_FIELDS.map((field) => field.key));

/** `{{ name }}`, with or without spaces inside the braces. */
const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/** The merge fields a body names, each once, in the order they first appear. */
export function mergeFieldsOf(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** Refuses a body naming a merge field that is not in MERGE_FIELDS, naming it, so a typo is caught when saved. */
export function assertKnownMergeFields(body: string): void {
  const unknown = mergeFieldsOf(body).filter((key) => !KNOWN.has(key));
  if (unknown.length > 0) {
    const names = unknown.map((key) => `{{${key}}}`).join(', ');
    throw new BadInputError(
      'body',
      `Unknown merge field${unknown.length > 1 ? 's' : ''} ${names}: use only the fields listed`,
    );
  }
}

/** A template's name and body as they will be kept: trimmed, sizes checked, merge fields known. */
export function cleanTemplateText(input: { name: string; body: string }): { name: string; body: string } {
  const name = input.name.trim();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  if (name.length < 3 || name.length > 120) throw new BadInputError('name', 'Give a name of 3 to 120 characters');
  if (body.length < 10 || body.length > 20_000)
    throw new BadInputError('body', 'Give the letter’s text, 10 to 20,000 characters');
  assertKnownMergeFields(body);
  return { name, body };
}

/**
 * A merge field's value as the writer may read it: `withheld` when a rule keeps it from them (it stays empty and
 * is named), null when the case simply has none.
 */
export type MergeValue = string | null | { withheld: true };

export interface MergedLetter {
  text: string;
  /** Fields the template uses that the writer may not read: empty in the letter. */
  withheldFields: string[];
  /** Fields the template uses that the case does not record: empty too, but nobody is kept from them. */
  missingFields: string[];
}

/** The body with each merge field replaced by its value; a withheld or missing value leaves the place empty. */
export function mergeLetter(body: string, values: Readonly<Record<MergeFieldKey, MergeValue>>): MergedLetter {
  const withheld = new Set<string>();
  const missing = new Set<string>();
  const text = body.replace(PLACEHOLDER, (_whole, key: string) => {
    const value = KNOWN.has(key) ? values[key as MergeFieldKey] : null;
    if (value !== null && typeof value === 'object') {
      withheld.add(key);
      return '';
    }
    if (value === null || value.trim() === '') {
      missing.add(key);
      return '';
    }
    return value;
  });
  return { text, withheldFields: [...withheld], missingFields: [...missing] };
}

/**
 * How a produced letter is recorded on the case. A warning letter, a CPW or an ABC is itself an intervention, an
 * action of that kind (so the interventions register and the figures count it). A closure letter or a Case Review
 * outcome tells the reporter: a contact, when it is to the reporter and the writer records contacts (the owner);
 * otherwise an action of kind OTHER_ACTION, so it is on the case all the same.
 */
export function letterRecord(
  kind: LetterKind,
  recipientRole: PartyRole,
  mayRecordContacts: boolean,
): { as: 'action'; kind: ActionKind } | { as: 'contact' } {
  switch (kind) {
    case LetterKind.WARNING_LETTER:
      return { as: 'action', kind: ActionKind.WARNING_LETTER };
    case LetterKind.COMMUNITY_PROTECTION_WARNING:
      return { as: 'action', kind: ActionKind.COMMUNITY_PROTECTION_WARNING };
    case LetterKind.ACCEPTABLE_BEHAVIOUR_CONTRACT:
      return { as: 'action', kind: ActionKind.ACCEPTABLE_BEHAVIOUR_CONTRACT };
    default: {
      const toReporter = recipientRole === PartyRole.COMPLAINANT || recipientRole === PartyRole.VICTIM;
      return toReporter && mayRecordContacts ? { as: 'contact' } : { as: 'action', kind: ActionKind.OTHER_ACTION };
    }
  }
}

/** "Warning letter", for descriptions and file names. */
export const LETTER_KIND_NAMES: Readonly<Record<LetterKind, string>> = {
  [LetterKind.WARNING_LETTER]: 'Warning letter',
  [LetterKind.COMMUNITY_PROTECTION_WARNING]: 'Community Protection Warning',
  [LetterKind.ACCEPTABLE_BEHAVIOUR_CONTRACT]: 'Acceptable behaviour contract',
  [LetterKind.CLOSURE_LETTER]: 'Closure letter',
  [LetterKind.CASE_REVIEW_OUTCOME]: 'Case Review outcome',
};

/** The file name a produced letter is kept under: kind, case reference and day, nothing about the person. */
export function letterFileName(kind: LetterKind, caseReference: string, day: string): string {
  const slug = LETTER_KIND_NAMES[kind].replace(/[^A-Za-z0-9]+/g, '-');
  return `${slug}-${caseReference.replace(/[^A-Za-z0-9-]+/g, '-')}-${day}.pdf`;
}

/**
 * Starting texts a manager may adopt and change: plain English, saying what such letters usually say and no more.
 * Not legal advice: each agency checks its own letters with its legal team.
 */
export const STARTER_TEMPLATES: readonly { kind: LetterKind; name: string; body: string }[] = [
  {
    kind: LetterKind.WARNING_LETTER,
    name: 'Warning letter',
    body: `{{today}}

{{recipient.fullName}}
{{recipient.address}}

Our reference: {{case.reference}}

Dear {{recipient.fullName}},

We have received reports of anti-social behaviour ({{case.category}}) in the {{case.ward}} area linked to your address, most recently on {{incidents.latest.occurredAt}}.

Behaviour of this kind causes harassment, alarm or distress to others and must stop. If it continues, we may take further action, which could include an acceptable behaviour contract, a Community Protection Warning or an application to court.

If you would like to talk about this letter, or if there is anything affecting you that we should know about, please contact me.

Yours sincerely,

{{officer.displayName}}
{{agency.name}}`,
  },
  {
    kind: LetterKind.COMMUNITY_PROTECTION_WARNING,
    name: 'Community Protection Warning',
    body: `{{today}}

{{recipient.fullName}}
{{recipient.address}}

Our reference: {{case.reference}}

COMMUNITY PROTECTION WARNING
Anti-social Behaviour, Crime and Policing Act 2014, section 43

Dear {{recipient.fullName}},

We are satisfied that your conduct ({{case.category}}, {{case.ward}} area, most recently on {{incidents.latest.occurredAt}}) is having a detrimental effect, of a persistent or continuing nature, on the quality of life of those in the locality, and that it is unreasonable.

You are warned that if this conduct continues, a Community Protection Notice may be issued to you. Failing to comply with a Community Protection Notice is a criminal offence.

To avoid this, the conduct described must stop from the date of this warning.

Yours sincerely,

{{officer.displayName}}
{{agency.name}}`,
  },
  {
    kind: LetterKind.ACCEPTABLE_BEHAVIOUR_CONTRACT,
    name: 'Acceptable behaviour contract',
    body: `{{today}}

Acceptable behaviour contract
Our reference: {{case.reference}}

This is a voluntary written agreement between {{recipient.fullName}} of {{recipient.address}} and {{agency.name}}.

I, {{recipient.fullName}}, agree that I will not behave in a way that causes or is likely to cause harassment, alarm or distress to anyone in the {{case.ward}} area.

I understand that this agreement will be reviewed, and that if I do not keep to it, further action may be taken, which could include an application to court.

Signed (the person):

Signed for {{agency.name}}: {{officer.displayName}}`,
  },
  {
    kind: LetterKind.CLOSURE_LETTER,
    name: 'Case closure letter',
    body: `{{today}}

{{recipient.fullName}}
{{recipient.address}}

Our reference: {{case.reference}}

Dear {{recipient.fullName}},

Thank you for reporting your concerns about {{case.category}} to us. I am writing to let you know that we have now closed your case.

If the problem starts again, please report it to us, quoting the reference above. If you are unhappy with how your reports have been handled, you may be able to ask for an ASB Case Review.

Yours sincerely,

{{officer.displayName}}
{{agency.name}}`,
  },
  {
    kind: LetterKind.CASE_REVIEW_OUTCOME,
    name: 'ASB Case Review outcome',
    body: `{{today}}

{{recipient.fullName}}
{{recipient.address}}

Our reference: {{case.reference}}

Dear {{recipient.fullName}},

Thank you for applying for an ASB Case Review. The partner agencies have now reviewed how your reports were handled, and this letter tells you the outcome and the recommendations agreed.

If you are not satisfied with how the review was carried out, you may ask for it to be looked at again. Please contact me for details.

Yours sincerely,

{{officer.displayName}}
{{agency.name}}`,
  },
];
