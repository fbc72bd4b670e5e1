import { useState } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorMessages } from '../../apollo';
import { resetAlerts } from '../alert-feed/alerts';
import { Link, navigate, usePageTitle } from '../../router';
import { endingSession, signOut, type SessionUser } from '../../session';
import { humanise } from '../../format';
import { Button, ErrorSummary, SummaryList } from '../../ui/govuk';

const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

/** Who is signed in, and a way to sign out on every device at once (a lost laptop, a shared computer). */
export function AccountPage({ user }: { user: SessionUser }) {
  usePageTitle('Your account');
  const client = useApolloClient();
  const [run, { loading }] = useMutation(SignOutEverywhere);
  const [errors, setErrors] = useState<string[]>([]);

  const signOutEverywhere = async () => {
    setErrors([]);
    let ended: number;
    try {
      ended = await endingSession(async () => (await run()).data?.signOutEverywhere ?? 0);
    } catch (err) {
      // Nothing is forgotten here: the person must know their other devices may still be signed in.
      setErrors(errorMessages(err));
      return;
    }
    signOut(`You have been signed out of ${ended === 1 ? '1 device' : `${ended} devices`}, including this one.`);
    resetAlerts();
    client.clearStore().catch(() => undefined);
    navigate('/', { replace: true });
  };

  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      <h1 className="govuk-heading-l">Your account</h1>
      <SummaryList
        rows={[
          { key: 'Name', value: user.displayName },
          { key: 'Email address', value: user.email },
          { key: 'Agency', value: user.agency.name },
          { key: 'Roles', value: user.roles.map(humanise).join(', ') },
        ]}
      />
      <h2 className="govuk-heading-m">Second factor</h2>
      <p className="govuk-body">
        A code from an authenticator app on your phone, asked for each time you sign in, keeps your account safe even if
        someone learns your password.
      </p>
      <p className="govuk-body">
        <Link href="/account/second-factor" className="govuk-link">
          Set up or turn off your second factor
        </Link>
      </p>
      <h2 className="govuk-heading-m" id="sign-out-everywhere">
        Sign out of all devices
      </h2>
      <p className="govuk-body">
        If you signed in on a computer you no longer use, or left yourself signed in somewhere, you can sign out
        everywhere at once. Every device signed in as you is signed out straight away, including this one.
      </p>
      <p className="govuk-body">
        If you think someone else knows your password, also tell your partnership administrator.
      </p>
      <Button warning type="button" onClick={signOutEverywhere} disabled={loading} describedBy="sign-out-everywhere">
        Sign out of all devices
      </Button>
    </>
  );
}
