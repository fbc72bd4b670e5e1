import { describe, expect, it } from '@jest/globals';
import { AuditAction } from '#libs/audit';
import { describeAuditEvent, shownAsText } from './audit-trail.rules.js';

describe('an event of the trail in words', () => {
  it('names the agency a case was shared with, the access, what it replaced and the basis', () => {
    expect(
      describeAuditEvent({
        action: AuditAction.CASE_SHARED,
        detail: {
          agency: { id: 'a', name: 'Police' },
          access: 'FULL',
          replacedAccess: 'LIMITED',
          basis: 'Crime and Disorder Act s.115',
        },
      }),
    ).toBe('Shared with Police at FULL (was LIMITED). Basis: Crime and Disorder Act s.115');
  });

  it('adds the lawful basis and the consent of a share recorded with them, the reason said once', () => {
    const shared = {
      action: AuditAction.CASE_SHARED,
      detail: { agency: { id: 'a', name: 'Police' }, access: 'LIMITED', basis: 'ISA clause 4' },
    };
    expect(
      describeAuditEvent({
        ...shared,
        detail: {
          ...shared.detail,
          lawfulBasis: 'OTHER',
          lawfulBasisDetail: 'ISA clause 4',
          consent: { state: 'NOT_RECORDED', detail: null },
        },
      }),
    ).toBe('Shared with Police at LIMITED. Basis: ISA clause 4. Lawful basis: other. Consent: not recorded');
    expect(
      describeAuditEvent({
        ...shared,
        detail: {
          ...shared.detail,
          lawfulBasis: 'VITAL_INTERESTS',
          lawfulBasisDetail: null,
          consent: { state: 'REFUSED_OVERRIDDEN', detail: 'Threats to kill' },
        },
      }),
    ).toBe(
      'Shared with Police at LIMITED. Basis: ISA clause 4. Lawful basis: vital interests (UK GDPR Article 6(1)(d)). Consent: refused and overridden (Threats to kill)',
    );
  });

  it('names a removed file from the event itself, with the reason', () => {
    expect(
      describeAuditEvent({
        action: AuditAction.EVIDENCE_REMOVED,
        detail: { file: { fileName: 'noise.mp3', mediaType: 'audio/mpeg', byteSize: 2048 }, reason: 'Wrong case' },
      }),
    ).toMatch(/^Removed evidence: noise\.mp3 \(audio\/mpeg, .+\)\. Reason: Wrong case$/);
  });

  it('names the template text a letter was made from, and the fields left empty in it', () => {
    expect(
      describeAuditEvent({
        action: AuditAction.LETTER_PRODUCED,
        detail: {
          template: { id: 't', name: 'First warning', version: 3, kind: 'WARNING_LETTER' },
          recipient: { partyId: 'p', role: 'SUBJECT' },
          withheldFields: ['recipient.address'],
        },
      }),
    ).toBe(
      'Produced a warning letter to the subject from template “First warning” version 3, left empty: recipient.address',
    );
  });

  it('lists the fields changed when the action has no words of its own', () => {
    expect(
      describeAuditEvent({
        action: AuditAction.CASE_UPDATED,
        detail: {
          changes: [
            { field: 'ward', from: 'A', to: 'B' },
            { field: 'summary', from: '', to: 'x' },
          ],
        },
      }),
    ).toBe('Changed ward, summary');
  });
});

describe('a changed value as the trail shows it', () => {
  it('is text, a date in ISO 8601, and null for nothing', () => {
    expect([
      shownAsText(3),
      shownAsText(new Date('2026-01-02T03:04:05Z')),
      shownAsText(null),
      shownAsText(undefined),
    ]).toEqual(['3', '2026-01-02T03:04:05.000Z', null, null]);
  });
});
