import { defaultFieldResolver, type GraphQLFieldResolver, type GraphQLSchema, isObjectType } from 'graphql';
import { readGovernedFields } from '#libs/access';
import { noteView, type RequestContext } from '#libs/context';

/** The case's lists noted where they are loaded (an incident's evidence is its case's): an empty list discloses nothing. */
const NOTED_WHERE_LOADED = new Set(['contacts', 'dashAssessments', 'evidence']);

/** The sensitive fields whose sending is a disclosure: every field a rule may withhold, by schema coordinate. */
export const AUDITED_FIELDS: ReadonlyMap<string, string> = new Map<string, string>([
  ...readGovernedFields('Case')
    .filter((field) => !NOTED_WHERE_LOADED.has(field))
    .map((field): [string, string] => [`Case.${field}`, field]),
  ...readGovernedFields('Party').map((field): [string, string] => [`Party.${field}`, `party.${field}`]),
  ...readGovernedFields('Incident').map((field): [string, string] => [`Incident.${field}`, `incident.${field}`]),
  ...readGovernedFields('CaseReview').map((field): [string, string] => [`CaseReview.${field}`, `caseReview.${field}`]),
]);

const sent = (value: unknown) => value !== null && value !== undefined && !(Array.isArray(value) && value.length === 0);

/**
 * Noting a disclosure is part of executing the schema, not of one transport: each audited field's resolver is
 * wrapped in place, so HTTP, subscriptions over the socket, the alert hub's executions and the downloads run
 * as the reader (packs, PDFs, CSVs) all note what they sent in the context's `views`; each transport then
 * writes them (`AuditLog.flushViews`, or the hub's one insert per batch). A synchronous wrapper where the
 * field is synchronous: an async one would put every list of cases on GraphQL's slow promise path.
 */
export function recordViewsInExecution(schema: GraphQLSchema): GraphQLSchema {
  for (const [coordinate, field] of AUDITED_FIELDS) {
    const [typeName, fieldName] = coordinate.split('.');
    const type = schema.getType(typeName);
    const definition = isObjectType(type) ? type.getFields()[fieldName] : undefined;
    // A governed field the schema does not serve cannot be sent; one it serves must never go unnoted.
    if (!definition) continue;
    const resolve: GraphQLFieldResolver<unknown, RequestContext> = definition.resolve ?? defaultFieldResolver;
    const note = (source: unknown, ctx: RequestContext, value: unknown) => {
      if (sent(value)) {
        const row = source as { id: string; caseId?: string };
        noteView(ctx, row.caseId ?? row.id, field);
      }
      return value;
    };
    const noting: GraphQLFieldResolver<unknown, RequestContext> = (source, args, ctx, info) => {
      const value = resolve(source, args, ctx, info);
      return value instanceof Promise
        ? value.then((resolved) => note(source, ctx, resolved))
        : note(source, ctx, value);
    };
    definition.resolve = noting;
  }
  return schema;
}
