import { Injectable } from '@nestjs/common';
import { accessibleSql, type Action, type PortalAbility } from '#libs/access';
import { AnonymisesCases, type Database, exec, one, REMOVED_BY_RETENTION, rows, SqlParams } from '#libs/db';
import type { ShareAccess } from '#libs/common';
import type { CaseTransferRow, CaseTransferStatus } from './case-transfer.model.js';

const COLUMNS = `t.id, t.case_id, t.reference, t.category, t.from_agency_id, t.to_agency_id, t.reason, t.kept_access, t.status,
  t.offered_by_id, t.offered_at, t.decided_at, t.decision_reason`;

/** The only code that names the case_transfers table. */
@Injectable()
export class TransfersRepository {
  /** A new offer; undefined when the case has one waiting already. */
  insert(
    db: Database,
    offer: {
      caseId: string;
      reference: string;
      category: string;
      fromAgencyId: string;
      toAgencyId: string;
      reason: string;
      keptAccess: ShareAccess | null;
      offeredById: string;
    },
  ): Promise<CaseTransferRow | undefined> {
    return one(
      db,
      `INSERT INTO case_transfers AS t (case_id, reference, category, from_agency_id, to_agency_id, reason, kept_access, offered_by_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (case_id) WHERE status = 'PENDING' DO NOTHING RETURNING ${COLUMNS}`,
      [
        offer.caseId,
        offer.reference,
        offer.category,
        offer.fromAgencyId,
        offer.toAgencyId,
        offer.reason,
        offer.keptAccess,
        offer.offeredById,
      ],
    );
  }

  /** An offer the caller may `action`, locked so that two decisions of it cannot both be taken. */
  lockFor(db: Database, ability: PortalAbility, action: Action, id: string): Promise<CaseTransferRow | undefined> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, action, 'CaseTransfer', 't', params);
    return one(
      db,
      `SELECT ${COLUMNS} FROM case_transfers t WHERE t.id = ${params.add(id)} AND ${scope} FOR UPDATE`,
      params.values,
    );
  }

  /** The offers waiting for the caller's agency to decide, oldest first. */
  waitingFor(db: Database, ability: PortalAbility, agencyId: string): Promise<CaseTransferRow[]> {
    const params = new SqlParams();
    const scope = accessibleSql(ability, 'read', 'CaseTransfer', 't', params);
    return rows(
      db,
      `SELECT ${COLUMNS} FROM case_transfers t
        WHERE t.status = 'PENDING' AND t.to_agency_id = ${params.add(agencyId)} AND ${scope}
        ORDER BY t.offered_at, t.id LIMIT 200`,
      params.values,
    );
  }

  /** The offer waiting on each of these cases, if any. */
  pendingOfCases(db: Database, caseIds: readonly string[]): Promise<CaseTransferRow[]> {
    return rows(
      db,
      `SELECT ${COLUMNS} FROM case_transfers t WHERE t.case_id = ANY($1::uuid[]) AND t.status = 'PENDING'`,
      [caseIds],
    );
  }

  /** Records the decision on a waiting offer; undefined when it no longer waits. */
  decide(
    db: Database,
    id: string,
    decision: { status: CaseTransferStatus; userId: string; reason: string | null },
  ): Promise<CaseTransferRow | undefined> {
    return one(
      db,
      `UPDATE case_transfers t SET status = $2, decided_at = now(), decided_by_id = $3, decision_reason = $4
        WHERE t.id = $1 AND t.status = 'PENDING' RETURNING ${COLUMNS}`,
      [id, decision.status, decision.userId, decision.reason],
    );
  }

  /** Who offered what to whom, and when, stays; the words, which may name people, go. */
  @AnonymisesCases({ tables: ['case_transfers'] })
  anonymise(db: Database, caseIds: string[]): Promise<number> {
    return exec(
      db,
      `UPDATE case_transfers SET reason = '${REMOVED_BY_RETENTION}',
          decision_reason = CASE WHEN decision_reason IS NULL THEN NULL ELSE '${REMOVED_BY_RETENTION}' END
        WHERE case_id = ANY($1)`,
      [caseIds],
    );
  }
}
