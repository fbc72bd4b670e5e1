import { describe, expect, it } from '@jest/globals';
import { AlertKind } from '#libs/alerts';
import { RiskLevel } from '#libs/common';
import { conditionsOf, MAX_MARKED, parseAlertId, parseAlertIds, riskLevelsFrom } from './alert-inbox.rules.js';

describe('the alert inbox filter', () => {
  it('reads a minimum risk as that level and every level above it', () => {
    expect(riskLevelsFrom(RiskLevel.STANDARD)).toEqual(['STANDARD', 'MEDIUM', 'HIGH']);
    expect(riskLevelsFrom(RiskLevel.MEDIUM)).toEqual(['MEDIUM', 'HIGH']);
    expect(riskLevelsFrom(RiskLevel.HIGH)).toEqual(['HIGH']);
  });

  it('leaves out what was not asked for, so an empty filter is the whole inbox', () => {
    expect(conditionsOf(null)).toEqual({});
    expect(conditionsOf({ kinds: [], caseReference: '  ' })).toEqual({
      kinds: undefined,
      riskLevels: undefined,
      caseId: undefined,
      caseReference: undefined,
      unreadOnly: false,
      assignedToMe: false,
    });
    expect(() => conditionsOf({ caseId: 'x' })).toThrow('caseId is not a valid id');
    expect(conditionsOf({ kinds: [AlertKind.RISK_ESCALATED], unreadOnly: true, assignedToMe: true })).toMatchObject({
      kinds: ['RISK_ESCALATED'],
      unreadOnly: true,
      assignedToMe: true,
    });
  });
});

describe('alert ids a client sends', () => {
  it('takes the outbox’s numbers and nothing else', () => {
    expect(parseAlertId('0042', 'alertId')).toBe('42');
    for (const bad of ['', '-1', '1.5', '1; DROP TABLE alerts', '9'.repeat(19), 'abc']) {
      expect(() => parseAlertId(bad, 'alertId')).toThrow('alertId is not an alert id');
    }
  });

  it('marks from one to a page of alerts at once, each once', () => {
    expect(parseAlertIds(['1', '2', '01'], 'alertIds')).toEqual(['1', '2']);
    expect(() => parseAlertIds([], 'alertIds')).toThrow();
    expect(() =>
      parseAlertIds(
        Array.from({ length: MAX_MARKED + 1 }, (_, i) => String(i + 1)),
        'alertIds',
      ),
    ).toThrow();
  });
});
