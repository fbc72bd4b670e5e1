/** 1 (very dissatisfied) to 5 (very satisfied), as the API scores satisfaction; the happiest answer first. */
export const SCORE_OPTIONS = [
  { value: '5', text: 'Very satisfied' },
  { value: '4', text: 'Satisfied' },
  { value: '3', text: 'Neither satisfied nor dissatisfied' },
  { value: '2', text: 'Dissatisfied' },
  { value: '1', text: 'Very dissatisfied' },
];

/** "Satisfied (4 of 5)": the words first, the number for those who count. */
export function scoreText(score: number | null | undefined): string {
  if (score === null || score === undefined) return '';
  const words = SCORE_OPTIONS.find((o) => o.value === String(score))?.text ?? String(score);
  return `${words} (${score} of 5)`;
}
