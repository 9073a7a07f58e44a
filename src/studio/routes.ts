// The studio: every machine drawn from its definition, a webhook's deliveries followed live,
// recent authorization sessions, and the transition journal of any instance the tenant owns.
// Tenant administrators only (studio sign-in or admin token); the page itself holds no data.
// Each route's schemas and documentation are in routeOptions(); the router below only names
// the handler of each.
import { answers, refusals } from '../docs/responses.ts';
import type { ReadRouting } from '../db/read-replica.ts';
import { t } from 'elysia';
import type { AnyStateMachine } from 'xstate';
import type { Queryable } from '../db/index.ts';
import { router } from '../http/router.ts';
import { notFound } from '../errors.ts';
import type { Authenticator } from '../http/auth.ts';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import type { TokenService } from '../oauth/tokens/service.ts';
import type { TenantService } from '../identity/tenants/service.ts';
import type { SignInLimits } from '../identity/sign-in-limits.ts';
import type { WebhookService } from '../webhooks/service.ts';
import type { AuthorizationService } from '../oauth/authorize/service.ts';
import type { AppService } from '../identity/apps/service.ts';
import { allStates, humanDelay, machineModel, namedParts, retrySchedule } from './model.ts';
import { machineSvg } from './svg.ts';
import { studioModules, studioPage, zoomScript } from './page.ts';
import { scriptAnswer } from '../http/static-script.ts';
import { StudioAccess, type StudioAdmin } from './access.ts';
import { journalEntry, studioStore } from './store.ts';
import { journalEvents, startSeq } from './feed.ts';
import { studioLiveRoutes } from './live.ts';
import { consoleRoutes } from './console.ts';
import { InstanceJournal, MachineDefinition, MachineList, StudioSession, StudioSignIn } from './schemas.ts';
import type { EventService } from '../events/service.ts';
import type { Clock } from '../actors/clock.ts';

const tags = ['Studio'];
// A small statechart: two states and a transition (browsers ask for /favicon.ico on every page).
const FAVICON =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#0b5cad"/><rect x="4" y="9" width="9" height="14" rx="3" fill="#fff"/><rect x="19" y="9" width="9" height="14" rx="3" fill="#fff"/><path d="M13 16h5" stroke="#fff" stroke-width="2"/></svg>';
const Name = t.Object({ name: t.String({ maxLength: 100 }) });
const Instance = t.Object({ name: t.String({ maxLength: 100 }), id: t.String({ maxLength: 100 }) });
const SignIn = t.Object({
  tenant: t.String({ minLength: 1, maxLength: 200 }),
  email: t.String({ minLength: 3, maxLength: 320 }),
  password: t.String({ minLength: 1, maxLength: 1000 }),
});
const read = 'read' as const;
/** A script's version, as the page names it (any other is served too, checked again on every load). */
const ScriptVersion = t.Object({ v: t.Optional(t.String({ maxLength: 64 })) });
type Headers = { headers: Record<string, string | number> };
type Machines = Map<string, AnyStateMachine>;

export interface StudioDeps {
  auth: Authenticator;
  tokens: TokenService;
  tenants: TenantService;
  signIns: SignInLimits;
  /** Where the studio's pages and feeds read (a fresh standby, or db). */
  reads: ReadRouting;
  log: Logger;
  config: Pick<
    Config,
    | 'adminTokenTtlSeconds'
    | 'publicUrl'
    | 'leaseMs'
    | 'webhookEndpointConcurrency'
    | 'webhookRetrySchedule'
    | 'webhookTimeoutMs'
  >;
  events: EventService;
  actors: { clock: Clock };
  webhooks: WebhookService;
  authorization: AuthorizationService;
  apps: AppService;
  machines: Map<string, AnyStateMachine>;
}

/** Lines under a drawing: its named delays and guards, and its retry schedule if it has one. */
export function machineNotes(m: AnyStateMachine): string[] {
  const parts = namedParts(m);
  const notes: string[] = [];
  if (parts.delays.length) notes.push(`Named delays: ${parts.delays.join(', ')}`);
  if (parts.guards.length) notes.push(`Guards: ${parts.guards.join(', ')}`);
  const schedule = retrySchedule(m);
  if (schedule) {
    const jitter = schedule.jitter_ratio ? ` (each ±${Math.round(schedule.jitter_ratio * 100)} %)` : '';
    notes.push(
      `Retry schedule, "${schedule.delay}" before each attempt: ${schedule.attempts_ms.map((ms, i) => `#${i + 1} ${humanDelay(ms)}`).join(', ')}${jitter}`,
    );
  }
  return notes;
}

/** A machine by name; a 404 when the product has none of that name. */
function machineNamed(machines: Machines, name: string): AnyStateMachine {
  const m = machines.get(name);
  if (!m) throw notFound(`machine ${name}`);
  return m;
}

/** The page, naming each script by its version. */
async function studioHome() {
  const [studio, zoom] = await Promise.all([studioModules(), zoomScript()]);
  return studioPage({ studio: studio.version, zoom: zoom.version });
}

/** One of the studio's modules, by file name (a 404 for any other name). */
async function studioModule(request: Request, file: string, version: string | undefined, set: Headers) {
  const module = (await studioModules()).modules.get(file);
  if (!module) throw notFound(`studio module ${file}`);
  return scriptAnswer(request, version, set, async () => module);
}

/** Checks the administrator's password and sets the session cookie; answers the session. */
async function signIn(access: StudioAccess, request: Request, body: typeof SignIn.static, set: Headers) {
  const { cookie, session } = await access.signIn(request, body);
  set.headers['set-cookie'] = cookie;
  set.headers['cache-control'] = 'no-store';
  return session;
}

/** Who the studio is open for: the tenant, the administrator, and the session's CSRF token. */
async function whoIsIn(tenants: TenantService, access: StudioAccess, p: StudioAdmin, request: Request) {
  const tenant = await tenants.tenant(p.tenantId);
  // The page sends csrf_token back (x-studio-csrf) with every change it asks for.
  return {
    tenant_id: p.tenantId,
    tenant_name: tenant?.name ?? null,
    subject: p.subject,
    via: p.via,
    expires_at: p.expiresAt.toISOString(),
    csrf_token: access.csrfToken(request),
  };
}

/** Every machine with its states, its named parts and its retry schedule. */
function machineList(machines: Machines) {
  return {
    machines: [...machines.values()].map((m) => ({
      name: m.id,
      states: allStates(machineModel(m)).map((s) => s.path.join('.')),
      ...namedParts(m),
      retry_schedule: retrySchedule(m),
    })),
  };
}

/** A machine drawn as a statechart, with its notes. */
function diagram(machines: Machines, name: string, set: Headers) {
  const m = machineNamed(machines, name);
  set.headers['content-type'] = 'image/svg+xml';
  return machineSvg(name, machineModel(m), machineNotes(m));
}

/** An instance's transitions, oldest first; a 404 for another tenant's instance or none. */
async function instanceJournal(
  machines: Machines,
  p: StudioAdmin,
  reads: Queryable,
  params: { name: string; id: string },
) {
  machineNamed(machines, params.name);
  const rows = await studioStore.instance(reads, p.tenantId, params.name, params.id, 0);
  if (rows.length === 0) throw notFound(`${params.name} ${params.id}`);
  return { transitions: rows.map(journalEntry) };
}

/** An instance's transitions as server-sent events, while the reader is still an administrator. */
async function instanceStream(
  deps: StudioDeps,
  access: StudioAccess,
  p: StudioAdmin,
  reads: Queryable,
  request: Request,
  params: { name: string; id: string },
) {
  machineNamed(deps.machines, params.name);
  // Another tenant's instance (or none) is a 404, as everywhere.
  if ((await studioStore.instance(reads, p.tenantId, params.name, params.id, 0, 1)).length === 0)
    throw notFound(`${params.name} ${params.id}`);
  // From the start of the instance's journal unless the client says where it stopped.
  const start = request.headers.has('last-event-id') ? startSeq(request, await studioStore.lastSeq(reads)) : 0;
  return journalEvents(
    request,
    start,
    {
      read: (after, skip, limit) => studioStore.instance(reads, p.tenantId, params.name, params.id, after, limit, skip),
      lastSeq: () => studioStore.lastSeq(reads),
    },
    { log: deps.log, stillAllowed: () => access.stillAdmin(request), sourceLagMs: deps.reads.maxLagMs },
  );
}

/** The icon, an SVG cached for a day. */
function favicon(set: Headers): string {
  set.headers['content-type'] = 'image/svg+xml';
  set.headers['cache-control'] = 'public, max-age=86400';
  return FAVICON;
}

/**
 * Each route's options: made afresh for every router, because Elysia adds the macro's hooks
 * (the studio guard of that service) to the object it is given.
 */
const routeOptions = () => ({
  page: {
    detail: {
      summary: 'The studio page (HTML)',
      tags,
      security: [],
      responses: answers(200, 'The page', 'text/html'),
    },
  },
  script: {
    params: t.Object({ file: t.String({ maxLength: 100, examples: ['main.js'] }) }),
    query: ScriptVersion,
    detail: {
      summary: "One of the studio script's modules (main.js imports the others)",
      tags,
      security: [],
      responses: answers(200, 'The script', 'text/javascript'),
    },
  },
  zoom: {
    query: ScriptVersion,
    detail: {
      summary: "The studio drawings' zoom and pan script",
      tags,
      security: [],
      responses: answers(200, 'The script', 'text/javascript'),
    },
  },
  signIn: {
    body: SignIn,
    detail: {
      summary: 'Sign in to the studio as a tenant administrator (sets an HttpOnly session cookie)',
      tags,
      security: [],
      responses: {
        ...answers(200, 'Signed in: the session cookie is set', StudioSignIn),
        ...refusals('invalid_credentials', 'invalid_origin', 'insufficient_scope'),
      },
    },
  },
  session: {
    studio: read,
    detail: {
      summary: 'Who the studio is open for',
      tags,
      responses: answers(200, 'The tenant, the administrator and the CSRF token', StudioSession),
    },
  },
  signOut: {
    detail: {
      summary: 'Sign out of the studio (revokes the session)',
      tags,
      responses: answers(204, 'Signed out'),
    },
  },
  machines: {
    studio: read,
    detail: {
      summary: 'Every machine of the product',
      tags,
      responses: answers(200, 'Each machine with its states and named parts', MachineList),
    },
  },
  machine: {
    studio: read,
    params: Name,
    detail: {
      summary: 'A machine definition as XState JSON',
      tags,
      responses: answers(200, 'The definition', MachineDefinition),
    },
  },
  diagram: {
    studio: read,
    params: Name,
    detail: {
      summary: 'A machine drawn as a statechart (SVG)',
      tags,
      responses: answers(200, 'The drawing', 'image/svg+xml'),
    },
  },
  journal: {
    studio: read,
    params: Instance,
    detail: {
      summary: "An instance's path through its machine",
      tags,
      responses: answers(200, 'Its transitions, oldest first', InstanceJournal),
    },
  },
  stream: {
    studio: read,
    params: Instance,
    detail: {
      summary: "An instance's transitions, live (server-sent events)",
      tags,
      responses: answers(
        200,
        'Events: ready ({"seq"}), then a transition (a journal entry, id its seq) for each; error before it ends',
        'text/event-stream',
      ),
    },
  },
  favicon: {
    detail: {
      summary: "The service's icon",
      tags,
      security: [],
      responses: answers(200, 'The icon (SVG)', 'image/svg+xml'),
    },
  },
});

export function studioRoutes(deps: StudioDeps) {
  const { machines } = deps;
  const access = new StudioAccess({
    auth: deps.auth,
    tokens: deps.tokens,
    tenants: deps.tenants,
    signIns: deps.signIns,
    ttlSeconds: deps.config.adminTokenTtlSeconds,
    publicUrl: deps.config.publicUrl,
    reads: deps.reads,
  });
  const route = routeOptions();
  const M = '/v1/machines/:name';
  return (
    router('studio')
      .use(access.guard)
      .get('/studio', () => studioHome(), route.page)
      .get(
        '/studio/js/:file',
        ({ request, params, query, set }) => studioModule(request, params.file, query.v, set),
        route.script,
      )
      .get('/studio/zoom.js', ({ request, query, set }) => scriptAnswer(request, query.v, set, zoomScript), route.zoom)
      .post('/v1/studio/session', async ({ request, body, set }) => signIn(access, request, body, set), route.signIn)
      .get(
        '/v1/studio/session',
        async ({ admin: p, request }) => whoIsIn(deps.tenants, access, p, request),
        route.session,
      )
      .delete(
        '/v1/studio/session',
        async ({ request, set }) => {
          set.headers['set-cookie'] = await access.signOut(request);
          set.status = 204;
          return '';
        },
        route.signOut,
      )
      .get('/v1/machines', async () => machineList(machines), route.machines)
      // XState's own JSON form of the definition, loadable by XState tooling.
      .get(M, async ({ params }) => machineNamed(machines, params.name).toJSON(), route.machine)
      .get(`${M}/diagram.svg`, async ({ params, set }) => diagram(machines, params.name, set), route.diagram)
      .get(
        `${M}/instances/:id/journal`,
        async ({ admin: p, reads, params }) => instanceJournal(machines, p, reads, params),
        route.journal,
      )
      .get(
        `${M}/instances/:id/stream`,
        async ({ admin: p, reads, request, params }) => instanceStream(deps, access, p, reads, request, params),
        route.stream,
      )
      .get('/favicon.ico', ({ set }) => favicon(set), route.favicon)
      .use(studioLiveRoutes(deps, access))
      .use(consoleRoutes({ ...deps, clock: deps.actors.clock }, access))
  );
}
