import { describe, expect, it } from '@jest/globals';
import { ClockState } from '#libs/common';
import { ServiceStandard } from './service-standard.model.js';
import { type CaseFacts, clocksOf } from './service-standards.rules.js';

// Opened on Monday 16 November 2026 at 10:00 (GMT): contact due in 1 working day (Tuesday 17th, 10:00),
// an action plan in 10 (Monday 30th, 10:00).
const OPENED = new Date('2026-11-16T10:00:00Z');
const CONTACT_DUE = new Date('2026-11-17T10:00:00Z');
const PLAN_DUE = new Date('2026-11-30T10:00:00Z');
const ms = (iso: string) => new Date(iso).getTime();

function facts(over: Partial<CaseFacts> = {}): CaseFacts {
  return {
    id: 'case',
    owner_agency_id: 'agency',
    opened_at: OPENED,
    closed_at: null,
    contact_working_days: 1,
    action_plan_working_days: 10,
    has_reporter: true,
    first_contact_at: null,
    last_contact_at: null,
    first_plan_at: null,
    plan_agreed_at: null,
    update_every_days: null,
    review_due_at: null,
    assessed_at: null,
    ...over,
  };
}

const clock = (f: CaseFacts, standard: ServiceStandard, now: number) =>
  clocksOf(f, now).find((c) => c.standard === standard);
const stateOf = (f: CaseFacts, standard: ServiceStandard, now: number) => clock(f, standard, now)?.state;

describe('the service-standard clocks of a case', () => {
  it('counts contact and the action plan in working days from when the case was opened', () => {
    const clocks = clocksOf(facts(), ms('2026-11-16T12:00:00Z'));
    expect(clocks.map((c) => [c.standard, c.dueAt.toISOString(), c.state])).toEqual([
      [ServiceStandard.CONTACT_REPORTER, CONTACT_DUE.toISOString(), ClockState.DUE],
      [ServiceStandard.ACTION_PLAN_AGREED, PLAN_DUE.toISOString(), ClockState.DUE],
    ]);
  });

  it('is still due at exactly the deadline, and breached a millisecond after', () => {
    expect(stateOf(facts(), ServiceStandard.CONTACT_REPORTER, CONTACT_DUE.getTime())).toBe(ClockState.DUE);
    expect(stateOf(facts(), ServiceStandard.CONTACT_REPORTER, CONTACT_DUE.getTime() + 1)).toBe(ClockState.BREACHED);
  });

  it('is met by contact at exactly the deadline, and breached by contact a millisecond late', () => {
    const later = ms('2026-12-10T00:00:00Z');
    expect(stateOf(facts({ first_contact_at: CONTACT_DUE }), ServiceStandard.CONTACT_REPORTER, later)).toBe(
      ClockState.MET,
    );
    expect(
      stateOf(
        facts({ first_contact_at: new Date(CONTACT_DUE.getTime() + 1) }),
        ServiceStandard.CONTACT_REPORTER,
        later,
      ),
    ).toBe(ClockState.BREACHED);
  });

  it('moves the deadline past bank holidays: a report on Christmas Eve 2026 is due on the 29th', () => {
    const eve = facts({ opened_at: new Date('2026-12-24T10:00:00Z') });
    expect(clock(eve, ServiceStandard.CONTACT_REPORTER, ms('2026-12-24T12:00:00Z'))?.dueAt.toISOString()).toBe(
      '2026-12-29T10:00:00.000Z',
    );
    expect(stateOf(eve, ServiceStandard.CONTACT_REPORTER, ms('2026-12-28T23:59:59Z'))).toBe(ClockState.DUE);
  });

  it('on a closed case, a one-off standard never done is breached, even if the case closed before its deadline', () => {
    const closedEarly = facts({ closed_at: new Date('2026-11-16T11:00:00Z') });
    expect(stateOf(closedEarly, ServiceStandard.CONTACT_REPORTER, ms('2026-11-16T11:30:00Z'))).toBe(
      ClockState.BREACHED,
    );
    const contacted = facts({
      closed_at: new Date('2026-11-16T11:00:00Z'),
      first_contact_at: new Date('2026-11-16T10:30:00Z'),
    });
    expect(stateOf(contacted, ServiceStandard.CONTACT_REPORTER, ms('2027-01-01T00:00:00Z'))).toBe(ClockState.MET);
  });

  it('judges a closed case at its closing, not now: closed at the deadline without breaching the update clock', () => {
    const plan = {
      plan_agreed_at: new Date('2026-11-20T10:00:00Z'),
      first_plan_at: new Date('2026-11-20T10:00:00Z'),
      update_every_days: 14,
    };
    const due = ms('2026-12-04T10:00:00Z');
    expect(
      stateOf(facts({ ...plan, closed_at: new Date(due) }), ServiceStandard.REPORTER_UPDATED, due + 10_000_000),
    ).toBe(ClockState.MET);
    expect(
      stateOf(facts({ ...plan, closed_at: new Date(due + 1) }), ServiceStandard.REPORTER_UPDATED, due + 10_000_000),
    ).toBe(ClockState.BREACHED);
  });

  it('has no reporter standards for an anonymous report, only the risk review', () => {
    const anonymous = facts({
      has_reporter: false,
      review_due_at: new Date('2026-11-23T10:00:00Z'),
      assessed_at: OPENED,
    });
    expect(clocksOf(anonymous, ms('2026-11-16T12:00:00Z')).map((c) => c.standard)).toEqual([
      ServiceStandard.RISK_REVIEWED,
    ]);
    expect(clocksOf(facts({ has_reporter: false }), ms('2026-11-16T12:00:00Z'))).toEqual([]);
  });

  describe('updating the reporter, from the first action plan', () => {
    const plan = {
      first_plan_at: new Date('2026-11-20T10:00:00Z'),
      plan_agreed_at: new Date('2026-11-20T10:00:00Z'),
      update_every_days: 14,
    };

    it('does not start without an action plan', () => {
      expect(clock(facts(), ServiceStandard.REPORTER_UPDATED, ms('2026-12-20T00:00:00Z'))).toBeUndefined();
    });

    it('counts calendar days from the plan, due at exactly the end of the period and breached after it', () => {
      const f = facts(plan);
      const due = ms('2026-12-04T10:00:00Z');
      expect(clock(f, ServiceStandard.REPORTER_UPDATED, due)).toEqual({
        standard: ServiceStandard.REPORTER_UPDATED,
        state: ClockState.DUE,
        dueAt: new Date(due),
        doneAt: null,
      });
      expect(stateOf(f, ServiceStandard.REPORTER_UPDATED, due + 1)).toBe(ClockState.BREACHED);
    });

    it('starts a new period from the latest contact after the plan, and ignores contact before it', () => {
      const updated = facts({ ...plan, last_contact_at: new Date('2026-11-25T09:00:00Z') });
      expect(clock(updated, ServiceStandard.REPORTER_UPDATED, ms('2026-12-05T00:00:00Z'))).toMatchObject({
        dueAt: new Date('2026-12-09T09:00:00Z'),
        doneAt: new Date('2026-11-25T09:00:00Z'),
        state: ClockState.DUE,
      });
      const before = facts({ ...plan, last_contact_at: new Date('2026-11-19T09:00:00Z') });
      expect(clock(before, ServiceStandard.REPORTER_UPDATED, ms('2026-12-05T00:00:00Z'))).toMatchObject({
        dueAt: new Date('2026-12-04T10:00:00Z'),
        doneAt: null,
        state: ClockState.BREACHED,
      });
    });
  });

  it('reviews the risk by the latest assessment’s review date: due at exactly it, breached after', () => {
    const review = new Date('2026-11-23T10:00:00Z');
    const f = facts({ review_due_at: review, assessed_at: OPENED });
    expect(stateOf(f, ServiceStandard.RISK_REVIEWED, review.getTime())).toBe(ClockState.DUE);
    expect(stateOf(f, ServiceStandard.RISK_REVIEWED, review.getTime() + 1)).toBe(ClockState.BREACHED);
  });
});
