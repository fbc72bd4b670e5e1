import { Fragment, type ReactNode } from 'react';

export interface ConditionalOption {
  value: string;
  text: string;
  hint?: string;
  /** Shown under the option while it is chosen (GOV.UK's "conditional reveal") */
  reveal?: ReactNode;
}

/**
 * GOV.UK radios whose chosen option reveals the questions that follow from it. The revealed block stays on the
 * page, hidden, so each radio's aria-controls always names an element that exists (no aria-expanded: a radio
 * may not carry it, and the choice itself says what is shown).
 */
export function ConditionalRadios({
  id,
  legend,
  legendClass = 'govuk-fieldset__legend--s',
  hint,
  error,
  value,
  onChange,
  options,
  large,
}: {
  id: string;
  legend: string;
  legendClass?: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  options: ConditionalOption[];
  /** Full-size radios, for the public (officers' forms use the small ones) */
  large?: boolean;
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`govuk-form-group${error ? ' govuk-form-group--error' : ''}`}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy}>
        <legend className={`govuk-fieldset__legend ${legendClass}`}>{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        {error && (
          <p id={`${id}-error`} className="govuk-error-message">
            <span className="govuk-visually-hidden">Error:</span> {error}
          </p>
        )}
        <div
          className={`govuk-radios${large ? '' : ' govuk-radios--small'}${options.some((o) => Boolean(o.reveal)) ? ' govuk-radios--conditional' : ''}`}
        >
          {options.map((o, i) => {
            const inputId = i === 0 ? id : `${id}-${i}`;
            const checked = value === o.value;
            return (
              <Fragment key={o.value}>
                <div className="govuk-radios__item">
                  <input
                    className="govuk-radios__input"
                    id={inputId}
                    name={id}
                    type="radio"
                    value={o.value}
                    checked={checked}
                    aria-controls={o.reveal ? `${inputId}-conditional` : undefined}
                    aria-describedby={o.hint ? `${inputId}-item-hint` : undefined}
                    onChange={() => onChange(o.value)}
                  />
                  <label className="govuk-label govuk-radios__label" htmlFor={inputId}>
                    {o.text}
                  </label>
                  {o.hint && (
                    <div id={`${inputId}-item-hint`} className="govuk-hint govuk-radios__hint">
                      {o.hint}
                    </div>
                  )}
                </div>
                {o.reveal && (
                  <div
                    className={`govuk-radios__conditional${checked ? '' : ' govuk-radios__conditional--hidden'}`}
                    id={`${inputId}-conditional`}
                  >
                    {o.reveal}
                  </div>
                )}
              </Fragment>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
