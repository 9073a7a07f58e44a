// The machine-readable contract at /api/docs: OpenAPI 3.1 generated from the routes' own
// TypeBox schemas (never written by hand), completed with what the generator cannot know:
// security, the error envelope and every status a route can answer.
import { isErrorCode } from '../errors.ts';
import { toOpenAPISchema } from '@elysiajs/openapi';
import { OptionalKind } from '@sinclair/typebox';
import type { AnyElysia } from 'elysia';
import { SCOPE_CATALOG } from '../identity/scopes.ts';
import { STUDIO_COOKIE } from '../studio/access.ts';
import { eventDocs } from '../events/schemas.ts';
import { operationId } from './operation-ids.ts';

type Json = Record<string, unknown>;
type Operation = Json & {
  security?: unknown[];
  parameters?: Array<{ in: string }>;
  requestBody?: { content?: Json };
  responses?: Json;
  tags?: string[];
};

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** Routes that take form bodies as well as JSON (OAuth endpoints, the request form). */
const FORM_PATHS = [/^\/v1\/oauth\//, /^\/v1\/integration-requests$/];
/** POST routes limited per client or address (429 with Retry-After); the authorization page is, on GET too. */
const RATE_LIMITED = [...FORM_PATHS, /^\/v1\/studio\/session$/];
/** Endpoints that authenticate the client (its secret, private_key_jwt or client_id): 401 invalid_client. */
const CLIENT_AUTHENTICATED = [/^\/v1\/oauth\/(token|par|revoke|introspect)$/];
/** Pages a browser is shown: their refusals are pages too (a JSON client of the form gets the envelope). */
const BROWSER_PAGES = [/^\/v1\/oauth\/authorize(\/login|\/consent)?$/, /^\/v1\/integration-requests$/];
/** The studio's routes also take its sign-in cookie in place of a bearer token. */
const STUDIO_PATHS = [/^\/v1\/machines/, /^\/v1\/studio\/(?!session$)/];
/** Routes that are not part of the product's API (human pages, the docs themselves). */
export const UNDOCUMENTED = [/^\/docs$/, /^\/api\/docs$/];

const ERROR = { $ref: '#/components/schemas/Error' };
const errorResponse = (description: string) => ({ description, content: { 'application/json': { schema: ERROR } } });
const HTML_PAGE = { 'text/html': { schema: { type: 'string' } } };

function statusesFor(path: string, method: string, op: Operation): Json {
  const out: Json = {};
  const hasBody = !!op.requestBody;
  const hasParams = (op.parameters ?? []).some((p) => p.in === 'path');
  const reviewed = (op.tags ?? []).includes('Available on request');
  if (reviewed)
    return {
      400: errorResponse('invalid_request: a body or header that cannot be read'),
      403: errorResponse('reviewed_access_required: this capability needs reviewed access (see request_access_url)'),
      413: errorResponse('payload_too_large: the body exceeds MAX_BODY_BYTES'),
      415: errorResponse('unsupported_media_type: a body must be application/json'),
      431: errorResponse('request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES'),
    };
  // Any request may carry a body (or headers) the service refuses before the route runs.
  out[400] = errorResponse(
    hasBody || (op.parameters ?? []).length
      ? 'invalid_request (the field is named), invalid_scope, or an OAuth error code'
      : 'invalid_request: a body or header that cannot be read',
  );
  if (op.security === undefined || (Array.isArray(op.security) && op.security.length > 0)) {
    out[401] = errorResponse('missing, malformed, expired or revoked bearer token (with WWW-Authenticate)');
    out[403] = errorResponse('insufficient_scope: the token lacks the scope or role this route needs');
  }
  if (CLIENT_AUTHENTICATED.some((r) => r.test(path)))
    out[401] = errorResponse('invalid_client (with WWW-Authenticate when Basic was used)');
  if (hasParams)
    out[404] = errorResponse("not_found: no such resource for this tenant (another tenant's ids answer 404 too)");
  out[405] = errorResponse('method_not_allowed (with Allow)');
  out[413] = errorResponse('payload_too_large: the body exceeds MAX_BODY_BYTES');
  out[415] = errorResponse('unsupported_media_type: a body must be application/json');
  out[431] = errorResponse('request_header_fields_too_large: the request line and headers exceed MAX_HEADER_BYTES');
  if ((method === 'post' && RATE_LIMITED.some((r) => r.test(path))) || path === '/v1/oauth/authorize')
    out[429] = errorResponse('rate_limited (with Retry-After)');
  if (BROWSER_PAGES.some((r) => r.test(path)))
    for (const code of [400, 429] as const)
      if (out[code]) {
        const answer = out[code] as { description: string; content: Json };
        out[code] = {
          description: `${answer.description}; to a browser, a page saying so`,
          content: { ...answer.content, ...HTML_PAGE },
        };
      }
  out[500] = errorResponse('server_error: a bug; quote the x-request-id');
  out[503] = errorResponse(
    'temporarily_unavailable: the database is unavailable, or the request collided with concurrent work; retry after Retry-After (with the same Idempotency-Key when publishing)',
  );
  return out;
}

/** An answer refusals() wrote: "code: when; code: when", codes of the catalogue. */
const isRefusal = (description: string) => isErrorCode(description.split(':', 1)[0]!);

const oauthScopes = Object.fromEntries(SCOPE_CATALOG.map((s) => [s.name, s.description]));

export function buildOpenApi(app: AnyElysia, publicUrl: string): Json {
  const generated = toOpenAPISchema(app, { paths: UNDOCUMENTED, staticFile: false }) as {
    paths: Record<string, Record<string, Operation>>;
    components: { schemas: Json };
  };
  // The generator leaves a body's content empty when the app parses bodies itself (it does:
  // src/http/body.ts); the route's own schema says what a valid one holds.
  const bodies = new Map<string, { schema: Json; optional: boolean }>();
  for (const r of app.routes as unknown as Array<{ method: string; path: string; hooks?: { body?: object } }>) {
    const body = r.hooks?.body;
    if (body && typeof body === 'object') {
      bodies.set(`${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`, {
        schema: JSON.parse(JSON.stringify(body)) as Json,
        optional: OptionalKind in body,
      });
    }
  }
  const paths: Record<string, Record<string, Operation>> = {};
  for (const [path, item] of Object.entries(generated.paths)) {
    if (UNDOCUMENTED.some((r) => r.test(path))) continue;
    const out: Record<string, Operation> = {};
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      const body = op.requestBody as { content?: Record<string, { schema?: unknown }> } | undefined;
      if (body) {
        const declared = bodies.get(`${method} ${path}`);
        const schema = Object.values(body.content ?? {})[0]?.schema ??
          (body as Json).schema ??
          declared?.schema ?? { type: 'object' };
        const content: Json = { 'application/json': { schema } };
        if (FORM_PATHS.some((r) => r.test(path))) content['application/x-www-form-urlencoded'] = { schema };
        op.requestBody = { ...body, content, ...(declared?.optional ? { required: false } : {}) };
      }
      const success = Object.entries(op.responses ?? {}).filter(([code]) => code.startsWith('2'));
      // Every route says what it answers (answers() in src/docs/responses.ts); only reviewed-access
      // routes (403 until granted) and redirect-only routes have no success body.
      const reviewed = (op.tags ?? []).includes('Available on request');
      const redirects = Object.keys(op.responses ?? {}).some((code) => code.startsWith('3'));
      if (!success.length && !reviewed && !redirects)
        throw new Error(
          `${method.toUpperCase()} ${path} declares no success answer: add detail.responses: answers(…) (src/docs/responses.ts)`,
        );
      const ok = Object.fromEntries(success);
      const id = operationId(method, path);
      if (!id)
        throw new Error(`no operation id for ${method.toUpperCase()} ${path}: add it to src/docs/operation-ids.ts`);
      op.operationId = id;
      // A route that documents an error status itself (e.g. /graphql's 400 and 406) says it best.
      const documented = Object.fromEntries(
        Object.entries(op.responses ?? {}).filter(([code]) => !code.startsWith('2')),
      );
      // A route's own refusals (refusals() in src/docs/responses.ts) join the generic ones of the same status.
      const generic = statusesFor(path, method, op) as Record<string, { description: string; content?: Json }>;
      for (const [code, answer] of Object.entries(documented) as Array<[string, { description: string }]>)
        if (generic[code] && isRefusal(answer.description))
          documented[code] = {
            ...generic[code],
            ...answer,
            description: `${generic[code]!.description}; ${answer.description}`,
          };
      out[method] = { ...op, responses: { ...ok, ...generic, ...documented } };
      if (op.security === undefined && STUDIO_PATHS.some((r) => r.test(path)))
        out[method].security = [{ bearer: [] }, { studioSession: [] }];
      if (out[method].tags === undefined) out[method].tags = ['Operations'];
    }
    if (Object.keys(out).length) paths[path] = out;
  }
  // What receivers get: one webhook per event type, its data schema among the components.
  const events = eventDocs();
  const tags = [
    ...new Set(Object.values(paths).flatMap((item) => Object.values(item).flatMap((op) => op.tags ?? []))),
  ].sort();
  return {
    openapi: '3.1.0',
    info: {
      title: 'Argus Integrations public API',
      version: '1.0.0',
      description:
        'The stable external integration contract: app registration, OAuth and service tokens, JWKS, webhooks and the GraphQL transport. Capabilities behind reviewed access are listed as "available on request", without detail.',
      license: { name: 'Proprietary', identifier: 'LicenseRef-Proprietary' },
    },
    servers: [{ url: publicUrl }],
    security: [{ bearer: [] }, { oauth: [] }],
    tags: tags.map((name) => ({ name, description: name })),
    paths,
    webhooks: events.webhooks,
    components: {
      schemas: {
        ...generated.components.schemas,
        ...events.schemas,
        Error: {
          type: 'object',
          required: ['error', 'error_description'],
          properties: {
            error: {
              type: 'string',
              description: 'A stable, machine-readable code (OAuth style)',
              examples: ['invalid_request'],
            },
            error_description: {
              type: 'string',
              description: 'What went wrong, for people; validation errors name the field',
            },
          },
          additionalProperties: true,
        },
      },
      securitySchemes: {
        studioSession: {
          type: 'apiKey',
          in: 'cookie',
          name: STUDIO_COOKIE,
          description:
            'The studio sign-in cookie (POST /v1/studio/session): HttpOnly, SameSite=Strict, a short-lived admin token',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'An access token from /v1/oauth/token, a service token, or an admin token from argus bootstrap',
        },
        oauth: {
          type: 'oauth2',
          flows: {
            authorizationCode: {
              authorizationUrl: `${publicUrl}/v1/oauth/authorize`,
              tokenUrl: `${publicUrl}/v1/oauth/token`,
              scopes: oauthScopes,
            },
            clientCredentials: { tokenUrl: `${publicUrl}/v1/oauth/token`, scopes: oauthScopes },
          },
        },
      },
    },
  };
}
