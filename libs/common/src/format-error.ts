import type { GraphQLFormattedError } from 'graphql';
import { DomainError, SecondFactorRequiredError, TooManyAttemptsError, TooManyRequestsError } from './errors.js';

const KNOWN_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'TOO_MANY_REQUESTS',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'PERSISTED_QUERY_NOT_FOUND',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
  'QUERY_TOO_COMPLEX',
]);

const VARIABLE_ERROR_LIMIT = /^Too many errors processing variables/;

/** Apollo's coercion errors name the path ("at \"input.category\""); the client wants it as the field. */
function fieldFromMessage(message: string): string | undefined {
  const at = /at "([^"]+)"/.exec(message);
  if (at) return at[1].replace(/^[^.]+\./, '');
  const variable = /Variable "\$([^"]+)"/.exec(message);
  return variable?.[1];
}

/**
 * The one place where errors become what a client sees: a code always, the offending field where there is one,
 * and no stack, SQL or schema hints outside development.
 */
export function formatError(development: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = (error as { originalError?: unknown })?.originalError ?? error;
    if (original instanceof DomainError) {
      return {
        message: original.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: original.code,
          ...(original.field ? { field: original.field } : {}),
          ...(original instanceof TooManyAttemptsError || original instanceof TooManyRequestsError
            ? { retryAfterSeconds: original.retryAfterSeconds }
            : {}),
          ...(original instanceof SecondFactorRequiredError ? { mfaRequired: true } : {}),
        },
      };
    }
    // Apollo labels every validation error GRAPHQL_VALIDATION_FAILED; a size limit's own code is kept.
    const originalCode = (original as { extensions?: { code?: unknown } } | null)?.extensions?.code;
    // graphql-js stops coercing variables after 50 bad values and says so in an error Apollo leaves uncoded.
    const formattedCode = formatted.extensions?.code;
    const code =
      originalCode === 'QUERY_TOO_COMPLEX'
        ? originalCode
        : VARIABLE_ERROR_LIMIT.test(formatted.message)
          ? 'BAD_USER_INPUT'
          : typeof formattedCode === 'string'
            ? formattedCode
            : '';
    if (KNOWN_CODES.has(code)) {
      let message = formatted.message;
      if (!development) message = message.replace(/ ?Did you mean .*$/s, '');
      const field = code === 'BAD_USER_INPUT' ? (formatted.extensions?.field ?? fieldFromMessage(message)) : undefined;
      return {
        message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code, ...(field ? { field } : {}) },
      };
    }
    if (development) return formatted;
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    };
  };
}
