import type { FormEvent } from 'react';
import { CASE_CATEGORIES, options } from '../../format';
import { Select, TextInput, type FieldError } from '../../ui/govuk';
import { isDay } from './period';

export interface ReportFilter {
  /** YYYY-MM-DD, both days included */
  from: string;
  to: string;
  ward: string;
  category: string;
}

export const FILTER_FIELDS = {
  from: { id: 'report-from', label: 'From' },
  to: { id: 'report-to', label: 'To' },
  ward: { id: 'report-ward', label: 'Ward' },
  category: { id: 'report-category', label: 'Category' },
} as const;

/** What is wrong with a filter, as GOV.UK error messages linked to their inputs. */
export function filterProblems(f: ReportFilter): FieldError[] {
  const problems: FieldError[] = [];
  if (!isDay(f.from))
    problems.push({ text: 'Enter the first day of the period as a real date', href: FILTER_FIELDS.from.id });
  if (!isDay(f.to))
    problems.push({ text: 'Enter the last day of the period as a real date', href: FILTER_FIELDS.to.id });
  else if (isDay(f.from) && f.to < f.from)
    problems.push({ text: 'The last day must be the same as or after the first day', href: FILTER_FIELDS.to.id });
  if (f.category && !(CASE_CATEGORIES as readonly string[]).includes(f.category))
    problems.push({ text: 'Choose a category from the list', href: FILTER_FIELDS.category.id });
  return problems;
}

/** The period, and for managers a ward and a category; submitting shows the figures for them. */
export function ReportFilters({
  value,
  onChange,
  onSubmit,
  errors,
  caseFilters,
}: {
  value: ReportFilter;
  onChange: (f: ReportFilter) => void;
  onSubmit: () => void;
  errors: FieldError[];
  /** Ward and category narrow the case figures only; MARAC figures are by period. */
  caseFilters: boolean;
}) {
  const err = (id: string) => errors.find((e) => e.href === id)?.text;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form className="app-report-filters" onSubmit={submit} noValidate aria-label="Report filters">
      <div className="govuk-form-group">
        <fieldset className="govuk-fieldset" aria-describedby="report-period-hint">
          <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">Period</legend>
          <div id="report-period-hint" className="govuk-hint">
            Whole days, London time; both days are included
          </div>
          <div className="app-report-filters__row">
            <TextInput
              id={FILTER_FIELDS.from.id}
              label={FILTER_FIELDS.from.label}
              type="date"
              inputClass="govuk-input--width-10"
              value={value.from}
              onChange={(from) => onChange({ ...value, from })}
              error={err(FILTER_FIELDS.from.id)}
            />
            <TextInput
              id={FILTER_FIELDS.to.id}
              label={FILTER_FIELDS.to.label}
              type="date"
              inputClass="govuk-input--width-10"
              value={value.to}
              onChange={(to) => onChange({ ...value, to })}
              error={err(FILTER_FIELDS.to.id)}
            />
          </div>
        </fieldset>
      </div>
      {caseFilters && (
        <div className="app-report-filters__row">
          <TextInput
            id={FILTER_FIELDS.ward.id}
            label={FILTER_FIELDS.ward.label}
            hint="Case figures only; leave empty for every ward"
            inputClass="govuk-input--width-20"
            value={value.ward}
            onChange={(ward) => onChange({ ...value, ward })}
          />
          <Select
            id={FILTER_FIELDS.category.id}
            label={FILTER_FIELDS.category.label}
            hint="Case figures only"
            value={value.category}
            onChange={(category) => onChange({ ...value, category })}
            error={err(FILTER_FIELDS.category.id)}
            options={[{ value: '', text: 'All categories' }, ...options(CASE_CATEGORIES)]}
          />
        </div>
      )}
      <button type="submit" className="govuk-button" data-module="govuk-button">
        Show figures
      </button>
    </form>
  );
}
