import type { ConsentState, LawfulBasis } from '../../gql/graphql';

/** The lawful bases a share may rely on, each with the statute it comes from, in the order the form offers them. */
export const LAWFUL_BASES: { value: LawfulBasis; text: string; hint: string }[] = [
  {
    value: 'CRIME_AND_DISORDER_ACT_S115',
    text: 'Crime and disorder',
    hint: 'Crime and Disorder Act 1998, section 115',
  },
  { value: 'PUBLIC_TASK', text: 'Public task', hint: 'UK GDPR Article 6(1)(e): a task in the public interest' },
  { value: 'CARE_ACT_S45', text: 'Safeguarding adults', hint: 'Care Act 2014, section 45' },
  { value: 'VITAL_INTERESTS', text: 'Vital interests', hint: "UK GDPR Article 6(1)(d): to protect someone's life" },
  { value: 'CONSENT', text: 'Consent', hint: 'UK GDPR Article 6(1)(a): only when the victim has agreed' },
  { value: 'OTHER', text: 'Another basis', hint: 'Say which' },
];

export const CONSENT_STATES: { value: ConsentState; text: string }[] = [
  { value: 'GIVEN', text: 'Given' },
  { value: 'NOT_SOUGHT', text: 'Not sought' },
  { value: 'REFUSED_OVERRIDDEN', text: 'Refused, but the share goes ahead' },
];

const BASIS_NAMES: Record<LawfulBasis, string> = {
  CRIME_AND_DISORDER_ACT_S115: 'Crime and Disorder Act 1998 s.115',
  PUBLIC_TASK: 'Public task (UK GDPR 6(1)(e))',
  CARE_ACT_S45: 'Care Act 2014 s.45',
  VITAL_INTERESTS: 'Vital interests (UK GDPR 6(1)(d))',
  CONSENT: 'Consent (UK GDPR 6(1)(a))',
  OTHER: 'Other',
};

const CONSENT_NAMES: Record<ConsentState, string> = {
  GIVEN: 'Given',
  NOT_SOUGHT: 'Not sought',
  REFUSED_OVERRIDDEN: 'Refused and overridden',
  NOT_RECORDED: 'Not recorded',
};

/** A lawful basis as a reader sees it: its name, then its words when they add something. */
export function lawfulBasisText(basis: LawfulBasis, detail: string | null | undefined): string {
  return detail ? `${BASIS_NAMES[basis]}: ${detail}` : BASIS_NAMES[basis];
}

/** The victim's consent as a reader sees it: the state, then why (or the risk) when recorded. */
export function consentText(consent: { state: ConsentState; detail?: string | null }): string {
  return consent.detail ? `${CONSENT_NAMES[consent.state]}: ${consent.detail}` : CONSENT_NAMES[consent.state];
}
