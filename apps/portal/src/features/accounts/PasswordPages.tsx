import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors, errorCode } from '../../apollo';
import { Link, navigate, usePageTitle } from '../../router';
import { signOut } from '../../session';
import { ErrorSummary, TextInput, type FieldError } from '../../ui/govuk';
import { SignedOutPage } from '../../ui/SignedOutPage';

const RequestPasswordReset = graphql(`
  mutation RequestPasswordReset($email: String!) {
    requestPasswordReset(email: $email)
  }
`);

const AcceptInvitation = graphql(`
  mutation AcceptInvitation($token: String!, $password: String!) {
    acceptInvitation(token: $token, password: $password)
  }
`);

const ResetPassword = graphql(`
  mutation ResetPassword($token: String!, $password: String!) {
    resetPassword(token: $token, password: $password)
  }
`);

/** A reset link opened in a tab where someone else is signed in sets the link's user's password, not theirs. */
export function PasswordPage({ path }: { path: string }) {
  return (
    <SignedOutPage>
      {path === '/forgot-password' ? <ForgotPassword /> : <SetPassword invitation={path === '/invitation'} />}
    </SignedOutPage>
  );
}

function ForgotPassword() {
  usePageTitle('Reset your password');
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [sent, setSent] = useState(false);
  const [request, { loading }] = useMutation(RequestPasswordReset);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim()))
      return setErrors([
        { text: 'Enter an email address in the correct format, like name@example.org', href: 'email' },
      ]);
    try {
      await request({ variables: { email: email.trim() } });
      setSent(true);
    } catch (err) {
      setErrors([
        errorCode(err) === 'TOO_MANY_REQUESTS'
          ? { text: 'Too many reset requests have come from here. Wait an hour, then try again.', href: 'email' }
          : { text: 'Password resets are not available at the moment. Try again later.' },
      ]);
    }
  };

  if (sent)
    return (
      <>
        <h1 className="govuk-heading-l">Check your email</h1>
        <p className="govuk-body">
          If an account has the email address {email.trim()}, we have sent it a link to choose a new password. The link
          works once, for 60 minutes.
        </p>
        <p className="govuk-body">If no email arrives, check the address and ask again, or ask your administrator.</p>
        <p className="govuk-body">
          <Link href="/">Back to sign in</Link>
        </p>
      </>
    );
  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <h1 className="govuk-heading-l">Reset your password</h1>
      <p className="govuk-body">We will email you a link to choose a new password.</p>
      <form onSubmit={submit} noValidate>
        <TextInput
          id="email"
          label="Email address"
          type="email"
          autoComplete="username"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={errors.find((e) => e.href === 'email')?.text}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Send the link
        </button>
      </form>
      <p className="govuk-body">
        <Link href="/">Back to sign in</Link>
      </p>
    </>
  );
}

/** The token from the link's fragment, which the browser never sends to a server; then taken out of the address bar. */
function useLinkToken(): string {
  const [token] = useState(() => new URLSearchParams(location.hash.slice(1)).get('token') ?? '');
  useEffect(() => {
    if (location.hash) history.replaceState(null, '', location.pathname);
  }, []);
  return token;
}

/** Choosing a password from an invitation or a reset link. */
function SetPassword({ invitation }: { invitation: boolean }) {
  usePageTitle(invitation ? 'Set your password' : 'Choose a new password');
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [linkInvalid, setLinkInvalid] = useState(!token);
  const [accept, { loading: accepting }] = useMutation(AcceptInvitation);
  const [reset, { loading: resetting }] = useMutation(ResetPassword);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (password.length < 12) problems.push({ text: 'Password must be 12 characters or more', href: 'password' });
    else if (password !== confirm) problems.push({ text: 'The passwords do not match', href: 'confirm-password' });
    setErrors(problems);
    if (problems.length) return;
    try {
      if (invitation) await accept({ variables: { token, password } });
      else await reset({ variables: { token, password } });
      // Any session this tab held has ended with the others: the sign-in page says what happened.
      signOut(
        invitation
          ? 'Your password is set. Sign in with your email address and your new password.'
          : 'Your password has been changed and you have been signed out everywhere. Sign in with your new password.',
      );
      navigate('/', { replace: true });
    } catch (err) {
      const fieldErrors = apiFieldErrors(err, (field) =>
        field === 'password' ? { id: 'password', label: 'Password' } : undefined,
      );
      if (fieldErrors.some((f) => f.href === undefined) && errorCode(err) === 'BAD_USER_INPUT') setLinkInvalid(true);
      else setErrors(fieldErrors);
    }
  };

  if (linkInvalid)
    return (
      <>
        <h1 className="govuk-heading-l">This link does not work</h1>
        <p className="govuk-body">
          It may have been used already, or have expired. Links in invitations work for 72 hours, links to reset a
          password for 60 minutes, and each works once.
        </p>
        <p className="govuk-body">
          <Link href="/forgot-password">Ask for a new link</Link> or ask your administrator.
        </p>
      </>
    );
  const hint =
    'At least 12 characters. A few unrelated words make a good password. Not a common password, your email address or the portal’s name.';
  return (
    <>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <h1 className="govuk-heading-l">{invitation ? 'Set your password' : 'Choose a new password'}</h1>
      <form onSubmit={submit} noValidate>
        <TextInput
          id="password"
          label="New password"
          hint={hint}
          type="password"
          autoComplete="new-password"
          inputClass="govuk-input--width-20"
          value={password}
          onChange={setPassword}
          error={errors.find((e) => e.href === 'password')?.text}
        />
        <TextInput
          id="confirm-password"
          label="Confirm the new password"
          type="password"
          autoComplete="new-password"
          inputClass="govuk-input--width-20"
          value={confirm}
          onChange={setConfirm}
          error={errors.find((e) => e.href === 'confirm-password')?.text}
        />
        <button type="submit" className="govuk-button" disabled={accepting || resetting} data-module="govuk-button">
          {invitation ? 'Set password' : 'Change password'}
        </button>
      </form>
    </>
  );
}
