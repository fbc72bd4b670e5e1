import { useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import type { PreviewLetterQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { humanise } from '../../format';
import { Button, ErrorSummary, NotificationBanner, Select, type FieldError, WarningText } from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { LetterTemplatesQuery, PreviewLetter, ProduceLetter } from './queries';

type Preview = PreviewLetterQuery['previewLetter'];

/** "recipient.address" → "Recipient address", as the templates page lists it. */
const fieldName = (key: string, labels: Map<string, string>) => labels.get(key) ?? key;

const partyName = (p: CaseData['parties'][number]) =>
  `${humanise(p.role)}: ${p.fullName ?? (p.redactedFields.includes('fullName') ? 'name withheld' : 'name not recorded')}`;

/**
 * "Write a letter" on a case the viewer may add evidence to: a template of their agency and the person it is to,
 * a preview merged as the viewer may read the case (a field they may not read is empty, and named here before
 * anything is made), then the letter produced as a PDF under Evidence and an action or contact on the timeline.
 */
export function WriteLetter({ c, onProduced }: { c: CaseData; onProduced: () => unknown }) {
  const templates = useQuery(LetterTemplatesQuery, { fetchPolicy: 'cache-and-network' });
  const [templateId, setTemplateId] = useState('');
  const [recipientId, setRecipientId] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [preview, setPreview] = useState<Preview | null>(null);
  const [produced, setProduced] = useState<string | null>(null);
  const [runPreview, previewing] = useLazyQuery(PreviewLetter, { fetchPolicy: 'no-cache' });
  const [produce, producing] = useMutation(ProduceLetter, { refetchQueries: ['CaseDetail'] });

  const live = (templates.data?.letterTemplates ?? []).filter((t) => !t.retired);
  const labels = new Map((templates.data?.letterMergeFields ?? []).map((f) => [f.key, f.label]));
  const label = (field: string) =>
    field === 'templateId'
      ? { id: 'letter-template', label: 'Template' }
      : field === 'recipientPartyId'
        ? { id: 'letter-recipient', label: 'Who the letter is to' }
        : undefined;

  const checked = () => {
    const problems: FieldError[] = [];
    if (!templateId) problems.push({ text: 'Choose a template', href: 'letter-template' });
    if (!recipientId) problems.push({ text: 'Choose who the letter is to', href: 'letter-recipient' });
    setErrors(problems);
    return problems.length === 0;
  };

  const showPreview = async (e: FormEvent) => {
    e.preventDefault();
    setProduced(null);
    setPreview(null);
    if (!checked()) return;
    const { data, error } = await runPreview({
      variables: { caseId: c.id, templateId, recipientPartyId: recipientId },
    });
    if (error) return setErrors(apiFieldErrors(error, label));
    setPreview(data?.previewLetter ?? null);
  };

  const produceLetter = async () => {
    if (!checked()) return;
    try {
      const { data } = await produce({ variables: { caseId: c.id, templateId, recipientPartyId: recipientId } });
      setPreview(null);
      setProduced(data?.produceLetter.evidence.fileName ?? null);
      await onProduced();
    } catch (error) {
      setErrors(apiFieldErrors(error, label));
    }
  };

  return (
    <section aria-labelledby="write-letter-heading" className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id="write-letter-heading">
        Write a letter
      </h3>
      {produced && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            The letter was produced: {produced} is listed under Evidence, and the letter is on the timeline.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {templates.loading && !templates.data ? (
        <p className="govuk-body" role="status">
          Loading letter templates…
        </p>
      ) : live.length === 0 ? (
        <p className="govuk-body">
          Your agency has no letter templates yet. A manager can add them on the Letter templates page.
        </p>
      ) : (
        <form onSubmit={showPreview} noValidate aria-labelledby="write-letter-heading">
          <Select
            id="letter-template"
            label="Template"
            value={templateId}
            onChange={(v) => {
              setTemplateId(v);
              setPreview(null);
            }}
            options={[
              { value: '', text: 'Choose a template' },
              ...live.map((t) => ({ value: t.id, text: `${t.name} (${humanise(t.kind).toLowerCase()})` })),
            ]}
            error={errors.find((x) => x.href === 'letter-template')?.text}
          />
          <Select
            id="letter-recipient"
            label="Who the letter is to"
            value={recipientId}
            onChange={(v) => {
              setRecipientId(v);
              setPreview(null);
            }}
            options={[
              { value: '', text: 'Choose a person' },
              ...c.parties.map((p) => ({ value: p.id, text: partyName(p) })),
            ]}
            error={errors.find((x) => x.href === 'letter-recipient')?.text}
          />
          <Button secondary disabled={previewing.loading}>
            Preview letter
          </Button>
        </form>
      )}
      {preview && (
        <section aria-labelledby="letter-preview-heading">
          <h4 className="govuk-heading-s" id="letter-preview-heading">
            Preview
          </h4>
          {preview.withheldFields.length > 0 && (
            <WarningText>
              These will be left empty because your agency may not read them:{' '}
              {preview.withheldFields.map((f) => fieldName(f, labels).toLowerCase()).join('; ')}. Fill them in by hand,
              or ask the owner agency to send the letter.
            </WarningText>
          )}
          {preview.missingFields.length > 0 && (
            <p className="govuk-body">
              The case does not record, so these will be empty:{' '}
              {preview.missingFields.map((f) => fieldName(f, labels).toLowerCase()).join('; ')}.
            </p>
          )}
          <div className="govuk-inset-text app-preserve-lines">{preview.text}</div>
          <Button type="button" disabled={producing.loading} onClick={produceLetter}>
            Produce letter
          </Button>
        </section>
      )}
    </section>
  );
}
