import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';

/** What the test provider says about a person who signs in with `login`. */
export interface TestAccount {
  email: string;
  email_verified: boolean;
  name?: string;
  roles?: string[];
}

export const CLIENT = { id: 'partnership-portal', secret: 'a-client-secret-only-the-test-knows-0123' };

/**
 * A real OpenID Connect provider (oidc-provider) on a free port, with its own signing key and a test account
 * store; its development login and consent pages stand in for an agency's sign-in screens. With `posingKeys`,
 * it publishes a key set other than the one it signs with (same key id): an ID token from it is signed by a key
 * its issuer does not vouch for.
 */
export class TestIdentityProvider {
  readonly accounts = new Map<string, TestAccount>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
  ) {}

  static async start(redirectUri: string, options: { posingKeys?: boolean } = {}): Promise<TestIdentityProvider> {
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const key = async () => {
      const { privateKey } = await generateKeyPair('RS256', { extractable: true });
      return { ...(await exportJWK(privateKey)), kid: 'signing-key', alg: 'RS256', use: 'sig' };
    };
    const signing = await key();
    const idp = new TestIdentityProvider(server, issuer);
    // Its start-up warnings (an in-memory store, development login pages) are what a test provider is.
    const warn = console.warn;
    console.warn = () => undefined;
    const provider = new Provider(issuer, {
      clients: [
        {
          client_id: CLIENT.id,
          client_secret: CLIENT.secret,
          redirect_uris: [redirectUri],
          grant_types: ['authorization_code'],
          response_types: ['code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [signing] },
      cookies: { keys: ['test-provider-cookie-key'] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'roles'] },
      // As Entra ID and Keycloak do: the scope's claims in the ID token itself.
      conformIdTokenClaims: false,
      ttl: { AuthorizationCode: 60, Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600 },
      findAccount: (_ctx, id) => {
        const account = idp.accounts.get(id);
        if (!account) return undefined;
        return { accountId: id, claims: () => ({ sub: id, ...account }) };
      },
    });
    console.warn = warn;
    const handle = provider.callback();
    let posed: object | null = null;
    if (options.posingKeys) {
      const { kty, n, e, kid, alg, use } = await key();
      posed = { keys: [{ kty, n, e, kid, alg, use }] };
    }
    server.on('request', (req, res) => {
      if (posed && req.url === '/jwks') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify(posed));
        return;
      }
      void handle(req, res);
    });
    return idp;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A browser's part, over real HTTP: cookies kept per host and path and sent back as a browser would, redirects
 * followed one at a time so a test can stop at any of them.
 */
export class TestBrowser {
  private readonly jar = new Map<string, { host: string; name: string; value: string; path: string }>();

  cookie(host: string, name: string): string | undefined {
    return [...this.jar.values()].find((c) => c.host === host && c.name === name)?.value;
  }

  /** The raw Set-Cookie lines of the last response, for asserting on attributes. */
  lastSetCookies: string[] = [];

  async request(
    url: string,
    init: { method?: string; body?: string; headers?: Record<string, string> } = {},
  ): Promise<Response> {
    const target = new URL(url);
    const cookies = [...this.jar.values()]
      .filter((c) => c.host === target.host && target.pathname.startsWith(c.path))
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
    const res = await fetch(target, {
      method: init.method ?? 'GET',
      body: init.body,
      headers: { ...init.headers, ...(cookies ? { cookie: cookies } : {}) },
      redirect: 'manual',
    });
    this.lastSetCookies = res.headers.getSetCookie();
    for (const line of this.lastSetCookies) {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (key: string) =>
        attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
      const path = attr('path') ?? '/';
      const expires = attr('expires');
      const maxAge = attr('max-age');
      const gone =
        !value || (maxAge !== undefined && Number(maxAge) <= 0) || (expires && Date.parse(expires) < Date.now());
      const key = `${target.host}|${path}|${name}`;
      if (gone) this.jar.delete(key);
      else this.jar.set(key, { host: target.host, name, value, path });
    }
    return res;
  }

  /**
   * Starts at `url` and goes wherever it is sent, signing in at the provider as `login` and consenting, until it
   * is sent to a URL starting with `stopAt` (the portal's callback): that URL, not yet visited.
   */
  async signInAtProvider(url: string, login: string, stopAt: string): Promise<string> {
    let next = url;
    for (let hops = 0; hops < 20; hops++) {
      if (next.startsWith(stopAt)) return next;
      const res = await this.request(next);
      const location = res.headers.get('location');
      if (location) {
        next = new URL(location, next).href;
        continue;
      }
      const page = await res.text();
      const prompt = /name="prompt" value="(\w+)"/.exec(page)?.[1];
      const action = /<form[^>]*action="([^"]+)"/.exec(page)?.[1];
      if (res.status !== 200 || !prompt || !action) throw new Error(`unexpected page at ${next}: ${res.status}`);
      const body =
        prompt === 'login'
          ? new URLSearchParams({ prompt, login, password: 'anything' })
          : new URLSearchParams({ prompt });
      const submitted = await this.request(new URL(action.replace(/&amp;/g, '&'), next).href, {
        method: 'POST',
        body: body.toString(),
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      });
      const after = submitted.headers.get('location');
      if (!after) throw new Error(`the provider did not move on after ${prompt}: ${submitted.status}`);
      next = new URL(after, next).href;
    }
    throw new Error('too many redirects');
  }
}
