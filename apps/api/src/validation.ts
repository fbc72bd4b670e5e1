import { type ArgumentMetadata, ValidationPipe, type ValidationError } from '@nestjs/common';
import { BadInputError } from '#libs/common';

function firstProblem(errors: ValidationError[], prefix = ''): BadInputError | null {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const message = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (message) return new BadInputError(field, message.replace(error.property, field));
    const nested = firstProblem(error.children ?? [], field);
    if (nested) return nested;
  }
  return null;
}

/**
 * The first string that PostgreSQL cannot keep as text, and where it is: a NUL character is refused by the
 * database (which answered it as an internal error), and a lone surrogate would be silently replaced.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function unstorableText(value: unknown, field: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value) ? field : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = unstorableText(value[i], `${field}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) {
      const found = unstorableText(inner, field ? `${field}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** What a caller sends: a GraphQL resolver's arguments (GqlParamtype.ARGS), a route's body, query and path. */
const CALLER_INPUT = new Set<unknown>([3, 'body', 'query', 'param']);

/**
 * Every argument is checked for text the database cannot store, and every input class is validated; the first
 * problem is answered as BAD_USER_INPUT naming its field (an input object's fields by their own names, as the
 * class validation names them). Nothing else is: a field resolver's parent (`@Parent() parent: Case`) is the
 * portal's own answer, and validating it would rebuild it as a class instance on every field of every row
 * (a case list of 50 ran class-transformer and class-validator some 300 times).
 */
class InputValidation extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (!CALLER_INPUT.has(metadata.type)) return value;
    // An optional argument left out is no input to check: ValidationPipe would validate it as `{}` and refuse
    // an input class with required fields (shareCase's `basis`), then hand on the null all the same.
    if (value === undefined || value === null) return value;
    const isObject = value !== null && typeof value === 'object' && !Array.isArray(value);
    const field = unstorableText(value, isObject ? '' : (metadata.data ?? 'input'));
    if (field)
      throw new BadInputError(field, `${field} contains a character that cannot be stored (a NUL or a lone surrogate)`);
    return super.transform(value, metadata);
  }
}

export const inputValidation = new InputValidation({
  transform: true,
  stopAtFirstError: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => firstProblem(errors) ?? new BadInputError('input', 'Invalid input'),
});
