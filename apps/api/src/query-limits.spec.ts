import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { buildSchema, getOperationAST, parse, validate } from 'graphql';
import { countOperationRows, maxRowsRule, parseWithTokenLimit } from './query-limits.js';

const schema = buildSchema(readFileSync(new URL('../../../schema.graphql', import.meta.url), 'utf8'));
const rows = (query: string, variables: Record<string, unknown> | null = null) => {
  const document = parse(query);
  return countOperationRows(schema, document, getOperationAST(document)!, variables, 20_000);
};

describe('the row count', () => {
  it('multiplies a page by the lists under it, and a connection’s edges are its page', () => {
    // cases, edges, nodes: 3 × 100; each case’s incidents: 100 × 20.
    expect(rows(`{ cases(first: 100) { edges { node { id incidents { id } } } } }`)).toBe(300 + 2_000);
    expect(rows(`{ cases { edges { node { id } } } }`)).toBe(60);
  });

  it('counts a variable `first` as its value when known, as the largest page when not', () => {
    const query = `query($n: Int = 7) { cases(first: $n) { edges { node { id } } } }`;
    expect(rows(query, { n: 5 })).toBe(15);
    expect(rows(query, {})).toBe(21);
    expect(rows(query, { n: null })).toBe(60);
    expect(rows(query, null)).toBe(300);
  });

  it('counts fragments where they are spread, and walks each only once', () => {
    expect(rows(`{ cases(first: 10) { edges { node { ...C } } } } fragment C on Case { incidents { id } }`)).toBe(
      30 + 200,
    );
    // Forty fragments, each spreading the one before twice: 2^40 paths, counted in forty steps.
    let fragments = 'fragment F0 on Case { id }';
    for (let i = 1; i <= 40; i++) fragments += ` fragment F${i} on Case { ...F${i - 1} ...F${i - 1} parties { id } }`;
    const started = Date.now();
    const errors = validate(schema, parse(`{ case(id: "1") { ...F40 } } ${fragments}`), [maxRowsRule(20_000)]);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(errors.map((e) => e.extensions.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('the token limit', () => {
  it('parses within it, refuses past it with QUERY_TOO_COMPLEX, and leaves syntax errors as they are', () => {
    expect(parseWithTokenLimit('{ me { id } }', 6).kind).toBe('Document');
    expect(() => parseWithTokenLimit('{ me { id } }', 5)).toThrow(
      expect.objectContaining({ extensions: { code: 'QUERY_TOO_COMPLEX' } }),
    );
    expect(() => parseWithTokenLimit('{ me { id }', 50)).toThrow(/Syntax Error: Expected Name, found <EOF>/);
  });
});
