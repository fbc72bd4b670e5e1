/**
 * Cases closed before this moment are due for anonymising: the same date and time `years` back, in the
 * server's calendar. 29 February has no twin in a common year and rolls on to 1 March, so a case is never
 * kept a day short.
 */
export function retentionCutoff(now: Date, years: number): Date {
  const cutoff = new Date(now);
  cutoff.setFullYear(cutoff.getFullYear() - years);
  return cutoff;
}
