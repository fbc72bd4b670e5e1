import { downloadCsv, toCsv, type CsvCell } from './csv';

/** "Download CSV" under a table; the hidden words tell a screen reader which table, the visible ones stay short. */
export function DownloadCsvButton({
  what,
  fileName,
  head,
  rows,
}: {
  what: string;
  fileName: string;
  head: string[];
  rows: CsvCell[][];
}) {
  return (
    <button
      type="button"
      className="govuk-button govuk-button--secondary"
      data-module="govuk-button"
      onClick={() => downloadCsv(fileName, toCsv(head, rows))}
    >
      Download CSV<span className="govuk-visually-hidden"> of {what}</span>
    </button>
  );
}
