import type { EntityManager } from 'typeorm';

const OFFER_REASON = 'The trouble comes from a Riverside Homes tenancy: the landlord leads on tenancy enforcement now';

/**
 * Issue 19, item 2: one case the council's ASB unit handed to Riverside Homes, keeping a FULL share, with the offer
 * and the acceptance on its trail. Written as the transfer itself writes it: the owner moves, the lead officer (one
 * of the council's people) goes, the version moves on, the landlord's own share (if any) ends.
 */
export async function seedDemoTransfers(
  db: EntityManager,
  who: { council: string; councilCaseworker: string; landlord: string; landlordManager: string },
): Promise<void> {
  const [kase]: { id: string; reference: string; category: string }[] = await db.query(
    `SELECT c.id, c.reference, c.category FROM cases c
      WHERE c.owner_agency_id = $1 AND c.status = 'OPEN' AND c.category <> 'DOMESTIC_ABUSE'
        AND NOT EXISTS (SELECT 1 FROM legal_holds h WHERE h.case_id = c.id)
        AND NOT EXISTS (SELECT 1 FROM agenda_items i WHERE i.case_id = c.id)
      ORDER BY c.opened_at LIMIT 1`,
    [who.council],
  );
  if (!kase) return;
  const names: { id: string; name: string }[] = await db.query(`SELECT id, name FROM agencies WHERE id = ANY($1)`, [
    [who.council, who.landlord],
  ]);
  const named = (id: string) => ({ id, name: names.find((a) => a.id === id)!.name });
  const [offeredAt, acceptedAt] = [
    new Date(Date.now() - 6 * 86_400_000).toISOString(),
    new Date(Date.now() - 5 * 86_400_000).toISOString(),
  ];
  await db.query(
    `INSERT INTO case_transfers (case_id, reference, category, from_agency_id, to_agency_id, reason, kept_access, status,
       offered_by_id, offered_at, decided_by_id, decided_at)
     VALUES ($1, $2, $3, $4, $5, $6, 'FULL', 'ACCEPTED', $7, $8, $9, $10)`,
    [
      kase.id,
      kase.reference,
      kase.category,
      who.council,
      who.landlord,
      OFFER_REASON,
      who.councilCaseworker,
      offeredAt,
      who.landlordManager,
      acceptedAt,
    ],
  );
  await db.query(
    `UPDATE cases SET owner_agency_id = $2, lead_officer_id = NULL, version = version + 1, updated_at = $3 WHERE id = $1`,
    [kase.id, who.landlord, acceptedAt],
  );
  await db.query(
    `UPDATE case_shares SET revoked_at = $3, revoked_by_id = $4 WHERE case_id = $1 AND agency_id = ANY($2) AND revoked_at IS NULL`,
    [kase.id, [who.council, who.landlord], acceptedAt, who.landlordManager],
  );
  const kept = `Kept by the previous owner when the case was transferred to ${named(who.landlord).name}: ${OFFER_REASON}`;
  await db.query(
    `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, shared_by_id, shared_at)
     VALUES ($1, $2, 'FULL', $3, 'OTHER', $3, 'NOT_RECORDED', $4, $5)`,
    [kase.id, who.council, kept, who.councilCaseworker, acceptedAt],
  );
  await db.query(
    `INSERT INTO audit_events (at, case_id, actor_id, actor_agency_id, action, detail) VALUES
       ($1, $3, $4, $5, 'CASE_TRANSFER_OFFERED', $7), ($2, $3, $6, $8, 'CASE_TRANSFERRED', $9)`,
    [
      offeredAt,
      acceptedAt,
      kase.id,
      who.councilCaseworker,
      who.council,
      who.landlordManager,
      JSON.stringify({ to: named(who.landlord), keptAccess: 'FULL', reason: OFFER_REASON }),
      who.landlord,
      JSON.stringify({ from: named(who.council), to: named(who.landlord), keptAccess: 'FULL', reason: OFFER_REASON }),
    ],
  );
}
