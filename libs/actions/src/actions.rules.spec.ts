import { describe, expect, it } from '@jest/globals';
import { ActionKind, BadInputError } from '#libs/common';
import { type ActionDates, legalDates } from './actions.rules.js';

const notice = (over: Partial<ActionDates> = {}): ActionDates => ({
  kind: ActionKind.COMMUNITY_PROTECTION_NOTICE,
  served_at: null,
  expires_at: null,
  ...over,
});
const served = new Date('2026-03-31T12:00:00Z');

function refusal(run: () => unknown): { field?: string; message: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(BadInputError);
    return { field: (error as BadInputError).field, message: (error as BadInputError).message };
  }
}

describe('the legal dates of a registered intervention', () => {
  it('writes none when progress gives none', () => {
    expect(legalDates(notice(), { servedAt: null, hearingAt: undefined, expiresAt: null })).toBeNull();
  });

  it('works out a CPN’s expiry as 12 months after serving, and a CPW’s as 6', () => {
    expect(legalDates(notice(), { servedAt: served })).toEqual({
      servedAt: served,
      hearingAt: undefined,
      expiresAt: new Date('2027-03-31T12:00:00Z'),
    });
    const warning = notice({ kind: ActionKind.COMMUNITY_PROTECTION_WARNING });
    expect(legalDates(warning, { servedAt: served })?.expiresAt).toEqual(new Date('2026-10-01T12:00:00Z'));
  });

  it('keeps an expiry already set or given, rather than working one out', () => {
    const given = new Date('2026-06-01T00:00:00Z');
    expect(legalDates(notice(), { servedAt: served, expiresAt: given })?.expiresAt).toEqual(given);
    expect(legalDates(notice({ expires_at: given }), { servedAt: served })?.expiresAt).toBeUndefined();
  });

  it('leaves the expiry of an injunction to the court: none is worked out', () => {
    const injunction = notice({ kind: ActionKind.CIVIL_INJUNCTION });
    expect(legalDates(injunction, { servedAt: served })).toEqual({
      servedAt: served,
      hearingAt: undefined,
      expiresAt: undefined,
    });
  });

  it('refuses dates on an action that is not a registered intervention, naming servedAt', () => {
    expect(refusal(() => legalDates(notice({ kind: ActionKind.WARNING_LETTER }), { hearingAt: served }))).toEqual({
      field: 'servedAt',
      message: `A ${ActionKind.WARNING_LETTER} has no legal dates`,
    });
  });

  it('refuses an expiry not after serving, and a hearing before it, also against the date already served', () => {
    expect(refusal(() => legalDates(notice(), { servedAt: served, expiresAt: served }))?.field).toBe('expiresAt');
    expect(
      refusal(() => legalDates(notice({ served_at: served }), { expiresAt: new Date(served.getTime() - 1) }))?.field,
    ).toBe('expiresAt');
    expect(
      refusal(() => legalDates(notice({ served_at: served }), { hearingAt: new Date(served.getTime() - 1) }))?.field,
    ).toBe('hearingAt');
    expect(legalDates(notice({ served_at: served }), { hearingAt: served })).toEqual({
      servedAt: undefined,
      hearingAt: served,
      expiresAt: undefined,
    });
  });
});
