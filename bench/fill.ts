import type { PoolClient } from 'pg';
import { ActionKind, AgencyKind, CaseCategory, LEGAL_ACTION_KINDS } from '#libs/common';
import { hashPassword } from '#libs/users';

/**
 * Fills an empty, migrated database with a partnership's worth of casework, set-based (INSERT … SELECT over
 * generate_series), in one transaction, then VACUUM ANALYZE so the planner and the visibility map are in the
 * steady state of a live system rather than freshly bulk-loaded.
 *
 * Shape: AGENCIES agencies of mixed kinds, one caseworker each; cases owned uniformly across agencies and
 * opened over three years; 1–3 parties (about 2) and 1–5 incidents (about 3) per case, 0–2 actions (about 1);
 * 0–2 live shares per case between other agencies; and for the measured partner P (agency 1), about 5% of all
 * cases owned and about 5% more shared with it live (FULL and LIMITED alike), plus about 1% shared with it
 * once and revoked, which it must not see.
 */

export const AGENCIES = 20;
export const PASSWORD = 'bench-password-not-secret';

const KINDS = Object.values(AgencyKind);
const CATEGORIES = Object.values(CaseCategory);
const ACTION_KINDS = Object.values(ActionKind);
const LEGAL_KINDS = [...LEGAL_ACTION_KINDS];
const WARDS = [
  'Northgate',
  'Riverside',
  'St Anne’s',
  'Castle',
  'Meadowbank',
  'Harbour',
  'Hillcrest',
  'Old Town',
  'Parkside',
  'Westfield',
  'Eastbrook',
  'Kingsway',
];

export interface FillResult {
  partner: { agencyId: string; agencyName: string; agencyKind: string; email: string };
  password: string;
  /** Rows per table, and what the partner sees. */
  sizes: Record<string, number>;
  fillSeconds: number;
}

/** A stable, non-negative integer from text: spreads child rows over cases without per-row random(). */
const h = (text: string) => `(hashtext(${text}) & 2147483647)`;

export async function fillDatabase(db: PoolClient, cases: number, log: (line: string) => void): Promise<FillResult> {
  const started = performance.now();
  const [{ existing }] = (await db.query<{ existing: number }>(`SELECT count(*)::int AS existing FROM cases`)).rows;
  if (existing > 0) throw new Error(`The benchmark needs an empty database; this one already holds ${existing} cases`);
  const passwordHash = await hashPassword(PASSWORD);
  const step = async (label: string, sql: string, params: unknown[] = []) => {
    const t = performance.now();
    const result = await db.query(sql, params);
    log(
      `  ${label.padEnd(34)} ${String(result.rowCount ?? 0).padStart(8)} rows  ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
  };

  await db.query('BEGIN');
  try {
    await db.query(`SELECT setseed(0.4242)`);
    await step(
      'agencies',
      `INSERT INTO agencies (name, kind)
       SELECT format('Bench %s %s', lpad(n::text, 2, '0'), initcap(replace(lower(($2::text[])[1 + (n - 1) % cardinality($2::text[])]), '_', ' '))),
              ($2::text[])[1 + (n - 1) % cardinality($2::text[])]
         FROM generate_series(1, $1::int) n`,
      [AGENCIES, KINDS],
    );
    await step(
      'users',
      `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
       SELECT format('caseworker-%s@bench.test', substr(a.name, 7, 2)), 'Caseworker, ' || a.name, a.id, ARRAY['CASEWORKER','MANAGER'], $1
         FROM agencies a WHERE a.name LIKE 'Bench %'`,
      [passwordHash],
    );
    // Per-row random() in a subquery that is not flattened: every case draws its own values.
    await step(
      'cases',
      `WITH a AS (
         SELECT array_agg(a.id ORDER BY a.name) AS ids, array_agg(u.id ORDER BY a.name) AS users
           FROM agencies a JOIN users u ON u.agency_id = a.id WHERE a.name LIKE 'Bench %'
       ), g AS (
         SELECT n, 1 + floor(random() * $2::int)::int AS owner,
                date_trunc('milliseconds', now() - random() * interval '1095 days') AS opened_at,
                random() AS r_status, random() AS r_closed, random() AS r_cat, random() AS r_risk, random() AS r_ward,
                random() AS r_extra
           FROM generate_series(1, $1::int) n
       ), d AS (
         SELECT g.*, ($3::text[])[1 + floor(r_cat * cardinality($3::text[]))::int] AS category,
                CASE WHEN r_status < 0.6 THEN 'OPEN' WHEN r_status < 0.85 THEN 'CLOSED_RESOLVED' ELSE 'CLOSED_UNRESOLVED' END AS status
           FROM g
       )
       INSERT INTO cases (reference, category, status, risk_level, ward, address, summary, police_intelligence, support_needs,
                          opened_at, closed_at, close_reason, owner_agency_id, lead_officer_id, created_by_id, updated_at)
       SELECT CASE WHEN d.category = 'DOMESTIC_ABUSE' THEN 'DA' ELSE 'ASB' END || '-' || to_char(d.opened_at, 'YYYY') || '-B' || lpad(d.n::text, 6, '0'),
              d.category, d.status,
              CASE WHEN r_risk < 0.6 THEN 'STANDARD' WHEN r_risk < 0.9 THEN 'MEDIUM' ELSE 'HIGH' END,
              ($4::text[])[1 + floor(r_ward * cardinality($4::text[]))::int],
              CASE WHEN r_extra < 0.9 THEN (1 + d.n % 180) || ' Bench Road, Flat ' || (1 + d.n % 40) END,
              'Reports of ' || lower(replace(d.category, '_', ' ')) || ' affecting neighbours; case ' || d.n || ' of the benchmark set.',
              CASE WHEN r_extra < 0.2 THEN 'Intelligence log ' || d.n || ': known to police, two prior call-outs.' END,
              CASE WHEN r_extra > 0.75 THEN 'Support needs recorded: tenancy sustainment referral ' || d.n || '.' END,
              d.opened_at,
              CASE WHEN d.status <> 'OPEN' THEN d.opened_at + (now() - d.opened_at) * r_closed END,
              CASE WHEN d.status <> 'OPEN' THEN 'Closed after review at the partnership meeting.' END,
              a.ids[d.owner], a.users[d.owner], a.users[d.owner],
              d.opened_at
         FROM d CROSS JOIN a`,
      [cases, AGENCIES, CATEGORIES, WARDS],
    );
    await db.query(`SELECT setval('case_reference_seq', $1::bigint)`, [cases]);
    await step(
      'parties (1–3 per case)',
      `INSERT INTO parties (case_id, position, role, full_name, address, phone, date_of_birth, anonymous, tenant)
       SELECT c.id, n - 1,
              CASE n WHEN 1 THEN CASE WHEN c.category = 'DOMESTIC_ABUSE' THEN 'VICTIM' ELSE 'COMPLAINANT' END
                     WHEN 2 THEN 'SUBJECT' ELSE 'WITNESS' END,
              'Person ' || n || ' of ' || c.reference,
              (1 + ${h(`c.id::text || n`)} % 180) || ' Bench Road',
              '07700 9' || lpad((${h(`c.id::text || 'ph' || n`)} % 100000)::text, 5, '0'),
              date '1950-01-01' + (${h(`c.id::text || 'dob' || n`)} % 20000),
              n = 1 AND ${h(`c.id::text || 'anon'`)} % 10 = 0,
              ${h(`c.id::text || 'tenant' || n`)} % 2 = 0
         FROM cases c, generate_series(1, 1 + ${h(`c.id::text || 'p'`)} % 3) n`,
    );
    await step(
      'incidents (1–5 per case)',
      `INSERT INTO incidents (case_id, occurred_at, category, description, location, ward, logged_by_id, logged_by_agency_id, logged_at)
       SELECT c.id, x.occurred_at, c.category,
              'Incident ' || n || ': ' || lower(replace(c.category, '_', ' ')) || ' reported by a neighbour, logged for the hotspot map.',
              CASE WHEN ${h(`c.id::text || 'loc' || n`)} % 4 <> 0 THEN 'Block ' || (1 + ${h(`c.id::text || 'blk' || n`)} % 60) || ', ' || c.ward END,
              c.ward, c.created_by_id, c.owner_agency_id, x.occurred_at + interval '2 hours'
         FROM cases c, generate_series(1, 1 + ${h(`c.id::text || 'i'`)} % 5) n,
              LATERAL (SELECT date_trunc('milliseconds',
                        c.opened_at + (coalesce(c.closed_at, now()) - c.opened_at) * ((${h(`c.id::text || 'at' || n`)} % 1000) / 1000.0)) AS occurred_at) x`,
    );
    await step(
      'actions (0–2 per case)',
      `INSERT INTO case_actions (case_id, kind, legal, description, owner_agency_id, due_at, status, outcome, created_by_id, created_at, completed_at)
       SELECT c.id, x.kind, x.kind = ANY($2::text[]), 'Action ' || n || ' agreed at the case review: ' || lower(replace(x.kind, '_', ' ')) || '.',
              c.owner_agency_id,
              CASE WHEN ${h(`c.id::text || 'due' || n`)} % 5 <> 0 THEN x.created_at + interval '14 days' END,
              x.status,
              CASE WHEN x.status IN ('DONE','CANCELLED') THEN 'Completed as planned.' END,
              c.created_by_id, x.created_at,
              CASE WHEN x.status IN ('DONE','CANCELLED') THEN least(now(), x.created_at + interval '10 days') END
         FROM cases c, generate_series(1, ${h(`c.id::text || 'a'`)} % 3) n,
              LATERAL (SELECT ($1::text[])[1 + ${h(`c.id::text || 'k' || n`)} % cardinality($1::text[])] AS kind,
                              least(now(), c.opened_at + interval '1 day' * n) AS created_at,
                              CASE WHEN c.status <> 'OPEN' THEN CASE WHEN ${h(`c.id::text || 's' || n`)} % 4 = 0 THEN 'CANCELLED' ELSE 'DONE' END
                                   ELSE CASE WHEN ${h(`c.id::text || 's' || n`)} % 2 = 0 THEN 'OPEN' ELSE 'IN_PROGRESS' END END AS status) x`,
      [ACTION_KINDS, LEGAL_KINDS],
    );
    const [partner] = (
      await db.query(
        `SELECT a.id, a.name, a.kind, u.email FROM agencies a JOIN users u ON u.agency_id = a.id
          WHERE a.name LIKE 'Bench 01 %'`,
      )
    ).rows as { id: string; name: string; kind: string; email: string }[];
    await step(
      'shares with P (live, ~5%)',
      `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, shared_by_id, shared_at)
       SELECT c.id, $1::uuid, CASE WHEN random() < 0.5 THEN 'FULL' ELSE 'LIMITED' END,
              'Bench: shared for the multi-agency problem-solving meeting', 'OTHER', 'Bench: shared for the multi-agency problem-solving meeting', 'NOT_RECORDED', c.created_by_id,
              c.opened_at + (now() - c.opened_at) * 0.05
         FROM cases c
        WHERE c.owner_agency_id <> $1::uuid AND random() < $2::float8`,
      [partner.id, 0.05 / (1 - 1 / AGENCIES)],
    );
    await step(
      'shares with P (revoked, ~1%)',
      `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, shared_by_id, shared_at, revoked_at, revoked_by_id)
       SELECT c.id, $1::uuid, 'LIMITED', 'Bench: shared, then withdrawn', 'OTHER', 'Bench: shared, then withdrawn', 'NOT_RECORDED', c.created_by_id,
              c.opened_at + (now() - c.opened_at) * 0.05, c.opened_at + (now() - c.opened_at) * 0.1, c.created_by_id
         FROM cases c
        WHERE c.owner_agency_id <> $1::uuid AND random() < 0.01
          AND NOT EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = c.id AND s.agency_id = $1::uuid)`,
      [partner.id],
    );
    await step(
      'shares between others (0–2/case)',
      `WITH a AS (SELECT array_agg(id ORDER BY name) AS ids FROM agencies WHERE name LIKE 'Bench %')
       INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, shared_by_id, shared_at)
       SELECT DISTINCT ON (c.id, x.agency_id) c.id, x.agency_id,
              CASE WHEN ${h(`c.id::text || 'acc' || n`)} % 3 = 0 THEN 'LIMITED' ELSE 'FULL' END,
              'Bench: shared under the information-sharing agreement', 'OTHER', 'Bench: shared under the information-sharing agreement', 'NOT_RECORDED', c.created_by_id,
              c.opened_at + (now() - c.opened_at) * 0.02
         FROM cases c CROSS JOIN a, generate_series(1, ${h(`c.id::text || 'sh'`)} % 3) n,
              LATERAL (SELECT a.ids[1 + ${h(`c.id::text || 'ag' || n`)} % cardinality(a.ids)] AS agency_id) x
        WHERE x.agency_id <> c.owner_agency_id AND x.agency_id <> $1::uuid`,
      [partner.id],
    );
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
  const t = performance.now();
  await db.query('VACUUM (ANALYZE)');
  log(`  ${'VACUUM (ANALYZE)'.padEnd(34)} ${''.padStart(8)}       ${((performance.now() - t) / 1000).toFixed(1)} s`);

  const [partner] = (
    await db.query(
      `SELECT a.id, a.name, a.kind, u.email FROM agencies a JOIN users u ON u.agency_id = a.id WHERE a.name LIKE 'Bench 01 %'`,
    )
  ).rows as { id: string; name: string; kind: string; email: string }[];
  const [sizes] = (
    await db.query(
      `SELECT (SELECT count(*) FROM agencies)::int AS agencies,
              (SELECT count(*) FROM users)::int AS users,
              (SELECT count(*) FROM cases)::int AS cases,
              (SELECT count(*) FROM parties)::int AS parties,
              (SELECT count(*) FROM incidents)::int AS incidents,
              (SELECT count(*) FROM case_actions)::int AS actions,
              (SELECT count(*) FROM case_shares WHERE revoked_at IS NULL)::int AS live_shares,
              (SELECT count(*) FROM case_shares WHERE revoked_at IS NOT NULL)::int AS revoked_shares,
              (SELECT count(*) FROM cases WHERE owner_agency_id = $1)::int AS partner_owned,
              (SELECT count(*) FROM case_shares WHERE agency_id = $1 AND revoked_at IS NULL)::int AS partner_shared_live,
              (SELECT count(*) FROM cases c WHERE c.owner_agency_id = $1
                  OR EXISTS (SELECT 1 FROM case_shares s WHERE s.case_id = c.id AND s.agency_id = $1 AND s.revoked_at IS NULL))::int AS partner_visible`,
      [partner.id],
    )
  ).rows as Record<string, number>[];
  return {
    partner: { agencyId: partner.id, agencyName: partner.name, agencyKind: partner.kind, email: partner.email },
    password: PASSWORD,
    sizes,
    fillSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
}
