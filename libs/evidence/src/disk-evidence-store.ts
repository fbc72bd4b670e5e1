import { mkdir, open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { checkedKey, type EvidenceStore } from './evidence-store.js';

/**
 * Evidence on the server's own disk, under `<DATA_DIR>/evidence/files`, readable by the portal's user alone. A
 * file arrives by rename from the incoming folder beside it (same file system), so it appears whole or not at all.
 */
export class DiskEvidenceStore implements EvidenceStore {
  constructor(private readonly root: string) {}

  /** Two hex characters of fan-out keep any one folder small. */
  private pathOf(key: string): string {
    return join(this.root, checkedKey(key).slice(0, 2), key);
  }

  async keep(key: string, path: string): Promise<void> {
    const target = this.pathOf(key);
    await mkdir(join(target, '..'), { recursive: true, mode: 0o700 });
    await rename(path, target);
  }

  async open(key: string): Promise<Readable> {
    // Opened before anything is sent, so a missing file fails here rather than half-way through a response.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async remove(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }
}
