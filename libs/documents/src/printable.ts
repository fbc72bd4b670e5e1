import { createHash } from 'node:crypto';
import PDFDocument from 'pdfkit';

/**
 * Printable documents (a meeting pack, a case summary): the same sections rendered as a self-contained HTML
 * page with print CSS and as a PDF, so both say the same thing, with a protective marking on every page.
 */
export interface Section {
  heading: string;
  rows: [string, string][];
  paragraphs: { label: string; text: string; marking?: string }[];
  lists: { label: string; items: string[] }[];
}

/** Dates and enum values as a reader of a printed page reads them (London time). */
export const printedDay = (iso: string | null | undefined) =>
  iso ? new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/London', dateStyle: 'medium' }) : '—';
export const printedTime = (iso: string | null | undefined, dateStyle: 'medium' | 'long' = 'medium') =>
  iso ? new Date(iso).toLocaleString('en-GB', { timeZone: 'Europe/London', dateStyle, timeStyle: 'short' }) : '—';
/** DOMESTIC_ABUSE → "Domestic abuse". */
export const printedWords = (value: string) => {
  const text = value.toLowerCase().replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};

/** 2048 → "2.0 KB": the units a file manager shows, so a reader can match a file to its listing. */
export const printedSize = (bytes: number) =>
  bytes < 1024
    ? `${bytes} bytes`
    : bytes < 1024 * 1024
      ? `${(bytes / 1024).toFixed(1)} KB`
      : `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/** What a document shows where a field is withheld from its reader. */
export const WITHHELD = 'withheld';

/** The printable page's own style, inline so a saved document keeps it; its hash lets the web app's policy allow it. */
export const PRINT_STYLE = `
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
export const PRINT_STYLE_HASH = `sha256-${createHash('sha256').update(PRINT_STYLE).digest('base64')}`;

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function printableHtml(title: string, sections: Section[], marking: string): string {
  const body = sections
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
<title>${escape(title)}</title>
<style>${PRINT_STYLE}</style>
</head>
<body>
<header class="marking">${escape(marking)}</header>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
<footer class="marking">${escape(marking)}</footer>
</body>
</html>
`;
}

export function printablePdf(title: string, sections: Section[], marking: string): Promise<Buffer> {
  // Uncompressed: these documents are a few pages, and their text stays checkable by any tool (and by our tests).
  const doc = new PDFDocument({
    compress: false,
    size: 'A4',
    margins: { top: 72, bottom: 72, left: 56, right: 56 },
    bufferPages: true,
    info: { Title: title },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.font('Helvetica-Bold').fontSize(18).text(title);
  for (const section of sections) {
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
      doc
        .font('Helvetica-Bold')
        .fontSize(8)
        .fillColor('#d4351c')
        .text(marking, 56, y, { width: doc.page.width - 112, align: 'center', lineBreak: true });
    }
    doc.fillColor('black');
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
