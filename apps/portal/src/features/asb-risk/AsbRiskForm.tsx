import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../../gql';
import type { AsbRiskMatrixQuery, AsbVulnerability, RiskLevel } from '../../gql/graphql';
import { apiFieldErrors } from '../../apollo';
import { useDraft } from '../../drafts';
import { formatDate, humanise } from '../../format';
import {
  Checkbox,
  Checkboxes,
  ErrorSummary,
  NotificationBanner,
  Radios,
  TextInput,
  Textarea,
  type FieldError,
} from '../../ui/govuk';
import { CaseDetail } from '../cases/queries';
import { CaseRisk } from '../cases/risk-queries';

const RecordAsbRiskAssessment = graphql(`
  mutation RecordAsbRiskAssessment($caseId: ID!, $input: AsbRiskAssessmentInput!) {
    recordAsbRiskAssessment(caseId: $caseId, input: $input) {
      id
      score
      riskLevel
      reviewDueAt
    }
  }
`);

/** How the API scores the matrix, so the result shows before saving exactly as it will be recorded. */
const AsbRiskMatrixQuery = graphql(`
  query AsbRiskMatrix {
    asbRiskMatrix {
      bands {
        riskLevel
        minScore
        maxScore
        riskLevelIfVulnerable
        reviewDays
      }
      cells {
        likelihood
        impact
        score
        riskLevel
      }
      judgedHighRiskLevel
    }
  }
`);

type Matrix = AsbRiskMatrixQuery['asbRiskMatrix'];

export const LIKELIHOOD = ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'] as const;
export const IMPACT = ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'] as const;

/** The AsbVulnerability enum's descriptions, as the form asks them. */
const VULNERABILITIES: { value: AsbVulnerability; text: string; short: string }[] = [
  { value: 'DISABILITY', text: 'A physical or learning disability', short: 'Disability' },
  { value: 'MENTAL_HEALTH', text: 'Poor mental health, or the behaviour is affecting it', short: 'Mental health' },
  { value: 'AGE', text: 'Older, or a child or young person', short: 'Age' },
  { value: 'ISOLATION', text: 'Lives alone or has no support around them', short: 'Isolated' },
  {
    value: 'TARGETED_FOR_IDENTITY',
    text: 'Targeted for race, religion, disability, sexuality or gender identity (hate)',
    short: 'Targeted for who they are (hate)',
  },
  { value: 'REPEAT_VICTIM', text: 'Has been a victim of ASB before', short: 'Repeat victim' },
  { value: 'CHILDREN_IN_HOME', text: 'Children live in the home', short: 'Children in the home' },
];

export const vulnerabilityName = (v: string) => VULNERABILITIES.find((x) => x.value === v)?.short ?? humanise(v);

const cellOf = (matrix: Matrix, likelihood: number, impact: number) =>
  matrix.cells.find((c) => c.likelihood === likelihood && c.impact === impact)!;
const bandNamed = (matrix: Matrix, level: RiskLevel) => matrix.bands.find((b) => b.riskLevel === level)!;
const lower = (level: RiskLevel) => humanise(level).toLowerCase();

/** The API's answer for this likelihood, impact, vulnerability and judgement. */
function asbRisk(
  matrix: Matrix,
  likelihood: number,
  impact: number,
  vulnerable: boolean,
  judgedHigh: boolean,
): { score: number; band: RiskLevel; level: RiskLevel } {
  const cell = cellOf(matrix, likelihood, impact);
  const band = bandNamed(matrix, cell.riskLevel);
  const level = judgedHigh ? matrix.judgedHighRiskLevel : vulnerable ? band.riskLevelIfVulnerable : band.riskLevel;
  return { score: cell.score, band: band.riskLevel, level };
}

/** "1 to 7 is standard risk, 8 to 14 medium, 15 to 25 high", from the bands. */
const bandsInWords = (matrix: Matrix, first: (b: Matrix['bands'][number]) => string) =>
  matrix.bands.map((b, n) => (n === 0 ? first(b) : `${b.minScore} to ${b.maxScore} ${lower(b.riskLevel)}`)).join(', ');

/**
 * The 5×5 matrix, likelihood rows (almost certain at the top) by impact columns, each cell coloured by its
 * band and the chosen cell outlined. A picture for sighted users: to assistive technology it is one image,
 * and the result is said in words beneath it.
 */
function RiskMatrix({ matrix, likelihood, impact }: { matrix: Matrix; likelihood: number; impact: number }) {
  const rows = [5, 4, 3, 2, 1];
  const cols = [1, 2, 3, 4, 5];
  const scores = bandsInWords(matrix, (b) => `Scores ${b.minScore} to ${b.maxScore} are ${lower(b.riskLevel)}`);
  return (
    <div
      role="img"
      aria-label={`ASB risk matrix: likelihood by impact. ${scores}. The result is in the text that follows.`}
    >
      <div className="app-matrix">
        <div className="app-matrix__corner">Likelihood ↓ Impact →</div>
        {cols.map((i) => (
          <div className="app-matrix__head" key={`h${i}`}>
            {i} {IMPACT[i - 1]}
          </div>
        ))}
        {rows.map((l) => [
          <div className="app-matrix__head app-matrix__head--row" key={`r${l}`}>
            {l} {LIKELIHOOD[l - 1]}
          </div>,
          ...cols.map((i) => {
            const chosen = l === likelihood && i === impact;
            const cell = cellOf(matrix, l, i);
            return (
              <div
                key={`${l}-${i}`}
                className={`app-matrix__cell app-matrix__cell--${cell.riskLevel.toLowerCase()}${chosen ? ' app-matrix__cell--chosen' : ''}`}
              >
                {cell.score}
              </div>
            );
          }),
        ])}
      </div>
      <ul className="app-matrix-key">
        {matrix.bands.map((b) => (
          <li key={b.riskLevel}>
            <span className={`app-matrix__cell app-matrix__cell--${b.riskLevel.toLowerCase()}`}>&nbsp;</span>
            {b.minScore} to {b.maxScore}: {lower(b.riskLevel)}
          </li>
        ))}
      </ul>
    </div>
  );
}

interface AsbDraft {
  likelihood: string;
  impact: string;
  vulnerabilities: string[];
  judgedHighRisk: boolean;
  concerns: string;
  /** YYYY-MM-DD, or empty for the default */
  reviewDueAt: string;
}

const empty = (): AsbDraft => ({
  likelihood: '',
  impact: '',
  vulnerabilities: [],
  judgedHighRisk: false,
  concerns: '',
  reviewDueAt: '',
});

const FIELDS: Record<string, { id: string; label: string }> = {
  likelihood: { id: 'asb-likelihood', label: 'Likelihood' },
  impact: { id: 'asb-impact', label: 'Impact' },
  vulnerabilities: { id: 'asb-vulnerabilities', label: 'Vulnerabilities' },
  concerns: { id: 'asb-concerns', label: 'Concerns' },
  reviewDueAt: { id: 'asb-review', label: 'Review date' },
};

const scale = (words: readonly string[]) => words.map((w, i) => ({ value: String(i + 1), text: `${i + 1} – ${w}` }));

/** The ASB risk matrix for a case that is not domestic abuse: likelihood and impact, the victim's vulnerabilities, judgement. */
export function AsbRiskForm({ caseId }: { caseId: string }) {
  const { data, error } = useQuery(AsbRiskMatrixQuery);
  if (error && !data) return <p className="govuk-body">The ASB risk matrix could not be loaded. Try again later.</p>;
  if (!data)
    return (
      <p className="govuk-body" role="status">
        Loading the ASB risk matrix…
      </p>
    );
  return <AsbRiskMatrixForm caseId={caseId} matrix={data.asbRiskMatrix} />;
}

function AsbRiskMatrixForm({ caseId, matrix }: { caseId: string; matrix: Matrix }) {
  const [form, update, reset] = useDraft<AsbDraft>(`case.${caseId}.asb-risk`, empty);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [result, setResult] = useState<{ score: number; riskLevel: RiskLevel; reviewDueAt: string } | null>(null);
  const [record, { loading }] = useMutation(RecordAsbRiskAssessment, {
    refetchQueries: [
      { query: CaseRisk, variables: { id: caseId } },
      { query: CaseDetail, variables: { id: caseId } },
    ],
    awaitRefetchQueries: true,
  });
  const l = Number(form.likelihood);
  const i = Number(form.impact);
  const live = l && i ? asbRisk(matrix, l, i, form.vulnerabilities.length > 0, form.judgedHighRisk) : null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    const problems: FieldError[] = [];
    if (!l)
      problems.push({ text: 'Select how likely the behaviour is to go on or cause harm', href: FIELDS.likelihood.id });
    if (!i) problems.push({ text: 'Select how badly it affects the victim or the community', href: FIELDS.impact.id });
    if (form.judgedHighRisk && !form.concerns.trim())
      problems.push({ text: 'Enter the concerns behind your professional judgement', href: FIELDS.concerns.id });
    if (form.concerns.trim().length > 2000)
      problems.push({ text: 'Concerns must be 2,000 characters or fewer', href: FIELDS.concerns.id });
    // A review date means the end of that day, in the user's time zone.
    const review = form.reviewDueAt ? new Date(`${form.reviewDueAt}T23:59:59`) : null;
    if (review && Number.isNaN(review.getTime()))
      problems.push({ text: 'Enter a real review date', href: FIELDS.reviewDueAt.id });
    else if (review && review.getTime() < Date.now())
      problems.push({ text: 'The review date must be today or later', href: FIELDS.reviewDueAt.id });
    setErrors(problems);
    if (problems.length) return;
    try {
      const { data } = await record({
        variables: {
          caseId,
          input: {
            likelihood: l,
            impact: i,
            vulnerabilities: form.vulnerabilities as AsbVulnerability[],
            judgedHighRisk: form.judgedHighRisk,
            concerns: form.concerns.trim() || null,
            reviewDueAt: review ? review.toISOString() : null,
          },
        },
      });
      reset();
      if (data) setResult(data.recordAsbRiskAssessment);
    } catch (err) {
      setErrors(apiFieldErrors(err, (f) => FIELDS[f]));
    }
  };
  const err = (id: string) => errors.find((x) => x.href === id)?.text;
  const defaultReview = live
    ? formatDate(new Date(Date.now() + bandNamed(matrix, live.level).reviewDays * 86_400_000).toISOString())
    : null;

  return (
    <section aria-labelledby="asb-form-heading" className="govuk-!-margin-top-8">
      <h3 className="govuk-heading-m" id="asb-form-heading">
        Record an ASB risk assessment
      </h3>
      {result && (
        <NotificationBanner title="Success" success>
          <p className="govuk-notification-banner__heading">
            Assessment recorded: score {result.score}, {humanise(result.riskLevel).toLowerCase()} risk. The case is now{' '}
            {humanise(result.riskLevel).toLowerCase()} risk; review it by {formatDate(result.reviewDueAt)}.
          </p>
        </NotificationBanner>
      )}
      {errors.length > 0 && <ErrorSummary errors={errors} />}
      <div className="govuk-inset-text">
        Likelihood × impact gives a score from {matrix.bands[0].minScore} to{' '}
        {matrix.bands[matrix.bands.length - 1].maxScore}:{' '}
        {bandsInWords(matrix, (b) => `${b.minScore} to ${b.maxScore} is ${lower(b.riskLevel)} risk`)}. Any vulnerability
        raises the risk one step. Your professional judgement can make it high, if you say why.
      </div>
      <form onSubmit={submit} noValidate aria-labelledby="asb-form-heading" className="app-asb-form">
        <Radios
          id={FIELDS.likelihood.id}
          legend="How likely is the behaviour to go on or cause harm?"
          value={form.likelihood}
          onChange={(likelihood) => update({ likelihood })}
          error={err(FIELDS.likelihood.id)}
          options={scale(LIKELIHOOD)}
        />
        <Radios
          id={FIELDS.impact.id}
          legend="How badly does it affect the victim or the community?"
          value={form.impact}
          onChange={(impact) => update({ impact })}
          error={err(FIELDS.impact.id)}
          options={scale(IMPACT)}
        />
        <RiskMatrix matrix={matrix} likelihood={l} impact={i} />
        <Checkboxes
          id={FIELDS.vulnerabilities.id}
          legend="Is the victim vulnerable? Select all that apply"
          hint="Any one raises the risk one step: standard to medium, medium to high"
          values={form.vulnerabilities}
          onChange={(vulnerabilities) => update({ vulnerabilities })}
          options={VULNERABILITIES}
        />
        <Checkbox
          id="asb-judged"
          label="Professional judgement: the risk is high"
          checked={form.judgedHighRisk}
          onChange={(judgedHighRisk) => update({ judgedHighRisk })}
        />
        <Textarea
          id={FIELDS.concerns.id}
          label="Concerns"
          hint="Required with professional judgement: say what worries you"
          rows={4}
          value={form.concerns}
          onChange={(concerns) => update({ concerns })}
          error={err(FIELDS.concerns.id)}
        />
        <div className="app-asb-result" aria-live="polite">
          {live ? (
            <>
              <p className="govuk-body govuk-!-margin-bottom-1">
                Score {live.score}: likelihood {l} ({LIKELIHOOD[l - 1].toLowerCase()}) × impact {i} (
                {IMPACT[i - 1].toLowerCase()}), {humanise(live.band).toLowerCase()} band.
                {form.judgedHighRisk
                  ? ' Professional judgement makes it high.'
                  : form.vulnerabilities.length > 0 && live.level !== live.band
                    ? ' A vulnerability raises it one step.'
                    : ''}
              </p>
              <p className="govuk-body govuk-!-font-weight-bold govuk-!-margin-bottom-0">
                Result: {humanise(live.level).toLowerCase()} risk
              </p>
            </>
          ) : (
            <p className="govuk-body govuk-!-margin-bottom-0">Choose the likelihood and the impact to see the risk.</p>
          )}
        </div>
        <TextInput
          id={FIELDS.reviewDueAt.id}
          label="Review by (optional)"
          hint={`Leave empty for the usual date: ${[...matrix.bands]
            .reverse()
            .map(
              (b, n) =>
                `${b.reviewDays}${n === 0 ? ` days for ${lower(b.riskLevel)} risk` : ` for ${lower(b.riskLevel)}`}`,
            )
            .join(', ')}${defaultReview ? ` (${defaultReview} for this result)` : ''}`}
          type="date"
          inputClass="govuk-input--width-10"
          value={form.reviewDueAt}
          onChange={(reviewDueAt) => update({ reviewDueAt })}
          error={err(FIELDS.reviewDueAt.id)}
        />
        <button type="submit" className="govuk-button" disabled={loading} data-module="govuk-button">
          Record assessment
        </button>
      </form>
    </section>
  );
}
