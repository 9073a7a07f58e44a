// The reviewed-access request: the form page, its endpoint (JSON or form), and the admin view.
import { answers } from '../docs/responses.ts';
import { t } from 'elysia';
import { router } from '../http/router.ts';
import { ApiError } from '../errors.ts';
import { PageQuery, readPage } from '../http/pagination.ts';
import { requestInfo } from '../http/request-info.ts';
import type { Authenticator } from '../http/auth.ts';
import { FieldValidationError, STATUSES, type IntegrationRequestService, type RequestInput } from './service.ts';
import { acknowledgementPage, requestFormPage } from './page.ts';

const tags = ['Reviewed access'];

const RequestBody = t.Object(
  {
    organisation: t.Optional(t.String({ maxLength: 1000, examples: ['Integrator Ltd'] })),
    contact_name: t.Optional(t.String({ maxLength: 1000 })),
    contact_email: t.Optional(t.String({ maxLength: 1000 })),
    use_case: t.Optional(t.String({ maxLength: 20_000 })),
    capabilities: t.Optional(
      t.Union([t.Array(t.String({ maxLength: 100 }), { maxItems: 10 }), t.String({ maxLength: 100 })]),
    ),
    tenant_id: t.Optional(t.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);

const wantsHtml = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');

export function integrationRequestRoutes(deps: { auth: Authenticator; requests: IntegrationRequestService }) {
  const { auth, requests } = deps;
  return router('integration-requests')
    .use(auth.guard)
    .get('/integration-request', () => requestFormPage(), {
      detail: { summary: 'The Vendor Integration Request form (HTML)', tags },
    })
    .post(
      '/v1/integration-requests',
      async ({ request, body, set }) => {
        const input = body as RequestInput;
        try {
          const ack = await requests.submit(input, requestInfo(request).client.address);
          if (wantsHtml(request)) return acknowledgementPage(ack);
          set.status = 201;
          return ack;
        } catch (error) {
          if (wantsHtml(request) && error instanceof FieldValidationError)
            return requestFormPage(input, error.fields, 400);
          if (wantsHtml(request) && error instanceof ApiError)
            return requestFormPage(input, { organisation: error.description }, error.status);
          throw error;
        }
      },
      {
        body: RequestBody,
        detail: {
          summary: 'Submit a Vendor Integration Request',
          tags,
          security: [],
          responses: answers(201, 'The request, received (an HTML acknowledgement to a browser form)'),
        },
      },
    )
    .get(
      '/v1/integration-requests',
      async ({ principal, query }) => requests.list(principal.tenantId, readPage(query)),
      { query: PageQuery, auth: 'admin', detail: { summary: "List the tenant's integration requests", tags } },
    )
    .patch(
      '/v1/integration-requests/:id',
      async ({ principal, params, body }) => requests.setStatus(principal.tenantId, params.id, body.status),
      {
        params: t.Object({ id: t.String({ maxLength: 100 }) }),
        body: t.Object({ status: t.Union(STATUSES.map((s) => t.Literal(s))) }, { additionalProperties: false }),
        auth: 'admin',
        detail: { summary: "Update an integration request's status", tags },
      },
    );
}
