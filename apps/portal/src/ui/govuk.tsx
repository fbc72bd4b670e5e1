import { useEffect, useRef, type ReactNode, type MouseEvent, type Ref } from 'react';

// Thin wrappers over GOV.UK Frontend markup: the class names are the design system's own.

export interface FieldError {
  text: string;
  /** id of the input the message is about */
  href?: string;
}

export function ErrorSummary({
  title = 'There is a problem',
  errors,
  children,
}: {
  title?: string;
  errors: FieldError[];
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDivElement>(null);
  // Focus moves to the summary each time a new set of errors appears, as GOV.UK asks.
  const signature = title + errors.map((e) => e.text).join('|');
  useEffect(() => {
    ref.current?.focus();
  }, [signature]);
  const jump = (e: MouseEvent<HTMLAnchorElement>, id: string) => {
    const target = document.getElementById(id);
    if (!target) return;
    e.preventDefault();
    target.scrollIntoView({ block: 'center' });
    target.focus();
  };
  return (
    <div className="govuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="govuk-error-summary__title">{title}</h2>
        <div className="govuk-error-summary__body">
          {children}
          {errors.length > 0 && (
            <ul className="govuk-list govuk-error-summary__list">
              {errors.map((e) => (
                <li key={e.text}>
                  {e.href ? (
                    <a href={`#${e.href}`} onClick={(ev) => jump(ev, e.href!)}>
                      {e.text}
                    </a>
                  ) : (
                    e.text
                  )}
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}

function groupClass(error?: string) {
  return `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;
}

function ErrorMessage({ id, text }: { id: string; text?: string }) {
  if (!text) return null;
  return (
    <p id={`${id}-error`} className="govuk-error-message">
      <span className="govuk-visually-hidden">Error:</span> {text}
    </p>
  );
}

function describedBy(id: string, hint?: string, error?: string) {
  return [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (value: string) => void;
  labelClass?: string;
}

export function TextInput({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  labelClass,
  type = 'text',
  autoComplete,
  inputClass,
  spellCheck,
}: FieldProps & { type?: string; autoComplete?: string; inputClass?: string; spellCheck?: boolean }) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} text={error} />
      <input
        className={`govuk-input ${inputClass ?? ''}${error ? ' govuk-input--error' : ''}`}
        id={id}
        name={id}
        type={type}
        value={value}
        autoComplete={autoComplete}
        spellCheck={spellCheck}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export function Textarea({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  labelClass,
  rows = 4,
}: FieldProps & { rows?: number }) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} text={error} />
      <textarea
        className={`govuk-textarea${error ? ' govuk-textarea--error' : ''}`}
        id={id}
        name={id}
        rows={rows}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

export interface Option {
  value: string;
  text: string;
}

export function Select({
  id,
  label,
  hint,
  error,
  value,
  onChange,
  options,
  labelClass,
}: FieldProps & { options: Option[] }) {
  return (
    <div className={groupClass(error)}>
      <label className={`govuk-label ${labelClass ?? ''}`} htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} text={error} />
      <select
        className={`govuk-select${error ? ' govuk-select--error' : ''}`}
        id={id}
        name={id}
        value={value}
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Radios({
  id,
  legend,
  hint,
  error,
  value,
  onChange,
  options,
  inline,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  value: string;
  onChange: (v: string) => void;
  options: Option[];
  inline?: boolean;
}) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} text={error} />
        <div className={`govuk-radios govuk-radios--small${inline ? ' govuk-radios--inline' : ''}`}>
          {options.map((o, i) => (
            <div className="govuk-radios__item" key={o.value}>
              <input
                className="govuk-radios__input"
                id={i === 0 ? id : `${id}-${i}`}
                name={id}
                type="radio"
                value={o.value}
                checked={value === o.value}
                onChange={() => onChange(o.value)}
              />
              <label className="govuk-label govuk-radios__label" htmlFor={i === 0 ? id : `${id}-${i}`}>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

export function Checkboxes({
  id,
  legend,
  hint,
  error,
  values,
  onChange,
  options,
}: {
  id: string;
  legend: string;
  hint?: string;
  error?: string;
  values: string[];
  onChange: (v: string[]) => void;
  options: Option[];
}) {
  return (
    <div className={groupClass(error)}>
      <fieldset className="govuk-fieldset" aria-describedby={describedBy(id, hint, error)}>
        <legend className="govuk-fieldset__legend govuk-fieldset__legend--s">{legend}</legend>
        {hint && (
          <div id={`${id}-hint`} className="govuk-hint">
            {hint}
          </div>
        )}
        <ErrorMessage id={id} text={error} />
        <div className="govuk-checkboxes govuk-checkboxes--small">
          {options.map((o, i) => (
            <div className="govuk-checkboxes__item" key={o.value}>
              <input
                className="govuk-checkboxes__input"
                id={i === 0 ? id : `${id}-${i}`}
                name={id}
                type="checkbox"
                value={o.value}
                checked={values.includes(o.value)}
                onChange={(e) =>
                  onChange(e.target.checked ? [...values, o.value] : values.filter((v) => v !== o.value))
                }
              />
              <label className="govuk-label govuk-checkboxes__label" htmlFor={i === 0 ? id : `${id}-${i}`}>
                {o.text}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}

/** One checkbox on its own, for a yes-or-no question such as professional judgement. */
export function Checkbox({
  id,
  label,
  checked,
  onChange,
}: {
  id: string;
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <div className="govuk-form-group">
      <div className="govuk-checkboxes govuk-checkboxes--small">
        <div className="govuk-checkboxes__item">
          <input
            className="govuk-checkboxes__input"
            id={id}
            name={id}
            type="checkbox"
            checked={checked}
            onChange={(e) => onChange(e.target.checked)}
          />
          <label className="govuk-label govuk-checkboxes__label" htmlFor={id}>
            {label}
          </label>
        </div>
      </div>
    </div>
  );
}

/** A file picker; `inputRef` lets the form empty it after an upload. */
export function FileInput({
  id,
  label,
  hint,
  error,
  inputRef,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  onChange: (file: File | null) => void;
}) {
  return (
    <div className={groupClass(error)}>
      <label className="govuk-label" htmlFor={id}>
        {label}
      </label>
      {hint && (
        <div id={`${id}-hint`} className="govuk-hint">
          {hint}
        </div>
      )}
      <ErrorMessage id={id} text={error} />
      <input
        ref={inputRef}
        className={`govuk-file-upload${error ? ' govuk-file-upload--error' : ''}`}
        id={id}
        name={id}
        type="file"
        aria-describedby={describedBy(id, hint, error)}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
    </div>
  );
}

export function Button({
  children,
  secondary,
  warning,
  disabled,
  type = 'submit',
  onClick,
  describedBy,
  small,
}: {
  children: ReactNode;
  secondary?: boolean;
  warning?: boolean;
  disabled?: boolean;
  type?: 'submit' | 'button';
  onClick?: () => void;
  describedBy?: string;
  small?: boolean;
}) {
  const cls = [
    'govuk-button',
    secondary && 'govuk-button--secondary',
    warning && 'govuk-button--warning',
    small && 'govuk-!-margin-bottom-0',
  ]
    .filter(Boolean)
    .join(' ');
  return (
    <button
      type={type}
      className={cls}
      disabled={disabled}
      aria-disabled={disabled || undefined}
      onClick={onClick}
      aria-describedby={describedBy}
      data-module="govuk-button"
    >
      {children}
    </button>
  );
}

export type TagColour =
  'grey' | 'green' | 'turquoise' | 'blue' | 'light-blue' | 'purple' | 'pink' | 'red' | 'orange' | 'yellow';

export function Tag({ children, colour }: { children: ReactNode; colour?: TagColour }) {
  return <strong className={`govuk-tag${colour ? ` govuk-tag--${colour}` : ''}`}>{children}</strong>;
}

/** Shown wherever the API withheld a field from this reader: never leave it blank. */
/** GOV.UK warning text: the "!" icon, and "Warning" for screen readers before what is said. */
export function WarningText({ children }: { children: ReactNode }) {
  return (
    <div className="govuk-warning-text">
      <span className="govuk-warning-text__icon" aria-hidden="true">
        !
      </span>
      <strong className="govuk-warning-text__text">
        <span className="govuk-visually-hidden">Warning</span>
        {children}
      </strong>
    </div>
  );
}

export function Withheld() {
  return <span className="app-withheld">Withheld</span>;
}

export interface SummaryRow {
  key: string;
  value: ReactNode;
}

export function SummaryList({ rows }: { rows: SummaryRow[] }) {
  return (
    <dl className="govuk-summary-list">
      {rows.map((r) => (
        <div className="govuk-summary-list__row" key={r.key}>
          <dt className="govuk-summary-list__key">{r.key}</dt>
          <dd className="govuk-summary-list__value">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export function NotificationBanner({
  title = 'Important',
  success,
  children,
  role,
}: {
  title?: string;
  success?: boolean;
  children: ReactNode;
  role?: 'alert' | 'region';
}) {
  const titleId = `nb-${title.replace(/\W+/g, '-').toLowerCase()}`;
  return (
    <div
      className={`govuk-notification-banner${success ? ' govuk-notification-banner--success' : ''}`}
      role={role ?? (success ? 'alert' : 'region')}
      aria-labelledby={titleId}
    >
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="govuk-notification-banner__content">{children}</div>
    </div>
  );
}

export function Table<T>({
  caption,
  head,
  rows,
  rowKey,
  cells,
  captionClass = 'govuk-table__caption--m',
  hiddenCaption,
  numeric = [],
}: {
  caption: string;
  head: string[];
  rows: T[];
  rowKey: (r: T) => string;
  cells: (r: T) => ReactNode[];
  captionClass?: string;
  hiddenCaption?: boolean;
  /** Columns (by index) of figures, aligned right so digits line up, as GOV.UK asks */
  numeric?: number[];
}) {
  const num = (i: number, base: string) => (numeric.includes(i) ? `${base} ${base}--numeric` : base);
  return (
    <table className="govuk-table">
      <caption className={`govuk-table__caption ${hiddenCaption ? 'govuk-visually-hidden' : captionClass}`}>
        {caption}
      </caption>
      <thead className="govuk-table__head">
        <tr className="govuk-table__row">
          {head.map((h, i) => (
            <th scope="col" className={num(i, 'govuk-table__header')} key={h}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="govuk-table__body">
        {rows.map((r) => (
          <tr className="govuk-table__row" key={rowKey(r)}>
            {cells(r).map((c, i) =>
              i === 0 ? (
                <th scope="row" className="govuk-table__header" key={i}>
                  {c}
                </th>
              ) : (
                <td className={num(i, 'govuk-table__cell')} key={i}>
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
