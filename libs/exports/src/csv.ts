/**
 * RFC 4180 CSV that opens safely in a spreadsheet: every field quoted, quotes doubled, and a leading
 * `= + - @` (or tab, carriage return) neutralised with an apostrophe so no cell runs as a formula.
 */
export function csvRow(fields: readonly (string | number | null | undefined)[]): string {
  return `${fields
    .map((field) => {
      const text = field === null || field === undefined ? '' : String(field);
      const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
      return `"${safe.replaceAll('"', '""')}"`;
    })
    .join(',')}\r\n`;
}
