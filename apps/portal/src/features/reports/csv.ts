import { saveBlob } from '../../download';

/** A cell of a CSV file: numbers as they are, text quoted where it must be, nothing for null. */
export type CsvCell = string | number | null | undefined;

/**
 * One field as RFC 4180 has it: quoted when it holds a comma, quote or line break, quotes doubled. Text that a
 * spreadsheet would run as a formula (=, +, -, @, tab, carriage return first) is prefixed with an apostrophe:
 * wards are typed by people, and a CSV that runs what they typed is a hole (OWASP "CSV injection").
 */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  const text = /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows joined with CRLF, as RFC 4180 and Excel expect; the header row first. */
export function toCsv(head: string[], rows: CsvCell[][]): string {
  return [head, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** "cases-by-ward-2026-08-01-to-2026-10-31.csv", with any filter in the name so two files never look alike. */
export function csvFileName(
  name: string,
  period: { from: string; to: string },
  ...filters: (string | undefined)[]
): string {
  const slug = (s: string) =>
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  const parts = [name, ...filters.filter((f): f is string => !!f?.trim()).map(slug), period.from, 'to', period.to];
  return `${parts.filter(Boolean).join('-')}.csv`;
}

/**
 * Saves the CSV from the browser: no round trip, and nothing the page has not already shown. The byte order
 * mark makes Excel read the file as UTF-8 (ward names may have accents).
 */
export function downloadCsv(fileName: string, csv: string): void {
  saveBlob(fileName, new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' }));
}
