import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';

/**
 * The meeting pack: the agenda, each item's case material, research, actions and minutes, as the reader
 * may see them. It is built from one GraphQL query run as the reader (meeting-pack.controller.ts), so it can
 * hold nothing that the reader's own `meeting(id)` would not return; withheld fields are said to be withheld.
 */
export const PACK_QUERY = `query MeetingPack($id: ID!) { meeting(id: $id) {
  id kind title startsAt publishedAt closedAt confidentialityAgreed confidentialityStatement
  chair { displayName } agencies { id name }
  attendance { displayName agencyId status informationSent }
  agenda {
    position reason dashScore concerns minutes referredByAgency { name }
    case { id reference category riskLevel ward summary access redactedFields address
           parties { role fullName dateOfBirth redactedFields } }
    research { agencyId summary }
    actions { description dueAt status ownerAgency { name } }
    actionsNotDone { description dueAt status ownerAgency { name } }
    actionsNoLongerNeeded { description ownerAgency { name } }
  }
} }`;

/** The printable page's own style, inline so a saved pack keeps it; its hash lets the web app's policy allow it. */
export const PACK_STYLE = `
  body { font: 11pt/1.45 Arial, Helvetica, sans-serif; color: #0b0c0c; margin: 2rem auto; max-width: 48rem; padding: 0 1rem; }
  .marking { border: 2px solid #d4351c; color: #d4351c; font-weight: bold; padding: .4rem .6rem; }
  header.marking, footer.marking { text-align: center; }
  h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; border-bottom: 1px solid #b1b4b6; padding-bottom: .2rem; margin-top: 2rem; } h3 { font-size: 1rem; margin-bottom: .2rem; }
  dl { display: grid; grid-template-columns: 12rem 1fr; gap: .2rem 1rem; } dt { font-weight: bold; } dd { margin: 0; }
  .withheld { color: #505a5f; font-style: italic; }
  @media print {
    body { margin: 0; max-width: none; }
    header.marking { position: fixed; top: 0; left: 0; right: 0; }
    footer.marking { position: fixed; bottom: 0; left: 0; right: 0; }
    main { margin: 3rem 0; }
    section { break-inside: avoid-page; }
    @page { margin: 2.2cm 1.8cm; }
  }
`;
export const PACK_STYLE_HASH = `sha256-${createHash('sha256').update(PACK_STYLE).digest('base64')}`;

export const PACK_MARKING = 'OFFICIAL-SENSITIVE — CONFIDENTIAL MEETING MATERIAL. Not to be shared without the agreement of the agency that provided it.';
const MINUTES_MARKING = 'CONFIDENTIAL — minutes restricted to the meeting’s attendees';

interface PackAction {
  description: string;
  dueAt?: string | null;
  status?: string;
  ownerAgency: { name: string };
}
export interface PackMeeting {
  id: string;
  kind: string;
  title: string;
  startsAt: string;
  publishedAt: string | null;
  closedAt: string | null;
  confidentialityAgreed: boolean;
  confidentialityStatement: string;
  chair: { displayName: string };
  agencies: { id: string; name: string }[];
  attendance: { displayName: string; agencyId: string; status: string; informationSent: string | null }[];
  agenda: {
    position: number;
    reason: string;
    dashScore: number | null;
    concerns: string | null;
    minutes: string | null;
    referredByAgency: { name: string };
    case: {
      id: string;
      reference: string;
      category: string;
      riskLevel: string;
      ward: string;
      summary: string;
      access: string;
      redactedFields: string[];
      address: string | null;
      parties: { role: string; fullName: string | null; dateOfBirth: string | null; redactedFields: string[] }[];
    } | null;
    research: { agencyId: string; summary: string }[] | null;
    actions: PackAction[] | null;
    actionsNotDone: PackAction[] | null;
    actionsNoLongerNeeded: PackAction[] | null;
  }[];
}

const WITHHELD = 'withheld';
const date = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle: 'long', timeStyle: 'short' }) : '—';
const day = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' }) : '—');
const words = (value: string) => {
  const text = value.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
const LABELS: Record<string, string> = {
  DASH_THRESHOLD: 'DASH score of 14 or more',
  PROFESSIONAL_JUDGEMENT: 'Professional judgement',
  ESCALATION: 'Escalation: 3 or more incidents in 12 months',
  REPEAT_REFERRAL: 'Repeat referral within 12 months',
  OWNER: 'Your agency owns the case',
  FULL: 'Full share',
  LIMITED: 'Limited: no personal identifiers',
  MARAC: 'MARAC',
  ASB_PANEL: 'ASB panel',
  CASE_REVIEW: 'ASB Case Review',
};
const label = (value: string) => LABELS[value] ?? words(value);

/** The pack as lines of sections, shared by the HTML and the PDF so both say the same thing. */
interface Section {
  heading: string;
  rows: [string, string][];
  paragraphs: { label: string; text: string; marking?: string }[];
  lists: { label: string; items: string[] }[];
}

function sections(meeting: PackMeeting): Section[] {
  const agencyName = new Map(meeting.agencies.map((a) => [a.id, a.name]));
  const action = (a: PackAction) => `${a.ownerAgency.name}: ${a.description}${a.dueAt ? ` (due ${day(a.dueAt)})` : ''}${a.status ? ` — ${words(a.status)}` : ''}`;
  const overview: Section = {
    heading: `${meeting.title}`,
    rows: [
      ['Meeting', label(meeting.kind)],
      ['Starts', date(meeting.startsAt)],
      ['Chair', meeting.chair.displayName],
      ['Agenda published', date(meeting.publishedAt)],
      ['Attending agencies', meeting.agencies.map((a) => a.name).join(', ')],
    ],
    paragraphs: [{ label: 'Confidentiality statement', text: meeting.confidentialityStatement }],
    lists: [
      {
        label: 'Attendance',
        items: meeting.attendance.length
          ? meeting.attendance.map(
              (a) => `${a.displayName} (${agencyName.get(a.agencyId) ?? 'agency'}): ${words(a.status)}${a.informationSent ? ` — sent: ${a.informationSent}` : ''}`,
            )
          : ['Not recorded yet'],
      },
    ],
  };
  const items = meeting.agenda.map((item): Section => {
    const kase = item.case;
    const material = kase !== null;
    const rows: [string, string][] = [
      ['Reason for referral', label(item.reason)],
      ['DASH score', item.dashScore === null ? '—' : String(item.dashScore)],
      ['Referred by', item.referredByAgency.name],
    ];
    if (kase) {
      rows.push(
        ['Case', `${kase.reference} (${words(kase.category)}, ${kase.riskLevel.toLowerCase()} risk, ${kase.ward})`],
        ['Your access', label(kase.access)],
        ['Address', kase.address ?? WITHHELD],
      );
      for (const party of kase.parties) {
        rows.push([words(party.role), `${party.fullName ?? WITHHELD}${party.dateOfBirth ? `, born ${day(party.dateOfBirth)}` : party.redactedFields.includes('dateOfBirth') ? ', date of birth withheld' : ''}`]);
      }
    }
    return {
      heading: `Item ${item.position}${kase ? `: ${kase.reference}` : ''}`,
      rows,
      paragraphs: material
        ? [
            { label: 'Summary', text: kase.summary },
            ...(item.concerns ? [{ label: 'Concerns', text: item.concerns }] : []),
            ...(item.minutes ? [{ label: 'Minutes', text: item.minutes, marking: MINUTES_MARKING }] : []),
          ]
        : [{ label: 'Case material', text: 'Not in your pack: agree the confidentiality statement in the portal while the material is open.' }],
      lists: material
        ? [
            { label: 'Research', items: (item.research ?? []).map((r) => `${agencyName.get(r.agencyId) ?? 'Agency'}: ${r.summary}`) },
            { label: 'Actions agreed', items: (item.actions ?? []).map(action) },
            { label: 'Earlier actions not done', items: (item.actionsNotDone ?? []).map(action) },
            { label: 'Earlier actions no longer needed', items: (item.actionsNoLongerNeeded ?? []).map(action) },
          ].filter((list) => list.items.length > 0)
        : [],
    };
  });
  return [overview, ...items];
}

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A self-contained page (no external resources) with print CSS: the marking repeats on every printed page. */
export function packHtml(meeting: PackMeeting): string {
  const body = sections(meeting)
    .map(
      (section) => `<section>
  <h2>${escape(section.heading)}</h2>
  <dl>${section.rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd${v === WITHHELD ? ' class="withheld"' : ''}>${escape(v)}</dd>`).join('')}</dl>
  ${section.paragraphs.map((p) => `${p.marking ? `<p class="marking">${escape(p.marking)}</p>` : ''}<h3>${escape(p.label)}</h3><p>${escape(p.text)}</p>`).join('\n  ')}
  ${section.lists.map((l) => `<h3>${escape(l.label)}</h3><ul>${l.items.map((i) => `<li>${escape(i)}</li>`).join('')}</ul>`).join('\n  ')}
</section>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex">
<title>${escape(meeting.title)} — meeting pack</title>
<style>${PACK_STYLE}</style>
</head>
<body>
<header class="marking">${escape(PACK_MARKING)}</header>
<main>
<h1>${escape(meeting.title)}: meeting pack</h1>
${body}
</main>
<footer class="marking">${escape(PACK_MARKING)}</footer>
</body>
</html>
`;
}

/** The same pack as a PDF, the marking in the header and footer of every page. */
export function packPdf(meeting: PackMeeting): Promise<Buffer> {
  // Uncompressed: a pack is a few pages, and its text stays checkable by any tool (and by our tests).
  const doc = new PDFDocument({ compress: false, size: 'A4', margins: { top: 72, bottom: 72, left: 56, right: 56 }, bufferPages: true, info: { Title: `${meeting.title} — meeting pack` } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(`${meeting.title}: meeting pack`);
  for (const section of sections(meeting)) {
    doc.moveDown(1).font('Helvetica-Bold').fontSize(13).text(section.heading);
    doc.moveDown(0.3);
    for (const [label, value] of section.rows) {
      doc.font('Helvetica-Bold').fontSize(10).text(`${label}: `, { continued: true });
      doc.font(value === WITHHELD ? 'Helvetica-Oblique' : 'Helvetica').text(value);
    }
    for (const p of section.paragraphs) {
      doc.moveDown(0.5);
      if (p.marking) doc.font('Helvetica-Bold').fontSize(9).fillColor('#d4351c').text(p.marking).fillColor('black');
      doc.font('Helvetica-Bold').fontSize(10).text(p.label);
      doc.font('Helvetica').text(p.text);
    }
    for (const list of section.lists) {
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(10).text(list.label);
      doc.font('Helvetica').list(list.items, { bulletRadius: 1.5 });
    }
  }
  const range = doc.bufferedPageRange();
  for (let page = range.start; page < range.start + range.count; page++) {
    doc.switchToPage(page);
    // Writing inside the margins would otherwise start a new page.
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    for (const y of [28, doc.page.height - 52]) {
      doc.font('Helvetica-Bold').fontSize(8).fillColor('#d4351c').text(PACK_MARKING, 56, y, { width: doc.page.width - 112, align: 'center', lineBreak: true });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
