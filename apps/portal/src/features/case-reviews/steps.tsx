import type { CaseReviewFieldsFragment } from '../../gql/graphql';
import { formatDate, formatDateTime, londonDay } from '../../format';
import { Table, Tag } from '../../ui/govuk';

export type Review = CaseReviewFieldsFragment;
type Step = NonNullable<Review['tell']>;

/** A date picked in a form as the moment the API is sent: now for today (its clock is not ahead), midday otherwise. */
export function dayToIso(day: string): string {
  return londonDay(new Date().toISOString()) === day ? new Date().toISOString() : `${day}T12:00:00.000Z`;
}

export const today = () => londonDay(new Date().toISOString()) ?? '';

/** The clock's steps in order, each with its deadline: the ones that apply to this application. */
export function stepsOf(r: Review): { name: string; step: Step }[] {
  const steps: { name: string; step: Step | null | undefined }[] = [
    { name: 'Acknowledge the application', step: r.acknowledge },
    { name: 'Decide whether the threshold is met', step: r.decide },
    { name: 'Hold the review meeting', step: r.thresholdMet === false ? null : r.meet },
    { name: 'Tell the applicant the outcome', step: r.tell },
    { name: 'Hear the appeal', step: r.appealHearing },
  ];
  return steps.filter((s): s is { name: string; step: Step } => !!s.step);
}

/** Overdue steps: the ones an officer must act on first. */
export const overdueOf = (r: Review) => stepsOf(r).filter((s) => s.step.state === 'BREACHED');

export function StepTag({ step }: { step: Step }) {
  if (step.state === 'MET') return <Tag colour="green">Done</Tag>;
  if (step.state === 'BREACHED') return <Tag colour="red">Overdue</Tag>;
  return <Tag colour="blue">Due</Tag>;
}

/** Where the application stands, in a word. */
export function stageOf(r: Review): string {
  if (r.appealedAt && !r.appealHearing?.doneAt) return 'Appeal to hear';
  if (r.appealHearing?.doneAt) return r.appealUpheld ? 'Appeal upheld' : 'Appeal not upheld';
  if (r.toldAt) return 'Applicant told';
  if (r.outcomeAt) return 'Outcome recorded';
  if (r.thresholdMet === false) return 'Threshold not met';
  if (r.thresholdMet) return r.meet.doneAt ? 'Review held' : 'Threshold met';
  if (r.acknowledge.doneAt) return 'Acknowledged';
  return 'Received';
}

export function StepsTable({ r, caption }: { r: Review; caption: string }) {
  return (
    <Table
      caption={caption}
      captionClass="govuk-table__caption--m"
      head={['Step', 'Due by', 'Done', 'Status']}
      rows={stepsOf(r)}
      rowKey={(s) => s.name}
      cells={(s) => [
        s.name,
        formatDate(s.step.dueAt),
        s.step.doneAt ? formatDateTime(s.step.doneAt) : 'Not yet',
        <StepTag step={s.step} />,
      ]}
    />
  );
}
