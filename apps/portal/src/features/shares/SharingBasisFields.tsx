import type { ConsentState, LawfulBasis, SharingBasisInput } from '../../gql/graphql';
import { ConditionalRadios } from '../../ui/ConditionalRadios';
import { Textarea, type FieldError } from '../../ui/govuk';
import { CONSENT_STATES, LAWFUL_BASES } from './sharing-basis';

/** The lawful basis and the victim's consent as a form holds them while they are typed. */
export interface SharingBasisDraft {
  lawfulBasis: string;
  lawfulBasisDetail: string;
  consent: string;
  /** Why consent was not sought, and the risk that overrides a refusal: kept apart, so one never becomes the other. */
  consentWhy: string;
  consentRisk: string;
}

export const emptySharingBasis = (): SharingBasisDraft => ({
  lawfulBasis: '',
  lawfulBasisDetail: '',
  consent: '',
  consentWhy: '',
  consentRisk: '',
});

/** The ids of the fields, under one prefix, so two forms on a page never share an id. */
const ids = (prefix: string) => ({
  basis: `${prefix}-basis`,
  basisDetail: `${prefix}-basis-detail`,
  consent: `${prefix}-consent`,
  consentWhy: `${prefix}-consent-why`,
  consentRisk: `${prefix}-consent-risk`,
});

/** What is missing or contradictory before the API is asked, each pointing at its field. */
export function sharingBasisProblems(prefix: string, draft: SharingBasisDraft): FieldError[] {
  const id = ids(prefix);
  const problems: FieldError[] = [];
  if (!draft.lawfulBasis) problems.push({ text: 'Select the lawful basis for sharing', href: id.basis });
  else if (draft.lawfulBasis === 'OTHER' && draft.lawfulBasisDetail.trim().length < 3)
    problems.push({ text: 'Enter the lawful basis you are relying on', href: id.basisDetail });
  if (!draft.consent) problems.push({ text: "Select whether the victim's consent was given", href: id.consent });
  else if (draft.consent === 'NOT_SOUGHT' && draft.consentWhy.trim().length < 3)
    problems.push({ text: 'Enter why consent was not sought', href: id.consentWhy });
  else if (draft.consent === 'REFUSED_OVERRIDDEN' && draft.consentRisk.trim().length < 3)
    problems.push({ text: 'Enter the risk that justifies sharing against the refusal', href: id.consentRisk });
  else if (draft.lawfulBasis === 'CONSENT' && draft.consent !== 'GIVEN')
    problems.push({
      text: 'Consent can be the lawful basis only when the victim gave it: select another basis',
      href: id.basis,
    });
  return problems;
}

/** The draft as the API's `SharingBasisInput`, once sharingBasisProblems finds nothing. */
export function sharingBasisInput(draft: SharingBasisDraft): SharingBasisInput {
  const consentDetail =
    draft.consent === 'NOT_SOUGHT' ? draft.consentWhy : draft.consent === 'REFUSED_OVERRIDDEN' ? draft.consentRisk : '';
  return {
    lawfulBasis: draft.lawfulBasis as LawfulBasis,
    lawfulBasisDetail: draft.lawfulBasis === 'OTHER' ? draft.lawfulBasisDetail.trim() : null,
    consent: draft.consent as ConsentState,
    consentDetail: consentDetail.trim() || null,
  };
}

/** Where the API's field names for the basis point on the form, for its field errors. */
export function sharingBasisApiFields(prefix: string, consent: string): Record<string, { id: string; label: string }> {
  const id = ids(prefix);
  return {
    lawfulBasis: { id: id.basis, label: 'Lawful basis' },
    lawfulBasisDetail: { id: id.basisDetail, label: 'The lawful basis' },
    consent: { id: id.consent, label: "The victim's consent" },
    consentDetail:
      consent === 'REFUSED_OVERRIDDEN'
        ? { id: id.consentRisk, label: 'The risk that justifies sharing' }
        : { id: id.consentWhy, label: 'Why consent was not sought' },
  };
}

/**
 * The lawful basis (the statute in each hint; "another basis" reveals its words) and the victim's consent ("not
 * sought" reveals why, "refused" the risk that justifies sharing), as GOV.UK conditional radios: the same fields
 * wherever a share is made (the Sharing tab, granting a request for access).
 */
export function SharingBasisFields({
  prefix,
  draft,
  onChange,
  errors,
}: {
  prefix: string;
  draft: SharingBasisDraft;
  onChange: (change: Partial<SharingBasisDraft>) => void;
  errors: FieldError[];
}) {
  const id = ids(prefix);
  const err = (field: string) => errors.find((e) => e.href === field)?.text;
  return (
    <>
      <ConditionalRadios
        id={id.basis}
        legend="Lawful basis"
        hint="The legal gateway the share relies on"
        value={draft.lawfulBasis}
        onChange={(lawfulBasis) => onChange({ lawfulBasis })}
        error={err(id.basis)}
        options={LAWFUL_BASES.map((b) => ({
          ...b,
          reveal:
            b.value === 'OTHER' ? (
              <Textarea
                id={id.basisDetail}
                label="The lawful basis"
                hint="The law, agreement or condition you are relying on"
                rows={2}
                value={draft.lawfulBasisDetail}
                onChange={(lawfulBasisDetail) => onChange({ lawfulBasisDetail })}
                error={err(id.basisDetail)}
              />
            ) : undefined,
        }))}
      />
      <ConditionalRadios
        id={id.consent}
        legend="The victim's consent"
        value={draft.consent}
        onChange={(consent) => onChange({ consent })}
        error={err(id.consent)}
        options={CONSENT_STATES.map((state) => ({
          ...state,
          reveal:
            state.value === 'NOT_SOUGHT' ? (
              <Textarea
                id={id.consentWhy}
                label="Why consent was not sought"
                hint="For example, asking would put the victim at greater risk"
                rows={2}
                value={draft.consentWhy}
                onChange={(consentWhy) => onChange({ consentWhy })}
                error={err(id.consentWhy)}
              />
            ) : state.value === 'REFUSED_OVERRIDDEN' ? (
              <Textarea
                id={id.consentRisk}
                label="The risk that justifies sharing"
                hint="The risk of serious harm that outweighs the victim's refusal"
                rows={2}
                value={draft.consentRisk}
                onChange={(consentRisk) => onChange({ consentRisk })}
                error={err(id.consentRisk)}
              />
            ) : undefined,
        }))}
      />
    </>
  );
}
