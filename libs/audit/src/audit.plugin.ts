import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import { readGovernedFields, type RequestContext } from '#libs/access';
import { AuditLog } from './audit-log.service.js';

/** The case's lists, noted where they are loaded and only when not empty: an empty list discloses nothing. */
const NOTED_WHERE_LOADED = new Set(['contacts', 'dashAssessments', 'evidence']);

/** The sensitive fields whose sending is a disclosure: every field a rule may withhold, less the lists above. */
const AUDITED = new Map<string, string>([
  ...readGovernedFields('Case')
    .filter((field) => !NOTED_WHERE_LOADED.has(field))
    .map((field): [string, string] => [`Case.${field}`, field]),
  ...readGovernedFields('Party').map((field): [string, string] => [`Party.${field}`, `party.${field}`]),
]);

/**
 * Notes every sensitive value a response actually sends (a withheld null is no disclosure), and writes
 * them, one CASE_VIEWED event per case, before the response leaves, so no disclosure goes unrecorded.
 * A synchronous field hook: wrapping the fields in async middleware would make every list of cases take
 * GraphQL's slow promise path.
 */
@Plugin()
export class AuditViewsPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(private readonly audit: AuditLog) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      executionDidStart: async () => ({
        willResolveField: ({ source, info, contextValue }) => {
          const field = AUDITED.get(`${info.parentType.name}.${info.fieldName}`);
          if (!field) return;
          const row = source as { id: string; caseId?: string };
          return (error, result) => {
            if (!error && result !== null && result !== undefined) AuditLog.noteView(contextValue, row.caseId ?? row.id, field);
          };
        },
      }),
      willSendResponse: async ({ contextValue }) => {
        await this.audit.flushViews(contextValue);
      },
    };
  }
}
