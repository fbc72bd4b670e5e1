import { Plugin } from '@nestjs/apollo';
import type { ApolloServerPlugin, GraphQLRequestListener } from '@apollo/server';
import type { RequestContext } from '#libs/access';
import { AuditLog } from './audit-log.service.js';

/** Writes the views a response disclosed before the response is sent, so no disclosure goes unrecorded. */
@Plugin()
export class AuditViewsPlugin implements ApolloServerPlugin<RequestContext> {
  constructor(private readonly audit: AuditLog) {}

  async requestDidStart(): Promise<GraphQLRequestListener<RequestContext>> {
    return {
      willSendResponse: async ({ contextValue }) => {
        await this.audit.flushViews(contextValue);
      },
    };
  }
}
