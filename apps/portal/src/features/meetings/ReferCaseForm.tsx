import { useState, type FormEvent } from 'react';
import { useApolloClient, useMutation } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { ReferralReason } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { humanise } from '../../format';
import { ErrorSummary, Select, TextInput, Textarea, type FieldError } from '../../ui/govuk';
import { MeetingDetail } from './queries';

const REFERRAL_REASONS = ['DASH_THRESHOLD', 'ESCALATION', 'REPEAT_REFERRAL', 'PROFESSIONAL_JUDGEMENT'] as const;

const ReferCase = graphql(`
  mutation ReferCase($meetingId: ID!, $caseId: ID!, $reason: ReferralReason!, $dashScore: Int, $concerns: String) {
    referCase(meetingId: $meetingId, caseId: $caseId, reason: $reason, dashScore: $dashScore, concerns: $concerns) {
      id
      position
    }
  }
`);

const FindCase = graphql(`
  query FindCaseToRefer($search: String!) {
    cases(filter: { search: $search, owned: true }, first: 5) {
      edges {
        node {
          id
          reference
        }
      }
    }
  }
`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const FIELDS: Record<string, { id: string; label: string }> = {
  caseId: { id: 'refer-case', label: 'Case reference' },
  reason: { id: 'refer-reason', label: 'Reason for referral' },
  dashScore: { id: 'refer-dash', label: 'DASH score' },
  concerns: { id: 'refer-concerns', label: 'Concerns' },
};

interface ReferDraft {
  caseId: string;
  reason: string;
  dashScore: string;
  concerns: string;
}

/**
 * Organisers put a case their own agency owns on the agenda (a referral discloses the case to every attending
 * agency, so a share does not allow it); the API checks that and that the reason holds.
 */
export function ReferCaseForm({ meetingId }: { meetingId: string }) {
  const [form, update, reset] = useDraft<ReferDraft>(`meeting.${meetingId}.refer`, () => ({
    caseId: '',
    reason: 'DASH_THRESHOLD',
    dashScore: '',
    concerns: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [referred, setReferred] = useState<number | null>(null);
  const client = useApolloClient();
  const [refer, { loading }] = useMutation(ReferCase, {
    refetchQueries: [{ query: MeetingDetail, variables: { id: meetingId } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setReferred(null);
    const problems: FieldError[] = [];
    const wanted = form.caseId.trim();
    if (!wanted) problems.push({ text: 'Enter the reference of the case to refer', href: FIELDS.caseId.id });
    const score = form.dashScore.trim() ? Number(form.dashScore.trim()) : null;
    if (score !== null && (!Number.isInteger(score) || score < 0 || score > 24))
      problems.push({ text: 'DASH score must be a whole number from 0 to 24', href: FIELDS.dashScore.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      // Officers know cases by reference; the API takes the id, so look the reference up among the cases they can read.
      let caseId = wanted;
      if (!UUID.test(wanted)) {
        const { data: found } = await client.query({
          query: FindCase,
          variables: { search: wanted },
          fetchPolicy: 'network-only',
        });
        const match = found?.cases.edges
          .map((e) => e.node)
          .find((n) => n.reference.toLowerCase() === wanted.toLowerCase());
        if (!match) {
          setErrors([
            {
              text: `No case with the reference ${wanted} is owned by your agency: only the owner agency may refer a case`,
              href: FIELDS.caseId.id,
            },
          ]);
          return;
        }
        caseId = match.id;
      }
      const { data } = await refer({
        variables: {
          meetingId,
          caseId,
          reason: form.reason as ReferralReason,
          dashScore: score,
          concerns: form.concerns.trim() || null,
        },
      });
      reset();
      setReferred(data?.referCase.position ?? null);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <section aria-labelledby="refer-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="refer-heading">
        Refer a case
      </h2>
      {referred !== null && (
        <p className="govuk-body govuk-!-font-weight-bold" role="status">
          The case was added to the agenda as item {referred}.
        </p>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="refer-heading">
        <TextInput
          id={FIELDS.caseId.id}
          label={FIELDS.caseId.label}
          hint="For example, DA-2026-000123"
          inputClass="govuk-input--width-30"
          spellCheck={false}
          value={form.caseId}
          onChange={(caseId) => update({ caseId })}
          error={err(FIELDS.caseId.id)}
        />
        <Select
          id={FIELDS.reason.id}
          label={FIELDS.reason.label}
          value={form.reason}
          onChange={(reason) => update({ reason })}
          error={err(FIELDS.reason.id)}
          options={REFERRAL_REASONS.map((r) => ({ value: r, text: humanise(r) }))}
        />
        <TextInput
          id={FIELDS.dashScore.id}
          label={FIELDS.dashScore.label}
          hint="Optional: by default the score of the case's latest DASH assessment"
          type="text"
          inputClass="govuk-input--width-3"
          value={form.dashScore}
          onChange={(dashScore) => update({ dashScore })}
          error={err(FIELDS.dashScore.id)}
        />
        <Textarea
          id={FIELDS.concerns.id}
          label={FIELDS.concerns.label}
          hint="Required for professional judgement, unless the latest DASH assessment gives them"
          rows={3}
          value={form.concerns}
          onChange={(concerns) => update({ concerns })}
          error={err(FIELDS.concerns.id)}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Refer case
        </button>
      </form>
    </section>
  );
}
