import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { parse } from 'graphql';
import { AuditAction, AuditLog } from '#libs/audit';
import { DownloadController, FileNotFoundError, ReaderQueries } from '#libs/downloads';
import { PACK_QUERY, type PackMeeting, packHtml, packPdf } from './meeting-pack.js';

const DOCUMENT = parse(PACK_QUERY);

/**
 * GET /packs/meetings/:id.html and .pdf, with the same bearer token as the API. The pack is the reader's
 * own `meeting(id)` query, so a meeting they do not attend is 404 like one that does not exist. Every case
 * whose material the pack carries is recorded as exported.
 */
@DownloadController('packs/meetings')
export class MeetingPackController {
  constructor(
    private readonly reader: ReaderQueries,
    private readonly audit: AuditLog,
  ) {}

  @Get(':file')
  async pack(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const match = /^([0-9a-f-]{36})\.(html|pdf)$/i.exec(file);
    if (!match) throw new FileNotFoundError();
    const ctx = await this.reader.contextOf(res.req);
    const { meeting } = await this.reader.run<{ meeting: PackMeeting | null }>(ctx, DOCUMENT, { id: match[1] });
    if (!meeting) throw new FileNotFoundError();
    for (const item of meeting.agenda) {
      if (item.case)
        await this.audit.record(ctx, item.case.id, AuditAction.CASE_EXPORTED, {
          format: `the meeting pack of ${meeting.title}`,
          meeting: { id: meeting.id, title: meeting.title },
        });
    }
    res.setHeader('Cache-Control', 'no-store');
    if (match[2].toLowerCase() === 'html') {
      res.type('html').send(packHtml(meeting));
      return;
    }
    const pdf = await packPdf(meeting);
    res
      .type('application/pdf')
      .setHeader('Content-Disposition', `attachment; filename="meeting-pack-${meeting.id}.pdf"`);
    res.send(pdf);
  }
}
