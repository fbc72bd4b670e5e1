import { lazy, Suspense, useEffect, useMemo, useRef } from 'react';
import { ApolloProvider } from '@apollo/client/react';
import { createApolloClient } from './apollo';
import { graphql } from './gql';
import { endingSession, signOut, useSessionState, type SessionUser } from './session';
import { matchPath, navigate, usePath } from './router';
import { Header } from './ui/Header';
import { PrimaryNav } from './ui/PrimaryNav';
import { SessionWarning } from './ui/SessionWarning';
import { AlertsFeed, resetAlerts } from './features/alert-feed/alerts';
import { SignInPage } from './features/auth/SignIn';
import { LiveScreens } from './live';

// Each page is its own chunk: the sign-in screen loads none of them.
const MyWorkPage = lazy(() => import('./features/cases/MyWork').then((m) => ({ default: m.MyWorkPage })));
const CasesPage = lazy(() => import('./features/cases/Cases').then((m) => ({ default: m.CasesPage })));
const NewCasePage = lazy(() => import('./features/cases/NewCase').then((m) => ({ default: m.NewCasePage })));
const CasePage = lazy(() => import('./features/cases/CasePage').then((m) => ({ default: m.CasePage })));
const AlertsPage = lazy(() => import('./features/alert-feed/AlertsPage').then((m) => ({ default: m.AlertsPage })));
const AdminPage = lazy(() => import('./features/administration/Admin').then((m) => ({ default: m.AdminPage })));
const MeetingsPage = lazy(() => import('./features/meetings/MeetingsPage').then((m) => ({ default: m.MeetingsPage })));
const MeetingPage = lazy(() => import('./features/meetings/MeetingPage').then((m) => ({ default: m.MeetingPage })));
const TriagePage = lazy(() => import('./features/intake/TriagePage').then((m) => ({ default: m.TriagePage })));
const InterventionsPage = lazy(() =>
  import('./features/actions/InterventionsPage').then((m) => ({ default: m.InterventionsPage })),
);
const SurveyPage = lazy(() => import('./features/satisfaction/SurveyPage').then((m) => ({ default: m.SurveyPage })));
const ReportsPage = lazy(() => import('./features/reports/ReportsPage').then((m) => ({ default: m.ReportsPage })));
const RetentionPage = lazy(() =>
  import('./features/retention/RetentionPage').then((m) => ({ default: m.RetentionPage })),
);
const ExceptionsPage = lazy(() =>
  import('./features/reports/ExceptionsPage').then((m) => ({ default: m.ExceptionsPage })),
);
const ApiKeysPage = lazy(() => import('./features/api-keys/ApiKeysPage').then((m) => ({ default: m.ApiKeysPage })));
const WebhooksPage = lazy(() => import('./features/webhooks/WebhooksPage').then((m) => ({ default: m.WebhooksPage })));
const SubjectAccessPage = lazy(() =>
  import('./features/subject-access/SubjectAccessPage').then((m) => ({ default: m.SubjectAccessPage })),
);
const FindPersonPage = lazy(() =>
  import('./features/known-to/FindPersonPage').then((m) => ({ default: m.FindPersonPage })),
);
const AccessRequestsPage = lazy(() =>
  import('./features/known-to/AccessRequestsPage').then((m) => ({ default: m.AccessRequestsPage })),
);
const TransferOffersPage = lazy(() =>
  import('./features/transfers/TransferOffersPage').then((m) => ({ default: m.TransferOffersPage })),
);
const UsersPage = lazy(() => import('./features/users/UsersPage').then((m) => ({ default: m.UsersPage })));
const ServiceStandardsPage = lazy(() =>
  import('./features/service-standards/ServiceStandardsPage').then((m) => ({ default: m.ServiceStandardsPage })),
);
const SecondFactorPage = lazy(() =>
  import('./features/mfa/SecondFactor').then((m) => ({ default: m.SecondFactorPage })),
);
const SecondFactorGate = lazy(() =>
  import('./features/mfa/SecondFactor').then((m) => ({ default: m.SecondFactorGate })),
);
const AccountPage = lazy(() => import('./features/users/Account').then((m) => ({ default: m.AccountPage })));
const NotificationsPage = lazy(() =>
  import('./features/notifications/NotificationsPage').then((m) => ({ default: m.NotificationsPage })),
);
const PasswordPage = lazy(() => import('./features/accounts/PasswordPages').then((m) => ({ default: m.PasswordPage })));
/** Reached without signing in: from the sign-in page, or from the link in an invitation or a reset mail. */
const PASSWORD_PATHS = ['/forgot-password', '/invitation', '/reset-password'];
const PersonPage = lazy(() => import('./features/people/PersonPage').then((m) => ({ default: m.PersonPage })));
const MergesPage = lazy(() => import('./features/people/MergesPage').then((m) => ({ default: m.MergesPage })));
const LetterTemplatesPage = lazy(() =>
  import('./features/letters/LetterTemplatesPage').then((m) => ({ default: m.LetterTemplatesPage })),
);
const CaseReviewsPage = lazy(() =>
  import('./features/case-reviews/CaseReviewsPage').then((m) => ({ default: m.CaseReviewsPage })),
);
const CaseReviewPage = lazy(() =>
  import('./features/case-reviews/CaseReviewPage').then((m) => ({ default: m.CaseReviewPage })),
);
const NotFoundPage = lazy(() => import('./ui/NotFound').then((m) => ({ default: m.NotFoundPage })));

function Route({ path, user }: { path: string; user: SessionUser }) {
  if (path === '/') return <MyWorkPage user={user} />;
  if (path === '/cases') return <CasesPage user={user} />;
  if (path === '/cases/new') return <NewCasePage user={user} />;
  const c = matchPath('/cases/:id/:tab?', path);
  if (c) return <CasePage id={c.id} tab={c.tab ?? 'summary'} user={user} />;
  if (path === '/people/merges') return <MergesPage user={user} />;
  const person = matchPath('/people/:id', path);
  if (person) return <PersonPage id={person.id} user={user} />;
  if (path === '/alerts') return <AlertsPage user={user} />;
  if (path === '/meetings') return <MeetingsPage user={user} />;
  const m = matchPath('/meetings/:id', path);
  if (m) return <MeetingPage id={m.id} user={user} />;
  if (path === '/triage') return <TriagePage user={user} />;
  if (path === '/interventions') return <InterventionsPage user={user} />;
  if (path === '/reports') return <ReportsPage user={user} />;
  if (path === '/retention') return <RetentionPage user={user} />;
  if (path === '/reports/exceptions') return <ExceptionsPage user={user} />;
  if (path === '/reports/service-standards') return <ServiceStandardsPage user={user} />;
  if (path === '/admin') return <AdminPage user={user} />;
  if (path === '/keys') return <ApiKeysPage user={user} />;
  if (path === '/webhooks') return <WebhooksPage user={user} />;
  if (path === '/subject-access') return <SubjectAccessPage user={user} />;
  if (path === '/letter-templates') return <LetterTemplatesPage user={user} />;
  if (path === '/case-reviews') return <CaseReviewsPage user={user} />;
  const review = matchPath('/case-reviews/:id', path);
  if (review) return <CaseReviewPage id={review.id} user={user} />;
  if (path === '/users') return <UsersPage user={user} />;
  if (path === '/people') return <FindPersonPage user={user} />;
  if (path === '/access-requests') return <AccessRequestsPage user={user} />;
  if (path === '/transfers') return <TransferOffersPage user={user} />;
  if (path === '/account') return <AccountPage user={user} />;
  if (path === '/account/second-factor') return <SecondFactorPage />;
  if (path === '/account/notifications') return <NotificationsPage />;
  return <NotFoundPage />;
}

const SignOut = graphql(`
  mutation SignOut {
    signOut
  }
`);

export function App() {
  // The reporter's survey link is answered without an account: nothing of the signed-in portal runs there.
  const path = usePath();
  if (PASSWORD_PATHS.includes(path)) {
    return (
      <Suspense
        fallback={
          <p className="govuk-body" role="status">
            Loading…
          </p>
        }
      >
        <PasswordPage path={path} />
      </Suspense>
    );
  }
  const survey = matchPath('/survey/:token', path);
  if (survey) {
    return (
      <Suspense
        fallback={
          <p className="govuk-body" role="status">
            Loading…
          </p>
        }
      >
        <SurveyPage token={survey.token} />
      </Suspense>
    );
  }
  return <SignedInApp />;
}

function SignedInApp() {
  const { session, expiredUser, notice } = useSessionState();
  const token = session?.token ?? null;
  const client = useMemo(() => createApolloClient(token), [token]);
  const path = usePath();
  const user = session?.user ?? null;

  // Alerts belong to one person; forget them when someone else signs in on this tab.
  const lastUser = useRef<string | null>(user?.id ?? null);
  useEffect(() => {
    if (user && lastUser.current && lastUser.current !== user.id) resetAlerts();
    if (user) lastUser.current = user.id;
  }, [user]);

  useEffect(() => () => client.stop(), [client]);

  // After a client-side navigation, move focus to the page so screen readers start at its top.
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(path);
  useEffect(() => {
    if (path !== firstPath.current) {
      firstPath.current = '';
      mainRef.current?.focus({ preventScroll: true });
    }
  }, [path]);

  const handleSignOut = async () => {
    // The server ends the token first, so it is refused from anywhere it may have been copied; if the server
    // cannot be reached, this tab still forgets it, as asked.
    await endingSession(() => client.mutate({ mutation: SignOut })).catch(() => undefined);
    signOut();
    resetAlerts();
    client.clearStore().catch(() => undefined);
    navigate('/', { replace: true });
  };

  return (
    <ApolloProvider client={client}>
      <a href="#main-content" className="govuk-skip-link" data-module="govuk-skip-link">
        Skip to main content
      </a>
      <Header user={user} onSignOut={handleSignOut} />
      {user && <PrimaryNav user={user} path={path} />}
      {user?.can.readCases && <AlertsFeed user={user} />}
      {user?.can.readCases && <LiveScreens />}
      <div className="govuk-width-container">
        <main className="govuk-main-wrapper" id="main-content" tabIndex={-1} ref={mainRef}>
          {session && <SessionWarning session={session} />}
          {user ? (
            <Suspense
              fallback={
                <p className="govuk-body" role="status">
                  Loading…
                </p>
              }
            >
              <SecondFactorGate>
                <Route path={path} user={user} />
              </SecondFactorGate>
            </Suspense>
          ) : (
            <SignInPage expiredUser={expiredUser} notice={notice} />
          )}
        </main>
      </div>
    </ApolloProvider>
  );
}
