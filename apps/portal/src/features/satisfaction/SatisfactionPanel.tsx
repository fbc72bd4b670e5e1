import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { CaseSatisfactionQuery, SendSatisfactionSurveyMutation } from '../../gql/graphql';
import { apiFieldErrors, errorMessages } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDate, formatDateTime } from '../../format';
import {
  ErrorSummary,
  NotificationBanner,
  Radios,
  Table,
  Textarea,
  type FieldError,
  WarningText,
} from '../../ui/govuk';
import { SCORE_OPTIONS, scoreText } from './scores';
import type { CaseData } from '../cases/CasePage';

const CaseSatisfaction = graphql(`
  query CaseSatisfaction($id: ID!) {
    case(id: $id) {
      id
      satisfaction {
        id
        createdAt
        expiresAt
        answeredAt
        serviceScore
        outcomeScore
        comment
      }
    }
  }
`);

const SendSatisfactionSurvey = graphql(`
  mutation SendSatisfactionSurvey($caseId: ID!) {
    sendSatisfactionSurvey(caseId: $caseId) {
      path
      expiresAt
    }
  }
`);

const RecordSatisfaction = graphql(`
  mutation RecordSatisfaction($caseId: ID!, $input: SatisfactionInput!) {
    recordSatisfaction(caseId: $caseId, input: $input) {
      id
    }
  }
`);

type Survey = NonNullable<CaseSatisfactionQuery['case']>['satisfaction'][number];

/** What became of a survey: its answers, or where its link stands. */
function state(s: Survey, now = Date.now()): string {
  if (s.answeredAt)
    return s.expiresAt
      ? `Answered through the link on ${formatDateTime(s.answeredAt)}`
      : `Recorded by your agency on ${formatDateTime(s.answeredAt)}`;
  if (s.expiresAt && Date.parse(s.expiresAt) <= now)
    return `Link sent ${formatDate(s.createdAt)}; it lapsed unanswered on ${formatDate(s.expiresAt)}`;
  return `Link sent ${formatDate(s.createdAt)}; not answered yet (it works until ${formatDate(s.expiresAt)})`;
}

/**
 * Once a case is closed, the owner asks the reporter how satisfied they are, with the service and with the
 * outcome: a one-time link the reporter answers without an account, or answers the officer records.
 */
export function SatisfactionPanel({ c }: { c: CaseData }) {
  const { data, loading, error } = useQuery(CaseSatisfaction, {
    variables: { id: c.id },
    fetchPolicy: 'cache-and-network',
  });
  const surveys = data?.case?.satisfaction ?? [];
  return (
    <section aria-labelledby="satisfaction-heading" className="govuk-!-margin-top-8">
      <h2 className="govuk-heading-m" id="satisfaction-heading">
        Satisfaction
      </h2>
      <p className="govuk-body">
        Ask the reporter how satisfied they are with the service they received and with the outcome. Their answers count
        towards your agency's satisfaction figures.
      </p>
      {loading && !data && (
        <p className="govuk-body" role="status">
          Loading answers…
        </p>
      )}
      {error && !data && <p className="govuk-body">Answers could not be loaded. Try again later.</p>}
      {data && surveys.length === 0 && (
        <p className="govuk-body">No survey link has been sent and no answers have been recorded.</p>
      )}
      {surveys.length > 0 && (
        <Table
          caption="Answers and links, newest first"
          captionClass="govuk-table__caption--s"
          head={['What happened', 'With the service', 'With the outcome', 'Comment']}
          rows={surveys}
          rowKey={(s) => s.id}
          cells={(s) => [
            state(s),
            scoreText(s.serviceScore) || '—',
            scoreText(s.outcomeScore) || '—',
            s.comment || (s.answeredAt ? 'None' : '—'),
          ]}
        />
      )}
      <SurveyLinkForm c={c} />
      <RecordAnswersForm c={c} />
    </section>
  );
}

type SurveyLinkData = SendSatisfactionSurveyMutation['sendSatisfactionSurvey'];

function SurveyLinkForm({ c }: { c: CaseData }) {
  const [link, setLink] = useState<SurveyLinkData | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [send, { loading }] = useMutation(SendSatisfactionSurvey, {
    refetchQueries: [{ query: CaseSatisfaction, variables: { id: c.id } }],
  });
  const input = useRef<HTMLInputElement>(null);
  const url = link ? `${location.origin}${link.path}` : '';
  // The link is on the page once: put focus on it, ready to copy.
  useEffect(() => {
    if (link) input.current?.select();
    if (link) input.current?.focus();
  }, [link]);

  const create = async () => {
    setProblem(null);
    setCopied(false);
    try {
      const { data } = await send({ variables: { caseId: c.id } });
      setLink(data?.sendSatisfactionSurvey ?? null);
    } catch (err) {
      setProblem(errorMessages(err)[0] ?? 'The link could not be made. Try again.');
    }
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      // No clipboard (an old browser, or a page not served securely): the link is selected for Ctrl+C.
      input.current?.select();
      setProblem('The link could not be copied for you. It is selected: press Ctrl and C to copy it.');
    }
  };

  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-top-6" id="survey-link-heading">
        Send the reporter a survey link
      </h3>
      {!link ? (
        <>
          <p className="govuk-body">
            The reporter answers two questions without an account. Each link works once, for 4 weeks.
          </p>
          <button
            type="button"
            className="govuk-button govuk-button--secondary"
            disabled={loading}
            data-module="govuk-button"
            onClick={create}
          >
            Create survey link
          </button>
        </>
      ) : (
        <div className="app-survey-link">
          <WarningText>
            This link is shown only once. Copy it now and send it to the reporter by email or text message.
          </WarningText>
          <div className="govuk-form-group">
            <label className="govuk-label govuk-label--s" htmlFor="survey-link">
              Survey link
            </label>
            <div className="govuk-hint" id="survey-link-hint">
              It works once, until {formatDateTime(link.expiresAt)}.
            </div>
            <input
              ref={input}
              className="govuk-input"
              id="survey-link"
              type="text"
              readOnly
              value={url}
              aria-describedby="survey-link-hint"
              spellCheck={false}
            />
          </div>
          <div className="govuk-button-group">
            <button type="button" className="govuk-button" data-module="govuk-button" onClick={copy}>
              Copy link
            </button>
          </div>
          <p className="govuk-body" role="status">
            {copied ? 'The link was copied.' : ''}
          </p>
        </div>
      )}
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}

interface AnswersDraft {
  serviceScore: string;
  outcomeScore: string;
  comment: string;
}

const ANSWER_FIELDS: Record<string, { id: string; label: string }> = {
  serviceScore: { id: 'answers-service', label: 'Satisfaction with the service' },
  outcomeScore: { id: 'answers-outcome', label: 'Satisfaction with the outcome' },
  comment: { id: 'answers-comment', label: 'Comment' },
};

/** The reporter answered by phone or in person: the officer records what they said. */
function RecordAnswersForm({ c }: { c: CaseData }) {
  const [form, update, reset] = useDraft<AnswersDraft>(`case.${c.id}.satisfaction`, () => ({
    serviceScore: '',
    outcomeScore: '',
    comment: '',
  }));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [recorded, setRecorded] = useState(false);
  const [record, { loading }] = useMutation(RecordSatisfaction, {
    refetchQueries: [{ query: CaseSatisfaction, variables: { id: c.id } }],
    awaitRefetchQueries: true,
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setRecorded(false);
    const problems: FieldError[] = [];
    if (!form.serviceScore)
      problems.push({ text: 'Select how satisfied the reporter is with the service', href: 'answers-service' });
    if (!form.outcomeScore)
      problems.push({ text: 'Select how satisfied the reporter is with the outcome', href: 'answers-outcome' });
    if (form.comment.trim().length > 2000)
      problems.push({ text: 'The comment must be 2,000 characters or fewer', href: 'answers-comment' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await record({
        variables: {
          caseId: c.id,
          input: {
            serviceScore: Number(form.serviceScore),
            outcomeScore: Number(form.outcomeScore),
            comment: form.comment.trim() || null,
          },
        },
      });
      reset();
      setRecorded(true);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => ANSWER_FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  return (
    <>
      <h3 className="govuk-heading-s govuk-!-margin-top-6" id="record-answers-heading">
        Record the reporter's answers
      </h3>
      <p className="govuk-body">If the reporter answered by phone or in person.</p>
      {recorded && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">The answers were recorded.</p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate aria-labelledby="record-answers-heading">
        <Radios
          id="answers-service"
          legend="How satisfied is the reporter with the service they received?"
          value={form.serviceScore}
          onChange={(serviceScore) => update({ serviceScore })}
          error={err('answers-service')}
          options={SCORE_OPTIONS}
        />
        <Radios
          id="answers-outcome"
          legend="How satisfied is the reporter with the outcome?"
          value={form.outcomeScore}
          onChange={(outcomeScore) => update({ outcomeScore })}
          error={err('answers-outcome')}
          options={SCORE_OPTIONS}
        />
        <Textarea
          id="answers-comment"
          label="Comment (optional)"
          hint="In the reporter's words"
          rows={3}
          value={form.comment}
          onChange={(comment) => update({ comment })}
          error={err('answers-comment')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Record answers
        </button>
      </form>
    </>
  );
}
