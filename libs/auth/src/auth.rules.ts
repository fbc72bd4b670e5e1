/**
 * Seconds to wait after the latest failure, given the failures within the window: none for the first `free`,
 * then 1 s, doubling with each further failure, never more than `maxDelaySeconds`.
 */
export function waitAfterFailures(failures: number, free: number, maxDelaySeconds: number): number {
  if (failures < free) return 0;
  return Math.min(2 ** Math.min(failures - free, 30), maxDelaySeconds);
}

/**
 * Seconds still to wait, given the failures counted and the seconds since the latest of them. `since` may be
 * below zero: it is measured from the counting transaction's start (`now()`), and a failure another connection
 * committed after that start is stamped later. Such a failure is "just now", never a wait of its own: under load
 * the sixtieth of sixty concurrent wrong passwords was refused for a second although none of them owed a wait.
 */
export function secondsStillToWait(
  failures: number,
  since: number | null,
  free: number,
  maxDelaySeconds: number,
): number {
  const wait = waitAfterFailures(failures, free, maxDelaySeconds);
  if (wait === 0 || since === null) return 0;
  return Math.max(0, wait - Math.max(0, since));
}
