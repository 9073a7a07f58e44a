import type { AppRow } from '../../identity/apps/service.ts';
import { oauthErrors } from '../errors.ts';

/**
 * The scopes a token may carry: those requested (all of the app's when none are), each of
 * them approved on the app and still approved for the tenant.
 */
export function grantableScopes(app: AppRow, tenantApprovedScopes: readonly string[], requested: string | undefined): string[] {
  const approved = new Set(tenantApprovedScopes.filter((s) => app.requested_scopes.includes(s)));
  if (requested === undefined || requested.trim() === '') {
    const all = app.requested_scopes.filter((s) => approved.has(s));
    if (all.length === 0) throw oauthErrors.invalidScope('this app has no approved scope left');
    return all;
  }
  const asked = [...new Set(requested.trim().split(/\s+/))];
  const refused = asked.filter((s) => !approved.has(s));
  if (refused.length) throw oauthErrors.invalidScope(`scope ${refused.join(' ')} is not approved for this app`);
  return asked;
}

export function tokenLifetime(app: AppRow, defaultSeconds: number): number {
  const cap = app.governance.max_token_lifetime_seconds;
  return cap ? Math.min(cap, defaultSeconds) : defaultSeconds;
}
