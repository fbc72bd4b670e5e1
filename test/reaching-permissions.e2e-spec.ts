import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { AgencyKind, Role } from '#libs/common';
import { codeOf, TestPortal } from './harness.js';
import { LiveClient } from './live.js';
import { Partnership, type Persona } from './partnership.js';

const KINDS = Object.values(AgencyKind);
const ROLES = Object.values(Role);
const CASEWORK = new Set<Role>([
  Role.CASEWORKER,
  Role.MANAGER,
  Role.MARAC_CHAIR,
  Role.MARAC_COORDINATOR,
  Role.CASE_REVIEW_SPOC,
]);

/**
 * Issue 17's operations for every role in every kind of agency: who may read the inbox, their work, their email
 * choices and their agency's webhooks, and follow live screens. Expectations are the words, not the rules'
 * code: casework roles read casework (inbox, My work, live signals); the agency's managers and its own
 * administrator keep its webhooks; everyone keeps their own email choices.
 */
describe('issue 17 operations, every role × every agency kind', () => {
  let portal: TestPortal;
  const people: { kind: AgencyKind; role: Role; persona: Persona }[] = [];

  beforeAll(async () => {
    portal = await TestPortal.start({ SIGN_IN_MAX_FAILURES_PER_ADDRESS: '1000' });
    const partnership = new Partnership(portal);
    for (const kind of KINDS) {
      const agency = await partnership.agency(`Reach ${kind}`, kind);
      for (const role of ROLES)
        people.push({ kind, role, persona: await partnership.user(agency, [role], `${kind}-${role}`.toLowerCase()) });
    }
  }, 300_000);

  afterAll(async () => {
    await portal?.close();
  });

  const outcome = async (query: string, persona: Persona) => {
    const result = await portal.gql(query, {}, persona.token);
    return result.errors?.length ? codeOf(result) : 'OK';
  };

  it.each([
    ['alertInbox', `{ alertInbox { totalCount unreadCount } }`, (role: Role) => CASEWORK.has(role)],
    ['alertInboxState', `{ alertInboxState { unreadCount } }`, (role: Role) => CASEWORK.has(role)],
    ['myActions', `{ myActions { totalCount } }`, (role: Role) => CASEWORK.has(role)],
    ['notificationPreferences', `{ notificationPreferences { digestHour } }`, () => true],
    ['webhooks', `{ webhooks { id } }`, (role: Role) => role === Role.MANAGER || role === Role.AGENCY_ADMIN],
  ])('%s', async (_name, query, allowed) => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const { kind, role, persona } of people) {
      seen.push(`${kind} ${role}: ${await outcome(query, persona)}`);
      expected.push(`${kind} ${role}: ${allowed(role) ? 'OK' : 'FORBIDDEN'}`);
    }
    expect(seen).toEqual(expected);
  });

  it('me.viewerCan.manageWebhooks says what webhooks answers', async () => {
    for (const { role, persona } of people) {
      const { me } = await portal.ok<{ me: { viewerCan: { manageWebhooks: boolean } } }>(
        `{ me { viewerCan { manageWebhooks } } }`,
        {},
        persona.token,
      );
      expect({ role, can: me.viewerCan.manageWebhooks }).toEqual({
        role,
        can: role === Role.MANAGER || role === Role.AGENCY_ADMIN,
      });
    }
  });

  it('caseActivity and alertInboxChanges over the socket: casework roles only', async () => {
    const seen: string[] = [];
    const expected: string[] = [];
    for (const { kind, role, persona } of people) {
      const client = LiveClient.connect(portal, persona.token);
      try {
        const activity = client.subscribe(`subscription { caseActivity { caseId } }`);
        const inbox = client.subscribe(`subscription { alertInboxChanges { unreadCount } }`);
        // A refusal comes at once; an accepted inbox subscription sends the count at once.
        for (let i = 0; i < 40 && !(activity.errors.length && inbox.errors.length) && inbox.events.length === 0; i++)
          await new Promise((r) => setTimeout(r, 25));
        const code = (feed: typeof activity) =>
          feed.errors.length ? String((feed.errors[0] as { extensions?: { code?: string } }).extensions?.code) : 'OK';
        seen.push(`${kind} ${role}: ${code(activity)} ${code(inbox)}`);
        expected.push(`${kind} ${role}: ${CASEWORK.has(role) ? 'OK OK' : 'FORBIDDEN FORBIDDEN'}`);
      } finally {
        await client.close();
      }
    }
    expect(seen).toEqual(expected);
  });
});
