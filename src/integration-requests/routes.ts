// The reviewed-access request: the form page, its endpoint (JSON or form), and the admin view.
import { Cursor, answers } from '../docs/responses.ts';
import { t } from 'elysia';
import { router } from '../http/router.ts';
import { ApiError } from '../errors.ts';
import { readPage } from '../db/page.ts';
import { PageQuery } from '../http/pagination.ts';
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

const Status = t.Union(
  STATUSES.map((s) => t.Literal(s)),
  { description: 'received, then in_review, then approved or declined' },
);
/** What a submission answers (IntegrationRequestService.submit). */
const Acknowledgement = t.Object({
  id: t.String({ examples: ['ir_123'] }),
  reference: t.String({ examples: ['IR-AB12-CD34'], description: 'quote it in any follow-up' }),
  status: t.Literal('received'),
  expected_response: t.String({ examples: ['within 2–3 business days'] }),
  message: t.String({ description: 'the acknowledgement, for people' }),
});
/** A request as an administrator sees it (requestView). */
const IntegrationRequestView = t.Object({
  id: t.String({ examples: ['ir_123'] }),
  reference: t.String({ examples: ['IR-AB12-CD34'] }),
  tenant_id: t.Union([t.String(), t.Null()], { description: 'null when the requester named no tenant' }),
  organisation: t.String(),
  contact_name: t.String(),
  contact_email: t.String(),
  use_case: t.String(),
  capabilities: t.Array(t.String({ examples: ['curated_graphql_bundles'] })),
  status: Status,
  created_at: t.String({ format: 'date-time' }),
  updated_at: t.String({ format: 'date-time' }),
});
const IntegrationRequestList = t.Object({
  integration_requests: t.Array(IntegrationRequestView),
  next_cursor: Cursor,
});
/** JSON for an API client, the acknowledgement page for a browser's form (Accept: text/html). */
const received = answers(
  201,
  'The request, received (an HTML acknowledgement to a browser form)',
  Acknowledgement,
)[201]!;
const submitted = {
  201: { ...received, content: { ...received.content, ...answers(201, '', 'text/html')[201]!.content } },
};

const wantsHtml = (request: Request) => (request.headers.get('accept') ?? '').includes('text/html');

export function integrationRequestRoutes(deps: { auth: Authenticator; requests: IntegrationRequestService }) {
  const { auth, requests } = deps;
  return router('integration-requests')
    .use(auth.guard)
    .get('/integration-request', () => requestFormPage(), {
      detail: {
        summary: 'The Vendor Integration Request form (HTML)',
        tags,
        security: [],
        responses: answers(200, 'The form page', 'text/html'),
      },
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
          responses: submitted,
        },
      },
    )
    .get(
      '/v1/integration-requests',
      async ({ principal, query }) => requests.list(principal.tenantId, readPage(query)),
      {
        query: PageQuery,
        auth: 'admin',
        detail: {
          summary: "List the tenant's integration requests",
          tags,
          responses: answers(200, "A page of the tenant's integration requests", IntegrationRequestList),
        },
      },
    )
    .patch(
      '/v1/integration-requests/:id',
      async ({ principal, params, body }) => requests.setStatus(principal.tenantId, params.id, body.status),
      {
        params: t.Object({ id: t.String({ maxLength: 100 }) }),
        body: t.Object({ status: t.Union(STATUSES.map((s) => t.Literal(s))) }, { additionalProperties: false }),
        auth: 'admin',
        detail: {
          summary: "Update an integration request's status",
          tags,
          responses: answers(200, 'The request as changed', IntegrationRequestView),
        },
      },
    );
}
