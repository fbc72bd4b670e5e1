import { applyDecorators } from '@nestjs/common';
import { IsString, Length } from 'class-validator';

/**
 * A ward as typed on any input (a case, an incident, a report at intake): one rule for the field wherever it
 * arrives, so whatever one door takes another does not refuse later.
 */
export const IsWard = () => applyDecorators(IsString(), Length(2, 100));

/** What an action says is to be done, wherever an action is agreed (on a case, at a meeting): 3–2,000 characters. */
export const IsActionDescription = () => applyDecorators(IsString(), Length(3, 2000));
/** A case's summary, an incident's description, a report's summary: what happened, in 3–4,000 characters. */
export const IsSummary = () => applyDecorators(IsString(), Length(3, 4000));
/** A person's name as given (a party, a reporter, the subject of a report): 1–200 characters. */
export const IsPersonName = () => applyDecorators(IsString(), Length(1, 200));
/** A telephone number as given, in any layout people write one: 3–40 characters. */
export const IsPhone = () => applyDecorators(IsString(), Length(3, 40));
/** A postal address on a case or a party: 1–500 characters. */
export const IsAddress = () => applyDecorators(IsString(), Length(1, 500));
