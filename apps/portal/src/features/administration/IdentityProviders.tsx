import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { errorMessages } from '../../apollo';
import { ROLES, humanise, options } from '../../format';
import { Checkbox, ErrorSummary, Select, Table, TextInput, type FieldError } from '../../ui/govuk';

const IdentityProvidersData = graphql(`
  query IdentityProvidersData {
    agencies {
      id
      name
      identityProvider {
        issuer
        clientId
        emailDomains
        rolesClaim
        createUsersOnFirstSignIn
        defaultRole
        redirectUri
      }
    }
  }
`);

const ConfigureIdentityProvider = graphql(`
  mutation ConfigureIdentityProvider($agencyId: ID!, $input: ConfigureIdentityProviderInput!) {
    configureIdentityProvider(agencyId: $agencyId, input: $input) {
      issuer
    }
  }
`);

const RemoveIdentityProvider = graphql(`
  mutation RemoveIdentityProvider($agencyId: ID!) {
    removeIdentityProvider(agencyId: $agencyId)
  }
`);

const refetch = { refetchQueries: [{ query: IdentityProvidersData }], awaitRefetchQueries: true };
const EMPTY = {
  agencyId: '',
  issuer: '',
  clientId: '',
  emailDomains: '',
  rolesClaim: '',
  createUsers: false,
  defaultRole: 'CASEWORKER',
};

/** The partnership administrator's view of agencies' identity providers (single sign-on), and the form to set one. */
export function IdentityProviders({ onDone }: { onDone: (message: string) => void }) {
  const { data } = useQuery(IdentityProvidersData);
  const [form, setForm] = useState(EMPTY);
  // Never kept in a draft: a secret stays in this form only until it is sent.
  const [secret, setSecret] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [configure, { loading }] = useMutation(ConfigureIdentityProvider, refetch);
  const [remove] = useMutation(RemoveIdentityProvider, refetch);
  const update = (patch: Partial<typeof EMPTY>) => setForm((f) => ({ ...f, ...patch }));
  const agencies = data?.agencies ?? [];
  const configured = agencies.filter((a) => a.identityProvider);
  const redirectUri =
    configured.find((a) => a.identityProvider?.redirectUri)?.identityProvider?.redirectUri ??
    `${location.origin}/auth/sso/callback`;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const domains = form.emailDomains
      .split(/[\s,]+/)
      .map((d) => d.trim())
      .filter(Boolean);
    const problems: FieldError[] = [];
    if (!form.agencyId) problems.push({ text: 'Select the agency', href: 'idp-agency' });
    if (!/^https?:\/\/\S+$/.test(form.issuer.trim()))
      problems.push({
        text: 'Enter the issuer URL, like https://login.microsoftonline.com/…/v2.0',
        href: 'idp-issuer',
      });
    if (!form.clientId.trim()) problems.push({ text: 'Enter the client ID', href: 'idp-client-id' });
    if (!secret) problems.push({ text: 'Enter the client secret', href: 'idp-client-secret' });
    if (domains.length === 0) problems.push({ text: 'Enter at least one email domain', href: 'idp-domains' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await configure({
        variables: {
          agencyId: form.agencyId,
          input: {
            issuer: form.issuer.trim(),
            clientId: form.clientId.trim(),
            clientSecret: secret,
            emailDomains: domains,
            rolesClaim: form.rolesClaim.trim() || null,
            createUsersOnFirstSignIn: form.createUsers,
            defaultRole: form.defaultRole as Role,
          },
        },
      });
      const name = agencies.find((a) => a.id === form.agencyId)?.name ?? 'The agency';
      setForm(EMPTY);
      setSecret('');
      onDone(`${name}'s staff can now sign in through their identity provider.`);
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };

  const doRemove = async (agencyId: string, name: string) => {
    try {
      await remove({ variables: { agencyId } });
      onDone(`${name}'s identity provider was removed.`);
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="idp-heading">
      <h2 className="govuk-heading-m govuk-!-margin-top-8" id="idp-heading">
        Single sign-on
      </h2>
      <p className="govuk-body">
        Register the portal at the agency's identity provider with the redirect URI <code>{redirectUri}</code>.
      </p>
      <Table
        caption={`${configured.length} agencies sign in through their own provider`}
        captionClass="govuk-table__caption--s"
        head={['Agency', 'Issuer', 'Email domains', 'First sign-in', 'Action']}
        rows={configured}
        rowKey={(a) => a.id}
        cells={(a) => [
          <span id={`idp-${a.id}`}>{a.name}</span>,
          a.identityProvider!.issuer,
          a.identityProvider!.emailDomains.join(', '),
          a.identityProvider!.createUsersOnFirstSignIn
            ? `Creates accounts (${humanise(a.identityProvider!.defaultRole)})`
            : 'Existing accounts only',
          <button
            type="button"
            className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
            aria-describedby={`idp-${a.id}`}
            onClick={() => doRemove(a.id, a.name)}
          >
            Remove
          </button>,
        ]}
      />
      <h3 className="govuk-heading-s" id="idp-form-heading">
        Set an agency's identity provider
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="idp-form-heading">
        <Select
          id="idp-agency"
          label="Agency"
          value={form.agencyId}
          onChange={(agencyId) => update({ agencyId })}
          error={err('idp-agency')}
          options={[{ value: '', text: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))]}
        />
        <TextInput
          id="idp-issuer"
          label="Issuer URL"
          hint="Entra ID: https://login.microsoftonline.com/<tenant ID>/v2.0 — Keycloak: https://<host>/realms/<realm>"
          inputClass="govuk-input--width-30"
          spellCheck={false}
          value={form.issuer}
          onChange={(issuer) => update({ issuer })}
          error={err('idp-issuer')}
        />
        <TextInput
          id="idp-client-id"
          label="Client ID"
          inputClass="govuk-input--width-30"
          spellCheck={false}
          value={form.clientId}
          onChange={(clientId) => update({ clientId })}
          error={err('idp-client-id')}
        />
        <TextInput
          id="idp-client-secret"
          label="Client secret"
          hint="Kept encrypted; it is never shown again"
          type="password"
          autoComplete="off"
          inputClass="govuk-input--width-30"
          value={secret}
          onChange={setSecret}
          error={err('idp-client-secret')}
        />
        <TextInput
          id="idp-domains"
          label="Email domains"
          hint="The domains this provider vouches for, separated by commas, like police.example.uk"
          inputClass="govuk-input--width-30"
          spellCheck={false}
          value={form.emailDomains}
          onChange={(emailDomains) => update({ emailDomains })}
          error={err('idp-domains')}
        />
        <TextInput
          id="idp-roles-claim"
          label="Roles claim (optional)"
          hint="The claim naming portal roles for accounts made at first sign-in, like roles or realm_access.roles"
          inputClass="govuk-input--width-20"
          spellCheck={false}
          value={form.rolesClaim}
          onChange={(rolesClaim) => update({ rolesClaim })}
        />
        <Checkbox
          id="idp-create-users"
          label="Create an account at first sign-in for someone of these domains who has none"
          checked={form.createUsers}
          onChange={(createUsers) => update({ createUsers })}
        />
        <Select
          id="idp-default-role"
          label="Role of an account created at first sign-in"
          value={form.defaultRole}
          onChange={(defaultRole) => update({ defaultRole })}
          options={options(ROLES.filter((r) => r !== 'ADMIN'))}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Save identity provider
        </button>
      </form>
    </section>
  );
}
