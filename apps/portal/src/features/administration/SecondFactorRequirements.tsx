import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import { ErrorSummary, Table } from '../../ui/govuk';

const SecondFactorData = graphql(`
  query SecondFactorData {
    agencies {
      id
      name
      secondFactorRequired
    }
  }
`);

const SetAgencyMfaRequired = graphql(`
  mutation SetAgencyMfaRequired($agencyId: ID!, $required: Boolean!) {
    setAgencyMfaRequired(agencyId: $agencyId, required: $required)
  }
`);

/**
 * The partnership administrator's choice, per agency, of asking everyone (not only administrators and managers) to
 * set up a second factor before anything else in the web app.
 */
export function SecondFactorRequirements({ onDone }: { onDone: (message: string) => void }) {
  const { data } = useQuery(SecondFactorData);
  const [errors, setErrors] = useState<string[]>([]);
  const [setRequired, { loading }] = useMutation(SetAgencyMfaRequired, {
    refetchQueries: [{ query: SecondFactorData }],
    awaitRefetchQueries: true,
  });
  const agencies = data?.agencies ?? [];

  const change = async (agencyId: string, name: string, required: boolean) => {
    setErrors([]);
    try {
      await setRequired({ variables: { agencyId, required } });
      onDone(
        required
          ? `Everyone in ${name} will be asked to set up a second factor.`
          : `Only administrators and managers in ${name} will be asked to set up a second factor.`,
      );
    } catch (error) {
      setErrors(errorMessages(error));
    }
  };

  return (
    <section aria-labelledby="second-factor-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-8" id="second-factor-heading">
        Second factor
      </h2>
      <p className="govuk-body">
        Administrators and managers are always asked to set up a second factor when they sign in with a password. Ask
        everyone in an agency as well:
      </p>
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      <Table
        caption="Who is asked to set up a second factor, by agency"
        captionClass="govuk-table__caption--s"
        head={['Agency', 'Asked of', 'Action']}
        rows={agencies}
        rowKey={(a) => a.id}
        cells={(a) => [
          <span id={`mfa-${a.id}`}>{a.name}</span>,
          a.secondFactorRequired ? 'Everyone' : 'Administrators and managers',
          <button
            type="button"
            className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
            aria-describedby={`mfa-${a.id}`}
            disabled={loading}
            onClick={() => void change(a.id, a.name, !a.secondFactorRequired)}
          >
            {a.secondFactorRequired ? 'Ask only administrators and managers' : 'Ask everyone'}
          </button>,
        ]}
      />
    </section>
  );
}
