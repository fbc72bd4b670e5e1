import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AlertKind, NotificationDelivery } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import { ErrorSummary, NotificationBanner, Radios, Select, type FieldError } from '../../ui/govuk';

const Preferences = graphql(`
  query NotificationPreferences {
    notificationPreferences {
      kinds {
        kind
        delivery
        chosen
      }
      digestHour
      digestMinute
      timeZone
    }
  }
`);

const SetPreferences = graphql(`
  mutation SetNotificationPreferences($input: NotificationPreferencesInput!) {
    setNotificationPreferences(input: $input) {
      kinds {
        kind
        delivery
        chosen
      }
      digestHour
      digestMinute
      timeZone
    }
  }
`);

/** Each kind as the mail's subject says it. */
const KIND_LABELS: Record<AlertKind, { label: string; hint?: string }> = {
  CASE_SHARED: { label: 'Case shared' },
  INCIDENT_LOGGED: { label: 'Incident logged' },
  RISK_ESCALATED: {
    label: 'Risk escalated',
    hint: 'Immediately means escalations to high risk; a rise to medium goes in the daily digest.',
  },
  ACTION_ASSIGNED: { label: 'Action given to your agency' },
  ACTION_OVERDUE: { label: 'Action overdue' },
  CASE_UPDATED: { label: 'Case updated' },
  CASE_CLOSED: { label: 'Case closed' },
  SERVICE_STANDARD_BREACHED: { label: 'Service standard missed' },
  AGENDA_PUBLISHED: { label: 'Meeting agenda published' },
  CASE_TRANSFERRED: { label: 'Case transferred to another agency' },
  CASE_REVIEW_OVERDUE: { label: 'Case Review step overdue' },
};

const DELIVERY_OPTIONS: { value: NotificationDelivery; text: string }[] = [
  { value: 'OFF', text: 'Off' },
  { value: 'IMMEDIATE', text: 'Immediately' },
  { value: 'DIGEST', text: 'Daily digest' },
];

const pad = (n: number) => String(n).padStart(2, '0');
const HOURS = Array.from({ length: 24 }, (_, h) => ({ value: String(h), text: pad(h) }));
const minutes = (current: number) =>
  [...new Set([...Array.from({ length: 12 }, (_, i) => i * 5), current])]
    .sort((a, b) => a - b)
    .map((m) => ({ value: String(m), text: pad(m) }));

const FIELDS: Record<string, { id: string; label: string }> = {
  digestHour: { id: 'digest-hour', label: 'Hour' },
  digestMinute: { id: 'digest-minute', label: 'Minute' },
};

/** Which alerts reach the user by email, and when the daily digest comes. Always the user's own. */
export function NotificationsPage() {
  usePageTitle('Email notifications');
  const { data, loading } = useQuery(Preferences);
  const [save, { loading: saving }] = useMutation(SetPreferences);
  // What the user has changed on this page; everything else shows as saved.
  const [changed, setChanged] = useState<Partial<Record<AlertKind, NotificationDelivery>>>({});
  const [hourChosen, setHour] = useState<string | null>(null);
  const [minuteChosen, setMinute] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);

  const prefs = data?.notificationPreferences;
  const deliveries: Partial<Record<AlertKind, NotificationDelivery>> = {
    ...Object.fromEntries((prefs?.kinds ?? []).map((k) => [k.kind, k.delivery])),
    ...changed,
  };
  const hour = hourChosen ?? String(prefs?.digestHour ?? 8);
  const minute = minuteChosen ?? String(prefs?.digestMinute ?? 0);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    setErrors([]);
    try {
      await save({
        variables: {
          input: {
            kinds: Object.entries(deliveries).map(([kind, delivery]) => ({
              kind: kind as AlertKind,
              delivery: delivery,
            })),
            digestHour: Number(hour),
            digestMinute: Number(minute),
          },
        },
      });
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (field) => FIELDS[field]));
    }
  };

  return (
    <>
      <Link href="/account" className="govuk-back-link govuk-!-margin-top-0">
        Your account
      </Link>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {saved && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">Your email notifications have been saved.</p>
        </NotificationBanner>
      )}
      <h1 className="govuk-heading-l">Email notifications</h1>
      <p className="govuk-body">
        Emails give the case reference, what happened and a link. They never include names, addresses or notes, because
        email is not a secure channel: sign in to read the case. Each email has a link to stop that kind of email.
      </p>
      {loading && !prefs ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : (
        <form onSubmit={submit} noValidate>
          {(Object.keys(KIND_LABELS) as AlertKind[]).map((kind) => (
            <Radios
              key={kind}
              id={`delivery-${kind.toLowerCase().replace(/_/g, '-')}`}
              legend={KIND_LABELS[kind].label}
              hint={KIND_LABELS[kind].hint}
              inline
              value={deliveries[kind] ?? ''}
              onChange={(value) => setChanged((d) => ({ ...d, [kind]: value as NotificationDelivery }))}
              options={DELIVERY_OPTIONS}
            />
          ))}
          <div className="govuk-form-group">
            <fieldset className="govuk-fieldset" aria-describedby="digest-time-hint">
              <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">Daily digest time</legend>
              <div id="digest-time-hint" className="govuk-hint">
                UK time (GMT in winter, BST in summer). The digest is sent once a day, and not at all when there is
                nothing in it.
              </div>
              <div className="govuk-date-input">
                <div className="govuk-date-input__item">
                  <Select id="digest-hour" label="Hour" value={hour} onChange={setHour} options={HOURS} />
                </div>
                <div className="govuk-date-input__item">
                  <Select
                    id="digest-minute"
                    label="Minute"
                    value={minute}
                    onChange={setMinute}
                    options={minutes(Number(minute))}
                  />
                </div>
              </div>
            </fieldset>
          </div>
          <button type="submit" className="govuk-button" disabled={saving} data-module="govuk-button">
            Save
          </button>
        </form>
      )}
    </>
  );
}
