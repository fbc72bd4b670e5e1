import { Injectable } from '@nestjs/common';
import { AuditRepository } from '#libs/audit';
import { UsersRepository } from '#libs/users';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import { CASE_COLUMNS, type CaseRow, PARTY_COLUMNS, type PartyRow } from './case-record.js';
import type { RequestContext } from '#libs/context';
import {
  certainlySamePersonSql,
  datesOfBirthAgreeSql,
  matchKey,
  nameLikeSql,
  nameSimilaritySql,
  readablePersonSql,
  samePersonSql,
} from './party-match.js';
import {
  accessibleSql,
  liveShareAgencyIdsSql,
  liveSharesJsonSql,
  ownedOrSharedIdsSql,
  readableFieldSql,
  relationToCaseSql,
} from '#libs/access';
import type { CaseAccess } from '#libs/access';
import type { CaseCategory, CaseStatus, RiskLevel } from '#libs/common';
import type { CaseFilter } from './case.inputs.js';
import { afterSql, type CaseCursor, type CaseOrder, orderBySql } from './case-order.js';

/** A case with the agencies that hold a live share of it now, and at what access. */
export type CaseWithShares = CaseRow & { shares: { agency_id: string; access: 'FULL' | 'LIMITED' }[] };

/** Who is reading: their rules decide the row scope, their agency their relation to each case. */
export type CaseViewer = Pick<RequestContext, 'ability' | 'user'>;

/** A party read as a person: its case's category and the reader's relation to the case, for its field rules. */
export type ReadablePartyRow = PartyRow & { case_category: CaseCategory; case_relation: CaseAccess };

/** A party and the case it is on, with the viewer's relation to that case. */
export type CaseWithPartyRow = CaseRow & { party_id: string; party_role: string; party_anonymous: boolean };

/** Columns to write and their values, in the same order. */
export interface ColumnValues {
  columns: readonly string[];
  values: readonly unknown[];
}

/** The only code that names the cases and parties tables; other libraries call it. */
@Injectable()
export class CasesRepository {
  // for service-standards, reports and actions
  /**
   * The cases table under `alias`, for a statement of another library that reads its rows alongside a case (a
   * figure, a clock, a scope): the statement stays one, and the table's name stays here.
   */
  static tableAs(alias: string): string {
    return `cases ${alias}`;
  }

  /** Parties as `party` on their cases as `kase`, for another library's `EXISTS (SELECT 1 FROM … WHERE …)` (intake). */
  static partiesOnCasesSql(party: string, kase: string): string {
    return `parties ${party} JOIN cases ${kase} ON ${kase}.id = ${party}.case_id`;
  }

  /** Whether the case `caseRef` names has a complainant or victim recorded: an anonymous report has nobody to contact. */
  static hasReporterSql(caseRef: string): string {
    return `EXISTS (SELECT 1 FROM parties p WHERE p.case_id = ${caseRef} AND p.role IN ('COMPLAINANT', 'VICTIM'))`;
  }

  // for reports
  /** The agency's own open cases, seen as their owner, each with the last change recorded on it (or its opening). */
  openOwnedWithLastActivity(db: Database, agencyId: string): Promise<(CaseRow & { last_activity_at: Date })[]> {
    return rows(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation,
              greatest(c.opened_at, ${AuditRepository.lastChangeAtSql('c.id')}) AS last_activity_at
         FROM cases c WHERE c.owner_agency_id = $1 AND c.status = 'OPEN'`,
      [agencyId],
    );
  }

  /** The agency's cases closed in the last 90 days with a reporter who was never told, latest first. */
  closedWithoutTellingReporter(db: Database, agencyId: string, limit: number): Promise<CaseRow[]> {
    return rows(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.reporter_told_at IS NULL AND c.closed_at > now() - interval '90 days'
          AND ${CasesRepository.hasReporterSql('c.id')}
        ORDER BY c.closed_at DESC LIMIT ${limit}`,
      [agencyId],
    );
  }

  // anonymising, for retention

  /**
   * The agency's closed cases not yet anonymised, closed before `closedBefore`, oldest first; `lock` takes
   * them FOR UPDATE so a real run anonymises exactly what it counted.
   */
  closedNotAnonymisedBefore(db: Database, agencyId: string, closedBefore: Date, lock: boolean): Promise<CaseRow[]> {
    return rows<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, 'OWNER' AS relation
         FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status <> 'OPEN' AND c.anonymised_at IS NULL AND c.closed_at < $2
        ORDER BY c.closed_at, c.id
        ${lock ? 'FOR UPDATE OF c' : ''}`,
      [agencyId, closedBefore],
    );
  }

  /** What the figures count (category, ward, dates, outcome, risk) stays; the words about people go. */
  @AnonymisesCases({ tables: ['cases'] })
  anonymiseCases(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE cases SET address = NULL, summary = '${REMOVED_BY_RETENTION}', police_intelligence = NULL, support_needs = NULL, close_reason = NULL,
          anonymised_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1)`,
      [caseIds],
    );
  }

  /** A party keeps its role; who they are, where they live and which person record they were linked to go. */
  @AnonymisesCases({ tables: ['parties'] })
  anonymiseParties(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE parties SET full_name = NULL, aliases = '{}', address = NULL, phone = NULL, date_of_birth = NULL, tenancy_type = NULL, rent_arrears = NULL,
          tenancy_breaches = NULL, person_id = NULL WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }

  // for alert-feed

  /**
   * The cases of a batch of alerts with who holds them now, in one statement however many cases: the alert hub
   * decides each alert's recipients from this, as the cases stand at delivery, not as they stood when raised.
   */
  withLiveShares(db: Database, caseIds: readonly string[]): Promise<CaseWithShares[]> {
    return rows<CaseWithShares>(
      db,
      `SELECT ${CASE_COLUMNS}, ${liveSharesJsonSql('c')} AS shares FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [caseIds],
    );
  }

  // for meetings

  /** Cases by id as an attendee without a share reads them: a LIMITED relation whoever the caller is. */
  findAsLimitedShare(db: Database, ids: readonly string[]): Promise<CaseRow[]> {
    return rows<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, 'LIMITED' AS relation FROM cases c WHERE c.id = ANY($1::uuid[])`,
      [ids],
    );
  }

  /** The cases among `idsParam` the `db` admits, as the FROM item `alias`, every column. */
  static amongIdsSql(alias: string, idsParam: string): string {
    return `(SELECT * FROM cases WHERE id = ANY(${idsParam}::uuid[])) ${alias}`;
  }

  /**
   * Whether the case `caseIdSql` has a victim whose recorded date of birth makes them `min` to `max` years old on
   * the London date of `atSql` (MARAC figures: victims aged 16 and 17 at referral).
   */
  static victimAgedSql(caseIdSql: string, atSql: string, min: number, max: number): string {
    return `EXISTS (SELECT 1 FROM parties p WHERE p.case_id = ${caseIdSql} AND p.role = 'VICTIM' AND p.date_of_birth IS NOT NULL
                      AND extract(year FROM age((${atSql} AT TIME ZONE 'Europe/London')::date, p.date_of_birth)) BETWEEN ${min} AND ${max})`;
  }

  /** Whether the case `caseIdSql` records a victim's date of birth. */
  static victimBornOnRecordSql(caseIdSql: string): string {
    return `EXISTS (SELECT 1 FROM parties p WHERE p.case_id = ${caseIdSql} AND p.role = 'VICTIM' AND p.date_of_birth IS NOT NULL)`;
  }

  /** `JOIN LATERAL` the case `caseIdSql` names as `alias` with its `owner_agency_id`: no row where the `db` does not admit the case. */
  static ownerJoinSql(alias: string, caseIdSql: string): string {
    return `JOIN LATERAL (SELECT c.owner_agency_id FROM cases c WHERE c.id = ${caseIdSql}) ${alias} ON true`;
  }

  /**
   * The cases (as rows of `case_id`) where the victim of the case `caseIdSql` and its subject are the same two
   * people (samePersonSql), the case itself among them; matched only where the caller may read both names on
   * both cases, so a name typed into one's own case learns nothing of a case one could not look at.
   */
  static sameVictimAndSubjectSql(ctx: RequestContext, caseIdSql: string, caseAlias: string, params: SqlParams): string {
    return `SELECT same.case_id
              FROM parties v
              JOIN parties s ON s.case_id = v.case_id AND s.role = 'SUBJECT' AND s.full_name IS NOT NULL
              CROSS JOIN LATERAL (
                SELECT v.case_id
                UNION
                SELECT v2.case_id
                  FROM parties v2
                  JOIN cases c2 ON c2.id = v2.case_id
                  JOIN parties s2 ON s2.case_id = v2.case_id AND s2.role = 'SUBJECT' AND s2.full_name IS NOT NULL
                       AND ${samePersonSql('s2', 's')}
                 WHERE v2.role = 'VICTIM' AND v2.full_name IS NOT NULL AND ${samePersonSql('v2', 'v')}
                   AND ${readablePersonSql(ctx, 'v', caseAlias, params)} AND ${readablePersonSql(ctx, 's', caseAlias, params)}
                   AND ${readablePersonSql(ctx, 'v2', 'c2', params)} AND ${readablePersonSql(ctx, 's2', 'c2', params)}
              ) same
             WHERE v.case_id = ${caseIdSql} AND v.role = 'VICTIM' AND v.full_name IS NOT NULL`;
  }

  // for case-reviews

  /**
   * Each named victim and complainant of the cases `idsParam` (rows of `case_id`, `id`), with `case_ids`: their
   * case and every case where the caller may read the same person's name here and there (samePersonSql).
   */
  static samePersonCasesSql(ctx: RequestContext, idsParam: string, params: SqlParams): string {
    return `SELECT p.case_id, p.id, ARRAY(
               SELECT p.case_id
               UNION
               SELECT p2.case_id FROM parties p2 JOIN cases c2 ON c2.id = p2.case_id
                WHERE p2.role IN ('VICTIM','COMPLAINANT') AND p2.full_name IS NOT NULL AND ${samePersonSql('p2', 'p')}
                  AND ${readablePersonSql(ctx, 'p', 'c', params)} AND ${readablePersonSql(ctx, 'p2', 'c2', params)}
             ) AS case_ids
              FROM parties p
              JOIN cases c ON c.id = p.case_id
             WHERE p.case_id = ANY(${idsParam}::uuid[]) AND p.role IN ('VICTIM','COMPLAINANT') AND p.full_name IS NOT NULL`;
  }

  /** The ids of the cases, as `alias`, that `condition` (written over `alias`) admits. */
  static idsWhereSql(alias: string, condition: string): string {
    return `SELECT ${alias}.id FROM cases ${alias} WHERE ${condition}`;
  }

  /** The viewer's visible cases among `ids`, with their relation to each. */
  findVisibleByIds(db: Database, viewer: CaseViewer, ids: readonly string[]): Promise<CaseRow[]> {
    const params = new SqlParams();
    const idsParam = params.add(ids);
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    const agency = params.add(viewer.user?.agencyId ?? null);
    return rows<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, ${relationToCaseSql('c', agency)} AS relation FROM cases c WHERE c.id = ANY(${idsParam}::uuid[]) AND ${scope}`,
      params.values,
    );
  }

  /** One visible case with the agencies it is shared with now, for deciding what the viewer may do to it. */
  findVisibleWithShares(db: Database, viewer: CaseViewer, id: string): Promise<CaseRow | undefined> {
    const params = new SqlParams();
    const agency = params.add(viewer.user?.agencyId ?? null);
    const idParam = params.add(id);
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    return one<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, ${relationToCaseSql('c', agency)} AS relation,
              ${liveShareAgencyIdsSql('c')} AS shared_with_agency_ids
         FROM cases c WHERE c.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
  }

  /** One page (and one row more, to know whether another follows) of the visible cases matching `filter`. */
  findVisiblePage(
    db: Database,
    viewer: CaseViewer,
    query: { filter: CaseFilter | null | undefined; order: CaseOrder; after: CaseCursor | null; limit: number },
  ): Promise<CaseRow[]> {
    const params = new SqlParams();
    const where = [
      accessibleSql(viewer.ability, 'read', 'Case', 'c', params),
      ...this.filterSql(viewer, query.filter, params),
    ];
    if (query.after) where.push(afterSql(query.order, query.after, params));
    const agency = params.add(viewer.user?.agencyId ?? null);
    return rows<CaseRow>(
      db,
      `SELECT ${CASE_COLUMNS}, ${relationToCaseSql('c', agency)} AS relation
         FROM cases c WHERE ${where.join(' AND ')}
        ORDER BY ${orderBySql(query.order)} LIMIT ${query.limit + 1}`,
      params.values,
    );
  }

  /** How many visible cases match, with the scope in its set form (see accessibleSql). */
  async countVisible(db: Database, viewer: CaseViewer, filter: CaseFilter | null | undefined): Promise<number> {
    const params = new SqlParams();
    const filters = this.filterSql(viewer, filter, params);
    // Unfiltered, under the usual rule: count the owned and live-shared ids from two indexes, reading no case row
    // (about a third of the time of the BitmapOr below on 10,000 visible cases of 100,000; see the benchmark).
    // No filter adds no parameter, so `params` is still empty for the ids.
    const ids = filters.length === 0 ? ownedOrSharedIdsSql(viewer.ability, 'read', params) : null;
    if (ids) {
      const row = await one<{ total: number }>(db, `SELECT count(*)::int AS total FROM (${ids}) v`, params.values);
      return row!.total;
    }
    const where = [accessibleSql(viewer.ability, 'read', 'Case', 'c', params, 'set'), ...filters];
    const row = await one<{ total: number }>(
      db,
      `SELECT count(*)::int AS total FROM cases c WHERE ${where.join(' AND ')}`,
      params.values,
    );
    return row!.total;
  }

  /** Filters read only case basics, which everyone who sees a case may read. */
  private filterSql(viewer: CaseViewer, filter: CaseFilter | null | undefined, params: SqlParams): string[] {
    const where: string[] = [];
    const agency = () => params.add(viewer.user?.agencyId ?? null);
    if (filter?.status?.length) where.push(`c.status = ANY(${params.add(filter.status)}::text[])`);
    if (filter?.category?.length) where.push(`c.category = ANY(${params.add(filter.category)}::text[])`);
    if (filter?.riskLevel?.length) where.push(`c.risk_level = ANY(${params.add(filter.riskLevel)}::text[])`);
    if (filter?.ward?.length)
      where.push(`lower(c.ward) = ANY(${params.add(filter.ward.map((w) => w.toLowerCase()))}::text[])`);
    if (filter?.owned === true) where.push(`c.owner_agency_id = ${agency()}::uuid`);
    if (filter?.owned === false) where.push(`c.owner_agency_id <> ${agency()}::uuid`);
    if (filter?.search?.trim()) {
      // Words are looked for only in what this caller may read: names and the address where the rules allow.
      const agencyId = viewer.user?.agencyId ?? null;
      for (const word of filter.search.trim().split(/\s+/).slice(0, 8)) {
        const pattern = params.add(`%${word.replace(/[\\%_]/g, (m) => `\\${m}`)}%`);
        const address = readableFieldSql(
          viewer.ability,
          'Case',
          'address',
          { alias: 'c', caseAlias: 'c', agencyId },
          params,
        );
        const name = readableFieldSql(
          viewer.ability,
          'Party',
          'fullName',
          { alias: 'sp', caseAlias: 'c', agencyId },
          params,
        );
        where.push(`(c.reference ILIKE ${pattern} OR c.summary ILIKE ${pattern} OR c.ward ILIKE ${pattern}
          OR (c.address ILIKE ${pattern} AND ${address})
          OR EXISTS (SELECT 1 FROM parties sp WHERE sp.case_id = c.id AND sp.full_name ILIKE ${pattern} AND ${name}))`);
      }
    }
    return where;
  }

  /** A new case with the next reference of its prefix (`ASB-2026-000123`), owned by the creator's agency. */
  async insert(
    db: Database,
    kase: {
      prefix: string;
      category: CaseCategory;
      riskLevel: RiskLevel;
      ward: string;
      address: string | null;
      summary: string;
      agencyId: string;
      userId: string;
      discoverable: boolean;
    },
  ): Promise<CaseRow> {
    const row = await one<CaseRow>(
      db,
      `INSERT INTO cases (reference, category, risk_level, ward, address, summary, owner_agency_id, lead_officer_id, created_by_id, discoverable)
       VALUES ($1 || '-' || to_char(now(), 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
               $2, $3, $4, $5, $6, $7, $8, $8, $9)
       RETURNING ${CASE_COLUMNS.replace(/c\./g, '')}, 'OWNER' AS relation`,
      [
        kase.prefix,
        kase.category,
        kase.riskLevel,
        kase.ward,
        kase.address,
        kase.summary,
        kase.agencyId,
        kase.userId,
        kase.discoverable,
      ],
    );
    return row!;
  }

  /** The current values of these columns of a case, for the audit trail's "from". */
  async columnsOf(db: Database, caseId: string, columns: readonly string[]): Promise<Record<string, unknown>> {
    return (await one<Record<string, unknown>>(db, `SELECT ${columns.join(', ')} FROM cases WHERE id = $1`, [caseId]))!;
  }

  /**
   * Writes `columns` if the case is still at `expectedVersion` (optimistic locking in the UPDATE's own WHERE);
   * undefined when it is not.
   */
  updateAtVersion(
    db: Database,
    caseId: string,
    expectedVersion: number,
    changes: ColumnValues,
    relation: string,
  ): Promise<CaseRow | undefined> {
    const params = new SqlParams();
    const sets = changes.columns.map((column, i) => `${column} = ${params.add(changes.values[i])}`);
    return one<CaseRow>(
      db,
      `UPDATE cases c SET ${sets.join(', ')}, version = c.version + 1, updated_at = now()
        WHERE c.id = ${params.add(caseId)} AND c.version = ${params.add(expectedVersion)}
        RETURNING ${CASE_COLUMNS}, ${params.add(relation)}::text AS relation`,
      params.values,
    );
  }

  // for transfers

  /** The case's owner and what an offer of it keeps, locked against a concurrent change of owner. */
  lockOwner(
    db: Database,
    caseId: string,
  ): Promise<
    { id: string; owner_agency_id: string; status: CaseStatus; reference: string; category: CaseCategory } | undefined
  > {
    return one(db, `SELECT id, owner_agency_id, status, reference, category FROM cases WHERE id = $1 FOR UPDATE`, [
      caseId,
    ]);
  }

  /**
   * The case becomes `toAgencyId`'s, if `fromAgencyId` still owns it: a lead officer who is not one of the new
   * owner's people goes, and the version moves on (the owner is one of the record's own fields).
   */
  async transferOwner(db: Database, caseId: string, fromAgencyId: string, toAgencyId: string): Promise<boolean> {
    const moved = await exec(
      db,
      `UPDATE cases c SET owner_agency_id = $3,
              lead_officer_id = CASE WHEN EXISTS (SELECT 1 FROM ${UsersRepository.tableAs('u')} WHERE u.id = c.lead_officer_id AND u.agency_id = $3)
                                     THEN c.lead_officer_id END,
              version = c.version + 1, updated_at = now()
        WHERE c.id = $1 AND c.owner_agency_id = $2`,
      [caseId, fromAgencyId, toAgencyId],
    );
    return moved > 0;
  }

  /** Closes an open case still at `expectedVersion`; undefined when it is not (or is closed already). */
  closeAtVersion(
    db: Database,
    caseId: string,
    expectedVersion: number,
    closing: { status: string; reason: string; reporterToldAt: Date | null },
  ): Promise<CaseRow | undefined> {
    return one<CaseRow>(
      db,
      `UPDATE cases c SET status = $1, closed_at = now(), close_reason = $2, reporter_told_at = $5, version = c.version + 1, updated_at = now()
        WHERE c.id = $3 AND c.version = $4 AND c.status = 'OPEN'
        RETURNING ${CASE_COLUMNS}, 'OWNER' AS relation`,
      [closing.status, closing.reason, caseId, expectedVersion, closing.reporterToldAt],
    );
  }

  // for known-to
  /**
   * Sets whether other agencies' searches may learn the case exists; answers the case as its owner reads it, and
   * whether it was discoverable before. Not a change to the case record's own fields, so `version` stays.
   */
  setDiscoverable(
    db: Database,
    caseId: string,
    discoverable: boolean,
  ): Promise<(CaseRow & { was_discoverable: boolean }) | undefined> {
    return one(
      db,
      `UPDATE cases c SET discoverable = $2 FROM cases prior
        WHERE c.id = $1 AND prior.id = c.id
        RETURNING ${CASE_COLUMNS}, 'OWNER' AS relation, prior.discoverable AS was_discoverable`,
      [caseId, discoverable],
    );
  }

  /** The case's risk level, locking the row until the transaction ends. */
  async lockRiskLevel(db: Database, caseId: string): Promise<RiskLevel> {
    return (await one<{ risk_level: RiskLevel }>(db, `SELECT risk_level FROM cases WHERE id = $1 FOR UPDATE`, [
      caseId,
    ]))!.risk_level;
  }

  setRiskLevel(db: Database, caseId: string, to: RiskLevel): Promise<number> {
    return exec(db, `UPDATE cases SET risk_level = $2, version = version + 1, updated_at = now() WHERE id = $1`, [
      caseId,
      to,
    ]);
  }

  /** Open cases of the agency about this address or these (lower-cased) names, newest first. */
  async findOpenOwnedMatching(
    db: Database,
    agencyId: string,
    address: string | null,
    names: readonly string[],
  ): Promise<string[]> {
    const found = await rows<{ id: string }>(
      db,
      `SELECT c.id FROM cases c
        WHERE c.owner_agency_id = $1 AND c.status = 'OPEN'
          AND ((${matchKey('c.address')} = ${matchKey('$2::text')})
            OR EXISTS (SELECT 1 FROM parties p WHERE p.case_id = c.id AND ${matchKey('p.full_name')} = ANY($3::text[])))
        ORDER BY c.opened_at DESC LIMIT 10`,
      [agencyId, address, names],
    );
    return found.map((row) => row.id);
  }

  /** The parties of these cases, in their order on each case. */
  findPartiesOfCases(db: Database, caseIds: readonly string[]): Promise<PartyRow[]> {
    return rows<PartyRow>(
      db,
      `SELECT ${PARTY_COLUMNS} FROM parties p WHERE p.case_id = ANY($1::uuid[]) ORDER BY p.case_id, p.position`,
      [caseIds],
    );
  }

  async findParty(db: Database, partyId: string): Promise<PartyRow> {
    return (await one<PartyRow>(db, `SELECT ${PARTY_COLUMNS} FROM parties p WHERE p.id = $1`, [partyId]))!;
  }

  /** A party and its case, when the case is visible to the viewer. */
  findVisibleParty(db: Database, viewer: CaseViewer, partyId: string): Promise<CaseWithPartyRow | undefined> {
    const params = new SqlParams();
    const idParam = params.add(partyId);
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    const agency = params.add(viewer.user?.agencyId ?? null);
    return one<CaseWithPartyRow>(
      db,
      `SELECT ${CASE_COLUMNS}, ${relationToCaseSql('c', agency)} AS relation, p.id AS party_id, p.role AS party_role, p.anonymous AS party_anonymous
         FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE p.id = ${idParam}::uuid AND ${scope}`,
      params.values,
    );
  }

  // for subject-access
  /**
   * The person behind `partyId` on the cases `agencyId` owns: the party itself and every party there that is
   * certainly the same person (linked to the same person record, or the same name and recorded date of birth), in
   * case and party order; empty when the party is on no case the agency owns. A subject access export gathers its
   * person here and nowhere else.
   */
  findSamePersonOnOwnedCases(db: Database, agencyId: string, partyId: string): Promise<PartyRow[]> {
    return rows<PartyRow>(
      db,
      `SELECT ${PARTY_COLUMNS}
         FROM parties s JOIN cases sc ON sc.id = s.case_id AND sc.owner_agency_id = $1
         JOIN parties p ON p.id = s.id OR ${certainlySamePersonSql('p', 's')}
         JOIN cases c ON c.id = p.case_id AND c.owner_agency_id = $1
        WHERE s.id = $2
        ORDER BY c.opened_at, c.id, p.position`,
      [agencyId, partyId],
    );
  }

  /** Inserts parties after the case's existing ones, in one statement; each party's values in `columns` order. */
  async insertParties(
    db: Database,
    caseId: string,
    columns: readonly string[],
    parties: readonly (readonly unknown[])[],
  ): Promise<PartyRow[]> {
    if (parties.length === 0) return [];
    const params = new SqlParams();
    const caseParam = params.add(caseId);
    const values = parties.map((party, index) => {
      const row = party.map((value) => params.add(value));
      return `(${caseParam}::uuid, ${params.add(index)}::int + coalesce((SELECT max(position) + 1 FROM parties WHERE case_id = ${caseParam}::uuid), 0), ${row.join(', ')})`;
    });
    return rows<PartyRow>(
      db,
      `INSERT INTO parties (case_id, position, ${columns.join(', ')})
     VALUES ${values.join(', ')} RETURNING id, case_id, role, anonymous`,
      params.values,
    );
  }

  /** Writes a party's columns; answers the values they held before. */
  async updateParty(db: Database, partyId: string, changes: ColumnValues): Promise<Record<string, unknown>> {
    const params = new SqlParams();
    const sets = changes.columns.map((column, i) => `${column} = ${params.add(changes.values[i])}`);
    const before = await one<Record<string, unknown>>(
      db,
      `UPDATE parties p SET ${sets.join(', ')} FROM parties prior
        WHERE p.id = ${params.add(partyId)} AND prior.id = p.id
        RETURNING ${changes.columns.map((column) => `prior.${column} AS ${column}`).join(', ')}`,
      params.values,
    );
    return before!;
  }

  // for people

  /**
   * Parties the viewer may read as a person (their name and date of birth, readablePersonSql) on visible cases,
   * linked to any of `personIds` or among `partyIds`, each with its case's category and the viewer's relation to it.
   */
  findReadableParties(
    db: Database,
    viewer: RequestContext,
    among: { personIds?: readonly string[]; partyIds?: readonly string[] },
  ): Promise<ReadablePartyRow[]> {
    const params = new SqlParams();
    const which = among.personIds
      ? `p.person_id = ANY(${params.add(among.personIds)}::uuid[])`
      : `p.id = ANY(${params.add(among.partyIds ?? [])}::uuid[])`;
    return rows<ReadablePartyRow>(
      db,
      `SELECT ${PARTY_COLUMNS}, ${this.readableFrom(viewer, params)} AND ${which}
        ORDER BY c.opened_at DESC, p.position`,
      params.values,
    );
  }

  /**
   * Parties whose name or another name is like `name` (pg_trgm's `%`, over the normalised match key) and whose date
   * of birth does not disagree with `dateOfBirth`, among those the viewer may read as a person: matching looks only
   * at names the caller could have read anyway. Each row has its `score` (the best similarity of its names).
   */
  findLikelyMatches(
    db: Database,
    viewer: RequestContext,
    query: { name: string; dateOfBirth: string | null; exceptCaseId: string | null; limit: number },
  ): Promise<(ReadablePartyRow & { score: number })[]> {
    const params = new SqlParams();
    const name = params.add(query.name);
    const key = matchKey(`${name}::text`);
    const dob = params.add(query.dateOfBirth);
    const except = params.add(query.exceptCaseId);
    return rows(
      db,
      `SELECT ${PARTY_COLUMNS},
              greatest(${nameSimilaritySql('p', key)},
                       coalesce((SELECT max(similarity(${matchKey('a')}, ${key})) FROM unnest(p.aliases) a), 0))::float AS score,
              ${this.readableFrom(viewer, params)}
          AND (${nameLikeSql('p', key)} OR EXISTS (SELECT 1 FROM unnest(p.aliases) a WHERE ${matchKey('a')} % ${key}))
          AND ${datesOfBirthAgreeSql(`${dob}::date`, 'p.date_of_birth')}
          AND (${except}::uuid IS NULL OR p.case_id <> ${except}::uuid)
        ORDER BY score DESC, p.id LIMIT ${query.limit}`,
      params.values,
    );
  }

  /** The FROM and WHERE of a read of parties as people: visible cases, readable names and dates of birth. */
  private readableFrom(viewer: RequestContext, params: SqlParams): string {
    const scope = accessibleSql(viewer.ability, 'read', 'Case', 'c', params);
    const agency = params.add(viewer.user?.agencyId ?? null);
    return `c.category AS case_category, ${relationToCaseSql('c', agency)} AS case_relation
         FROM parties p JOIN cases c ON c.id = p.case_id
        WHERE ${scope} AND p.full_name IS NOT NULL AND ${readablePersonSql(viewer, 'p', 'c', params)}`;
  }

  /** Links a party to a person (null: unlinks it); answers the person it was linked to before. */
  async setPersonOfParty(db: Database, partyId: string, personId: string | null): Promise<string | null> {
    const before = await one<{ person_id: string | null }>(
      db,
      `UPDATE parties p SET person_id = $2 FROM parties prior WHERE p.id = $1 AND prior.id = p.id RETURNING prior.person_id`,
      [partyId, personId],
    );
    return before?.person_id ?? null;
  }

  /**
   * Moves the links of `from` to `to` (only of `onlyParties` when given), on every case whoever holds it: a merge
   * of two people is about the records, not about the cases the merging manager holds. Through the owner's
   * function (see the people migration), in the caller's transaction.
   */
  movePersonLinks(
    db: Database,
    from: string,
    to: string,
    onlyParties: readonly string[] | null,
  ): Promise<{ party_id: string; case_id: string }[]> {
    return rows(db, `SELECT party_id, case_id FROM portal_move_person_links($1, $2, $3::uuid[])`, [
      from,
      to,
      onlyParties,
    ]);
  }
}
