import { describe, expect, it } from '@jest/globals';
import { ShareAccess } from '#libs/common';
import { KeptShare } from './case-transfer.model.js';
import { keptAccess, whyNotMovable } from './transfers.rules.js';

describe('transfer rules', () => {
  it('keep a FULL share unless the offer chose LIMITED or none', () => {
    expect(keptAccess(undefined)).toBe(ShareAccess.FULL);
    expect(keptAccess(null)).toBe(ShareAccess.FULL);
    expect(keptAccess(KeptShare.FULL)).toBe(ShareAccess.FULL);
    expect(keptAccess(KeptShare.LIMITED)).toBe(ShareAccess.LIMITED);
    expect(keptAccess(KeptShare.NONE)).toBeNull();
  });

  it('refuse a case under legal hold, or on an agenda that is neither withdrawn nor closed', () => {
    const at = new Date();
    expect(whyNotMovable(true, [])).toMatch(/legal hold/);
    expect(whyNotMovable(false, [{ withdrawn_at: null, closed_at: null }])).toMatch(/agenda/);
    expect(whyNotMovable(false, [{ withdrawn_at: at, closed_at: null }])).toBeNull();
    expect(whyNotMovable(false, [{ withdrawn_at: null, closed_at: at }])).toBeNull();
    expect(whyNotMovable(false, [])).toBeNull();
  });
});
