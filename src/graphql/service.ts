// The rules of the GraphQL transport: who may call (a bearer token with the graphql scope,
// X-Tenant-ID equal to the token's tenant), which bundles the calling app was granted, and
// the operations an app may run (for integrators to pin in their build).
import type { GraphQLSchema } from 'graphql';
import type { Db } from '../db/index.ts';
import type { ActorSystem } from '../actors/runtime.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { forbidden, invalidRequest, apiError } from '../errors.ts';
import type { Principal } from '../identity/principal.ts';
import type { AppService } from '../identity/apps/service.ts';
import type { WebhookService } from '../webhooks/service.ts';
import type { EventPublisher } from '../events/publisher.ts';
import { BUNDLES_DIR, BundleRegistry, loadBundleDir, type ApprovedOperation } from './bundles.ts';
import { IncidentService } from './incidents/service.ts';
import { CaseService } from './cases/service.ts';
import { buildSchema, type GraphqlContext } from './schema.ts';
import { GraphqlTransport, type GraphqlHttpRequest } from './transport.ts';

export const GRAPHQL_SCOPE = 'graphql';

/** The schema and the reviewed bundles, validated against it (throws BundleError when one is invalid). */
export async function loadGraphql(dir = BUNDLES_DIR): Promise<{ schema: GraphQLSchema; bundles: BundleRegistry }> {
  const schema = buildSchema();
  return { schema, bundles: new BundleRegistry(await loadBundleDir(dir, schema)) };
}

export function operationView(op: ApprovedOperation) {
  return { bundle: op.bundle, name: op.name, type: op.type, id: op.id, sha256: op.hash, document: op.document };
}

export interface GraphqlDeps {
  db: Db;
  actors: ActorSystem;
  webhooks: WebhookService;
  /** What mutations publish their events through (in their own transaction). */
  publisher: EventPublisher;
  apps: AppService;
  log: Logger;
  metrics: Metrics;
  schema: GraphQLSchema;
  bundles: BundleRegistry;
  /** MAX_JSON_DEPTH, for variables and extensions sent as GET parameters. */
  maxJsonDepth?: number;
}

export class GraphqlService {
  readonly schema: GraphQLSchema;
  readonly bundles: BundleRegistry;
  readonly incidents: IncidentService;
  readonly cases: CaseService;
  readonly transport: GraphqlTransport;

  constructor(private readonly deps: GraphqlDeps) {
    this.schema = deps.schema;
    this.bundles = deps.bundles;
    this.incidents = new IncidentService(deps.db, deps.actors, deps.publisher);
    this.cases = new CaseService(deps.db, deps.actors, deps.publisher);
    this.transport = new GraphqlTransport(
      this.schema,
      this.bundles,
      (principal) => this.context(principal),
      deps.log.child({ component: 'graphql' }),
      deps.metrics,
      deps.maxJsonDepth,
    );
  }

  context(principal: Principal): GraphqlContext {
    return { principal, incidents: this.incidents, cases: this.cases, webhooks: this.deps.webhooks };
  }

  /** X-Tenant-ID must name the tenant of the token (its graphql scope is checked by the route). */
  private checkTenant(principal: Principal, tenant: string | null): void {
    if (!tenant)
      throw invalidRequest('X-Tenant-ID: the header is required and must name the tenant of the access token');
    if (tenant !== principal.tenantId)
      throw forbidden('tenant_mismatch', 'X-Tenant-ID does not match the tenant of the access token');
  }

  /** The bundles granted to the app the token was issued to (none for a token of no app), from the governance the bearer guard has just read. */
  bundlesOf(principal: Principal): Promise<string[]> {
    return this.deps.apps.grantedBundles(principal);
  }

  async execute(principal: Principal, request: GraphqlHttpRequest, requestId: string): Promise<Response> {
    this.checkTenant(principal, request.headers.get('x-tenant-id'));
    const bundles = await this.bundlesOf(principal);
    return this.transport.handle(request, { principal, bundles, requestId });
  }

  /** For a tenant administrator, or for the app itself (its own token with the graphql scope). */
  async operations(principal: Principal, clientId: string) {
    const own = principal.clientId === clientId && principal.scopes.includes(GRAPHQL_SCOPE);
    if (!principal.admin && !own) {
      throw apiError(
        'insufficient_scope',
        'this route needs a tenant administrator token, or a token of this app with the "graphql" scope',
      );
    }
    const app = await this.deps.apps.get(principal.tenantId, clientId);
    const known = new Set(this.bundles.names());
    const bundles = (app.governance.graphql_bundles ?? []).filter((b) => known.has(b)).sort();
    return {
      client_id: app.id,
      bundles,
      operations: this.bundles.operationsOf(bundles).map(operationView),
      next_cursor: null,
    };
  }
}
