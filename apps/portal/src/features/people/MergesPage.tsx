import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { formatDateTime } from '../../format';
import { Link, usePageTitle, useSearchParams } from '../../router';
import type { SessionUser } from '../../session';
import {
  Button,
  Checkbox,
  ErrorSummary,
  NotificationBanner,
  Table,
  Tag,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';

const PersonMergesQuery = graphql(`
  query PersonMerges {
    personMerges {
      id
      keptPersonId
      mergedPersonId
      partiesMoved
      reason
      mergedAt
      undoneAt
    }
  }
`);

const MergePeople = graphql(`
  mutation MergePeople($keepId: ID!, $mergeId: ID!, $reason: String!) {
    mergePeople(keepId: $keepId, mergeId: $mergeId, reason: $reason) {
      id
      partiesMoved
    }
  }
`);

const UndoPersonMerge = graphql(`
  mutation UndoPersonMerge($mergeId: ID!, $reason: String!) {
    undoPersonMerge(mergeId: $mergeId, reason: $reason) {
      id
      undoneAt
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  keepId: { id: 'merge-keep', label: 'Person record to keep' },
  mergeId: { id: 'merge-other', label: 'Person record to merge into it' },
  reason: { id: 'merge-reason', label: 'Why they are the same person' },
};

/**
 * Managers merge two person records their agency can see (every link of the second moves to the first, on each
 * case's trail) and undo their agency's merges, which puts back exactly the links a merge moved.
 */
export function MergesPage({ user }: { user: SessionUser }) {
  usePageTitle('Merge person records');
  const params = useSearchParams();
  const [keepId, setKeepId] = useState(params.get('keep') ?? '');
  const [mergeId, setMergeId] = useState('');
  const [reason, setReason] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<string | null>(null);
  const [undoReason, setUndoReason] = useState('');
  const { data } = useQuery(PersonMergesQuery, { skip: !user.can.mergePeople, fetchPolicy: 'cache-and-network' });
  const [merge, merging] = useMutation(MergePeople, { refetchQueries: [{ query: PersonMergesQuery }] });
  const [undo, undoBusy] = useMutation(UndoPersonMerge, { refetchQueries: [{ query: PersonMergesQuery }] });

  if (!user.can.mergePeople)
    return (
      <>
        <h1 className="govuk-heading-l">Merge person records</h1>
        <p className="govuk-body">Only managers can merge person records.</p>
      </>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    const problems: FieldError[] = [];
    if (!keepId.trim()) problems.push({ text: 'Enter the person record to keep', href: '#merge-keep' });
    if (!mergeId.trim()) problems.push({ text: 'Enter the person record to merge into it', href: '#merge-other' });
    if (!reason.trim()) problems.push({ text: 'Enter why they are the same person', href: '#merge-reason' });
    if (!confirmed) problems.push({ text: 'Confirm that these are the same person', href: '#merge-confirm' });
    setErrors(problems);
    if (problems.length) return;
    try {
      const result = await merge({
        variables: { keepId: keepId.trim(), mergeId: mergeId.trim(), reason: reason.trim() },
      });
      setDone(`The records were merged: ${result.data?.mergePeople.partiesMoved ?? 0} links moved.`);
      setMergeId('');
      setReason('');
      setConfirmed(false);
    } catch (err) {
      setErrors(apiFieldErrors(err, (field) => FIELDS[field]));
    }
  };

  const undoMerge = async (e: FormEvent) => {
    e.preventDefault();
    if (!undoing) return;
    if (!undoReason.trim()) {
      setErrors([{ text: 'Enter why the merge is being undone', href: '#undo-reason' }]);
      return;
    }
    try {
      await undo({ variables: { mergeId: undoing, reason: undoReason.trim() } });
      setDone('The merge was undone: its links are back as they were.');
      setUndoing(null);
      setUndoReason('');
      setErrors([]);
    } catch (err) {
      setErrors(apiFieldErrors(err, () => ({ id: 'undo-reason', label: 'Reason' })));
    }
  };

  return (
    <>
      <h1 className="govuk-heading-l">Merge person records</h1>
      {done && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="merge-heading">
        <h2 className="govuk-heading-m" id="merge-heading">
          Merge two records
        </h2>
        <p className="govuk-body">
          Every case linked to the second record will be linked to the first. You can undo a merge below.
        </p>
        <TextInput
          id="merge-keep"
          label="Person record to keep"
          hint="The reference shown on the person page"
          value={keepId}
          onChange={setKeepId}
        />
        <TextInput id="merge-other" label="Person record to merge into it" value={mergeId} onChange={setMergeId} />
        <Textarea id="merge-reason" label="Why they are the same person" value={reason} onChange={setReason} />
        <Checkbox
          id="merge-confirm"
          label="I have checked that these records are the same person"
          checked={confirmed}
          onChange={setConfirmed}
        />
        <Button disabled={merging.loading}>Merge records</Button>
      </form>

      <h2 className="govuk-heading-m">Your agency’s merges</h2>
      {(data?.personMerges ?? []).length === 0 ? (
        <p className="govuk-body">Your agency has merged no person records.</p>
      ) : (
        <Table
          caption="Merges, newest first"
          captionClass="govuk-table__caption--s"
          head={['Merged', 'Kept record', 'Links moved', 'Reason', 'Status']}
          rows={data!.personMerges}
          rowKey={(m) => m.id}
          cells={(m) => [
            formatDateTime(m.mergedAt),
            <Link key="kept" className="govuk-link" href={`/people/${m.keptPersonId}`}>
              View<span className="govuk-visually-hidden"> the kept person record</span>
            </Link>,
            m.partiesMoved,
            m.reason,
            m.undoneAt ? (
              <Tag key="s" colour="grey">
                Undone
              </Tag>
            ) : (
              <button
                key="s"
                type="button"
                className="govuk-link app-link-button"
                onClick={() => {
                  setUndoing(m.id);
                  setErrors([]);
                }}
              >
                Undo<span className="govuk-visually-hidden"> the merge of {formatDateTime(m.mergedAt)}</span>
              </button>
            ),
          ]}
        />
      )}
      {undoing && (
        <form onSubmit={undoMerge} noValidate aria-labelledby="undo-heading">
          <h2 className="govuk-heading-m" id="undo-heading">
            Undo the merge
          </h2>
          <Textarea
            id="undo-reason"
            label="Why the merge is being undone"
            value={undoReason}
            onChange={setUndoReason}
          />
          <div className="govuk-button-group">
            <Button disabled={undoBusy.loading}>Undo merge</Button>
            <Button secondary type="button" onClick={() => setUndoing(null)}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
