import { ValidationPipe, type ValidationError } from '@nestjs/common';
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

/** Every input class is validated; the first problem is answered as BAD_USER_INPUT naming its field. */
export const inputValidation = new ValidationPipe({
  transform: true,
  stopAtFirstError: true,
  forbidUnknownValues: false,
  exceptionFactory: (errors) => firstProblem(errors) ?? new BadInputError('input', 'Invalid input'),
});
