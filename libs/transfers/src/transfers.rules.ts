import { ShareAccess } from '#libs/common';
import { KeptShare } from './case-transfer.model.js';

/** The share the offering agency keeps: FULL unless it chose LIMITED or none. */
export function keptAccess(keep: KeptShare | null | undefined): ShareAccess | null {
  if (keep === KeptShare.NONE) return null;
  return keep === KeptShare.LIMITED ? ShareAccess.LIMITED : ShareAccess.FULL;
}

/**
 * Why the case cannot change owner now, or null. A legal hold is the owner's own records decision, answered to
 * whoever asked for it: the owner releases it (or keeps the case) first. A case on a live agenda is MARAC material
 * its attendees read because the owner referred it: the owner withdraws it (or waits for the meeting to close) first,
 * rather than the material vanishing from the meeting or being re-attributed to an agency that never referred it.
 */
export function whyNotMovable(
  held: boolean,
  referrals: readonly { withdrawn_at: Date | null; closed_at: Date | null }[],
): string | null {
  if (held) return 'The case is under a legal hold: release it before transferring the case';
  if (referrals.some((r) => r.withdrawn_at === null && r.closed_at === null))
    return 'The case is on a meeting’s agenda: withdraw it, or wait for the meeting to close, before transferring it';
  return null;
}
