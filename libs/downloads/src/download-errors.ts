import {
  applyDecorators,
  type ArgumentsHost,
  Catch,
  Controller,
  type ExceptionFilter,
  UseFilters,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, type ErrorCode } from '#libs/common';

const STATUS: Record<ErrorCode, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
};

/** A file the reader may not have, or one that does not exist: the same answer, naming nothing of what was asked for. */
export class FileNotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor() {
    super('Not found');
  }
}

/**
 * The REST twin of formatError, the one error mapping of every file route: a domain error answers with its HTTP
 * status and the same code, message and field a GraphQL client would get, as JSON. Once a file has begun to go,
 * there is no status left to send: the download breaks rather than ending as if the file were whole.
 */
@Catch(DomainError)
export class DownloadErrors implements ExceptionFilter {
  catch(error: DomainError, host: ArgumentsHost): void {
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) {
      res.destroy(error);
      return;
    }
    const status = STATUS[error.code];
    res.status(status).json({
      statusCode: status,
      code: error.code,
      message: error.message,
      ...(error.field ? { field: error.field } : {}),
    });
  }
}

/** A controller of file routes (downloads, and the upload beside them): its errors answer as DownloadErrors says. */
export function DownloadController(prefix: string): ClassDecorator {
  return applyDecorators(Controller(prefix), UseFilters(DownloadErrors));
}
