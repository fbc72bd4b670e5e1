import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

/**
 * How big a document may be, checked by validation before anything runs (GraphQL Armor's rules). The cost counts
 * a literal `first` as that many rows: a page of 100 cases with every field and list a partner may ask for costs
 * about 25,000, so that passes with room to spare, while a handful of such pages in one document does not. The
 * portal's own operations stay well inside (test/stays-up checks every one against limits a third tighter).
 */
export const QUERY_LIMITS = { depth: 12, aliases: 15, cost: 50_000 } as const;

/** Every refusal says QUERY_TOO_COMPLEX (the contract's code), not the library's "Syntax Error". */
const refuse = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) =>
      context?.reportError(new GraphQLError(error.message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_TOO_COMPLEX' } })),
  ],
};

export function queryLimitRules(limits: { depth: number; aliases: number; cost: number } = QUERY_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, flattenFragments: true, exposeLimits: true, ...refuse }),
    maxAliasesRule({ n: limits.aliases, exposeLimits: true, ...refuse }),
    costLimitRule({ maxCost: limits.cost, flattenFragments: true, exposeLimits: true, ...refuse }),
  ] as unknown as ValidationRule[];
}
