// Helpers of the events tests, beside the webhook tests' own (test/support/webhooks.ts): calls
// bound to one service, tokens with exactly the scopes a test names, the error envelope.
import type { TestService } from '../support/service.ts';
import type { newTenant } from '../support/service.ts';
import { api, Receivers, until as untilBase, type Json } from '../support/webhooks.ts';

export type { Json };
export type Tenant = Awaited<ReturnType<typeof newTenant>>;
export const receivers = () => new Receivers();

export function client(service: TestService) {
  return (method: string, path: string, token: string, body?: unknown, headers: Record<string, string> = {}) =>
    api(service.url, method, path, token, body, headers);
}

/** Waits up to 10 s: a replay's deliveries are sent by the workers, on a shared machine. */
export const until = <T>(what: string, fn: () => Promise<T | null | undefined | false>, tries = 400) =>
  untilBase(what, fn, tries);

/** A token of `tenant` carrying only `scopes` (no admin role). */
export async function scopedToken(service: TestService, tenant: Tenant, scopes: string[]): Promise<string> {
  const minted = await service.tokens.mint({
    tenantId: tenant.tenantId,
    subject: tenant.adminUserId,
    clientId: 'argus-admin',
    scopes,
    ttlSeconds: 600,
    kind: 'user',
  });
  return minted.token;
}

/** An answer in the service's one error envelope, with `status` (and `error`, when given). */
export function expectEnvelope(r: { status: number; body: Json }, status: number, error?: string): Json {
  if (r.status !== status) throw new Error(`expected ${status}, got ${r.status}: ${JSON.stringify(r.body)}`);
  if (typeof r.body.error !== 'string' || typeof r.body.error_description !== 'string')
    throw new Error(`not the error envelope: ${JSON.stringify(r.body)}`);
  if (error !== undefined && r.body.error !== error)
    throw new Error(`expected error ${error}, got ${JSON.stringify(r.body)}`);
  return r.body;
}
