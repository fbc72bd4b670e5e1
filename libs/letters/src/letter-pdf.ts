import PDFDocument from 'pdfkit';

/**
 * A letter as the person will receive it: the agency's name at the head, then the merged text as written, on
 * A4. Uncompressed, as the portal's other PDFs are, so its words stay checkable by any tool (and by our tests).
 */
export function letterPdf(letter: { title: string; agencyName: string; text: string }): Promise<Buffer> {
  const doc = new PDFDocument({
    compress: false,
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: letter.title, Author: letter.agencyName },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(14).text(letter.agencyName, { align: 'right' });
  doc.moveDown(1.5);
  doc.font('Helvetica').fontSize(11);
  // Blank lines are the writer's paragraphs; pdfkit keeps them when the text is given whole.
  doc.text(letter.text, { lineGap: 2 });
  doc.end();
  return done;
}
