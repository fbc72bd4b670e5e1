import { ConsentState, LawfulBasis } from './case-share.model.js';

/** A share's lawful basis and the victim's consent, as the owner states them when sharing. */
export interface SharingBasisChoice {
  lawfulBasis: LawfulBasis;
  lawfulBasisDetail?: string | null;
  consent: ConsentState;
  consentDetail?: string | null;
}

/** A share's lawful basis and consent as the case_shares row keeps them. */
export interface RecordedBasis {
  lawfulBasis: LawfulBasis;
  lawfulBasisDetail: string | null;
  consent: ConsentState;
  consentDetail: string | null;
}

/** A refused basis: the field to name and why. */
export interface BasisProblem {
  field: 'lawfulBasisDetail' | 'consent' | 'consentDetail';
  message: string;
}

const text = (value: string | null | undefined): string | null => value?.trim() || null;

/** What must be said in words for a choice, by field: the gap a reader of the disclosure log would ask about. */
const REQUIRED_TEXT: {
  field: 'lawfulBasisDetail' | 'consentDetail';
  when: (c: SharingBasisChoice) => boolean;
  message: string;
}[] = [
  {
    field: 'lawfulBasisDetail',
    when: (c) => c.lawfulBasis === LawfulBasis.OTHER,
    message: 'lawfulBasisDetail must name the lawful basis when it is OTHER',
  },
  {
    field: 'consentDetail',
    when: (c) => c.consent === ConsentState.NOT_SOUGHT,
    message: 'consentDetail must say why consent was not sought',
  },
  {
    field: 'consentDetail',
    when: (c) => c.consent === ConsentState.REFUSED_OVERRIDDEN,
    message: 'consentDetail must name the risk that justifies sharing against the refusal',
  },
];

/**
 * Why a stated basis cannot be recorded, or null. Checked here as well as on the input, so a share made by
 * another service (an access request granted) is held to the same rule as one made through shareCase.
 */
export function basisProblem(choice: SharingBasisChoice): BasisProblem | null {
  for (const rule of REQUIRED_TEXT) {
    if (rule.when(choice) && !text(choice[rule.field])) return { field: rule.field, message: rule.message };
  }
  if (choice.consent === ConsentState.NOT_RECORDED) {
    return {
      field: 'consent',
      message:
        'consent NOT_RECORDED is kept for shares made before consent was asked: say GIVEN, NOT_SOUGHT or REFUSED_OVERRIDDEN',
    };
  }
  // Consent as the lawful basis is consent given: refused or never asked, the share needs another basis.
  if (choice.lawfulBasis === LawfulBasis.CONSENT && choice.consent !== ConsentState.GIVEN) {
    return {
      field: 'consent',
      message: `A share on the basis of consent needs consent GIVEN, not ${choice.consent}: choose the basis the share relies on`,
    };
  }
  return null;
}

/**
 * The basis to record: the one stated (its words trimmed, empty as none), or, without one (the contract's
 * shareCase), OTHER in the reason's words with consent NOT_RECORDED. Call after basisProblem answered null.
 */
export function recordedBasis(reason: string, choice?: SharingBasisChoice | null): RecordedBasis {
  if (!choice) {
    return {
      lawfulBasis: LawfulBasis.OTHER,
      lawfulBasisDetail: reason,
      consent: ConsentState.NOT_RECORDED,
      consentDetail: null,
    };
  }
  return {
    lawfulBasis: choice.lawfulBasis,
    lawfulBasisDetail: text(choice.lawfulBasisDetail),
    consent: choice.consent,
    consentDetail: text(choice.consentDetail),
  };
}

const LAWFUL_BASIS_WORDS: Record<LawfulBasis, string> = {
  PUBLIC_TASK: 'public task (UK GDPR Article 6(1)(e))',
  CRIME_AND_DISORDER_ACT_S115: 'Crime and Disorder Act 1998 s.115',
  CARE_ACT_S45: 'Care Act 2014 s.45',
  CONSENT: 'consent (UK GDPR Article 6(1)(a))',
  VITAL_INTERESTS: 'vital interests (UK GDPR Article 6(1)(d))',
  OTHER: 'other',
};

const CONSENT_WORDS: Record<ConsentState, string> = {
  GIVEN: 'given',
  NOT_SOUGHT: 'not sought',
  REFUSED_OVERRIDDEN: 'refused and overridden',
  NOT_RECORDED: 'not recorded',
};

/** A recorded basis and consent in words, as the audit trail shows a share: "Lawful basis: …. Consent: …". */
export function basisInWords(basis: {
  lawfulBasis: string;
  lawfulBasisDetail?: string | null;
  consent: { state: string; detail?: string | null };
}): string {
  const lawful = LAWFUL_BASIS_WORDS[basis.lawfulBasis as LawfulBasis] ?? basis.lawfulBasis;
  const consent = CONSENT_WORDS[basis.consent.state as ConsentState] ?? basis.consent.state;
  const detail = (words?: string | null) => (words ? ` (${words})` : '');
  return `Lawful basis: ${lawful}${detail(basis.lawfulBasisDetail)}. Consent: ${consent}${detail(basis.consent.detail)}`;
}
