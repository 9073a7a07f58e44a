// Helpers of the events tests: calls through the public API, receivers on loopback, tokens
// with exactly the scopes a test names.
import type { TestService } from '../support/service.ts';
import { newTenant } from '../support/service.ts';

export type Json = Record<string, unknown>;
export interface Received { headers: Record<string, string>; body: string }
export type Tenant = Awaited<ReturnType<typeof newTenant>>;

export function client(service: TestService) {
  return async function api(method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(`${service.url}${path}`, {
      method, headers: { authorization: `Bearer ${token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
  };
}

/** A token of `tenant` carrying only `scopes` (no admin role). */
export async function scopedToken(service: TestService, tenant: Tenant, scopes: string[]): Promise<string> {
  const minted = await service.tokens.mint({ tenantId: tenant.tenantId, subject: tenant.adminUserId, clientId: 'argus-admin', scopes, ttlSeconds: 600, kind: 'user' });
  return minted.token;
}

/** Receivers on loopback that answer `answer(n)` to their n-th request; stop them with stopAll(). */
export function receivers() {
  const servers: Array<ReturnType<typeof Bun.serve>> = [];
  return {
    start(answer: (n: number) => number = () => 200) {
      const got: Received[] = [];
      const server = Bun.serve({
        port: 0, hostname: '127.0.0.1',
        fetch: async (req) => {
          got.push({ headers: Object.fromEntries(req.headers), body: await req.text() });
          return new Response('ok', { status: answer(got.length - 1) });
        },
      });
      servers.push(server);
      return { url: `http://127.0.0.1:${server.port}/hook`, got };
    },
    stopAll() {
      for (const s of servers) s.stop(true);
    },
  };
}

export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, tries = 400): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An answer in the service's one error envelope. */
export function expectEnvelope(r: { status: number; body: Json }, status: number, error?: string): Json {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  if (typeof r.body.error !== 'string' || typeof r.body.error_description !== 'string') throw new Error(`not the error envelope: ${JSON.stringify(r.body)}`);
  if (error !== undefined && r.body.error !== error) throw new Error(`expected error ${error}, got ${JSON.stringify(r.body)}`);
  return r.body;
}
