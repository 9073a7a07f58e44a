// The published scope catalog. A tenant approves a subset; apps request within it.
export const SCOPE_CATALOG = [
  { name: 'webhooks:read', description: 'Read outbound webhook subscriptions and their delivery history' },
  { name: 'webhooks:write', description: 'Create and update outbound webhook subscriptions' },
  { name: 'events:publish', description: "Publish events to the tenant's webhook subscriptions" },
  { name: 'incidents:read', description: 'Read incidents' },
  { name: 'incidents:write', description: 'Create, update and close incidents' },
  { name: 'cases:read', description: 'Read cases' },
  { name: 'cases:write', description: 'Create and update cases' },
  { name: 'graphql', description: "Call the GraphQL transport with the app's approved operation bundles" },
] as const;

export type Scope = (typeof SCOPE_CATALOG)[number]['name'];
export const ALL_SCOPES: string[] = SCOPE_CATALOG.map((s) => s.name);

/** Never published, never grantable to an app: marks a tenant administrator's token. */
export const ADMIN_SCOPE = 'admin';

export function isPublishedScope(name: string): name is Scope {
  return ALL_SCOPES.includes(name);
}
