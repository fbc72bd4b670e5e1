import type { ApolloServerPlugin } from '@apollo/server';
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  type GraphQLCompositeType,
  GraphQLError,
  type GraphQLField,
  type GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
  type ValueNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '#libs/common';

/**
 * How big a document may be, checked before anything runs. Tokens bound the parse itself (the portal's largest
 * document has about 130); depth, aliases and cost are GraphQL Armor's validation rules, the cost counting a
 * literal `first` as that many rows; `rows` bounds how many objects an answer may hold, counting every list the
 * schema may return (see `maxRowsRule`): a page of 100 cases with every list a case has passes (about 30,900 since the lead officer picker and the pending
 * transfer joined the case),
 * the same page with a list inside each of those lists does not, and is told to ask for fewer or a smaller
 * `first`. The portal's own operations stay well inside every limit (its largest answer, My work, is about
 * 4,300 objects; test/stays-up checks every operation against limits a third tighter).
 */
export const QUERY_LIMITS = { tokens: 2_000, depth: 12, aliases: 15, cost: 50_000, rows: 35_000 } as const;
export type QueryLimits = { [K in keyof typeof QUERY_LIMITS]: number };

/**
 * The size a list without paging (a case's incidents, parties, actions, a meeting's agenda) is taken to have.
 * Most hold a handful; the bound is on what a document may ask for, not on what a case may hold: nothing
 * is ever cut short, a document that could multiply lists into lists is refused before it runs.
 */
export const ASSUMED_LIST_SIZE = 20;

const tooComplex = (message: string) =>
  new GraphQLError(message.replace(/^Syntax Error: /, ''), { extensions: { code: 'QUERY_TOO_COMPLEX' } });

/** Every refusal says QUERY_TOO_COMPLEX (the contract's code), not the library's "Syntax Error". */
const refuse = {
  propagateOnRejection: false,
  onReject: [
    (context: ValidationContext | null, error: GraphQLError) => context?.reportError(tooComplex(error.message)),
  ],
};

/** Depth, aliases and cost: what the document alone decides, so Apollo may cache the verdict with the document. */
export function documentLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.depth, flattenFragments: true, exposeLimits: true, ...refuse }),
    maxAliasesRule({ n: limits.aliases, exposeLimits: true, ...refuse }),
    costLimitRule({ maxCost: limits.cost, flattenFragments: true, exposeLimits: true, ...refuse }),
  ];
}

/**
 * Every limit past the parse, as validation rules: a `first` given by a variable counts as the largest page.
 * The socket uses these (no subscription field takes `first`, so nothing is overcounted there); HTTP checks
 * rows with the request's variables instead (queryLimitPlugin), so `cases(first: $n)` counts as `$n` rows.
 */
export function queryLimitRules(limits: QueryLimits = QUERY_LIMITS): ValidationRule[] {
  return [...documentLimitRules(limits), maxRowsRule(limits.rows)];
}

/**
 * Parses with GraphQL Armor's token limit: the lexer stops at the first token past it, so a huge document costs
 * no more than a small one. A refusal is a QUERY_TOO_COMPLEX GraphQLError; a syntax error is graphql's own.
 */
export function parseWithTokenLimit(source: string, tokens: number = QUERY_LIMITS.tokens): DocumentNode {
  let refused: GraphQLError | undefined;
  const parser = new MaxTokensParserWLexer(source, {
    n: tokens,
    exposeLimits: true,
    propagateOnRejection: true,
    onReject: [(_context: unknown, error: GraphQLError) => (refused = tooComplex(error.message))],
  });
  try {
    return parser.parseDocument();
  } catch (error) {
    throw refused ?? error;
  }
}

/**
 * The token and row limits over HTTP. Apollo parses with graphql's own parser and offers no way to swap it, and
 * an error thrown from a plugin before its parse becomes a 500; so Apollo's parse gets graphql's own `maxTokens`
 * (`parseOptions`, the same stop at the same count) and this plugin labels that refusal QUERY_TOO_COMPLEX,
 * re-counting with GraphQL Armor's parser (which stops at the limit too) only when the parse has failed. Rows
 * are counted once the operation is known, with its variables, before anything runs.
 */
export function queryLimitPlugin(limits: Pick<QueryLimits, 'tokens' | 'rows'> = QUERY_LIMITS): ApolloServerPlugin {
  const tokens = limits.tokens;
  return {
    requestDidStart() {
      return Promise.resolve({
        didResolveOperation({ document, operation, request, schema }) {
          if (!operation) return Promise.resolve();
          const rows = countOperationRows(schema, document, operation, request.variables ?? {}, limits.rows);
          // Apollo answers this rejection as it is, with the status it names (else 500).
          return rows > limits.rows
            ? Promise.reject(tooManyRows(rows, limits.rows, { http: { status: 400 } }))
            : Promise.resolve();
        },
        parsingDidStart({ source }) {
          return Promise.resolve((error?: Error) => {
            if (!(error instanceof GraphQLError) || !source) return Promise.resolve();
            try {
              parseWithTokenLimit(source, tokens);
            } catch (refusal) {
              // Apollo wraps this error as GRAPHQL_PARSE_FAILED; formatError keeps the original's QUERY_TOO_COMPLEX.
              if (refusal instanceof GraphQLError && refusal.extensions.code === 'QUERY_TOO_COMPLEX') {
                Object.assign(error.extensions, { code: 'QUERY_TOO_COMPLEX' });
                Object.assign(error, { message: refusal.message });
              }
            }
            return Promise.resolve();
          });
        },
      });
    },
  };
}

/**
 * The number of objects an answer may hold, worked out from the schema before anything runs: a field with
 * `first` brings that many (a variable or no `first` counts as the page size it may reach), any other list of
 * objects ASSUMED_LIST_SIZE, and a field's children are multiplied by what brings them. GraphQL Armor's cost
 * does not know which fields are lists, so `cases(first: 100) { incidents { case { incidents { id } } } }`
 * cost it little; here it is 100 cases, 2,000 incidents, their 2,000 cases and 40,000 incidents, and refused.
 */
export function maxRowsRule(maxRows: number): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const rows = countOperationRows(context.getSchema(), context.getDocument(), operation, null, maxRows);
      if (rows > maxRows) context.reportError(tooManyRows(rows, maxRows));
    },
  });
}

function tooManyRows(rows: number, maxRows: number, extensions: Record<string, unknown> = {}): GraphQLError {
  const found = rows > maxRows * 10 ? `over ${maxRows * 10}` : String(rows);
  return new GraphQLError(
    `The answer could hold ${found} objects, more than the limit of ${maxRows}: ask for fewer nested lists or a smaller \`first\`.`,
    {
      extensions: { code: 'QUERY_TOO_COMPLEX', ...extensions },
    },
  );
}

/** What a count needs besides the selection: the schema, the document's fragments, and the variables if known. */
interface RowCount {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  /** null: not known yet (validation), so a `first` given by a variable counts as the largest page. */
  variables: Record<string, unknown> | null;
  operation: OperationDefinitionNode;
  maxRows: number;
  /**
   * Rows per fragment for one object: a count is proportional to what brings it, so each fragment is walked
   * once however often it is spread (else fragments that each spread the last twice would take 2^n steps).
   */
  fragmentRows: Map<string, number>;
}

export function countOperationRows(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | null,
  maxRows: number,
): number {
  const root = schema.getRootType(operation.operation);
  if (!root) return 0;
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  return countRows(
    { schema, fragments, variables, operation, maxRows, fragmentRows: new Map() },
    operation.selectionSet,
    root,
    1,
    new Set(),
  );
}

function countRows(
  count: RowCount,
  selectionSet: SelectionSetNode,
  parent: GraphQLCompositeType,
  multiplier: number,
  fragments: Set<string>,
): number {
  const { maxRows } = count;
  let rows = 0;
  for (const selection of selectionSet.selections) {
    // Past ten times the limit the exact figure no longer matters; stopping keeps a hostile document cheap.
    if (rows > maxRows * 10) break;
    if (selection.kind === Kind.FIELD) {
      if (!selection.selectionSet || selection.name.value.startsWith('__')) continue;
      if (!isObjectType(parent) && !isInterfaceType(parent)) continue;
      const field = parent.getFields()[selection.name.value];
      const type = field && getNamedType(field.type);
      if (!field || !isCompositeType(type)) continue; // unknown fields are the schema rules' to report
      const brought = multiplier * listSize(count, parent, field, selection);
      rows += brought + countRows(count, selection.selectionSet, type, brought, fragments);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? count.schema.getType(selection.typeCondition.name.value) : parent;
      if (isCompositeType(type)) rows += countRows(count, selection.selectionSet, type, multiplier, fragments);
    } else {
      const name = selection.name.value;
      const fragment = count.fragments.get(name);
      // A fragment that spreads itself is NoFragmentCyclesRule's to report; it is counted once here.
      if (!fragment || fragments.has(name)) continue;
      let unit = count.fragmentRows.get(name);
      if (unit === undefined) {
        const type = count.schema.getType(fragment.typeCondition.name.value);
        unit = isCompositeType(type)
          ? countRows(count, fragment.selectionSet, type, 1, new Set(fragments).add(name))
          : 0;
        count.fragmentRows.set(name, unit);
      }
      rows += multiplier * unit;
    }
  }
  return rows;
}

function listSize(
  count: RowCount,
  parent: GraphQLCompositeType,
  field: GraphQLField<unknown, unknown>,
  node: FieldNode,
): number {
  if (field.args.some((arg) => arg.name === 'first'))
    return pageOf(count, node.arguments?.find((arg) => arg.name.value === 'first')?.value);
  if (!isListType(getNullableType(field.type))) return 1;
  // A connection's edges are the page its `first` already counted.
  if (field.name === 'edges' && parent.name.endsWith('Connection')) return 1;
  return ASSUMED_LIST_SIZE;
}

/** The page a `first` asks for, as the resolvers read it (libs/common pageSize; what they refuse counts as the most). */
function pageOf(count: RowCount, value: ValueNode | undefined): number {
  if (!value || value.kind === Kind.NULL) return DEFAULT_PAGE_SIZE;
  if (value.kind === Kind.INT) return Math.max(1, Math.min(Number(value.value), MAX_PAGE_SIZE));
  if (value.kind !== Kind.VARIABLE || count.variables === null) return MAX_PAGE_SIZE;
  const name = value.name.value;
  if (!(name in count.variables))
    return pageOf(
      count,
      count.operation.variableDefinitions?.find((v) => v.variable.name.value === name)?.defaultValue,
    );
  const given = count.variables[name];
  if (given === null || given === undefined) return DEFAULT_PAGE_SIZE;
  return typeof given === 'number' && given >= 1 ? Math.min(Math.floor(given), MAX_PAGE_SIZE) : MAX_PAGE_SIZE;
}
