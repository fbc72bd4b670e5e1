#!/usr/bin/env node
// Fails CI on a high or critical advisory in what the portal ships (`npm audit --omit=dev`), unless a reviewed
// allowance in audit-allowances.json names it and has not expired. Kept as plain JavaScript so CI runs it before
// anything is built.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const BLOCKING = new Set(['high', 'critical']);

/** An advisory's stable id: the GHSA id at the end of its URL, else npm's numeric source id. */
function advisoryId(via) {
  const ghsa = /GHSA-[\w-]+$/i.exec(via.url ?? '');
  return ghsa ? ghsa[0].toUpperCase() : String(via.source);
}

/**
 * What `npm audit --json` says, judged against the allowances on `today` (YYYY-MM-DD). `unreachable` when npm could
 * not fetch advisories at all (no vulnerabilities object, an error instead): that is not a pass.
 */
export function judgeAudit(report, allowances, today) {
  if (!report || typeof report.vulnerabilities !== 'object' || report.vulnerabilities === null) {
    return {
      outcome: 'unreachable',
      reason: report?.message ?? report?.error?.summary ?? 'npm audit gave no report',
      blocking: [],
      allowed: [],
      expired: [],
    };
  }
  const live = allowances.filter((a) => !a.until || a.until >= today);
  const expired = allowances.filter((a) => a.until && a.until < today).map((a) => a.advisory);
  const seen = new Map();
  for (const vulnerability of Object.values(report.vulnerabilities)) {
    for (const via of vulnerability.via ?? []) {
      // A string `via` is a dependency that is vulnerable through another package, reported under that one.
      if (typeof via !== 'object' || !BLOCKING.has(via.severity)) continue;
      const id = advisoryId(via);
      if (!seen.has(id))
        seen.set(id, { id, package: via.name, severity: via.severity, title: via.title, url: via.url });
    }
  }
  const blocking = [];
  const allowed = [];
  for (const advisory of seen.values()) {
    const allowance = live.find(
      (a) => a.advisory.toUpperCase() === advisory.id && (!a.package || a.package === advisory.package),
    );
    (allowance ? allowed : blocking).push(allowance ? { ...advisory, reason: allowance.reason } : advisory);
  }
  return { outcome: blocking.length ? 'fail' : 'pass', blocking, allowed, expired };
}

function main() {
  const here = fileURLToPath(new URL('.', import.meta.url));
  const allowances = JSON.parse(readFileSync(`${here}audit-allowances.json`, 'utf8')).allowances;
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], {
    cwd: `${here}..`,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    report = { message: (run.stderr || run.stdout || 'no output').trim().split('\n').pop() };
  }
  const verdict = judgeAudit(report, allowances, new Date().toISOString().slice(0, 10));
  for (const id of verdict.expired) console.log(`audit: the allowance for ${id} has expired: review it again`);
  for (const a of verdict.allowed) console.log(`audit: allowed ${a.severity} ${a.id} in ${a.package} (${a.reason})`);
  for (const a of verdict.blocking)
    console.error(`audit: ${a.severity} ${a.id} in ${a.package}: ${a.title} ${a.url ?? ''}`);
  if (verdict.outcome === 'unreachable') {
    // Some networks (this project's build machines among them) reach the registry's packages but not its advisory
    // endpoint. Say so loudly; AUDIT_REQUIRED=true makes it fail, as a release build should.
    const message = `audit: dependencies NOT checked: the advisory database could not be reached (${verdict.reason})`;
    if (process.env.AUDIT_REQUIRED === 'true') {
      console.error(message);
      process.exit(1);
    }
    console.warn(`${message}; set AUDIT_REQUIRED=true to fail instead`);
    return;
  }
  if (verdict.outcome === 'fail') {
    console.error(
      `audit: ${verdict.blocking.length} high or critical advisories; fix them or add a reviewed allowance to .ci/audit-allowances.json`,
    );
    process.exit(1);
  }
  console.log(`audit: no unreviewed high or critical advisories in production dependencies`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
