// Builds the service graph once, for the server, the workers and the CLI alike.
import type { Config } from './config.ts';
import type { Db } from './db/index.ts';
import { createPostgresDb } from './db/postgres.ts';
import { primaryOnly, ReadReplica, type ReadRouting } from './db/read-replica.ts';
import type { Logger } from './log.ts';
import type { Metrics } from './metrics.ts';
import { ActorSystem, type MachineDefinition } from './actors/runtime.ts';
import type { Clock } from './actors/clock.ts';
import { SecretBox } from './crypto/secret-box.ts';
import { checkMasterKey, refuseToGenerate } from './crypto/master-key.ts';
import { Invalidations } from './invalidation.ts';
import { KeyRing } from './oauth/keys/service.ts';
import { TokenService } from './oauth/tokens/service.ts';
import { TenantService } from './identity/tenants/service.ts';
import { SignInLimits } from './identity/sign-in-limits.ts';
import { Authenticator } from './http/auth.ts';
import { ADMIN_SCOPE, ALL_SCOPES } from './identity/scopes.ts';
import { AppService } from './identity/apps/service.ts';
import { IntegrationRequestService } from './integration-requests/service.ts';
import { loadMachines } from './studio/registry.ts';
import { WebhookService } from './webhooks/service.ts';
import { PortalService } from './portal/service.ts';
import { EventService } from './events/service.ts';
import { EventPublisher } from './events/publisher.ts';
import { DeliverySteps } from './webhooks/dispatch/steps.ts';
import { DeliveryWakeup } from './webhooks/dispatch/wakeup.ts';
import { ServiceTokenService } from './oauth/service-tokens/service.ts';
import { AuthorizationService } from './oauth/authorize/service.ts';
import { GraphqlService, loadGraphql } from './graphql/service.ts';
import { DpopNonces } from './oauth/dpop/nonce.ts';
import { PushedRequests } from './oauth/par/service.ts';
import { ClientAssertions } from './oauth/client-assertion.ts';
import { ClientKeys } from './oauth/client-keys.ts';
import { DpopService } from './oauth/dpop/service.ts';
import type { GrantContext } from './oauth/grants/grant.ts';
import type { AnyStateMachine } from 'xstate';
import { FIXED, holdExpiresInMs } from './defaults.ts';

/** Longest any token we sign may live; retiring keys stay published this long. */
/** The longest lifetime of any token a signing key signs: a service token's at most (access and admin tokens are shorter). */
export const MAX_TOKEN_LIFETIME_MS = FIXED.maxServiceTokenSeconds * 1000;

export interface Services {
  config: Config;
  db: Db;
  /** Where the studio and the /metrics gauges read: a standby while it is fresh (READ_DATABASE_URL), else db. */
  reads: ReadRouting;
  log: Logger;
  metrics: Metrics;
  actors: ActorSystem;
  /** Tells every process what its caches of tokens, apps and keys must forget. */
  invalidations: Invalidations;
  box: SecretBox;
  keys: KeyRing;
  tokens: TokenService;
  tenants: TenantService;
  apps: AppService;
  requests: IntegrationRequestService;
  webhooks: WebhookService;
  /** Writes events and their deliveries (the API's, GraphQL mutations', the engine's own). */
  publisher: EventPublisher;
  events: EventService;
  serviceTokens: ServiceTokenService;
  graphql: GraphqlService;
  /** Portal links and sessions: an integrator app's owners managing its webhooks. */
  portal: PortalService;
  authorization: AuthorizationService;
  /** What the token endpoint's grants use (src/oauth/grants/): given to them rather than these services. */
  grants: GrantContext;
  /** Failed sign-ins per address and account, shared by the studio and the authorization page. */
  signIns: SignInLimits;
  auth: Authenticator;
  dpop: DpopService;
  pushedRequests: PushedRequests;
  clientAssertions: ClientAssertions;
  /** Machines whose timers the timer worker fires (deliveries have their own engine). */
  machines: MachineDefinition[];
  /** Every machine definition in machines/, by id (the studio draws these). */
  catalog: Map<string, AnyStateMachine>;
  /** Stops listening for invalidations and closes the database. */
  close(): Promise<void>;
}

export async function buildServices(
  config: Config,
  db: Db,
  log: Logger,
  metrics: Metrics,
  clock: Clock,
): Promise<Services> {
  const actors = new ActorSystem(db, log, metrics, clock);
  const { box: current, generated } = await SecretBox.load(config.masterKey, config.dataDir, () =>
    refuseToGenerate(db),
  );
  const box = current.withPrevious(
    config.masterKeyPrevious ? await SecretBox.fromBase64(config.masterKeyPrevious) : null,
  );
  await checkMasterKey(db, box);
  if (generated)
    log.warn('generated a master key for encryption at rest; back it up or set MASTER_KEY', {
      path: `${config.dataDir}/master.key`,
    });
  const invalidations = new Invalidations(db, log.child({ component: 'invalidation' }));
  await invalidations.start();
  const keys = new KeyRing(actors, box, invalidations, {
    maxTokenLifetimeMs: MAX_TOKEN_LIFETIME_MS,
    algs: config.signingAlgs,
  });
  await keys.ensureActive();
  const tokens = new TokenService(db, keys, invalidations, config.publicUrl, clock);
  const tenants = new TenantService(db);
  const { schema, bundles } = await loadGraphql();
  const apps = new AppService(
    db,
    actors,
    tenants,
    invalidations,
    () => bundles.names(),
    config.allowPrivateTargets,
    config.secretGraceSeconds,
  );
  tokens.addCheck((principal, claims) =>
    apps.tokenRestriction(principal, typeof claims.iat === 'number' ? claims.iat : null),
  );
  const dpop = new DpopService(
    db,
    new DpopNonces(await box.derive('argus dpop nonce'), () => clock.now()),
    { publicUrl: config.publicUrl, requireNonce: config.dpopRequireNonce },
    clock,
  );
  const auth = new Authenticator(tokens, dpop);
  const requests = new IntegrationRequestService(db, tenants);
  const steps = new DeliverySteps({ sendTimeoutMs: config.leaseMs, schedule: config.webhookRetrySchedule }, () =>
    clock.now(),
  );
  const wakeup = new DeliveryWakeup(db);
  const reads = await openReads(config, db, clock, log, metrics);
  const publisher = new EventPublisher(
    db,
    steps,
    wakeup,
    clock,
    log,
    holdExpiresInMs(0, 0, config.deliveryRetentionDays),
  );
  const webhooks = new WebhookService(db, actors, box, config, { steps, wakeup, publisher, reads }, log, metrics);
  const events = new EventService(db, publisher, clock);
  const serviceTokens = new ServiceTokenService(db, apps, tenants, tokens, config.serviceTokenTtlSeconds);
  const pushedRequests = new PushedRequests(db, tenants, clock);
  const clientAssertions = new ClientAssertions(
    db,
    new ClientKeys(config.allowPrivateTargets),
    config.publicUrl,
    clock,
  );
  const signIns = new SignInLimits(config);
  const authorization = new AuthorizationService(db, actors, apps, tenants, tokens, pushedRequests, signIns, {
    issuer: config.publicUrl,
    ...config,
  });
  const grants: GrantContext = {
    db,
    tokens,
    clock: actors.clock,
    authorization,
    accessTokenTtlSeconds: config.accessTokenTtlSeconds,
    refreshTokenTtlSeconds: config.refreshTokenTtlSeconds,
  };
  const graphql = new GraphqlService({
    db,
    actors,
    webhooks,
    publisher,
    apps,
    log,
    metrics,
    schema,
    bundles,
    maxJsonDepth: config.maxJsonDepth,
  });
  const portal = new PortalService(db, { tokens, apps, clock: actors.clock, publicUrl: config.publicUrl });
  const catalog = await loadMachines();
  return {
    config,
    db,
    reads,
    log,
    metrics,
    actors,
    invalidations,
    box,
    keys,
    tokens,
    tenants,
    apps,
    requests,
    webhooks,
    publisher,
    events,
    serviceTokens,
    graphql,
    portal,
    authorization,
    grants,
    signIns,
    auth,
    dpop,
    pushedRequests,
    clientAssertions,
    catalog,
    machines: [keys.definition, apps.rotation, webhooks.subscriptions, authorization.definition],
    close: async () => {
      await invalidations.stop();
      await reads.close();
      await db.close();
    },
  };
}

/** READ_DATABASE_URL's pool, probed for freshness before it serves a read; without it, the primary. */
async function openReads(config: Config, db: Db, clock: Clock, log: Logger, metrics: Metrics): Promise<ReadRouting> {
  if (!config.readReplica) return primaryOnly(db, metrics);
  const { url, maxLagMs } = config.readReplica;
  const standby = createPostgresDb(url, {
    max: config.dbPoolMax,
    role: 'reads',
    onReplaced: () => log.warn('the read replica stopped answering on open connections; they were replaced'),
  });
  const replica = new ReadReplica(db, standby, maxLagMs, clock, log.child({ component: 'read-replica' }), metrics);
  await replica.start();
  return replica;
}

/** A short-lived token for a tenant administrator (argus bootstrap / argus token). */
export async function mintAdminToken(services: Services, tenantId: string, userId: string) {
  return services.tokens.mint({
    tenantId,
    subject: userId,
    clientId: 'argus-admin',
    scopes: [ADMIN_SCOPE, ...ALL_SCOPES],
    ttlSeconds: services.config.adminTokenTtlSeconds,
    kind: 'user',
  });
}
