import type { AlertKind } from '#libs/alerts';
import { KIND_WORDS } from './notifications.rules.js';

const escape = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A page of its own (no script, no style: the portal's policy allows neither inline), in plain words. */
function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${escape(title)} – Partnership portal</title></head>
<body><main><h1>${escape(title)}</h1>
${body}
</main></body>
</html>`;
}

/**
 * Asks before changing anything: a GET changes nothing, so a mail scanner or a link preview that follows the link
 * turns nothing off. The button posts to the same address (as RFC 8058's one-click POST does).
 */
export function confirmPage(kind: AlertKind, action: string): string {
  return page(
    'Stop these emails?',
    `<p>You will no longer be emailed about “${escape(KIND_WORDS[kind])}”. Other kinds of alert stay as they are.</p>
<form method="post" action="${escape(action)}"><button type="submit">Stop these emails</button></form>
<p><a href="/account/notifications">Choose which alerts you are emailed</a> (you will need to sign in).</p>`,
  );
}

export function donePage(kind: AlertKind): string {
  return page(
    'You will not be emailed about these any more',
    `<p>Emails about “${escape(KIND_WORDS[kind])}” are off. You can turn them on again from <a href="/account/notifications">your email notifications</a>.</p>`,
  );
}

export function refusedPage(): string {
  return page(
    'This link does not work',
    `<p>The link may have been copied wrongly. Sign in and choose which alerts you are emailed from <a href="/account/notifications">your email notifications</a>.</p>`,
  );
}
