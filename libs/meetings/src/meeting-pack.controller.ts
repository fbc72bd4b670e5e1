import { Controller, Get, Headers, HttpException, HttpStatus, Param, Res } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Response } from 'express';
import { execute, parse } from 'graphql';
import { AuditAction, AuditLog } from '#libs/audit';
import { SessionsService } from '#libs/auth';
import { PACK_QUERY, type PackMeeting, packHtml, packPdf } from './meeting-pack.js';

const DOCUMENT = parse(PACK_QUERY);

/**
 * GET /packs/meetings/:id.html and .pdf, with the same bearer token as the API. The pack is the reader's
 * own `meeting(id)` query, run through the same schema, guards and SQL scope; a meeting they do not attend
 * is 404 like one that does not exist. Every case whose material the pack carries is recorded as exported.
 */
@Controller('packs/meetings')
export class MeetingPackController {
  constructor(
    private readonly sessions: SessionsService,
    // The schema lives in the GraphQL module, built after this one: looked up when a pack is asked for.
    private readonly moduleRef: ModuleRef,
    private readonly audit: AuditLog,
  ) {}

  @Get(':file')
  async pack(@Param('file') file: string, @Headers('authorization') authorization: string | undefined, @Res() res: Response): Promise<void> {
    const match = /^([0-9a-f-]{36})\.(html|pdf)$/i.exec(file);
    if (!match) throw new HttpException('Not found', HttpStatus.NOT_FOUND);
    const user = await this.sessions.userForToken(authorization);
    if (!user) throw new HttpException('Sign in to continue', HttpStatus.UNAUTHORIZED);
    const ctx = this.sessions.contextFor(user, res.req.ip ?? 'unknown');
    const result = await execute({ schema: this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema, document: DOCUMENT, variableValues: { id: match[1] }, contextValue: ctx });
    const meeting = (result.data as { meeting: PackMeeting | null } | null | undefined)?.meeting;
    if (result.errors?.length || !meeting) throw new HttpException('Not found', HttpStatus.NOT_FOUND);
    for (const item of meeting.agenda) {
      if (item.case) await this.audit.record(ctx, item.case.id, AuditAction.CASE_EXPORTED, { fields: ['meetingPack'], meeting: { id: meeting.id, title: meeting.title } });
    }
    res.setHeader('Cache-Control', 'no-store');
    if (match[2].toLowerCase() === 'html') {
      res.type('html').send(packHtml(meeting));
      return;
    }
    const pdf = await packPdf(meeting);
    res.type('application/pdf').setHeader('Content-Disposition', `attachment; filename="meeting-pack-${meeting.id}.pdf"`);
    res.send(pdf);
  }
}
