import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { formatDate } from '../../format';
import { ErrorSummary, NotificationBanner } from '../../ui/govuk';
import { HoldReasonForm, type HoldChange, type HoldOutcome } from './HoldReasonForm';
import type { CaseData } from '../cases/CasePage';

/** The hold alone, so the panel does not widen the case page's main query. */
const CaseLegalHoldQuery = graphql(`
  query CaseLegalHold($id: ID!) {
    case(id: $id) {
      id
      legalHold {
        reason
        placedAt
        placedBy
      }
    }
  }
`);

/**
 * The case's legal hold, for the owner agency's managers (no one else may read or change it): what it is
 * and who placed it, with its release; or the way to place one.
 */
export function LegalHoldPanel({ c }: { c: CaseData }) {
  if (!c.viewerCan.placeLegalHold && !c.viewerCan.releaseLegalHold) return null;
  return <LegalHoldSection caseId={c.id} reference={c.reference} />;
}

const TOGGLE_ID = 'legal-hold-toggle';

function LegalHoldSection({ caseId, reference }: { caseId: string; reference: string }) {
  const { data, loading, error, refetch } = useQuery(CaseLegalHoldQuery, {
    variables: { id: caseId },
    fetchPolicy: 'cache-and-network',
  });
  const [changing, setChanging] = useState<HoldChange | null>(null);
  const [notice, setNotice] = useState<{ success: boolean; text: string } | null>(null);
  const cancelled = useRef(false);
  const hold = data?.case?.legalHold ?? null;

  // Closing the form without sending returns the reader to the button that opened it.
  useEffect(() => {
    if (!changing && cancelled.current) {
      document.getElementById(TOGGLE_ID)?.focus();
      cancelled.current = false;
    }
  }, [changing]);

  const done = (change: HoldChange) => (outcome: HoldOutcome) => {
    setChanging(null);
    if (outcome === 'conflict')
      setNotice({
        success: false,
        text:
          change === 'place'
            ? 'Someone else placed a legal hold on this case first. It is shown below.'
            : 'Someone else released the legal hold first. The case has none now.',
      });
    else
      setNotice({
        success: true,
        text:
          change === 'place'
            ? 'A legal hold was placed. Retention leaves this case whole until the hold is released.'
            : 'The legal hold was released. Retention applies to this case as usual.',
      });
  };
  const start = (change: HoldChange) => {
    setNotice(null);
    setChanging(change);
  };

  return (
    <section aria-labelledby="legal-hold-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="legal-hold-heading">
        Legal hold
      </h2>
      {notice?.success && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{notice.text}</p>
        </NotificationBanner>
      )}
      {notice && !notice.success && <ErrorSummary errors={[{ text: notice.text }]} />}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading the legal hold…
        </p>
      )}
      {error && !data && <p className="govuk-body">The legal hold could not be loaded. Try again later.</p>}
      {data?.case && (
        <>
          {hold ? (
            <p className="govuk-body">
              <strong>Legal hold:</strong> <span className="app-preserve-lines">{hold.reason}</span>, placed by{' '}
              {hold.placedBy} on {formatDate(hold.placedAt)}.
            </p>
          ) : (
            <p className="govuk-body">
              There is no legal hold on this case. A legal hold keeps the case whole after the retention period, for
              example while proceedings or a complaint are under way.
            </p>
          )}
          {changing ? (
            <HoldReasonForm
              caseId={caseId}
              reference={reference}
              change={changing}
              idPrefix="legal-hold"
              refetch={() => refetch()}
              onDone={done(changing)}
              onCancel={() => {
                cancelled.current = true;
                setChanging(null);
              }}
            />
          ) : (
            <button
              type="button"
              id={TOGGLE_ID}
              className="govuk-button govuk-button--secondary"
              data-module="govuk-button"
              onClick={() => start(hold ? 'release' : 'place')}
            >
              {hold ? 'Release the legal hold' : 'Place a legal hold'}
            </button>
          )}
        </>
      )}
    </section>
  );
}
