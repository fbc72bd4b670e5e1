import { usePageTitle } from '../router';

export function NotFoundPage() {
  usePageTitle('Page not found');
  return (
    <>
      <h1 className="govuk-heading-l">Page not found</h1>
      <p className="govuk-body">If you typed the web address, check it is correct.</p>
      <p className="govuk-body">
        <a href="/" className="govuk-link">
          Go to My work
        </a>
      </p>
    </>
  );
}
