/** After this many failed attempts a message is left unsent, with its last error, for someone to look at. */
export const MAX_ATTEMPTS = 10;

/**
 * Seconds before trying a message again after its `attempts`-th attempt failed: a minute, doubling, at most six
 * hours (a mail server down overnight is retried through the night, not hammered); null once MAX_ATTEMPTS is spent.
 */
export function retryDelaySeconds(attempts: number): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.min(60 * 2 ** Math.max(0, attempts - 1), 6 * 3600);
}

/**
 * A header value must stay one line: a CR or LF in an address or subject would let whoever typed it add headers
 * (a Bcc to themselves). Nodemailer folds them too; this refuses them before anything is stored.
 */
export function isOneLine(value: string): boolean {
  return !/[\r\n]/.test(value);
}

/** An extra header: a plain name (not one the transport sets itself) and a one-line value. */
export function isHeader(name: string, value: string): boolean {
  return /^[A-Za-z][A-Za-z0-9-]{0,60}$/.test(name) && !RESERVED_HEADERS.has(name.toLowerCase()) && isOneLine(value);
}

const RESERVED_HEADERS = new Set(['from', 'to', 'cc', 'bcc', 'subject', 'date', 'sender', 'reply-to', 'message-id']);

/** What an error says about a failed send, short enough to keep, with no credentials from a URL in it. */
export function describeFailure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\/\/[^@\s/]*@/g, '//…@').slice(0, 500);
}
