import { fileTypeFromFile } from 'file-type';
import { UnsupportedTypeError } from '#libs/common';

/**
 * What the portal keeps, by what the bytes are (file-type reads the file's own signature, and opens a ZIP to
 * tell a Word document from a spreadsheet or an archive): photos, PDFs, audio recordings and diary sheets.
 * Detected type → the media type recorded and served.
 */
const ACCEPTED: ReadonlyMap<string, string> = new Map([
  ['image/jpeg', 'image/jpeg'],
  ['image/png', 'image/png'],
  ['image/heic', 'image/heic'],
  ['image/heif', 'image/heif'],
  ['application/pdf', 'application/pdf'],
  ['audio/mpeg', 'audio/mpeg'],
  ['audio/x-m4a', 'audio/mp4'],
  ['audio/mp4', 'audio/mp4'],
  ['audio/wav', 'audio/wav'],
  ['audio/ogg', 'audio/ogg'],
  ['audio/ogg; codecs=opus', 'audio/ogg'],
  [
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  ],
  [
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ],
]);

/**
 * The extensions each kept type goes by, the usual one first. A saved name always ends with one of its type's
 * (a text file sent as "Diary-May.js" is kept as "Diary-May.js.txt"), so a download opens as what it is and
 * never as a program; a file that arrives without a usable name is called "evidence" with the usual one.
 */
export const EXTENSIONS: Readonly<Record<string, readonly string[]>> = {
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/heic': ['heic'],
  'image/heif': ['heif', 'heic'],
  'application/pdf': ['pdf'],
  'audio/mpeg': ['mp3'],
  'audio/mp4': ['m4a', 'mp4'],
  'audio/wav': ['wav'],
  'audio/ogg': ['ogg', 'oga', 'opus'],
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': ['docx'],
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': ['xlsx'],
  'text/plain': ['txt', 'text'],
  'text/csv': ['csv'],
};

/** Each kept type in words, for a person choosing or reading a file. */
const NAMES: Readonly<Record<string, string>> = {
  'image/jpeg': 'JPEG photo',
  'image/png': 'PNG image',
  'image/heic': 'HEIC photo',
  'image/heif': 'HEIF photo',
  'application/pdf': 'PDF document',
  'audio/mpeg': 'MP3 recording',
  'audio/mp4': 'M4A recording',
  'audio/wav': 'WAV recording',
  'audio/ogg': 'OGG recording',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel spreadsheet',
  'text/plain': 'Text',
  'text/csv': 'CSV',
};

/** Every media type evidence is kept as (what `evidenceMediaType` can answer), with its name and extensions. */
export function evidenceTypes(): { mediaType: string; name: string; extensions: string[] }[] {
  const kept = new Set([...ACCEPTED.values(), 'text/plain', 'text/csv']);
  return [...kept].map((mediaType) => ({
    mediaType,
    name: NAMES[mediaType] ?? mediaType,
    extensions: [...(EXTENSIONS[mediaType] ?? [])],
  }));
}

export const ACCEPTED_IN_WORDS = 'JPEG, PNG, HEIC/HEIF, PDF, MP3, M4A, WAV, OGG, plain text, CSV, DOCX or XLSX';

/**
 * The media type to record for a received file, or UNSUPPORTED_MEDIA_TYPE. Text has no signature: it is
 * accepted when every byte is UTF-8 without control characters (`plainText`), as CSV when it is named or
 * declared so. What the sender declared decides nothing else.
 */
export async function evidenceMediaType(
  path: string,
  file: { fileName: string; declaredType: string; plainText: boolean },
): Promise<string> {
  const detected = await fileTypeFromFile(path);
  if (detected) {
    const accepted = ACCEPTED.get(detected.mime);
    if (accepted) return accepted;
    throw new UnsupportedTypeError(
      'file',
      `This file is ${detected.ext.toUpperCase()} (${detected.mime}); evidence must be ${ACCEPTED_IN_WORDS}`,
    );
  }
  if (file.plainText) {
    return /\.csv$/i.test(file.fileName) || /^(text|application)\/csv\b/i.test(file.declaredType)
      ? 'text/csv'
      : 'text/plain';
  }
  throw new UnsupportedTypeError(
    'file',
    `This file is not one the portal keeps; evidence must be ${ACCEPTED_IN_WORDS}`,
  );
}
