import { useState, type FormEvent } from 'react';
import type { ApolloClient } from '@apollo/client';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorCode, errorMfaRequired, errorRetryAfter } from '../../apollo';
import { signedIn, type SessionUser, type ViewerCan } from '../../session';
import { Link, navigate, usePageTitle } from '../../router';
import { ErrorSummary, TextInput, NotificationBanner, type FieldError } from '../../ui/govuk';
import { SingleSignOnButtons, SingleSignOnReturn } from './SingleSignOn';

export const SignIn = graphql(`
  mutation SignIn($email: String!, $password: String!, $code: String) {
    login(email: $email, password: $password, code: $code) {
      accessToken
      expiresAt
      user {
        id
        email
        displayName
        roles
        agency {
          id
          name
          kind
        }
      }
    }
  }
`);

/** Asked once with the new token: what the user may do, kept with the session for the pages and the navigation. */
const ViewerCan = graphql(`
  query ViewerCan {
    me {
      id
      viewerCan {
        readCases
        createCase
        triage
        createMeeting
        readCaseFigures
        readMeetingFigures
        applyRetention
        updateServiceStandards
        administer
        manageUsers
        manageApiKeys
        manageWebhooks
        answerSubjectAccess
        searchPeople
        decideAccessRequests
        mergePeople
        manageLetterTemplates
        decideCaseTransfers
        logCaseReviews
        readCaseReviewFigures
      }
    }
  }
`);

/** What a freshly signed-in user may do, asked with the new token (the client's own is the old one, or none). */
export async function viewerCanWith(client: ApolloClient, token: string): Promise<ViewerCan> {
  const { data } = await client.query({
    query: ViewerCan,
    context: { headers: { authorization: `Bearer ${token}` } },
    fetchPolicy: 'no-cache',
  });
  const can = data?.me.viewerCan;
  if (!can) throw new Error('no capabilities');
  return can;
}

/** The API's own wait: after failures on an email or from an address, each attempt waits a little longer. */
const tooManyAttempts = (seconds: number | undefined) =>
  seconds === undefined
    ? 'Too many attempts. Wait a few minutes, then try again.'
    : `Too many attempts. Try again in ${seconds} ${seconds === 1 ? 'second' : 'seconds'}.`;

export function SignInPage({ expiredUser, notice }: { expiredUser: SessionUser | null; notice?: string | null }) {
  usePageTitle('Sign in');
  const [email, setEmail] = useState(expiredUser?.email ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [login, { loading: signingIn }] = useMutation(SignIn);
  const client = useApolloClient();
  const [asking, setAsking] = useState(false);
  const loading = signingIn || asking;
  // The API said the password was right and a second-factor code is needed: ask for it, keeping what was typed.
  const [needCode, setNeedCode] = useState(false);
  const [code, setCode] = useState('');

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!email.trim()) missing.push({ text: 'Enter your email address', href: 'email' });
    if (!password) missing.push({ text: 'Enter your password', href: 'password' });
    if (needCode && !code.trim())
      missing.push({ text: 'Enter the code from your authenticator app, or a recovery code', href: 'code' });
    if (missing.length) return setErrors(missing);
    try {
      const { data } = await login({
        variables: { email: email.trim(), password, code: needCode ? code.trim() : null },
      });
      if (!data) throw new Error('no data');
      const token = data.login.accessToken;
      setAsking(true);
      const can = await viewerCanWith(client, token).finally(() => setAsking(false));
      // A user always reads their own email; the schema's User.email is nullable only for other agencies' staff.
      signedIn({
        token,
        expiresAt: data.login.expiresAt,
        user: { ...data.login.user, email: data.login.user.email ?? email.trim(), can },
      });
      // Signing in after an expiry resumes the page the user was on; otherwise go home.
      if (!expiredUser) navigate('/', { replace: true });
    } catch (err) {
      const retryAfter = errorRetryAfter(err);
      if (retryAfter === undefined && errorMfaRequired(err)) {
        setCode('');
        setErrors(
          needCode
            ? [{ text: 'Enter a correct code: that one is wrong, was used already or has expired', href: 'code' }]
            : [],
        );
        setNeedCode(true);
        return;
      }
      const code = errorCode(err);
      setPassword('');
      setNeedCode(false);
      setCode('');
      setErrors([
        retryAfter !== undefined || code === 'FORBIDDEN' || code === 'TOO_MANY_REQUESTS'
          ? { text: tooManyAttempts(retryAfter), href: 'email' }
          : code === 'UNAUTHENTICATED'
            ? { text: 'Enter a correct email address and password', href: 'email' }
            : { text: 'Sign in is not available at the moment. Try again later' },
      ]);
    }
  };

  const fieldError = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <div className="govuk-grid-row">
      <div className="govuk-grid-column-two-thirds">
        {errors.length > 0 && <ErrorSummary errors={errors} />}
        <SingleSignOnReturn quiet={errors.length > 0} />
        {notice && !expiredUser && errors.length === 0 && (
          <NotificationBanner title="Success" success>
            <p className="govuk-notification-banner__heading">{notice}</p>
          </NotificationBanner>
        )}
        {expiredUser && errors.length === 0 && (
          <NotificationBanner title="Your session has ended">
            <p className="govuk-notification-banner__heading">Sign in again to carry on.</p>
            <p className="govuk-body">
              Anything you had typed but not saved is kept and will be there when you return.
            </p>
          </NotificationBanner>
        )}
        <h1 className="govuk-heading-l">Sign in</h1>
        {needCode ? (
          <form onSubmit={submit} noValidate>
            <p className="govuk-body">
              Open the authenticator app on your phone and enter the code it shows for the portal.
            </p>
            <TextInput
              id="code"
              label="Code from your authenticator app"
              hint="6 digits. If you cannot use the app, enter one of your recovery codes."
              autoComplete="one-time-code"
              spellCheck={false}
              inputClass="govuk-input--width-10"
              value={code}
              onChange={setCode}
              error={fieldError('code')}
            />
            <div className="govuk-button-group">
              <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
                Continue
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--secondary"
                data-module="govuk-button"
                onClick={() => {
                  setNeedCode(false);
                  setPassword('');
                  setCode('');
                  setErrors([]);
                }}
              >
                Start again
              </button>
            </div>
          </form>
        ) : (
          <form onSubmit={submit} noValidate>
            <TextInput
              id="email"
              label="Email address"
              type="email"
              autoComplete="username"
              spellCheck={false}
              value={email}
              onChange={setEmail}
              error={fieldError('email')}
            />
            <TextInput
              id="password"
              label="Password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={fieldError('password')}
            />
            <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
              Sign in
            </button>
          </form>
        )}
        {!needCode && (
          <>
            <SingleSignOnButtons />
            <p className="govuk-body">
              <Link href="/forgot-password">Forgot your password?</Link>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
