import { lazy, Suspense, type ReactNode } from 'react';
import { Link } from '../router';
import type { SessionUser } from '../session';

// Its own chunk: the count's query code stays out of the first screen's JavaScript.
const TriageBadge = lazy(() => import('../features/intake/TriageBadge').then((m) => ({ default: m.TriageBadge })));

interface Item {
  text: string;
  /** Shown after the text, as part of the link's name */
  badge?: ReactNode;
  href: string;
  /** Paths under href that keep the item current */
  prefix?: string;
}

export function PrimaryNav({ user, path }: { user: SessionUser; path: string }) {
  const items: Item[] = [
    { text: 'My work', href: '/' },
    { text: 'Cases', href: '/cases', prefix: '/cases' },
    { text: 'Alerts', href: '/alerts' },
    { text: 'Meetings', href: '/meetings', prefix: '/meetings' },
    { text: 'Reports', href: '/reports', prefix: '/reports' },
  ];
  if (user.can.triage) {
    const badge = (
      <Suspense fallback={null}>
        <TriageBadge path={path} />
      </Suspense>
    );
    items.splice(2, 0, { text: 'Triage', href: '/triage', badge });
  }
  // interventionsRegister is asked as a case read.
  if (user.can.readCases) items.splice(user.can.triage ? 5 : 4, 0, { text: 'Interventions', href: '/interventions' });
  if (user.can.searchPeople) items.push({ text: 'Find a person', href: '/people' });
  if (user.can.decideAccessRequests) items.push({ text: 'Requests for access', href: '/access-requests' });
  if (user.can.decideCaseTransfers) items.push({ text: 'Cases offered', href: '/transfers' });
  if (user.can.administer) items.push({ text: 'Administration', href: '/admin', prefix: '/admin' });
  if (user.can.manageUsers) items.push({ text: 'Users', href: '/users' });
  if (user.can.manageApiKeys) items.push({ text: 'System keys', href: '/keys' });
  if (user.can.manageWebhooks) items.push({ text: 'Webhooks', href: '/webhooks' });
  if (user.can.answerSubjectAccess) items.push({ text: 'Subject access', href: '/subject-access' });
  if (user.can.logCaseReviews) items.push({ text: 'Case Reviews', href: '/case-reviews', prefix: '/case-reviews' });
  if (user.can.mergePeople) items.push({ text: 'Person records', href: '/people/merges' });
  if (user.can.manageLetterTemplates) items.push({ text: 'Letter templates', href: '/letter-templates' });

  return (
    <section className="govuk-service-navigation" aria-label="Service information">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Primary" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const current = item.prefix ? path.startsWith(item.prefix) : path === item.href;
                return (
                  <li
                    key={item.href}
                    className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}
                  >
                    <Link
                      className="govuk-service-navigation__link"
                      href={item.href}
                      aria-current={current ? 'page' : undefined}
                    >
                      {current ? (
                        <strong className="govuk-service-navigation__active-fallback">{item.text}</strong>
                      ) : (
                        item.text
                      )}
                      {item.badge}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
        </div>
      </div>
    </section>
  );
}
