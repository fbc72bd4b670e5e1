import { describe, expect, it } from '@jest/globals';
import { BadInputError, ClockState } from '#libs/common';
import { ServiceStandard } from '#libs/service-standards';
import {
  checkPeriod,
  partnershipWindow,
  perThousand,
  published,
  publishAll,
  standardFigures,
  tallyAll,
} from './reports.rules.js';

function refusal(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return (error as BadInputError).field;
  }
}

describe('publishing partnership figures', () => {
  it('shows 0 to 4 as "<5" and rounds the rest to the nearest 5', () => {
    expect([0, 1, 4, 5, 7, 8, 12, 13, 100].map(published)).toEqual([
      '<5',
      '<5',
      '<5',
      '5',
      '5',
      '10',
      '10',
      '15',
      '100',
    ]);
  });

  it('lists every name whatever its count, biggest first, "<5" below 5, then by name', () => {
    const counts = new Map([
      ['Riverside', 3],
      ['Abbey', 12],
      ['Castle', 0],
    ]);
    expect(publishAll(['Castle', 'Riverside', 'Abbey', 'Docks'], counts)).toEqual([
      { key: 'Abbey', count: '10' },
      { key: 'Castle', count: '<5' },
      { key: 'Docks', count: '<5' },
      { key: 'Riverside', count: '<5' },
    ]);
  });

  it("lists every name of an agency's own figures with its exact count, 0 included, most first", () => {
    const counts = new Map([
      ['CONSENT', 1],
      ['OTHER', 3],
    ]);
    expect(tallyAll(['CONSENT', 'OTHER', 'CARE_ACT_S45'], counts)).toEqual([
      { key: 'OTHER', count: 3 },
      { key: 'CONSENT', count: 1 },
      { key: 'CARE_ACT_S45', count: 0 },
    ]);
  });

  it('counts cases per 1,000 homes to one decimal place', () => {
    expect(perThousand(7, 2_000)).toBe(3.5);
    expect(perThousand(1, 3_000)).toBe(0.3);
  });
});

describe('the period of a figure', () => {
  it('ends after it starts', () => {
    const at = new Date('2026-11-01T00:00:00Z');
    expect(refusal(() => checkPeriod({ from: at, to: at }))).toBe('to');
    expect(refusal(() => checkPeriod({ from: at, to: new Date(at.getTime() + 1) }))).toBeUndefined();
  });

  it('for the partnership, is whole London days, at least 28 of them, across the clock change', () => {
    const window = partnershipWindow({ from: new Date('2026-10-05T15:00:00Z'), to: new Date('2026-11-02T09:00:00Z') });
    // 5 October is in British Summer Time (London midnight is 23:00 UTC the day before); 2 November is not.
    expect(window).toEqual({ from: new Date('2026-10-04T23:00:00Z'), to: new Date('2026-11-02T00:00:00Z') });
    expect(
      refusal(() =>
        partnershipWindow({ from: new Date('2026-10-05T00:00:00Z'), to: new Date('2026-11-01T22:00:00Z') }),
      ),
    ).toBe('to');
    expect(
      refusal(() =>
        partnershipWindow({ from: new Date('2026-11-02T00:00:00Z'), to: new Date('2026-10-05T00:00:00Z') }),
      ),
    ).toBe('to');
  });
});

describe('service standards over a period', () => {
  it('counts each standard met, breached or due, met ÷ decided, and lists every standard', () => {
    const clock = (standard: ServiceStandard, state: ClockState) => ({
      standard,
      state,
      dueAt: new Date(0),
      doneAt: null,
    });
    const figures = standardFigures([
      clock(ServiceStandard.CONTACT_REPORTER, ClockState.MET),
      clock(ServiceStandard.CONTACT_REPORTER, ClockState.MET),
      clock(ServiceStandard.CONTACT_REPORTER, ClockState.BREACHED),
      clock(ServiceStandard.ACTION_PLAN_AGREED, ClockState.DUE),
    ]);
    expect(figures).toEqual([
      { standard: ServiceStandard.CONTACT_REPORTER, met: 2, breached: 1, due: 0, metPercent: 66.7 },
      { standard: ServiceStandard.ACTION_PLAN_AGREED, met: 0, breached: 0, due: 1, metPercent: null },
      { standard: ServiceStandard.REPORTER_UPDATED, met: 0, breached: 0, due: 0, metPercent: null },
      { standard: ServiceStandard.RISK_REVIEWED, met: 0, breached: 0, due: 0, metPercent: null },
    ]);
  });
});
