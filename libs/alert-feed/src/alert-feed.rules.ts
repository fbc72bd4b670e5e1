import type { Relation } from '#libs/access';
import { ACTION_KINDS, type AlertRow, REVIEW_KINDS } from '#libs/alerts';
import type { CaseWithShares } from '#libs/cases';

/**
 * Agencies entitled to this alert now, with their relation to its case; null for an attending agency told
 * of a meeting's own news (or of a meeting action) without holding the case: its payload has no case.
 */
export function recipientsOf(
  row: Pick<AlertRow, 'kind' | 'case_id' | 'target_agency_id'>,
  kase: Pick<CaseWithShares, 'owner_agency_id' | 'shares'> | undefined,
  attending: ReadonlySet<string> | undefined,
): Map<string, Relation | null> {
  const entitled = new Map<string, Relation | null>();
  if (!row.case_id) {
    for (const agencyId of attending ?? []) entitled.set(agencyId, null);
    return entitled;
  }
  if (!kase) return entitled;
  if (REVIEW_KINDS.has(row.kind)) {
    entitled.set(kase.owner_agency_id, 'OWNER');
    const target = row.target_agency_id;
    if (target && !entitled.has(target)) {
      const share = kase.shares.find((s) => s.agency_id === target);
      entitled.set(target, share ? share.access : null);
    }
    return entitled;
  }
  entitled.set(kase.owner_agency_id, 'OWNER');
  for (const share of kase.shares) entitled.set(share.agency_id, share.access);
  if (ACTION_KINDS.has(row.kind)) {
    const target = row.target_agency_id;
    const only = new Map<string, Relation | null>();
    if (!target) return only;
    if (entitled.has(target)) return only.set(target, entitled.get(target)!);
    return attending?.has(target) ? only.set(target, null) : only;
  }
  return entitled;
}
