import { getSession } from './session';

/** What the API said about an upload it refused: its status and, where it sent JSON, the error's code, field and words. */
export interface UploadRefusal {
  status: number;
  code?: string;
  field?: string;
  message?: string;
}

export type Uploaded<T> = { ok: true; body: T } | { ok: false; refusal: UploadRefusal };

/**
 * POSTs one file as multipart/form-data (field `file`) with the bearer token, reporting progress as a fraction
 * from 0 to 1. XMLHttpRequest rather than fetch: only it reports how much of the body has been sent.
 */
export function uploadFile<T>(path: string, file: File, onProgress: (fraction: number) => void): Promise<Uploaded<T>> {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append('file', file, file.name);
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    const token = getSession()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.responseType = 'text';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onload = () => {
      let json: unknown = null;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        json = null;
      }
      if (xhr.status >= 200 && xhr.status < 300 && json) return resolve({ ok: true, body: json as T });
      const said = (json ?? {}) as { code?: unknown; field?: unknown; message?: unknown };
      resolve({
        ok: false,
        refusal: {
          status: xhr.status,
          code: typeof said.code === 'string' ? said.code : undefined,
          field: typeof said.field === 'string' ? said.field : undefined,
          message: typeof said.message === 'string' ? said.message : undefined,
        },
      });
    };
    // The connection failed or was cut (status 0): nothing the API said.
    xhr.onerror = () => resolve({ ok: false, refusal: { status: 0 } });
    xhr.onabort = () => resolve({ ok: false, refusal: { status: 0 } });
    xhr.send(body);
  });
}
