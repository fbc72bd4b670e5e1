import { useState } from 'react';
import { markRead, useAlerts, type Alert } from './alerts';
import { Link, usePageTitle } from '../../router';
import { ALERT_KINDS, RISK_LEVELS, RISK_RANK, formatDateTime, humanise, options } from '../../format';
import { Select, Tag } from '../../ui/govuk';
import { RiskTag } from '../cases/CaseTags';

function describe(a: Alert): string {
  return `${humanise(a.kind)}${a.case ? ` on ${a.case.reference}` : ''}`;
}

export function AlertsPage() {
  usePageTitle('Alerts');
  const { alerts, latest } = useAlerts();
  const [kind, setKind] = useState('');
  const [minRisk, setMinRisk] = useState('');

  // Filtering is local: the one subscription also feeds the header badge, so it stays unfiltered.
  const shown = alerts.filter(
    (a) => (!kind || a.kind === kind) && (!minRisk || (a.case && RISK_RANK[a.case.riskLevel] >= RISK_RANK[minRisk])),
  );
  const unread = alerts.filter((a) => a.unread).length;

  return (
    <>
      <h1 className="govuk-heading-l">Alerts</h1>
      <p className="govuk-body">
        Alerts about cases your agency holds arrive here as they happen. They are kept until you sign out.
      </p>
      {/* Polite: screen readers hear new alerts when they pause, and focus never moves. */}
      <div className="govuk-visually-hidden" aria-live="polite" aria-atomic="true">
        {latest ? `New alert: ${describe(latest)}` : ''}
      </div>

      <div className="govuk-grid-row">
        <div className="govuk-grid-column-one-third">
          <Select
            id="alerts-kind"
            label="Kind"
            value={kind}
            onChange={setKind}
            options={[{ value: '', text: 'Any kind' }, ...options(ALERT_KINDS)]}
          />
        </div>
        <div className="govuk-grid-column-one-third">
          <Select
            id="alerts-risk"
            label="Minimum risk"
            value={minRisk}
            onChange={setMinRisk}
            options={[{ value: '', text: 'Any risk' }, ...options(RISK_LEVELS)]}
          />
        </div>
      </div>

      <p className="govuk-body">
        {unread} unread of {alerts.length} {alerts.length === 1 ? 'alert' : 'alerts'}
        {shown.length !== alerts.length && `, ${shown.length} shown`}
      </p>
      {unread > 0 && (
        <button type="button" className="govuk-button govuk-button--secondary" onClick={() => markRead()}>
          Mark all as read
        </button>
      )}

      {shown.length === 0 ? (
        <p className="govuk-body">
          {alerts.length
            ? 'No alerts match the filter.'
            : 'No alerts yet. New alerts will appear here without reloading the page.'}
        </p>
      ) : (
        <ul className="app-alert-list" aria-label="Alerts, newest first">
          {shown.map((a) => (
            <li key={a.id}>
              <p className="govuk-body govuk-!-margin-bottom-1">
                {a.unread && (
                  <>
                    <Tag colour="blue">New</Tag>{' '}
                  </>
                )}
                <strong>{humanise(a.kind)}</strong>
                {a.case && (
                  <>
                    {' '}
                    on{' '}
                    <Link href={`/cases/${a.case.id}`} className="govuk-link" onClick={() => markRead(a.id)}>
                      {a.case.reference}
                    </Link>{' '}
                    <RiskTag risk={a.case.riskLevel} />
                  </>
                )}
              </p>
              <p className="govuk-body-s govuk-!-margin-bottom-0">
                <time dateTime={a.occurredAt}>{formatDateTime(a.occurredAt)}</time>
              </p>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
