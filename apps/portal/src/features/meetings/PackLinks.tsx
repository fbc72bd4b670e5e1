import { useState } from 'react';
import { saveBlob } from '../../download';
import { getSession } from '../../session';

/**
 * The meeting pack needs the bearer token, which a link cannot send: fetch it, then open or download it
 * from a blob URL, released once the browser has it.
 */
export function PackLinks({ meetingId }: { meetingId: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const fetchPack = async (ext: 'html' | 'pdf'): Promise<Blob | null> => {
    setProblem(null);
    setBusy(true);
    try {
      const token = getSession()?.token;
      const res = await fetch(`/packs/meetings/${meetingId}.${ext}`, {
        headers: token ? { authorization: `Bearer ${token}` } : {},
      });
      if (!res.ok) {
        setProblem('The meeting pack could not be produced. Try again later.');
        return null;
      }
      return await res.blob();
    } catch {
      setProblem('The service could not be reached. Try again.');
      return null;
    } finally {
      setBusy(false);
    }
  };

  const print = async () => {
    const blob = await fetchPack('html');
    if (!blob) return;
    const url = URL.createObjectURL(blob);
    const opened = window.open(url, '_blank');
    if (opened) opened.opener = null;
    else setProblem('Your browser blocked the new window. Allow pop-ups for the portal and try again.');
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  };

  const download = async () => {
    const blob = await fetchPack('pdf');
    if (!blob) return;
    saveBlob(`meeting-pack-${meetingId}.pdf`, blob);
  };

  return (
    <>
      <div className="govuk-button-group">
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={busy}
          data-module="govuk-button"
          onClick={print}
        >
          Print agenda
        </button>
        <button
          type="button"
          className="govuk-button govuk-button--secondary"
          disabled={busy}
          data-module="govuk-button"
          onClick={download}
        >
          Download pack (PDF)
        </button>
      </div>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </>
  );
}
