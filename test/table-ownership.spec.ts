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
  access_requests: 'known-to',
  account_tokens: 'accounts',
  action_plans: 'action-plans',
  admin_events: 'administration',
  admin_grants: 'administration',
  agencies: 'agencies',
  api_keys: 'api-keys',
  agency_mfa_requirements: 'mfa',
  agenda_items: 'meetings',
  agenda_research: 'meetings',
  alert_assignments: 'alert-inbox',
  alert_consumers: 'alerts',
  alert_reads: 'alert-inbox',
  alerts: 'alerts',
  app_settings: 'auth',
  asb_risk_assessments: 'asb-risk',
  audit_events: 'audit',
  case_actions: 'actions',
  case_review_breaches: 'case-reviews',
  case_review_cases: 'case-reviews',
  case_reviews: 'case-reviews',
  case_shares: 'shares',
  case_transfers: 'transfers',
  cases: 'cases',
  contacts: 'contacts',
  dash_assessments: 'dash',
  evidence_files: 'evidence',
  identity_providers: 'sso',
  incidents: 'incidents',
  intake_reports: 'intake',
  legal_holds: 'retention',
  letter_template_versions: 'letters',
  letter_templates: 'letters',
  mail_outbox: 'mail',
  meeting_agencies: 'meetings',
  meeting_attendance: 'meetings',
  meeting_confidentiality: 'meetings',
  meetings: 'meetings',
  mfa_keys: 'mfa',
  notification_settings: 'notifications',
  parties: 'cases',
  password_reset_requests: 'accounts',
  person_search_hits: 'known-to',
  person_searches: 'known-to',
  people: 'people',
  person_merges: 'people',
  satisfaction_surveys: 'satisfaction',
  service_standard_alerts: 'service-standards',
  service_standards: 'service-standards',
  sessions: 'auth',
  sign_in_failures: 'auth',
  sign_in_known_addresses: 'auth',
  sso_attempts: 'sso',
  sso_handoffs: 'sso',
  subject_access_requests: 'subject-access',
  totp_enrolments: 'mfa',
  totp_recovery_codes: 'mfa',
  users: 'users',
  webhook_deliveries: 'webhooks',
  webhooks: 'webhooks',
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
 * Where code still names a table it does not own, as `file: table`: none. A new entry needs a reason and an
 * issue; an entry that no longer happens fails too, so the list only shrinks.
 */
const NOT_YET_MOVED: string[] = [];

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
      for (const match of readFileSync(file, 'utf8').matchAll(/CREATE TABLE (?:IF NOT EXISTS )?"?([a-z_]+)"?/g))
        created.add(match[1]);
    }
    expect([...created].sort()).toEqual(Object.keys(TABLE_OWNERS).sort());
  });
});
