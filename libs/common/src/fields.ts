import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

/**
 * A ward as typed on any input (a case, an incident, a report at intake): one rule for the field wherever it
 * arrives, so whatever one door takes another does not refuse later.
 */
export const IsWard = () => applyDecorators(IsString(), Length(2, 100));

/** What an action says is to be done, wherever an action is agreed (on a case, at a meeting): 3–2,000 characters. */
export const IsActionDescription = () => applyDecorators(IsString(), Length(3, 2000));
