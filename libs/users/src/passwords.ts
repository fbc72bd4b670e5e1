import { hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

// argon2id (the library's default algorithm) with OWASP's minimum memory cost; prebuilt, no install script.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

/**
 * Each hash takes 19 MiB and a core for tens of milliseconds: a burst of sign-ins waits its turn here, two at a
 * time, rather than taking every thread and all the memory the process has.
 */
const argon2 = pLimit(2);

export const hashPassword = (password: string): Promise<string> => argon2(() => hash(password, OPTIONS));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await argon2(() => verify(passwordHash, password));
  } catch {
    return false;
  }
}

/** Verified against when the email is unknown, so a wrong email costs as long as a wrong password. */
let decoy: Promise<string> | undefined;
export const decoyHash = (): Promise<string> => (decoy ??= hashPassword('not-a-real-password-at-all'));
