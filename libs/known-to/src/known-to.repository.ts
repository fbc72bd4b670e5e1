import { Injectable } from '@nestjs/common';
import { accessibleSql } from '#libs/access';
import { CasesRepository, datesOfBirthAgreeSql, nameLikeSql, nameSimilaritySql, readablePersonSql } from '#libs/cases';
import type { RequestContext } from '#libs/context';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import { SharesRepository } from '#libs/shares';
import { UsersRepository } from '#libs/users';
import type { AccessRequestRow, AccessRequestStatus } from './known-to.model.js';

/** The NOTIFY channel an owner agency's managers are woken on: payload `<owner agency id> <request id>`. */
export const ACCESS_REQUESTS_CHANNEL = 'access_requests';

/** A name as searched: the key, normalised as parties' names are (party-match.ts), and an optional date of birth. */
export interface PersonQuery {
  name: string;
  dateOfBirth: string | null;
}

const REQUEST_COLUMNS = `r.id, r.case_id, r.owner_agency_id, r.requester_agency_id, r.requested_by_id,
  rb.display_name AS requested_by_name, r.reason, r.status, r.requested_at, r.decided_at, r.decided_by_id,
  dcb.display_name AS decided_by_name, r.decision_reason, r.granted_access`;
const REQUESTS_FROM = `access_requests r JOIN ${UsersRepository.tableAs('rb')} ON rb.id = r.requested_by_id
  LEFT JOIN ${UsersRepository.tableAs('dcb')} ON dcb.id = r.decided_by_id`;

/** The searched name as the match key compares it (searchedName has already trimmed it). */
const keySql = (query: PersonQuery, params: SqlParams) => `lower(${params.add(query.name)}::text)`;

/** A likely match (party-match.ts) of the party `p`'s name on `key`, with no date of birth that disagrees. */
function matchSql(key: string, query: PersonQuery, params: SqlParams): string {
  const dob = params.add(query.dateOfBirth);
  return `p.full_name IS NOT NULL AND ${nameLikeSql('p', key)}
    AND ${datesOfBirthAgreeSql(`${dob}::date`, 'p.date_of_birth')}`;
}

/**
 * SQL: the case `c` is locked to the agency `agency`: another agency owns it, the agency holds no live share of
 * it, and its owner made it discoverable and has not anonymised it. What a search may reveal as "known to", and
 * what a handle must still be when it is turned into a request.
 */
const lockedToSql = (agency: string) =>
  `c.discoverable AND c.anonymised_at IS NULL
   AND c.owner_agency_id <> ${agency} AND NOT ${SharesRepository.liveShareSql('c.id', agency)}`;

/** The only code that names person_searches, person_search_hits and access_requests. */
@Injectable()
export class KnownToRepository {
  /** Searches this user made in the last hour. */
  async searchesInLastHour(db: Database, userId: string): Promise<number> {
    const row = await one<{ count: number }>(
      db,
      `SELECT count(*)::int AS count FROM person_searches WHERE searched_by_id = $1 AND at > now() - interval '1 hour'`,
      [userId],
    );
    return row!.count;
  }

  /**
   * Parties matching on cases the caller sees, best first: only where the caller may read both the name and the
   * date of birth matched on (readablePersonSql), so a name withheld from them matches nothing.
   */
  visibleMatches(
    db: Database,
    ctx: RequestContext,
    query: PersonQuery,
    limit: number,
  ): Promise<{ party_id: string; case_id: string }[]> {
    const params = new SqlParams();
    const key = keySql(query, params);
    const match = matchSql(key, query, params);
    const scope = accessibleSql(ctx.ability, 'read', 'Case', 'c', params);
    const readable = readablePersonSql(ctx, 'p', 'c', params);
    return rows(
      db,
      `SELECT p.id AS party_id, p.case_id FROM ${CasesRepository.partiesOnCasesSql('p', 'c')}
        WHERE ${match} AND ${scope} AND ${readable}
        ORDER BY ${nameSimilaritySql('p', key)} DESC, c.opened_at DESC, p.id
        LIMIT ${limit}`,
      params.values,
    );
  }

  /**
   * The deliberate read across agencies (run on the unscoped connection): cases another agency owns, that the
   * caller's agency holds no live share of, that their owner made discoverable and has not anonymised, with a
   * named, non-anonymous party matching. Only each case's id and owner agency leave this statement, and the ids
   * never leave the service.
   */
  lockedMatches(
    system: Database,
    agencyId: string,
    query: PersonQuery,
    limit: number,
  ): Promise<{ case_id: string; owner_agency_id: string }[]> {
    const params = new SqlParams();
    const key = keySql(query, params);
    const match = matchSql(key, query, params);
    const agency = params.add(agencyId);
    return rows(
      system,
      `SELECT case_id, owner_agency_id FROM (
         SELECT DISTINCT ON (c.id) c.id AS case_id, c.owner_agency_id, ${nameSimilaritySql('p', key)} AS score
           FROM ${CasesRepository.partiesOnCasesSql('p', 'c')}
          WHERE ${match} AND NOT p.anonymous AND ${lockedToSql(`${agency}::uuid`)}
          ORDER BY c.id, score DESC
       ) m ORDER BY score DESC, case_id LIMIT ${limit}`,
      params.values,
    );
  }

  /** The search, kept for the searcher's agency, and a handle for each locked record, in one statement. */
  recordSearch(
    db: Database,
    search: {
      userId: string;
      agencyId: string;
      query: PersonQuery;
      reason: string;
      visibleCount: number;
      locked: { case_id: string; owner_agency_id: string }[];
      hitMinutes: number;
    },
  ): Promise<{ id: string; case_id: string }[]> {
    return rows(
      db,
      `WITH search AS (
         INSERT INTO person_searches (searched_by_id, agency_id, full_name, date_of_birth, reason, visible_count, locked_count)
         VALUES ($1, $2, $3, $4::date, $5, $6, cardinality($7::uuid[])) RETURNING id
       )
       INSERT INTO person_search_hits (search_id, case_id, owner_agency_id, expires_at)
       SELECT search.id, h.case_id, h.owner_agency_id, now() + make_interval(mins => $9)
         FROM search CROSS JOIN unnest($7::uuid[], $8::uuid[]) AS h(case_id, owner_agency_id)
       RETURNING id, case_id`,
      [
        search.userId,
        search.agencyId,
        search.query.name,
        search.query.dateOfBirth,
        search.reason,
        search.visibleCount,
        search.locked.map((hit) => hit.case_id),
        search.locked.map((hit) => hit.owner_agency_id),
        search.hitMinutes,
      ],
    );
  }

  /**
   * The case behind the caller's own unexpired handle, only while it is still locked to the caller's agency and
   * discoverable (run on the unscoped connection: the caller cannot see the case).
   */
  lockedCaseOfHit(
    system: Database,
    hit: { id: string; userId: string; agencyId: string },
  ): Promise<{ case_id: string; owner_agency_id: string } | undefined> {
    return one(
      system,
      `SELECT h.case_id, h.owner_agency_id
         FROM person_search_hits h JOIN person_searches s ON s.id = h.search_id
         JOIN ${CasesRepository.tableAs('c')} ON c.id = h.case_id
        WHERE h.id = $1 AND s.searched_by_id = $2 AND h.expires_at > now() AND ${lockedToSql('$3::uuid')}`,
      [hit.id, hit.userId, hit.agencyId],
    );
  }

  /** A new pending request; undefined when the agency already has one pending for the case. */
  insertRequest(
    db: Database,
    request: { caseId: string; ownerAgencyId: string; userId: string; agencyId: string; reason: string },
  ): Promise<{ id: string } | undefined> {
    return one(
      db,
      `INSERT INTO access_requests (case_id, owner_agency_id, requested_by_id, requester_agency_id, reason)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (case_id, requester_agency_id) WHERE status = 'PENDING' DO NOTHING RETURNING id`,
      [request.caseId, request.ownerAgencyId, request.userId, request.agencyId, request.reason],
    );
  }

  /** Wakes the owner agency's managers' open screens, when the transaction commits. */
  async notifyOwner(db: Database, ownerAgencyId: string, requestId: string): Promise<void> {
    await exec(db, `SELECT pg_notify('${ACCESS_REQUESTS_CHANNEL}', $1)`, [`${ownerAgencyId} ${requestId}`]);
  }

  byId(db: Database, id: string): Promise<AccessRequestRow | undefined> {
    return one(db, `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS_FROM} WHERE r.id = $1`, [id]);
  }

  /** A request to this owner agency; `lock` takes it FOR UPDATE, so two managers cannot both decide it. */
  forOwner(db: Database, id: string, ownerAgencyId: string, lock = false): Promise<AccessRequestRow | undefined> {
    return one(
      db,
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS_FROM} WHERE r.id = $1 AND r.owner_agency_id = $2 ${lock ? 'FOR UPDATE OF r' : ''}`,
      [id, ownerAgencyId],
    );
  }

  /** Requests to this owner agency, newest first, of one status or all. */
  ofOwner(db: Database, ownerAgencyId: string, status: AccessRequestStatus | null): Promise<AccessRequestRow[]> {
    return rows(
      db,
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS_FROM}
        WHERE r.owner_agency_id = $1 AND ($2::text IS NULL OR r.status = $2) ORDER BY r.requested_at DESC, r.id LIMIT 200`,
      [ownerAgencyId, status],
    );
  }

  /** The user's own requests, newest first. */
  ofRequester(db: Database, userId: string): Promise<AccessRequestRow[]> {
    return rows(
      db,
      `SELECT ${REQUEST_COLUMNS} FROM ${REQUESTS_FROM} WHERE r.requested_by_id = $1 ORDER BY r.requested_at DESC, r.id LIMIT 200`,
      [userId],
    );
  }

  /** Records the decision on a pending request; undefined when it was no longer pending. */
  decide(
    db: Database,
    id: string,
    decision: { status: AccessRequestStatus; userId: string; reason: string; access: string | null },
  ): Promise<{ id: string } | undefined> {
    return one(
      db,
      `UPDATE access_requests SET status = $2, decided_at = now(), decided_by_id = $3, decision_reason = $4, granted_access = $5
        WHERE id = $1 AND status = 'PENDING' RETURNING id`,
      [id, decision.status, decision.userId, decision.reason, decision.access],
    );
  }

  // for transfers

  /**
   * A case changed owner: requests still waiting, and handles from searches still live, go to the new owner, who
   * decides them now. A request from the new owner itself is moot (it holds the case): it is closed as refused.
   */
  async followOwner(db: Database, caseId: string, toAgencyId: string, userId: string): Promise<void> {
    await exec(
      db,
      `UPDATE access_requests SET status = 'REFUSED', decided_at = now(), decided_by_id = $3,
              decision_reason = 'The case was transferred to the requesting agency'
        WHERE case_id = $1 AND status = 'PENDING' AND requester_agency_id = $2`,
      [caseId, toAgencyId, userId],
    );
    await exec(db, `UPDATE access_requests SET owner_agency_id = $2 WHERE case_id = $1 AND status = 'PENDING'`, [
      caseId,
      toAgencyId,
    ]);
    await exec(db, `UPDATE person_search_hits SET owner_agency_id = $2 WHERE case_id = $1`, [caseId, toAgencyId]);
  }

  // anonymising, for retention

  /** A handle to an anonymised case leads nowhere: it goes. */
  @AnonymisesCases({ tables: ['person_search_hits'] })
  forgetHits(db: Database, caseIds: string[]): Promise<number> {
    return exec(db, `DELETE FROM person_search_hits WHERE case_id = ANY($1)`, [caseIds]);
  }

  /** Who asked whom, when and with what outcome stays; the words, which may name people, go. */
  @AnonymisesCases({ tables: ['access_requests'] })
  anonymiseRequests(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE access_requests SET reason = '${REMOVED_BY_RETENTION}',
          decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE '${REMOVED_BY_RETENTION}' END
        WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }
}
