/**
 * The bounds that keep a person search a look-up for the case in hand rather than a way to list who is known
 * where (issue 18, item 2). The hourly allowance per user is configuration (PERSON_SEARCHES_PER_HOUR).
 */
export const PERSON_SEARCH_LIMITS = {
  /** Fewer letters match too many people to be a search for one. */
  minNameLength: 3,
  maxNameLength: 200,
  /** Matches on cases the searcher can see, per search. */
  maxVisible: 50,
  defaultVisible: 20,
  /** Locked records, per search. */
  maxLocked: 10,
  /** How long a locked record's handle may be turned into an access request. */
  hitMinutes: 60,
} as const;

/** The name searched for, spaces collapsed; null when too short (or long) to be a search for one person. */
export function searchedName(fullName: string): string | null {
  const name = fullName.trim().replace(/\s+/g, ' ');
  const letters = name.replace(/[^\p{L}\p{N}]/gu, '').length;
  return letters < PERSON_SEARCH_LIMITS.minNameLength || name.length > PERSON_SEARCH_LIMITS.maxNameLength ? null : name;
}

/** How many visible matches to return: the default when not asked, never more than the cap; null when out of range. */
export function visibleLimit(first: number | null | undefined): number | null {
  if (first === null || first === undefined) return PERSON_SEARCH_LIMITS.defaultVisible;
  return Number.isInteger(first) && first >= 1 && first <= PERSON_SEARCH_LIMITS.maxVisible ? first : null;
}
