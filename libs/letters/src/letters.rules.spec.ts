import { describe, expect, it } from '@jest/globals';
import { ActionKind, PartyRole } from '#libs/common';
import {
  assertKnownMergeFields,
  cleanTemplateText,
  LetterKind,
  letterFileName,
  letterRecord,
  MERGE_FIELDS,
  mergeFieldsOf,
  mergeLetter,
  STARTER_TEMPLATES,
} from './letters.rules.js';

const values = {
  'recipient.fullName': 'Nia Neighbour',
  'recipient.address': { withheld: true as const },
  'case.reference': 'ASB-2026-0001',
  'case.category': 'Noise',
  'case.ward': 'Kingsmead',
  'incidents.latest.occurredAt': null,
  'officer.displayName': 'Olu Officer',
  'agency.name': 'Kingsmead Homes',
  today: '5 December 2026',
};

describe('letter templates: merge fields', () => {
  it('finds each merge field once, with or without spaces inside the braces', () => {
    expect(mergeFieldsOf('{{today}} {{ case.reference }} {{today}}')).toEqual(['today', 'case.reference']);
  });

  it('refuses an unknown merge field at save time, naming it, as BAD_USER_INPUT on body', () => {
    expect(() => assertKnownMergeFields('Dear {{recipient.fullName}}, {{recipient.shoeSize}}')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('{{recipient.shoeSize}}') }),
    );
    expect(() => assertKnownMergeFields('Dear {{recipient.fullName}}')).not.toThrow();
  });

  it('every starter template uses only known merge fields', () => {
    for (const starter of STARTER_TEMPLATES) expect(() => cleanTemplateText(starter)).not.toThrow();
    expect(new Set(STARTER_TEMPLATES.map((t) => t.kind)).size).toBe(Object.values(LetterKind).length);
  });

  it('every merge field has a label', () => {
    for (const field of MERGE_FIELDS) expect(field.label.length).toBeGreaterThan(5);
  });

  it('checks the name and body sizes', () => {
    expect(() => cleanTemplateText({ name: 'x', body: 'A long enough body' })).toThrow(
      expect.objectContaining({ message: expect.stringContaining('name') }),
    );
    expect(cleanTemplateText({ name: '  Warning  ', body: 'Line one\r\nLine two ' })).toEqual({
      name: 'Warning',
      body: 'Line one\nLine two',
    });
  });
});

describe('merging a letter', () => {
  it('leaves a withheld field empty and names it, and tells a missing value apart', () => {
    const merged = mergeLetter(
      'To {{recipient.fullName}}, {{recipient.address}}. Ref {{ case.reference }}. Last {{incidents.latest.occurredAt}}.',
      values,
    );
    expect(merged.text).toBe('To Nia Neighbour, . Ref ASB-2026-0001. Last .');
    expect(merged.withheldFields).toEqual(['recipient.address']);
    expect(merged.missingFields).toEqual(['incidents.latest.occurredAt']);
  });

  it('never reads a value for a field the body does not name', () => {
    expect(mergeLetter('Dear {{recipient.fullName}}', values).withheldFields).toEqual([]);
  });
});

describe('how a letter is recorded', () => {
  it('a warning letter, CPW or ABC is an action of that kind', () => {
    expect(letterRecord(LetterKind.WARNING_LETTER, PartyRole.SUBJECT, true)).toEqual({
      as: 'action',
      kind: ActionKind.WARNING_LETTER,
    });
    expect(letterRecord(LetterKind.COMMUNITY_PROTECTION_WARNING, PartyRole.SUBJECT, false)).toEqual({
      as: 'action',
      kind: ActionKind.COMMUNITY_PROTECTION_WARNING,
    });
  });

  it('a closure letter to the reporter is a contact when the writer records contacts, otherwise an action', () => {
    expect(letterRecord(LetterKind.CLOSURE_LETTER, PartyRole.COMPLAINANT, true)).toEqual({ as: 'contact' });
    expect(letterRecord(LetterKind.CLOSURE_LETTER, PartyRole.COMPLAINANT, false)).toEqual({
      as: 'action',
      kind: ActionKind.OTHER_ACTION,
    });
    expect(letterRecord(LetterKind.CASE_REVIEW_OUTCOME, PartyRole.SUBJECT, true)).toEqual({
      as: 'action',
      kind: ActionKind.OTHER_ACTION,
    });
  });

  it('names the file by kind, reference and day, never by the person', () => {
    expect(letterFileName(LetterKind.COMMUNITY_PROTECTION_WARNING, 'ASB/2026/7', '2026-12-05')).toBe(
      'Community-Protection-Warning-ASB-2026-7-2026-12-05.pdf',
    );
  });
});
