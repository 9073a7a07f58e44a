// "Contratto di trasporto GraphQL" of the public contract: POST /graphql (and GET for
// queries), and the list of operations an app may run. Only the transport is documented:
// headers, body, envelope and statuses; never the schema.
import { t } from 'elysia';
import { answers } from '../docs/responses.ts';
import { router } from '../http/router.ts';
import type { Authenticator } from '../http/auth.ts';
import { requestInfo } from '../http/request-info.ts';
import { GRAPHQL_SCOPE, type GraphqlService } from './service.ts';
import type { GraphqlHttpRequest } from './transport.ts';

const tags = ['GraphQL transport'];
const ClientId = t.Object({ client_id: t.String({ maxLength: 100, examples: ['app_123'] }) });

/** An approved operation as GET /v1/platform/apps/{client_id}/graphql-operations lists it (operationView). */
const ApprovedOperationView = t.Object({
  bundle: t.String({ description: 'the granted bundle it belongs to' }),
  name: t.Union([t.String(), t.Null()], { description: 'the operation name; null for an anonymous operation' }),
  type: t.Union([t.Literal('query'), t.Literal('mutation')]),
  id: t.String({
    description: 'sha256:<hex> of document: what documentId and persistedQuery.sha256Hash name',
  }),
  sha256: t.String({ description: 'the hex digest alone' }),
  document: t.String({ description: 'the normalised document: the operation, then the fragments it uses' }),
});
const AppOperations = t.Object({
  client_id: t.String({ examples: ['app_123'] }),
  bundles: t.Array(t.String(), {
    description: "the app's granted bundles (governance graphql_bundles) that exist, sorted",
  }),
  operations: t.Array(ApprovedOperationView),
  next_cursor: t.Union([t.String(), t.Null()], {
    description: 'null: every operation is in this answer (the list is not paged today)',
  }),
});

const GraphqlResult = {
  type: 'object',
  description:
    'A GraphQL response: `data` for your approved operation, `errors` (each with `message` and `extensions.code`) when something failed',
  properties: {
    data: { type: ['object', 'null'], additionalProperties: true },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['message'],
        properties: {
          message: { type: 'string' },
          extensions: {
            type: 'object',
            properties: { code: { type: 'string', examples: ['OPERATION_NOT_APPROVED'] } },
            additionalProperties: true,
          },
        },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
};
const ERROR = { $ref: '#/components/schemas/Error' };
const resultContent = {
  'application/graphql-response+json': { schema: GraphqlResult },
  'application/json': { schema: GraphqlResult },
};
const TENANT = {
  name: 'X-Tenant-ID',
  in: 'header',
  required: true,
  description: 'Your tenant id; must be the tenant of the access token',
  schema: { type: 'string', examples: ['ten_123'] },
};
const ACCEPT = {
  name: 'Accept',
  in: 'header',
  required: false,
  description: 'application/graphql-response+json (errors then use 4xx statuses) or application/json (the default)',
  schema: { type: 'string' },
};

const responses = {
  200: {
    description: 'The operation ran (application/json: also request errors, in `errors`)',
    content: resultContent,
  },
  400: {
    description:
      'A request that is not well-formed GraphQL-over-HTTP (no query, variables not an object, a bad GET parameter), in `errors` with extensions.code BAD_REQUEST or INVALID_VARIABLES; with application/graphql-response+json also a refused document (not approved, introspection, depth or cost limit) or invalid variables. Refusals before GraphQL is read are in the error envelope (X-Tenant-ID missing; a body that is not JSON, not an object, nested deeper than MAX_JSON_DEPTH, or holding a NUL character, in variables too)',
    content: {
      'application/graphql-response+json': { schema: GraphqlResult },
      'application/json': { schema: { anyOf: [ERROR, GraphqlResult] } },
    },
  },
  401: {
    description: 'missing, malformed, expired or revoked bearer token (with WWW-Authenticate)',
    content: { 'application/json': { schema: ERROR } },
  },
  403: {
    description:
      "insufficient_scope (the token lacks the graphql scope) or tenant_mismatch (X-Tenant-ID is not the token's tenant)",
    content: { 'application/json': { schema: ERROR } },
  },
  405: {
    description:
      'A mutation over GET (in `errors`, with Allow: POST), or a method other than GET and POST (method_not_allowed, in the error envelope)',
    content: {
      'application/graphql-response+json': { schema: GraphqlResult },
      'application/json': { schema: { anyOf: [ERROR, GraphqlResult] } },
    },
  },
  406: {
    description: 'not_acceptable: Accept names neither application/graphql-response+json nor application/json',
    content: { 'application/json': { schema: ERROR } },
  },
};

const requestBody = {
  required: true,
  content: {
    'application/json': {
      schema: {
        type: 'object',
        properties: {
          query: {
            type: 'string',
            description: 'An approved GraphQL document (whitespace and comments do not matter)',
          },
          variables: { type: ['object', 'null'], additionalProperties: true },
          operationName: { type: ['string', 'null'] },
          documentId: {
            type: 'string',
            description: 'Instead of query: the id of an approved operation (sha256:<hex>)',
          },
          extensions: {
            type: ['object', 'null'],
            description: 'persistedQuery.sha256Hash may name an approved operation instead of query',
            additionalProperties: true,
          },
        },
        additionalProperties: true,
        examples: [{ query: '<approved GraphQL document>', variables: {} }],
      },
    },
  },
};

/** OpenAPI 3.1 fields (type arrays, header parameters) that Elysia's 3.0 typing does not know. */
const openapi = (detail: { summary: string; tags: string[] } & Record<string, unknown>) =>
  detail as { summary: string; tags: string[] };

const httpRequest = (request: Request, body: unknown): GraphqlHttpRequest => ({
  method: request.method,
  url: request.url,
  headers: request.headers,
  body,
});

export function graphqlRoutes(deps: { auth: Authenticator; graphql: GraphqlService }) {
  const { auth, graphql } = deps;
  return router('graphql')
    .use(auth.guard)
    .post(
      '/graphql',
      ({ principal, request, body }) => graphql.execute(principal, httpRequest(request, body), requestInfo(request).id),
      {
        auth: { scopes: [GRAPHQL_SCOPE] },
        detail: openapi({
          summary: 'Use the shared GraphQL transport',
          description:
            'Runs one of the operations approved for your app (its curated bundles). Needs a bearer token with the graphql scope and X-Tenant-ID. Introspection is disabled; anything but an approved operation is refused with errors[].extensions.code = OPERATION_NOT_APPROVED.',
          tags,
          parameters: [TENANT, ACCEPT],
          requestBody,
          responses,
        }),
      },
    )
    .get(
      '/graphql',
      ({ principal, request }) => graphql.execute(principal, httpRequest(request, undefined), requestInfo(request).id),
      {
        auth: { scopes: [GRAPHQL_SCOPE] },
        detail: openapi({
          summary: 'Run an approved query over GET',
          description:
            'Queries only (a mutation over GET answers 405 with errors[].extensions.code METHOD_NOT_ALLOWED and Allow: POST). Same headers and answers as POST.',
          tags,
          parameters: [
            TENANT,
            ACCEPT,
            {
              name: 'query',
              in: 'query',
              required: false,
              description: 'An approved GraphQL document',
              schema: { type: 'string' },
            },
            {
              name: 'documentId',
              in: 'query',
              required: false,
              description: 'Instead of query: the id of an approved operation',
              schema: { type: 'string' },
            },
            { name: 'variables', in: 'query', required: false, description: 'JSON object', schema: { type: 'string' } },
            { name: 'operationName', in: 'query', required: false, schema: { type: 'string' } },
            {
              name: 'extensions',
              in: 'query',
              required: false,
              description: 'JSON object',
              schema: { type: 'string' },
            },
          ],
          responses,
        }),
      },
    )
    .get(
      '/v1/platform/apps/:client_id/graphql-operations',
      ({ principal, params }) => graphql.operations(principal, params.client_id),
      {
        auth: 'token',
        params: ClientId,
        detail: {
          summary: 'The GraphQL operations an app may run',
          description:
            "Names, ids and documents of the operations in the bundles granted to the app (governance graphql_bundles), so a build can pin them. A tenant administrator token, or the app's own token with the graphql scope.",
          tags,
          responses: answers(200, 'The operations the app may run', AppOperations),
        },
      },
    );
}
