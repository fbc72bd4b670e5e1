import { lookup as dnsLookup } from 'node:dns/promises';
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import {
  addressesProblem,
  endpointProblem,
  isIpLiteral,
  keptResponse,
  parseUrl,
  READ_RESPONSE_BYTES,
  REQUEST_TIMEOUT_MS,
} from './webhooks.rules.js';

/** How names are resolved: the system resolver in use, a fixed table in tests of the rules. */
export type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;

export const systemResolve: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** An endpoint checked now: the URL, and the one address it will be connected to. */
export interface VettedEndpoint {
  url: URL;
  address: string;
  family: number;
}

/** Refused, with a message fit for the registering manager (BAD_USER_INPUT on `url`) or the delivery's record. */
export class EndpointRefused extends Error {}

/**
 * Resolves the endpoint's host and checks every address it resolves to (a name that answers with a public and a
 * private address could be connected to either). The address returned is the one to connect to: the request is
 * given it (`pinnedLookup`), so the name is not resolved again between the check and the connection.
 */
export async function vetEndpoint(text: string, allowPrivate: boolean, resolve: Resolve): Promise<VettedEndpoint> {
  const url = parseUrl(text);
  const problem = endpointProblem(url, allowPrivate);
  if (problem) throw new EndpointRefused(problem);
  const host = url!.hostname.replace(/^\[|\]$/g, '');
  let addresses: { address: string; family: number }[];
  if (isIpLiteral(host)) addresses = [{ address: host, family: host.includes(':') ? 6 : 4 }];
  else {
    try {
      addresses = await resolve(host);
    } catch {
      addresses = [];
    }
  }
  const refused = addressesProblem(
    url!.protocol,
    addresses.map((a) => a.address),
    allowPrivate,
  );
  if (refused) throw new EndpointRefused(refused);
  return { url: url!, address: addresses[0].address, family: addresses[0].family };
}

/** A lookup that answers the vetted address whatever it is asked (http's happy-eyeballs asks for `all`). */
export function pinnedLookup(address: string, family: number): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as unknown as LookupFunction;
}

/** What one attempt came to: the status and the start of the body, or the network error. */
export interface AttemptResult {
  status: number | null;
  response: string | null;
  error: string | null;
}

/**
 * One POST to a vetted endpoint: connected to the vetted address only, no redirect followed (a 3xx is a failure
 * like any non-2xx), at most REQUEST_TIMEOUT_MS in all, the answer read no further than READ_RESPONSE_BYTES.
 */
export function post(endpoint: VettedEndpoint, body: string, headers: Record<string, string>): Promise<AttemptResult> {
  const client = endpoint.url.protocol === 'https:' ? https : http;
  return new Promise<AttemptResult>((resolve) => {
    let settled = false;
    const finish = (result: AttemptResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = client.request(
      endpoint.url,
      {
        method: 'POST',
        lookup: pinnedLookup(endpoint.address, endpoint.family),
        headers: {
          ...headers,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'partnership-portal-webhooks/1',
        },
        agent: false,
        timeout: REQUEST_TIMEOUT_MS,
      },
      (response: IncomingMessage) => {
        const chunks: Buffer[] = [];
        let length = 0;
        const done = () =>
          finish({ status: response.statusCode ?? null, response: keptResponse(Buffer.concat(chunks)), error: null });
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          length += chunk.length;
          if (length >= READ_RESPONSE_BYTES) {
            done();
            response.destroy();
          }
        });
        response.on('end', done);
        response.on('error', done);
      },
    );
    // The whole exchange, a body trickling in included: whatever the socket does after, the attempt is over.
    const timer = setTimeout(() => {
      const error = `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
      finish({ status: null, response: null, error });
      request.destroy(new Error(error));
    }, REQUEST_TIMEOUT_MS);
    request.on('timeout', () => request.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS / 1000} s`)));
    request.on('error', (error) =>
      finish({ status: null, response: null, error: (error.message || String(error)).slice(0, 500) }),
    );
    request.end(body);
  });
}
