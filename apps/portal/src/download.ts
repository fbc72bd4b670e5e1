import { getSession } from './session';

/**
 * Files the API makes (exports, packs) need the bearer token, which a plain link cannot send: fetch them,
 * then hand the browser a blob to save.
 */
export type Fetched = { blob: Blob; fileName: string } | { problem: string };

/** GET a file from the API as the signed-in user. The file name is the server's, else `fallbackName`. */
export async function fetchFile(path: string, fallbackName: string): Promise<Fetched> {
  try {
    const token = getSession()?.token;
    const res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    if (res.status === 401) return { problem: 'Your session has ended. Sign in again, then download the file.' };
    if (!res.ok) return { problem: 'The file could not be produced. Try again later.' };
    const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
    return { blob: await res.blob(), fileName: named?.[1] ?? fallbackName };
  } catch {
    return { problem: 'The service could not be reached. Try again.' };
  }
}

/** Saves a blob under a file name, as a download; the URL is released once the browser has it. */
export function saveBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
