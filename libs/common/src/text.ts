/**
 * A stored value as a person reads it: text and numbers as they are, dates as ISO 8601, and anything else (a
 * JSON object from an audit record) as its JSON, never "[object Object]".
 */
export function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return value.toString();
  if (value instanceof Date) return value.toISOString();
  if (value === null || value === undefined) return '';
  return JSON.stringify(value);
}

/**
 * A reason as the trail keeps it (for sharing, removing evidence, a legal hold, a person search, an access
 * request or its decision): 3 to 2,000 characters once trimmed; null when it is not one.
 */
export function statedReason(reason: string | null | undefined): string | null {
  const stated = (reason ?? '').trim();
  return stated.length < 3 || stated.length > 2000 ? null : stated;
}
