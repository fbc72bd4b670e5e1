import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import busboy from 'busboy';
import type { Request } from 'express';
import { BadInputError, TooLargeError } from '#libs/common';
import { printedSize } from '#libs/documents';

/** A file received whole into the incoming folder, with what was learnt while it streamed past. */
export interface IncomingFile {
  path: string;
  /** As the sender named it; not yet made safe. */
  givenName: string;
  declaredType: string;
  byteSize: number;
  sha256: string;
  /** Every byte UTF-8, with no control characters but tabs and line ends: the only test text can have. */
  plainText: boolean;
}

/** Multipart headers and boundaries around the file: a body larger than the limit plus this cannot fit. */
const ENVELOPE_BYTES = 64 * 1024;
// eslint-disable-next-line no-control-regex -- finding control characters is this pattern's whole purpose.
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f\x7f]/;

/** Hashes, counts and text-checks the bytes on their way to disk, so the file is read once. */
class Inspection extends Transform {
  readonly hash = createHash('sha256');
  byteSize = 0;
  plainText = true;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.byteSize += chunk.length;
    if (this.plainText) this.checkText(() => this.decoder.decode(chunk, { stream: true }));
    done(null, chunk);
  }

  override _flush(done: TransformCallback): void {
    if (this.plainText) this.checkText(() => this.decoder.decode());
    done();
  }

  private checkText(decode: () => string): void {
    try {
      if (CONTROL.test(decode())) this.plainText = false;
    } catch {
      this.plainText = false;
    }
  }
}

/**
 * Streams the multipart field `file` of `req` into a new file under `incomingDir`, never holding more than a
 * chunk in memory. Over `maxBytes` it stops at once (TooLargeError) and leaves nothing behind; so does any
 * other failure. Other fields and any second file are read past and ignored.
 */
export async function receiveFile(req: Request, incomingDir: string, maxBytes: number): Promise<IncomingFile> {
  const tooLarge = () =>
    new TooLargeError('file', `The file is larger than the ${printedSize(maxBytes)} evidence files may be`);
  const declaredLength = Number(req.headers['content-length']);
  if (Number.isFinite(declaredLength) && declaredLength > maxBytes + ENVELOPE_BYTES) throw tooLarge();
  if (!/^multipart\/form-data/i.test(req.headers['content-type'] ?? '')) {
    throw new BadInputError('file', 'Send the file as multipart/form-data, in the field "file"');
  }
  await mkdir(incomingDir, { recursive: true, mode: 0o700 });
  const path = join(incomingDir, `${randomBytes(16).toString('hex')}.part`);
  let output: WriteStream | null = null;
  try {
    const received = await new Promise<IncomingFile>((resolve, reject) => {
      // busboy reports reaching its limit even when the file ends exactly there: one byte more tells "over" apart.
      const parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: { files: 1, fileSize: maxBytes + 1, fields: 20, parts: 25 },
      });
      let writing: Promise<IncomingFile> | null = null;
      const fail = (error: unknown) => {
        req.unpipe(parser);
        reject(error);
      };
      parser.on('file', (field, stream, info) => {
        if (field !== 'file' || writing) {
          stream.resume();
          return;
        }
        const inspection = new Inspection();
        stream.on('limit', () => inspection.destroy(tooLarge()));
        output = createWriteStream(path, { flags: 'wx', mode: 0o600 });
        writing = pipeline(stream, inspection, output).then(() => ({
          path,
          givenName: info.filename ?? '',
          declaredType: info.mimeType ?? '',
          byteSize: inspection.byteSize,
          sha256: inspection.hash.digest('hex'),
          plainText: inspection.plainText,
        }));
        writing.catch(fail);
      });
      parser.on('close', () => {
        if (writing) writing.then(resolve, fail);
        else fail(new BadInputError('file', 'No file was sent: send it in the multipart field "file"'));
      });
      parser.on('error', () =>
        fail(new BadInputError('file', 'The upload was not a well-formed multipart/form-data body')),
      );
      req.on('error', () => fail(new BadInputError('file', 'The upload was interrupted')));
      // A sender that goes away half-way may end the request without an error: the body is then incomplete.
      req.on('close', () => {
        if (!req.complete) fail(new BadInputError('file', 'The upload was interrupted'));
      });
      req.pipe(parser);
    });
    if (received.byteSize === 0) throw new BadInputError('file', 'The file is empty');
    return received;
  } catch (error) {
    // The part file is removed only once closed, so a late open cannot leave one behind. It is closed here: cut
    // off half-way, its bytes would never end, and waiting for them kept the part file (and this request) for ever.
    const open = output as WriteStream | null;
    if (open && !open.closed) {
      await new Promise<void>((done) => {
        open.once('close', () => done());
        open.destroy();
      });
    }
    await rm(path, { force: true });
    // Whatever the sender still has in flight is read and dropped, so the answer reaches them.
    req.resume();
    throw error;
  }
}
