import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { MeetingKind } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { navigate } from '../../router';
import type { SessionUser } from '../../session';
import { humanise } from '../../format';
import { Checkboxes, ErrorSummary, Select, TextInput, type FieldError } from '../../ui/govuk';
import { MeetingList } from './queries';

const MEETING_KINDS = ['MARAC', 'ASB_PANEL', 'CASE_REVIEW'] as const;
export const KIND_NAMES: Record<string, string> = {
  MARAC: 'MARAC',
  ASB_PANEL: 'ASB panel',
  CASE_REVIEW: 'ASB Case Review',
};

const MeetingAgencies = graphql(`
  query MeetingAgencies {
    agencies {
      id
      name
    }
    meetingChairs {
      id
      displayName
      agencyName
    }
  }
`);

const ScheduleMeeting = graphql(`
  mutation ScheduleMeeting($input: ScheduleMeetingInput!) {
    scheduleMeeting(input: $input) {
      id
    }
  }
`);

interface ScheduleDraft {
  kind: string;
  title: string;
  startsAt: string;
  chairId: string;
  agencyIds: string[];
}

const FIELDS: Record<string, { id: string; label: string }> = {
  kind: { id: 'meeting-kind', label: 'Kind of meeting' },
  title: { id: 'meeting-title', label: 'Title' },
  startsAt: { id: 'meeting-starts', label: 'Date and time' },
  chairId: { id: 'meeting-chair', label: 'Chair' },
  agencyIds: { id: 'meeting-agencies', label: 'Attending agencies' },
};

/** MARAC chairs and coordinators schedule a meeting; the chair's agency and their own always attend. */
export function ScheduleMeetingForm({ user }: { user: SessionUser }) {
  // A MARAC chair chairs their own meeting unless they choose another chair: a default for the form, not a rule.
  const chairsOwn = user.roles.includes('MARAC_CHAIR');
  const { data } = useQuery(MeetingAgencies);
  const [form, update, reset] = useDraft<ScheduleDraft>('meetings.schedule', () => ({
    kind: 'MARAC',
    title: '',
    startsAt: '',
    chairId: chairsOwn ? user.id : '',
    agencyIds: [],
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [schedule, { loading }] = useMutation(ScheduleMeeting, { refetchQueries: [{ query: MeetingList }] });
  const agencies = (data?.agencies ?? []).filter((a) => a.id !== user.agency.id);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (form.title.trim().length < 3)
      problems.push({ text: 'Enter a title of at least 3 characters', href: FIELDS.title.id });
    const startsAt = form.startsAt ? new Date(form.startsAt) : null;
    if (!startsAt || Number.isNaN(startsAt.getTime()))
      problems.push({ text: 'Enter the date and time the meeting starts', href: FIELDS.startsAt.id });
    if (!form.chairId) problems.push({ text: 'Choose who chairs the meeting', href: FIELDS.chairId.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      const { data: result } = await schedule({
        variables: {
          input: {
            kind: form.kind as MeetingKind,
            title: form.title.trim(),
            startsAt: startsAt!.toISOString(),
            chairId: form.chairId,
            agencyIds: form.agencyIds,
          },
        },
      });
      reset();
      if (result) navigate(`/meetings/${result.scheduleMeeting.id}`);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f.split('.')[0]]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="schedule-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="schedule-heading">
        Schedule a meeting
      </h2>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="schedule-heading">
        <Select
          id={FIELDS.kind.id}
          label={FIELDS.kind.label}
          value={form.kind}
          onChange={(kind) => update({ kind })}
          options={MEETING_KINDS.map((k) => ({ value: k, text: KIND_NAMES[k] ?? humanise(k) }))}
        />
        <TextInput
          id={FIELDS.title.id}
          label={FIELDS.title.label}
          value={form.title}
          onChange={(title) => update({ title })}
          error={err(FIELDS.title.id)}
        />
        <TextInput
          id={FIELDS.startsAt.id}
          label={FIELDS.startsAt.label}
          type="datetime-local"
          inputClass="govuk-input--width-20"
          value={form.startsAt}
          onChange={(startsAt) => update({ startsAt })}
          error={err(FIELDS.startsAt.id)}
        />
        <Select
          id={FIELDS.chairId.id}
          label={FIELDS.chairId.label}
          hint="The chair's agency attends too"
          value={form.chairId}
          onChange={(chairId) => update({ chairId })}
          error={err(FIELDS.chairId.id)}
          options={[
            { value: '', text: 'Choose a chair' },
            ...(data?.meetingChairs ?? []).map((c) => ({ value: c.id, text: `${c.displayName} (${c.agencyName})` })),
          ]}
        />
        <Checkboxes
          id={FIELDS.agencyIds.id}
          legend={`${FIELDS.agencyIds.label} (${user.agency.name} and the chair's agency always attend)`}
          values={form.agencyIds}
          onChange={(agencyIds) => update({ agencyIds })}
          error={err(FIELDS.agencyIds.id)}
          options={agencies.map((a) => ({ value: a.id, text: a.name }))}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Schedule meeting
        </button>
      </form>
    </section>
  );
}
