import http from 'node:http';
import type { Pool } from 'pg';
import {
  type BenchCase,
  type BenchUser,
  type Partnership,
  type Relation,
  type Risk,
  RISKS,
} from './alert-partnership.js';

/**
 * The changes that raise alerts, made over HTTP as the partnership's users, at a fixed rate or one after
 * another. Each change is recorded with the alerts it must raise and the wall-clock time its response
 * arrived (after its commit), so the benchmark can match it to its alerts exactly afterwards.
 */

export type ChangeKind = 'INCIDENT' | 'RISK' | 'ACTION' | 'SHARE';
export type Target = 'regular' | 'narrow' | 'wide';

export interface Change {
  seq: number;
  /** The benchmark phase it was made in. */
  phase: string;
  kind: ChangeKind;
  caseId: string;
  actorId: string;
  /** The alert kinds the change raises, in order, if it commits. */
  alertKinds: string[];
  sentAt: number;
  respondedAt: number;
  ok: boolean;
  error?: string;
}

export interface RunResult {
  sent: number;
  ok: number;
  failed: number;
  firstError: string | null;
  seconds: number;
  /** How late the most delayed change of a paced run was started. */
  maxSendLagMs: number;
  /** Changes that had to wait for a case with no change in flight (every case busy: the portal behind). */
  waitedForCase: number;
}

export const LOG_INCIDENT = `mutation($c: ID!, $at: DateTime!, $d: String!) {
  logIncident(caseId: $c, input: { occurredAt: $at, category: NOISE, description: $d }) { id }
}`;
export const UPDATE_RISK = `mutation($id: ID!, $v: Int!, $r: RiskLevel!) {
  updateCase(id: $id, expectedVersion: $v, input: { riskLevel: $r }) { version riskLevel }
}`;
export const ADD_ACTION = `mutation($c: ID!, $a: ID!, $k: ActionKind!, $d: String!) {
  addAction(caseId: $c, input: { kind: $k, description: $d, ownerAgencyId: $a }) { id }
}`;
export const SHARE_CASE = `mutation($c: ID!, $a: ID!, $x: ShareAccess!) {
  shareCase(caseId: $c, agencyId: $a, access: $x, reason: "Bench: information-sharing agreement") { id }
}`;

const ACTION_KINDS = ['PATROL', 'HOME_VISIT', 'WARNING_LETTER', 'MEDIATION', 'REFERRAL', 'SUPPORT_PLAN'];
const RISK_ORDER: Record<Risk, number> = { STANDARD: 0, MEDIUM: 1, HIGH: 2 };

/** A seeded sequence of change kinds in the given proportions. */
export function planChanges(rand: () => number, count: number, mix: Partial<Record<ChangeKind, number>>): ChangeKind[] {
  const entries = Object.entries(mix) as [ChangeKind, number][];
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  return Array.from({ length: count }, () => {
    let r = rand() * total;
    for (const [kind, weight] of entries) if ((r -= weight) < 0) return kind;
    return entries.at(-1)![0];
  });
}

/**
 * GraphQL over HTTP, one connection per request. Not fetch with keep-alive: while the portal's event loop is
 * held up by deliveries, its keep-alive timers fire late and close sockets the client has already sent the
 * next request on ("fetch failed"), which would lose changes for a reason that is not the feature's.
 */
const noKeepAlive = new http.Agent({ keepAlive: false, maxSockets: Infinity });

function graphql<T>(url: URL, token: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const body = JSON.stringify({ query, variables });
  return new Promise<T>((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: noKeepAlive,
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'content-length': Buffer.byteLength(body),
          authorization: `Bearer ${token}`,
        },
        timeout: 300_000,
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          try {
            const parsed = JSON.parse(text) as {
              data?: T;
              errors?: { message: string; extensions?: { code?: string } }[];
            };
            if (parsed.errors?.length || !parsed.data) {
              const messages = (parsed.errors ?? [])
                .map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`)
                .join('; ');
              reject(new Error(`HTTP ${response.statusCode}: ${messages || 'no data'}`));
            } else resolve(parsed.data);
          } catch {
            reject(new Error(`HTTP ${response.statusCode}: ${text.slice(0, 300)}`));
          }
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error('no response within 300 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/** Wall-clock milliseconds with sub-millisecond resolution, as the subscriber process records them. */
export const wallNow = () => performance.timeOrigin + performance.now();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class AlertLoad {
  readonly changes: Change[] = [];
  private readonly busy = new Set<string>();
  private readonly endpoint: URL;
  private nextShareCase = 0;
  private nextNarrowCase = 0;
  /** Regular cases with no change in flight, and the changes waiting for one. */
  private free: BenchCase[] | null = null;
  private readonly waiting: ((kase: BenchCase) => void)[] = [];
  /** Changes that waited because every regular case already had one in flight (the portal falling behind). */
  private waitedForCase = 0;

  constructor(
    url: string,
    private readonly partnership: Partnership,
    private readonly pool: Pool,
    private readonly rand: () => number,
  ) {
    this.endpoint = new URL(url);
  }

  /**
   * Makes the changes: at `rate` per second on a fixed schedule (a late change is sent at once, so the rate
   * holds on average), or, without a rate, one after another. No two changes of one case are ever in flight
   * together, so a case's changes commit in the order they were sent.
   */
  async run(
    kinds: ChangeKind[],
    options: { phase: string; rate?: number; target?: Target; actor?: BenchUser },
  ): Promise<RunResult> {
    const started = performance.now();
    const first = this.changes.length;
    const waitedBefore = this.waitedForCase;
    let maxSendLagMs = 0;
    if (options.rate) {
      const interval = 1000 / options.rate;
      const inflight = new Set<Promise<void>>();
      for (let i = 0; i < kinds.length; i++) {
        const wait = started + i * interval - performance.now();
        if (wait > 1) await sleep(wait);
        else maxSendLagMs = Math.max(maxSendLagMs, -wait);
        const change = this.one(kinds[i], options).finally(() => inflight.delete(change));
        inflight.add(change);
      }
      await Promise.all(inflight);
    } else {
      for (const kind of kinds) await this.one(kind, options);
    }
    const made = this.changes.slice(first);
    const failed = made.filter((c) => !c.ok);
    return {
      sent: made.length,
      ok: made.length - failed.length,
      failed: failed.length,
      firstError: failed[0]?.error ?? null,
      seconds: (performance.now() - started) / 1000,
      maxSendLagMs,
      waitedForCase: this.waitedForCase - waitedBefore,
    };
  }

  private request<T>(user: BenchUser, query: string, variables: Record<string, unknown>): Promise<T> {
    return graphql<T>(this.endpoint, user.token, query, variables);
  }

  /** The case to change: null when the pool is used up; waits while every regular case has a change in flight. */
  private async pickCase(kind: ChangeKind, target: Target): Promise<BenchCase | null> {
    const { byPool } = this.partnership;
    if (kind === 'SHARE') {
      const kase = byPool.share[this.nextShareCase++];
      return kase ? this.take(kase) : null;
    }
    if (target === 'wide') return this.take(byPool.wide[0]);
    if (target === 'narrow') return this.take(byPool.narrow[this.nextNarrowCase++ % byPool.narrow.length]);
    this.free ??= [...byPool.regular];
    if (this.free.length > 0) {
      const i = Math.floor(this.rand() * this.free.length);
      const kase = this.free[i];
      this.free[i] = this.free[this.free.length - 1];
      this.free.pop();
      return this.take(kase);
    }
    // Every regular case has a change in flight (the portal is behind): wait for one to be handed over.
    this.waitedForCase++;
    return new Promise<BenchCase>((resolve) => this.waiting.push(resolve));
  }

  private take(kase: BenchCase): BenchCase {
    if (this.busy.has(kase.id)) throw new Error(`case ${kase.reference} already has a change in flight`);
    this.busy.add(kase.id);
    return kase;
  }

  /** A regular case goes to the longest-waiting change, still taken; otherwise back to the free list. */
  private release(kase: BenchCase): void {
    if (kase.pool === 'regular') {
      const next = this.waiting.shift();
      if (next) return next(kase);
      this.free!.push(kase);
    }
    this.busy.delete(kase.id);
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.rand() * list.length)];
  }

  private userOf(agency: number): BenchUser {
    return this.pick(this.partnership.agencies[agency].users);
  }

  private async one(kind: ChangeKind, options: { phase: string; target?: Target; actor?: BenchUser }): Promise<void> {
    const kase = await this.pickCase(kind, options.target ?? 'regular');
    const seq = this.changes.length;
    if (!kase) {
      this.changes.push({
        seq,
        phase: options.phase,
        kind,
        caseId: '',
        actorId: '',
        alertKinds: [],
        sentAt: wallNow(),
        respondedAt: wallNow(),
        ok: false,
        error: 'the share pool is used up',
      });
      return;
    }
    const holders = [...kase.holders.keys()];
    const actor =
      options.actor ??
      (kind === 'RISK' || kind === 'SHARE' ? this.userOf(kase.owner) : this.userOf(this.pick(holders)));
    const change: Change = {
      seq,
      phase: options.phase,
      kind,
      caseId: kase.id,
      actorId: actor.id,
      alertKinds: [],
      sentAt: 0,
      respondedAt: 0,
      ok: false,
    };
    this.changes.push(change);
    try {
      let request: () => Promise<unknown>;
      let after: (data: unknown) => void = () => undefined;
      switch (kind) {
        case 'INCIDENT':
          change.alertKinds = ['INCIDENT_LOGGED'];
          request = () =>
            this.request(actor, LOG_INCIDENT, {
              c: kase.id,
              at: new Date(Date.now() - 3_600_000).toISOString(),
              d: `Bench incident ${seq}: noise reported`,
            });
          break;
        case 'RISK': {
          const risk = this.pick(RISKS.filter((r) => r !== kase.risk));
          change.alertKinds =
            RISK_ORDER[risk] > RISK_ORDER[kase.risk] ? ['CASE_UPDATED', 'RISK_ESCALATED'] : ['CASE_UPDATED'];
          request = () => this.request(actor, UPDATE_RISK, { id: kase.id, v: kase.version, r: risk });
          after = (data) => {
            const updated = (data as { updateCase: { version: number; riskLevel: Risk } }).updateCase;
            kase.version = updated.version;
            kase.risk = updated.riskLevel;
          };
          break;
        }
        case 'ACTION':
          change.alertKinds = ['ACTION_ASSIGNED'];
          request = () =>
            this.request(actor, ADD_ACTION, {
              c: kase.id,
              a: this.partnership.agencies[this.pick(holders)].id,
              k: this.pick(ACTION_KINDS),
              d: `Bench action ${seq}: agreed at the case review`,
            });
          break;
        case 'SHARE': {
          const candidates = this.partnership.agencies.map((a) => a.index).filter((i) => !kase.holders.has(i));
          const agency = this.pick(candidates);
          const access: Relation = this.rand() < 0.6 ? 'FULL' : 'LIMITED';
          change.alertKinds = ['CASE_SHARED'];
          request = () =>
            this.request(actor, SHARE_CASE, { c: kase.id, a: this.partnership.agencies[agency].id, x: access });
          after = () => void kase.holders.set(agency, access);
          break;
        }
      }
      change.sentAt = wallNow();
      try {
        const data = await request();
        change.respondedAt = wallNow();
        change.ok = true;
        after(data);
      } catch (error) {
        change.respondedAt = wallNow();
        change.error = String((error as Error).message ?? error);
        if (kind === 'RISK') await this.resync(kase);
      }
    } finally {
      this.release(kase);
    }
  }

  /** After a failed update, the case as it is (a failed change raised nothing, so the benchmark carries on). */
  private async resync(kase: BenchCase): Promise<void> {
    const { rows } = await this.pool.query<{ version: number; risk_level: Risk }>(
      `SELECT version, risk_level FROM cases WHERE id = $1`,
      [kase.id],
    );
    if (rows[0]) {
      kase.version = rows[0].version;
      kase.risk = rows[0].risk_level;
    }
  }
}
