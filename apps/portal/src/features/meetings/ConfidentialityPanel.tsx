import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import { ErrorSummary, WarningText } from '../../ui/govuk';
import { MeetingDetail } from './queries';
import type { MeetingData } from './types';

const AgreeConfidentiality = graphql(`
  mutation AgreeConfidentiality($meetingId: ID!) {
    agreeConfidentiality(meetingId: $meetingId) {
      id
      confidentialityAgreed
    }
  }
`);

/** The statement every attendee agrees before the case material opens to them. */
export function ConfidentialityPanel({ m }: { m: MeetingData }) {
  const [errors, setErrors] = useState<string[]>([]);
  // The case material comes with the refetch: it is null in the cache until now.
  const [agree, { loading }] = useMutation(AgreeConfidentiality, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: m.id } }],
    awaitRefetchQueries: true,
  });
  const submit = async () => {
    setErrors([]);
    try {
      await agree({ variables: { meetingId: m.id } });
    } catch (err) {
      setErrors(errorMessages(err));
    }
  };

  return (
    <section aria-labelledby="confidentiality-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="confidentiality-heading">
        Confidentiality
      </h2>
      <div className="govuk-inset-text">{m.confidentialityStatement}</div>
      {m.confidentialityAgreed ? (
        <p className="govuk-body">
          <strong className="govuk-tag govuk-tag--green">Agreed</strong> You have agreed the confidentiality statement.
        </p>
      ) : (
        <>
          {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
          <WarningText>Agree the statement to see the case material on this agenda.</WarningText>
          <button type="button" className="govuk-button" disabled={loading} data-module="govuk-button" onClick={submit}>
            I agree
          </button>
        </>
      )}
    </section>
  );
}
