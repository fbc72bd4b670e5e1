import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { DashAnswer } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import {
  Checkbox,
  ErrorSummary,
  NotificationBanner,
  Radios,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import { CaseDetail } from '../cases/queries';
import { CaseRisk } from '../cases/risk-queries';

const DashQuestions = graphql(`
  query DashQuestions {
    dashQuestions {
      number
      text
    }
  }
`);

const RecordDashAssessment = graphql(`
  mutation RecordDashAssessment($caseId: ID!, $input: DashAssessmentInput!) {
    recordDashAssessment(caseId: $caseId, input: $input) {
      id
      score
      highRisk
    }
  }
`);

const ANSWERS = [
  { value: 'YES', text: 'Yes' },
  { value: 'NO', text: 'No' },
  { value: 'NOT_KNOWN', text: 'Not known' },
];

interface DashDraft {
  answers: Record<string, string>;
  notes: Record<string, string>;
  judgedHighRisk: boolean;
  concerns: string;
}

const empty = (): DashDraft => ({ answers: {}, notes: {}, judgedHighRisk: false, concerns: '' });

/** The DASH risk checklist: 24 questions answered Yes, No or Not known; a score of 14 or more is high risk. */
export function DashForm({ caseId }: { caseId: string }) {
  const { data } = useQuery(DashQuestions);
  const [form, update, reset] = useDraft<DashDraft>(`case.${caseId}.dash`, empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ score: number; highRisk: boolean } | null>(null);
  const [record, { loading }] = useMutation(RecordDashAssessment, {
    refetchQueries: [
      { query: CaseRisk, variables: { id: caseId } },
      { query: CaseDetail, variables: { id: caseId } },
    ],
    awaitRefetchQueries: true,
  });
  const questions = data?.dashQuestions ?? [];
  const fieldFor = (f: string) => {
    if (f === 'concerns') return { id: 'dash-concerns', label: 'Concerns' };
    const m = /^answers\.(\d+)/.exec(f);
    return m ? { id: `dash-q${Number(m[1]) + 1}`, label: `Question ${Number(m[1]) + 1}` } : undefined;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const problems: FieldError[] = [];
    if (form.judgedHighRisk && !form.concerns.trim())
      problems.push({ text: 'Enter the concerns behind your professional judgement', href: 'dash-concerns' });
    setErrors(problems);
    if (problems.length) return;
    // Unanswered questions count as "not known"; every question is sent so the record is complete.
    const answers = questions.map((q) => ({
      question: q.number,
      answer: (form.answers[q.number] ?? 'NOT_KNOWN') as DashAnswer,
      note: form.notes[q.number]?.trim() || null,
    }));
    try {
      const { data: saved } = await record({
        variables: {
          caseId,
          input: { answers, judgedHighRisk: form.judgedHighRisk, concerns: form.concerns.trim() || null },
        },
      });
      reset();
      if (saved) setResult(saved.recordDashAssessment);
    } catch (err) {
      setErrors(apiFieldErrors(err, fieldFor));
    }
  };
  const yes = Object.values(form.answers).filter((a) => a === 'YES').length;

  return (
    <section aria-labelledby="dash-form-heading" className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id="dash-form-heading">
        Record a DASH risk assessment
      </h3>
      {result && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            Assessment recorded: score {result.score},{' '}
            {result.highRisk ? 'high risk. The case is now high risk.' : 'not high risk.'}
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      {questions.length === 0 && (
        <p className="govuk-body" role="status">
          Loading the questions…
        </p>
      )}
      {questions.length > 0 && (
        <form onSubmit={submit} noValidate aria-labelledby="dash-form-heading">
          <p className="govuk-body">
            Answer each question with the victim. Questions left unanswered count as not known.
          </p>
          {questions.map((q) => (
            <div className="app-dash-question" key={q.number}>
              <Radios
                id={`dash-q${q.number}`}
                legend={`${q.number}. ${q.text}`}
                inline
                value={form.answers[q.number] ?? ''}
                onChange={(answer) => update({ answers: { ...form.answers, [q.number]: answer } })}
                options={ANSWERS}
              />
              <TextInput
                id={`dash-q${q.number}-note`}
                label={`Note on question ${q.number} (optional)`}
                labelClass="govuk-!-font-size-16"
                value={form.notes[q.number] ?? ''}
                onChange={(note) => update({ notes: { ...form.notes, [q.number]: note } })}
              />
            </div>
          ))}
          <p className="govuk-body" aria-live="polite">
            Yes answers so far: {yes} of 24{yes >= 14 ? ' (high risk)' : ''}
          </p>
          <Checkbox
            id="dash-judged"
            label="Professional judgement: high risk"
            checked={form.judgedHighRisk}
            onChange={(judgedHighRisk) => update({ judgedHighRisk })}
          />
          <Textarea
            id="dash-concerns"
            label="Concerns"
            hint="Required with professional judgement"
            rows={4}
            value={form.concerns}
            onChange={(concerns) => update({ concerns })}
            error={errors.find((x) => x.href === 'dash-concerns')?.text}
          />
          <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
            Record assessment
          </button>
        </form>
      )}
    </section>
  );
}
