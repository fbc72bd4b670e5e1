import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { CaseCategory, DAY_MS } from '#libs/common';

/** The demo's agencies and their caseworkers, by the demo's keys. */
export interface FiguresStaff {
  agency: Record<string, string>;
  caseworker: Record<string, string>;
}

/** Who owns the history, by turn: the landlord and the council's ASB unit most, as in the demo itself. */
const OWNERS = ['homes', 'asb', 'police', 'homes', 'asb', 'envhealth'] as const;

/** Cases a month the history adds: enough that the partnership's monthly figures clear the small-number rule. */
const PER_MONTH = 6;
/** Months of history: the last year's trends and, beside each month, the same month a year before. */
const MONTHS = 26;

const HISTORY: readonly (readonly [CaseCategory, string, string])[] = [
  [CaseCategory.NOISE, 'Northgate', 'Late-night music from a neighbouring flat; stopped after a warning letter.'],
  [CaseCategory.RUBBISH, 'Millbrook', 'Bags of rubbish left on a shared landing; cleared and the tenancy reminded.'],
  [CaseCategory.HARASSMENT, 'Kingsmead', 'Shouting and name-calling between neighbours; mediation agreed.'],
  [CaseCategory.VEHICLES, 'Southbank', 'An untaxed car left on a shared parking area; removed.'],
  [CaseCategory.COMMUNAL_AREAS, 'Alder Vale', 'Young people gathering in a stairwell at night; door entry repaired.'],
  [CaseCategory.PETS, 'Weavers Green', 'A dog barking for hours while left alone; owner agreed a plan.'],
  [CaseCategory.DRUGS, 'Thornfield', 'Suspected drug dealing from a flat; police patrols and a closure warning.'],
  [CaseCategory.GARDENS, "St Bede's", 'An overgrown garden attracting vermin; cleared by the tenant.'],
];

/** A fixed sequence of numbers in [0, 1): the history is the same every time, shifted to stay recent. */
function dice(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/**
 * Two years of closed cases, each with an incident or two, spread over the owners by turn: the base demo covers
 * eighteen months, thin month by month, so Reports' trends would show a year with nothing a year earlier. Loaded
 * before the casework seed, so these cases get their service-standard history like every other.
 */
export async function seedDemoFigures(db: EntityManager, staff: FiguresStaff): Promise<void> {
  const owners = OWNERS.map((key) => ({ agency: staff.agency[key], caseworker: staff.caseworker[key] }));
  const roll = dice(0xf16e2026);
  const now = Date.now();
  const at = (daysAgo: number) => new Date(now - daysAgo * DAY_MS).toISOString();
  const cases: Record<string, unknown>[] = [];
  const incidents: Record<string, unknown>[] = [];
  for (let month = 0; month <= MONTHS; month++) {
    for (let n = 0; n < PER_MONTH; n++) {
      const turn = month * PER_MONTH + n;
      const owner = owners[turn % owners.length];
      const [category, ward, summary] = HISTORY[turn % HISTORY.length];
      // Evenly through the 30 days `month` months back, so every calendar month holds at least five; at least a
      // week ago, and closed (10 to 35 days later, sooner for the latest) before today.
      const opened = Math.max(8, (month + (n + roll() * 0.8) / PER_MONTH) * 30.44);
      const closed = opened - (opened > 40 ? 10 + roll() * 25 : 2 + roll() * (opened - 6) * 0.5);
      const resolved = roll() < 0.75;
      const id = randomUUID();
      cases.push({
        id,
        category,
        status: resolved ? 'CLOSED_RESOLVED' : 'CLOSED_UNRESOLVED',
        risk_level: roll() < 0.2 ? 'MEDIUM' : 'STANDARD',
        ward,
        summary,
        opened_at: at(opened),
        closed_at: at(closed),
        close_reason: resolved ? 'The behaviour stopped' : 'No further reports; the complainant moved away',
        owner_agency_id: owner.agency,
        lead_officer_id: owner.caseworker,
        created_by_id: owner.caseworker,
        updated_at: at(closed),
      });
      for (let i = 0; i < 1 + Math.floor(roll() * 2); i++) {
        const when = at(opened - roll() * (opened - closed));
        incidents.push({
          case_id: id,
          occurred_at: when,
          category,
          description: 'Reported again by the complainant',
          ward,
          logged_by_id: owner.caseworker,
          logged_by_agency_id: owner.agency,
          logged_at: when,
        });
      }
    }
  }
  await db.query(
    `INSERT INTO cases (id, reference, category, status, risk_level, ward, summary, opened_at, closed_at, close_reason,
       owner_agency_id, lead_officer_id, created_by_id, updated_at)
     SELECT r.id, 'ASB-' || to_char(r.opened_at, 'YYYY') || '-' || lpad(nextval('case_reference_seq')::text, 6, '0'),
       r.category, r.status, r.risk_level, r.ward, r.summary, r.opened_at, r.closed_at, r.close_reason,
       r.owner_agency_id, r.lead_officer_id, r.created_by_id, r.updated_at
     FROM (SELECT * FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, category text, status text, risk_level text, ward text,
       summary text, opened_at timestamptz, closed_at timestamptz, close_reason text, owner_agency_id uuid, lead_officer_id uuid,
       created_by_id uuid, updated_at timestamptz) ORDER BY x.opened_at) r`,
    [JSON.stringify(cases)],
  );
  await db.query(
    `INSERT INTO incidents (case_id, occurred_at, category, description, ward, logged_by_id, logged_by_agency_id, logged_at)
     SELECT case_id, occurred_at, category, description, ward, logged_by_id, logged_by_agency_id, logged_at
       FROM jsonb_to_recordset($1::jsonb) AS r(case_id uuid, occurred_at timestamptz, category text, description text, ward text,
         logged_by_id uuid, logged_by_agency_id uuid, logged_at timestamptz)`,
    [JSON.stringify(incidents)],
  );
}
