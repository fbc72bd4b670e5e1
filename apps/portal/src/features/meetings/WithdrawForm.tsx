import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { ErrorSummary, Textarea, type FieldError } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { AgendaItemData, MeetingData } from './types';

const WithdrawAgendaItem = graphql(`
  mutation WithdrawAgendaItem($agendaItemId: ID!, $reason: String!) {
    withdrawAgendaItem(agendaItemId: $agendaItemId, reason: $reason) {
      id
      withdrawnAt
    }
  }
`);

/** Organisers take an item off the agenda, saying why; it stays listed as withdrawn. */
export function WithdrawForm({ m, item }: { m: MeetingData; item: AgendaItemData }) {
  const id = `item-${item.id}-withdraw`;
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [withdraw, { loading }] = useMutation(WithdrawAgendaItem, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setErrors([{ text: 'Enter why the item is withdrawn', href: id }]);
      return;
    }
    setErrors([]);
    try {
      await withdraw({ variables: { agendaItemId: item.id, reason: reason.trim() } });
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => (f === 'reason' ? { id, label: 'Reason' } : undefined)));
    }
  };

  return (
    <details className="govuk-details" open={errors.length > 0 || undefined}>
      <summary className="govuk-details__summary">
        <span className="govuk-details__summary-text">Withdraw item {item.position} from the agenda</span>
      </summary>
      <div className="govuk-details__text">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <form onSubmit={submit} noValidate aria-label={`Withdraw item ${item.position}`}>
          <Textarea
            id={id}
            label="Reason for withdrawing"
            rows={2}
            value={reason}
            onChange={setReason}
            error={errors.find((e) => e.href === id)?.text}
          />
          <button
            type="submit"
            className="govuk-button govuk-button--warning"
            disabled={loading}
            data-module="govuk-button"
          >
            Withdraw item
          </button>
        </form>
      </div>
    </details>
  );
}
