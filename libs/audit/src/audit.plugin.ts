import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { RequestContext } from '#libs/context';
import { AuditLog } from './audit-log.service.js';

/**
 * Over HTTP, the views noted while the response was executed (audited-fields.ts) are written, one CASE_VIEWED
 * event per case, before the response leaves, so no disclosure goes unrecorded.
 */
@Plugin()
export class AuditViewsPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(private readonly audit: AuditLog) {}

  requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return Promise.resolve({
      willSendResponse: async ({ contextValue }) => {
        await this.audit.flushViews(contextValue, 'http');
      },
    });
  }
}
