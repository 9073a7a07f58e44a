// The Vendor Integration Request form and its acknowledgement, readable without scripts.
import { html, page } from '../http/html.ts';
import { CAPABILITIES, EXPECTED_RESPONSE, type FieldErrors, type RequestInput } from './service.ts';

const LABELS: Record<string, string> = {
  organisation: 'Organisation',
  contact_name: 'Contact name',
  contact_email: 'Contact email',
  use_case: 'Use case',
  capabilities: 'Capabilities',
  tenant_id: 'Tenant ID',
};

function field(
  name: string,
  label: string,
  errors: FieldErrors,
  control: (describedBy: string) => ReturnType<typeof html>,
  hint?: string,
) {
  const err = errors[name];
  const ids = [hint ? `${name}-hint` : '', err ? `${name}-error` : ''].filter(Boolean).join(' ');
  return html`<div>
<label for="${name}">${label}${hint ? html` <span class="hint" id="${name}-hint">${hint}</span>` : ''}</label>
${err ? html`<span class="field-error" id="${name}-error">${err}</span>` : ''}
${control(ids)}
</div>`;
}

export function requestFormPage(values: RequestInput = {}, errors: FieldErrors = {}, status = 200): Response {
  const v = (k: keyof RequestInput) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const chosen = new Set(
    Array.isArray(values.capabilities)
      ? values.capabilities
      : typeof values.capabilities === 'string'
        ? [values.capabilities]
        : [],
  );
  const invalid = (k: string) => (errors[k] ? 'true' : 'false');
  const summary = Object.keys(errors).length
    ? html`<div class="error-summary" role="alert" tabindex="-1" id="error-summary">
<h2>There is a problem</h2>
<ul>${Object.entries(errors).map(([k, msg]) => html`<li><a href="#${k === 'capabilities' ? 'capability-0' : k}">${LABELS[k] ?? k}: ${msg}</a></li>`)}</ul>
</div>`
    : '';
  const res = page(
    'Vendor Integration Request',
    html`<h1>Vendor Integration Request</h1>
<p class="lead">Tell us about your integration needs and we'll get back to you ${EXPECTED_RESPONSE}.</p>
${summary}
<form method="post" action="/v1/integration-requests" novalidate>
${field('organisation', 'Organisation', errors, (d) => html`<input type="text" id="organisation" name="organisation" autocomplete="organization" value="${v('organisation')}" aria-invalid="${invalid('organisation')}" ${d ? html`aria-describedby="${d}"` : ''} required>`)}
${field('contact_name', 'Contact name', errors, (d) => html`<input type="text" id="contact_name" name="contact_name" autocomplete="name" value="${v('contact_name')}" aria-invalid="${invalid('contact_name')}" ${d ? html`aria-describedby="${d}"` : ''} required>`)}
${field('contact_email', 'Contact email', errors, (d) => html`<input type="email" id="contact_email" name="contact_email" autocomplete="email" value="${v('contact_email')}" aria-invalid="${invalid('contact_email')}" ${d ? html`aria-describedby="${d}"` : ''} required>`)}
${field('use_case', 'Use case', errors, (d) => html`<textarea id="use_case" name="use_case" aria-invalid="${invalid('use_case')}" ${d ? html`aria-describedby="${d}"` : ''} required>${v('use_case')}</textarea>`, 'What workflow needs reviewed access, and why the public contract is not enough.')}
<fieldset ${errors.capabilities ? html`aria-describedby="capabilities-error"` : ''}>
<legend>Capabilities wanted</legend>
${errors.capabilities ? html`<span class="field-error" id="capabilities-error">${errors.capabilities}</span>` : ''}
${CAPABILITIES.map((c, i) => html`<label><input type="checkbox" id="capability-${i}" name="capabilities" value="${c.id}" ${chosen.has(c.id) ? html`checked` : ''}> ${c.label} <span class="hint">${c.hint}</span></label>`)}
</fieldset>
${field('tenant_id', 'Tenant ID (optional)', errors, (d) => html`<input type="text" id="tenant_id" name="tenant_id" value="${v('tenant_id')}" aria-invalid="${invalid('tenant_id')}" ${d ? html`aria-describedby="${d}"` : ''}>`, 'If you already have a tenant, its ten_… identifier.')}
<button type="submit">Send request</button>
</form>
<p class="hint">Your information will be handled according to our privacy policy. We'll never share your details with third parties.</p>`,
  );
  return new Response(res.body, { status, headers: res.headers });
}

export function acknowledgementPage(ack: { reference: string; message: string }): Response {
  const res = page(
    'Request received',
    html`<h1 tabindex="-1" id="ack">Request received</h1>
<p class="notice" role="status">Your reference is <strong id="reference">${ack.reference}</strong>.</p>
<p>${ack.message}</p>`,
  );
  return new Response(res.body, { status: 201, headers: res.headers });
}
