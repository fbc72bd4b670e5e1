import { describe, expect, it } from '@jest/globals';
import { getOperationAST, parse } from 'graphql';
import { asksForReplay, ReplayLimiter } from './socket-limits.js';

const replay = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return asksForReplay(document, getOperationAST(document)!, variables);
};

describe('replays', () => {
  it('are subscriptions to caseAlerts with a since, however it is given', () => {
    expect(replay(`subscription { caseAlerts(since: "4") { id } }`)).toBe(true);
    expect(replay(`subscription($s: String) { caseAlerts(since: $s) { id } }`, { s: '4' })).toBe(true);
    expect(replay(`subscription($s: String = "4") { caseAlerts(since: $s) { id } }`, {})).toBe(true);
    expect(replay(`subscription($s: String = "4") { caseAlerts(since: $s) { id } }`, { s: null })).toBe(false);
    expect(replay(`subscription($s: String) { caseAlerts(since: $s) { id } }`, {})).toBe(false);
    expect(replay(`subscription { caseAlerts(since: null) { id } }`)).toBe(false);
    expect(replay(`subscription { caseAlerts { id } }`)).toBe(false);
    expect(replay(`subscription { ...R } fragment R on Subscription { alerts: caseAlerts(since: "4") { id } }`)).toBe(
      true,
    );
    expect(replay(`subscription { ... on Subscription { caseAlerts(since: "4") { id } } }`)).toBe(true);
  });

  it('are limited per user in any sixty seconds, and the refusal says how long to wait', () => {
    const limiter = new ReplayLimiter(2);
    expect(limiter.take('a', 0)).toBeNull();
    expect(limiter.take('a', 10_000)).toBeNull();
    expect(limiter.take('b', 10_000)).toBeNull();
    const refused = limiter.take('a', 20_000);
    expect(refused?.extensions.code).toBe('TOO_MANY_REQUESTS');
    expect(refused?.message).toMatch(/try again in 40 s/);
    // The first replay leaves the window at 60 s.
    expect(limiter.take('a', 60_001)).toBeNull();
    expect(limiter.take('a', 60_002)?.message).toMatch(/try again in 10 s/);
  });
});
