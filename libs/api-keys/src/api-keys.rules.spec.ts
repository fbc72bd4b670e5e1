import { describe, expect, it } from '@jest/globals';
import { newKey, parseKey, secretMatches } from './api-keys.rules.js';

describe('a partner system’s key', () => {
  it('names its id and carries 256 random bits, of which only the hash is kept', () => {
    const { id, key, secretHash } = newKey();
    expect(key).toMatch(/^asbp_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const parsed = parseKey(key)!;
    expect(parsed.id).toBe(id);
    expect(secretMatches(parsed.secret, secretHash)).toBe(true);
    expect(secretHash.toString('base64url')).not.toContain(parsed.secret);
    expect(newKey().key).not.toBe(key);
  });

  it('is refused when one character of the secret is wrong, or the shape is not ours', () => {
    const { key, secretHash } = newKey();
    const { secret } = parseKey(key)!;
    const other = secret.slice(0, -1) + (secret.endsWith('A') ? 'B' : 'A');
    expect(secretMatches(other, secretHash)).toBe(false);
    for (const bad of ['', 'asbp_', `${key}x`, key.replace('asbp_', 'asbx_'), `Bearer ${key}`]) {
      expect(parseKey(bad)).toBeNull();
    }
  });
});
