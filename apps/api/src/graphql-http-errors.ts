import { type ArgumentsHost, Catch, HttpException } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { Request, Response } from 'express';

/** What a refused request body is called, by HTTP status (Apollo's own name for a malformed request is BAD_REQUEST). */
const CODES: Record<number, string> = { 413: 'PAYLOAD_TOO_LARGE', 400: 'BAD_REQUEST', 415: 'BAD_REQUEST' };

/**
 * A body refused before GraphQL sees it (over the size limit, or not JSON) still answers a GraphQL client in
 * GraphQL's shape, with a code, as every other refusal does; other routes keep Nest's own answers.
 */
@Catch(HttpException)
export class GraphQLHttpErrors extends BaseExceptionFilter {
  override catch(exception: HttpException, host: ArgumentsHost): unknown {
    if (host.getType() !== 'http') return exception;
    const req = host.switchToHttp().getRequest<Request>();
    const res = host.switchToHttp().getResponse<Response>();
    const status = exception.getStatus();
    if (req.path !== '/graphql' || !CODES[status] || res.headersSent) return super.catch(exception, host);
    const message =
      status === 413
        ? 'The request body is larger than the server accepts'
        : 'The request body is not a JSON GraphQL request';
    res.status(status).json({ errors: [{ message, extensions: { code: CODES[status] } }] });
    return undefined;
  }
}
