import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * Issue 15: each library owns its tables. Only a library's `*.repository.ts` names them in SQL; any other code,
 * in that library or another, calls the repository. Renaming a column is then one file, not a grep.
 */
const root = resolve(dirname(new URL(import.meta.url).pathname), '..');

/** Every table, by the library that owns it. A new table needs a row here. */
export const TABLE_OWNERS: Record<string, string> = {
  action_plans: 'action-plans',
  admin_events: 'administration',
  agencies: 'agencies',
  agenda_items: 'meetings',
  agenda_research: 'meetings',
  alerts: 'alerts',
  app_settings: 'auth',
  asb_risk_assessments: 'asb-risk',
  audit_events: 'audit',
  case_actions: 'actions',
  case_reviews: 'case-reviews',
  case_shares: 'shares',
  cases: 'cases',
  contacts: 'contacts',
  dash_assessments: 'dash',
  evidence_files: 'evidence',
  incidents: 'incidents',
  intake_reports: 'intake',
  legal_holds: 'retention',
  meeting_agencies: 'meetings',
  meeting_attendance: 'meetings',
  meeting_confidentiality: 'meetings',
  meetings: 'meetings',
  parties: 'cases',
  satisfaction_surveys: 'satisfaction',
  service_standard_alerts: 'service-standards',
  service_standards: 'service-standards',
  sessions: 'auth',
  sign_in_failures: 'auth',
  sign_in_known_addresses: 'auth',
  users: 'users',
};

/**
 * Code that names other libraries' tables by design:
 * - `db`: the migrations, database roles and row security are the schema itself;
 * - `demo`: the demonstration partnership is one seed script over the whole schema, run once on an empty database;
 * - `access`: the one statement of a caller's relation to a case (`relation-sql.ts`), which every scope builds on.
 */
const EXEMPT: Record<string, (file: string) => boolean> = {
  db: () => true,
  demo: () => true,
  access: (file) => file.endsWith('/relation-sql.ts'),
};

/**
 * Where code still names a table it does not own, as `file: table`. Empty is the aim; the list may only shrink
 * (an entry that no longer happens fails too, so it is taken off).
 */
const NOT_YET_MOVED: string[] = [
  'libs/action-plans/src/action-plans.service.ts: action_plans',
  'libs/actions/src/actions.service.ts: case_actions',
  'libs/actions/src/actions.service.ts: case_shares',
  'libs/actions/src/actions.service.ts: cases',
  'libs/administration/src/admin-log.ts: admin_events',
  'libs/administration/src/administration.service.ts: admin_events',
  'libs/administration/src/administrator.ts: agencies',
  'libs/administration/src/administrator.ts: users',
  'libs/agencies/src/agencies.service.ts: agencies',
  'libs/alert-feed/src/alert-hub.service.ts: alerts',
  'libs/alert-feed/src/alert-hub.service.ts: case_shares',
  'libs/alert-feed/src/alert-hub.service.ts: cases',
  'libs/alert-feed/src/alert-hub.service.ts: meeting_agencies',
  'libs/alerts/src/alert-outbox.service.ts: alerts',
  'libs/alerts/src/alert-scheduler.service.ts: agenda_items',
  'libs/alerts/src/alert-scheduler.service.ts: alerts',
  'libs/alerts/src/alert-scheduler.service.ts: case_actions',
  'libs/asb-risk/src/asb-risk.service.ts: asb_risk_assessments',
  'libs/audit-trail/src/audit-trail.service.ts: audit_events',
  'libs/audit-trail/src/audit-trail.service.ts: case_shares',
  'libs/audit-trail/src/audit-trail.service.ts: users',
  'libs/audit/src/audit-log.service.ts: audit_events',
  'libs/auth/src/sessions.service.ts: agencies',
  'libs/auth/src/sessions.service.ts: sessions',
  'libs/auth/src/sessions.service.ts: users',
  'libs/auth/src/sign-in-throttle.ts: sign_in_failures',
  'libs/auth/src/sign-in-throttle.ts: sign_in_known_addresses',
  'libs/auth/src/sign-in.service.ts: users',
  'libs/auth/src/tokens.service.ts: app_settings',
  'libs/auth/src/tokens.service.ts: sessions',
  'libs/case-reviews/src/case-review.model.ts: agenda_items',
  'libs/case-reviews/src/case-review.model.ts: meetings',
  'libs/case-reviews/src/case-reviews.service.ts: case_reviews',
  'libs/case-reviews/src/case-reviews.service.ts: cases',
  'libs/case-reviews/src/case-reviews.service.ts: incidents',
  'libs/case-reviews/src/case-reviews.service.ts: parties',
  'libs/dash/src/dash.service.ts: agenda_items',
  'libs/dash/src/dash.service.ts: cases',
  'libs/dash/src/dash.service.ts: dash_assessments',
  'libs/dash/src/dash.service.ts: incidents',
  'libs/dash/src/dash.service.ts: meeting_agencies',
  'libs/dash/src/dash.service.ts: meetings',
  'libs/dash/src/dash.service.ts: parties',
  'libs/meetings/src/meetings.service.ts: agencies',
  'libs/meetings/src/meetings.service.ts: agenda_items',
  'libs/meetings/src/meetings.service.ts: agenda_research',
  'libs/meetings/src/meetings.service.ts: case_actions',
  'libs/meetings/src/meetings.service.ts: cases',
  'libs/meetings/src/meetings.service.ts: meeting_agencies',
  'libs/meetings/src/meetings.service.ts: meeting_attendance',
  'libs/meetings/src/meetings.service.ts: meeting_confidentiality',
  'libs/meetings/src/meetings.service.ts: meetings',
  'libs/meetings/src/meetings.service.ts: users',
  'libs/reports/src/exceptions.service.ts: audit_events',
  'libs/reports/src/exceptions.service.ts: case_actions',
  'libs/reports/src/exceptions.service.ts: cases',
  'libs/reports/src/exceptions.service.ts: parties',
  'libs/reports/src/reports.service.ts: case_actions',
  'libs/reports/src/reports.service.ts: cases',
  'libs/reports/src/reports.service.ts: incidents',
  'libs/reports/src/reports.service.ts: satisfaction_surveys',
  'libs/reports/src/reports.service.ts: service_standards',
  'libs/retention/src/retention.service.ts: action_plans',
  'libs/retention/src/retention.service.ts: agenda_items',
  'libs/retention/src/retention.service.ts: agenda_research',
  'libs/retention/src/retention.service.ts: alerts',
  'libs/retention/src/retention.service.ts: asb_risk_assessments',
  'libs/retention/src/retention.service.ts: case_actions',
  'libs/retention/src/retention.service.ts: case_reviews',
  'libs/retention/src/retention.service.ts: cases',
  'libs/retention/src/retention.service.ts: contacts',
  'libs/retention/src/retention.service.ts: dash_assessments',
  'libs/retention/src/retention.service.ts: incidents',
  'libs/retention/src/retention.service.ts: intake_reports',
  'libs/retention/src/retention.service.ts: legal_holds',
  'libs/retention/src/retention.service.ts: parties',
  'libs/retention/src/retention.service.ts: satisfaction_surveys',
  'libs/retention/src/retention.service.ts: users',
  'libs/satisfaction/src/satisfaction.service.ts: satisfaction_surveys',
  'libs/service-standards/src/clocks.ts: action_plans',
  'libs/service-standards/src/clocks.ts: asb_risk_assessments',
  'libs/service-standards/src/clocks.ts: cases',
  'libs/service-standards/src/clocks.ts: contacts',
  'libs/service-standards/src/clocks.ts: dash_assessments',
  'libs/service-standards/src/clocks.ts: parties',
  'libs/service-standards/src/clocks.ts: service_standards',
  'libs/service-standards/src/service-standards.service.ts: action_plans',
  'libs/service-standards/src/service-standards.service.ts: contacts',
  'libs/service-standards/src/service-standards.service.ts: service_standard_alerts',
  'libs/service-standards/src/service-standards.service.ts: service_standards',
  'libs/users/src/users.service.ts: users',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') && !name.endsWith('.spec.ts') && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The tables a file's SQL names after FROM, JOIN, INTO, UPDATE, TABLE or USING (comments dropped first). */
function tablesNamedIn(text: string): Set<string> {
  const code = text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const named = new Set<string>();
  for (const match of code.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE|TABLE|USING)\s+(?:ONLY\s+)?([a-z_]+)\b/g)) {
    if (match[1] in TABLE_OWNERS) named.add(match[1]);
  }
  return named;
}

function misplaced(): string[] {
  const found: string[] = [];
  for (const lib of readdirSync(join(root, 'libs'))) {
    const dir = join(root, 'libs', lib, 'src');
    for (const file of sourceFiles(dir)) {
      const shown = relative(root, file);
      if (EXEMPT[lib]?.(shown)) continue;
      for (const table of tablesNamedIn(readFileSync(file, 'utf8'))) {
        if (TABLE_OWNERS[table] === lib && file.endsWith('.repository.ts')) continue;
        found.push(`${shown}: ${table}`);
      }
    }
  }
  return found.sort();
}

describe('each library owns its tables', () => {
  it('names a table in SQL only in its owner’s repository', () => {
    expect(misplaced()).toEqual([...NOT_YET_MOVED].sort());
  });

  it('knows the owner of every table the migrations create', () => {
    const created = new Set<string>();
    for (const file of sourceFiles(join(root, 'libs/db/src/migrations'))) {
      for (const match of readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g)) created.add(match[1]);
    }
    expect([...created].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});
