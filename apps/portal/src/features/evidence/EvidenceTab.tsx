import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseEvidenceQuery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { fetchFile, saveBlob } from '../../download';
import { uploadFile, type UploadRefusal } from '../../upload';
import { formatBytes, formatDateTime, humanise } from '../../format';
import {
  ErrorSummary,
  FileInput,
  NotificationBanner,
  Select,
  Table,
  Textarea,
  Withheld,
  type FieldError,
  WarningText,
} from '../../ui/govuk';
import type { CaseData } from '../cases/CasePage';
import { WriteLetter } from '../letters/WriteLetter';

const CaseEvidence = graphql(`
  query CaseEvidence($id: ID!) {
    case(id: $id) {
      id
      redactedFields
      evidence {
        id
        fileName
        mediaType
        byteSize
        sha256
        description
        incidentId
        uploadedAt
        downloadPath
        uploadedBy {
          id
          displayName
        }
        uploadedByAgency {
          id
          name
        }
      }
    }
    # What the API keeps, in words (it reads the type from the file's bytes).
    evidenceTypes {
      mediaType
      name
    }
  }
`);

const RemoveEvidence = graphql(`
  mutation RemoveEvidence($id: ID!, $reason: String!) {
    removeEvidence(id: $id, reason: $reason)
  }
`);

type Evidence = NonNullable<NonNullable<CaseEvidenceQuery['case']>['evidence']>[number];
type Incident = CaseData['incidents'][number];

const incidentName = (i: Incident) => `${formatDateTime(i.occurredAt)}: ${humanise(i.category)}`;

/**
 * Evidence files on a case (photos, PDFs, recordings, diary sheets): listed with their SHA-256 for a court
 * bundle, downloaded with the bearer token, uploaded by the owner and agencies with full access, removed by
 * the owner agency with a reason. A LIMITED partner is told they are withheld.
 */
export function EvidenceTab({ c }: { c: CaseData }) {
  const { data, loading, error, refetch } = useQuery(CaseEvidence, {
    variables: { id: c.id },
    fetchPolicy: 'cache-and-network',
  });
  const files = data?.case?.evidence;
  const withheld = c.redactedFields.includes('evidence') || (!!data?.case && files === null);
  const [removing, setRemoving] = useState<Evidence | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const incidents = new Map(c.incidents.map((i) => [i.id, i]));
  const kinds = new Map((data?.evidenceTypes ?? []).map((t) => [t.mediaType, t.name]));

  return (
    <>
      <h2 className="govuk-heading-m">Evidence</h2>
      {removed && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            {removed} was removed. The audit trail keeps its name, its SHA-256 and your reason.
          </p>
        </NotificationBanner>
      )}
      {withheld ? (
        <p className="govuk-body">
          <Withheld />: evidence files are for the owner agency and agencies with full access only. Ask{' '}
          {c.ownerAgency.name} if you need to see them.
        </p>
      ) : loading && !data ? (
        <p className="govuk-body" role="status">
          Loading evidence…
        </p>
      ) : error && !data ? (
        <p className="govuk-body">The evidence could not be loaded. Try again later.</p>
      ) : !files?.length ? (
        <p className="govuk-body">No evidence files have been added.</p>
      ) : (
        <Table
          caption={`${files.length} evidence ${files.length === 1 ? 'file' : 'files'}, oldest first`}
          captionClass="govuk-table__caption--s"
          head={['File', 'Evidence of', 'Size', 'Added', 'SHA-256', 'Actions']}
          rows={files}
          rowKey={(f) => f.id}
          cells={(f) => [
            <>
              <span className="app-file-name">{f.fileName}</span>
              <span className="govuk-body-s app-block">{kinds.get(f.mediaType) ?? f.mediaType}</span>
              {f.description && <span className="govuk-body-s app-block app-preserve-lines">{f.description}</span>}
            </>,
            f.incidentId
              ? incidents.get(f.incidentId)
                ? `Incident of ${incidentName(incidents.get(f.incidentId)!)}`
                : 'An incident'
              : 'The case as a whole',
            <span className="app-nowrap">{formatBytes(f.byteSize)}</span>,
            <>
              {formatDateTime(f.uploadedAt)}
              <span className="govuk-body-s app-block">
                by {f.uploadedBy.displayName}, {f.uploadedByAgency.name}
              </span>
            </>,
            <Sha256 sha256={f.sha256} fileName={f.fileName} />,
            <div className="app-file-actions">
              <DownloadEvidence file={f} />
              {c.viewerCan.removeEvidence && (
                <button
                  type="button"
                  className="app-link-button govuk-link"
                  onClick={() => {
                    setRemoved(null);
                    setRemoving(f);
                  }}
                >
                  Remove<span className="govuk-visually-hidden"> {f.fileName}</span>
                </button>
              )}
            </div>,
          ]}
        />
      )}
      {removing && (
        <RemoveEvidenceForm
          key={removing.id}
          file={removing}
          onCancel={() => setRemoving(null)}
          onRemoved={async () => {
            setRemoved(removing.fileName);
            setRemoving(null);
            await refetch();
          }}
        />
      )}
      {!withheld && c.viewerCan.uploadEvidence && data?.case && (
        <UploadEvidenceForm c={c} onUploaded={() => refetch()} />
      )}
      {!withheld && c.viewerCan.uploadEvidence && data?.case && <WriteLetter c={c} onProduced={() => refetch()} />}
    </>
  );
}

/** The checksum short enough to scan, whole on hover and when opened, to compare with a court bundle's copy. */
function Sha256({ sha256, fileName }: { sha256: string; fileName: string }) {
  return (
    <details className="govuk-details app-sha">
      <summary className="govuk-details__summary" title={sha256}>
        <span className="govuk-details__summary-text">
          <code>{sha256.slice(0, 12)}…</code>
          <span className="govuk-visually-hidden"> (SHA-256 of {fileName}: show all of it)</span>
        </span>
      </summary>
      <div className="govuk-details__text">
        <code className="app-sha__full">{sha256}</code>
      </div>
    </details>
  );
}

function DownloadEvidence({ file }: { file: Evidence }) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const download = async () => {
    setProblem(null);
    setBusy(true);
    const got = await fetchFile(file.downloadPath, file.fileName);
    setBusy(false);
    // Saved under the name the list shows (the header's plain-ASCII name may have lost accents).
    if ('problem' in got) setProblem(got.problem);
    else saveBlob(file.fileName, got.blob);
  };
  return (
    <>
      <button type="button" className="app-link-button govuk-link" disabled={busy} onClick={download}>
        {busy ? 'Downloading…' : 'Download'}
        <span className="govuk-visually-hidden"> {file.fileName}</span>
      </button>
      {problem && (
        <span className="govuk-error-message app-block" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}

function RemoveEvidenceForm({
  file,
  onCancel,
  onRemoved,
}: {
  file: Evidence;
  onCancel: () => void;
  onRemoved: () => Promise<void>;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [remove, { loading }] = useMutation(RemoveEvidence);
  // The form opens below the list: take the reader there.
  useEffect(() => heading.current?.focus(), []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const why = reason.trim();
    if (why.length < 3 || why.length > 2000)
      return setErrors([
        { text: 'Enter why the file is being removed, in 3 to 2,000 characters', href: 'remove-reason' },
      ]);
    setErrors([]);
    try {
      await remove({ variables: { id: file.id, reason: why } });
      await onRemoved();
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => (f === 'reason' ? { id: 'remove-reason', label: 'Reason' } : undefined)));
    }
  };

  return (
    <section aria-labelledby="remove-evidence-heading" className="govuk-!-margin-top-6 app-remove-evidence">
      <h3 className="govuk-heading-m" id="remove-evidence-heading" tabIndex={-1} ref={heading}>
        Remove {file.fileName}
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <WarningText>
        The file is deleted for every agency and cannot be brought back. The audit trail keeps its name, its SHA-256 and
        your reason.
      </WarningText>
      <form onSubmit={submit} noValidate aria-labelledby="remove-evidence-heading">
        <Textarea
          id="remove-reason"
          label="Why is it being removed?"
          hint="For example, uploaded to the wrong case"
          rows={3}
          value={reason}
          onChange={setReason}
          error={errors.find((x) => x.href === 'remove-reason')?.text}
        />
        <div className="govuk-button-group">
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            disabled={loading}
            data-module="govuk-button"
          >
            Remove file
          </button>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
            onClick={onCancel}
          >
            Cancel
          </button>
        </div>
      </form>
    </section>
  );
}

/** What a refused upload means, in the form's words; the API's own message where it gave one. */
function refusalProblems(r: UploadRefusal): FieldError[] {
  const onFile = (text: string) => [{ text, href: 'evidence-file' }];
  if (r.status === 0)
    return onFile('The upload did not finish. The connection was lost or the file is too large. Try again.');
  if (r.status === 401) return [{ text: 'Your session has ended. Sign in again, then upload the file.' }];
  if (r.status === 413) return onFile(r.message ?? 'The file is too large to keep as evidence.');
  if (r.status === 415) return onFile(r.message ?? 'This type of file cannot be kept as evidence.');
  if (r.status === 403)
    return [{ text: `Your agency cannot add evidence to this case.${r.message ? ` ${r.message}.` : ''}` }];
  if (r.status === 404) return [{ text: 'The case is no longer available to you.' }];
  if (r.status === 400 && r.message) {
    const href =
      r.field === 'incidentId'
        ? 'evidence-incident'
        : r.field === 'description'
          ? 'evidence-description'
          : 'evidence-file';
    return [{ text: r.message, href }];
  }
  return [{ text: 'The file could not be uploaded. Try again later.' }];
}

interface UploadResult {
  fileName: string;
  byteSize: number;
}

function UploadEvidenceForm({ c, onUploaded }: { c: CaseData; onUploaded: () => unknown }) {
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [incidentId, setIncidentId] = useState('');
  const [description, setDescription] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [uploaded, setUploaded] = useState<UploadResult | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setUploaded(null);
    const problems: FieldError[] = [];
    if (!file) problems.push({ text: 'Select a file to upload', href: 'evidence-file' });
    else if (file.size === 0) problems.push({ text: 'The selected file is empty', href: 'evidence-file' });
    if (description.trim().length > 2000)
      problems.push({ text: 'The description must be 2,000 characters or fewer', href: 'evidence-description' });
    setErrors(problems);
    if (problems.length || !file) return;
    const query = new URLSearchParams();
    if (incidentId) query.set('incidentId', incidentId);
    if (description.trim()) query.set('description', description.trim());
    setProgress(0);
    const result = await uploadFile<UploadResult>(
      `/evidence/cases/${encodeURIComponent(c.id)}${query.toString() ? `?${query}` : ''}`,
      file,
      setProgress,
    );
    setProgress(null);
    if (!result.ok) return setErrors(refusalProblems(result.refusal));
    setUploaded(result.body);
    setFile(null);
    setDescription('');
    setIncidentId('');
    if (fileInput.current) fileInput.current.value = '';
    await onUploaded();
  };
  const err = (id: string) => errors.find((x) => x.href === id)?.text;

  return (
    <section aria-labelledby="upload-evidence-heading" className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id="upload-evidence-heading">
        Add evidence
      </h3>
      {uploaded && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            {uploaded.fileName} ({formatBytes(uploaded.byteSize)}) was added to the case.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && (
        <ErrorSummary
          title={errors.some((x) => x.href === 'evidence-file' && file) ? 'The file was not added' : undefined}
          errors={errors}
        />
      )}
      <form onSubmit={submit} noValidate aria-labelledby="upload-evidence-heading">
        <FileInput
          id="evidence-file"
          label="Choose a file"
          hint="A photo (JPEG, PNG or HEIC), a PDF, a recording (MP3, M4A, WAV or OGG), or a diary sheet (text, CSV, Word or Excel). The type is checked from the file itself."
          error={err('evidence-file')}
          inputRef={fileInput}
          onChange={setFile}
        />
        <Select
          id="evidence-incident"
          label="Which incident is it evidence of? (optional)"
          value={incidentId}
          onChange={setIncidentId}
          error={err('evidence-incident')}
          options={[
            { value: '', text: 'The case as a whole' },
            ...c.incidents.map((i) => ({ value: i.id, text: incidentName(i) })),
          ]}
        />
        <Textarea
          id="evidence-description"
          label="What is it? (optional)"
          hint="For example, diary sheet for May, or photo of the damage to the door"
          rows={3}
          value={description}
          onChange={setDescription}
          error={err('evidence-description')}
        />
        {progress !== null && (
          <div className="govuk-form-group" role="status">
            <label className="govuk-label" htmlFor="evidence-progress">
              Uploading… {Math.round(progress * 100)}%
            </label>
            <progress id="evidence-progress" className="app-progress" max={1} value={progress} />
          </div>
        )}
        <button type="submit" className="govuk-button" disabled={progress !== null} data-module="govuk-button">
          {progress !== null ? 'Uploading…' : 'Upload file'}
        </button>
      </form>
    </section>
  );
}
