import { type ActionKind, BadInputError, REGISTERED_ACTION_KINDS } from '#libs/common';
import type { UpdateActionInput } from './actions.inputs.js';

/** What the legal dates of an action are checked against: its kind and the dates it already has. */
export interface ActionDates {
  kind: ActionKind;
  served_at: Date | null;
  expires_at: Date | null;
}

/** The dates a registered intervention's progress writes; undefined keeps what it has. */
export interface LegalDates {
  servedAt?: Date;
  hearingAt?: Date;
  expiresAt?: Date;
}

/**
 * A registered intervention's dates, checked; the expiry worked out from serving and the kind when not
 * given and not already set. Null when the input gives none.
 */
export function legalDates(
  current: ActionDates,
  input: Pick<UpdateActionInput, 'servedAt' | 'hearingAt' | 'expiresAt'>,
): LegalDates | null {
  if (!input.servedAt && !input.hearingAt && !input.expiresAt) return null;
  if (!REGISTERED_ACTION_KINDS.has(current.kind))
    throw new BadInputError('servedAt', `A ${current.kind} has no legal dates`);
  const servedAt = input.servedAt ?? current.served_at ?? undefined;
  const months = REGISTERED_ACTION_KINDS.get(current.kind);
  let expiresAt = input.expiresAt ?? undefined;
  if (!expiresAt && input.servedAt && months && !current.expires_at) {
    expiresAt = new Date(input.servedAt);
    expiresAt.setUTCMonth(expiresAt.getUTCMonth() + months);
  }
  if (servedAt && expiresAt && expiresAt.getTime() <= servedAt.getTime())
    throw new BadInputError('expiresAt', 'expiresAt must be after servedAt');
  if (servedAt && input.hearingAt && input.hearingAt.getTime() < servedAt.getTime())
    throw new BadInputError('hearingAt', 'hearingAt cannot be before servedAt');
  return { servedAt: input.servedAt ?? undefined, hearingAt: input.hearingAt ?? undefined, expiresAt };
}
