import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseCategory, RiskLevel } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { Link, navigate, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { CASE_CATEGORIES, RISK_LEVELS, humanise, options } from '../../format';
import { ErrorSummary, Select, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';
import {
  PARTY_LABELS,
  PartyFields,
  emptyParty,
  partyFieldId,
  partyProblems,
  toPartyInput,
  type PartyDraft,
} from './PartyFields';

const CreateCase = graphql(`
  mutation CreateCase($input: CreateCaseInput!) {
    createCase(input: $input) {
      id
      reference
    }
  }
`);

interface NewCaseDraft {
  category: string;
  summary: string;
  ward: string;
  riskLevel: string;
  address: string;
  parties: PartyDraft[];
}

const CASE_FIELDS: Record<string, { id: string; label: string }> = {
  category: { id: 'case-category', label: 'Category' },
  summary: { id: 'case-summary', label: 'Summary' },
  ward: { id: 'case-ward', label: 'Ward' },
  riskLevel: { id: 'case-risk', label: 'Risk level' },
  address: { id: 'case-address', label: 'Address' },
};

/** "parties.0.fullName" → the input of person 1's full name. */
function resolveField(field: string) {
  const m = /^parties\.(\d+)\.(\w+)$/.exec(field);
  if (m)
    return {
      id: partyFieldId(`party-${m[1]}`, m[2]),
      label: `${PARTY_LABELS[m[2]] ?? m[2]} of person ${Number(m[1]) + 1}`,
    };
  return CASE_FIELDS[field];
}

export function NewCasePage({ user }: { user: SessionUser }) {
  usePageTitle('Open a case');
  const [form, update, reset] = useDraft<NewCaseDraft>('case.new', () => ({
    category: '',
    summary: '',
    ward: '',
    riskLevel: 'STANDARD',
    address: '',
    parties: [],
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [create, { loading }] = useMutation(CreateCase);

  if (!user.can.createCase) {
    return (
      <>
        <h1 className="govuk-heading-l">Open a case</h1>
        <NoCaseAccess />
      </>
    );
  }

  const setParty = (i: number, patch: Partial<PartyDraft>) =>
    update({ parties: form.parties.map((p, j) => (j === i ? { ...p, ...patch } : p)) });
  const addParty = () => {
    update({ parties: [...form.parties, emptyParty()] });
    // Move to the new person's first field once it is on the page.
    setTimeout(() => document.getElementById(`party-${form.parties.length}-role`)?.focus(), 0);
  };
  const removeParty = (i: number) => {
    update({ parties: form.parties.filter((_, j) => j !== i) });
    setErrors([]);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!form.category) problems.push({ text: 'Select a category', href: 'case-category' });
    if (form.summary.trim().length < 3)
      problems.push({ text: 'Enter a summary of at least 3 characters', href: 'case-summary' });
    if (!form.ward.trim()) problems.push({ text: 'Enter the ward', href: 'case-ward' });
    form.parties.forEach((p, i) => problems.push(...partyProblems(`party-${i}`, p, `person ${i + 1}`)));
    setErrors(problems);
    if (problems.length) return;
    try {
      const { data } = await create({
        variables: {
          input: {
            category: form.category as CaseCategory,
            summary: form.summary.trim(),
            ward: form.ward.trim(),
            riskLevel: form.riskLevel as RiskLevel,
            address: form.address.trim() || null,
            parties: form.parties.map(toPartyInput),
          },
        },
        // The new case belongs in every list of cases.
        update: (cache) => cache.evict({ fieldName: 'cases' }),
      });
      reset();
      if (data?.createCase) navigate(`/cases/${data.createCase.id}`);
    } catch (err) {
      setErrors(apiFieldErrors(err, resolveField));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      <Link href="/cases" className="govuk-back-link govuk-!-margin-top-0">
        Cases
      </Link>
      <h1 className="govuk-heading-l" id="new-case-heading">
        Open a case
      </h1>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="new-case-heading">
        <div className="govuk-grid-row">
          <div className="govuk-grid-column-two-thirds">
            <Select
              id="case-category"
              label="Category"
              value={form.category}
              onChange={(category) => update({ category })}
              error={err('case-category')}
              options={[{ value: '', text: 'Select a category' }, ...options(CASE_CATEGORIES)]}
            />
            <Textarea
              id="case-summary"
              label="Summary"
              hint="What is happening, and to whom"
              value={form.summary}
              onChange={(summary) => update({ summary })}
              error={err('case-summary')}
              rows={5}
            />
            <TextInput
              id="case-ward"
              label="Ward"
              inputClass="govuk-input--width-20"
              value={form.ward}
              onChange={(ward) => update({ ward })}
              error={err('case-ward')}
            />
            <Select
              id="case-risk"
              label="Risk level"
              value={form.riskLevel}
              onChange={(riskLevel) => update({ riskLevel })}
              error={err('case-risk')}
              options={options(RISK_LEVELS)}
            />
            <TextInput
              id="case-address"
              label="Address"
              hint="Optional"
              autoComplete="off"
              value={form.address}
              onChange={(address) => update({ address })}
              error={err('case-address')}
            />

            <h2 className="govuk-heading-m govuk-!-margin-top-8">People</h2>
            {form.parties.length === 0 && (
              <p className="govuk-body">No people added yet. You can add them now or later.</p>
            )}
            {form.parties.map((p, i) => (
              <fieldset className="govuk-fieldset app-party-fieldset govuk-!-margin-bottom-6" key={i}>
                <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">
                  Person {i + 1}
                  {p.role ? `: ${humanise(p.role)}` : ''}
                </legend>
                <PartyFields prefix={`party-${i}`} value={p} onChange={(patch) => setParty(i, patch)} errors={errors} />
                <button
                  type="button"
                  className="govuk-button govuk-button--warning"
                  data-module="govuk-button"
                  onClick={() => removeParty(i)}
                >
                  Remove<span className="govuk-visually-hidden"> person {i + 1}</span>
                </button>
              </fieldset>
            ))}
            <button
              type="button"
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={addParty}
            >
              Add a person
            </button>

            <div className="govuk-button-group govuk-!-margin-top-6">
              <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
                Open case
              </button>
              <Link href="/cases" className="govuk-link">
                Cancel
              </Link>
            </div>
          </div>
        </div>
      </form>
    </>
  );
}
