import { crc32, deflateSync } from 'node:zlib';
import PDFDocument from 'pdfkit';

/**
 * Tiny files of each kind the portal keeps, made here from their formats' own rules (signatures, chunk
 * lengths and CRCs), so the type detection is tested against real structures rather than magic numbers alone.
 */

const u16be = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const u32be = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32BE(n >>> 0);
  return b;
};
const u16le = (n: number) => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32le = (n: number) => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** A 1×1 PNG: signature, IHDR, a deflated scanline and IEND, each chunk with its CRC. */
export function png(): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    return Buffer.concat([u32be(data.length), body, u32be(crc32(body))]);
  };
  const ihdr = Buffer.concat([u32be(1), u32be(1), Buffer.from([8, 2, 0, 0, 0])]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from([0, 200, 30, 30]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/**
 * An 8×8 mid-grey baseline JPEG: one block whose only coefficient is a zero DC difference, so the entropy-coded
 * data is two one-bit codes (DC category 0, end of block) from one-symbol Huffman tables.
 */
export function jpeg(): Buffer {
  const segment = (marker: number, data: Buffer) =>
    Buffer.concat([Buffer.from([0xff, marker]), u16be(data.length + 2), data]);
  const oneSymbolTable = (classAndId: number) =>
    Buffer.concat([Buffer.from([classAndId, 1]), Buffer.alloc(15), Buffer.from([0])]);
  return Buffer.concat([
    Buffer.from([0xff, 0xd8]),
    segment(
      0xe0,
      Buffer.concat([Buffer.from('JFIF\0', 'latin1'), Buffer.from([1, 1, 0]), u16be(1), u16be(1), Buffer.from([0, 0])]),
    ),
    segment(0xdb, Buffer.concat([Buffer.from([0]), Buffer.alloc(64, 1)])),
    segment(0xc0, Buffer.concat([Buffer.from([8]), u16be(8), u16be(8), Buffer.from([1, 1, 0x11, 0])])),
    segment(0xc4, oneSymbolTable(0x00)),
    segment(0xc4, oneSymbolTable(0x10)),
    segment(0xda, Buffer.from([1, 1, 0x00, 0, 63, 0])),
    Buffer.from([0x3f]),
    Buffer.from([0xff, 0xd9]),
  ]);
}

/** An ISO base media file: its `ftyp` box naming `brand`, then an empty box of `next` type. */
function isoMedia(brand: string, compatible: string[], next: string): Buffer {
  const ftypBody = Buffer.concat([
    Buffer.from(brand, 'latin1'),
    u32be(0),
    ...compatible.map((c) => Buffer.from(c, 'latin1')),
  ]);
  const ftyp = Buffer.concat([u32be(8 + ftypBody.length), Buffer.from('ftyp', 'latin1'), ftypBody]);
  return Buffer.concat([ftyp, u32be(8), Buffer.from(next, 'latin1')]);
}

/** The container of an iPhone photo (HEIC), header only. */
export const heic = () => isoMedia('heic', ['mif1', 'heic'], 'meta');
/** The container of a phone's voice memo (M4A), header only. */
export const m4a = () => isoMedia('M4A ', ['M4A ', 'mp42', 'isom'], 'mdat');

/** A one-page PDF, from the same library the portal prints with. */
export function pdf(): Promise<Buffer> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'A6' });
    const parts: Buffer[] = [];
    doc.on('data', (part: Buffer) => parts.push(part));
    doc.on('end', () => resolve(Buffer.concat(parts)));
    doc.text('Letter from the reporter, 12 May 2026');
    doc.end();
  });
}

/** Three silent MPEG-1 Layer III frames (128 kbit/s, 44.1 kHz: 417 bytes each). */
export const mp3 = () =>
  Buffer.concat([0, 1, 2].map(() => Buffer.concat([Buffer.from([0xff, 0xfb, 0x90, 0x64]), Buffer.alloc(413)])));

/** A hundredth of a second of silence as 16-bit mono PCM at 8 kHz. */
export function wav(): Buffer {
  const samples = Buffer.alloc(160);
  const fmt = Buffer.concat([u16le(1), u16le(1), u32le(8000), u32le(16000), u16le(2), u16le(16)]);
  const body = Buffer.concat([
    Buffer.from('WAVEfmt ', 'latin1'),
    u32le(fmt.length),
    fmt,
    Buffer.from('data', 'latin1'),
    u32le(samples.length),
    samples,
  ]);
  return Buffer.concat([Buffer.from('RIFF', 'latin1'), u32le(body.length), body]);
}

/** Ogg's own CRC (polynomial 0x04c11db7, no reflection), which every page carries. */
function oggCrc(data: Buffer): number {
  let crc = 0;
  for (const byte of data) {
    crc ^= byte << 24;
    for (let i = 0; i < 8; i++) crc = crc & 0x80000000 ? (crc << 1) ^ 0x04c11db7 : crc << 1;
  }
  return crc >>> 0;
}

/** The first page of an Ogg Opus recording: its OpusHead packet, with a correct page CRC. */
export function ogg(): Buffer {
  const head = Buffer.concat([
    Buffer.from('OpusHead', 'latin1'),
    Buffer.from([1, 1]),
    u16le(312),
    u32le(48000),
    u16le(0),
    Buffer.from([0]),
  ]);
  const header = Buffer.concat([
    Buffer.from('OggS', 'latin1'),
    Buffer.from([0, 0x02]),
    Buffer.alloc(8),
    u32le(0x5eed),
    u32le(0),
    u32le(0),
    Buffer.from([1, head.length]),
  ]);
  const page = Buffer.concat([header, head]);
  page.writeUInt32LE(oggCrc(page), 22);
  return page;
}

/** A ZIP of stored (uncompressed) entries, with local headers, a central directory and CRCs. */
function zip(entries: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(entries)) {
    const data = Buffer.from(text, 'utf8');
    const fileName = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const common = Buffer.concat([
      u16le(20),
      u16le(0),
      u16le(0),
      u16le(0),
      u16le(0x21),
      u32le(crc),
      u32le(data.length),
      u32le(data.length),
      u16le(fileName.length),
      u16le(0),
    ]);
    const local = Buffer.concat([u32le(0x04034b50), common, fileName, data]);
    centrals.push(
      Buffer.concat([
        u32le(0x02014b50),
        u16le(20),
        common,
        u16le(0),
        u16le(0),
        u16le(0),
        u32le(0),
        u32le(offset),
        fileName,
      ]),
    );
    locals.push(local);
    offset += local.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.concat([
    u32le(0x06054b50),
    u16le(0),
    u16le(0),
    u16le(centrals.length),
    u16le(centrals.length),
    u32le(directory.length),
    u32le(offset),
    u16le(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}

const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="PART"/></Relationships>`;
const contentTypes = (part: string, type: string) => `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/${part}" ContentType="${type}"/></Types>`;

/** A diary sheet as a Word document: the parts a DOCX needs to open. */
export const docx = () =>
  zip({
    '[Content_Types].xml': contentTypes(
      'word/document.xml',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml',
    ),
    '_rels/.rels': RELS.replace('PART', 'word/document.xml'),
    'word/document.xml':
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>12 May: music until 02:00</w:t></w:r></w:p></w:body></w:document>',
  });

/** A diary sheet as a spreadsheet. */
export const xlsx = () =>
  zip({
    '[Content_Types].xml': contentTypes(
      'xl/workbook.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
    ),
    '_rels/.rels': RELS.replace('PART', 'xl/workbook.xml'),
    'xl/workbook.xml':
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Diary" sheetId="1"/></sheets></workbook>',
  });

/** A plain ZIP archive: a container, not a document. */
export const plainZip = () => zip({ 'notes.txt': 'not a document' });

/** The start of a Linux executable (ELF, x86-64). */
export const elf = () =>
  Buffer.concat([
    Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]),
    Buffer.alloc(8),
    u16le(2),
    u16le(0x3e),
    u32le(1),
    Buffer.alloc(40),
  ]);

/** The start of a Windows executable (MZ, with a PE header where it points). */
export const exe = () => {
  const file = Buffer.alloc(256);
  file.write('MZ', 0, 'latin1');
  file.writeUInt32LE(0x80, 0x3c);
  file.write('PE\0\0', 0x80, 'latin1');
  return file;
};
