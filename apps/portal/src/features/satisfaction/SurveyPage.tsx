import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import { errorCode } from '../../apollo';
import { usePageTitle } from '../../router';
import { ErrorSummary, Textarea, type FieldError } from '../../ui/govuk';
import { ConditionalRadios } from '../../ui/ConditionalRadios';
import { SignedOutPage } from '../../ui/SignedOutPage';
import { SCORE_OPTIONS } from './scores';

const SurveyLinkOpen = graphql(`
  query SurveyLinkOpen($token: String!) {
    surveyLinkOpen(token: $token)
  }
`);

const AnswerSurvey = graphql(`
  mutation AnswerSatisfactionSurvey($token: String!, $input: SatisfactionInput!) {
    answerSatisfactionSurvey(token: $token, input: $input)
  }
`);

/**
 * The reporter's survey, reached from the one-time link an officer sent them: no account, no sign-in, nothing
 * of the case shown (the API returns none).
 */
export function SurveyPage({ token }: { token: string }) {
  return (
    <SignedOutPage>
      <Survey token={token} />
    </SignedOutPage>
  );
}

type Stage = 'asking' | 'thanked' | 'unusable';

interface Answers {
  serviceScore: string;
  outcomeScore: string;
  comment: string;
}

function Survey({ token }: { token: string }) {
  const [stage, setStage] = useState<Stage>('asking');
  const [answers, setAnswers] = useState<Answers>({ serviceScore: '', outcomeScore: '', comment: '' });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [answer, { loading }] = useMutation(AnswerSurvey);
  // Ask first, so nobody fills in the form for a link that has been used or has lapsed.
  const open = useQuery(SurveyLinkOpen, { variables: { token }, fetchPolicy: 'network-only' });
  const update = (patch: Partial<Answers>) => setAnswers((a) => ({ ...a, ...patch }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problems: FieldError[] = [];
    if (!answers.serviceScore)
      problems.push({ text: 'Select how satisfied you are with the service you received', href: 'service' });
    if (!answers.outcomeScore)
      problems.push({ text: 'Select how satisfied you are with the outcome', href: 'outcome' });
    if (answers.comment.trim().length > 2000)
      problems.push({ text: 'Your comments must be 2,000 characters or fewer', href: 'comment' });
    setErrors(problems);
    if (problems.length) return;
    try {
      await answer({
        variables: {
          token,
          input: {
            serviceScore: Number(answers.serviceScore),
            outcomeScore: Number(answers.outcomeScore),
            comment: answers.comment.trim() || null,
          },
        },
      });
      setStage('thanked');
    } catch (err) {
      // A link that is wrong, already used or out of date is NOT_FOUND alike: the API does not say which.
      if (errorCode(err) === 'NOT_FOUND') setStage('unusable');
      else setErrors([{ text: 'Your answers could not be sent. Check your connection and try again.' }]);
    }
  };
  const err = (id: string) => errors.find((e) => e.href === id)?.text;

  if (stage === 'thanked') {
    return (
      <Focused title="Thank you">
        <div className="govuk-panel govuk-panel--confirmation">
          <h1 className="govuk-panel__title" tabIndex={-1}>
            Thank you
          </h1>
          <div className="govuk-panel__body">Your answers have been sent</div>
        </div>
        <p className="govuk-body">
          The team that dealt with your report will read them. They help us improve how we deal with reports like yours.
        </p>
        <p className="govuk-body">You can now close this page.</p>
      </Focused>
    );
  }
  if (open.loading)
    return (
      <p className="govuk-body" role="status">
        Checking your link…
      </p>
    );
  if (stage === 'unusable' || open.data?.surveyLinkOpen === false) {
    return (
      <Focused title="This link cannot be used">
        <h1 className="govuk-heading-l" tabIndex={-1}>
          This link cannot be used
        </h1>
        <p className="govuk-body">
          The link may already have been used, or it may have expired. Each link can be used once, and works for 4 weeks
          after it was sent.
        </p>
        <p className="govuk-body">
          If you want to tell us how your report was dealt with, contact the officer who dealt with it.
        </p>
      </Focused>
    );
  }

  return (
    <Focused title="How did we do?" asking>
      <h1 className="govuk-heading-l">How did we do?</h1>
      <p className="govuk-body">
        You reported a problem to us, and we have now closed your case. Please tell us how satisfied you are. It takes
        about a minute.
      </p>
      <p className="govuk-body">The team that dealt with your report will see your answers.</p>
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <form onSubmit={submit} noValidate>
        <ConditionalRadios
          id="service"
          legend="How satisfied are you with the service you received?"
          legendClass="govuk-fieldset__legend--m"
          large
          value={answers.serviceScore}
          onChange={(serviceScore) => update({ serviceScore })}
          error={err('service')}
          options={SCORE_OPTIONS}
        />
        <ConditionalRadios
          id="outcome"
          legend="How satisfied are you with the outcome?"
          legendClass="govuk-fieldset__legend--m"
          large
          value={answers.outcomeScore}
          onChange={(outcomeScore) => update({ outcomeScore })}
          error={err('outcome')}
          options={SCORE_OPTIONS}
        />
        <Textarea
          id="comment"
          label="Is there anything else you want to tell us? (optional)"
          labelClass="govuk-label--m"
          hint="Please do not include personal details, such as your phone number or address."
          rows={5}
          value={answers.comment}
          onChange={(comment) => update({ comment })}
          error={err('comment')}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Send your answers
        </button>
      </form>
    </Focused>
  );
}

/** Sets the page title, and moves focus to the new heading when the page changes in place (not on first load). */
function Focused({ title, asking, children }: { title: string; asking?: boolean; children: ReactNode }) {
  usePageTitle(title);
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!asking) ref.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [asking]);
  return <div ref={ref}>{children}</div>;
}
