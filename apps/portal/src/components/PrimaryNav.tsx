import { Link } from '../router';
import { hasRole, type SessionUser } from '../session';

interface Item {
  text: string;
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
    { text: 'Reports', href: '/reports' },
  ];
  if (hasRole(user, 'ADMIN')) items.push({ text: 'Administration', href: '/admin', prefix: '/admin' });

  return (
    <section className="govuk-service-navigation" aria-label="Service information">
      <div className="govuk-width-container">
        <div className="govuk-service-navigation__container">
          <nav aria-label="Primary" className="govuk-service-navigation__wrapper">
            <ul className="govuk-service-navigation__list" id="navigation">
              {items.map((item) => {
                const current = item.prefix ? path.startsWith(item.prefix) : path === item.href;
                return (
                  <li key={item.href} className={`govuk-service-navigation__item${current ? ' govuk-service-navigation__item--active' : ''}`}>
                    <Link className="govuk-service-navigation__link" href={item.href} aria-current={current ? 'page' : undefined}>
                      {current ? <strong className="govuk-service-navigation__active-fallback">{item.text}</strong> : item.text}
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
