import { useEffect, useRef, useState } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { signedIn } from '../../session';
import { navigate } from '../../router';
import { ErrorSummary } from '../../ui/govuk';
import { viewerCanWith } from './SignIn';

const SignInProviders = graphql(`
  query SignInProviders {
    signInProviders {
      agencyId
      agencyName
      startPath
    }
  }
`);

const SingleSignOnUser = graphql(`
  query SingleSignOnUser {
    me {
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
`);

const FAILED =
  'Signing in through your organisation did not work. Try again, or sign in with your email address and password.';

/** "Sign in with <agency>": a plain link, since the browser leaves the portal for the agency's own sign-in page. */
export function SingleSignOnButtons() {
  const { data } = useQuery(SignInProviders, { fetchPolicy: 'network-only' });
  const providers = data?.signInProviders ?? [];
  if (providers.length === 0) return null;
  return (
    <section aria-labelledby="sso-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="sso-heading">
        Sign in through your organisation
      </h2>
      <div className="govuk-button-group">
        {providers.map((p) => (
          <a
            key={p.agencyId}
            href={p.startPath}
            role="button"
            draggable="false"
            className="govuk-button govuk-button--secondary"
            data-module="govuk-button"
          >
            Sign in with {p.agencyName}
          </a>
        ))}
      </div>
    </section>
  );
}

/**
 * Back from the agency's provider: `?sso=complete` means a one-time handoff waits in an HttpOnly cookie, which
 * this page exchanges once (POST) for the session; `?sso_error=…` says only that it did not work.
 */
export function SingleSignOnReturn({ quiet }: { quiet: boolean }) {
  const client = useApolloClient();
  const params = new URLSearchParams(location.search);
  const returning = params.get('sso') === 'complete';
  const [failed, setFailed] = useState(params.has('sso_error'));
  const asked = useRef(false);

  useEffect(() => {
    if (!returning || asked.current) return;
    asked.current = true;
    (async () => {
      const res = await fetch('/auth/sso/exchange', {
        method: 'POST',
        credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      if (!res.ok) throw new Error('refused');
      const { accessToken, expiresAt } = (await res.json()) as { accessToken: string; expiresAt: string };
      const { data } = await client.query({
        query: SingleSignOnUser,
        context: { headers: { authorization: `Bearer ${accessToken}` } },
        fetchPolicy: 'no-cache',
      });
      if (!data) throw new Error('no user');
      const can = await viewerCanWith(client, accessToken);
      signedIn({ token: accessToken, expiresAt, user: { ...data.me, email: data.me.email ?? '', can } });
      navigate('/', { replace: true });
    })().catch(() => {
      history.replaceState(null, '', '/?sso_error=failed');
      setFailed(true);
    });
  }, [client, returning]);

  if (quiet) return null;
  if (failed) return <ErrorSummary errors={[{ text: FAILED }]} />;
  if (returning)
    return (
      <p className="govuk-body" role="status">
        Signing you in…
      </p>
    );
  return null;
}
