import { describe, expect, it } from '@jest/globals';
import { judgeAudit } from '../.ci/audit.mjs';

/** The shape `npm audit --json` (report version 2) gives, cut down to what the judge reads. */
function report(...advisories: { name: string; severity: string; ghsa: string }[]) {
  const vulnerabilities: Record<string, unknown> = {};
  for (const a of advisories) {
    vulnerabilities[a.name] = {
      name: a.name,
      severity: a.severity,
      via: [
        {
          source: 1100000,
          name: a.name,
          title: `${a.name} is vulnerable`,
          url: `https://github.com/advisories/${a.ghsa}`,
          severity: a.severity,
          range: '<1.2.3',
        },
      ],
      effects: ['dependent'],
    };
    // A package vulnerable only through another is reported by name; it must not count twice or alone.
    vulnerabilities.dependent = { name: 'dependent', severity: a.severity, via: [a.name], effects: [] };
  }
  return { auditReportVersion: 2, vulnerabilities, metadata: {} };
}

describe('the dependency audit in CI (issue 14, finding 9)', () => {
  it('fails on a high or a critical advisory in a production dependency', () => {
    for (const severity of ['high', 'critical']) {
      const verdict = judgeAudit(report({ name: 'left-pad', severity, ghsa: 'GHSA-aaaa-bbbb-cccc' }), [], '2026-12-04');
      expect(verdict.outcome).toBe('fail');
      expect(verdict.blocking).toEqual([
        expect.objectContaining({ id: 'GHSA-AAAA-BBBB-CCCC', package: 'left-pad', severity }),
      ]);
    }
  });

  it('passes on low and moderate advisories and on a clean report', () => {
    expect(
      judgeAudit(
        report(
          { name: 'a', severity: 'moderate', ghsa: 'GHSA-1111-2222-3333' },
          { name: 'b', severity: 'low', ghsa: 'GHSA-4444-5555-6666' },
        ),
        [],
        '2026-12-04',
      ).outcome,
    ).toBe('pass');
    expect(judgeAudit({ auditReportVersion: 2, vulnerabilities: {} }, [], '2026-12-04').outcome).toBe('pass');
  });

  it('lets a reviewed allowance through until it expires, and only for the advisory and package it names', () => {
    const audit = report({ name: 'left-pad', severity: 'critical', ghsa: 'GHSA-aaaa-bbbb-cccc' });
    const allowance = {
      advisory: 'GHSA-aaaa-bbbb-cccc',
      package: 'left-pad',
      reason: 'only reachable from the CLI we do not ship',
      until: '2027-01-31',
    };
    expect(judgeAudit(audit, [allowance], '2026-12-04')).toMatchObject({
      outcome: 'pass',
      allowed: [expect.objectContaining({ reason: allowance.reason })],
    });
    expect(judgeAudit(audit, [allowance], '2027-02-01')).toMatchObject({
      outcome: 'fail',
      expired: ['GHSA-aaaa-bbbb-cccc'],
    });
    expect(judgeAudit(audit, [{ ...allowance, package: 'right-pad' }], '2026-12-04').outcome).toBe('fail');
    expect(judgeAudit(audit, [{ ...allowance, advisory: 'GHSA-zzzz-zzzz-zzzz' }], '2026-12-04').outcome).toBe('fail');
  });

  it('never calls an audit that could not reach the advisories a pass', () => {
    const verdict = judgeAudit(
      {
        message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
        statusCode: 405,
      },
      [],
      '2026-12-04',
    );
    expect(verdict.outcome).toBe('unreachable');
    expect(verdict.reason).toContain('405');
  });
});
