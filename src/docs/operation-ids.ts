// Operation ids of the OpenAPI document: the method names of generated clients, so they are
// chosen here, one per route, rather than derived from paths (`get.well-knownJwks.json`).
// A route missing from this table fails test/docs/openapi.test.ts.
export const OPERATION_IDS: Record<string, string> = {
  'GET /healthz': 'getHealth',
  'GET /readyz': 'getReadiness',
  'GET /metrics': 'getMetrics',
  'GET /.well-known/jwks.json': 'getJwks',
  'GET /v1/auth/jwks.json': 'getAuthJwks',
  'GET /.well-known/oauth-authorization-server': 'getAuthorizationServerMetadata',
  'GET /v1/platform/scopes': 'listScopes',
  'GET /v1/platform/apps': 'listApps',
  'POST /v1/platform/apps': 'createApp',
  'GET /v1/platform/apps/{client_id}': 'getApp',
  'PATCH /v1/platform/apps/{client_id}/governance': 'updateAppGovernance',
  'POST /v1/platform/apps/{client_id}/rotate-secret': 'rotateAppSecret',
  'PUT /v1/platform/apps/{client_id}/jwks': 'replaceAppJwks',
  'GET /v1/platform/audit-events': 'listAuditEvents',
  'POST /v1/platform/apps/{client_id}/service-token': 'createServiceToken',
  'GET /v1/platform/apps/{client_id}/service-tokens': 'listServiceTokens',
  'DELETE /v1/platform/apps/{client_id}/service-tokens/{token_id}': 'revokeServiceToken',
  'GET /v1/platform/apps/{client_id}/graphql-operations': 'listAppGraphqlOperations',
  'POST /v1/oauth/token': 'createToken',
  'POST /v1/oauth/par': 'pushAuthorizationRequest',
  'POST /v1/oauth/revoke': 'revokeToken',
  'POST /v1/oauth/introspect': 'introspectToken',
  'GET /v1/oauth/authorize': 'authorize',
  'POST /v1/oauth/authorize/login': 'authorizeLogin',
  'POST /v1/oauth/authorize/consent': 'authorizeConsent',
  'GET /v1/webhooks': 'listWebhooks',
  'POST /v1/webhooks': 'createWebhook',
  'GET /v1/webhooks/{webhook_id}': 'getWebhook',
  'PUT /v1/webhooks/{webhook_id}': 'updateWebhook',
  'DELETE /v1/webhooks/{webhook_id}': 'deleteWebhook',
  'GET /v1/webhooks/{webhook_id}/deliveries': 'listDeliveries',
  'GET /v1/webhooks/{webhook_id}/deliveries/{delivery_id}': 'getDelivery',
  'POST /v1/webhooks/{webhook_id}/deliveries/{delivery_id}/retry': 'retryDelivery',
  'POST /v1/webhooks/{webhook_id}/recover': 'recoverWebhook',
  'POST /v1/webhooks/{webhook_id}/test': 'testWebhook',
  'GET /v1/events/types': 'listEventTypes',
  'POST /v1/events': 'publishEvent',
  'GET /v1/events': 'listEvents',
  'GET /v1/events/{event_id}': 'getEvent',
  'POST /v1/events/{event_id}/replay': 'replayEvent',
  'GET /graphql': 'graphqlQuery',
  'POST /graphql': 'graphql',
  'GET /integration-request': 'getIntegrationRequestForm',
  'GET /v1/integration-requests': 'listIntegrationRequests',
  'POST /v1/integration-requests': 'createIntegrationRequest',
  'PATCH /v1/integration-requests/{id}': 'updateIntegrationRequest',
  'GET /studio': 'getStudio',
  'GET /studio/studio.js': 'getStudioScript',
  'GET /studio/zoom.js': 'getStudioZoomScript',
  'GET /v1/studio/session': 'getStudioSession',
  'POST /v1/studio/session': 'createStudioSession',
  'DELETE /v1/studio/session': 'deleteStudioSession',
  'GET /v1/machines': 'listMachines',
  'GET /v1/machines/{name}': 'getMachine',
  'GET /v1/machines/{name}/diagram.svg': 'getMachineDiagram',
  'GET /v1/machines/{name}/instances/{id}/journal': 'getMachineJournal',
  'GET /v1/machines/{name}/instances/{id}/stream': 'streamMachineInstance',
  'GET /v1/studio/webhooks': 'listStudioWebhooks',
  'GET /v1/studio/webhooks/{id}': 'getStudioWebhook',
  'GET /v1/studio/webhooks/{id}/deliveries': 'listStudioDeliveries',
  'GET /v1/studio/webhooks/{id}/deliveries/{delivery_id}': 'getStudioDelivery',
  'GET /v1/studio/webhooks/{id}/stream': 'streamStudioWebhook',
  'GET /v1/studio/authorization-sessions': 'listStudioAuthorizationSessions',
};

const REVIEWED = [/^\/api\/v1\/platform(\/\*)?$/, /^\/v1\/saml(\/\*)?$/];
const VERB: Record<string, string> = { get: 'get', post: 'create', put: 'replace', patch: 'update', delete: 'delete' };

/** The id of an operation; the reviewed-access catch-alls are named after their surface. */
export function operationId(method: string, path: string): string | undefined {
  const listed = OPERATION_IDS[`${method.toUpperCase()} ${path}`];
  if (listed) return listed;
  if (!REVIEWED.some((r) => r.test(path))) return undefined;
  const surface = path.startsWith('/v1/saml') ? 'Saml' : 'PlatformApi';
  return `${VERB[method]}${surface}${path.endsWith('/*') ? 'Resource' : ''}`;
}
