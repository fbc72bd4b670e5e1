import { addWorkingDays, ClockState, clockState, DAY_MS } from '#libs/common';
import { type ServiceClock, ServiceStandard } from './service-standard.model.js';

/** What the clocks of one case are worked out from: one row of the repository's case facts. */
export interface CaseFacts {
  id: string;
  owner_agency_id: string;
  opened_at: Date;
  closed_at: Date | null;
  contact_working_days: number;
  action_plan_working_days: number;
  /** A complainant or victim is recorded; an anonymous report has nobody to contact. */
  has_reporter: boolean;
  first_contact_at: Date | null;
  last_contact_at: Date | null;
  first_plan_at: Date | null;
  plan_agreed_at: Date | null;
  update_every_days: number | null;
  review_due_at: Date | null;
  assessed_at: Date | null;
}

/** A one-off deadline; on a closed case, one never done is breached. */
function once(
  standard: ServiceStandard,
  dueAt: Date,
  doneAt: Date | null,
  closedAt: Date | null,
  now: number,
): ServiceClock {
  const state = !doneAt && closedAt ? ClockState.BREACHED : clockState(dueAt, doneAt, closedAt?.getTime() ?? now);
  return { standard, state, dueAt, doneAt };
}

/** A repeating deadline, judged on its current period: met if the case closed inside it. */
function current(
  standard: ServiceStandard,
  dueAt: Date,
  doneAt: Date | null,
  closedAt: Date | null,
  now: number,
): ServiceClock {
  const end = closedAt?.getTime() ?? now;
  const state = end > dueAt.getTime() ? ClockState.BREACHED : closedAt ? ClockState.MET : ClockState.DUE;
  return { standard, state, dueAt, doneAt };
}

/**
 * The service standards of one case, in one place for the case page, the breach alerts and the figures.
 * Standards about the reporter apply only when there is a reporter; the update standard starts with the
 * first action plan; the risk review with the first assessment.
 */
export function clocksOf(facts: CaseFacts, now = Date.now()): ServiceClock[] {
  const clocks: ServiceClock[] = [];
  const closedAt = facts.closed_at;
  if (facts.has_reporter) {
    clocks.push(
      once(
        ServiceStandard.CONTACT_REPORTER,
        addWorkingDays(facts.opened_at, facts.contact_working_days),
        facts.first_contact_at,
        closedAt,
        now,
      ),
    );
    clocks.push(
      once(
        ServiceStandard.ACTION_PLAN_AGREED,
        addWorkingDays(facts.opened_at, facts.action_plan_working_days),
        facts.first_plan_at,
        closedAt,
        now,
      ),
    );
    if (facts.plan_agreed_at && facts.update_every_days) {
      const lastUpdate =
        facts.last_contact_at && facts.last_contact_at > facts.plan_agreed_at ? facts.last_contact_at : null;
      const from = lastUpdate ?? facts.plan_agreed_at;
      clocks.push(
        current(
          ServiceStandard.REPORTER_UPDATED,
          new Date(from.getTime() + facts.update_every_days * DAY_MS),
          lastUpdate,
          closedAt,
          now,
        ),
      );
    }
  }
  if (facts.review_due_at)
    clocks.push(current(ServiceStandard.RISK_REVIEWED, facts.review_due_at, facts.assessed_at, closedAt, now));
  return clocks;
}
