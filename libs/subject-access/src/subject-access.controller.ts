import { Get, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { parse } from 'graphql';
import { AuditAction, AuditLog } from '#libs/audit';
import { printablePdf } from '#libs/documents';
import { DownloadController, FileNotFoundError, ReaderQueries } from '#libs/downloads';
import {
  type HeldCase,
  SUBJECT_CASE,
  SUBJECT_CASE_TRAIL,
  subjectAccessRecord,
  subjectAccessSections,
  type TrailView,
} from './subject-access-record.js';
import { SubjectAccessService } from './subject-access.service.js';

const MARKING =
  'OFFICIAL-SENSITIVE — personal data disclosed to its subject under UK GDPR Article 15. Third parties redacted.';
const ONE_CASE = parse(SUBJECT_CASE);
const TRAIL = parse(SUBJECT_CASE_TRAIL);

interface TrailPage {
  caseAuditTrail: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: TrailView }[] };
}

/**
 * GET /exports/subject-access/:id.pdf and /exports/subject-access/:id.json, with the API's bearer token: everything the manager's
 * agency holds about one person across the cases it owns, read through the manager's own GraphQL queries (so the
 * file holds nothing their own screens would not), with third parties redacted. Each case in it is recorded on its
 * trail as exported for the request, and the request as exported, before a byte leaves.
 */
@DownloadController('exports/subject-access')
export class SubjectAccessController {
  constructor(
    private readonly reader: ReaderQueries,
    private readonly audit: AuditLog,
    private readonly service: SubjectAccessService,
  ) {}

  @Get(':file')
  async export(@Param('file') file: string, @Res() res: Response): Promise<void> {
    const ctx = await this.reader.contextOf(res.req);
    res.setHeader('Cache-Control', 'no-store');
    const asked = /^([0-9a-f-]{36})\.(pdf|json)$/i.exec(file);
    if (!asked) throw new FileNotFoundError();
    const format = asked[2].toLowerCase() as 'pdf' | 'json';
    const { row, parties, caseIds } = await this.service.subjectOf(ctx, asked[1]);
    const cases: { held: HeldCase; views: TrailView[] }[] = [];
    for (const id of caseIds) {
      const { case: held } = await this.reader.run<{ case: HeldCase | null }>(ctx, ONE_CASE, { id });
      if (!held) throw new FileNotFoundError();
      const views: TrailView[] = [];
      for (let after: string | null = null; ;) {
        const { caseAuditTrail: page }: TrailPage = await this.reader.run<TrailPage>(ctx, TRAIL, { id, after });
        views.push(...page.edges.map((edge) => edge.node));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      cases.push({ held, views });
    }
    await this.audit.recordMany(ctx, caseIds, AuditAction.CASE_EXPORTED, {
      format: `one person’s record for subject access request ${row.reference}, received ${row.received_on} (${format.toUpperCase()})`,
      subjectAccess: { id: row.id, reference: row.reference, receivedAt: row.received_on },
    });
    await this.service.recordExported(ctx, row);
    const record = subjectAccessRecord(
      {
        request: {
          id: row.id,
          reference: row.reference,
          receivedAt: row.received_on,
          dueAt: row.due_on,
          requester: row.requester,
        },
        agency: { id: ctx.user!.agencyId, name: cases[0]?.held.ownerAgency.name ?? '' },
        exportedAt: new Date().toISOString(),
        subjectPartyIds: new Set(parties.map((p) => p.id)),
      },
      cases,
    );
    const name = `subject-access-${row.reference.replace(/[^\w.-]+/g, '-')}.${format}`;
    res.setHeader('Content-Disposition', `attachment; filename="${name}"`);
    if (format === 'json') {
      res.type('application/json').send(JSON.stringify(record, null, 2));
      return;
    }
    const pdf = await printablePdf(`Subject access request ${row.reference}`, subjectAccessSections(record), MARKING);
    res.type('application/pdf').send(pdf);
  }
}
