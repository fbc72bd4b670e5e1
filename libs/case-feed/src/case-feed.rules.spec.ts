import { describe, expect, it } from '@jest/globals';
import { activityFor, distinctSignals, parseSignal } from './case-feed.rules.js';
import { CaseChangeKind } from './case-update.model.js';

const CASE = '11111111-1111-4111-8111-111111111111';
const POLICE = '22222222-2222-4222-8222-222222222222';
const HOMES = '33333333-3333-4333-8333-333333333333';

describe('case update signals', () => {
  it('reads a notification into a signal, an empty acting agency as the portal’s own work', () => {
    expect(parseSignal(`${CASE}|INCIDENT|${POLICE}|`)).toEqual({
      caseId: CASE,
      what: CaseChangeKind.INCIDENT,
      actorAgencyId: POLICE,
      aboutAgencyId: null,
    });
    expect(parseSignal(`${CASE}|CASE||`)).toMatchObject({ actorAgencyId: null });
    expect(parseSignal(`|TRIAGE|${HOMES}|${HOMES}`)).toMatchObject({ caseId: null, aboutAgencyId: HOMES });
  });

  it('drops what it cannot read, and a signal about nobody', () => {
    expect(parseSignal('')).toBeNull();
    expect(parseSignal(`${CASE}|DELETED||`)).toBeNull();
    expect(parseSignal(`not-a-case|CASE||`)).toBeNull();
    expect(parseSignal(`|TRIAGE||`)).toBeNull();
  });

  it('folds repeats within a burst', () => {
    const a = parseSignal(`${CASE}|INCIDENT|${POLICE}|`)!;
    const b = parseSignal(`${CASE}|ACTION|${POLICE}|`)!;
    expect(distinctSignals([a, b, a])).toEqual([a, b]);
  });

  it('tells a list subscriber of a case it holds, of its own agency’s news without the case, and of nothing else', () => {
    const incident = parseSignal(`${CASE}|INCIDENT|${HOMES}|`)!;
    expect(activityFor(incident, POLICE, true)).toMatchObject({ caseId: CASE });
    expect(activityFor(incident, POLICE, false)).toBeNull();
    const revoked = parseSignal(`${CASE}|SHARE|${HOMES}|${POLICE}`)!;
    expect(activityFor(revoked, POLICE, false)).toEqual({
      caseId: null,
      what: 'SHARE',
      actorAgencyId: HOMES,
      aboutAgencyId: POLICE,
    });
    expect(activityFor(revoked, HOMES, false)).toBeNull();
  });
});
