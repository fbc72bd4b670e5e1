import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** What PostgreSQL and every partner's system can hold: years 0001 to 9999 (JavaScript goes far beyond both). */
const EARLIEST = new Date('0001-01-01T00:00:00.000Z').getTime();
const LATEST = new Date('9999-12-31T23:59:59.999Z').getTime();

function parse(value: unknown): Date {
  if (typeof value !== 'string') throw new GraphQLError('A DateTime is a string, such as 2026-12-03T09:54:33Z');
  const date = new Date(value);
  const time = date.getTime();
  if (!Number.isFinite(time)) throw new GraphQLError(`Not a date-time: write it as 2026-12-03T09:54:33Z`);
  if (time < EARLIEST || time > LATEST) throw new GraphQLError('A DateTime must be between the years 0001 and 9999');
  return date;
}

/**
 * Nest's own DateTime took anything: `new Date(x)` of a number past JavaScript's range, of `true`, or of "not a
 * date", gave an Invalid Date that services then failed on (requestCaseReview answered an internal error). The
 * same name and description, so the schema does not change; a value it cannot read is BAD_USER_INPUT.
 */
export const DateTimeScalar = new GraphQLScalarType({
  name: 'DateTime',
  description: 'A date-time string at UTC, such as 2019-12-03T09:54:33Z, compliant with the date-time format.',
  parseValue: parse,
  serialize(value) {
    return value instanceof Date ? value.toISOString() : null;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('A DateTime is a string, such as 2026-12-03T09:54:33Z');
    return parse(ast.value);
  },
});

/** The scalars the schema is built with, in the app and wherever schema.graphql is printed. */
export const SCALARS = [{ type: Date, scalar: DateTimeScalar }];
