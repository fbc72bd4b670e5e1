import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** bench/results.json in the source tree (this file runs from dist/bench). */
export const RESULTS_FILE = resolve(dirname(fileURLToPath(import.meta.url)), '../../bench/results.json');

/**
 * Each benchmark owns one key of bench/results.json (`cases`, `alerts`) and leaves the others as they are:
 * read, replace its key, write. A file from before the keys (the case-list results at the top level) is
 * kept under `cases`.
 */
export function writeResults(key: string, value: unknown): string {
  let current: Record<string, unknown> = {};
  if (existsSync(RESULTS_FILE)) {
    try {
      const parsed: unknown = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) current = parsed as Record<string, unknown>;
    } catch {
      // An unreadable file is replaced.
    }
  }
  if ('scenarios' in current && !('cases' in current)) current = { cases: current };
  current[key] = value;
  mkdirSync(dirname(RESULTS_FILE), { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(current, null, 2)}\n`);
  return RESULTS_FILE;
}
