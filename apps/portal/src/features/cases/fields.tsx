import type { ReactNode } from 'react';
import { Withheld } from '../../ui/govuk';

/**
 * The value of a field as the viewer may see it: "Withheld" when the API named it in
 * redactedFields, a plain "Not recorded" when it is simply empty.
 */
export function shown(
  redacted: readonly string[],
  field: string,
  value: ReactNode | null | undefined,
  empty = 'Not recorded',
): ReactNode {
  if (redacted.includes(field)) return <Withheld />;
  if (value === null || value === undefined || value === '') return <span className="app-withheld">{empty}</span>;
  return value;
}
