import { describe, expect, it } from '@jest/globals';
import { SecretBox } from './secret-box.js';

describe('a secret sealed at rest', () => {
  const box = new SecretBox('k'.repeat(40), 'totp secret');

  it('opens with its key for its owner, names its key, and never contains the secret', () => {
    const sealed = box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'u1');
    expect(sealed).not.toContain('JBSWY3DP');
    expect(sealed.startsWith(`${box.id}.`)).toBe(true);
    expect(SecretBox.open([box], sealed, 'u1')).toBe('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP');
    expect(box.seal('JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', 'u1')).not.toBe(sealed);
  });

  it('does not open for another owner, with another key or purpose, or tampered with', () => {
    const sealed = box.seal('client-secret', 'u1');
    expect(SecretBox.open([box], sealed, 'u2')).toBeNull();
    expect(SecretBox.open([new SecretBox('o'.repeat(40), 'totp secret')], sealed, 'u1')).toBeNull();
    const otherPurpose = new SecretBox('k'.repeat(40), 'identity provider secret');
    expect(otherPurpose.id).not.toBe(box.id);
    expect(
      SecretBox.open([otherPurpose], otherPurpose.seal('x', 'u1').replace(otherPurpose.id, box.id), 'u1'),
    ).toBeNull();
    const parts = sealed.split('.');
    parts[3] = Buffer.from('tampered').toString('base64url');
    expect(SecretBox.open([box], parts.join('.'), 'u1')).toBeNull();
  });

  it('opens what an earlier key sealed while that key is offered beside the new one', () => {
    const earlier = new SecretBox('e'.repeat(40), 'totp secret');
    const sealed = earlier.seal('secret', 'u1');
    expect(SecretBox.open([box, earlier], sealed, 'u1')).toBe('secret');
    expect(SecretBox.open([box], sealed, 'u1')).toBeNull();
  });
});
