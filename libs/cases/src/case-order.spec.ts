import { describe, expect, it } from '@jest/globals';
import { encodeCursor } from '#libs/common';
import { SqlParams } from '#libs/db';
import { afterSql, CaseOrder, parseCursor } from './case-order.js';

describe('case list order and cursors', () => {
  const id = '11111111-1111-4111-8111-111111111111';

  it('continues a page after the last row seen, in the order the cursor was issued for', () => {
    const cursor = parseCursor(CaseOrder.NEWEST, encodeCursor([CaseOrder.NEWEST, '2026-03-01T09:00:00.000Z', id]));
    const params = new SqlParams();
    expect(afterSql(CaseOrder.NEWEST, cursor, params)).toBe('(c.opened_at, c.id) < ($1::timestamptz, $2::uuid)');
    expect(params.values).toEqual(['2026-03-01T09:00:00.000Z', id]);
    const byReference = parseCursor(CaseOrder.REFERENCE, encodeCursor([CaseOrder.REFERENCE, 'ASB-2026-000001', id]));
    expect(afterSql(CaseOrder.REFERENCE, byReference, new SqlParams())).toBe(
      '(c.reference, c.id) > ($1::text, $2::uuid)',
    );
  });

  it('refuses, on `after`, a cursor of another order or one this server did not issue', () => {
    const newest = encodeCursor([CaseOrder.NEWEST, '2026-03-01T09:00:00.000Z', id]);
    expect(() => parseCursor(CaseOrder.OLDEST, newest)).toThrow('The cursor belongs to another order of this list');
    expect(() => parseCursor(CaseOrder.NEWEST, encodeCursor([CaseOrder.NEWEST, 'yesterday', id]))).toThrow(
      'The cursor is not one this server issued',
    );
    expect(() =>
      parseCursor(CaseOrder.NEWEST, encodeCursor([CaseOrder.NEWEST, '2026-03-01T09:00:00.000Z', 'x'])),
    ).toThrow('The cursor is not one this server issued');
  });
});
