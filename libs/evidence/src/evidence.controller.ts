import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { Get, Logger, Param, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DownloadController, ReaderQueries } from '#libs/downloads';
import { EvidenceService } from './evidence.service.js';
import { attachmentDisposition } from './file-name.js';

/**
 * Passes the stored bytes through while hashing them, holding back the last chunk until the whole file has
 * matched its recorded SHA-256 and size: a damaged file then arrives short of its Content-Length, which every
 * client reports as a failed download, instead of arriving looking whole.
 */
class ChecksumCheck extends Transform {
  private readonly hash = createHash('sha256');
  private held: Buffer | null = null;
  private size = 0;

  constructor(private readonly expected: { sha256: string; byteSize: number }) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.hash.update(chunk);
    this.size += chunk.length;
    const previous = this.held;
    this.held = chunk;
    done(null, previous ?? undefined);
  }

  override _flush(done: TransformCallback): void {
    if (this.size !== this.expected.byteSize || this.hash.digest('hex') !== this.expected.sha256) {
      done(new Error('The stored evidence does not match its recorded SHA-256'));
      return;
    }
    done(null, this.held ?? undefined);
  }
}

/**
 * POST /evidence/cases/:caseId (multipart field `file`; `?incidentId=`, `?description=`) and GET /evidence/:id,
 * with the API's bearer token. Who may do either is the case's own rules, asked of the caller's ability in
 * the service; errors answer as JSON with the GraphQL error's code and field.
 */
@DownloadController('evidence')
export class EvidenceController {
  private readonly logger = new Logger('Evidence');

  constructor(
    private readonly reader: ReaderQueries,
    private readonly evidence: EvidenceService,
  ) {}

  @Post('cases/:caseId')
  async upload(
    @Param('caseId') caseId: string,
    @Query('incidentId') incidentId: unknown,
    @Query('description') description: unknown,
    @Req() req: Request,
  ) {
    const ctx = await this.reader.contextOf(req);
    const file = await this.evidence.add(ctx, { caseId, incidentId, description }, req);
    return {
      id: file.id,
      caseId: file.caseId,
      incidentId: file.incidentId,
      fileName: file.fileName,
      mediaType: file.mediaType,
      byteSize: file.byteSize,
      sha256: file.sha256,
      description: file.description,
      uploadedAt: file.uploadedAt,
      downloadPath: file.downloadPath,
    };
  }

  @Get(':id')
  async download(@Param('id') id: string, @Res() res: Response): Promise<void> {
    const ctx = await this.reader.contextOf(res.req);
    const { file, bytes } = await this.evidence.download(ctx, id);
    res.status(200).set({
      'Content-Type': file.mediaType.startsWith('text/') ? `${file.mediaType}; charset=utf-8` : file.mediaType,
      'Content-Length': String(file.byteSize),
      'Content-Disposition': attachmentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
      // Were it ever opened in place, it could run nothing and reach nothing.
      'Content-Security-Policy': "default-src 'none'; sandbox",
    });
    try {
      await pipeline(bytes, new ChecksumCheck(file), res);
    } catch (error) {
      this.logger.error(
        `Evidence ${file.id} was not sent whole: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
}
