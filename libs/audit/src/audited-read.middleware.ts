import type { FieldMiddleware, MiddlewareContext, NextFn } from '@nestjs/graphql';
import type { RequestContext } from '#libs/access';
import { AuditLog } from './audit-log.service.js';

/**
 * On a sensitive field (identifiers, police intelligence, support needs, tenancy): when a value is actually
 * sent, the view is noted for the audit trail. Withheld (null) values are not a disclosure.
 */
export const auditedRead: FieldMiddleware = async ({ source, info, context }: MiddlewareContext, next: NextFn) => {
  const value = await next();
  if (value !== null && value !== undefined) {
    const row = source as { id: string; caseId?: string };
    const field = info!.parentType.name === 'Case' ? info!.fieldName : `${info!.parentType.name.toLowerCase()}.${info!.fieldName}`;
    AuditLog.noteView(context as RequestContext, row.caseId ?? row.id, field);
  }
  return value;
};
