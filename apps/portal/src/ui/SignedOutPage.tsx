import { useEffect, useMemo, type ReactNode } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from '../apollo';

/**
 * A page reached from a link, without signing in (a reporter's survey, an invitation, a password reset): its own
 * API client, without any token this browser tab may hold, so the link acts for whom it was made for and never for
 * whoever happens to be signed in here; and a plain header with no navigation.
 */
export function SignedOutPage({ children }: { children: ReactNode }) {
  const client = useMemo(() => createApolloClient(null), []);
  useEffect(() => () => client.stop(), [client]);
  return (
    <ApolloProvider client={client}>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <header className="govuk-generic-header">
        <div className="govuk-generic-header__container govuk-width-container">
          <div className="govuk-generic-header__logo">
            <span className="govuk-generic-header__homepage-link">Partnership portal</span>
          </div>
        </div>
      </header>
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1}>
          <div className="govuk-grid-row">
            <div className="govuk-grid-column-two-thirds">{children}</div>
          </div>
        </main>
      </div>
    </ApolloProvider>
  );
}
