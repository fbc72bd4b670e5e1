import type { Pool, QueryResult, QueryResultRow } from 'pg';

/**
 * The hand-written equivalent of `cases(first: 50)` with every nested list: the statements a careful
 * developer would write against pg directly, with the same visibility predicate, the same keyset ORDER/LIMIT
 * and the same columns, grouped into the same nested shape. No framework, no HTTP, no field rules: the floor
 * the GraphQL path is compared with.
 */

/** Case `c` has a live share with the agency `$1`: written here by hand, apart from the portal's own SQL. */
const LIVE_SHARE = 'case_shares s WHERE s.case_id = c.id AND s.agency_id = $1::uuid AND s.revoked_at IS NULL';

const CASE_SELECT = `c.id, c.reference, c.category, c.status, c.risk_level, c.ward, c.address, c.summary,
  c.police_intelligence, c.support_needs, c.opened_at, c.closed_at, c.close_reason, c.owner_agency_id,
  c.lead_officer_id, c.version,
  CASE WHEN c.owner_agency_id = $1::uuid THEN 'OWNER'
       ELSE (SELECT s.access FROM ${LIVE_SHARE}) END AS relation`;

/** "Owner agency, or a live share with it": what the CASL rules render to, as a developer would write it. */
export const VISIBILITY = `(c.owner_agency_id = $1::uuid OR EXISTS (SELECT 1 FROM ${LIVE_SHARE}))`;

/**
 * The visible set as the service counts it when no filter applies: the owned ids and the live-shared ids, each
 * from its own index, counted once each (written here by hand, as the portal writes it in libs/access).
 */
export const VISIBLE_IDS = `SELECT c.id FROM cases c WHERE c.owner_agency_id = $1::uuid
  UNION SELECT s.case_id FROM case_shares s WHERE s.agency_id = $1::uuid AND s.revoked_at IS NULL`;

export interface PageSql {
  page: string;
  count: string;
}

/** Page (limit + 1 rows, to know whether more follow) and count, with or without the visibility predicate. */
export function pageSql(limit: number, visibility: boolean, keyset = false): PageSql {
  const where = [visibility ? VISIBILITY : '$1::uuid IS NOT NULL'];
  if (keyset) where.push('(c.opened_at, c.id) < ($2::timestamptz, $3::uuid)');
  return {
    page: `SELECT ${CASE_SELECT} FROM cases c WHERE ${where.join(' AND ')} ORDER BY c.opened_at DESC, c.id DESC LIMIT ${limit + 1}`,
    count: visibility
      ? `SELECT count(*)::int AS total FROM (${VISIBLE_IDS}) v`
      : `SELECT count(*)::int AS total FROM cases c WHERE $1::uuid IS NOT NULL`,
  };
}

interface Row {
  id: string;
  case_id: string;
  [column: string]: unknown;
}

export interface RawPage {
  cases: Record<string, unknown>[];
  totalCount: number;
  hasNextPage: boolean;
  /** Statements this page cost. */
  statements: number;
}

function group(rows: Row[]): Map<string, Row[]> {
  const byCase = new Map<string, Row[]>();
  for (const row of rows) {
    const list = byCase.get(row.case_id);
    if (list) list.push(row);
    else byCase.set(row.case_id, [row]);
  }
  return byCase;
}

export class RawCases {
  constructor(private readonly pool: Pool) {}

  /** Page and count only, as the visibility comparison measures them (in parallel, as the service runs them). */
  async pageAndCount(
    agencyId: string,
    limit: number,
    visibility: boolean,
  ): Promise<{ rows: Row[]; total: number; statements: number }> {
    const sql = pageSql(limit, visibility);
    const [page, count] = await Promise.all([
      this.pool.query<Row>(sql.page, [agencyId]),
      this.pool.query<{ total: number }>(sql.count, [agencyId]),
    ]);
    return { rows: page.rows, total: count.rows[0].total, statements: 2 };
  }

  /**
   * Page and count as the portal's requests send them under row security: as the application role, each
   * statement in a transaction of its own scoped to the agency (BEGIN and the scope in one round trip, the
   * statement, COMMIT), page and count in parallel. Without `visibility` the database's policies alone decide.
   */
  async pageAndCountScoped(
    appPool: Pool,
    agencyId: string,
    limit: number,
    visibility: boolean,
  ): Promise<{ rows: Row[]; total: number; statements: number }> {
    const sql = pageSql(limit, visibility);
    const [page, count] = await Promise.all([
      scoped<Row>(appPool, agencyId, sql.page, [agencyId]),
      scoped<{ total: number }>(appPool, agencyId, sql.count, [agencyId]),
    ]);
    return { rows: page.rows, total: count.rows[0].total, statements: 2 };
  }

  /** The whole page with every nested list, in three round trips: page ∥ count, the four lists, the agencies. */
  async fullPage(agencyId: string, limit: number): Promise<RawPage> {
    const { rows, total } = await this.pageAndCount(agencyId, limit, true);
    const page = rows.slice(0, limit);
    const ids = page.map((row) => row.id);
    const [parties, incidents, actions, shares] = await Promise.all([
      this.pool.query<Row>(
        `SELECT p.id, p.case_id, p.role, p.full_name, p.address, p.phone, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth,
                p.anonymous, p.tenant
           FROM parties p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.position`,
        [ids],
      ),
      this.pool.query<Row>(
        `SELECT i.id, i.case_id, i.occurred_at, i.category, i.description, i.location, i.ward
           FROM incidents i WHERE i.case_id = ANY($1::uuid[]) ORDER BY i.occurred_at DESC, i.id`,
        [ids],
      ),
      this.pool.query<Row>(
        `SELECT a.id, a.case_id, a.kind, a.legal, a.description, a.status, a.due_at
           FROM case_actions a WHERE a.case_id = ANY($1::uuid[]) ORDER BY a.created_at, a.id`,
        [ids],
      ),
      this.pool.query<Row>(
        `SELECT s.id, s.case_id, s.agency_id, s.access FROM case_shares s
          WHERE s.case_id = ANY($1::uuid[]) AND s.revoked_at IS NULL ORDER BY s.shared_at`,
        [ids],
      ),
    ]);
    const agencyIds = [
      ...new Set([
        ...page.map((row) => row.owner_agency_id as string),
        ...shares.rows.map((row) => row.agency_id as string),
      ]),
    ];
    const agencies = await this.pool.query<{ id: string; name: string; kind: string }>(
      `SELECT id, name, kind FROM agencies WHERE id = ANY($1::uuid[])`,
      [agencyIds],
    );
    const agencyById = new Map(agencies.rows.map((row) => [row.id, row]));
    const partiesBy = group(parties.rows);
    const incidentsBy = group(incidents.rows);
    const actionsBy = group(actions.rows);
    const sharesBy = group(shares.rows);
    return {
      cases: page.map((row) => ({
        ...row,
        ownerAgency: agencyById.get(row.owner_agency_id as string),
        parties: partiesBy.get(row.id) ?? [],
        incidents: incidentsBy.get(row.id) ?? [],
        actions: actionsBy.get(row.id) ?? [],
        shares: (sharesBy.get(row.id) ?? []).map((share) => ({
          access: share.access,
          agency: agencyById.get(share.agency_id as string),
        })),
      })),
      totalCount: total,
      hasNextPage: rows.length > limit,
      statements: 7,
    };
  }

  /** The ids of the visible page starting after `offset` rows: the reference the keyset pages are checked against. */
  async idsAtOffset(agencyId: string, offset: number, limit: number): Promise<string[]> {
    const { rows } = await this.pool.query<{ id: string }>(
      `SELECT c.id FROM cases c WHERE ${VISIBILITY} ORDER BY c.opened_at DESC, c.id DESC OFFSET ${offset} LIMIT ${limit}`,
      [agencyId],
    );
    return rows.map((row) => row.id);
  }
}

/** The agency each of the application pool's connections is narrowed to for its session. */
const narrowedTo = new WeakMap<object, string>();

/**
 * One statement as the portal's requests send it (libs/db/src/agency-scoped-db.ts): on a connection narrowed to the
 * agency for its session, set once before the connection's first statement for that agency, then one round trip.
 */
export async function scoped<T extends QueryResultRow>(
  appPool: Pool,
  agencyId: string,
  sql: string,
  params: unknown[],
): Promise<QueryResult<T>> {
  const client = await appPool.connect();
  try {
    if (narrowedTo.get(client) !== agencyId) {
      await client.query(`SELECT set_config('portal.scope', 'agency', false), set_config('portal.agency', $1, false)`, [
        agencyId,
      ]);
      narrowedTo.set(client, agencyId);
    }
    return await client.query<T>(sql, params);
  } finally {
    client.release();
  }
}
