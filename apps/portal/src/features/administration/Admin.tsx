import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AgencyKind, Role } from '../../gql/graphql';
import { errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { ConditionalRadios } from '../../ui/ConditionalRadios';
import { usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { AGENCY_KINDS, ROLES, humanise, options } from '../../format';
import {
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Select,
  Table,
  Tag,
  TextInput,
  type FieldError,
} from '../../ui/govuk';
import { IdentityProviders } from './IdentityProviders';
import { SecondFactorRequirements } from './SecondFactorRequirements';

const AdminData = graphql(`
  query AdminData {
    agencies {
      id
      name
      kind
    }
    users {
      id
      email
      displayName
      roles
      active
      agency {
        id
        name
      }
    }
  }
`);

const CreateAgency = graphql(`
  mutation CreateAgency($input: CreateAgencyInput!) {
    createAgency(input: $input) {
      id
      name
    }
  }
`);

const CreateUser = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      displayName
    }
  }
`);

const InviteUser = graphql(`
  mutation InviteUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      displayName
    }
  }
`);

const DeactivateUser = graphql(`
  mutation DeactivateUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

const EndSessionsOfUser = graphql(`
  mutation EndSessionsOfUser($userId: ID!) {
    endSessionsOfUser(userId: $userId)
  }
`);

const refetch = { refetchQueries: [{ query: AdminData }], awaitRefetchQueries: true };

export function AdminPage({ user }: { user: SessionUser }) {
  usePageTitle('Administration');
  const isAdmin = user.can.administer;
  const { data, loading, error } = useQuery(AdminData, { skip: !isAdmin });
  const [message, setMessage] = useState<string | null>(null);
  const [deactivate] = useMutation(DeactivateUser, refetch);
  const [endSessions] = useMutation(EndSessionsOfUser);
  const [deactivateErrors, setDeactivateErrors] = useState<string[]>([]);

  if (!isAdmin) {
    return (
      <>
        <h1 className="govuk-heading-l">Administration</h1>
        <p className="govuk-body">Only partnership administrators can use this page.</p>
      </>
    );
  }

  const doDeactivate = async (id: string, name: string) => {
    setMessage(null);
    setDeactivateErrors([]);
    try {
      await deactivate({ variables: { id } });
      setMessage(`${name} can no longer sign in.`);
    } catch (err) {
      setDeactivateErrors(errorMessages(err));
    }
  };

  const doEndSessions = async (id: string, name: string) => {
    setMessage(null);
    setDeactivateErrors([]);
    try {
      const { data: ended } = await endSessions({ variables: { userId: id } });
      const count = ended?.endSessionsOfUser ?? 0;
      setMessage(`${name} was signed out of ${count === 1 ? '1 device' : `${count} devices`}. They can sign in again.`);
    } catch (err) {
      setDeactivateErrors(errorMessages(err));
    }
  };

  const agencies = data?.agencies ?? [];
  const users = data?.users ?? [];

  return (
    <>
      <h1 className="govuk-heading-l">Administration</h1>
      {message && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{message}</p>
        </NotificationBanner>
      )}
      {deactivateErrors.length > 0 && <ErrorSummary errors={deactivateErrors.map((text) => ({ text }))} />}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {error && <p className="govuk-body">The partnership's agencies and users could not be loaded.</p>}

      <h2 className="govuk-heading-m">Agencies</h2>
      <Table
        caption={`${agencies.length} agencies`}
        captionClass="govuk-table__caption--s"
        head={['Name', 'Kind']}
        rows={agencies}
        rowKey={(a) => a.id}
        cells={(a) => [a.name, humanise(a.kind)]}
      />
      <AddAgencyForm onDone={(name) => setMessage(`${name} was added.`)} />

      <h2 className="govuk-heading-m govuk-!-margin-top-8">Users</h2>
      <Table
        caption={`${users.length} users`}
        captionClass="govuk-table__caption--s"
        head={['Name', 'Email', 'Agency', 'Roles', 'Status', 'Action']}
        rows={users}
        rowKey={(u) => u.id}
        cells={(u) => [
          <span id={`user-${u.id}`}>{u.displayName}</span>,
          u.email,
          u.agency.name,
          u.roles.map(humanise).join(', '),
          u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>,
          u.active && u.id !== user.id ? (
            // The buttons' names stay short; the user's name describes which one.
            <div className="govuk-button-group govuk-!-margin-bottom-0">
              <button
                type="button"
                className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                aria-describedby={`user-${u.id}`}
                onClick={() => doEndSessions(u.id, u.displayName)}
              >
                End sessions
              </button>
              <button
                type="button"
                className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
                aria-describedby={`user-${u.id}`}
                onClick={() => doDeactivate(u.id, u.displayName)}
              >
                Deactivate
              </button>
            </div>
          ) : (
            ''
          ),
        ]}
      />
      <AddUserForm agencies={agencies} onDone={setMessage} />
      <IdentityProviders onDone={setMessage} />
      <SecondFactorRequirements onDone={setMessage} />
    </>
  );
}

function AddAgencyForm({ onDone }: { onDone: (name: string) => void }) {
  const [form, update, reset] = useDraft('admin.agency', () => ({ name: '', kind: '' }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [create, { loading }] = useMutation(CreateAgency, refetch);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (form.name.trim().length < 2) problems.push({ text: 'Enter the agency name', href: 'agency-name' });
    if (!form.kind) problems.push({ text: 'Select the kind of agency', href: 'agency-kind' });
    setErrors(problems);
    if (problems.length) return;
    try {
      const { data } = await create({
        variables: { input: { name: form.name.trim(), kind: form.kind as AgencyKind } },
      });
      reset();
      onDone(data?.createAgency.name ?? 'The agency');
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="add-agency-heading">
      <h3 className="govuk-heading-s" id="add-agency-heading">
        Add an agency
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="add-agency-heading">
        <TextInput
          id="agency-name"
          label="Name"
          inputClass="govuk-input--width-30"
          value={form.name}
          onChange={(name) => update({ name })}
          error={err('agency-name')}
        />
        <Select
          id="agency-kind"
          label="Kind"
          value={form.kind}
          onChange={(kind) => update({ kind })}
          error={err('agency-kind')}
          options={[{ value: '', text: 'Select a kind' }, ...options(AGENCY_KINDS)]}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Add agency
        </button>
      </form>
    </section>
  );
}

function AddUserForm({
  agencies,
  onDone,
}: {
  agencies: { id: string; name: string }[];
  onDone: (message: string) => void;
}) {
  // The password is deliberately not kept in the draft.
  const [form, update, reset] = useDraft('admin.user', () => ({
    email: '',
    displayName: '',
    agencyId: '',
    roles: [] as string[],
  }));
  const [password, setPassword] = useState('');
  // An invitation by default: the user chooses their own password, known to nobody else.
  const [how, setHow] = useState<'invite' | 'password'>('invite');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [create, { loading: creating }] = useMutation(CreateUser, refetch);
  const [invite, { loading: inviting }] = useMutation(InviteUser, refetch);
  const loading = creating || inviting;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!/^[^@\s]+@[^@\s]+$/.test(form.email.trim()))
      problems.push({
        text: 'Enter an email address in the correct format, like name@example.org',
        href: 'user-email',
      });
    if (!form.displayName.trim()) problems.push({ text: 'Enter the display name', href: 'user-name' });
    if (!form.agencyId) problems.push({ text: 'Select the agency', href: 'user-agency' });
    if (form.roles.length === 0) problems.push({ text: 'Select at least one role', href: 'user-roles' });
    if (how === 'password' && password.length < 12)
      problems.push({ text: 'Password must be 12 characters or more', href: 'user-password' });
    setErrors(problems);
    if (problems.length) return;
    const input = {
      email: form.email.trim(),
      displayName: form.displayName.trim(),
      agencyId: form.agencyId,
      roles: form.roles as Role[],
    };
    try {
      if (how === 'invite') {
        const { data } = await invite({ variables: { input } });
        onDone(
          `${data?.inviteUser.displayName ?? 'The user'} was invited: they have been emailed a link to set their password.`,
        );
      } else {
        const { data } = await create({ variables: { input: { ...input, password } } });
        onDone(`${data?.createUser.displayName ?? 'The user'} was added and can now sign in.`);
      }
      reset();
      setPassword('');
    } catch (err) {
      setErrors(errorMessages(err).map((text) => ({ text })));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="add-user-heading">
      <h3 className="govuk-heading-s" id="add-user-heading">
        Add a user
      </h3>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="add-user-heading">
        <TextInput
          id="user-email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          inputClass="govuk-input--width-30"
          value={form.email}
          onChange={(email) => update({ email })}
          error={err('user-email')}
        />
        <TextInput
          id="user-name"
          label="Display name"
          inputClass="govuk-input--width-30"
          value={form.displayName}
          onChange={(displayName) => update({ displayName })}
          error={err('user-name')}
        />
        <Select
          id="user-agency"
          label="Agency"
          value={form.agencyId}
          onChange={(agencyId) => update({ agencyId })}
          error={err('user-agency')}
          options={[{ value: '', text: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))]}
        />
        <Checkboxes
          id="user-roles"
          legend="Roles"
          values={form.roles}
          onChange={(roles) => update({ roles })}
          error={err('user-roles')}
          options={options(ROLES)}
        />
        <ConditionalRadios
          id="user-password-how"
          legend="How will they get their password?"
          value={how}
          onChange={(value) => setHow(value as 'invite' | 'password')}
          options={[
            {
              value: 'invite',
              text: 'Email them an invitation',
              hint: 'They choose their own password from a link that works once, for 72 hours',
            },
            {
              value: 'password',
              text: 'Set a password for them now',
              hint: 'You will have to tell them it; they can change it on their account page',
              reveal: (
                <TextInput
                  id="user-password"
                  label="Password"
                  hint="At least 12 characters"
                  type="password"
                  autoComplete="new-password"
                  inputClass="govuk-input--width-20"
                  value={password}
                  onChange={setPassword}
                  error={err('user-password')}
                />
              ),
            },
          ]}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          {how === 'invite' ? 'Invite user' : 'Add user'}
        </button>
      </form>
    </section>
  );
}
