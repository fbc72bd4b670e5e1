import type { PoolClient } from 'pg';
import { AgencyKind, CaseCategory, Role } from '#libs/common';
import { hashPassword } from '#libs/users';

/**
 * The live-alert benchmark's partnership: AGENCIES agencies of mixed kinds, USERS_PER_AGENCY users each across
 * every casework role, and cases with varied holders, inserted by SQL (one password hash for everyone).
 *
 * Agency 0 is the "1% agency": only five of its users subscribe (1% of the subscribers), it owns the narrow
 * cases (shared with nobody) and the wide case (shared with every other agency), and it has a desk user with
 * no subscription who makes the changes of the CPU comparison, so every entitled subscriber receives them.
 * An ADMIN-only user shows that administrators cannot subscribe (they read no case).
 */

export const PASSWORD = 'bench-alerts-password-not-secret';
export const USERS_PER_AGENCY = 10;
/** Subscribing users of the 1% agency; the rest of its users are the desk user alone. */
export const SMALL_AGENCY_USERS = 5;

/** Role sets cycled over each agency's users: every casework role alone and in the usual pairs. */
const ROLE_SETS: Role[][] = [
  [Role.CASEWORKER],
  [Role.MANAGER],
  [Role.MARAC_CHAIR],
  [Role.MARAC_COORDINATOR],
  [Role.CASEWORKER, Role.MANAGER],
  [Role.CASEWORKER, Role.MARAC_COORDINATOR],
  [Role.MANAGER, Role.MARAC_CHAIR],
  [Role.CASEWORKER],
  [Role.MANAGER],
  [Role.MARAC_COORDINATOR],
];

const KINDS = Object.values(AgencyKind);
const CATEGORIES = [
  CaseCategory.NOISE,
  CaseCategory.HARASSMENT,
  CaseCategory.DRUGS,
  CaseCategory.DOMESTIC_ABUSE,
  CaseCategory.VANDALISM,
  CaseCategory.HATE,
];
const WARDS = ['Northgate', 'Riverside', 'Castle', 'Meadowbank', 'Harbour', 'Old Town'];
export type Relation = 'OWNER' | 'FULL' | 'LIMITED';
export type Risk = 'STANDARD' | 'MEDIUM' | 'HIGH';
export const RISKS: Risk[] = ['STANDARD', 'MEDIUM', 'HIGH'];

/** Deterministic pseudo-random numbers (mulberry32): the same partnership and load on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface BenchAgency {
  index: number;
  id: string;
  name: string;
  kind: AgencyKind;
  /** Users who subscribe (all but the 1% agency's desk user). */
  users: BenchUser[];
}

export interface BenchUser {
  id: string;
  email: string;
  roles: Role[];
  agency: number;
  token: string;
}

export type CasePool = 'regular' | 'narrow' | 'wide' | 'share';

export interface BenchCase {
  id: string;
  reference: string;
  pool: CasePool;
  owner: number;
  /** Agency index → relation, the owner included. */
  holders: Map<number, Relation>;
  risk: Risk;
  version: number;
}

export interface Partnership {
  agencies: BenchAgency[];
  desk: BenchUser;
  admin: BenchUser;
  cases: BenchCase[];
  byPool: Record<CasePool, BenchCase[]>;
}

export interface PartnershipShape {
  agencies: number;
  regularCases: number;
  narrowCases: number;
  shareCases: number;
  seed: number;
}

/** Inserts the partnership into an empty, migrated database (tokens are filled in later, by signing in). */
export async function createPartnership(db: PoolClient, shape: PartnershipShape): Promise<Partnership> {
  const rand = random(shape.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const passwordHash = await hashPassword(PASSWORD);
  await db.query('BEGIN');
  try {
    const names = Array.from({ length: shape.agencies }, (_, i) => {
      const kind = KINDS[i % KINDS.length];
      return {
        name: `Alerts ${String(i + 1).padStart(2, '0')} ${kind.charAt(0)}${kind.slice(1).toLowerCase().replace('_', ' ')}`,
        kind,
      };
    });
    const agencyRows = (
      await db.query<{ id: string; name: string }>(
        `INSERT INTO agencies (name, kind) SELECT * FROM unnest($1::text[], $2::text[]) RETURNING id, name`,
        [names.map((n) => n.name), names.map((n) => n.kind)],
      )
    ).rows;
    const idOf = new Map(agencyRows.map((row) => [row.name, row.id]));
    const agencies: BenchAgency[] = names.map((n, index) => ({
      index,
      id: idOf.get(n.name)!,
      name: n.name,
      kind: n.kind,
      users: [],
    }));

    const userSpecs: { email: string; name: string; agency: number; roles: Role[]; desk?: boolean; admin?: boolean }[] =
      [];
    for (const agency of agencies) {
      const count = agency.index === 0 ? SMALL_AGENCY_USERS : USERS_PER_AGENCY;
      for (let u = 0; u < count; u++) {
        userSpecs.push({
          email: `user-${agency.index + 1}-${u + 1}@alerts.bench`,
          name: `User ${u + 1}, ${agency.name}`,
          agency: agency.index,
          roles: ROLE_SETS[u % ROLE_SETS.length],
        });
      }
    }
    userSpecs.push({
      email: 'desk-1@alerts.bench',
      name: `Desk, ${agencies[0].name}`,
      agency: 0,
      roles: [Role.CASEWORKER],
      desk: true,
    });
    userSpecs.push({
      email: 'admin-only@alerts.bench',
      name: 'Administrator (no casework role)',
      agency: 0,
      roles: [Role.ADMIN],
      admin: true,
    });
    const userRows = (
      await db.query<{ id: string; email: string }>(
        `INSERT INTO users (email, display_name, agency_id, roles, password_hash)
         SELECT e, n, a, string_to_array(r, ','), $5 FROM unnest($1::text[], $2::text[], $3::uuid[], $4::text[]) AS x(e, n, a, r)
         RETURNING id, email`,
        [
          userSpecs.map((u) => u.email),
          userSpecs.map((u) => u.name),
          userSpecs.map((u) => agencies[u.agency].id),
          userSpecs.map((u) => u.roles.join(',')),
          passwordHash,
        ],
      )
    ).rows;
    const userId = new Map(userRows.map((row) => [row.email, row.id]));
    let desk: BenchUser | undefined;
    let admin: BenchUser | undefined;
    for (const spec of userSpecs) {
      const user: BenchUser = {
        id: userId.get(spec.email)!,
        email: spec.email,
        roles: spec.roles,
        agency: spec.agency,
        token: '',
      };
      if (spec.desk) desk = user;
      else if (spec.admin) admin = user;
      else agencies[spec.agency].users.push(user);
    }

    // Cases: who holds each is decided here and written as owner + live shares.
    const others = (owner: number) => agencies.map((a) => a.index).filter((i) => i !== owner);
    const specs: {
      pool: CasePool;
      owner: number;
      holders: Map<number, Relation>;
      risk: Risk;
      category: CaseCategory;
    }[] = [];
    const add = (pool: CasePool, owner: number, shares: number[]) => {
      const holders = new Map<number, Relation>([[owner, 'OWNER']]);
      for (const agency of shares) holders.set(agency, rand() < 0.6 ? 'FULL' : 'LIMITED');
      specs.push({ pool, owner, holders, risk: pick(RISKS), category: pick(CATEGORIES) });
    };
    const someOthers = (owner: number, max: number) => {
      const pool = others(owner);
      const count = Math.floor(rand() * (max + 1));
      const chosen: number[] = [];
      while (chosen.length < count) {
        const candidate = pick(pool);
        if (!chosen.includes(candidate)) chosen.push(candidate);
      }
      return chosen;
    };
    for (let i = 0; i < shape.regularCases; i++) {
      const owner = Math.floor(rand() * agencies.length);
      add('regular', owner, someOthers(owner, 3));
    }
    for (let i = 0; i < shape.narrowCases; i++) add('narrow', 0, []);
    add('wide', 0, others(0));
    for (let i = 0; i < shape.shareCases; i++) {
      const owner = Math.floor(rand() * agencies.length);
      add('share', owner, someOthers(owner, 2));
    }

    const creator = (agency: number) => (agency === 0 ? desk! : agencies[agency].users[0]).id;
    const caseRows = (
      await db.query<{ id: string; reference: string }>(
        `INSERT INTO cases (reference, category, risk_level, ward, address, summary, owner_agency_id, created_by_id)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::uuid[], $8::uuid[])
         RETURNING id, reference`,
        [
          specs.map((_, i) => `ALR-2026-B${String(i + 1).padStart(5, '0')}`),
          specs.map((s) => s.category),
          specs.map((s) => s.risk),
          specs.map(() => pick(WARDS)),
          specs.map((_, i) => `${1 + (i % 180)} Alert Road`),
          specs.map(
            (s, i) => `Benchmark case ${i + 1} (${s.pool}): reports of ${s.category.toLowerCase().replace('_', ' ')}`,
          ),
          specs.map((s) => agencies[s.owner].id),
          specs.map((s) => creator(s.owner)),
        ],
      )
    ).rows;
    const cases: BenchCase[] = specs.map((spec, i) => ({
      id: caseRows[i].id,
      reference: caseRows[i].reference,
      pool: spec.pool,
      owner: spec.owner,
      holders: spec.holders,
      risk: spec.risk,
      version: 1,
    }));
    await db.query(
      `INSERT INTO parties (case_id, position, role, full_name, phone)
       SELECT c, 0, CASE WHEN k = 'DOMESTIC_ABUSE' THEN 'VICTIM' ELSE 'COMPLAINANT' END, 'Reporter of ' || r, '07700 900' || lpad((n % 1000)::text, 3, '0')
         FROM unnest($1::uuid[], $2::text[], $3::text[]) WITH ORDINALITY AS x(c, k, r, n)`,
      [cases.map((c) => c.id), specs.map((s) => s.category), cases.map((c) => c.reference)],
    );
    const shares = cases.flatMap((kase) =>
      [...kase.holders]
        .filter(([, relation]) => relation !== 'OWNER')
        .map(([agency, relation]) => ({ kase, agency, relation })),
    );
    await db.query(
      `INSERT INTO case_shares (case_id, agency_id, access, reason, lawful_basis, lawful_basis_detail, consent_state, shared_by_id)
       SELECT x.c, x.a, x.r, 'Bench: information-sharing agreement', 'OTHER', 'Bench: information-sharing agreement', 'NOT_RECORDED', k.created_by_id
         FROM unnest($1::uuid[], $2::uuid[], $3::text[]) AS x(c, a, r) JOIN cases k ON k.id = x.c`,
      [shares.map((s) => s.kase.id), shares.map((s) => agencies[s.agency].id), shares.map((s) => s.relation)],
    );
    await db.query('COMMIT');
    await db.query('VACUUM (ANALYZE)');
    const byPool: Record<CasePool, BenchCase[]> = { regular: [], narrow: [], wide: [], share: [] };
    for (const kase of cases) byPool[kase.pool].push(kase);
    return { agencies, desk: desk!, admin: admin!, cases, byPool };
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}
