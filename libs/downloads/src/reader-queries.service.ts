import { Injectable } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import type { Request } from 'express';
import { type DocumentNode, execute } from 'graphql';
import type { RequestContext } from '#libs/context';
import { AuditLog } from '#libs/audit';
import { SessionsService } from '#libs/auth';
import { ForbiddenError, UnauthenticatedError } from '#libs/common';
import { FileNotFoundError } from './download-errors.js';

/**
 * For downloads (a meeting pack, a CSV, a case summary): the bearer of a token, and GraphQL documents run as
 * them through the same schema, guards and SQL scope as the API, so a file can never hold more than the
 * reader's own query would have returned.
 */
@Injectable()
export class ReaderQueries {
  constructor(
    private readonly sessions: SessionsService,
    private readonly audit: AuditLog,
    // The schema lives in the GraphQL module, built after the features: looked up when a file is asked for.
    private readonly moduleRef: ModuleRef,
  ) {}

  /**
   * The caller's context; 401 for a missing, bad or expired token or key, an ended or idle session, or a
   * deactivated user. Read from the request itself, so no route can forget that anything but a GET is a write,
   * which a read-only key may not make (403), as it may make no mutation.
   */
  async contextOf(req: Request): Promise<RequestContext> {
    const ctx = await this.sessions.contextForToken(req.headers.authorization, req.ip ?? 'unknown');
    if (!ctx.user) throw new UnauthenticatedError();
    if (ctx.user.apiKey?.readOnly && req.method !== 'GET' && req.method !== 'HEAD')
      throw new ForbiddenError('This key is read-only');
    return ctx;
  }

  /** The data of `document` for this reader; 404 on any error, so a refusal looks like a missing row. */
  async run<T>(ctx: RequestContext, document: DocumentNode, variableValues: Record<string, unknown>): Promise<T> {
    const schema = this.moduleRef.get(GraphQLSchemaHost, { strict: false }).schema;
    // As over HTTP, where JSON has no undefined: a variable left undefined is one not given (its default applies).
    const variables = JSON.parse(JSON.stringify(variableValues)) as Record<string, unknown>;
    const result = await execute({ schema, document, variableValues: variables, contextValue: ctx });
    if (result.errors?.length || !result.data) {
      ctx.views.clear(); // nothing of a refused file is sent
      throw new FileNotFoundError();
    }
    // Whatever the file will hold of a case's sensitive fields is on the trail before a byte of it leaves.
    await this.audit.flushViews(ctx, 'download');
    return result.data as T;
  }
}
