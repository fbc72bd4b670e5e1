import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import type { SubjectAccessRequestFieldsFragment } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate, formatDateTime, humanise, londonDay } from '../../format';
import { DownloadFileButton } from '../../ui/DownloadFileButton';
import {
  Button,
  ErrorSummary,
  NotificationBanner,
  Radios,
  Table,
  Tag,
  TextInput,
  type FieldError,
  WarningText,
} from '../../ui/govuk';
import {
  CompleteSubjectAccessRequest,
  CreateSubjectAccessRequest,
  SubjectAccessPeopleQuery,
  SubjectAccessRequestsQuery,
} from './queries';

type Request = SubjectAccessRequestFieldsFragment;

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** Where the request stands against its statutory deadline, in words a manager scans for. */
function Deadline({ r }: { r: Request }) {
  if (r.status === 'COMPLETED') return <Tag colour="green">Completed</Tag>;
  if (r.overdue) return <Tag colour="red">Overdue by {days(-r.daysRemaining)}</Tag>;
  if (r.daysRemaining === 0) return <Tag colour="orange">Due today</Tag>;
  return <Tag colour={r.daysRemaining <= 7 ? 'yellow' : 'blue'}>{days(r.daysRemaining)} left</Tag>;
}

/**
 * Subject access requests for a manager's own agency: the list with each one-month deadline (overdue first to
 * catch the eye), the exports of the person's record as PDF and JSON, and a new request made from a person on
 * one of the agency's own cases.
 */
export function SubjectAccessPage({ user }: { user: SessionUser }) {
  usePageTitle('Subject access requests');
  const allowed = user.can.answerSubjectAccess;
  const list = useQuery(SubjectAccessRequestsQuery, { skip: !allowed, fetchPolicy: 'cache-and-network' });
  const [complete, completing] = useMutation(CompleteSubjectAccessRequest);
  const [banner, setBanner] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  if (!allowed) {
    return (
      <>
        <h1 className="govuk-heading-l">Subject access requests</h1>
        <div className="govuk-inset-text">
          Subject access requests are answered by your agency’s managers. Pass any request you receive to a manager the
          same day: the one-month deadline starts when it arrives.
        </div>
      </>
    );
  }

  const requests = list.data?.subjectAccessRequests ?? [];
  const overdue = requests.filter((r) => r.overdue).length;

  const markComplete = async (r: Request) => {
    setBanner(null);
    setProblems([]);
    try {
      await complete({ variables: { id: r.id } });
      setBanner(`Request ${r.reference} marked as completed.`);
    } catch (error) {
      setProblems(errorMessages(error));
    }
  };

  return (
    <>
      <h1 className="govuk-heading-l">Subject access requests</h1>
      <p className="govuk-body">
        A person may ask for everything your agency holds about them. Answer within one calendar month of receiving the
        request. The export covers their records on every case your agency owns, with other people’s details redacted,
        and each download is recorded in those cases’ audit trails.
      </p>
      {banner && (
        <NotificationBanner success title="Success">
          <p className="govuk-notification-banner__heading">{banner}</p>
        </NotificationBanner>
      )}
      {problems.length > 0 && <ErrorSummary errors={problems.map((text) => ({ text }))} />}
      {overdue > 0 && (
        <WarningText>
          {overdue === 1 ? '1 request is' : `${overdue} requests are`} past the statutory deadline.
        </WarningText>
      )}
      {list.loading && !list.data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : requests.length === 0 ? (
        <p className="govuk-body">Your agency has no subject access requests recorded.</p>
      ) : (
        <Table
          caption="Requests, open ones soonest due first"
          head={['Reference', 'Person', 'Received', 'Due', 'Status', 'Record']}
          rows={requests}
          rowKey={(r) => r.id}
          cells={(r) => [
            r.reference,
            <>
              {r.subjectName ?? 'No name recorded'}
              {r.caseReference && (
                <>
                  <br />
                  <Link className="govuk-link" href={`/cases/${r.caseId}/parties`}>
                    {r.caseReference}
                  </Link>
                </>
              )}
              {r.requester && (
                <>
                  <br />
                  <span className="govuk-hint">Requested by {r.requester}</span>
                </>
              )}
            </>,
            formatDate(r.receivedAt),
            <>
              {formatDate(r.dueAt)}
              {r.extensionMonths > 0 && (
                <>
                  <br />
                  <span className="govuk-hint">extended by {r.extensionMonths} months</span>
                </>
              )}
            </>,
            <Deadline r={r} />,
            <>
              <DownloadFileButton path={r.pdfPath} fallbackName={`subject-access-${r.reference}.pdf`}>
                Download PDF<span className="govuk-visually-hidden"> for {r.reference}</span>
              </DownloadFileButton>
              <DownloadFileButton path={r.jsonPath} fallbackName={`subject-access-${r.reference}.json`}>
                Download JSON<span className="govuk-visually-hidden"> for {r.reference}</span>
              </DownloadFileButton>
              {r.exportedAt && (
                <p className="govuk-body-s">
                  Last exported {formatDateTime(r.exportedAt)}
                  {r.exportedBy ? ` by ${r.exportedBy}` : ''}
                </p>
              )}
              {r.status === 'OPEN' && (
                <Button secondary type="button" disabled={completing.loading} onClick={() => markComplete(r)}>
                  Mark as completed<span className="govuk-visually-hidden"> {r.reference}</span>
                </Button>
              )}
            </>,
          ]}
        />
      )}
      <NewRequest
        onCreated={(r) => setBanner(`Request ${r.reference} recorded. It is due by ${formatDate(r.dueAt)}.`)}
      />
    </>
  );
}

const IDS = {
  search: 'sar-search',
  party: 'sar-party',
  reference: 'sar-reference',
  receivedAt: 'sar-received',
  requester: 'sar-requester',
};
const LABELS: Record<string, string> = {
  partyId: 'Person',
  reference: 'Your reference',
  receivedAt: 'Date received',
  requester: 'Requested by',
};

/** A new request: find the person on one of the agency's own cases, then say when it arrived. */
function NewRequest({ onCreated }: { onCreated: (r: Request) => void }) {
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  const [partyId, setPartyId] = useState('');
  const [reference, setReference] = useState('');
  const [receivedAt, setReceivedAt] = useState(londonDay(new Date().toISOString()) ?? '');
  const [requester, setRequester] = useState('');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const people = useQuery(SubjectAccessPeopleQuery, { variables: { search: asked }, skip: !asked });
  const [create, creating] = useMutation(CreateSubjectAccessRequest, {
    refetchQueries: [SubjectAccessRequestsQuery],
  });

  const found = (people.data?.cases.edges ?? []).flatMap(({ node }) =>
    node.parties
      .filter((p) => p.fullName)
      .map((p) => ({
        value: p.id,
        text: `${p.fullName}${p.dateOfBirth ? `, born ${formatDate(p.dateOfBirth)}` : ''} — ${humanise(p.role)} on ${node.reference}`,
      })),
  );
  const errorOf = (field: string) => errors.find((e) => e.href === IDS[field as keyof typeof IDS])?.text;

  const find = () => {
    setPartyId('');
    setAsked(search.trim());
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const missing: FieldError[] = [];
    if (!partyId) missing.push({ text: 'Choose the person the request is about', href: IDS.party });
    if (!reference.trim()) missing.push({ text: 'Enter your reference for the request', href: IDS.reference });
    if (!receivedAt) missing.push({ text: 'Enter the date the request was received', href: IDS.receivedAt });
    setErrors(missing);
    if (missing.length) return;
    try {
      const { data } = await create({
        variables: { input: { partyId, reference: reference.trim(), receivedAt, requester: requester.trim() || null } },
      });
      if (data) onCreated(data.createSubjectAccessRequest);
      setReference('');
      setRequester('');
      setPartyId('');
      setAsked('');
      setSearch('');
    } catch (error) {
      setErrors(
        apiFieldErrors(error, (field) =>
          field in LABELS
            ? { id: field === 'partyId' ? IDS.party : IDS[field as keyof typeof IDS], label: LABELS[field] }
            : undefined,
        ),
      );
    }
  };

  return (
    <form noValidate onSubmit={submit}>
      <h2 className="govuk-heading-m">Record a new request</h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <TextInput
        id={IDS.search}
        label="Find the person"
        hint="Their name, or the reference of one of your agency’s cases they are on"
        value={search}
        onChange={setSearch}
        spellCheck={false}
      />
      <Button secondary type="button" onClick={find}>
        Search your agency’s cases
      </Button>
      {asked && !people.loading && found.length === 0 && (
        <p className="govuk-body" role="status">
          Nobody on your agency’s own cases matches “{asked}”.
        </p>
      )}
      {found.length > 0 && (
        <Radios
          id={IDS.party}
          legend="Person"
          hint="Their records on your agency’s other cases are found from this one (same name, and date of birth where both have one)"
          error={errorOf('party')}
          value={partyId}
          onChange={setPartyId}
          options={found}
        />
      )}
      {found.length === 0 && errorOf('party') && (
        <p className="govuk-error-message" id={IDS.party} tabIndex={-1}>
          <span className="govuk-visually-hidden">Error:</span> {errorOf('party')}
        </p>
      )}
      <TextInput
        id={IDS.reference}
        label="Your reference"
        hint="For example, SAR-2026-014"
        value={reference}
        onChange={setReference}
        error={errorOf('reference')}
        inputClass="govuk-input--width-20"
      />
      <TextInput
        id={IDS.receivedAt}
        label="Date received"
        hint="The one-month deadline runs from this day"
        type="date"
        value={receivedAt}
        onChange={setReceivedAt}
        error={errorOf('receivedAt')}
        inputClass="govuk-input--width-10"
      />
      <TextInput
        id={IDS.requester}
        label="Requested by (optional)"
        hint="If someone asked on the person’s behalf, for example a solicitor"
        value={requester}
        onChange={setRequester}
        error={errorOf('requester')}
      />
      <Button disabled={creating.loading}>Record request</Button>
    </form>
  );
}
