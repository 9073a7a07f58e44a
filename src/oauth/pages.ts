// The login and consent pages of the authorization flow: server-rendered forms with CSRF
// tokens, labelled fields and an error summary, no scripts.
import { html, page } from '../http/html.ts';
import { SCOPE_CATALOG } from '../identity/scopes.ts';

export function loginPage(
  p: { sessionId: string; csrf: string; appName: string; clientOrigin: string; email?: string; error?: string },
  status = 200,
): Response {
  const res = page(
    'Sign in',
    html`<h1>Sign in to continue</h1>
<p class="lead"><strong>${p.appName}</strong> wants to act on your behalf.</p>
${p.error ? html`<div class="error-summary" role="alert"><h2>There is a problem</h2><p>${p.error}</p></div>` : ''}
<form method="post" action="/v1/oauth/authorize/login">
<input type="hidden" name="session" value="${p.sessionId}">
<input type="hidden" name="csrf" value="${p.csrf}">
<label for="email">Email</label>
<input type="email" id="email" name="email" autocomplete="username" value="${p.email ?? ''}" required ${p.error ? html`aria-invalid="true"` : ''}>
<label for="password">Password</label>
<input type="password" id="password" name="password" autocomplete="current-password" required>
<button type="submit">Sign in</button>
<button type="submit" class="secondary" name="decision" value="deny" formnovalidate>Cancel</button>
</form>`,
    { formTargets: [p.clientOrigin] },
  );
  return new Response(res.body, { status, headers: res.headers });
}

export function consentPage(p: {
  sessionId: string;
  csrf: string;
  appName: string;
  clientOrigin: string;
  scopes: string[];
}): Response {
  const described = p.scopes.map((s) => ({
    name: s,
    description: SCOPE_CATALOG.find((c) => c.name === s)?.description ?? s,
  }));
  return page(
    'Allow access',
    html`<h1>Allow ${p.appName}?</h1>
<p class="lead">It asks to:</p>
<ul id="scopes">${described.map((s) => html`<li><strong>${s.description}</strong> <code>${s.name}</code></li>`)}</ul>
<form method="post" action="/v1/oauth/authorize/consent">
<input type="hidden" name="session" value="${p.sessionId}">
<input type="hidden" name="csrf" value="${p.csrf}">
<button type="submit" name="decision" value="approve">Allow</button>
<button type="submit" class="secondary" name="decision" value="deny">Deny</button>
</form>`,
    { formTargets: [p.clientOrigin] },
  );
}

export function authorizeErrorPage(message: string, status = 400): Response {
  const res = page(
    'Authorization failed',
    html`<h1>This authorization request cannot be completed</h1>
<div class="error-summary" role="alert"><p>${message}</p></div>
<p>Go back to the application and start again. If it keeps happening, tell the application's developer.</p>`,
  );
  return new Response(res.body, { status, headers: res.headers });
}
