import { readableFieldSql } from '#libs/access';
import { type SqlParams } from '#libs/db';
import type { RequestContext } from '#libs/context';

/** The key people and places are matched on, as `parties_name_key_idx` indexes it: trimmed, any case. */
export const matchKey = (column: string): string => `lower(btrim(${column}))`;

/** SQL: `a` and `b` are linked to one person record (a user confirmed it). */
const linkedSql = (a: string, b: string) => `(${a}.person_id IS NOT NULL AND ${a}.person_id = ${b}.person_id)`;
const sameNameSql = (a: string, b: string) => `${matchKey(`${a}.full_name`)} = ${matchKey(`${b}.full_name`)}`;

/** SQL: two dates of birth do not disagree: equal, or either not known. */
export const datesOfBirthAgreeSql = (a: string, b: string): string => `(${a} IS NULL OR ${b} IS NULL OR ${a} = ${b})`;

/**
 * SQL: the parties `a` and `b` (table aliases) are the same person — linked to the same person record (a user
 * confirmed it, libs/people), or the same name and the same date of birth where both have one. The second rule
 * stays because cases recorded without links (a partner system's createCase) must still be matched: exact after
 * normalising, so a misspelling is found only through a link. The repeat-referral, Case Review and triage checks
 * all say so by using this one rule, and each keeps readablePersonSql on both sides: a link reveals no more than
 * a name would.
 */
export const samePersonSql = (a: string, b: string): string =>
  `(${linkedSql(a, b)} OR (${sameNameSql(a, b)} AND ${datesOfBirthAgreeSql(`${a}.date_of_birth`, `${b}.date_of_birth`)}))`;

/**
 * SQL: the parties `a` and `b` are the same person beyond reasonable doubt — linked to one person record, or the
 * same name AND the same recorded date of birth. What a disclosure to the person themselves (a subject access
 * export) gathers: samePersonSql's "either has no date of birth" would hand one person a namesake's record.
 */
export const certainlySamePersonSql = (a: string, b: string): string =>
  `(${linkedSql(a, b)} OR (${sameNameSql(a, b)} AND ${a}.date_of_birth = ${b}.date_of_birth))`;

/**
 * SQL: the party `party`'s full name is like the searched `key` (already normalised as matchKey does), by
 * pg_trgm's `%` over the match key, which `parties_name_trgm_idx` indexes; and its similarity, for ranking. The one
 * meaning of "a likely match" for both the add-party suggestions (libs/people) and the person search (libs/known-to).
 */
export const nameLikeSql = (party: string, key: string): string => `${matchKey(`${party}.full_name`)} % ${key}`;
export const nameSimilaritySql = (party: string, key: string): string =>
  `similarity(${matchKey(`${party}.full_name`)}, ${key})`;

/**
 * SQL: the party `party`'s name, or one of its other names, is `value` after normalising: a reporter who gives a
 * name a case records as an alias is the same person. Aliases are governed exactly as the full name, so a reader of
 * the one reads the other (the caller still applies the full name's readableFieldSql).
 */
export const nameOrAliasIsSql = (party: string, value: string): string =>
  `(${matchKey(`${party}.full_name`)} = ${matchKey(value)} OR EXISTS (SELECT 1 FROM unnest(${party}.aliases) alias WHERE ${matchKey('alias')} = ${matchKey(value)}))`;

/**
 * SQL: the caller may read the name and date of birth `samePersonSql` compares, for the party `party` on the
 * case `caseAlias`. A match across cases must hold this on both sides, so that a name typed into one's own
 * case finds only people the caller could have looked up anyway (no oracle through matching).
 */
export const readablePersonSql = (ctx: RequestContext, party: string, caseAlias: string, params: SqlParams): string => {
  const target = { alias: party, caseAlias, agencyId: ctx.user?.agencyId ?? null };
  return `(${readableFieldSql(ctx.ability, 'Party', 'fullName', target, params)} AND ${readableFieldSql(ctx.ability, 'Party', 'dateOfBirth', target, params)})`;
};
