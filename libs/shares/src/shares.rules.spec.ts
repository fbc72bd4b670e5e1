import { describe, expect, it } from '@jest/globals';
import { ConsentState, LawfulBasis } from './case-share.model.js';
import { statedReason } from '#libs/common';
import { basisInWords, basisProblem, recordedBasis } from './shares.rules.js';

describe('share rules', () => {
  it('records the sharing basis trimmed, and only one of 3 to 2,000 characters', () => {
    expect(statedReason('  Crime and Disorder Act s.115 ')).toBe('Crime and Disorder Act s.115');
    expect(statedReason('  ok ')).toBeNull();
    expect(statedReason('x'.repeat(2000))).toHaveLength(2000);
    expect(statedReason('x'.repeat(2001))).toBeNull();
  });
});

describe('the lawful basis and consent of a share', () => {
  const given = { lawfulBasis: LawfulBasis.CRIME_AND_DISORDER_ACT_S115, consent: ConsentState.GIVEN };

  it('records a share made without them as OTHER in the words of its reason, consent not recorded', () => {
    expect(recordedBasis('ISA clause 4')).toEqual({
      lawfulBasis: LawfulBasis.OTHER,
      lawfulBasisDetail: 'ISA clause 4',
      consent: ConsentState.NOT_RECORDED,
      consentDetail: null,
    });
  });

  it('records a stated basis with its words trimmed, blank words as none', () => {
    expect(
      recordedBasis('reason', { ...given, lawfulBasisDetail: '  ', consentDetail: ' Agreed at the visit ' }),
    ).toEqual({
      lawfulBasis: LawfulBasis.CRIME_AND_DISORDER_ACT_S115,
      lawfulBasisDetail: null,
      consent: ConsentState.GIVEN,
      consentDetail: 'Agreed at the visit',
    });
  });

  it('accepts every basis with consent given, and consent only with consent given', () => {
    for (const lawfulBasis of Object.values(LawfulBasis)) {
      expect(basisProblem({ lawfulBasis, lawfulBasisDetail: 'An ISA', consent: ConsentState.GIVEN })).toBeNull();
    }
  });

  it('asks for the basis in words when it is OTHER', () => {
    expect(basisProblem({ lawfulBasis: LawfulBasis.OTHER, consent: ConsentState.GIVEN })?.field).toBe(
      'lawfulBasisDetail',
    );
    expect(
      basisProblem({ lawfulBasis: LawfulBasis.OTHER, lawfulBasisDetail: '   ', consent: ConsentState.GIVEN })?.field,
    ).toBe('lawfulBasisDetail');
  });

  it('asks why consent was not sought, and which risk overrides a refusal', () => {
    const notSought = { ...given, consent: ConsentState.NOT_SOUGHT };
    expect(basisProblem(notSought)).toMatchObject({ field: 'consentDetail', message: expect.stringMatching(/why/) });
    expect(basisProblem({ ...notSought, consentDetail: 'Telling her would alert him' })).toBeNull();
    const overridden = { ...given, consent: ConsentState.REFUSED_OVERRIDDEN };
    expect(basisProblem({ ...overridden, consentDetail: ' ' })).toMatchObject({
      field: 'consentDetail',
      message: expect.stringMatching(/risk/),
    });
    expect(basisProblem({ ...overridden, consentDetail: 'Threats to kill' })).toBeNull();
  });

  it('refuses consent as the basis unless consent was given, and NOT_RECORDED for a new share', () => {
    const onConsent = { lawfulBasis: LawfulBasis.CONSENT, consentDetail: 'Serious risk' };
    expect(basisProblem({ ...onConsent, consent: ConsentState.REFUSED_OVERRIDDEN })?.field).toBe('consent');
    expect(basisProblem({ ...onConsent, consent: ConsentState.NOT_SOUGHT })?.field).toBe('consent');
    expect(basisProblem({ ...given, consent: ConsentState.NOT_RECORDED })?.field).toBe('consent');
  });

  it('says a basis and consent in words, the detail in brackets', () => {
    expect(
      basisInWords({
        lawfulBasis: 'CARE_ACT_S45',
        lawfulBasisDetail: null,
        consent: { state: 'NOT_SOUGHT', detail: 'Would alert him' },
      }),
    ).toBe('Lawful basis: Care Act 2014 s.45. Consent: not sought (Would alert him)');
  });
});
