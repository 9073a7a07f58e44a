// POST (and GET, for queries) /graphql through graphql-http's handler, so the media types
// and status codes are the GraphQL-over-HTTP spec's. Before anything executes, a document
// must be one of the caller's approved operations: sent as text (matched on its normalised
// hash) or named by documentId / extensions.persistedQuery.sha256Hash. Introspection, depth
// and cost are checked first, so those refusals are explicit; none of them names the schema.
import { realTime } from '../actors/clock.ts';
import { GraphQLError, parse, type DocumentNode, type ExecutionResult, type GraphQLSchema } from 'graphql';
import {
  createHandler,
  parseRequestParams,
  type Handler,
  type Request as HttpRequest,
  type RequestParams,
  type Response as HttpResponse,
} from 'graphql-http';
import { createHash } from 'node:crypto';
import { ApiError, apiError, type ErrorCode, type GraphqlErrorCode } from '../errors.ts';
import { nulPath } from '../input/nul-path.ts';
import { DEFAULT_MAX_JSON_DEPTH, jsonTextProblem } from '../input/json-text.ts';
import { ExpiringCache } from '../expiring-cache.ts';
import { isDatabaseUnavailable } from '../db/db.ts';
import type { Logger } from '../log.ts';
import type { Counter, Metrics } from '../metrics.ts';
import type { Principal } from '../identity/principal.ts';
import { documentHash, normalise, type ApprovedOperation, type BundleRegistry } from './bundles.ts';
import { LIMITS, documentCost, documentDepth, pageVariables, usesIntrospection } from './limits.ts';
import type { GraphqlContext } from './schema.ts';

/** Who is calling, settled by the HTTP layer before the transport runs. */
export interface Caller {
  principal: Principal;
  bundles: readonly string[];
  requestId: string;
}

/**
 * A request that is not a well-formed GraphQL-over-HTTP request. A plain Error, not a
 * GraphQLError, so graphql-http answers it 400 under either media type, as the spec says.
 */
class RequestParamsError extends Error {
  constructor(
    message: string,
    readonly code: GraphqlErrorCode,
  ) {
    super(message);
  }
}

/** graphql-http's own words for a malformed request, as the service says them, with their code. */
const REQUEST_ERRORS: Record<string, [string, GraphqlErrorCode]> = {
  'Missing query': [
    'query: is required (an approved GraphQL document), or name the operation with documentId',
    'BAD_REQUEST',
  ],
  'Invalid query': ['query: must be a string', 'BAD_REQUEST'],
  'Invalid variables': ['variables: must be a JSON object', 'INVALID_VARIABLES'],
  'Invalid operationName': ['operationName: must be a string', 'BAD_REQUEST'],
  'Invalid extensions': ['extensions: must be a JSON object', 'BAD_REQUEST'],
  'Unparsable URL': ['the URL parameters are not valid: variables and extensions must be JSON objects', 'BAD_REQUEST'],
  'Unparsable JSON body': ['the request body is not valid JSON', 'BAD_REQUEST'],
  'JSON body must be an object': ['body: must be a JSON object', 'BAD_REQUEST'],
  'Missing body': ['a POST needs a JSON body: {"query", "variables", "operationName"}', 'BAD_REQUEST'],
  'Unable to detect operation AST': ['operationName: names no operation of the document', 'BAD_REQUEST'],
  'Subscriptions are not supported': ['subscriptions are not supported', 'BAD_REQUEST'],
};

/** Every error of the transport leaves with a stable extensions.code (and no schema hints). */
export function formatTransportError(error: Error): GraphQLError {
  const known = REQUEST_ERRORS[error.message];
  if (error instanceof RequestParamsError) return new GraphQLError(error.message, { extensions: { code: error.code } });
  if (error instanceof GraphQLError) {
    const code =
      typeof error.extensions?.code === 'string'
        ? error.extensions.code
        : known
          ? known[1]
          : error.message.startsWith('Variable "$')
            ? 'INVALID_VARIABLES'
            : 'BAD_REQUEST';
    return new GraphQLError(known ? known[0] : withoutSuggestions(error.message), {
      nodes: error.nodes,
      path: error.path,
      extensions: { ...error.extensions, code },
    });
  }
  return new GraphQLError(known ? known[0] : withoutSuggestions(error.message), {
    extensions: { code: known ? known[1] : 'BAD_REQUEST' },
  });
}

const refusal = (message: string, code: GraphqlErrorCode) => new GraphQLError(message, { extensions: { code } });
const notApproved = () =>
  refusal(
    'this document is not one of the operations approved for this app; run only the operations listed at GET /v1/platform/apps/{client_id}/graphql-operations',
    'OPERATION_NOT_APPROVED',
  );

/** graphql-js adds "Did you mean …?" hints that would name the schema's types and fields. */
export function withoutSuggestions(message: string): string {
  return message.replace(/\s*Did you mean [^?]*\?/g, '');
}

const GRAPHQL_RESPONSE = 'application/graphql-response+json';

/** The media type graphql-http will answer with (same reading of Accept as its handler). */
function answersGraphqlResponse(accept: string | null): boolean {
  for (const item of (accept || '*/*').replace(/\s/g, '').toLowerCase().split(',')) {
    const [type, ...params] = item.split(';');
    const charset = params.find((p) => p.includes('charset=')) || 'charset=utf-8';
    if (type === GRAPHQL_RESPONSE && charset === 'charset=utf-8') return true;
    if (
      (type === 'application/json' || type === 'application/*' || type === '*/*') &&
      (charset === 'charset=utf-8' || charset === 'charset=utf8')
    )
      return false;
  }
  return false;
}

function persistedId(body: Record<string, unknown>): string | null {
  if (typeof body.documentId === 'string') return body.documentId;
  const ext = body.extensions;
  if (ext && typeof ext === 'object' && !Array.isArray(ext)) {
    const pq = (ext as Record<string, unknown>).persistedQuery;
    const hash = pq && typeof pq === 'object' ? (pq as Record<string, unknown>).sha256Hash : undefined;
    if (typeof hash === 'string') return hash;
  }
  return null;
}

/** What the transport reads of an HTTP request: its method, URL (GET's parameters), headers (Accept) and the JSON body already parsed (undefined when there was none). */
export interface GraphqlHttpRequest {
  method: string;
  url: string;
  headers: Headers;
  body: unknown;
}

export class GraphqlTransport {
  private readonly handler: Handler<null, Caller>;
  /** Digests of document texts already matched to an approved hash (the hot path skips parse and print). */
  private readonly texts = new ExpiringCache<string, string>(Infinity, realTime, 1000);
  /** Costs of approved operations by the values of their page variables, and which variables those are. */
  private readonly costs = new ExpiringCache<string, number>(Infinity, realTime, 1000);
  private readonly pageInputs = new Map<string, string[]>();
  private readonly approvedRuns: Counter;
  private readonly refusals: Counter;

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly registry: BundleRegistry,
    private readonly contextFor: (principal: Principal) => GraphqlContext,
    private readonly log: Logger,
    metrics: Metrics,
    private readonly maxJsonDepth: number = DEFAULT_MAX_JSON_DEPTH,
  ) {
    this.approvedRuns = metrics.counter(
      'argus_graphql_operations_total',
      'Approved GraphQL operations run, by bundle and operation',
    );
    this.refusals = metrics.counter(
      'argus_graphql_refusals_total',
      'GraphQL documents refused before execution, by code',
    );
    this.handler = createHandler<null, Caller, GraphqlContext>({
      schema,
      parseRequestParams: (req) => this.parseParams(req),
      onSubscribe: (req, params) => this.subscribe(req, params),
      onOperation: (req, _args, result) => this.finish(req, result),
      formatError: formatTransportError,
    });
  }

  async handle(request: GraphqlHttpRequest, caller: Caller): Promise<Response> {
    const { body } = request;
    const [text, init] = await this.handler({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: body === undefined || body === null ? null : () => body as Record<string, unknown>,
      raw: null,
      context: caller,
    });
    const headers: Record<string, string> = {
      ...(init.headers ?? {}),
      'cache-control': 'no-store',
      'x-request-id': caller.requestId,
    };
    if (text === null) return transportError(init.status, headers, caller.requestId);
    if (init.status === 405) {
      // A mutation over GET: graphql-http writes this answer itself, without a code.
      const media = answersGraphqlResponse(request.headers.get('accept')) ? GRAPHQL_RESPONSE : 'application/json';
      headers['content-type'] = `${media}; charset=utf-8`;
      const error = this.refuse('mutations cannot run over GET; use POST', 'METHOD_NOT_ALLOWED');
      return new Response(JSON.stringify({ errors: [error] }), { status: 405, headers });
    }
    headers['content-type'] ??= 'application/json; charset=utf-8';
    return new Response(text, { status: init.status, headers });
  }

  private find(bundles: readonly string[], id: string): ApprovedOperation | null {
    const hash = id.startsWith('sha256:') ? id.slice(7) : id;
    return /^[0-9a-f]{64}$/.test(hash) ? this.registry.find(bundles, hash) : null;
  }

  /** graphql-http's own parser, after a documentId or persisted-query hash became its approved text. */
  private async parseParams(req: HttpRequest<null, Caller>): Promise<RequestParams | HttpResponse> {
    let missing = false;
    let next = req;
    if (req.method === 'GET') {
      const url = new URL(req.url, 'http://localhost');
      // A POST body was checked by the HTTP layer; URL parameters get the same bounds here.
      for (const [name, code] of [
        ['variables', 'INVALID_VARIABLES'],
        ['extensions', 'BAD_REQUEST'],
      ] as const) {
        const raw = url.searchParams.get(name);
        const problem = raw ? jsonTextProblem(raw, this.maxJsonDepth, name) : null;
        if (problem) throw new RequestParamsError(problem, code);
      }
      if (!url.searchParams.has('query')) {
        let ext: Record<string, unknown> = {};
        try {
          ext = JSON.parse(url.searchParams.get('extensions') ?? '{}') as Record<string, unknown>;
        } catch {
          throw new RequestParamsError('extensions: the URL parameter is not valid JSON', 'BAD_REQUEST');
        }
        const id = persistedId({ documentId: url.searchParams.get('documentId') ?? undefined, extensions: ext });
        if (id) {
          const op = this.find(req.context.bundles, id);
          if (op) url.searchParams.set('query', op.document);
          else missing = true;
        }
      }
      next = { ...req, url: `${url.pathname}${url.search}` };
    } else if (typeof req.body === 'function') {
      const data = await req.body();
      if (data && typeof data === 'object' && !Array.isArray(data) && data.query == null) {
        const id = persistedId(data);
        if (id) {
          const op = this.find(req.context.bundles, id);
          if (op) next = { ...req, body: { ...data, query: op.document } };
          else missing = true;
        }
      }
    }
    try {
      return await parseRequestParams(next);
    } catch (error) {
      if (missing) throw this.refuse(notApproved());
      throw error;
    }
  }

  /** Checks, then the approved operation's own parsed document, so nothing else can execute. */
  private async subscribe(req: HttpRequest<null, Caller>, params: RequestParams) {
    const { bundles, principal } = req.context;
    if (params.query.length > LIMITS.maxDocumentLength)
      return [
        this.refuse(
          `the document is ${params.query.length} characters; the limit is ${LIMITS.maxDocumentLength}`,
          'GRAPHQL_PARSE_FAILED',
        ),
      ];
    // Keyed on a digest: a cached text costs 64 characters whatever its padding.
    const textKey = createHash('sha256').update(params.query).digest('hex');
    const known = this.texts.get(textKey);
    let approved = known ? this.registry.find(bundles, known) : null;
    if (!approved) {
      let doc: DocumentNode;
      try {
        doc = parse(params.query, { maxTokens: LIMITS.maxTokens });
      } catch (error) {
        return [
          this.refuse(
            error instanceof GraphQLError ? error.message : 'the document could not be parsed',
            'GRAPHQL_PARSE_FAILED',
          ),
        ];
      }
      const hash = await documentHash(normalise(doc));
      approved = this.registry.find(bundles, hash);
      if (!approved?.allowIntrospection && usesIntrospection(doc)) {
        return [
          this.refuse(
            'introspection is disabled: only the operations of your approved bundles can run',
            'INTROSPECTION_DISABLED',
          ),
        ];
      }
      const depth = documentDepth(doc);
      if (depth > LIMITS.maxDepth)
        return [
          this.refuse(
            `the document nests ${depth === Infinity ? 'without end' : `${depth} levels deep`}; the limit is ${LIMITS.maxDepth}`,
            'DEPTH_LIMIT_EXCEEDED',
          ),
        ];
      // No cost for a document that is not approved: the cost is read off the schema, so its
      // figure would tell which fields exist.
      if (!approved) return [this.refuse(notApproved())];
      this.texts.set(textKey, hash);
    }
    const nul = nulPath(params.variables ?? null);
    if (nul !== null)
      return [
        this.refuse(`variables${nul ? `.${nul}` : ''}: must not contain NUL (U+0000) characters`, 'INVALID_VARIABLES'),
      ];
    const cost = this.costOf(approved, params.variables);
    if (cost > LIMITS.maxCost)
      return [
        this.refuse(
          `with these variables the operation may return ${cost} objects; the limit is ${LIMITS.maxCost} (ask for smaller pages)`,
          'COST_LIMIT_EXCEEDED',
        ),
      ];
    this.approvedRuns.inc({ bundle: approved.bundle, operation: approved.name ?? 'anonymous' });
    return {
      schema: this.schema,
      document: approved.ast,
      operationName: params.operationName,
      variableValues: params.variables,
      contextValue: this.contextFor(principal),
    };
  }

  /** documentCost, kept per approved operation and the values of the variables it reads. */
  private costOf(approved: ApprovedOperation, variables: Record<string, unknown> | null | undefined): number {
    let inputs = this.pageInputs.get(approved.hash);
    if (!inputs) {
      inputs = pageVariables(approved.ast);
      this.pageInputs.set(approved.hash, inputs);
    }
    let key = approved.hash;
    for (const name of inputs) key += ` ${JSON.stringify(variables?.[name] ?? null)}`;
    // A page size is a small number; anything long (a refused value, padding) is not kept.
    if (key.length > approved.hash.length + 20 * inputs.length)
      return documentCost(this.schema, approved.ast, variables);
    let cost = this.costs.get(key);
    if (cost === undefined) {
      cost = documentCost(this.schema, approved.ast, variables);
      this.costs.set(key, cost);
    }
    return cost;
  }

  private refuse(error: GraphQLError): GraphQLError;
  private refuse(message: string, code: GraphqlErrorCode): GraphQLError;
  private refuse(what: GraphQLError | string, code?: GraphqlErrorCode): GraphQLError {
    const error = typeof what === 'string' ? refusal(what, code ?? 'OPERATION_NOT_APPROVED') : what;
    this.refusals.inc({ code: String(error.extensions.code) });
    return error;
  }

  /** Errors become public ones; a request error (no data) is a 400 under application/graphql-response+json. */
  private finish(req: HttpRequest<null, Caller>, result: ExecutionResult): ExecutionResult | HttpResponse {
    if (!result.errors?.length) return result;
    const masked: ExecutionResult = { ...result, errors: result.errors.map((e) => this.publicError(e, req.context)) };
    const accept = 'get' in req.headers && typeof req.headers.get === 'function' ? req.headers.get('accept') : null;
    if (!('data' in result) && answersGraphqlResponse(accept)) {
      return [
        JSON.stringify(masked),
        { status: 400, statusText: 'Bad Request', headers: { 'content-type': `${GRAPHQL_RESPONSE}; charset=utf-8` } },
      ];
    }
    return masked;
  }

  private publicError(error: GraphQLError, caller: Caller): GraphQLError {
    const original = error.originalError;
    const keep = { nodes: error.nodes, path: error.path };
    if (original instanceof ApiError)
      return new GraphQLError(original.description, { ...keep, extensions: { code: original.code.toUpperCase() } });
    // An execution error of graphql-js itself (a null in a non-null field) is our bug too.
    if ((original && !(original instanceof GraphQLError)) || (!original && error.path !== undefined)) {
      if (isDatabaseUnavailable(original)) {
        this.log.warn('database unavailable', { request_id: caller.requestId, error: original });
        return new GraphQLError('the database is unavailable; retry shortly', {
          ...keep,
          extensions: { code: 'TEMPORARILY_UNAVAILABLE' },
        });
      }
      this.log.error('resolver failed', { request_id: caller.requestId, error: original ?? error });
      return new GraphQLError(`internal error; quote request id ${caller.requestId} when reporting it`, {
        ...keep,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      });
    }
    const code =
      typeof error.extensions?.code === 'string'
        ? error.extensions.code
        : error.message.startsWith('Variable "$')
          ? 'INVALID_VARIABLES'
          : 'BAD_REQUEST';
    return new GraphQLError(withoutSuggestions(error.message), { ...keep, extensions: { ...error.extensions, code } });
  }
}

/** graphql-http answers some refusals without a body; ours carry the service's error envelope. */
function transportError(status: number, headers: Record<string, string>, requestId: string): Response {
  const [code, description]: [ErrorCode, string] =
    status === 405
      ? ['method_not_allowed', 'use POST (or GET for queries)']
      : status === 406
        ? ['not_acceptable', 'accept application/graphql-response+json or application/json']
        : status === 415
          ? ['unsupported_media_type', 'send the request as Content-Type: application/json']
          : ['invalid_request', 'the request is not a GraphQL-over-HTTP request'];
  const { 'content-type': _drop, ...rest } = headers;
  // graphql-http's statuses for these are the catalogue's own (405, 406, 415, 400).
  return apiError(code, description, { headers: rest }).toResponse(requestId);
}
