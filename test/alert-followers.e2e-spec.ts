import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AlertFollowers, AlertsRepository } from '#libs/alerts';
import { NotificationBus, QueryCounter } from '#libs/db';
import { TestPortal } from './harness.js';
import { Partnership, type Persona } from './partnership.js';

const CREATE = `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`;
const INCIDENT = `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-06-01T22:00:00Z", category: NOISE, description: "Loud party" }) { id } }`;

/**
 * Background consumers of the alert outbox (email, webhooks) take each alert exactly once, in order, however many
 * instances wake them at once; a consumer that fails takes the same alerts again next time.
 */
describe('alert followers', () => {
  let portal: TestPortal;
  let owner: Persona;
  let caseId: string;
  const instances: AlertFollowers[] = [];

  /** A follower as a second instance would have it: its own process state, the same database. */
  const instance = () => {
    const followers = new AlertFollowers(
      portal.app.get<DataSource>(getDataSourceToken()),
      portal.app.get(AlertsRepository),
      portal.app.get(NotificationBus),
      portal.app.get(QueryCounter),
    );
    instances.push(followers);
    return followers;
  };
  const raise = async (n: number) => {
    for (let i = 0; i < n; i++) await portal.ok(INCIDENT, { c: caseId }, owner.token);
  };
  const alertIds = async () =>
    (await portal.db.query<{ id: string }>(`SELECT a.id::text AS id FROM alerts a ORDER BY a.id`)).rows.map(
      (r) => r.id,
    );

  beforeAll(async () => {
    portal = await TestPortal.start();
    const people = new Partnership(portal);
    owner = await people.user(await people.agency('Riverside Homes', 'LANDLORD'));
    caseId = (
      await portal.ok<{ createCase: { id: string } }>(
        CREATE,
        { input: { category: 'NOISE', summary: 'Music every night', ward: 'Riverside', riskLevel: 'STANDARD' } },
        owner.token,
      )
    ).createCase.id;
  });

  afterAll(async () => {
    for (const followers of instances) await followers.onApplicationShutdown();
    await portal?.close();
  });

  it('starts after the latest alert, then takes each new alert exactly once across instances, in order', async () => {
    await raise(2);
    const before = new Set(await alertIds());
    const taken: string[] = [];
    const first = instance();
    const second = instance();
    for (const followers of [first, second])
      followers.follow('test-exactly-once', async (_tx, alerts) => {
        // Slow enough that the two instances overlap.
        await new Promise((r) => setTimeout(r, 20));
        taken.push(...alerts.map((a) => a.id));
      });
    await first.onApplicationBootstrap();
    await second.onApplicationBootstrap();

    for (let round = 0; round < 5; round++) {
      await raise(3);
      await Promise.all([first.wake(), second.wake(), first.wake(), second.wake()]);
    }
    // One instance skips while the other holds the position; a last wake of each drains what is left.
    await first.wake();
    await second.wake();

    const fresh = (await alertIds()).filter((id) => !before.has(id));
    expect(fresh).toHaveLength(15);
    expect(taken).toEqual(fresh);
    // Other consumers (email) follow too: this one's row is the one to read.
    const lag = (await first.lag()).find((c) => c.name === 'test-exactly-once');
    expect(lag).toMatchObject({ name: 'test-exactly-once', behind: 0 });
  });

  it('a consumer that fails takes the same alerts again, and nothing it wrote is kept', async () => {
    const followers = instance();
    let failing = true;
    const taken: string[] = [];
    followers.follow('test-retry', async (tx, alerts) => {
      await tx.query(`CREATE TEMP TABLE IF NOT EXISTS consumer_writes (id text) ON COMMIT DROP`);
      await tx.query(`INSERT INTO consumer_writes SELECT unnest($1::text[])`, [alerts.map((a) => a.id)]);
      if (failing) throw new Error('the mail server is away');
      taken.push(...alerts.map((a) => a.id));
    });
    await followers.onApplicationBootstrap();
    await raise(2);
    await followers.wake();
    expect(taken).toEqual([]);
    expect((await followers.lag()).find((c) => c.name === 'test-retry')?.behind).toBe(2);

    failing = false;
    await followers.wake();
    expect(taken).toHaveLength(2);
    expect(taken).toEqual((await alertIds()).slice(-2));
  });

  it('refuses a consumer registered after start, or twice', async () => {
    const followers = instance();
    followers.follow('test-once', () => Promise.resolve());
    expect(() => followers.follow('test-once', () => Promise.resolve())).toThrow(/already/);
    await followers.onApplicationBootstrap();
    expect(() => followers.follow('test-late', () => Promise.resolve())).toThrow(/before the application starts/);
  });
});
