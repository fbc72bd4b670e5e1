import { CaseChangeKind } from './case-update.model.js';

/** One NOTIFY on `case_updates` (migration 1765430000000): `<caseId>|<what>|<acting agency>|<agency it is about>`. */
export interface CaseSignal {
  caseId: string | null;
  what: CaseChangeKind;
  actorAgencyId: string | null;
  /** An agency the change is about although it may not hold the case: a share's agency, a report's receiving agency. */
  aboutAgencyId: string | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const KINDS = new Set<string>(Object.values(CaseChangeKind));

/** The signal a notification payload stands for; null for anything malformed (it is only a hint: nothing is lost). */
export function parseSignal(payload: string): CaseSignal | null {
  const [caseId = '', what = '', actor = '', about = ''] = payload.split('|');
  const id = (value: string) => (UUID.test(value) ? value.toLowerCase() : null);
  if (!KINDS.has(what) || (caseId && !id(caseId))) return null;
  const signal = {
    caseId: caseId ? id(caseId) : null,
    what: what as CaseChangeKind,
    actorAgencyId: id(actor),
    aboutAgencyId: id(about),
  };
  return signal.caseId || signal.aboutAgencyId ? signal : null;
}

/** A burst's signals with the repeats folded: one per case (or agency), kind and acting agency, in arrival order. */
export function distinctSignals(signals: readonly CaseSignal[]): CaseSignal[] {
  const seen = new Map<string, CaseSignal>();
  for (const s of signals) seen.set(`${s.caseId}|${s.what}|${s.actorAgencyId}|${s.aboutAgencyId}`, s);
  return [...seen.values()];
}

/** Who may see a case now: its owner, and the agencies holding a live share (what `read Case` asks of a row). */
export interface CaseHolders {
  ownerAgencyId: string;
  sharedWithAgencyIds: string[];
}

/**
 * What a subscriber to every case of its agency (`caseActivity`) is told of a signal: the signal when it holds the
 * case now (`holds`); a caseless signal when the change is about its own agency without a case it holds (a report
 * in its triage queue, its share ended); nothing otherwise. `holds` is the subscriber's rule on the case's holders.
 */
export function activityFor(
  signal: CaseSignal,
  agencyId: string,
  holds: boolean,
): Pick<CaseSignal, 'caseId' | 'what' | 'actorAgencyId'> | null {
  if (signal.caseId && holds) return signal;
  if (signal.aboutAgencyId === agencyId) return { ...signal, caseId: null };
  return null;
}
