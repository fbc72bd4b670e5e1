import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ApiKeyAccess } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { formatDate, formatDateTime } from '../../format';
import { usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Table,
  Tag,
  TextInput,
  type FieldError,
} from '../../ui/govuk';

const ApiKeysQuery = graphql(`
  query ApiKeys {
    apiKeys {
      id
      name
      access
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
    }
  }
`);

const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      key
      apiKey {
        id
        name
      }
    }
  }
`);

const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      id
      revokedAt
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  name: { id: 'key-name', label: 'Name' },
  access: { id: 'key-access', label: 'Access' },
  expiresAt: { id: 'key-expiry', label: 'Expiry date' },
};

const ACCESS: { value: ApiKeyAccess; text: string; hint: string }[] = [
  { value: 'READ_ONLY', text: 'Read only', hint: 'Reads cases and receives alerts; cannot change anything' },
  { value: 'READ_WRITE', text: 'Read and write', hint: 'Also creates and updates cases, as a caseworker can' },
];

/** The date `days` from today, as a date input wants it (yyyy-mm-dd). */
const dateIn = (days: number) => new Date(Date.now() + days * 24 * 3600 * 1000).toISOString().slice(0, 10);

interface KeyRow {
  id: string;
  name: string;
  access: ApiKeyAccess;
  createdAt: string;
  expiresAt: string;
  lastUsedAt?: string | null;
  revokedAt?: string | null;
}

function status(key: KeyRow) {
  if (key.revokedAt) return <Tag colour="red">Revoked {formatDate(key.revokedAt)}</Tag>;
  if (Date.parse(key.expiresAt) <= Date.now()) return <Tag colour="grey">Expired</Tag>;
  return <Tag colour="green">Active</Tag>;
}

/**
 * Keys for the agency's own case system (a records system, a housing system): each acts as the agency's service
 * account, under a caseworker's rules. A key is shown once, when made; after that only its name and dates are.
 */
export function ApiKeysPage({ user }: { user: SessionUser }) {
  usePageTitle('Partner system keys');
  const { data, loading, error } = useQuery(ApiKeysQuery, {
    skip: !user.can.manageApiKeys,
    fetchPolicy: 'cache-and-network',
  });
  const [revoke, revoking] = useMutation(RevokeApiKey, {
    refetchQueries: [{ query: ApiKeysQuery }],
    awaitRefetchQueries: true,
  });
  const [revokeErrors, setRevokeErrors] = useState<string[]>([]);
  const [revoked, setRevoked] = useState<string | null>(null);

  if (!user.can.manageApiKeys) {
    return (
      <>
        <h1 className="govuk-heading-l">Partner system keys</h1>
        <p className="govuk-body">Only your agency’s managers can make and revoke keys for its case system.</p>
      </>
    );
  }

  const onRevoke = async (key: KeyRow) => {
    setRevokeErrors([]);
    setRevoked(null);
    if (!window.confirm(`Revoke the key “${key.name}”? The system holding it is refused from now on.`)) return;
    try {
      await revoke({ variables: { id: key.id } });
      setRevoked(key.name);
    } catch (err) {
      setRevokeErrors(errorMessages(err));
    }
  };

  return (
    <>
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Partner system keys</h1>
      <p className="govuk-body">
        A key lets your agency’s own case system use the portal’s API. It acts as your agency’s case system account,
        with a caseworker’s access to your agency’s cases and those shared with it, and everything it does is in the
        audit trail under that name.
      </p>
      {revokeErrors.length > 0 && <ErrorSummary errors={revokeErrors.map((text) => ({ text }))} />}
      {revoked && (
        <NotificationBanner success title="Success">
          <p className="govuk-notification-banner__heading">The key “{revoked}” is revoked.</p>
        </NotificationBanner>
      )}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {error && !data && <ErrorSummary errors={[{ text: 'The keys could not be loaded. Try again.' }]} />}
      {data &&
        (data.apiKeys.length === 0 ? (
          <p className="govuk-body">Your agency has no keys yet.</p>
        ) : (
          <Table
            caption="Your agency’s keys"
            head={['Name', 'Access', 'Made', 'Expires', 'Last used', 'Status', '']}
            rows={data.apiKeys}
            rowKey={(k) => k.id}
            cells={(k) => [
              k.name,
              k.access === 'READ_ONLY' ? 'Read only' : 'Read and write',
              formatDate(k.createdAt),
              formatDate(k.expiresAt),
              k.lastUsedAt ? formatDateTime(k.lastUsedAt) : 'Never',
              status(k),
              !k.revokedAt && Date.parse(k.expiresAt) > Date.now() ? (
                <Button small secondary type="button" onClick={() => void onRevoke(k)} disabled={revoking.loading}>
                  Revoke<span className="govuk-visually-hidden"> {k.name}</span>
                </Button>
              ) : null,
            ]}
          />
        ))}
      <NewKeyForm />
    </>
  );
}

function NewKeyForm() {
  const [form, setForm] = useState({ name: '', access: '', expiry: dateIn(90) });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const [copied, setCopied] = useState(false);
  const [create, { loading }] = useMutation(CreateApiKey, {
    refetchQueries: [{ query: ApiKeysQuery }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setMade(null);
    setCopied(false);
    const problems: FieldError[] = [];
    if (form.name.trim().length < 2) problems.push({ text: 'Enter a name for the key', href: FIELDS.name.id });
    if (!form.access) problems.push({ text: 'Select what the key may do', href: FIELDS.access.id });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(form.expiry))
      problems.push({ text: 'Enter the date the key stops working', href: FIELDS.expiresAt.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      const result = await create({
        variables: {
          input: {
            name: form.name.trim(),
            access: form.access as ApiKeyAccess,
            // The end of that day, UK time or near it: the key works through the date given.
            expiresAt: new Date(`${form.expiry}T23:59:59`).toISOString(),
          },
        },
      });
      const created = result.data?.createApiKey;
      if (created) setMade({ name: created.apiKey.name, key: created.key });
      setForm({ name: '', access: '', expiry: dateIn(90) });
    } catch (err) {
      setErrors(apiFieldErrors(err, (field) => FIELDS[field]));
    }
  };

  const copy = async () => {
    if (!made) return;
    try {
      await navigator.clipboard.writeText(made.key);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };

  const fieldError = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      {made && (
        <NotificationBanner success title="Key made">
          <p className="govuk-notification-banner__heading">Copy the key “{made.name}” now</p>
          <p className="govuk-body">
            This is the only time it is shown: the portal keeps only a fingerprint of it. Give it to the people who run
            your case system, and keep it as you would a password.
          </p>
          <TextInput
            id="new-key"
            label="The key"
            value={made.key}
            onChange={() => undefined}
            inputClass="govuk-!-font-family-monospace"
            spellCheck={false}
          />
          <Button secondary type="button" onClick={() => void copy()}>
            Copy the key
          </Button>
          {copied && (
            <p className="govuk-body" role="status">
              Copied.
            </p>
          )}
        </NotificationBanner>
      )}
      <h2 className="govuk-heading-m">Make a key</h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELDS.name.id}
          label="Name"
          hint="The system that will hold it, for example “Niche records system”"
          value={form.name}
          onChange={(name) => setForm({ ...form, name })}
          error={fieldError(FIELDS.name.id)}
        />
        <Radios
          id={FIELDS.access.id}
          legend="Access"
          value={form.access}
          onChange={(access) => setForm({ ...form, access })}
          options={ACCESS.map((a) => ({ value: a.value, text: `${a.text}: ${a.hint}` }))}
          error={fieldError(FIELDS.access.id)}
        />
        <TextInput
          id={FIELDS.expiresAt.id}
          label="Expiry date"
          hint="At most a year from today. Make a new key before then."
          type="date"
          value={form.expiry}
          onChange={(expiry) => setForm({ ...form, expiry })}
          error={fieldError(FIELDS.expiresAt.id)}
          inputClass="govuk-input--width-10"
        />
        <Button disabled={loading}>Make the key</Button>
      </form>
    </>
  );
}
