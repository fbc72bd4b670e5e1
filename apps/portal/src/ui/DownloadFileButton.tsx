import { useState, type ReactNode } from 'react';
import { fetchFile, saveBlob } from '../download';

/** A button that downloads a file the API makes for the signed-in user, saying so if it cannot. */
export function DownloadFileButton({
  path,
  fallbackName,
  children,
  hint,
}: {
  path: string;
  fallbackName: string;
  children: ReactNode;
  hint?: string;
}) {
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const hintId = hint ? `hint-${fallbackName.replace(/\W+/g, '-')}` : undefined;

  const download = async () => {
    setProblem(null);
    setBusy(true);
    const got = await fetchFile(path, fallbackName);
    setBusy(false);
    if ('problem' in got) setProblem(got.problem);
    else saveBlob(got.fileName, got.blob);
  };

  return (
    <div className="app-download">
      {hint && (
        <p className="govuk-hint" id={hintId}>
          {hint}
        </p>
      )}
      <button
        type="button"
        className="govuk-button govuk-button--secondary"
        disabled={busy}
        aria-describedby={hintId}
        data-module="govuk-button"
        onClick={download}
      >
        {children}
      </button>
      {problem && (
        <p className="govuk-error-message" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
