import type { Change } from './alert-load.js';
import type { Report } from './alert-subscribers.js';
import { percentile } from './stats.js';

/**
 * Checks what the subscribers received against what they were entitled to, alert by alert, and measures
 * latency. The expected recipients of an alert follow the contract, written out again here independently of
 * the hub: every agency holding the case (owner and live shares), or for ACTION_ASSIGNED / ACTION_OVERDUE
 * only the action's owner agency if it holds the case; of those agencies' subscribers, everyone subscribed
 * during the phase except the user who made the change.
 */

export type Relation = 'OWNER' | 'FULL' | 'LIMITED';

export interface AlertRecord {
  id: number;
  kind: string;
  caseId: string | null;
  targetAgencyId: string | null;
  actorId: string | null;
  /** Transaction id: the alerts of one change share it. */
  xid: string;
  /** When the transaction that raised it committed (track_commit_timestamp), wall-clock ms; null if unknown. */
  commitMs: number | null;
}

export interface Subscriber {
  userId: string;
  agencyId: string;
}

export interface Phase {
  name: string;
  /** Alerts with fromId < id <= toId belong to the phase. */
  fromId: number;
  toId: number;
  /** Subscriber indices subscribed throughout the phase. */
  active: number[];
}

export interface LatencySummary {
  count: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  meanMs: number;
}

export interface PhaseCheck {
  alerts: number;
  expected: number;
  delivered: number;
  matched: number;
  missing: number;
  /** Deliveries beyond the expected ones, of which: */
  unexpected: number;
  /** to a subscriber whose agency may not see this alert at all; */
  notEntitled: number;
  /** to the user who made the change; */
  toActor: number;
  /** to a subscriber not subscribed in this phase; */
  notSubscribed: number;
  /** a second copy of an alert already delivered to that subscriber. */
  duplicates: number;
  /** `case.access` not the subscriber's agency's relation (LIMITED share: LIMITED, otherwise FULL). */
  wrongAccess: number;
  /** From commit (or, without commit timestamps, the HTTP response) to the subscriber's receipt. */
  latency: LatencySummary | null;
  latencyBasis: 'commit' | 'response';
  /** From the HTTP response of the change to the subscriber's receipt. */
  latencyFromResponse: LatencySummary | null;
  /** From commit to the HTTP response arriving at the driver. */
  commitToResponse: LatencySummary | null;
  /** Changes matched to the alerts they raised (per case, in commit order, kinds compared). */
  changes: { ok: number; failed: number; matched: number; mismatched: number; firstMismatch: string | null };
}

export interface CheckResult {
  phases: Record<string, PhaseCheck>;
  /** Receipts of alerts in no phase (or unknown to the database), and the subscriber process's own findings. */
  strays: number;
  caseIdMismatches: number;
}

function summarize(values: Float64Array | number[]): LatencySummary | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  let total = 0;
  for (const v of sorted) total += v;
  const r = (v: number) => Math.round(v * 10) / 10;
  return {
    count: sorted.length,
    p50Ms: r(percentile(sorted as unknown as number[], 0.5)),
    p95Ms: r(percentile(sorted as unknown as number[], 0.95)),
    p99Ms: r(percentile(sorted as unknown as number[], 0.99)),
    maxMs: r(sorted[sorted.length - 1]),
    meanMs: r(total / sorted.length),
  };
}

const ACTION_KINDS = new Set(['ACTION_ASSIGNED', 'ACTION_OVERDUE']);

/** Agencies (id → relation) entitled to an alert, by the contract. */
export function entitledAgencies(
  alert: AlertRecord,
  holders: Map<string, Map<string, Relation>>,
): Map<string, Relation> {
  const held = alert.caseId ? holders.get(alert.caseId) : undefined;
  if (!held) return new Map();
  if (ACTION_KINDS.has(alert.kind)) {
    const relation = alert.targetAgencyId ? held.get(alert.targetAgencyId) : undefined;
    return relation ? new Map([[alert.targetAgencyId!, relation]]) : new Map<string, Relation>();
  }
  return held;
}

/** Expected (subscriber, alert) deliveries of a phase: for waiting until they have all arrived. */
export function expectedCount(
  alerts: AlertRecord[],
  holders: Map<string, Map<string, Relation>>,
  subscribers: Subscriber[],
  active: number[],
): number {
  const byAgency = groupByAgency(subscribers, active);
  let count = 0;
  for (const alert of alerts) {
    for (const agencyId of entitledAgencies(alert, holders).keys()) {
      for (const index of byAgency.get(agencyId) ?? []) if (subscribers[index].userId !== alert.actorId) count++;
    }
  }
  return count;
}

function groupByAgency(subscribers: Subscriber[], active: number[]): Map<string, number[]> {
  const byAgency = new Map<string, number[]>();
  for (const index of active) {
    const agencyId = subscribers[index].agencyId;
    const list = byAgency.get(agencyId);
    if (list) list.push(index);
    else byAgency.set(agencyId, [index]);
  }
  return byAgency;
}

export function check(
  alerts: AlertRecord[],
  holders: Map<string, Map<string, Relation>>,
  subscribers: Subscriber[],
  phases: Phase[],
  report: Report,
  changes: Change[],
): CheckResult {
  const alertById = new Map(alerts.map((a) => [a.id, a]));
  // Receipts grouped by alert id.
  const receiptsOf = new Map<number, number[]>();
  let strays = 0;
  for (let i = 0; i < report.alertId.length; i++) {
    const id = report.alertId[i];
    if (!alertById.has(id)) {
      strays++;
      continue;
    }
    const list = receiptsOf.get(id);
    if (list) list.push(i);
    else receiptsOf.set(id, [i]);
  }
  let caseIdMismatches = report.caseMismatches;
  for (const [id, caseId] of report.caseOfAlert) {
    const alert = alertById.get(id);
    if (alert && alert.caseId !== caseId) caseIdMismatches++;
  }

  // Each alert's change, matched per case in commit order: the transactions that raised alerts on a case,
  // oldest first, against the changes to it that succeeded, in the order they were sent.
  const responseOf = new Map<number, number>();
  const changeMatch = new Map<
    string,
    { ok: number; failed: number; matched: number; mismatched: number; firstMismatch: string | null }
  >();

  const result: Record<string, PhaseCheck> = {};
  const phaseOf = (id: number) => phases.find((p) => id > p.fromId && id <= p.toId);
  for (const alert of alerts) if (!phaseOf(alert.id)) strays += receiptsOf.get(alert.id)?.length ?? 0;

  for (const phase of phases) {
    const inPhase = alerts.filter((a) => a.id > phase.fromId && a.id <= phase.toId);
    const phaseChanges = changes.filter((c) => c.phase === phase.name);
    const match = matchChanges(inPhase, phaseChanges, responseOf);
    changeMatch.set(phase.name, match);

    const activeSet = new Set(phase.active);
    const byAgency = groupByAgency(subscribers, phase.active);
    const check: PhaseCheck = {
      alerts: inPhase.length,
      expected: 0,
      delivered: 0,
      matched: 0,
      missing: 0,
      unexpected: 0,
      notEntitled: 0,
      toActor: 0,
      notSubscribed: 0,
      duplicates: 0,
      wrongAccess: 0,
      latency: null,
      latencyBasis: 'commit',
      latencyFromResponse: null,
      commitToResponse: null,
      changes: match,
    };
    const latencies: number[] = [];
    const fromResponse: number[] = [];
    const commitToResponse: number[] = [];
    let commitMissing = false;
    const seenXid = new Set<string>();
    for (const alert of inPhase) {
      const entitled = entitledAgencies(alert, holders);
      const expected = new Map<number, Relation>();
      for (const [agencyId, relation] of entitled) {
        for (const index of byAgency.get(agencyId) ?? [])
          if (subscribers[index].userId !== alert.actorId) expected.set(index, relation);
      }
      check.expected += expected.size;
      const received = new Set<number>();
      const respondedAt = responseOf.get(alert.id);
      if (alert.commitMs === null) commitMissing = true;
      if (respondedAt !== undefined && alert.commitMs !== null && !seenXid.has(alert.xid)) {
        seenXid.add(alert.xid);
        commitToResponse.push(respondedAt - alert.commitMs);
      }
      for (const i of receiptsOf.get(alert.id) ?? []) {
        check.delivered++;
        const index = report.subscriber[i];
        const relation = expected.get(index);
        if (relation === undefined || received.has(index)) {
          check.unexpected++;
          if (received.has(index)) check.duplicates++;
          else if (!entitled.has(subscribers[index]?.agencyId)) check.notEntitled++;
          else if (subscribers[index].userId === alert.actorId) check.toActor++;
          else if (!activeSet.has(index)) check.notSubscribed++;
          continue;
        }
        received.add(index);
        check.matched++;
        if (report.access[i] !== (relation === 'LIMITED' ? 1 : 0)) check.wrongAccess++;
        const at = report.receivedAt[i];
        if (alert.commitMs !== null) latencies.push(at - alert.commitMs);
        if (respondedAt !== undefined) fromResponse.push(at - respondedAt);
      }
      check.missing += expected.size - received.size;
    }
    if (commitMissing) {
      check.latencyBasis = 'response';
      check.latency = summarize(fromResponse);
    } else {
      check.latency = summarize(latencies);
    }
    check.latencyFromResponse = summarize(fromResponse);
    check.commitToResponse = summarize(commitToResponse);
    result[phase.name] = check;
  }
  return { phases: result, strays, caseIdMismatches };
}

/**
 * Matches a phase's changes to its alerts. Per case, the phase's transactions in commit order must raise
 * exactly the alert kinds of the successful changes in the order they were sent (a case never has two changes
 * in flight), by the same user, and nothing more: no alert from a change that failed.
 */
function matchChanges(
  alerts: AlertRecord[],
  changes: Change[],
  responseOf: Map<number, number>,
): { ok: number; failed: number; matched: number; mismatched: number; firstMismatch: string | null } {
  const transactions = new Map<string, AlertRecord[][]>();
  const byXid = new Map<string, AlertRecord[]>();
  for (const alert of alerts) {
    let tx = byXid.get(alert.xid);
    if (!tx) {
      byXid.set(alert.xid, (tx = []));
      const list = transactions.get(alert.caseId ?? '') ?? [];
      list.push(tx);
      transactions.set(alert.caseId ?? '', list);
    }
    tx.push(alert);
  }
  const okByCase = new Map<string, Change[]>();
  let ok = 0;
  let failed = 0;
  for (const change of changes) {
    if (!change.ok) {
      failed++;
      continue;
    }
    ok++;
    const list = okByCase.get(change.caseId) ?? [];
    list.push(change);
    okByCase.set(change.caseId, list);
  }
  let matched = 0;
  let mismatched = 0;
  let firstMismatch: string | null = null;
  const caseIds = new Set([...transactions.keys(), ...okByCase.keys()]);
  for (const caseId of caseIds) {
    const txs = transactions.get(caseId) ?? [];
    const made = okByCase.get(caseId) ?? [];
    for (let i = 0; i < Math.max(txs.length, made.length); i++) {
      const tx = txs[i];
      const change = made[i];
      const kinds = tx?.map((a) => a.kind).join(',') ?? '(none)';
      const wanted = change?.alertKinds.join(',') ?? '(none)';
      if (tx && change && kinds === wanted && tx.every((a) => a.actorId === change.actorId)) {
        matched++;
        for (const alert of tx) responseOf.set(alert.id, change.respondedAt);
      } else {
        mismatched++;
        firstMismatch ??= `case ${caseId}: change ${change ? `#${change.seq} ${change.kind}` : '(none)'} wanted [${wanted}], committed [${kinds}]`;
      }
    }
  }
  return { ok, failed, matched, mismatched, firstMismatch };
}
