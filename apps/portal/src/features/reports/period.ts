// Periods are whole days in the partnership's time, Europe/London, whatever the reader's computer says:
// a board's "1 August to 31 October" means the same cases on every screen.

const ZONE = 'Europe/London';
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A period of whole days, both ends included, as YYYY-MM-DD. */
export interface Period {
  from: string;
  to: string;
}

const ymd = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const offset = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, timeZoneName: 'shortOffset' });
const long = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'long', year: 'numeric' });

const pad = (n: number) => String(n).padStart(2, '0');
const iso = (d: Date) => `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;

/** Whether `day` is a real calendar date written YYYY-MM-DD (not 2026-02-30). */
export function isDay(day: string): boolean {
  const m = DAY.exec(day);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return iso(d) === day;
}

/** Today's date in London. */
export function today(now = new Date()): string {
  return ymd.format(now);
}

/** The last three full calendar months before this one: on 23 November, 1 August to 31 October. */
export function lastThreeMonths(now = new Date()): Period {
  const [y, m] = today(now).split('-').map(Number);
  return { from: iso(new Date(Date.UTC(y, m - 4, 1))), to: iso(new Date(Date.UTC(y, m - 1, 0))) };
}

/** The day after `day`. */
export function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return iso(d);
}

/**
 * Midnight at the start of `day` in London, as an instant. Clocks change at 01:00 UTC, so London's offset at
 * midnight UTC on that day is the offset at London's own midnight.
 */
export function startOfDay(day: string): string {
  const utc = Date.parse(`${day}T00:00:00Z`);
  const name = offset.formatToParts(new Date(utc)).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  const minutes = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
  return new Date(utc - minutes * 60_000).toISOString();
}

/** What the API counts: from the first day's midnight up to, not including, the midnight after the last day. */
export function toApiPeriod(p: Period): { from: string; to: string } {
  return { from: startOfDay(p.from), to: startOfDay(nextDay(p.to)) };
}

/** "1 August 2026 to 31 October 2026" */
export function describePeriod(p: Period): string {
  return `${long.format(new Date(`${p.from}T00:00:00Z`))} to ${long.format(new Date(`${p.to}T00:00:00Z`))}`;
}

/**
 * The months (or quarters) a trend shows: the 12 months, or 8 quarters, that end with the one holding the
 * period's last day. The API widens both ends to whole London months, so only the first day matters here.
 */
export function trendPeriod(p: Period, interval: 'MONTH' | 'QUARTER'): { from: string; to: string } {
  const [y, m] = p.to.split('-').map(Number);
  const monthsBack = interval === 'MONTH' ? 11 : 21 + ((m - 1) % 3);
  return { from: startOfDay(iso(new Date(Date.UTC(y, m - 1 - monthsBack, 1)))), to: startOfDay(nextDay(p.to)) };
}
