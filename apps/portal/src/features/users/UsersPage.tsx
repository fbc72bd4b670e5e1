import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { Role } from '../../gql/graphql';
import { errorMessages } from '../../apollo';
import { formatDate } from '../../format';
import { ROLES, humanise, options } from '../../format';
import { usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
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

const UsersData = graphql(`
  query ManagedUsers {
    agencies {
      id
      name
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

const AdminGrants = graphql(`
  query AdminGrants {
    adminGrants {
      id
      expiresAt
      user {
        id
        displayName
      }
      requestedBy {
        id
        displayName
      }
    }
  }
`);

const SetUserRoles = graphql(`
  mutation SetUserRoles($userId: ID!, $roles: [Role!]!) {
    setUserRoles(userId: $userId, roles: $roles) {
      id
      roles
    }
  }
`);

const Deactivate = graphql(`
  mutation DeactivateManagedUser($id: ID!) {
    deactivateUser(id: $id) {
      id
      active
    }
  }
`);

const Reactivate = graphql(`
  mutation ReactivateUser($id: ID!) {
    reactivateUser(id: $id) {
      id
      active
      roles
    }
  }
`);

const ResetSecondFactor = graphql(`
  mutation ResetSecondFactor($userId: ID!) {
    resetSecondFactor(userId: $userId)
  }
`);

const EndSessions = graphql(`
  mutation EndManagedUserSessions($userId: ID!) {
    endSessionsOfUser(userId: $userId)
  }
`);

const Invite = graphql(`
  mutation InviteManagedUser($input: InviteUserInput!) {
    inviteUser(input: $input) {
      id
      displayName
      roles
    }
  }
`);

const Approve = graphql(`
  mutation ApproveAdminGrant($id: ID!) {
    approveAdminGrant(id: $id) {
      id
      status
    }
  }
`);

const Refuse = graphql(`
  mutation RefuseAdminGrant($id: ID!) {
    refuseAdminGrant(id: $id) {
      id
      status
    }
  }
`);

const refetch = { refetchQueries: [{ query: UsersData }], awaitRefetchQueries: true };
// Only administrators read the requests for ADMIN: an agency's administrator's changes refetch the users alone.
const refetchWithGrants = {
  refetchQueries: [{ query: UsersData }, { query: AdminGrants }],
  awaitRefetchQueries: true,
};
/** A change that may ask for ADMIN also refetches the requests, for an administrator who reads them. */
const refetchFor = (user: SessionUser) => (user.can.administer ? refetchWithGrants : refetch);

/** ADMIN and AGENCY_ADMIN are the partnership administrators' to give: an agency's administrator is offered the rest. */
const rolesFor = (user: SessionUser) =>
  options(user.can.administer ? ROLES : ROLES.filter((r) => r !== 'ADMIN' && r !== 'AGENCY_ADMIN'));

interface ManagedUser {
  id: string;
  email?: string | null;
  displayName: string;
  roles: Role[];
  active?: boolean | null;
  agency: { id: string; name: string };
}

/**
 * The users an administrator manages: an agency's administrator their own agency's (the API answers no other),
 * the partnership's administrators everyone's, with the requests to give ADMIN that wait for a second one.
 */
export function UsersPage({ user }: { user: SessionUser }) {
  usePageTitle('Users');
  const { data, loading, error } = useQuery(UsersData, { skip: !user.can.manageUsers });
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [selected, setSelected] = useState<string | null>(null);

  if (!user.can.manageUsers) {
    return (
      <>
        <h1 className="govuk-heading-l">Users</h1>
        <p className="govuk-body">Only your agency’s administrators can manage its users.</p>
      </>
    );
  }

  const done = (text: string) => {
    setErrors([]);
    setMessage(text);
  };
  const failed = (err: unknown) => {
    setMessage(null);
    setErrors(errorMessages(err));
  };
  const users = data?.users ?? [];
  const chosen = users.find((u) => u.id === selected);

  return (
    <>
      <span className="govuk-caption-l">{user.can.administer ? 'The partnership' : user.agency.name}</span>
      <h1 className="govuk-heading-l">Users</h1>
      {message && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">{message}</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors.map((text) => ({ text }))} />}
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {error && !data && <ErrorSummary errors={[{ text: 'The users could not be loaded. Try again.' }]} />}
      {user.can.administer && <PendingGrants user={user} onDone={done} onError={failed} />}
      <Table
        caption={`${users.length} users`}
        captionClass="govuk-table__caption--s"
        head={['Name', 'Email', 'Agency', 'Roles', 'Status', '']}
        rows={users}
        rowKey={(u) => u.id}
        cells={(u) => [
          <span id={`managed-${u.id}`}>{u.displayName}</span>,
          u.email ?? '',
          u.agency.name,
          u.roles.map(humanise).join(', '),
          u.active ? <Tag colour="green">Active</Tag> : <Tag colour="grey">Deactivated</Tag>,
          // Oneself, and (for an agency's administrator) a partnership administrator, are not managed here.
          u.id === user.id || (!user.can.administer && u.roles.includes('ADMIN')) ? (
            ''
          ) : (
            <button
              type="button"
              className="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
              aria-describedby={`managed-${u.id}`}
              onClick={() => setSelected(u.id)}
            >
              Manage
            </button>
          ),
        ]}
      />
      {chosen && <ManageUser key={chosen.id} user={user} managed={chosen} onDone={done} onError={failed} />}
      <InviteForm user={user} agencies={data?.agencies ?? []} onDone={done} onError={failed} />
    </>
  );
}

function ManageUser({
  user,
  managed,
  onDone,
  onError,
}: {
  user: SessionUser;
  managed: ManagedUser;
  onDone: (message: string) => void;
  onError: (err: unknown) => void;
}) {
  const [roles, setRoles] = useState<string[]>(managed.roles);
  const [setUserRoles, saving] = useMutation(SetUserRoles, refetchFor(user));
  const [deactivate] = useMutation(Deactivate, refetch);
  const [reactivate] = useMutation(Reactivate, refetchFor(user));
  const [resetSecondFactor] = useMutation(ResetSecondFactor);
  const [endSessions] = useMutation(EndSessions);
  const name = managed.displayName;
  const run = async (action: () => Promise<string>) => {
    try {
      onDone(await action());
    } catch (err) {
      onError(err);
    }
  };

  const saveRoles = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const { data } = await setUserRoles({ variables: { userId: managed.id, roles: roles as Role[] } });
      const now = data?.setUserRoles.roles ?? [];
      return roles.includes('ADMIN') && !now.includes('ADMIN')
        ? `${name}’s roles are saved. ADMIN waits for another administrator to approve it.`
        : `${name}’s roles are now ${now.map(humanise).join(', ')}.`;
    });
  };

  return (
    <section aria-labelledby="manage-heading" className="govuk-!-margin-top-6">
      <h2 className="govuk-heading-m" id="manage-heading">
        Manage {name}
      </h2>
      <form onSubmit={saveRoles} noValidate aria-labelledby="manage-heading">
        <Checkboxes id="managed-roles" legend="Roles" values={roles} onChange={setRoles} options={rolesFor(user)} />
        <button type="submit" className="govuk-button" disabled={saving.loading} data-module="govuk-button">
          Save roles
        </button>
      </form>
      <div className="govuk-button-group">
        {managed.active ? (
          <button
            type="button"
            className="govuk-button govuk-button--warning"
            onClick={() =>
              void run(async () => {
                await deactivate({ variables: { id: managed.id } });
                return `${name} can no longer sign in.`;
              })
            }
          >
            Deactivate
          </button>
        ) : (
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            onClick={() =>
              void run(async () => {
                await reactivate({ variables: { id: managed.id } });
                return `${name} can sign in again.`;
              })
            }
          >
            Reactivate
          </button>
        )}
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            void run(async () => {
              const { data } = await resetSecondFactor({ variables: { userId: managed.id } });
              return data?.resetSecondFactor
                ? `${name}’s second factor is reset: they set one up again when they next sign in.`
                : `${name} had no second factor set up. Their sessions are ended.`;
            })
          }
        >
          Reset second factor
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          onClick={() =>
            void run(async () => {
              const { data } = await endSessions({ variables: { userId: managed.id } });
              const count = data?.endSessionsOfUser ?? 0;
              return `${name} was signed out of ${count === 1 ? '1 device' : `${count} devices`}.`;
            })
          }
        >
          End sessions
        </button>
      </div>
    </section>
  );
}

function PendingGrants({
  user,
  onDone,
  onError,
}: {
  user: SessionUser;
  onDone: (message: string) => void;
  onError: (err: unknown) => void;
}) {
  const { data } = useQuery(AdminGrants, { fetchPolicy: 'cache-and-network' });
  const [approve] = useMutation(Approve, refetchWithGrants);
  const [refuse] = useMutation(Refuse, refetchWithGrants);
  const grants = data?.adminGrants ?? [];
  if (grants.length === 0) return null;
  const decide = async (id: string, name: string, yes: boolean) => {
    try {
      if (yes) await approve({ variables: { id } });
      else await refuse({ variables: { id } });
      onDone(yes ? `${name} is now an administrator.` : `ADMIN for ${name} is refused.`);
    } catch (err) {
      onError(err);
    }
  };
  return (
    <Table
      caption="Waiting for a second administrator: ADMIN"
      captionClass="govuk-table__caption--m"
      head={['For', 'Asked by', 'Lapses', '']}
      rows={grants}
      rowKey={(g) => g.id}
      cells={(g) => [
        <span id={`grant-${g.id}`}>{g.user.displayName}</span>,
        g.requestedBy.displayName,
        formatDate(g.expiresAt),
        g.requestedBy.id === user.id ? (
          'Another administrator decides'
        ) : (
          <div className="govuk-button-group govuk-!-margin-bottom-0">
            <button
              type="button"
              className="govuk-button govuk-!-margin-bottom-0"
              aria-describedby={`grant-${g.id}`}
              onClick={() => void decide(g.id, g.user.displayName, true)}
            >
              Approve
            </button>
            <button
              type="button"
              className="govuk-button govuk-button--warning govuk-!-margin-bottom-0"
              aria-describedby={`grant-${g.id}`}
              onClick={() => void decide(g.id, g.user.displayName, false)}
            >
              Refuse
            </button>
          </div>
        ),
      ]}
    />
  );
}

function InviteForm({
  user,
  agencies,
  onDone,
  onError,
}: {
  user: SessionUser;
  agencies: { id: string; name: string }[];
  onDone: (message: string) => void;
  onError: (err: unknown) => void;
}) {
  const [email, setEmail] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [agencyId, setAgencyId] = useState(user.can.administer ? '' : user.agency.id);
  const [roles, setRoles] = useState<string[]>([]);
  const [problems, setProblems] = useState<FieldError[]>([]);
  const [invite, { loading }] = useMutation(Invite, refetchFor(user));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!/^[^@\s]+@[^@\s]+$/.test(email.trim()))
      found.push({ text: 'Enter an email address in the correct format, like name@example.org', href: 'invite-email' });
    if (!displayName.trim()) found.push({ text: 'Enter the display name', href: 'invite-name' });
    if (!agencyId) found.push({ text: 'Select the agency', href: 'invite-agency' });
    if (roles.length === 0) found.push({ text: 'Select at least one role', href: 'invite-roles' });
    setProblems(found);
    if (found.length) return;
    try {
      const { data } = await invite({
        variables: {
          input: { email: email.trim(), displayName: displayName.trim(), agencyId, roles: roles as Role[] },
        },
      });
      setEmail('');
      setDisplayName('');
      setRoles([]);
      onDone(
        `${data?.inviteUser.displayName ?? 'The user'} was invited: they have been emailed a link to set their password.`,
      );
    } catch (err) {
      onError(err);
    }
  };
  const err = (id: string) => problems.find((p) => p.href === id)?.text;

  return (
    <section aria-labelledby="invite-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="invite-heading">
        Invite a user
      </h2>
      {problems.length > 0 && <ErrorSummary errors={problems} />}
      <form onSubmit={submit} noValidate aria-labelledby="invite-heading">
        <TextInput
          id="invite-email"
          label="Email address"
          type="email"
          autoComplete="off"
          spellCheck={false}
          inputClass="govuk-input--width-30"
          value={email}
          onChange={setEmail}
          error={err('invite-email')}
        />
        <TextInput
          id="invite-name"
          label="Display name"
          inputClass="govuk-input--width-30"
          value={displayName}
          onChange={setDisplayName}
          error={err('invite-name')}
        />
        {user.can.administer && (
          <Select
            id="invite-agency"
            label="Agency"
            value={agencyId}
            onChange={setAgencyId}
            error={err('invite-agency')}
            options={[{ value: '', text: 'Select an agency' }, ...agencies.map((a) => ({ value: a.id, text: a.name }))]}
          />
        )}
        <Checkboxes
          id="invite-roles"
          legend="Roles"
          values={roles}
          onChange={setRoles}
          error={err('invite-roles')}
          options={rolesFor(user)}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Invite user
        </button>
      </form>
    </section>
  );
}
