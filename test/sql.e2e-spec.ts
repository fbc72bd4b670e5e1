import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AgencyScopedDb, type Database, exec, one, REQUEST_POOL, rows, SqlParams } from '#libs/db';
import { TestPortal } from './harness.js';

/**
 * Issue 15: the one SQL helper every repository runs its statements through. Whatever runs the statement (a
 * request's agency-scoped db, a mutation's transaction, the DataSource), `rows` answers the rows, `one` the first
 * or undefined, and `exec` how many rows were inserted, updated or deleted.
 */
describe('the SQL helper', () => {
  let portal: TestPortal;
  let dataSource: DataSource;
  let requestPool: DataSource;

  beforeAll(async () => {
    portal = await TestPortal.start();
    dataSource = portal.app.get(DataSource);
    requestPool = portal.app.get<DataSource>(getDataSourceToken(REQUEST_POOL));
    // Made by the owner (the portal's own role may not create tables) and opened to it.
    await portal.db.query(
      `CREATE TABLE sql_helper_probe (n int PRIMARY KEY, label text); GRANT ALL ON sql_helper_probe TO PUBLIC`,
    );
  });
  afterAll(() => portal.close());

  const runners: [string, () => Database][] = [
    ['the DataSource', () => dataSource],
    ['the DataSource’s manager', () => dataSource.manager],
    ['a request’s agency-scoped db', () => new AgencyScopedDb(requestPool, null)],
  ];

  it.each(runners)('answers rows, one row and row counts through %s', async (_, db) => {
    await portal.db.query(`TRUNCATE sql_helper_probe`);
    expect(
      await exec(db(), `INSERT INTO sql_helper_probe (n, label) SELECT g, 'n' || g FROM generate_series(1, 5) g`),
    ).toBe(5);
    expect(await exec(db(), `UPDATE sql_helper_probe SET label = 'odd' WHERE n % 2 = 1`)).toBe(3);
    expect(await exec(db(), `DELETE FROM sql_helper_probe WHERE n > $1`, [4])).toBe(1);
    expect(
      await rows<{ n: number }>(db(), `SELECT n FROM sql_helper_probe WHERE label = $1 ORDER BY n`, ['odd']),
    ).toEqual([{ n: 1 }, { n: 3 }]);
    expect(await one<{ label: string }>(db(), `SELECT label FROM sql_helper_probe WHERE n = $1`, [2])).toEqual({
      label: 'n2',
    });
    expect(await one(db(), `SELECT label FROM sql_helper_probe WHERE n = $1`, [99])).toBeUndefined();
    // RETURNING answers its rows and counts them.
    expect(await exec(db(), `UPDATE sql_helper_probe SET label = 'x' RETURNING n`)).toBe(4);
  });

  it('runs inside a transaction’s manager, and its work goes when the transaction rolls back', async () => {
    await portal.db.query(`TRUNCATE sql_helper_probe`);
    await expect(
      dataSource.transaction(async (manager) => {
        expect(await exec(manager, `INSERT INTO sql_helper_probe (n) VALUES (1), (2)`)).toBe(2);
        expect(await rows(manager, `SELECT n FROM sql_helper_probe ORDER BY n`)).toEqual([{ n: 1 }, { n: 2 }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(await rows(dataSource, `SELECT n FROM sql_helper_probe`)).toEqual([]);
  });

  it('builds a statement from parts with positional parameters', async () => {
    await portal.db.query(`TRUNCATE sql_helper_probe`);
    await exec(dataSource, `INSERT INTO sql_helper_probe (n, label) VALUES (1, 'a'), (2, 'b'), (3, 'c')`);
    const params = new SqlParams();
    const where = [`n >= ${params.add(2)}`, `label <> ${params.add('c')}`].join(' AND ');
    expect(await rows(dataSource, `SELECT n FROM sql_helper_probe WHERE ${where}`, params.values)).toEqual([{ n: 2 }]);
  });
});
