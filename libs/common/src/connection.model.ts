import { Field, Int, ObjectType } from '@nestjs/graphql';
import type { Type } from '@nestjs/common';
import {
  type FieldNode,
  type FragmentSpreadNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  type GraphQLResolveInfo,
  GraphQLSkipDirective,
  type InlineFragmentNode,
  Kind,
  type SelectionSetNode,
} from 'graphql';

@ObjectType({ description: 'Relay page information' })
export class PageInfo {
  @Field({ description: 'Whether more rows follow this page' })
  hasNextPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the last row of this page; pass it as `after`' })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Page<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number | Promise<number>;
}

/**
 * A page whose totalCount is counted only if a client asks for it: counting every visible row costs more
 * than the page itself, and many lists never show it. GraphQL reads the property, so a getter defers it.
 */
export function withLazyTotal<T>(page: Omit<Page<T>, 'totalCount'>, count: () => Promise<number>): Page<T> {
  let total: Promise<number> | undefined;
  return Object.defineProperty(page, 'totalCount', { enumerable: true, get: () => (total ??= count()) }) as Page<T>;
}

/** A Relay connection type for `T`, named `<Name>Connection` with `<Name>Edge` edges. */
export function Connection<T>(node: Type<T>, name: string): Type<Page<T>> {
  @ObjectType(`${name}Edge`)
  class EdgeType {
    @Field({ description: 'Opaque cursor of this row' })
    cursor: string;

    @Field(() => node)
    node: T;
  }

  @ObjectType(`${name}Connection`, { isAbstract: false })
  class ConnectionType {
    @Field(() => [EdgeType])
    edges: EdgeType[];

    @Field(() => PageInfo)
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many rows match, counting only rows the caller may see' })
    totalCount: number;
  }
  return ConnectionType;
}

/**
 * Whether the field being resolved selects `name` directly (through fragments too, and not when @skip or
 * @include leaves it out), so a resolver can start work the selection will need alongside its own.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const included = (node: FieldNode | InlineFragmentNode | FragmentSpreadNode) =>
    getDirectiveValues(GraphQLSkipDirective, node, info.variableValues)?.if !== true &&
    getDirectiveValues(GraphQLIncludeDirective, node, info.variableValues)?.if !== false;
  const visit = (selectionSet: SelectionSetNode | undefined, seen: Set<string>): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (!included(selection)) return false;
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, seen);
      const fragment = info.fragments[selection.name.value];
      if (!fragment || seen.has(fragment.name.value)) return false;
      return visit(fragment.selectionSet, new Set(seen).add(fragment.name.value));
    });
  return info.fieldNodes.some((node) => visit(node.selectionSet, new Set()));
}
