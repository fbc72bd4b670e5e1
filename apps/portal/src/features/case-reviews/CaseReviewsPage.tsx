import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { apiFieldErrors } from '../../apollo';
import { Link, navigate, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { formatDate } from '../../format';
import {
  Button,
  Checkboxes,
  ErrorSummary,
  Radios,
  Table,
  Tag,
  TextInput,
  Textarea,
  type FieldError,
  WarningText,
} from '../../ui/govuk';
import { CaseReviewApplicationsQuery, CaseReviewCaseSearch, LogCaseReview } from './queries';
import { dayToIso, overdueOf, stageOf, today, type Review } from './steps';

/**
 * The ASB Case Reviews the agency answers for: the single point of contact's list, overdue steps first to catch
 * the eye, each with its clock; and the form to log a new application.
 */
export function CaseReviewsPage({ user }: { user: SessionUser }) {
  usePageTitle('ASB Case Reviews');
  const list = useQuery(CaseReviewApplicationsQuery, { skip: !user.can.readCases, fetchPolicy: 'cache-and-network' });
  if (!user.can.readCases) {
    return (
      <>
        <h1 className="govuk-heading-l">ASB Case Reviews</h1>
        <p className="govuk-body">ASB Case Reviews are handled by caseworkers and the single point of contact.</p>
      </>
    );
  }
  const reviews = list.data?.caseReviewApplications ?? [];
  const overdue = reviews.filter((r) => overdueOf(r).length > 0);
  const sorted = [...overdue, ...reviews.filter((r) => !overdue.includes(r))];
  return (
    <>
      <h1 className="govuk-heading-l">ASB Case Reviews</h1>
      <p className="govuk-body">
        A victim of anti-social behaviour, or someone on their behalf with their consent, may ask the partnership to
        review their case (Anti-social Behaviour, Crime and Policing Act 2014, section 104). Each step has a deadline in
        working days.
      </p>
      {overdue.length > 0 && (
        <WarningText>
          {overdue.length === 1 ? '1 application has' : `${overdue.length} applications have`} an overdue step.
        </WarningText>
      )}
      {list.loading && !list.data ? (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      ) : sorted.length === 0 ? (
        <p className="govuk-body">Your agency has no Case Review applications.</p>
      ) : (
        <Table
          caption="Applications, those with an overdue step first"
          captionClass="govuk-table__caption--m"
          head={['Application', 'Received', 'Stage', 'Overdue']}
          rows={sorted}
          rowKey={(r) => r.id}
          cells={(r: Review) => [
            <Link className="govuk-link" href={`/case-reviews/${r.id}`}>
              {r.applicantName ?? 'Application'}
              <span className="govuk-visually-hidden"> received {formatDate(r.receivedAt)}</span>
            </Link>,
            formatDate(r.receivedAt),
            stageOf(r),
            overdueOf(r).length ? (
              <Tag colour="red">
                {overdueOf(r)
                  .map((s) => s.name)
                  .join('; ')}
              </Tag>
            ) : (
              <Tag colour="green">Nothing overdue</Tag>
            ),
          ]}
        />
      )}
      {user.can.logCaseReviews && <LogApplication />}
    </>
  );
}

const IDS = {
  search: 'cr-search',
  cases: 'cr-cases',
  receivedAt: 'cr-received',
  name: 'cr-name',
  contact: 'cr-contact',
  onBehalf: 'cr-on-behalf',
  relationship: 'cr-relationship',
  consent: 'cr-consent',
};
const FIELD_IDS: Record<string, { id: string; label: string }> = {
  caseIds: { id: IDS.cases, label: 'Cases' },
  receivedAt: { id: IDS.receivedAt, label: 'Date received' },
  'applicant.name': { id: IDS.name, label: 'Applicant’s name' },
  'applicant.contact': { id: IDS.contact, label: 'How to contact them' },
  'applicant.relationship': { id: IDS.relationship, label: 'Relationship to the victim' },
  'applicant.consentRecorded': { id: IDS.consent, label: 'The victim’s consent' },
};

/** A new application: the cases it concerns (found among those the agency can see), who applied, and when. */
function LogApplication() {
  const [search, setSearch] = useState('');
  const [asked, setAsked] = useState('');
  const [caseIds, setCaseIds] = useState<string[]>([]);
  const [chosen, setChosen] = useState<Record<string, string>>({});
  const [receivedAt, setReceivedAt] = useState(today());
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [onBehalf, setOnBehalf] = useState('');
  const [relationship, setRelationship] = useState('');
  const [consent, setConsent] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const found = useQuery(CaseReviewCaseSearch, { variables: { search: asked }, skip: !asked });
  const [log, logging] = useMutation(LogCaseReview, { refetchQueries: [CaseReviewApplicationsQuery] });
  const errorOf = (id: string) => errors.find((e) => e.href === id)?.text;

  const options = [
    ...Object.entries(chosen).map(([value, text]) => ({ value, text })),
    ...(found.data?.cases.edges ?? [])
      .filter(({ node }) => !(node.id in chosen))
      .map(({ node }) => ({ value: node.id, text: `${node.reference} — ${node.summary} (${node.ownerAgency.name})` })),
  ];
  const choose = (ids: string[]) => {
    setCaseIds(ids);
    setChosen(Object.fromEntries(options.filter((o) => ids.includes(o.value)).map((o) => [o.value, o.text])));
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const thirdParty = onBehalf === 'THIRD_PARTY';
    const missing: FieldError[] = [];
    if (!caseIds.length) missing.push({ text: 'Choose at least one case the application concerns', href: IDS.cases });
    if (!receivedAt) missing.push({ text: 'Enter the date the application was received', href: IDS.receivedAt });
    if (!name.trim()) missing.push({ text: 'Enter the applicant’s name', href: IDS.name });
    if (!contact.trim()) missing.push({ text: 'Enter how to contact the applicant', href: IDS.contact });
    if (!onBehalf) missing.push({ text: 'Say who is applying', href: IDS.onBehalf });
    if (thirdParty && !relationship.trim())
      missing.push({ text: 'Enter the third party’s relationship to the victim', href: IDS.relationship });
    if (thirdParty && !consent)
      missing.push({ text: 'A third party may apply only with the victim’s consent', href: IDS.consent });
    setErrors(missing);
    if (missing.length) return;
    try {
      const { data } = await log({
        variables: {
          input: {
            caseIds,
            receivedAt: dayToIso(receivedAt),
            applicant: {
              name: name.trim(),
              contact: contact.trim(),
              relationship: thirdParty ? relationship.trim() : null,
              thirdParty,
              consentRecorded: thirdParty ? consent : null,
            },
          },
        },
      });
      if (data) navigate(`/case-reviews/${data.logCaseReviewApplication.id}`);
    } catch (error) {
      setErrors(apiFieldErrors(error, (field) => FIELD_IDS[field]));
    }
  };

  return (
    <form noValidate onSubmit={submit} className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m">Log an application</h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <TextInput
        id={IDS.search}
        label="Find the cases it concerns"
        hint="A case reference, a name or a word from the summary: cases your agency owns or that are shared with it"
        value={search}
        onChange={setSearch}
        spellCheck={false}
      />
      <Button secondary type="button" onClick={() => setAsked(search.trim())}>
        Search cases
      </Button>
      {asked && !found.loading && options.length === 0 && (
        <p className="govuk-body" role="status">
          No case your agency can see matches “{asked}”. A case held by another agency is linked once its owner shares
          it with your agency, or by its owner.
        </p>
      )}
      {options.length > 0 ? (
        <Checkboxes
          id={IDS.cases}
          legend="Cases the application concerns"
          error={errorOf(IDS.cases)}
          values={caseIds}
          onChange={choose}
          options={options}
        />
      ) : (
        errorOf(IDS.cases) && (
          <p className="govuk-error-message" id={IDS.cases} tabIndex={-1}>
            <span className="govuk-visually-hidden">Error:</span> {errorOf(IDS.cases)}
          </p>
        )
      )}
      <TextInput
        id={IDS.receivedAt}
        label="Date received"
        hint="The clock starts from this day"
        type="date"
        value={receivedAt}
        onChange={setReceivedAt}
        error={errorOf(IDS.receivedAt)}
        inputClass="govuk-input--width-10"
      />
      <Radios
        id={IDS.onBehalf}
        legend="Who is applying"
        error={errorOf(IDS.onBehalf)}
        value={onBehalf}
        onChange={setOnBehalf}
        options={[
          { value: 'VICTIM', text: 'The victim' },
          { value: 'THIRD_PARTY', text: 'Someone on the victim’s behalf (a relative, a councillor, an MP…)' },
        ]}
      />
      <TextInput id={IDS.name} label="Applicant’s name" value={name} onChange={setName} error={errorOf(IDS.name)} />
      <Textarea
        id={IDS.contact}
        label="How to contact them"
        hint="Address, phone or email, and how they prefer to be contacted"
        value={contact}
        onChange={setContact}
        error={errorOf(IDS.contact)}
        rows={2}
      />
      {onBehalf === 'THIRD_PARTY' && (
        <>
          <TextInput
            id={IDS.relationship}
            label="Relationship to the victim"
            value={relationship}
            onChange={setRelationship}
            error={errorOf(IDS.relationship)}
          />
          <Checkboxes
            id={IDS.consent}
            legend="The victim’s consent"
            error={errorOf(IDS.consent)}
            values={consent ? ['yes'] : []}
            onChange={(values) => setConsent(values.includes('yes'))}
            options={[{ value: 'yes', text: 'The victim has consented to this person applying on their behalf' }]}
          />
        </>
      )}
      <Button disabled={logging.loading}>Log application</Button>
    </form>
  );
}
