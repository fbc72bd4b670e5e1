import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/** As auth recognises a key (API_KEY_PREFIX there): `asbp_`, the key's id in hex, `_`, 32 random bytes base64url. */
const KEY = /^asbp_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

/** A key's longest life: a partner's key is rotated at least yearly. */
export const MAX_KEY_DAYS = 366;

export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret).digest();

/**
 * A new key: its id (public, how it is listed and looked up), the key to hand over once, and the hash to keep.
 * The secret is 256 random bits, so one SHA-256 is enough: there is nothing to guess that a slow hash would slow.
 */
export function newKey(): { id: string; key: string; secretHash: Buffer } {
  const id = randomUUID();
  const secret = randomBytes(32).toString('base64url');
  return { id, key: `asbp_${id.replace(/-/g, '')}_${secret}`, secretHash: hashSecret(secret) };
}

/** The id and secret a presented key names; null for anything not shaped as one of ours. */
export function parseKey(key: string): { id: string; secret: string } | null {
  const match = KEY.exec(key);
  if (!match) return null;
  const hex = match[1];
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return { id, secret: match[2] };
}

/** Compared in constant time, so the answer's timing says nothing of how much of a guess was right. */
export function secretMatches(secret: string, keptHash: Buffer): boolean {
  const presented = hashSecret(secret);
  return keptHash.length === presented.length && timingSafeEqual(presented, keptHash);
}
