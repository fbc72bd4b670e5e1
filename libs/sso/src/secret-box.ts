import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/** The ciphertext's layout version, so a later change of scheme can still read what was written before it. */
const VERSION = 'v1';

/**
 * AES-256-GCM for secrets kept in the database. The 256-bit key is derived (HKDF-SHA256) from the configured
 * key material with a purpose of its own, so it is never the token-signing key itself even when both come from
 * TOKEN_SECRET. `context` (the row's id) is authenticated with the ciphertext: a secret copied onto another
 * agency's row does not decrypt.
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(material: string) {
    this.key = Buffer.from(hkdfSync('sha256', material, 'partnership-portal', 'secrets at rest v1', 32));
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64url')}`;
  }

  /** The plaintext; throws when the key, the context or a byte of the ciphertext is not the one it was sealed with. */
  open(sealed: string, context: string): string {
    const [version, data] = sealed.split('.');
    if (version !== VERSION || !data) throw new Error('not a secret this portal sealed');
    const raw = Buffer.from(data, 'base64url');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
