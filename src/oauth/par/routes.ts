// POST /v1/oauth/par (RFC 9126): the client pushes its authorization request.
import { t } from 'elysia';
import { Type } from '@sinclair/typebox';
import { router } from '../../http/router.ts';
import type { Authenticate } from '../client-auth.ts';
import type { DpopService } from '../dpop/service.ts';
import type { PushedRequests } from './service.ts';
import { answers } from '../../docs/responses.ts';

const tags = ['OAuth and service tokens'];

// RFC 9126 §2.1: the authorization request's parameters, form-encoded, with client
// authentication; unknown parameters are ignored as at the authorization endpoint.
const PushedRequest = t.Object(
  {
    response_type: t.Optional(t.String({ maxLength: 50, examples: ['code'] })),
    client_id: t.Optional(t.String({ maxLength: 100, examples: ['app_123'] })),
    client_secret: t.Optional(t.String({ maxLength: 200 })),
    client_assertion: t.Optional(t.String({ maxLength: 8000 })),
    client_assertion_type: t.Optional(t.String({ maxLength: 100 })),
    redirect_uri: t.Optional(t.String({ maxLength: 2000, examples: ['https://integrator.example/callback'] })),
    scope: t.Optional(t.String({ maxLength: 2000, examples: ['webhooks:write'] })),
    state: t.Optional(t.String({ maxLength: 2000 })),
    code_challenge: t.Optional(t.String({ maxLength: 200 })),
    code_challenge_method: t.Optional(t.String({ maxLength: 20, examples: ['S256'] })),
    dpop_jkt: t.Optional(t.String({ maxLength: 100 })),
    request: t.Optional(t.String({ maxLength: 20000 })),
    request_uri: t.Optional(t.String({ maxLength: 2000 })),
  },
  { additionalProperties: t.String({ maxLength: 2000 }) },
);

/** RFC 9126 §2.2: the request_uri to send the browser to /v1/oauth/authorize with. */
const PushedAnswer = t.Object({
  request_uri: t.String({
    description: 'single use, for GET /v1/oauth/authorize?client_id=…&request_uri=…',
    examples: ['urn:ietf:params:oauth:request_uri:…'],
  }),
  expires_in: Type.Integer({ description: 'seconds the request_uri is valid', examples: [60] }),
});

/** What POST /v1/oauth/par uses, besides the client authentication its parent shares. */
export interface ParRouteDeps {
  dpop: Pick<DpopService, 'forEndpoint' | 'nonce'>;
  pushedRequests: Pick<PushedRequests, 'push'>;
}

export function parRoutes(services: ParRouteDeps, authenticate: Authenticate) {
  return router('par').post(
    '/v1/oauth/par',
    async ({ request, body, set }) => {
      set.headers['cache-control'] = 'no-store';
      // A proof here binds the code to its key (RFC 9449 §10.1); checked before the client so
      // that a use_dpop_nonce answer does not use up a client assertion.
      const proof = await services.dpop.forEndpoint(request, '/v1/oauth/par');
      const app = await authenticate(request, body, '/v1/oauth/par');
      if (proof) set.headers['dpop-nonce'] = services.dpop.nonce();
      const pushed = await services.pushedRequests.push(app, body, proof?.jkt ?? null);
      set.status = 201;
      return pushed;
    },
    {
      body: PushedRequest,
      detail: {
        summary: 'Push an authorization request (RFC 9126)',
        tags,
        security: [],
        responses: answers(201, 'The request_uri of the pushed request', PushedAnswer),
      },
    },
  );
}
