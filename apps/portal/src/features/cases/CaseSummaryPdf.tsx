import { DownloadFileButton } from '../../ui/DownloadFileButton';
import type { CaseData } from './CasePage';

/** The case summary for a court bundle: the reader's own view of the case, withheld fields marked, the download audited. */
export function CaseSummaryPdf({ c }: { c: CaseData }) {
  return (
    <DownloadFileButton
      path={`/exports/cases/${c.id}.pdf`}
      fallbackName={`case-summary-${c.reference}.pdf`}
      hint="For a court bundle or a partner meeting. It shows what your agency may see, is marked OFFICIAL-SENSITIVE, and the download is recorded in the case's audit trail."
    >
      Download case summary (PDF)
    </DownloadFileButton>
  );
}
