import type { IncomingHttpHeaders } from 'node:http';

export interface MailFile {
  headers: Record<string, string>;
  text: string;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** This machine, asking directly: a proxy on the same machine forwards others' requests, and says so in a header. */
export function isLoopbackOnly(peer: string | undefined, headers: IncomingHttpHeaders): boolean {
  return peer !== undefined && LOOPBACK.has(peer) && !headers['x-forwarded-for'] && !headers.forwarded;
}

/** A file as the file transport writes it: header lines, a blank line, the text. */
export function parseMailFile(content: string): MailFile {
  const split = content.indexOf('\n\n');
  const head = split < 0 ? content : content.slice(0, split);
  const headers: Record<string, string> = {};
  for (const line of head.split('\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, text: split < 0 ? '' : content.slice(split + 2) };
}

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Links made clickable after escaping, so a message's text can add no markup of its own. */
const withLinks = (escaped: string) => escaped.replace(/https?:\/\/[^\s<&]+/g, (url) => `<a href="${url}">${url}</a>`);

export function renderMailPage(messages: readonly MailFile[], dir: string): string {
  const items = messages
    .map(
      (m) => `<article>
<h2>${escape(m.headers.subject ?? '(no subject)')}</h2>
<p>To: ${escape(m.headers.to ?? '')}<br>Date: ${escape(m.headers.date ?? '')}</p>
<pre>${withLinks(escape(m.text))}</pre>
</article>`,
    )
    .join('\n<hr>\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Mail written to files (development)</title></head>
<body>
<h1>Mail written to files</h1>
<p>No SMTP_URL is set, so the portal writes each message to ${escape(dir)} instead of sending it. This page exists only outside production, and only for this machine.</p>
${items || '<p>No mail yet.</p>'}
</body></html>`;
}
