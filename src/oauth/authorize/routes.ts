// GET /v1/oauth/authorize and its login and consent forms. The session id travels in an
// HttpOnly cookie and in the form; the form also carries a CSRF token.
import { FIXED } from '../../defaults.ts';
import { t } from 'elysia';
import { router } from '../../http/router.ts';
import { requestInfo } from '../../http/request-info.ts';
import { cookieValue } from '../../http/cookies.ts';
import { authorizeErrorPage, consentPage, loginPage } from '../pages.ts';
import { answers } from '../../docs/responses.ts';
import type { AuthorizationService, AuthorizeStep } from './service.ts';

const tags = ['OAuth and service tokens'];
const COOKIE = 'argus_authorize';

function cookieSession(request: Request): string | null {
  const value = cookieValue(request, COOKIE);
  return value && /^[A-Za-z0-9_]+$/.test(value) ? value : null;
}

function answer(step: AuthorizeStep, secure: boolean): Response {
  if (step.kind === 'redirect')
    return new Response(null, { status: 302, headers: { location: step.location, 'cache-control': 'no-store' } });
  if (step.kind === 'error') {
    const page = authorizeErrorPage(step.message, step.retryAfter ? 429 : 400);
    if (step.retryAfter) page.headers.set('retry-after', String(step.retryAfter));
    return page;
  }
  const res =
    step.kind === 'login' ? loginPage(step, step.retryAfter ? 429 : step.error ? 400 : 200) : consentPage(step);
  const headers = new Headers(res.headers);
  if (step.kind === 'login' && step.retryAfter) headers.set('retry-after', String(step.retryAfter));
  headers.append(
    'set-cookie',
    `${COOKIE}=${step.sessionId}; Path=/v1/oauth/authorize; HttpOnly; SameSite=Lax; Max-Age=${FIXED.authorizationInteractionSeconds}${secure ? '; Secure' : ''}`,
  );
  return new Response(res.body, { status: res.status, headers });
}

const Form = t.Object(
  {
    session: t.Optional(t.String({ maxLength: 100 })),
    csrf: t.Optional(t.String({ maxLength: 100 })),
    email: t.Optional(t.String({ maxLength: 320 })),
    password: t.Optional(t.String({ maxLength: 1000 })),
    decision: t.Optional(t.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export function authorizeRoutes(deps: { authorization: AuthorizationService; secure: boolean }) {
  const { authorization, secure } = deps;
  return router('authorize')
    .get(
      '/v1/oauth/authorize',
      async ({ request, query }) =>
        answer(await authorization.start(query, requestInfo(request).client.address), secure),
      {
        query: t.Object(
          {
            response_type: t.Optional(t.String({ maxLength: 50, examples: ['code'] })),
            client_id: t.Optional(t.String({ maxLength: 100, examples: ['app_123'] })),
            redirect_uri: t.Optional(t.String({ maxLength: 2000, examples: ['https://integrator.example/callback'] })),
            scope: t.Optional(t.String({ maxLength: 2000, examples: ['webhooks:write'] })),
            state: t.Optional(t.String({ maxLength: 2000 })),
            code_challenge: t.Optional(t.String({ maxLength: 200 })),
            code_challenge_method: t.Optional(t.String({ maxLength: 20, examples: ['S256'] })),
            request_uri: t.Optional(
              t.String({
                maxLength: 200,
                description: 'from POST /v1/oauth/par (RFC 9126); the pushed parameters replace any others',
              }),
            ),
            dpop_jkt: t.Optional(
              t.String({ maxLength: 100, description: 'RFC 9449 §10: bind the code to this DPoP key thumbprint' }),
            ),
            request: t.Optional(
              t.String({ maxLength: 20000, description: 'request objects are not supported (request_not_supported)' }),
            ),
          },
          { additionalProperties: true },
        ),
        detail: {
          summary: 'Start OAuth authorization code flow',
          tags,
          security: [],
          responses: {
            ...answers(200, 'The sign-in page', 'text/html'),
            302: { description: 'Redirect to the registered redirect URI with an OAuth error' },
          },
        },
      },
    )
    .post(
      '/v1/oauth/authorize/login',
      async ({ request, body }) =>
        answer(await authorization.login(body, cookieSession(request), requestInfo(request).client.address), secure),
      {
        body: Form,
        detail: {
          summary: 'Sign-in form of the authorization flow',
          tags,
          security: [],
          responses: {
            ...answers(200, 'Signed in: the consent page', 'text/html'),
            302: { description: 'Cancelled: redirect to the redirect URI with error=access_denied' },
          },
        },
      },
    )
    .post(
      '/v1/oauth/authorize/consent',
      async ({ request, body }) => answer(await authorization.consent(body, cookieSession(request)), secure),
      {
        body: Form,
        detail: {
          summary: 'Consent form of the authorization flow',
          tags,
          security: [],
          // No 2xx: the decision always ends in a redirect (or an error page).
          responses: {
            302: {
              description: 'Redirect to the redirect URI with ?code= (approved) or error=access_denied (denied)',
            },
          },
        },
      },
    );
}
