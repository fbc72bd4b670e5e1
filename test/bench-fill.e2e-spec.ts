import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { fillDatabase } from '../bench/fill.js';
import { TestPortal } from './harness.js';

/**
 * `npm run bench` fills a fresh database with raw INSERTs, outside every service: a migration that adds a NOT NULL
 * column (as the sharing basis did) breaks it without any other test noticing. This fills a small partnership
 * through the same code, on the schema the migrations make today.
 */
describe('the benchmark’s fill', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await TestPortal.start();
  });

  afterAll(async () => {
    await portal.close();
  });

  it('fills the current schema: cases, their parties, incidents, actions and shares (live and revoked)', async () => {
    const client = await portal.db.connect();
    try {
      const fill = await fillDatabase(client, 500, () => undefined);
      expect(fill.partner.agencyName).toMatch(/^Bench /);
    } finally {
      client.release();
    }
    const count = async (sql: string) => (await portal.db.query<{ n: number }>(sql)).rows[0].n;
    expect(await count(`SELECT count(*)::int AS n FROM cases`)).toBe(500);
    expect(await count(`SELECT count(*)::int AS n FROM parties`)).toBeGreaterThanOrEqual(500);
    expect(await count(`SELECT count(*)::int AS n FROM case_shares WHERE revoked_at IS NULL`)).toBeGreaterThan(0);
    expect(
      await count(
        `SELECT count(*)::int AS n FROM case_shares WHERE lawful_basis = 'OTHER' AND lawful_basis_detail = reason`,
      ),
    ).toBe(await count(`SELECT count(*)::int AS n FROM case_shares`));
  });
});
