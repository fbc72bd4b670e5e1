import { rulesToAST, rulesToCondition } from '@casl/ability/extra';
import { SqlParams } from '#libs/db';
import type { Action, PortalAbility } from './ability.js';
import {
  attendsMeetingSql,
  inLiveSharesSql,
  liveShareExistsSql,
  ownedOrSharedCaseIdsSql,
  relationToCaseSql,
} from './relation-sql.js';

/** The shape of a CASL rule AST node (from @ucast), as far as SQL needs it. */
interface Condition {
  operator: string;
  field?: string;
  value: unknown;
}

/**
 * `row`: the predicate is checked row by row while an index walks the rows in page order (a few hundred
 * probes for a page). `set`: the whole visible set is wanted (a count), so the predicate should let
 * PostgreSQL combine indexes instead of probing every row of the table.
 */
export type ScopeForm = 'row' | 'set';

/** What a condition is about: the row's alias, its case's alias, and the caller's agency for their relation to it. */
export interface SqlTarget {
  alias: string;
  caseAlias: string;
  agencyId: string | null;
}

type FieldSql = (target: SqlTarget, operator: string, value: unknown, params: SqlParams, form: ScopeForm) => string;

function compare(expression: string, operator: string, value: unknown, cast: string, params: SqlParams): string {
  if (operator === 'eq') return `${expression} = ${params.add(value)}::${cast}`;
  if (operator === 'ne') return `${expression} IS DISTINCT FROM ${params.add(value)}::${cast}`;
  if (operator === 'in') return `${expression} = ANY(${params.add(value)}::${cast}[])`;
  throw new Error(`No SQL for ${expression} ${operator}`);
}

const column =
  (name: string, cast: string): FieldSql =>
  (t, operator, value, params) =>
    compare(`${t.alias}.${name}`, operator, value, cast, params);
const caseColumn =
  (name: string, cast: string): FieldSql =>
  (t, operator, value, params) =>
    compare(`${t.caseAlias}.${name}`, operator, value, cast, params);

/** The caller's agency's relation to the case (OWNER, FULL, LIMITED or NULL), as the field rules' `access`. */
const relation: FieldSql = (t, operator, value, params) => {
  const agency = params.add(t.agencyId);
  const expression = `(${relationToCaseSql(t.caseAlias, agency)})`;
  return compare(expression, operator, value, 'text', params);
};

/**
 * How each condition field of a row rule reads in SQL. A rule that names a field missing here cannot be
 * turned into SQL and fails loudly rather than widening what anyone sees.
 */
const SQL_FIELDS: Record<string, Record<string, FieldSql>> = {
  Case: {
    ownerAgencyId: column('owner_agency_id', 'uuid'),
    access: relation,
    category: column('category', 'text'),
    // A live share with the agency, from case_shares_agency_live_idx: one probe per candidate row when paging;
    // for a count, the agency's shared case ids as an array, so the OR becomes a BitmapOr of two index scans.
    sharedWithAgencyIds: ({ alias }, operator, value, params, form) => {
      const agency =
        operator === 'eq'
          ? `= ${params.add(value)}::uuid`
          : operator === 'in'
            ? `= ANY(${params.add(value)}::uuid[])`
            : null;
      if (!agency) throw new Error(`No SQL for sharedWithAgencyIds ${operator}`);
      return form === 'set' ? inLiveSharesSql(alias, agency) : liveShareExistsSql(alias, agency);
    },
  },
  CaseAction: {
    ownerAgencyId: column('owner_agency_id', 'uuid'),
    fromMeeting: ({ alias }, operator, value, params) => {
      if (operator !== 'eq') throw new Error(`No SQL for fromMeeting ${operator}`);
      return `(${alias}.agenda_item_id IS NOT NULL) = ${params.add(value)}::boolean`;
    },
  },
  IntakeReport: {
    agencyId: column('agency_id', 'uuid'),
  },
  AdminEvent: {
    agencyId: column('agency_id', 'uuid'),
  },
  ApiKey: {
    agencyId: column('agency_id', 'uuid'),
  },
  Webhook: {
    agencyId: column('agency_id', 'uuid'),
  },
  SubjectAccessRequest: {
    agencyId: column('agency_id', 'uuid'),
  },
  LetterTemplate: {
    agencyId: column('agency_id', 'uuid'),
  },
  User: {
    agencyId: column('agency_id', 'uuid'),
  },
  CaseTransfer: {
    fromAgencyId: column('from_agency_id', 'uuid'),
    toAgencyId: column('to_agency_id', 'uuid'),
  },
  Meeting: {
    attendingAgencyIds: ({ alias }, operator, value, params) => {
      if (operator !== 'eq') throw new Error(`No SQL for attendingAgencyIds ${operator}`);
      return attendsMeetingSql(alias, params.add(value));
    },
    chairId: column('chair_id', 'uuid'),
  },
  Party: {
    access: relation,
    caseCategory: caseColumn('category', 'text'),
    role: column('role', 'text'),
    anonymous: column('anonymous', 'boolean'),
  },
};

function toSql(condition: Condition, subject: string, target: SqlTarget, params: SqlParams, form: ScopeForm): string {
  const node = condition;
  switch (node.operator) {
    case 'and':
    case 'or': {
      const parts = (node.value as Condition[]).map((c) => toSql(c, subject, target, params, form));
      if (parts.length === 0) return node.operator === 'and' ? 'TRUE' : 'FALSE';
      return `(${parts.join(node.operator === 'and' ? ' AND ' : ' OR ')})`;
    }
    case 'not':
      return `NOT ${toSql((node.value as Condition[])[0] ?? (node.value as Condition), subject, target, params, form)}`;
    default: {
      const field = SQL_FIELDS[subject]?.[node.field ?? ''];
      if (!field) throw new Error(`No SQL translation for ${subject}.${node.field}`);
      return field(target, node.operator, node.value, params, form);
    }
  }
}

/**
 * The rows of `subject` the caller may `action`, as a SQL predicate over `alias`. No rule means no rows
 * ("FALSE"), never "no filter".
 */
export function accessibleSql(
  ability: PortalAbility,
  action: Action,
  subject:
    | 'Case'
    | 'Meeting'
    | 'CaseAction'
    | 'IntakeReport'
    | 'AdminEvent'
    | 'ApiKey'
    | 'User'
    | 'Webhook'
    | 'SubjectAccessRequest'
    | 'LetterTemplate'
    | 'CaseTransfer',
  alias: string,
  params: SqlParams,
  form: ScopeForm = 'row',
): string {
  const ast = rulesToAST(ability, action, subject) as Condition | null;
  if (!ast) return 'FALSE';
  return toSql(ast, subject, { alias, caseAlias: alias, agencyId: null }, params, form);
}

/** A rule's conditions with one-element `and`/`or` nodes taken away, so equal rules compare equal. */
function simplified(condition: Condition): Condition {
  if ((condition.operator === 'and' || condition.operator === 'or') && Array.isArray(condition.value)) {
    const parts = (condition.value as Condition[]).map(simplified);
    return parts.length === 1 ? parts[0] : { ...condition, value: parts };
  }
  return condition;
}

/**
 * The cases the caller may `action` as a set of ids the database can count from indexes alone, when the rule is
 * exactly "cases the agency owns or holds a live share of" (every casework role's rule to read); null for any other
 * rule (none, a category, a meeting), which the caller then counts with accessibleSql's `set` form. Read from the
 * same CASL rules, so the two can never disagree about which cases: only about how fast they are counted.
 */
export function ownedOrSharedIdsSql(ability: PortalAbility, action: Action, params: SqlParams): string | null {
  const ast = rulesToAST(ability, action, 'Case') as Condition | null;
  if (!ast) return null;
  const rule = simplified(ast);
  if (rule.operator !== 'or' || !Array.isArray(rule.value) || rule.value.length !== 2) return null;
  const [first, second] = rule.value as Condition[];
  const owner = [first, second].find((c) => c.operator === 'eq' && c.field === 'ownerAgencyId');
  const shared = [first, second].find((c) => c.operator === 'eq' && c.field === 'sharedWithAgencyIds');
  if (!owner || !shared || typeof owner.value !== 'string' || owner.value !== shared.value) return null;
  return ownedOrSharedCaseIdsSql(params.add(owner.value));
}

/**
 * The rows whose `field` the caller may read, as a SQL predicate: so a search, filter or count over a
 * governed field only ever looks at values the caller could have read (no side channel through search).
 */
export function readableFieldSql(
  ability: PortalAbility,
  subject: 'Case' | 'Party',
  field: string,
  target: SqlTarget,
  params: SqlParams,
): string {
  const condition = rulesToCondition<PortalAbility, Condition, Condition>(
    ability.rulesFor('readField', subject, field),
    (rule) => {
      const ast = rule.ast as unknown as Condition;
      return rule.inverted ? { operator: 'not', value: [ast] } : ast;
    },
    {
      and: (conditions) => ({ operator: 'and', value: conditions }),
      or: (conditions) => ({ operator: 'or', value: conditions }),
      empty: () => ({ operator: 'and', value: [] }),
    },
  );
  if (!condition) return 'FALSE';
  return toSql(condition, subject, target, params, 'row');
}
