export interface AuditAllowance {
  advisory: string;
  package?: string;
  reason: string;
  reviewedBy?: string;
  until?: string;
}
export interface AuditFinding {
  id: string;
  package: string;
  severity: string;
  title: string;
  url?: string;
  reason?: string;
}
export function judgeAudit(
  report: unknown,
  allowances: AuditAllowance[],
  today: string,
): {
  outcome: 'pass' | 'fail' | 'unreachable';
  reason?: string;
  blocking: AuditFinding[];
  allowed: AuditFinding[];
  expired: string[];
};
