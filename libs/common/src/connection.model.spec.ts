import { describe, expect, it } from '@jest/globals';
import { buildSchema, type GraphQLResolveInfo, graphqlSync } from 'graphql';
import { selectsField } from './connection.model.js';

const schema = buildSchema(`
  type Page { totalCount: Int, edges: [Int] }
  type Query { cases: Page }
`);

/** Whether `cases` in this document selects totalCount, as its resolver would see it. */
function asksForTotal(source: string, variableValues: Record<string, unknown> = {}): boolean {
  let answer: boolean | undefined;
  const rootValue = {
    cases: (_args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
      answer = selectsField(info, 'totalCount');
      return {};
    },
  };
  const result = graphqlSync({ schema, source, rootValue, variableValues });
  expect(result.errors).toBeUndefined();
  return answer!;
}

describe('selectsField: whether a page is asked for its totalCount', () => {
  it('sees the field directly, in an inline fragment and in a named fragment', () => {
    expect(asksForTotal('{ cases { totalCount edges } }')).toBe(true);
    expect(asksForTotal('{ cases { ... on Page { totalCount } } }')).toBe(true);
    expect(asksForTotal('{ cases { ...P } } fragment P on Page { edges ...Q } fragment Q on Page { totalCount }')).toBe(
      true,
    );
  });

  it('does not see it where it is not asked for, nor where @skip or @include leaves it out', () => {
    expect(asksForTotal('{ cases { edges } }')).toBe(false);
    expect(asksForTotal('query($no: Boolean!) { cases { edges totalCount @include(if: $no) } }', { no: false })).toBe(
      false,
    );
    expect(asksForTotal('{ cases { edges ... on Page @skip(if: true) { totalCount } } }')).toBe(false);
    expect(asksForTotal('query($yes: Boolean!) { cases { totalCount @include(if: $yes) } }', { yes: true })).toBe(true);
  });
});
