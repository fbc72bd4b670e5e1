import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for a secret the portal must keep and use again (an identity provider's client secret, a TOTP secret).
 * The 256-bit key is derived (HKDF-SHA256) from the configured key material and a purpose of its own, so it is never
 * the material itself, nor another purpose's key, even when both come from one setting. `context` (the row's owner:
 * an agency, a user) is authenticated with the ciphertext, so a secret copied onto another row does not open. Each
 * sealed value names the key that sealed it (`<key id>.<iv>.<tag>.<ciphertext>`, base64url), so a value sealed under
 * an earlier key still opens while that key is offered.
 */
export class SecretBox {
  readonly id: string;
  private readonly key: Buffer;

  constructor(material: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', material, '', `partnership-portal ${purpose}`, 32));
    this.id = createHash('sha256')
      .update(`partnership-portal ${purpose} key id\0`)
      .update(this.key)
      .digest('base64url')
      .slice(0, 12);
  }

  seal(plaintext: string, context: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return [this.id, ...[iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url'))].join('.');
  }

  /** The plaintext, or null when none of `boxes` sealed it for `context` (another key or owner, or tampered with). */
  static open(boxes: readonly SecretBox[], sealed: string, context: string): string | null {
    const [id, iv, tag, data] = sealed.split('.');
    const box = boxes.find((candidate) => candidate.id === id);
    if (!box || !iv || !tag || data === undefined) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', box.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(data, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
