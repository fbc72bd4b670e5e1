import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { AlertKind } from '#libs/alerts';

/** How a user is told of one kind of alert by email. */
export enum NotificationDelivery {
  OFF = 'OFF',
  IMMEDIATE = 'IMMEDIATE',
  DIGEST = 'DIGEST',
}

/** The zone a digest's time is read in, whatever the server's own. */
export const DIGEST_TIME_ZONE = 'Europe/London';
export const DEFAULT_DIGEST = { hour: 8, minute: 0 } as const;

/**
 * What a user who chose nothing gets: what needs acting on today at once (a case now at high risk, an action given
 * to their agency), the rest once a day. RISK_ESCALATED sent "immediately" means escalations to HIGH: a rise to
 * MEDIUM is not worth an interruption, and goes in the digest instead (escalationIsUrgent).
 */
export const DEFAULT_DELIVERY: Readonly<Record<AlertKind, NotificationDelivery>> = {
  [AlertKind.CASE_SHARED]: NotificationDelivery.DIGEST,
  [AlertKind.INCIDENT_LOGGED]: NotificationDelivery.DIGEST,
  [AlertKind.RISK_ESCALATED]: NotificationDelivery.IMMEDIATE,
  [AlertKind.ACTION_ASSIGNED]: NotificationDelivery.IMMEDIATE,
  [AlertKind.ACTION_OVERDUE]: NotificationDelivery.DIGEST,
  [AlertKind.CASE_UPDATED]: NotificationDelivery.DIGEST,
  [AlertKind.CASE_CLOSED]: NotificationDelivery.DIGEST,
  [AlertKind.SERVICE_STANDARD_BREACHED]: NotificationDelivery.DIGEST,
  [AlertKind.AGENDA_PUBLISHED]: NotificationDelivery.DIGEST,
  [AlertKind.CASE_TRANSFERRED]: NotificationDelivery.IMMEDIATE,
  [AlertKind.CASE_REVIEW_OVERDUE]: NotificationDelivery.IMMEDIATE,
};

/** The risk an escalation must reach to be mailed at once; lower ones wait for the digest. */
export const URGENT_RISK = 'HIGH';

export const ALL_KINDS = Object.values(AlertKind);

/** Each kind in words, as a mail's subject and a portal label say it. */
export const KIND_WORDS: Readonly<Record<AlertKind, string>> = {
  [AlertKind.CASE_SHARED]: 'Case shared',
  [AlertKind.INCIDENT_LOGGED]: 'Incident logged',
  [AlertKind.RISK_ESCALATED]: 'Risk escalated',
  [AlertKind.ACTION_ASSIGNED]: 'Action given to your agency',
  [AlertKind.ACTION_OVERDUE]: 'Action overdue',
  [AlertKind.CASE_UPDATED]: 'Case updated',
  [AlertKind.CASE_CLOSED]: 'Case closed',
  [AlertKind.SERVICE_STANDARD_BREACHED]: 'Service standard missed',
  [AlertKind.AGENDA_PUBLISHED]: 'Meeting agenda published',
  [AlertKind.CASE_TRANSFERRED]: 'Case transferred to another agency',
  [AlertKind.CASE_REVIEW_OVERDUE]: 'Case Review step overdue',
};

/** The user's own choices over the defaults: every kind, each with how it is delivered and whether it was chosen. */
export function effectiveDeliveries(
  chosen: Readonly<Record<string, string>>,
): { kind: AlertKind; delivery: NotificationDelivery; chosen: boolean }[] {
  return ALL_KINDS.map((kind) => {
    const value = chosen[kind];
    const valid = value !== undefined && (Object.values(NotificationDelivery) as string[]).includes(value);
    return { kind, delivery: valid ? (value as NotificationDelivery) : DEFAULT_DELIVERY[kind], chosen: valid };
  });
}

// Unsubscribe links

/**
 * The key unsubscribe links are signed with: HKDF-SHA256 of the portal's key material for this purpose alone, so it
 * is neither the material nor any other purpose's key.
 */
export function unsubscribeKey(material: string): Buffer {
  return Buffer.from(hkdfSync('sha256', material, '', 'partnership-portal notification unsubscribe', 32));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const mac = (key: Buffer, userId: string, kind: AlertKind) =>
  createHmac('sha256', key).update(`unsubscribe\0${userId}\0${kind}`).digest();

/**
 * `<user id>.<kind>.<HMAC>`: it names whose setting and which kind, and the HMAC binds both, so changing either (or
 * the HMAC) makes a token that is refused. It turns one kind off and nothing else, so it needs no expiry.
 */
export function unsubscribeToken(key: Buffer, userId: string, kind: AlertKind): string {
  return `${userId}.${kind}.${mac(key, userId, kind).toString('base64url')}`;
}

/** Whose setting and which kind a token turns off; null for anything not signed with `key`. */
export function readUnsubscribeToken(key: Buffer, token: string): { userId: string; kind: AlertKind } | null {
  const [userId, kind, signature, ...rest] = token.split('.');
  if (rest.length || !userId || !kind || !signature) return null;
  if (!UUID.test(userId) || !(ALL_KINDS as string[]).includes(kind) || !/^[A-Za-z0-9_-]{43}$/.test(signature))
    return null;
  const expected = mac(key, userId, kind as AlertKind);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: kind as AlertKind };
}

// Mail

/** What a mail may say of an alert: the case's reference and where to open it. Never a name, address or note. */
export interface NoticeItem {
  kind: AlertKind;
  caseId: string | null;
  meetingId: string | null;
  reference: string | null;
  count: number;
}

export interface MailLinks {
  publicUrl: string;
  /** The unsubscribe URL for a kind. */
  unsubscribe: (kind: AlertKind) => string;
}

export interface NoticeMail {
  subject: string;
  text: string;
  headers: Record<string, string>;
}

function subjectOf(item: NoticeItem): string {
  return item.reference ? `${KIND_WORDS[item.kind]}: case ${item.reference}` : KIND_WORDS[item.kind];
}

function linkOf(item: NoticeItem, publicUrl: string): string | null {
  if (item.caseId) return `${publicUrl}/cases/${item.caseId}`;
  if (item.meetingId) return `${publicUrl}/meetings/${item.meetingId}`;
  return null;
}

/** RFC 8058: mail clients offer "unsubscribe", and POST to the URL without asking anything more. */
const oneClick = (url: string) => ({
  'List-Unsubscribe': `<${url}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

const FOOTER = (links: MailLinks) =>
  `Email is not a secure channel, so this message carries no names, addresses or notes: sign in to read the case.
Choose which alerts you are emailed, and when: ${links.publicUrl}/account/notifications`;

/** One alert, sent at once. */
export function immediateMail(item: NoticeItem, links: MailLinks): NoticeMail {
  const link = linkOf(item, links.publicUrl);
  const what = item.reference
    ? `${KIND_WORDS[item.kind]} on case ${item.reference}.`
    : `${KIND_WORDS[item.kind]} for a meeting your agency attends.`;
  const unsubscribe = links.unsubscribe(item.kind);
  return {
    subject: subjectOf(item),
    text: `${what}

${link ? `Open it in the partnership portal: ${link}\n\n` : ''}${FOOTER(links)}
Stop emails about "${KIND_WORDS[item.kind]}": ${unsubscribe}
`,
    headers: oneClick(unsubscribe),
  };
}

/** The day's alerts in one message, grouped by case (or meeting), each kind with how many. */
export function digestMail(items: readonly NoticeItem[], links: MailLinks): NoticeMail {
  const groups = new Map<string, NoticeItem[]>();
  for (const item of items) {
    const key = item.caseId ?? `meeting:${item.meetingId}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  const total = items.reduce((sum, item) => sum + item.count, 0);
  const sections = [...groups.values()].map((group) => {
    const first = group[0];
    const title = first.reference ? `Case ${first.reference}` : 'A meeting your agency attends';
    const lines = group.map((item) => `  - ${KIND_WORDS[item.kind]}${item.count > 1 ? ` (${item.count})` : ''}`);
    const link = linkOf(first, links.publicUrl);
    return `${title}\n${lines.join('\n')}${link ? `\n  ${link}` : ''}`;
  });
  const kinds = [...new Set(items.map((item) => item.kind))];
  return {
    subject: `Your daily alerts: ${total} ${total === 1 ? 'alert' : 'alerts'} in the partnership portal`,
    text: `Alerts since your last summary, on what your agency may see now:

${sections.join('\n\n')}

${FOOTER(links)}
${kinds.map((kind) => `Stop emails about "${KIND_WORDS[kind]}": ${links.unsubscribe(kind)}`).join('\n')}
`,
    // A digest may hold several kinds: one click turns off the first, the body offers each.
    headers: kinds.length === 1 ? oneClick(links.unsubscribe(kinds[0])) : {},
  };
}
