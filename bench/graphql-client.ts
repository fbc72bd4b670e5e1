/** A minimal GraphQL-over-HTTP client on Node's fetch: the same request path a browser takes. */

export class GraphQLError extends Error {}

export class GraphQLClient {
  token: string | null = null;

  constructor(private readonly url: string) {}

  async request<T>(query: string, variables: Record<string, unknown> = {}, requestId?: string): Promise<T> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...(requestId ? { 'x-request-id': requestId } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    const text = await response.text();
    let body: { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      throw new GraphQLError(`HTTP ${response.status}: ${text.slice(0, 300)}`);
    }
    if (body.errors?.length || !body.data) {
      const messages = (body.errors ?? []).map((e) => `${e.extensions?.code ?? 'ERROR'}: ${e.message}`).join('; ');
      throw new GraphQLError(`HTTP ${response.status}: ${messages || 'no data'}`);
    }
    return body.data;
  }
}

export const LOGIN = `mutation Login($email: String!, $password: String!) {
  login(email: $email, password: $password) { accessToken }
}`;

/** Every scalar of a case and every nested list, as a case list screen with expanded rows would ask. */
export const CASES_PAGE = `query CasesPage($first: Int!, $after: String) {
  cases(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges {
      cursor
      node {
        id reference category status riskLevel ward summary address policeIntelligence supportNeeds hasSupportNeeds
        openedAt closedAt closeReason version access owned redactedFields
        ownerAgency { id name kind }
        parties { id role fullName address phone dateOfBirth anonymous tenant redactedFields }
        incidents { id occurredAt category description location ward }
        actions { id kind legal description status dueAt }
        shares { access agency { id name } }
      }
    }
  }
}`;

/** Only the cursor: how the benchmark walks to the deep page. */
export const CASES_CURSOR = `query CasesCursor($first: Int!, $after: String) {
  cases(first: $first, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } }
}`;

export interface CasesPage {
  cases: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: {
      cursor: string;
      node: { id: string; parties: unknown[]; incidents: unknown[]; actions: unknown[]; shares: unknown[] };
    }[];
  };
}

export interface CasesCursor {
  cases: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { id: string } }[] };
}
