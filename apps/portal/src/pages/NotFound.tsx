import { usePageTitle } from '../router';

/** Reports is a later issue; the route exists so navigation is complete now. */
export function ComingSoonPage({ title }: { title: string }) {
  usePageTitle(title);
  return (
    <>
      <h1 className="govuk-heading-l">{title}</h1>
      <div className="govuk-inset-text">This feature is coming soon. It is not available in the portal yet.</div>
    </>
  );
}

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body"><a href="/" className="govuk-link">Go to My work</a></p>
    </>
  );
}
