import type { AppRow } from '../../identity/apps/service.ts';
import { oauthErrors } from '../errors.ts';

export interface ScopeBounds {
  /** The scopes of an earlier grant (a refresh): a request may narrow them, never widen. */
  granted?: readonly string[];
  /** Prefixes each refusal with the field that carried the scopes (e.g. "scopes"). */
  field?: string;
}

/**
 * The scopes a token may carry: those requested (all it may have when none are), each of them
 * approved on the app, still approved for the tenant and, for a refresh, part of the original
 * grant. The one scope resolution of the token endpoint, the authorization request and service
 * tokens, and the one place their invalid_scope is built.
 */
export function grantableScopes(
  app: AppRow,
  tenantApprovedScopes: readonly string[],
  requested: string | undefined,
  bounds: ScopeBounds = {},
): string[] {
  const refuse = (description: string) =>
    oauthErrors.invalidScope(bounds.field ? `${bounds.field}: ${description}` : description);
  const granted = bounds.granted;
  const approved = new Set(
    tenantApprovedScopes.filter((s) => app.requested_scopes.includes(s) && (!granted || granted.includes(s))),
  );
  if (requested === undefined || requested.trim() === '') {
    const all = (granted ?? app.requested_scopes).filter((s) => approved.has(s));
    if (all.length === 0)
      throw refuse(granted ? 'no scope of this grant is approved any more' : 'this app has no approved scope left');
    return all;
  }
  const asked = [...new Set(requested.trim().split(/\s+/))];
  const refused = asked.filter((s) => !approved.has(s));
  if (refused.length) {
    throw refuse(
      granted && refused.every((s) => !granted.includes(s))
        ? `scope ${refused.join(' ')} is not part of this grant: a refresh may only narrow it`
        : `scope ${refused.join(' ')} is not approved for this app`,
    );
  }
  return asked;
}

export function tokenLifetime(app: AppRow, defaultSeconds: number): number {
  const cap = app.governance.max_token_lifetime_seconds;
  return cap ? Math.min(cap, defaultSeconds) : defaultSeconds;
}
