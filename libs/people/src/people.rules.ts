/** One candidate party, as the match query answers it. */
export interface MatchedParty {
  id: string;
  personId: string | null;
  caseId: string;
  fullName: string;
  dateOfBirth: string | null;
  /** pg_trgm similarity of its closest name (full name or alias) to the name typed, 0–1. */
  score: number;
}

/** A likely match: a person record (or one party not yet linked to anyone), best party first. */
export interface RankedMatch {
  personId: string | null;
  best: MatchedParty;
  score: number;
  dateOfBirthAgrees: boolean;
  caseIds: string[];
}

/** How much an agreeing date of birth adds: a namesake born the same day is far likelier the same person. */
export const DATE_OF_BIRTH_WEIGHT = 0.3;

/** Most matches shown: a form offers a few suggestions, not a search result. */
export const MAX_MATCHES = 10;

/**
 * Candidates grouped into people (parties linked to the same person are one suggestion; an unlinked party is its
 * own), ranked by their best name's similarity, raised when a date of birth agrees. A date of birth that disagrees
 * was already excluded in SQL, so here "agrees" needs both dates.
 */
export function rankMatches(candidates: readonly MatchedParty[], dateOfBirth: string | null): RankedMatch[] {
  const groups = new Map<string, RankedMatch>();
  for (const party of candidates) {
    const agrees = dateOfBirth !== null && party.dateOfBirth === dateOfBirth;
    const score = party.score + (agrees ? DATE_OF_BIRTH_WEIGHT : 0);
    const key = party.personId ?? `party:${party.id}`;
    const group = groups.get(key);
    if (!group) {
      groups.set(key, {
        personId: party.personId,
        best: party,
        score,
        dateOfBirthAgrees: agrees,
        caseIds: [party.caseId],
      });
      continue;
    }
    if (!group.caseIds.includes(party.caseId)) group.caseIds.push(party.caseId);
    group.dateOfBirthAgrees ||= agrees;
    if (score > group.score) Object.assign(group, { best: party, score });
  }
  return [...groups.values()]
    .sort((a, b) => b.score - a.score || a.best.id.localeCompare(b.best.id))
    .slice(0, MAX_MATCHES)
    .map((match) => ({ ...match, score: Math.round(match.score * 1000) / 1000 }));
}

/** Distinct values in first-seen order, blanks dropped; names compared without regard to case. */
export function distinctValues(values: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const text = value?.trim();
    if (!text || seen.has(text.toLowerCase())) continue;
    seen.add(text.toLowerCase());
    out.push(text);
  }
  return out;
}

/** A name typed into the form, as the match key compares it: trimmed, inner spaces single, any case. */
export const normaliseName = (name: string): string => name.trim().replace(/\s+/g, ' ').toLowerCase();
