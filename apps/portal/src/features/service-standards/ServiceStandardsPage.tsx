import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { apiFieldErrors } from '../../apollo';
import { Link, usePageTitle } from '../../router';
import type { SessionUser } from '../../session';
import { ErrorSummary, NotificationBanner, SummaryList, TextInput, type FieldError } from '../../ui/govuk';
import { NoCaseAccess } from '../../ui/NoCaseAccess';

const ServiceStandardsQuery = graphql(`
  query ServiceStandards {
    serviceStandards {
      contactWorkingDays
      actionPlanWorkingDays
      homes
    }
  }
`);

const UpdateServiceStandards = graphql(`
  mutation UpdateServiceStandards($input: ServiceStandardsInput!) {
    updateServiceStandards(input: $input) {
      contactWorkingDays
      actionPlanWorkingDays
      homes
    }
  }
`);

const FIELDS: Record<string, { id: string; label: string }> = {
  contactWorkingDays: { id: 'standards-contact', label: 'Contact the reporter within' },
  actionPlanWorkingDays: { id: 'standards-plan', label: 'Agree an action plan within' },
  homes: { id: 'standards-homes', label: 'Homes your agency manages' },
};

const days = (n: number) => `${n} working ${n === 1 ? 'day' : 'days'}`;

/** A whole number typed by a person: "12,500" and "12 500" are 12500. */
const wholeNumber = (typed: string): number | null => {
  const plain = typed.replace(/[,\s]/g, '');
  return /^\d+$/.test(plain) ? Number(plain) : null;
};

/**
 * The agency's published service standards: how soon a reporter is contacted and a plan agreed (working days,
 * England and Wales), and the homes it manages for cases per 1,000 homes. Managers change them; every clock on
 * the agency's cases follows at once.
 */
export function ServiceStandardsPage({ user }: { user: SessionUser }) {
  usePageTitle('Our service standards');
  const { data, loading, error } = useQuery(ServiceStandardsQuery, {
    skip: !user.can.readCases,
    fetchPolicy: 'cache-and-network',
  });
  const standards = data?.serviceStandards;

  if (!user.can.readCases) {
    return (
      <>
        <h1 className="govuk-heading-l">Our service standards</h1>
        <NoCaseAccess />
      </>
    );
  }

  return (
    <>
      {user.can.readCaseFigures && (
        <Link href="/reports" className="govuk-back-link govuk-!-margin-top-0">
          Reports
        </Link>
      )}
      <span className="govuk-caption-l">{user.agency.name}</span>
      <h1 className="govuk-heading-l">Our service standards</h1>
      <p className="govuk-body">
        What your agency promises every reporter. Each case shows these as clocks on its summary, and the reports count
        how often they are met.
      </p>
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading…
        </p>
      )}
      {error && !data && <ErrorSummary errors={[{ text: 'The service standards could not be loaded. Try again.' }]} />}
      {standards && (
        <SummaryList
          rows={[
            { key: 'Contact the reporter', value: `Within ${days(standards.contactWorkingDays)} of the report` },
            { key: 'Agree an action plan', value: `Within ${days(standards.actionPlanWorkingDays)} of the report` },
            { key: 'Update the reporter', value: 'As often as the action plan agreed with them says' },
            { key: 'Review the risk assessment', value: 'By the review date set when it was assessed' },
            {
              key: 'Homes managed',
              value:
                standards.homes === null || standards.homes === undefined ? (
                  <span className="app-withheld">Not set</span>
                ) : (
                  standards.homes.toLocaleString('en-GB')
                ),
            },
          ]}
        />
      )}
      {standards &&
        (user.can.updateServiceStandards ? (
          <StandardsForm standards={standards} />
        ) : (
          <div className="govuk-inset-text">Only managers can change your agency's service standards.</div>
        ))}
    </>
  );
}

interface Standards {
  contactWorkingDays: number;
  actionPlanWorkingDays: number;
  homes?: number | null;
}

function StandardsForm({ standards }: { standards: Standards }) {
  const toForm = (s: Standards) => ({
    contact: String(s.contactWorkingDays),
    plan: String(s.actionPlanWorkingDays),
    homes: s.homes ? String(s.homes) : '',
  });
  const [form, setForm] = useState(() => toForm(standards));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState(false);
  const [save, { loading }] = useMutation(UpdateServiceStandards, {
    refetchQueries: [{ query: ServiceStandardsQuery }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setSaved(false);
    const problems: FieldError[] = [];
    const contact = wholeNumber(form.contact);
    const plan = wholeNumber(form.plan);
    const homes = form.homes.trim() ? wholeNumber(form.homes) : null;
    if (contact === null || contact < 1 || contact > 10)
      problems.push({
        text: 'Enter the working days to contact the reporter, from 1 to 10',
        href: FIELDS.contactWorkingDays.id,
      });
    if (plan === null || plan < 1 || plan > 40)
      problems.push({
        text: 'Enter the working days to agree an action plan, from 1 to 40',
        href: FIELDS.actionPlanWorkingDays.id,
      });
    if (form.homes.trim() && (homes === null || homes < 1 || homes > 10_000_000))
      problems.push({
        text: 'Enter the homes your agency manages as a whole number, from 1 to 10,000,000, or leave it empty',
        href: FIELDS.homes.id,
      });
    setErrors(problems);
    if (problems.length || contact === null || plan === null) return;
    try {
      // An empty homes box clears the number (null); the API would keep it if homes were left out.
      const { data } = await save({
        variables: { input: { contactWorkingDays: contact, actionPlanWorkingDays: plan, homes } },
      });
      if (data) setForm(toForm(data.updateServiceStandards));
      setSaved(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((x) => x.href === id)?.text;

  return (
    <section aria-labelledby="change-standards-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="change-standards-heading">
        Change your service standards
      </h2>
      {saved && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            Your service standards were saved. The clocks on all your agency's cases, open and closed, now follow them.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="change-standards-heading">
        <TextInput
          id={FIELDS.contactWorkingDays.id}
          label="Contact the reporter within (working days)"
          hint="1 to 10. Working days leave out weekends and bank holidays in England and Wales."
          inputClass="govuk-input--width-3"
          value={form.contact}
          onChange={(contact) => setForm({ ...form, contact })}
          error={err(FIELDS.contactWorkingDays.id)}
        />
        <TextInput
          id={FIELDS.actionPlanWorkingDays.id}
          label="Agree an action plan within (working days)"
          hint="1 to 40"
          inputClass="govuk-input--width-3"
          value={form.plan}
          onChange={(plan) => setForm({ ...form, plan })}
          error={err(FIELDS.actionPlanWorkingDays.id)}
        />
        <TextInput
          id={FIELDS.homes.id}
          label="Homes your agency manages (optional)"
          hint="For landlords: the reports count cases per 1,000 homes (Tenant Satisfaction Measure NM01). Leave empty if you do not manage homes."
          inputClass="govuk-input--width-10"
          value={form.homes}
          onChange={(homes) => setForm({ ...form, homes })}
          error={err(FIELDS.homes.id)}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Save service standards
        </button>
      </form>
    </section>
  );
}
