import { useEffect, useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { SignIn, viewerCanWith } from '../features/auth/SignIn';
import { sessionExpired, signedIn, type Session } from '../session';
import { formatTime } from '../format';
import { TextInput, ErrorSummary } from './govuk';

const WARN_BEFORE_MS = 5 * 60 * 1000;

/**
 * Warns five minutes before the token expires and lets the user sign in again in place,
 * so the page (and anything typed into it) stays as it is.
 */
export function SessionWarning({ session }: { session: Session }) {
  const expiresAt = Date.parse(session.expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [login, { loading }] = useMutation(SignIn);
  const client = useApolloClient();

  useEffect(() => {
    const untilWarning = expiresAt - WARN_BEFORE_MS - Date.now();
    const untilExpiry = expiresAt - Date.now();
    // Timers rather than polling; setTimeout caps at ~24.8 days, far beyond any token.
    const warn = setTimeout(() => setNow(Date.now()), Math.max(0, untilWarning));
    const expire = setTimeout(() => sessionExpired(), Math.max(0, untilExpiry));
    const tick = untilWarning <= 0 ? setInterval(() => setNow(Date.now()), 15_000) : undefined;
    return () => {
      clearTimeout(warn);
      clearTimeout(expire);
      if (tick) clearInterval(tick);
    };
  }, [expiresAt, now]);

  if (expiresAt - now > WARN_BEFORE_MS) return null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const { data } = await login({ variables: { email: session.user.email, password } });
      if (!data) throw new Error('no data');
      const can = await viewerCanWith(client, data.login.accessToken);
      signedIn({
        token: data.login.accessToken,
        expiresAt: data.login.expiresAt,
        user: { ...data.login.user, email: data.login.user.email ?? session.user.email, can },
      });
      setOpen(false);
      setPassword('');
      setFailed(false);
    } catch {
      setFailed(true);
      setPassword('');
    }
  };

  return (
    <div className="govuk-notification-banner" role="region" aria-labelledby="session-warning-title">
      <div className="govuk-notification-banner__header">
        <h2 className="govuk-notification-banner__title" id="session-warning-title">
          Your session is ending
        </h2>
      </div>
      <div className="govuk-notification-banner__content">
        <p className="govuk-notification-banner__heading">
          You will be signed out at {formatTime(session.expiresAt)}. Sign in again to keep working without losing
          anything you have typed.
        </p>
        {!open ? (
          <button type="button" className="govuk-button govuk-!-margin-bottom-0" onClick={() => setOpen(true)}>
            Sign in again
          </button>
        ) : (
          <form onSubmit={submit} noValidate>
            {failed && <ErrorSummary errors={[{ text: 'Enter your correct password', href: 'reauth-password' }]} />}
            <TextInput
              id="reauth-password"
              label={`Password for ${session.user.email}`}
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              error={failed ? 'Enter your correct password' : undefined}
            />
            <button type="submit" className="govuk-button govuk-!-margin-bottom-0" disabled={loading}>
              Continue signed in
            </button>
          </form>
        )}
      </div>
    </div>
  );
}
