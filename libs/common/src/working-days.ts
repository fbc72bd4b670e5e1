/**
 * Bank holidays in England and Wales (GOV.UK), 2024–2030. The portal runs without internet access, so the
 * list is kept here; extend it before 2031.
 */
const BANK_HOLIDAYS = new Set([
  '2024-01-01',
  '2024-03-29',
  '2024-04-01',
  '2024-05-06',
  '2024-05-27',
  '2024-08-26',
  '2024-12-25',
  '2024-12-26',
  '2025-01-01',
  '2025-04-18',
  '2025-04-21',
  '2025-05-05',
  '2025-05-26',
  '2025-08-25',
  '2025-12-25',
  '2025-12-26',
  '2026-01-01',
  '2026-04-03',
  '2026-04-06',
  '2026-05-04',
  '2026-05-25',
  '2026-08-31',
  '2026-12-25',
  '2026-12-28',
  '2027-01-01',
  '2027-03-26',
  '2027-03-29',
  '2027-05-03',
  '2027-05-31',
  '2027-08-30',
  '2027-12-27',
  '2027-12-28',
  '2028-01-03',
  '2028-04-14',
  '2028-04-17',
  '2028-05-01',
  '2028-05-29',
  '2028-08-28',
  '2028-12-25',
  '2028-12-26',
  '2029-01-01',
  '2029-03-30',
  '2029-04-02',
  '2029-05-07',
  '2029-05-28',
  '2029-08-27',
  '2029-12-25',
  '2029-12-26',
  '2030-01-01',
  '2030-04-19',
  '2030-04-22',
  '2030-05-06',
  '2030-05-27',
  '2030-08-26',
  '2030-12-25',
  '2030-12-26',
]);

/** The calendar day in England (YYYY-MM-DD) of a moment, whatever the server's zone. */
export const londonDate = (date: Date): string => date.toLocaleDateString('en-CA', { timeZone: 'Europe/London' });

export function isWorkingDay(date: Date): boolean {
  const weekday = new Date(`${londonDate(date)}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !BANK_HOLIDAYS.has(londonDate(date));
}

/**
 * The moment `days` working days after `from`: the same time of day, counted over weekdays that are not
 * bank holidays. A report made on a Friday afternoon is due by Monday afternoon; one made on a Saturday
 * counts from Monday morning's start of business, so it is due by Tuesday.
 */
export function addWorkingDays(from: Date, days: number): Date {
  let at = new Date(from);
  if (!isWorkingDay(at)) {
    while (!isWorkingDay(at)) at = new Date(at.getTime() + 24 * 3600 * 1000);
    at = new Date(`${londonDate(at)}T09:00:00${londonOffset(at)}`);
  }
  let remaining = days;
  while (remaining > 0) {
    at = new Date(at.getTime() + 24 * 3600 * 1000);
    if (isWorkingDay(at)) remaining--;
  }
  return at;
}

function londonOffset(date: Date): string {
  const name = date.toLocaleString('en-GB', { timeZone: 'Europe/London', timeZoneName: 'short' });
  return name.endsWith('BST') ? '+01:00' : '+00:00';
}

/**
 * The start of `date`'s day in London, as an instant. Midnight is never skipped or doubled there (the clocks
 * change at 1am UTC), so the offset at that day's 00:00 UTC is the offset at its midnight.
 */
export function londonDayStart(date: Date): Date {
  const day = londonDate(date);
  return new Date(`${day}T00:00:00${londonOffset(new Date(`${day}T00:00:00Z`))}`);
}
