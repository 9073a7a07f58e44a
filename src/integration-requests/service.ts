// The Vendor Integration Request: validated field by field, rate limited per address,
// stored, acknowledged with a reference number.
import type { Db } from '../db/index.ts';
import { newId, randomToken } from '../ids.ts';
import { ApiError, notFound, tooManyRequests } from '../errors.ts';
import type { Page } from '../db/page.ts';
import { RateLimiter } from '../rate-limit.ts';
import type { TenantService } from '../identity/tenants/service.ts';
import { requestStore, type RequestRow } from './store.ts';

export const CAPABILITIES = [
  {
    id: 'advanced_platform_apis',
    label: 'Advanced platform APIs',
    hint: 'control-plane workflows under /api/v1/platform',
  },
  {
    id: 'curated_graphql_bundles',
    label: 'Curated GraphQL bundles',
    hint: 'approved operation bundles for a workflow',
  },
  { id: 'federation_saml', label: 'Federation and SAML', hint: 'enterprise identity, environment review' },
  { id: 'sandbox', label: 'Sandbox coordination', hint: 'a sandbox tenant and onboarding support' },
] as const;
export const STATUSES = ['received', 'in_review', 'approved', 'declined'] as const;
export const EXPECTED_RESPONSE = 'within 2–3 business days';

export interface RequestInput {
  organisation?: unknown;
  contact_name?: unknown;
  contact_email?: unknown;
  use_case?: unknown;
  capabilities?: unknown;
  tenant_id?: unknown;
}

export type FieldErrors = Record<string, string>;

/** The 400 for a form: every field's problem at once, so a page can show them all. */
export class FieldValidationError extends ApiError {
  constructor(readonly fields: FieldErrors) {
    super('invalid_request', `please correct: ${Object.keys(fields).join(', ')}`, { extra: { fields } });
  }
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

export function requestView(r: RequestRow) {
  return {
    id: r.id,
    reference: r.reference,
    tenant_id: r.tenant_id,
    organisation: r.organisation,
    contact_name: r.contact_name,
    contact_email: r.contact_email,
    use_case: r.use_case,
    capabilities: r.capabilities,
    status: r.status,
    created_at: r.created_at.toISOString(),
    updated_at: r.updated_at.toISOString(),
  };
}

export class IntegrationRequestService {
  private readonly limiter: RateLimiter;

  constructor(
    private readonly db: Db,
    private readonly tenants: TenantService,
    limit = { perHour: 5 },
  ) {
    this.limiter = new RateLimiter(limit.perHour, 3_600_000);
  }

  async submit(input: RequestInput, remoteAddress: string) {
    const fields: FieldErrors = {};
    const organisation = text(input.organisation);
    const contactName = text(input.contact_name);
    const contactEmail = text(input.contact_email);
    const useCase = text(input.use_case);
    const tenantId = text(input.tenant_id) || null;
    const raw =
      input.capabilities === undefined
        ? []
        : Array.isArray(input.capabilities)
          ? input.capabilities
          : [input.capabilities];
    const capabilities = [...new Set(raw.map(text))];
    if (!organisation || organisation.length > 200)
      fields.organisation = 'Enter your organisation (up to 200 characters).';
    if (!contactName || contactName.length > 200) fields.contact_name = 'Enter a contact name (up to 200 characters).';
    if (!EMAIL.test(contactEmail) || contactEmail.length > 254)
      fields.contact_email = 'Enter an email address like name@example.com.';
    if (useCase.length < 20 || useCase.length > 5000)
      fields.use_case = 'Describe your use case in 20 to 5000 characters.';
    const known = new Set<string>(CAPABILITIES.map((c) => c.id));
    if (capabilities.length === 0 || capabilities.some((c) => !known.has(c)))
      fields.capabilities = 'Choose at least one capability from the list.';
    if (tenantId && !(await this.tenants.tenant(tenantId)))
      fields.tenant_id = 'No tenant has this ID; leave it empty if you are not a tenant yet.';
    if (Object.keys(fields).length) throw new FieldValidationError(fields);
    const wait = this.limiter.hit(remoteAddress);
    if (wait > 0) throw tooManyRequests(wait);
    const reference = `IR-${randomToken(4).toUpperCase()}-${randomToken(4).toUpperCase()}`;
    const id = newId('ir');
    await requestStore.insert(this.db, {
      id,
      reference,
      tenant_id: tenantId,
      organisation,
      contact_name: contactName,
      contact_email: contactEmail,
      use_case: useCase,
      capabilities,
      remote_address: remoteAddress,
    });
    return {
      id,
      reference,
      status: 'received' as const,
      expected_response: EXPECTED_RESPONSE,
      message: `Thank you. We will get back to you ${EXPECTED_RESPONSE}; quote ${reference}.`,
    };
  }

  /** A tenant's requests; `null` means every request (operators, through the CLI). */
  async list(tenantId: string | null, page: Page) {
    const { items, next_cursor } = await requestStore.list(this.db, tenantId, page);
    return { integration_requests: items.map(requestView), next_cursor };
  }

  async setStatus(tenantId: string | null, id: string, status: string) {
    const row = await requestStore.setStatus(this.db, tenantId, id, status);
    if (!row) throw notFound(`integration request ${id}`);
    return requestView(row);
  }
}
