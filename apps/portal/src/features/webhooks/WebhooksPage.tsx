import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AlertKind, WebhookDeliveryStatus } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { ALERT_KINDS, formatDate, formatDateTime, humanise } from '../../format';
import { usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Table,
  Tag,
  TextInput,
  type FieldError,
} from '../../ui/govuk';

const WebhooksQuery = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      kinds
      createdAt
    }
  }
`);

const DeliveriesQuery = graphql(`
  query WebhookDeliveries($webhookId: ID!) {
    webhookDeliveries(webhookId: $webhookId, first: 10) {
      totalCount
      edges {
        node {
          id
          alertId
          kind
          status
          attempts
          createdAt
          lastAttemptAt
          nextAttemptAt
          lastStatus
          lastResponse
          lastError
        }
      }
    }
  }
`);

const RegisterWebhook = graphql(`
  mutation RegisterWebhook($input: RegisterWebhookInput!) {
    registerWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const RotateWebhookSecret = graphql(`
  mutation RotateWebhookSecret($id: ID!) {
    rotateWebhookSecret(id: $id) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const RemoveWebhook = graphql(`
  mutation RemoveWebhook($id: ID!) {
    removeWebhook(id: $id) {
      id
    }
  }
`);

const RetryWebhookDelivery = graphql(`
  mutation RetryWebhookDelivery($id: ID!) {
    retryWebhookDelivery(id: $id) {
      id
      status
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  url: { id: 'webhook-url', label: 'Address' },
  kinds: { id: 'webhook-kinds', label: 'Alerts' },
};

const STATUS: Record<WebhookDeliveryStatus, { text: string; colour: 'green' | 'yellow' | 'red' | 'grey' }> = {
  DELIVERED: { text: 'Delivered', colour: 'green' },
  PENDING: { text: 'Retrying', colour: 'yellow' },
  FAILED: { text: 'Failed', colour: 'red' },
  CANCELLED: { text: 'Not sent', colour: 'grey' },
};

/** A secret just made: shown this once. */
interface Shown {
  url: string;
  secret: string;
}

/**
 * Endpoints of the agency's own case system that the portal posts alerts to, signed with a secret shown once. Each
 * endpoint lists its latest deliveries with what the endpoint answered, so a failing integration is seen here.
 */
export function WebhooksPage({ user }: { user: SessionUser }) {
  usePageTitle('Webhooks');
  const { data, loading, error } = useQuery(WebhooksQuery, {
    skip: !user.can.manageWebhooks,
    fetchPolicy: 'cache-and-network',
  });
  const [shown, setShown] = useState<Shown | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [done, setDone] = useState<string | null>(null);
  const [rotate, rotating] = useMutation(RotateWebhookSecret);
  const [remove, removing] = useMutation(RemoveWebhook, {
    refetchQueries: [{ query: WebhooksQuery }],
    awaitRefetchQueries: true,
  });

  if (!user.can.manageWebhooks) {
    return (
      <>
        <h1 className="govuk-heading-l">Webhooks</h1>
        <p className="govuk-body">Only your agency’s managers and administrators can register webhooks.</p>
      </>
    );
  }

  const act = async (run: () => Promise<void>) => {
    setProblems([]);
    setDone(null);
    try {
      await run();
    } catch (err) {
      setProblems(errorMessages(err));
    }
  };
  const onRotate = (id: string, url: string) =>
    act(async () => {
      if (!window.confirm(`Give ${url} a new secret? Deliveries are signed with the new one from now on.`)) return;
      const result = await rotate({ variables: { id } });
      const secret = result.data?.rotateWebhookSecret.secret;
      if (secret) setShown({ url, secret });
    });
  const onRemove = (id: string, url: string) =>
    act(async () => {
      if (!window.confirm(`Remove ${url}? Nothing more is posted to it.`)) return;
      await remove({ variables: { id } });
      setShown(null);
      setDone(`${url} is removed.`);
    });

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Webhooks</h1>
      <p className="govuk-body">
        A webhook tells your agency’s own case system of alerts as they happen: the portal posts each alert you choose
        to an HTTPS address of your system, signed with a secret only your system and the portal know. It carries the
        case’s reference and basics only, and only while your agency holds the case.
      </p>
      {problems.length > 0 && <ErrorSummary errors={problems.map((text) => ({ text }))} />}
      {done && (
        <NotificationBanner success title="Success">
          <p className="govuk-notification-banner__heading">{done}</p>
        </NotificationBanner>
      )}
      {shown && <SecretShown shown={shown} />}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {error && !data && <ErrorSummary errors={[{ text: 'The webhooks could not be loaded. Try again.' }]} />}
      {data && data.webhooks.length === 0 && <p className="govuk-body">Your agency has no webhooks yet.</p>}
      {data?.webhooks.map((webhook) => (
        <section key={webhook.id} className="govuk-!-margin-bottom-8" aria-labelledby={`webhook-${webhook.id}`}>
          <h2 className="govuk-heading-m govuk-!-font-family-monospace" id={`webhook-${webhook.id}`}>
            {webhook.url}
          </h2>
          <p className="govuk-body">
            {webhook.kinds.map(humanise).join(', ')}. Registered {formatDate(webhook.createdAt)}.
          </p>
          <div className="govuk-button-group">
            <Button
              small
              secondary
              type="button"
              onClick={() => void onRotate(webhook.id, webhook.url)}
              disabled={rotating.loading}
            >
              New secret<span className="govuk-visually-hidden"> for {webhook.url}</span>
            </Button>
            <Button
              small
              warning
              type="button"
              onClick={() => void onRemove(webhook.id, webhook.url)}
              disabled={removing.loading}
            >
              Remove<span className="govuk-visually-hidden"> {webhook.url}</span>
            </Button>
          </div>
          <Deliveries webhookId={webhook.id} url={webhook.url} />
        </section>
      ))}
      <RegisterForm
        onRegistered={(s) => {
          setDone(null);
          setShown(s);
        }}
      />
    </>
  );
}

function Deliveries({ webhookId, url }: { webhookId: string; url: string }) {
  const { data, error, refetch } = useQuery(DeliveriesQuery, {
    variables: { webhookId },
    fetchPolicy: 'cache-and-network',
  });
  const [retry, retrying] = useMutation(RetryWebhookDelivery);
  const [problems, setProblems] = useState<string[]>([]);
  if (error && !data) return <ErrorSummary errors={[{ text: 'The deliveries could not be loaded. Try again.' }]} />;
  if (!data) return null;
  const rows = data.webhookDeliveries.edges.map((e) => e.node);
  if (rows.length === 0) return <p className="govuk-body">Nothing has been posted to it yet.</p>;
  const onRetry = async (id: string) => {
    setProblems([]);
    try {
      await retry({ variables: { id } });
      await refetch();
    } catch (err) {
      setProblems(errorMessages(err));
    }
  };
  return (
    <>
      {problems.length > 0 && <ErrorSummary errors={problems.map((text) => ({ text }))} />}
      <Table
        caption={`Latest deliveries to ${url} (${data.webhookDeliveries.totalCount} in all)`}
        captionClass="govuk-table__caption--s"
        head={['Alert', 'Status', 'Attempts', 'Last answer', 'Next try', 'Action']}
        rows={rows}
        rowKey={(d) => d.id}
        cells={(d) => [
          <>
            {humanise(d.kind)}
            <br />
            <span className="govuk-hint govuk-!-font-size-16">{formatDateTime(d.createdAt)}</span>
          </>,
          <Tag colour={STATUS[d.status].colour}>{STATUS[d.status].text}</Tag>,
          d.attempts,
          d.lastStatus !== null ? (
            <>
              HTTP {d.lastStatus}
              {d.lastResponse && (
                <pre
                  className="govuk-body-s govuk-!-margin-0"
                  style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
                >
                  {d.lastResponse.slice(0, 200)}
                </pre>
              )}
            </>
          ) : (
            (d.lastError ?? '—')
          ),
          d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—',
          d.status === 'FAILED' || d.status === 'CANCELLED' ? (
            <Button small secondary type="button" onClick={() => void onRetry(d.id)} disabled={retrying.loading}>
              Send again<span className="govuk-visually-hidden"> alert {d.alertId}</span>
            </Button>
          ) : null,
        ]}
      />
    </>
  );
}

function SecretShown({ shown }: { shown: Shown }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(shown.secret);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <NotificationBanner success title="Secret made">
      <p className="govuk-notification-banner__heading">Copy the signing secret for {shown.url} now</p>
      <p className="govuk-body">
        This is the only time it is shown. Your case system checks each delivery’s Portal-Webhook-Signature with it (see
        docs/webhooks.md); keep it as you would a password.
      </p>
      <TextInput
        id="webhook-secret"
        label="The signing secret"
        value={shown.secret}
        onChange={() => undefined}
        inputClass="govuk-!-font-family-monospace"
        spellCheck={false}
      />
      <Button secondary type="button" onClick={() => void copy()}>
        Copy the secret
      </Button>
      {copied && (
        <p className="govuk-body" role="status">
          Copied.
        </p>
      )}
    </NotificationBanner>
  );
}

function RegisterForm({ onRegistered }: { onRegistered: (shown: Shown) => void }) {
  const [form, setForm] = useState<{ url: string; kinds: string[] }>({ url: '', kinds: [] });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [register, { loading }] = useMutation(RegisterWebhook, {
    refetchQueries: [{ query: WebhooksQuery }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!/^https?:\/\/\S+$/.test(form.url.trim()))
      problems.push({ text: 'Enter the https:// address of your system’s endpoint', href: FIELDS.url.id });
    if (form.kinds.length === 0) problems.push({ text: 'Select at least one kind of alert', href: FIELDS.kinds.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      const result = await register({
        variables: { input: { url: form.url.trim(), kinds: form.kinds as AlertKind[] } },
      });
      const made = result.data?.registerWebhook;
      if (made) onRegistered({ url: made.webhook.url, secret: made.secret });
      setForm({ url: '', kinds: [] });
    } catch (err) {
      setErrors(apiFieldErrors(err, (field) => FIELDS[field]));
    }
  };
  const fieldError = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      <h2 className="govuk-heading-m">Register a webhook</h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELDS.url.id}
          label="Address"
          hint="An https:// address on the internet, for example https://cases.example.org/portal-hooks. Addresses on private networks are refused."
          value={form.url}
          onChange={(url) => setForm({ ...form, url })}
          error={fieldError(FIELDS.url.id)}
          spellCheck={false}
        />
        <Checkboxes
          id={FIELDS.kinds.id}
          legend="Alerts to post"
          values={form.kinds}
          onChange={(kinds) => setForm({ ...form, kinds })}
          options={ALERT_KINDS.map((kind) => ({ value: kind, text: humanise(kind) }))}
          error={fieldError(FIELDS.kinds.id)}
        />
        <Button disabled={loading}>Register the webhook</Button>
      </form>
    </>
  );
}
