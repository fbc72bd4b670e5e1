import { Injectable } from '@nestjs/common';
import { accessibleSql } from '#libs/access';
import { SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';
import { ACTION_COLUMNS, type CaseActionRow, toAction } from '#libs/actions';
import { CASE_COLUMNS, type CaseRow, toCase } from '#libs/cases';
import { BadInputError, ClockState, DAY_MS } from '#libs/common';
import { type CaseFacts, caseFactsSql, clocksOf } from '#libs/service-standards';
import type { CaseException, Exceptions } from './exceptions.model.js';

const LIMIT = 200;

@Injectable()
export class ExceptionsService {
  /**
   * The manager's exception lists: their agency's own open cases (its team's work) not touched for a while or
   * in breach of a standard, its overdue actions on cases it may see, and closures without the reporter told.
   */
  async exceptions(ctx: RequestContext, notUpdatedDays: number): Promise<Exceptions> {
    if (!Number.isInteger(notUpdatedDays) || notUpdatedDays < 1 || notUpdatedDays > 365) throw new BadInputError('notUpdatedDays', 'notUpdatedDays must be 1–365');
    const agency = ctx.user!.agencyId;
    const rows: (CaseRow & { last_activity_at: Date })[] = await ctx.db.query(
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation,
              greatest(c.opened_at, (SELECT max(e.at) FROM audit_events e WHERE e.case_id = c.id AND e.action NOT IN ('CASE_VIEWED', 'CASE_EXPORTED'))) AS last_activity_at
         FROM cases c WHERE c.owner_agency_id = $1 AND c.status = 'OPEN'`,
      [agency],
    );
    const facts: CaseFacts[] = await ctx.db.query(caseFactsSql(`c.owner_agency_id = $1 AND c.status = 'OPEN'`), [agency]);
    const now = Date.now();
    const breachesOf = new Map(facts.map((f) => [f.id, clocksOf(f, now).filter((clock) => clock.state === ClockState.BREACHED)]));
    const all: CaseException[] = rows.map((row) => ({ case: toCase(ctx.ability, row), lastActivityAt: row.last_activity_at, breaches: breachesOf.get(row.id) ?? [] }));
    const stale = now - notUpdatedDays * DAY_MS;

    const params = new SqlParams();
    const scope = `(${accessibleSql(ctx.ability, 'read', 'Case', 'c', params)} OR ${accessibleSql(ctx.ability, 'read', 'CaseAction', 'a', params)})`;
    const overdue: CaseActionRow[] = await ctx.db.query(
      `SELECT ${ACTION_COLUMNS} FROM case_actions a JOIN cases c ON c.id = a.case_id
        WHERE a.owner_agency_id = ${params.add(agency)}::uuid AND a.status IN ('OPEN', 'IN_PROGRESS') AND a.due_at < now() AND ${scope}
        ORDER BY a.due_at, a.id LIMIT ${LIMIT}`,
      params.values,
    );
    const untold: CaseRow[] = await ctx.db.query(
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.reporter_told_at IS NULL AND c.closed_at > now() - interval '90 days'
          AND EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND p.role IN ('COMPLAINANT', 'VICTIM'))
        ORDER BY c.closed_at DESC LIMIT ${LIMIT}`,
      [agency],
    );
    return {
      notUpdated: all
        .filter((e) => e.lastActivityAt.getTime() < stale)
        .sort((a, b) => a.lastActivityAt.getTime() - b.lastActivityAt.getTime())
        .slice(0, LIMIT),
      standardsBreached: all
        .filter((e) => e.breaches.length > 0)
        .sort((a, b) => Math.min(...a.breaches.map((x) => x.dueAt.getTime())) - Math.min(...b.breaches.map((x) => x.dueAt.getTime())))
        .slice(0, LIMIT),
      overdueActions: overdue.map(toAction),
      closedWithoutTellingReporter: untold.map((row) => toCase(ctx.ability, row)),
    };
  }
}
