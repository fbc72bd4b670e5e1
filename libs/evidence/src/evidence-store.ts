import type { Readable } from 'node:stream';

/**
 * Where evidence bytes are kept, by a random key (never the sender's file name). A file reaches a store only
 * once it has been received whole and checked, so a store never holds a refused upload.
 */
export interface EvidenceStore {
  /** Keeps the checked file at `path` under `key`; the file at `path` may be moved away. */
  keep(key: string, path: string, file: { byteSize: number; mediaType: string }): Promise<void>;
  /** The bytes kept under `key`; rejects if there are none. */
  open(key: string): Promise<Readable>;
  /** Deletes the bytes under `key`; nothing kept there is not an error. */
  remove(key: string): Promise<void>;
}

export const EVIDENCE_STORE = Symbol('EVIDENCE_STORE');

/** Keys are made here and only here: 128 random bits as hex, so a key can never be a path. */
export const STORAGE_KEY = /^[0-9a-f]{32}$/;

export function checkedKey(key: string): string {
  if (!STORAGE_KEY.test(key)) throw new Error('Not an evidence storage key');
  return key;
}
