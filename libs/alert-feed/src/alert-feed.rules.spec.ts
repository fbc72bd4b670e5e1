import { describe, expect, it } from '@jest/globals';
import { AlertKind } from '#libs/alerts';
import { recipientsOf } from './alert-feed.rules.js';

const kase = {
  owner_agency_id: 'council',
  shares: [
    { agency_id: 'police', access: 'FULL' as const },
    { agency_id: 'landlord', access: 'LIMITED' as const },
  ],
};
const alert = (kind: AlertKind, target: string | null = null, caseId: string | null = 'case-1') => ({
  kind,
  case_id: caseId,
  target_agency_id: target,
});

describe('who an alert about a case goes to', () => {
  it('is the owner and every agency holding a live share now, each with its relation', () => {
    expect(recipientsOf(alert(AlertKind.INCIDENT_LOGGED), kase, undefined)).toEqual(
      new Map([
        ['council', 'OWNER'],
        ['police', 'FULL'],
        ['landlord', 'LIMITED'],
      ]),
    );
  });

  it('is the owner and the Case Review’s own agency for an overdue step, that agency without the case if it holds none', () => {
    expect(recipientsOf(alert(AlertKind.CASE_REVIEW_OVERDUE, 'police'), kase, undefined)).toEqual(
      new Map([
        ['council', 'OWNER'],
        ['police', 'FULL'],
      ]),
    );
    expect(recipientsOf(alert(AlertKind.CASE_REVIEW_OVERDUE, 'housing'), kase, undefined)).toEqual(
      new Map([
        ['council', 'OWNER'],
        ['housing', null],
      ]),
    );
    expect(recipientsOf(alert(AlertKind.CASE_REVIEW_OVERDUE, null), kase, undefined)).toEqual(
      new Map([['council', 'OWNER']]),
    );
  });

  it('is nobody when the case is gone (anonymised, or not found)', () => {
    expect(recipientsOf(alert(AlertKind.CASE_UPDATED), undefined, new Set(['council'])).size).toBe(0);
  });

  it('is only the agency owning an action, for an action alert, and only while it holds the case', () => {
    expect(recipientsOf(alert(AlertKind.ACTION_OVERDUE, 'landlord'), kase, undefined)).toEqual(
      new Map([['landlord', 'LIMITED']]),
    );
    expect(recipientsOf(alert(AlertKind.ACTION_OVERDUE, 'housing'), kase, undefined).size).toBe(0);
    expect(recipientsOf(alert(AlertKind.ACTION_ASSIGNED, null), kase, undefined).size).toBe(0);
  });

  it('tells an attending agency of its meeting action without showing it the case it does not hold', () => {
    expect(recipientsOf(alert(AlertKind.ACTION_ASSIGNED, 'housing'), kase, new Set(['housing']))).toEqual(
      new Map([['housing', null]]),
    );
  });
});

describe('who a meeting’s own alert goes to', () => {
  it('is every attending agency, with no case in the payload', () => {
    expect(
      recipientsOf(alert(AlertKind.AGENDA_PUBLISHED, null, null), undefined, new Set(['council', 'police'])),
    ).toEqual(
      new Map([
        ['council', null],
        ['police', null],
      ]),
    );
    expect(recipientsOf(alert(AlertKind.AGENDA_PUBLISHED, null, null), undefined, undefined).size).toBe(0);
  });
});
