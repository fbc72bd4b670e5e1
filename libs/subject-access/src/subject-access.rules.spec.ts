import { describe, expect, it } from '@jest/globals';
import {
  checkExtension,
  checkReceived,
  cleanReference,
  daysBetween,
  dueDay,
  londonToday,
  REDACTED,
  thirdParty,
  thirdPartyMatcher,
} from './subject-access.rules.js';

describe('the statutory month of a subject access request', () => {
  it('is the corresponding day of the next month', () => {
    expect(dueDay('2026-03-14', 1)).toBe('2026-04-14');
    expect(dueDay('2026-12-05', 1)).toBe('2027-01-05');
  });

  it('is the last day of the next month when it has no corresponding day (ICO: 31 January, due 28 February)', () => {
    expect(dueDay('2026-01-31', 1)).toBe('2026-02-28');
    expect(dueDay('2026-01-29', 1)).toBe('2026-02-28');
    expect(dueDay('2026-03-31', 1)).toBe('2026-04-30');
    expect(dueDay('2026-08-31', 1)).toBe('2026-09-30');
  });

  it('gives 29 February in a leap year, and counts from 29 February to 29 March', () => {
    expect(dueDay('2028-01-31', 1)).toBe('2028-02-29');
    expect(dueDay('2028-01-30', 1)).toBe('2028-02-29');
    expect(dueDay('2028-02-29', 1)).toBe('2028-03-29');
    expect(dueDay('2100-01-31', 1)).toBe('2100-02-28');
  });

  it('runs on by the months of an extension, from the day received', () => {
    expect(dueDay('2026-01-31', 3)).toBe('2026-04-30');
    expect(dueDay('2026-11-30', 3)).toBe('2027-02-28');
  });

  it('counts days remaining in London days, negative once late', () => {
    expect(daysBetween('2026-02-20', '2026-02-28')).toBe(8);
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2); // across the clocks going forward
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(londonToday(Date.parse('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonToday(Date.parse('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
  });

  it('refuses a day that is not one, a day in the future, a blank reference and too long an extension', () => {
    expect(() => dueDay('2026-02-30', 1)).toThrow('receivedAt must be a date');
    expect(() => checkReceived('31/01/2026', '2026-02-01')).toThrow('receivedAt must be a date');
    expect(() => checkReceived('2026-02-02', '2026-02-01')).toThrow('cannot be in the future');
    expect(() => cleanReference(' ')).toThrow('reference');
    expect(cleanReference(' SAR/2026-01 ')).toBe('SAR/2026-01');
    expect(() => checkExtension(1, 2, 'Complex')).toThrow('at most 2 months');
    expect(() => checkExtension(0, 1, ' ')).toThrow('reason');
    expect(checkExtension(0, 2, ' Many cases ')).toBe('Many cases');
  });
});

describe('third parties in free text', () => {
  const subject = [{ fullName: 'Sam Subject', address: '1 Own Road, Leeds', phone: '07700 900001' }];
  const others = [
    { fullName: 'Nia Neighbour', address: '12 Other Street, Leeds LS1', phone: '07700 900456' },
    { fullName: 'Sam Subject', address: '1 Own Road, Leeds', phone: null },
  ];
  const redact = thirdPartyMatcher(subject, others);

  it('replaces a text naming a third party by name, address or phone in any layout', () => {
    expect(redact('Shouting at nia  NEIGHBOUR again')).toBe(REDACTED);
    expect(redact('Bins left outside 12 Other Street')).toBe(REDACTED);
    expect(redact('Called back on 07700-900-456')).toBe(REDACTED);
    expect(redact('Called back on +44 7700 900456')).toBe(REDACTED);
  });

  it('leaves the subject’s own details, longer words and numbers, and nothing at all', () => {
    expect(redact('Sam Subject at 1 Own Road, Leeds on 07700 900001')).toBe(
      'Sam Subject at 1 Own Road, Leeds on 07700 900001',
    );
    expect(redact('Nia Neighbourhood watch; ref 9077009004561')).toBe('Nia Neighbourhood watch; ref 9077009004561');
    expect(redact(null)).toBeNull();
    expect(thirdParty('WITNESS')).toBe('[Third party: Witness]');
  });
});
