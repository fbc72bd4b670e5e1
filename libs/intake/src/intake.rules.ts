import { isInFuture, type PartyInput } from '#libs/cases';
import { CaseCategory, DAY_MS, PartyRole } from '#libs/common';
import type { IntakeRow } from './intake.model.js';

/**
 * How far back a report may be dated: a letter or voicemail found late, not a way to move the triage window
 * (12 months before the report) back over years.
 */
export const BACKDATE_DAYS = 30;

/** Why a report cannot be dated `receivedAt`, or null when it can. */
export function receivedAtProblem(receivedAt: Date, now: number = Date.now()): string | null {
  if (isInFuture(receivedAt, now)) return 'receivedAt cannot be in the future';
  if (receivedAt.getTime() < now - BACKDATE_DAYS * DAY_MS) return `receivedAt can be at most ${BACKDATE_DAYS} days ago`;
  return null;
}

/** A report without a reporter's name is anonymous unless it says otherwise. */
export const isAnonymousReport = (
  anonymous: boolean | null | undefined,
  reporterName: string | null | undefined,
): boolean => anonymous ?? !reporterName?.trim();

/** The people a report names, as the parties of the case it becomes: the reporter as complainant, the subject. */
export function partiesOfReport(
  report: Pick<IntakeRow, 'reporter_name' | 'reporter_phone' | 'anonymous' | 'subject_name'>,
): PartyInput[] {
  return [
    ...(report.reporter_name || report.reporter_phone
      ? [
          {
            role: PartyRole.COMPLAINANT,
            fullName: report.reporter_name,
            phone: report.reporter_phone,
            anonymous: report.anonymous,
          },
        ]
      : []),
    ...(report.subject_name ? [{ role: PartyRole.SUBJECT, fullName: report.subject_name }] : []),
  ];
}

/**
 * A domestic-abuse report's address is where the victim is: it goes to the case's address, which the DA location
 * rule guards, and never into an incident's place, which every holder of the case would otherwise be sent.
 */
export const addressLocatesVictim = (reportCategory: CaseCategory, caseCategory: CaseCategory): boolean =>
  reportCategory === CaseCategory.DOMESTIC_ABUSE || caseCategory === CaseCategory.DOMESTIC_ABUSE;

/** Names to look for among a case's parties: the reporter's and the subject's, as the match key compares them. */
export const namesOfReport = (names: readonly (string | null | undefined)[]): string[] =>
  names.filter((n): n is string => !!n).map((n) => n.trim().toLowerCase());
