/**
 * Typed domain errors, mapped once to `extensions.code` (see format-error.ts).
 * Services throw these; nothing else decides what a client is told.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'BAD_USER_INPUT'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Sign in to continue') {
    super(message);
  }
}

/** A rule refuses the whole operation, or a field the caller may not write. Never used for rows the caller cannot see. */
export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  constructor(message = 'You are not allowed to do this', field?: string) {
    super(message, field);
  }
}

export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(field: string, message: string) {
    super(message, field);
  }
}

/** Missing and invisible rows get the same answer, so nobody learns a row exists by being refused it. */
export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  constructor(what: string, field?: string) {
    super(`${what} not found`, field);
  }
}

export class VersionConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(
    what: string,
    readonly currentVersion?: number,
  ) {
    super(`${what} was changed by someone else; reload it and try again`, 'expectedVersion');
  }
}

/** The row is in a state that does not allow this (a closed meeting, a case already on the agenda). */
export class StateConflictError extends DomainError {
  readonly code = 'CONFLICT';
  constructor(message: string, field?: string) {
    super(message, field);
  }
}

/**
 * A sign-in refused unheard because it came too soon after failures on that email or from that address. It says
 * how long to wait (also as `extensions.retryAfterSeconds`); unknown emails are throttled exactly alike.
 */
export class TooManyAttemptsError extends DomainError {
  // The contract lists UNAUTHENTICATED for a refused sign-in, and partners' systems branch on it; the wait
  // (`retryAfterSeconds`) is what tells a throttled attempt from a wrong password.
  readonly code = 'UNAUTHENTICATED';
  constructor(readonly retryAfterSeconds: number) {
    super(`Too many attempts. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`);
  }
}

/**
 * A right password for an account with a second factor, without a code or with a wrong one
 * (`extensions.mfaRequired`). It unavoidably tells that the password was right; nothing else of the answer does.
 */
export class SecondFactorRequiredError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message: string) {
    super(message);
  }
}

/** An upload over the configured limit; nothing of it is kept. */
export class TooLargeError extends DomainError {
  readonly code = 'PAYLOAD_TOO_LARGE';
  constructor(field: string, message: string) {
    super(message, field);
  }
}

/** An upload whose bytes are not one of the accepted kinds, whatever its name or declared type says. */
export class UnsupportedTypeError extends DomainError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
  constructor(field: string, message: string) {
    super(message, field);
  }
}

/** A caller over a rate limit (a partner system's key): refused unheard, with the seconds to wait. */
export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many requests. Try again in ${retryAfterSeconds} ${retryAfterSeconds === 1 ? 'second' : 'seconds'}.`,
    field?: string,
  ) {
    super(message, field);
  }
}
