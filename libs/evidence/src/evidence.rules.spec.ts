import { describe, expect, it } from '@jest/globals';
import { statedReason } from '#libs/common';
import { trailOf } from './evidence.rules.js';
import { uploadDescription, uploadIncidentId } from './evidence.inputs.js';

describe('evidence rules and upload fields', () => {
  it('takes a removal reason of 3 to 2,000 characters once trimmed', () => {
    expect(statedReason('  duplicate upload ')).toBe('duplicate upload');
    expect(statedReason(' ab ')).toBeNull();
    expect(statedReason('x'.repeat(2001))).toBeNull();
  });

  it('keeps in the trail what names a removed file, not where its bytes were', () => {
    const file = {
      id: 'f1',
      caseId: 'c1',
      incidentId: null,
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      byteSize: 3,
      sha256: 'ab',
      description: null,
      uploadedAt: new Date(),
      storageKey: 'k',
    };
    expect(trailOf(file as never)).toEqual({
      id: 'f1',
      fileName: 'a.pdf',
      mediaType: 'application/pdf',
      byteSize: 3,
      sha256: 'ab',
    });
  });

  it('reads the upload’s description and incident from its query, refusing what is not one', () => {
    expect(uploadDescription(undefined)).toBeNull();
    expect(uploadDescription('  ')).toBeNull();
    expect(uploadDescription(' Diary ')).toBe('Diary');
    expect(() => uploadDescription(['a', 'b'])).toThrow('description is up to 2,000 characters');
    expect(uploadIncidentId('')).toBeNull();
    expect(uploadIncidentId('11111111-1111-4111-8111-111111111111')).toBe('11111111-1111-4111-8111-111111111111');
    expect(() => uploadIncidentId(['x'])).toThrow('incidentId is not a valid id');
    expect(() => uploadIncidentId('nope')).toThrow();
  });
});
