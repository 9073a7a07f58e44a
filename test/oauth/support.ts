// Drives the authorization flow the way a browser would: GET, then the forms, cookie kept.
import type { TestService } from '../support/service.ts';

export interface FlowParams {
  client_id: string;
  redirect_uri?: string;
  scope?: string;
  state?: string;
  code_challenge?: string;
  code_challenge_method?: string;
  response_type?: string;
}

export function hidden(html: string, name: string): string {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  if (!m) throw new Error(`no ${name} field in the page`);
  return m[1] ?? '';
}

export async function startAuthorize(service: TestService, params: FlowParams) {
  const url = new URL(`${service.url}/v1/oauth/authorize`);
  for (const [k, v] of Object.entries({ response_type: 'code', ...params }))
    if (v !== undefined) url.searchParams.set(k, v);
  const res = await fetch(url, { redirect: 'manual' });
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { res, cookie, html: res.status === 302 ? '' : await res.text() };
}

async function post(service: TestService, path: string, cookie: string, fields: Record<string, string>) {
  return fetch(`${service.url}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie },
    body: new URLSearchParams(fields),
  });
}

/** Login and consent; returns the final redirect's URL. */
export async function completeAuthorize(
  service: TestService,
  params: FlowParams,
  user: { email: string; password: string },
  decision = 'approve',
): Promise<URL> {
  const start = await startAuthorize(service, params);
  if (start.res.status === 302) return new URL(start.res.headers.get('location')!);
  if (start.res.status !== 200) throw new Error(`authorize answered ${start.res.status}: ${start.html}`);
  const session = hidden(start.html, 'session');
  const csrf = hidden(start.html, 'csrf');
  const login = await post(service, '/v1/oauth/authorize/login', start.cookie, {
    session,
    csrf,
    email: user.email,
    password: user.password,
  });
  const consentHtml = await login.text();
  if (login.status !== 200) throw new Error(`login answered ${login.status}: ${consentHtml}`);
  const consent = await post(service, '/v1/oauth/authorize/consent', start.cookie, { session, csrf, decision });
  if (consent.status !== 302) throw new Error(`consent answered ${consent.status}: ${await consent.text()}`);
  return new URL(consent.headers.get('location')!);
}
