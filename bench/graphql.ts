// Approved-operation requests per second through the whole GraphQL stack (bearer token
// verified, X-Tenant-ID checked, the app's bundles looked up, the document matched to an
// approved operation, executed against PostgreSQL) beside a bare graphql-http fetch handler
// executing the same operation with the same resolvers on the same database, both over
// loopback HTTP, in one run. graphql-http validates every document it is sent; the full stack
// validated its approved documents once, at startup, so it can beat the bare handler: a second
// baseline (the bare handler given the pre-validated document) isolates what the guards cost.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHandler } from 'graphql-http/lib/use/fetch';
import { loadConfig } from '../src/config.ts';
import { startService } from '../src/main.ts';
import { silentLogger } from '../src/log.ts';
import { mintAdminToken } from '../src/services.ts';
import type { GraphqlContext } from '../src/graphql/schema.ts';
import { figure, machine, quick, rate, scratchPostgres } from './support.ts';

const REQUESTS = quick ? 400 : 3000;
const ROUNDS = quick ? 3 : 7;
const CONCURRENCY = 16;
const INCIDENTS = 50;
const PAGE = 20;

const pg = await scratchPostgres();
const service = await startService(
  loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: pg.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'argus-bench-')),
    DB_POOL_MAX: '16',
  }),
  { http: true, workers: false, log: silentLogger },
);
let bare: ReturnType<typeof Bun.serve> | null = null;
try {
  const tenant = await service.tenants.createTenant({
    name: 'Bench',
    adminEmail: 'bench@example.com',
    adminPassword: 'correct horse battery staple',
  });
  const admin = await service.tokens.verify((await mintAdminToken(service, tenant.tenantId, tenant.adminUserId)).token);
  const scopes = ['graphql', 'incidents:read', 'incidents:write'];
  const { app } = await service.apps.create(admin, {
    name: 'Bench sync',
    grant_types: ['client_credentials'],
    requested_scopes: scopes,
  });
  await service.apps.updateGovernance(admin, app.id, { graphql_bundles: ['incident-sync'] });
  // What POST /v1/oauth/token issues for client_credentials.
  const token = (
    await service.tokens.mint({
      tenantId: tenant.tenantId,
      subject: app.id,
      clientId: app.id,
      scopes,
      ttlSeconds: 3600,
      kind: 'client',
    })
  ).token;
  const principal = await service.tokens.verify(token);
  for (let i = 0; i < INCIDENTS; i++)
    await service.graphql.incidents.create(principal, { title: `Incident ${i}`, severity: 'high' });

  const op = service.graphql.bundles.operationsOf(['incident-sync']).find((o) => o.name === 'IncidentSyncPage');
  if (!op) throw new Error('incident-sync has no IncidentSyncPage');
  const body = JSON.stringify({ query: op.document, variables: { first: PAGE } });

  // The baseline: graphql-http's fetch handler alone, same schema and resolvers, a fixed
  // caller; it parses and validates every request, as graphql-http does by default.
  const context = () => service.graphql.context(principal);
  const handler = createHandler<GraphqlContext>({ schema: service.graphql.schema, context });
  // A second baseline isolates the guards: the same handler given the approved operation's
  // document, parsed and validated once (as the full stack does), so only auth, tenant,
  // bundle lookup and document matching separate it from the full stack.
  const prevalidated = createHandler<GraphqlContext>({
    schema: service.graphql.schema,
    onSubscribe: (_req, params) => ({
      schema: service.graphql.schema,
      document: op.ast,
      operationName: params.operationName,
      variableValues: params.variables,
      contextValue: context(),
    }),
  });
  bare = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    // The service's own server options (src/platform.ts): development mode costs Bun about 10 %.
    development: false,
    maxRequestBodySize: Number.MAX_SAFE_INTEGER,
    fetch: (request) => (new URL(request.url).pathname === '/prevalidated' ? prevalidated(request) : handler(request)),
  });

  const call = async (url: string, headers: Record<string, string>) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
    const json = (await res.json()) as { data?: { incidents?: { incidents?: unknown[] } }; errors?: unknown };
    if (res.status !== 200 || json.errors || json.data?.incidents?.incidents?.length !== PAGE)
      throw new Error(`unexpected answer ${res.status}: ${JSON.stringify(json).slice(0, 300)}`);
  };
  const full = () =>
    call(`${service.url}/graphql`, { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.tenantId });
  // The baselines are sent the same request, token and tenant header included (they ignore
  // them), so the ratios compare what each server does with the same bytes.
  const same = { authorization: `Bearer ${token}`, 'x-tenant-id': tenant.tenantId };
  const plain = () => call(`http://127.0.0.1:${bare!.port}/graphql`, same);
  const cached = () => call(`http://127.0.0.1:${bare!.port}/prevalidated`, same);

  // Warm every path (JIT, connection pool, caches), then measure them in turn, round after
  // round: each ratio is taken within one round, and the median round is reported, so a burst
  // of other work on the machine moves one round, not the figure.
  await rate(REQUESTS / 4, CONCURRENCY, plain);
  await rate(REQUESTS / 4, CONCURRENCY, cached);
  await rate(REQUESTS / 4, CONCURRENCY, full);
  const rounds: Array<{ bare: number; cached: number; full: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    rounds.push({
      bare: await rate(REQUESTS, CONCURRENCY, plain),
      cached: await rate(REQUESTS, CONCURRENCY, cached),
      full: await rate(REQUESTS, CONCURRENCY, full),
    });
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const bareRate = median(rounds.map((r) => r.bare));
  const cachedRate = median(rounds.map((r) => r.cached));
  const fullRate = median(rounds.map((r) => r.full));
  const vsBare = median(rounds.map((r) => r.full / r.bare));
  const vsPrevalidated = median(rounds.map((r) => r.full / r.cached));
  const extra = {
    machine,
    database: 'postgres',
    operation: 'incident-sync/IncidentSyncPage',
    page: PAGE,
    concurrency: CONCURRENCY,
  };
  figure('graphql', 'bare_handler_per_s', bareRate, '1/s', extra);
  figure('graphql', 'bare_prevalidated_per_s', cachedRate, '1/s', extra);
  figure('graphql', 'full_stack_per_s', fullRate, '1/s', extra);
  figure('graphql', 'full_stack_vs_bare', vsBare, 'x', { rounds: ROUNDS });
  figure('graphql', 'full_stack_vs_prevalidated', vsPrevalidated, 'x', { rounds: ROUNDS });
} finally {
  bare?.stop(true);
  await service.stop();
  await pg.drop();
}
