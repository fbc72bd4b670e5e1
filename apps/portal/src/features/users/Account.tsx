import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { resetAlerts } from '../alert-feed/alerts';
import { Link, navigate, usePageTitle } from '../../router';
import { endingSession, signOut, type SessionUser } from '../../session';
import { humanise } from '../../format';
import { Button, ErrorSummary, NotificationBanner, SummaryList, TextInput, type FieldError } from '../../ui/govuk';

const SignOutEverywhere = graphql(`
  mutation SignOutEverywhere {
    signOutEverywhere
  }
`);

const ChangePassword = graphql(`
  mutation ChangePassword($currentPassword: String!, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const PASSWORD_FIELDS: Record<string, { id: string; label: string }> = {
  currentPassword: { id: 'current-password', label: 'Current password' },
  newPassword: { id: 'new-password', label: 'New password' },
};

/** One's own password, given the current one: every other device signed in as this user is signed out. */
function ChangePasswordForm() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [changed, setChanged] = useState(false);
  const [change, { loading }] = useMutation(ChangePassword);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setChanged(false);
    const problems: FieldError[] = [];
    if (!current) problems.push({ text: 'Enter your current password', href: 'current-password' });
    if (next.length < 12) problems.push({ text: 'New password must be 12 characters or more', href: 'new-password' });
    else if (next !== confirm) problems.push({ text: 'The new passwords do not match', href: 'confirm-new-password' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await change({ variables: { currentPassword: current, newPassword: next } });
      setCurrent('');
      setNext('');
      setConfirm('');
      setChanged(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (field) => PASSWORD_FIELDS[field]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="change-password">
      <h2 className="govuk-heading-m" id="change-password">
        Change your password
      </h2>
      {changed && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            Your password has been changed. Any other device signed in as you has been signed out.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="change-password">
        <TextInput
          id="current-password"
          label="Current password"
          type="password"
          autoComplete="current-password"
          inputClass="govuk-input--width-20"
          value={current}
          onChange={setCurrent}
          error={err('current-password')}
        />
        <TextInput
          id="new-password"
          label="New password"
          hint="At least 12 characters. Not a common password, your email address or the portal’s name."
          type="password"
          autoComplete="new-password"
          inputClass="govuk-input--width-20"
          value={next}
          onChange={setNext}
          error={err('new-password')}
        />
        <TextInput
          id="confirm-new-password"
          label="Confirm the new password"
          type="password"
          autoComplete="new-password"
          inputClass="govuk-input--width-20"
          value={confirm}
          onChange={setConfirm}
          error={err('confirm-new-password')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Change password
        </button>
      </form>
    </section>
  );
}

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
      <ChangePasswordForm />
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
      <h2 className="govuk-heading-m">Email notifications</h2>
      <p className="govuk-body">
        Choose which alerts you are emailed about, and whether they come straight away or in a daily digest.
      </p>
      <p className="govuk-body">
        <Link href="/account/notifications" className="govuk-link">
          Change your email notifications
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
