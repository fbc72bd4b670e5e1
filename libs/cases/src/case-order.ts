import { registerEnumType } from '@nestjs/graphql';
import { BadInputError, decodeCursor, encodeCursor } from '#libs/common';
import type { SqlParams } from '#libs/db';
import type { CaseRow } from './case-record.js';

/** How a list of cases is sorted: only by case basics, which everyone who sees a case may read. */
export enum CaseOrder {
  NEWEST = 'NEWEST',
  OLDEST = 'OLDEST',
  REFERENCE = 'REFERENCE',
  HIGHEST_RISK = 'HIGHEST_RISK',
  WARD = 'WARD',
}

registerEnumType(CaseOrder, {
  name: 'CaseOrder',
  description:
    'NEWEST first (the default), OLDEST first, by REFERENCE, HIGHEST_RISK first (newest first within a level), by WARD',
});

interface SortKey {
  sql: string;
  cast: 'timestamptz' | 'text' | 'int' | 'uuid';
  of: (row: CaseRow) => string | number;
}

const RANK = { STANDARD: 0, MEDIUM: 1, HIGH: 2 } as const;
const OPENED: SortKey = { sql: 'c.opened_at', cast: 'timestamptz', of: (row) => row.opened_at.toISOString() };
const ID: SortKey = { sql: 'c.id', cast: 'uuid', of: (row) => row.id };

/** Every order ends with the id, so the keyset is total and a cursor names exactly one place in the list. */
const ORDERS: Record<CaseOrder, { direction: 'ASC' | 'DESC'; keys: SortKey[] }> = {
  NEWEST: { direction: 'DESC', keys: [OPENED, ID] },
  OLDEST: { direction: 'ASC', keys: [OPENED, ID] },
  REFERENCE: { direction: 'ASC', keys: [{ sql: 'c.reference', cast: 'text', of: (row) => row.reference }, ID] },
  HIGHEST_RISK: {
    direction: 'DESC',
    keys: [
      {
        sql: `(CASE c.risk_level WHEN 'HIGH' THEN 2 WHEN 'MEDIUM' THEN 1 ELSE 0 END)`,
        cast: 'int',
        of: (row) => RANK[row.risk_level],
      },
      OPENED,
      ID,
    ],
  },
  WARD: { direction: 'ASC', keys: [{ sql: 'lower(c.ward)', cast: 'text', of: (row) => row.ward.toLowerCase() }, ID] },
};

export function orderBySql(order: CaseOrder): string {
  const { direction, keys } = ORDERS[order];
  return keys.map((key) => `${key.sql} ${direction}`).join(', ');
}

export function cursorOf(order: CaseOrder, row: CaseRow): string {
  return encodeCursor([order, ...ORDERS[order].keys.map((key) => key.of(row))]);
}

/** Where a cursor says the next page starts: the sort keys' values of the last row seen, checked. */
export interface CaseCursor {
  values: unknown[];
}

/** Reads a cursor this list issued; a cursor from another order, or not one of ours, is refused as BAD_INPUT on `after`. */
export function parseCursor(order: CaseOrder, cursor: string): CaseCursor {
  const { keys } = ORDERS[order];
  const [issuedFor, ...values] = decodeCursor(cursor, [
    'string',
    ...keys.map((key) => (key.cast === 'int' ? 'number' : 'string')),
  ]);
  if (issuedFor !== order) throw new BadInputError('after', 'The cursor belongs to another order of this list');
  if (keys.some((key, i) => key.cast === 'timestamptz' && Number.isNaN(Date.parse(String(values[i]))))) {
    throw new BadInputError('after', 'The cursor is not one this server issued');
  }
  if (!/^[0-9a-f-]{36}$/i.test(String(values.at(-1))))
    throw new BadInputError('after', 'The cursor is not one this server issued');
  return { values };
}

/** The keyset predicate for rows after `cursor` in this order. */
export function afterSql(order: CaseOrder, cursor: CaseCursor, params: SqlParams): string {
  const { direction, keys } = ORDERS[order];
  const placeholders = keys.map((key, i) => `${params.add(cursor.values[i])}::${key.cast}`);
  return `(${keys.map((key) => key.sql).join(', ')}) ${direction === 'DESC' ? '<' : '>'} (${placeholders.join(', ')})`;
}
