import { Link } from '../router';
import type { SessionUser } from '../session';
import { useUnreadCount } from '../features/alert-feed/alerts';

/** GOV.UK generic header: the portal's own name, no crown or GOV.UK logotype. */
export function Header({ user, onSignOut }: { user: SessionUser | null; onSignOut: () => void }) {
  return (
    <header className="govuk-generic-header" data-module="govuk-header">
      <div className="govuk-generic-header__container govuk-width-container">
        <div className="govuk-generic-header__logo">
          <Link href="/" className="govuk-generic-header__homepage-link">
            Partnership portal
          </Link>
        </div>
        {user && (
          <div className="app-header__user">
            <span>
              <span className="govuk-visually-hidden">Signed in as </span>
              <strong>{user.displayName}</strong>, {user.agency.name}
            </span>
            <AlertsLink />
            <Link href="/account" className="govuk-link govuk-link--inverse">
              Your account
            </Link>
            <button type="button" className="govuk-button govuk-button--inverse" onClick={onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
    </header>
  );
}

/** The unread count is part of the link text, so it is read out, not only seen. */
function AlertsLink() {
  const unread = useUnreadCount();
  return (
    <Link href="/alerts" className="govuk-link govuk-link--inverse">
      Alerts <span className="moj-notification-badge">{unread}</span>
    </Link>
  );
}
