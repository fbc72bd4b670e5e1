import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ModulesContainer } from '@nestjs/core';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { POLICY_KEY } from '#libs/access';
import { renderPermissionsDoc } from '../apps/api/src/permissions-doc.js';
import { printPortalSchema } from '../apps/api/src/schema.js';
import { TestPortal } from './harness.js';
import { Partnership } from './partnership.js';

const ROOT = new Set(['Query', 'Mutation', 'Subscription']);

describe('schema and policy', () => {
  let portal: TestPortal;

  beforeAll(async () => {
    portal = await TestPortal.start();
  });
  afterAll(() => portal.close());

  it('serves exactly the checked-in schema.graphql (run `npm run schema` after changing the API)', async () => {
    const served = printSchema(lexicographicSortSchema(portal.app.get(GraphQLSchemaHost).schema)) + '\n';
    const checkedIn = readFileSync(new URL('../schema.graphql', import.meta.url), 'utf8');
    expect(served).toBe(checkedIn);
    expect(await printPortalSchema()).toBe(checkedIn);
  });

  it('documents exactly the policy the API runs on in docs/permissions.md (run `npm run docs` after changing it)', () => {
    const checkedIn = readFileSync(new URL('../docs/permissions.md', import.meta.url), 'utf8');
    expect(renderPermissionsDoc()).toBe(checkedIn);
    expect(checkedIn).not.toContain('unreachable');
  });

  it('gives every root query, mutation and subscription an explicit rule (deny by default)', () => {
    const handlers: string[] = [];
    const unguarded: string[] = [];
    for (const module of portal.app.get(ModulesContainer).values()) {
      for (const provider of module.providers.values()) {
        const prototype = provider.metatype && (provider.metatype as { prototype?: object }).prototype;
        if (!prototype || !provider.instance) continue;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          // Descriptors, not property reads: some framework prototypes have getters that must not run here.
          const method = Object.getOwnPropertyDescriptor(prototype, name)?.value;
          if (typeof method !== 'function') continue;
          if (!ROOT.has(Reflect.getMetadata('graphql:resolver_type', method))) continue;
          handlers.push(name);
          if (!Reflect.getMetadata(POLICY_KEY, method)) unguarded.push(name);
        }
      }
    }
    const schema = portal.app.get(GraphQLSchemaHost).schema;
    const rootFields = [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()].flatMap(
      (type) => (type ? Object.keys(type.getFields()) : []),
    );
    expect(new Set(handlers)).toEqual(new Set(rootFields));
    expect(unguarded).toEqual([]);
  });

  it('costs the same number of SQL statements for a page of 5 cases as for 50, with every nested list', async () => {
    const people = new Partnership(portal);
    const owner = await people.agency('Owner Homes', 'LANDLORD');
    const partner = await people.agency('Partner Police', 'POLICE');
    const officer = await people.user(owner, ['CASEWORKER'], 'owner');
    const reader = await people.user(partner, ['CASEWORKER'], 'reader');
    for (let i = 0; i < 50; i++) {
      const { createCase } = await portal.ok(
        `mutation($input: CreateCaseInput!) { createCase(input: $input) { id } }`,
        {
          input: {
            category: i % 5 === 0 ? 'DOMESTIC_ABUSE' : 'NOISE',
            summary: `Case number ${i}`,
            ward: `Ward ${i % 4}`,
            riskLevel: 'STANDARD',
            address: `${i} High Street`,
            parties: [
              { role: 'VICTIM', fullName: `Victim ${i}`, phone: '07700 900000' },
              { role: 'SUBJECT', fullName: `Subject ${i}` },
            ],
          },
        },
        officer.token,
      );
      await portal.ok(
        `mutation($c: ID!, $a: ID!, $access: ShareAccess!) { shareCase(caseId: $c, agencyId: $a, access: $access, reason: "Protocol") { id } }`,
        { c: createCase.id, a: partner, access: i % 2 ? 'FULL' : 'LIMITED' },
        officer.token,
      );
      await portal.ok(
        `mutation($c: ID!) { logIncident(caseId: $c, input: { occurredAt: "2026-02-01T10:00:00Z", category: NOISE, description: "Shouting" }) { id } }`,
        { c: createCase.id },
        reader.token,
      );
      await portal.ok(
        `mutation($c: ID!, $a: ID!) { addAction(caseId: $c, input: { kind: PATROL, description: "Patrol", ownerAgencyId: $a }) { id } }`,
        { c: createCase.id, a: partner },
        reader.token,
      );
    }
    const page = `query($first: Int) { cases(first: $first) { totalCount edges { node {
      id reference address redactedFields ownerAgency { id name } leadOfficer { id displayName }
      parties { id fullName redactedFields } incidents { id loggedBy { id } loggedByAgency { id } }
      actions { id ownerAgency { id } assignee { id } } shares { access agency { id } } contacts { id } } } } }`;
    const cost = async (first: number, query = page) => {
      const { data, statements } = await portal.measured(query, { first }, reader.token);
      expect(data.cases.edges).toHaveLength(first);
      return statements;
    };
    const small = await cost(5);
    const large = await cost(50);
    expect(large).toBe(small);
    // session, page, count, parties, incidents, actions, shares, contacts, agencies, users, and the audit of views.
    expect(large).toBeLessThanOrEqual(13);
    // Counting every visible case is the dearest statement; it runs only when totalCount is asked for.
    expect(await cost(50, page.replace('totalCount ', ''))).toBe(large - 1);
  });
});
