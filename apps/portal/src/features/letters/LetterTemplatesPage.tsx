import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { LetterKind, LetterTemplateFieldsFragment } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDateTime, humanise } from '../../format';
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  Select,
  Table,
  Tag,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import {
  CreateLetterTemplate,
  LetterTemplatesQuery,
  LetterTemplateStartersQuery,
  RetireLetterTemplate,
  UpdateLetterTemplate,
} from './queries';

type Template = LetterTemplateFieldsFragment;
type MergeField = { key: string; label: string };

export const LETTER_KINDS: readonly LetterKind[] = [
  'WARNING_LETTER',
  'COMMUNITY_PROTECTION_WARNING',
  'ACCEPTABLE_BEHAVIOUR_CONTRACT',
  'CLOSURE_LETTER',
  'CASE_REVIEW_OUTCOME',
] as LetterKind[];

/** The merge fields a template may use, as help beside the text it is written in. */
export function MergeFieldsHelp({ fields }: { fields: MergeField[] }) {
  return (
    <details className="govuk-details" open>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Merge fields you can use</span>
      </summary>
      <div className="govuk-details__text">
        <p className="govuk-body-s">
          Write a field in double curly brackets. When a letter is written, each is filled in from the case and the
          person the letter is to. A field the writer may not read is left empty, and they are told which.
        </p>
        <dl className="govuk-summary-list govuk-summary-list--no-border">
          {fields.map((f) => (
            <div className="govuk-summary-list__row" key={f.key}>
              <dt className="govuk-summary-list__key">
                <code>{`{{${f.key}}}`}</code>
              </dt>
              <dd className="govuk-summary-list__value">{f.label}</dd>
            </div>
          ))}
        </dl>
      </div>
    </details>
  );
}

/**
 * An agency's letter templates, kept by its managers: the list (live first, then retired), a new template (from
 * a standard starting text if wanted), an edit (each save a new version; letters already made keep theirs), and
 * retiring one so it makes no more letters.
 */
export function LetterTemplatesPage({ user }: { user: SessionUser }) {
  usePageTitle('Letter templates');
  const allowed = user.can.manageLetterTemplates;
  const list = useQuery(LetterTemplatesQuery, {
    variables: { includeRetired: true },
    skip: !allowed,
    fetchPolicy: 'cache-and-network',
  });
  const [retire, retiring] = useMutation(RetireLetterTemplate);
  const [editing, setEditing] = useState<Template | 'new' | null>(null);
  const [banner, setBanner] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  if (!allowed) {
    return (
      <>
        <h1 className="govuk-heading-l">Letter templates</h1>
        <div className="govuk-inset-text">
          Letter templates are kept by your agency’s managers. You can write a letter from them on a case’s Evidence
          page.
        </div>
      </>
    );
  }

  const templates = list.data?.letterTemplates ?? [];
  const fields = list.data?.letterMergeFields ?? [];

  const retireTemplate = async (t: Template) => {
    setBanner(null);
    setProblems([]);
    try {
      await retire({ variables: { id: t.id } });
      setBanner(`${t.name} was retired. Letters already written from it are kept.`);
    } catch (error) {
      setProblems(errorMessages(error));
    }
  };

  return (
    <>
      <h1 className="govuk-heading-l">Letter templates</h1>
      <p className="govuk-body">
        Your agency’s standard letters. Each save keeps the earlier version, so a letter already written still shows
        which text it was made from.
      </p>
      {banner && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      {problems.length > 0 && <ErrorSummary errors={problems.map((text) => ({ text }))} />}
      {list.loading && !list.data ? (
        <p className="govuk-body" role="status">
          Loading templates…
        </p>
      ) : list.error && !list.data ? (
        <p className="govuk-body">The templates could not be loaded. Try again later.</p>
      ) : templates.length === 0 ? (
        <p className="govuk-body">Your agency has no letter templates yet.</p>
      ) : (
        <Table
          caption="Templates"
          head={['Name', 'Kind', 'Version', 'Last saved', 'Status', 'Actions']}
          rows={templates}
          rowKey={(t) => t.id}
          numeric={[2]}
          cells={(t) => [
            t.name,
            humanise(t.kind),
            String(t.version),
            <>
              {formatDateTime(t.updatedAt)}
              {t.updatedBy && <span className="govuk-body-s app-block">by {t.updatedBy}</span>}
            </>,
            t.retired ? <Tag colour="grey">Retired</Tag> : <Tag colour="green">In use</Tag>,
            t.retired ? (
              ''
            ) : (
              <div className="app-file-actions">
                <button
                  type="button"
                  className="app-link-button govuk-link"
                  onClick={() => {
                    setBanner(null);
                    setEditing(t);
                  }}
                >
                  Edit<span className="govuk-visually-hidden"> {t.name}</span>
                </button>
                <button
                  type="button"
                  className="app-link-button govuk-link"
                  disabled={retiring.loading}
                  onClick={() => retireTemplate(t)}
                >
                  Retire<span className="govuk-visually-hidden"> {t.name}</span>
                </button>
              </div>
            ),
          ]}
        />
      )}
      {editing ? (
        <TemplateForm
          key={editing === 'new' ? 'new' : `${editing.id}-${editing.version}`}
          template={editing === 'new' ? null : editing}
          fields={fields}
          onCancel={() => setEditing(null)}
          onSaved={async (saved) => {
            setEditing(null);
            setBanner(`${saved.name} was saved (version ${saved.version}).`);
            await list.refetch();
          }}
        />
      ) : (
        <Button
          type="button"
          onClick={() => {
            setBanner(null);
            setEditing('new');
          }}
        >
          Create a template
        </Button>
      )}
    </>
  );
}

function TemplateForm({
  template,
  fields,
  onCancel,
  onSaved,
}: {
  template: Template | null;
  fields: MergeField[];
  onCancel: () => void;
  onSaved: (saved: Template) => Promise<void>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [kind, setKind] = useState<string>(template?.kind ?? '');
  const [name, setName] = useState(template?.name ?? '');
  const [body, setBody] = useState(template?.body ?? '');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const starters = useQuery(LetterTemplateStartersQuery, { skip: !!template });
  const [create, creating] = useMutation(CreateLetterTemplate);
  const [update, updating] = useMutation(UpdateLetterTemplate);
  useEffect(() => heading.current?.focus(), []);

  const starter = starters.data?.letterTemplateStarters.find((s) => s.kind === kind);
  const label = (field: string) =>
    field === 'kind'
      ? { id: 'template-kind', label: 'Kind of letter' }
      : field === 'name'
        ? { id: 'template-name', label: 'Name' }
        : field === 'body'
          ? { id: 'template-body', label: 'Text of the letter' }
          : field === 'expectedVersion'
            ? { id: 'template-body', label: 'Version' }
            : undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!template && !kind) problems.push({ text: 'Choose the kind of letter', href: 'template-kind' });
    if (name.trim().length < 3) problems.push({ text: 'Enter a name of 3 to 120 characters', href: 'template-name' });
    if (body.trim().length < 10) problems.push({ text: 'Enter the text of the letter', href: 'template-body' });
    setErrors(problems);
    if (problems.length > 0) return;
    try {
      const saved = template
        ? (
            await update({
              variables: { id: template.id, expectedVersion: template.version, input: { name, body } },
            })
          ).data?.updateLetterTemplate
        : (await create({ variables: { input: { kind: kind as LetterKind, name, body } } })).data?.createLetterTemplate;
      if (saved) await onSaved(saved);
    } catch (error) {
      setErrors(apiFieldErrors(error, label));
    }
  };

  const title = template ? `Edit ${template.name}` : 'Create a template';
  return (
    <section aria-labelledby="template-form-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="template-form-heading" tabIndex={-1} ref={heading}>
        {title}
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="template-form-heading">
        {template ? (
          <p className="govuk-body">
            Kind of letter: {humanise(template.kind)}. Saving makes version {template.version + 1}.
          </p>
        ) : (
          <Select
            id="template-kind"
            label="Kind of letter"
            value={kind}
            onChange={setKind}
            options={[
              { value: '', text: 'Choose a kind' },
              ...LETTER_KINDS.map((k) => ({ value: k, text: humanise(k) })),
            ]}
            error={errors.find((x) => x.href === 'template-kind')?.text}
          />
        )}
        {starter && (
          <div className="govuk-inset-text">
            <p className="govuk-body">
              You can start from a standard text for this kind of letter and change it. It is not legal advice: check
              your agency’s letters with your legal team.
            </p>
            <Button
              type="button"
              secondary
              small
              onClick={() => {
                setName(starter.name);
                setBody(starter.body);
              }}
            >
              Use the standard text
            </Button>
          </div>
        )}
        <TextInput
          id="template-name"
          label="Name"
          hint="For example, First warning – noise"
          value={name}
          onChange={setName}
          error={errors.find((x) => x.href === 'template-name')?.text}
        />
        <MergeFieldsHelp fields={fields} />
        <Textarea
          id="template-body"
          label="Text of the letter"
          hint="Blank lines start new paragraphs"
          rows={16}
          value={body}
          onChange={setBody}
          error={errors.find((x) => x.href === 'template-body')?.text}
        />
        <div className="govuk-button-group">
          <Button disabled={creating.loading || updating.loading}>Save template</Button>
          <Button type="button" secondary onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </form>
    </section>
  );
}
