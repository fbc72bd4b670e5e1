import { Get, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { parse } from 'graphql';
import { AuditAction, AuditLog } from '#libs/audit';
import { printablePdf, WITHHELD } from '#libs/documents';
import { DownloadController, FileNotFoundError, ReaderQueries } from '#libs/downloads';
import { csvRow } from './csv.js';
import { CASE_SUMMARY, caseSummarySections, type SummaryCase } from './case-summary.js';

const MARKING = 'OFFICIAL-SENSITIVE — case information shared under an information-sharing agreement. Do not pass on.';

const CASE_LIST = parse(`query ExportCases($after: String, $filter: CaseFilter, $orderBy: CaseOrder) {
  cases(first: 100, after: $after, filter: $filter, orderBy: $orderBy) {
    pageInfo { hasNextPage endCursor }
    edges { node { id reference category status riskLevel ward openedAt closedAt access address summary
      ownerAgency { name } leadOfficer { displayName } redactedFields parties { role fullName } } }
  }
}`);
const ONE_CASE = parse(CASE_SUMMARY);

/** A row of the list: the summary's basics, and its people by role and name. */
type ListedCase = Omit<SummaryCase, 'closeReason' | 'parties' | 'incidents' | 'actions' | 'evidence'> & {
  parties: { role: string; fullName: string | null }[];
};

interface CasePage {
  cases: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: ListedCase }[] };
}

// Typed as Express gives it; a repeated parameter arrives as an array, which String() joins with commas too.
const list = (value: string | undefined) =>
  value === undefined
    ? undefined
    : String(value)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);

/**
 * GET /exports/cases.csv (the case list, with the list's filters as query parameters) and
 * GET /exports/cases/:id.pdf (a case summary for a court bundle), with the API's bearer token. Each is the
 * reader's own GraphQL query, so withheld fields stay withheld ("withheld" in the file), and every case in a
 * file is recorded in its audit trail as exported.
 */
@DownloadController('exports/cases')
export class ExportsController {
  constructor(
    private readonly reader: ReaderQueries,
    private readonly audit: AuditLog,
  ) {}

  @Get(':file')
  async export(
    @Param('file') file: string,
    @Query() query: Record<string, string>,
    @Res() res: Response,
  ): Promise<void> {
    const ctx = await this.reader.contextOf(res.req);
    res.setHeader('Cache-Control', 'no-store');
    const one = /^([0-9a-f-]{36})\.pdf$/i.exec(file);
    if (one) {
      const { case: kase } = await this.reader.run<{ case: SummaryCase | null }>(ctx, ONE_CASE, { id: one[1] });
      if (!kase) throw new FileNotFoundError();
      await this.audit.record(ctx, kase.id, AuditAction.CASE_EXPORTED, { format: 'a case summary (PDF)' });
      const pdf = await printablePdf(`Case summary: ${kase.reference}`, caseSummarySections(kase), MARKING);
      res
        .type('application/pdf')
        .setHeader('Content-Disposition', `attachment; filename="case-summary-${kase.reference}.pdf"`);
      res.send(pdf);
      return;
    }
    if (file !== 'cases.csv' && file !== 'list.csv') throw new FileNotFoundError();
    const filter = {
      status: list(query.status),
      category: list(query.category),
      riskLevel: list(query.riskLevel),
      ward: list(query.ward),
      search: query.search || undefined,
      owned: query.owned === undefined ? undefined : query.owned === 'true',
    };
    let after: string | null = null;
    for (;;) {
      try {
        const { cases }: CasePage = await this.reader.run<CasePage>(ctx, CASE_LIST, {
          after,
          filter,
          orderBy: query.orderBy || undefined,
        });
        const nodes = cases.edges.map((edge) => edge.node);
        // Recorded before any of the page leaves: a case is never sent without its trail saying so.
        await this.audit.recordMany(
          ctx,
          nodes.map((c) => c.id),
          AuditAction.CASE_EXPORTED,
          { format: 'the case list (CSV)' },
        );
        if (!res.headersSent) {
          // Written once the first page is read and recorded, so a refused query is a clean 404 and a failed
          // recording a clean error. The byte-order mark makes spreadsheets read the file as UTF-8.
          res.type('text/csv; charset=utf-8').setHeader('Content-Disposition', 'attachment; filename="cases.csv"');
          res.write(
            `\uFEFF${csvRow(['Reference', 'Category', 'Status', 'Risk', 'Ward', 'Opened', 'Closed', 'Owner agency', 'Your access', 'Lead officer', 'Address', 'People', 'Summary'])}`,
          );
        }
        for (const c of nodes) {
          res.write(
            csvRow([
              c.reference,
              c.category,
              c.status,
              c.riskLevel,
              c.ward,
              c.openedAt,
              c.closedAt,
              c.ownerAgency.name,
              c.access,
              c.leadOfficer?.displayName,
              c.address ?? (c.redactedFields.includes('address') ? WITHHELD : ''),
              c.parties.map((p) => `${p.role}: ${p.fullName ?? WITHHELD}`).join('; '),
              c.summary,
            ]),
          );
        }
        if (!cases.pageInfo.hasNextPage) break;
        after = cases.pageInfo.endCursor;
      } catch (error) {
        if (!res.headersSent) throw error;
        // Earlier pages have gone (and were recorded); this one is not sent, and the download breaks rather
        // than ending as if the file were whole.
        res.destroy(error instanceof Error ? error : new Error(String(error)));
        return;
      }
    }
    res.end();
  }
}
