import { describe, expect, it } from '@jest/globals';
import { BadInputError, ClockState } from '#libs/common';
import { ServiceStandard } from '#libs/service-standards';
import {
  checkPeriod,
  FigureInterval,
  MAX_SERIES_POINTS,
  seriesPlan,
  seriesPoints,
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

describe('series by month and quarter, in London', () => {
  const plan = (from: string, to: string, interval = FigureInterval.MONTH) =>
    seriesPlan({ from: new Date(from), to: new Date(to) }, interval);
  const iso = (d: Date) => d.toISOString();

  it('takes whole London months: a BST midnight starts the month, not the evening before', () => {
    // 31 March 23:30 UTC is already 1 April in London.
    expect(plan('2026-03-31T23:30:00Z', '2026-06-30T23:00:00Z')).toEqual({
      first: '2026-04-01',
      stepMonths: 1,
      count: 3,
    });
    const [april, , june] = seriesPoints(plan('2026-03-31T23:30:00Z', '2026-06-30T23:00:00Z'));
    expect([april.label, iso(april.from), iso(april.to)]).toEqual([
      '2026-04',
      '2026-03-31T23:00:00.000Z',
      '2026-04-30T23:00:00.000Z',
    ]);
    expect(iso(june.to)).toBe('2026-06-30T23:00:00.000Z');
  });

  it('runs a month across the clock change at its London midnights (GMT in, BST out)', () => {
    const [march] = seriesPoints(plan('2026-03-10T12:00:00Z', '2026-03-20T12:00:00Z'));
    expect([iso(march.from), iso(march.to)]).toEqual(['2026-03-01T00:00:00.000Z', '2026-03-31T23:00:00.000Z']);
  });

  it('gives the same months a year earlier for each point', () => {
    const [march] = seriesPoints(plan('2026-03-01T00:00:00Z', '2026-04-01T00:00:00Z'));
    expect([iso(march.yearEarlierFrom), iso(march.yearEarlierTo)]).toEqual([
      '2025-03-01T00:00:00.000Z',
      '2025-03-31T23:00:00.000Z',
    ]);
  });

  it('takes calendar quarters, January to March and so on, widening a period to the quarters it touches', () => {
    const quarters = seriesPoints(plan('2025-11-15T00:00:00Z', '2026-04-02T00:00:00Z', FigureInterval.QUARTER));
    expect(quarters.map((q) => q.label)).toEqual(['2025 Q4', '2026 Q1', '2026 Q2']);
    expect(iso(quarters[0].from)).toBe('2025-09-30T23:00:00.000Z');
    expect(iso(quarters[1].from)).toBe('2026-01-01T00:00:00.000Z');
    expect(iso(quarters[1].to)).toBe('2026-03-31T23:00:00.000Z');
    expect(iso(quarters[1].yearEarlierFrom)).toBe('2025-01-01T00:00:00.000Z');
  });

  it('ends with the month that holds the moment before `to`: a period up to 1 May midnight stops at April', () => {
    expect(plan('2026-01-01T00:00:00Z', '2026-04-30T23:00:00Z').count).toBe(4);
    expect(plan('2026-01-01T00:00:00Z', '2026-04-30T23:00:01Z').count).toBe(5);
  });

  it(`refuses more than ${MAX_SERIES_POINTS} points, and a backwards period, naming \`to\``, () => {
    expect(plan('2023-01-01T00:00:00Z', '2026-01-01T00:00:00Z').count).toBe(36);
    expect(refusal(() => plan('2023-01-01T00:00:00Z', '2026-02-01T00:00:00Z'))).toBe('to');
    expect(plan('2017-01-01T00:00:00Z', '2026-01-01T00:00:00Z', FigureInterval.QUARTER).count).toBe(36);
    expect(refusal(() => plan('2016-10-01T00:00:00Z', '2026-01-01T00:00:00Z', FigureInterval.QUARTER))).toBe('to');
    expect(refusal(() => plan('2026-02-01T00:00:00Z', '2026-01-01T00:00:00Z'))).toBe('to');
  });
});
