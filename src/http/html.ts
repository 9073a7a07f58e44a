// Server-rendered pages: escaping and one accessible layout. No build step, no scripts needed.
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** A tagged template that escapes every interpolated value unless it is already Html. */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    const part = Array.isArray(v)
      ? v.map((x) => (x instanceof Html ? x.text : escapeHtml(x))).join('')
      : v instanceof Html
        ? v.text
        : escapeHtml(v);
    out += part + strings[i + 1]!;
  });
  return new Html(out);
}

const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --bg: #fff; --muted: #57606a; --accent: #0b5cad; --error: #b3261e; --border: #d0d7de; --field: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --bg: #0d1117; --muted: #9198a1; --accent: #58a6ff; --error: #ff7b72; --border: #30363d; --field: #161b22; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 40rem; margin: 0 auto; padding: 2rem 1rem 4rem; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
p.lead { color: var(--muted); margin-top: 0; }
label, legend { display: block; font-weight: 600; margin: 1.1rem 0 .3rem; }
.hint { display: block; font-weight: 400; color: var(--muted); font-size: .9rem; }
input[type=text], input[type=email], input[type=password], textarea { width: 100%; padding: .55rem .65rem; font: inherit; color: inherit; background: var(--field); border: 1px solid var(--border); border-radius: 6px; }
textarea { min-height: 8rem; }
fieldset { border: 1px solid var(--border); border-radius: 6px; padding: .2rem 1rem .8rem; margin: 1.2rem 0 0; }
fieldset label { font-weight: 400; margin: .4rem 0; display: flex; gap: .5rem; align-items: baseline; }
:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
button { margin-top: 1.5rem; padding: .65rem 1.3rem; font: inherit; font-weight: 600; color: #fff; background: var(--accent); border: 0; border-radius: 6px; cursor: pointer; }
button.secondary { background: transparent; color: var(--accent); border: 1px solid var(--accent); margin-left: .5rem; }
.error-summary { border: 2px solid var(--error); border-radius: 6px; padding: .6rem 1rem; margin: 1rem 0; }
.error-summary h2 { font-size: 1.05rem; margin: .2rem 0; color: var(--error); }
.field-error { display: block; color: var(--error); font-weight: 600; font-size: .92rem; }
input[aria-invalid=true], textarea[aria-invalid=true] { border-color: var(--error); border-width: 2px; }
.notice { border-left: 4px solid var(--accent); padding: .5rem 1rem; background: var(--field); }
code { font-size: .92em; }
.skip { position: absolute; left: .5rem; top: -3rem; padding: .4rem .8rem; background: var(--bg); color: var(--accent); border: 2px solid var(--accent); border-radius: 6px; z-index: 10; }
.skip:focus { top: .5rem; }
`;

/**
 * A modal confirmation a page's script fills and opens (`#confirm`, its title, text and OK
 * button): Cancel and Confirm, inside `buttons` (a class of the page's style).
 */
export const confirmDialog = (buttons: string) =>
  html`<dialog id="confirm" aria-labelledby="confirm-title" aria-describedby="confirm-text">
  <form method="dialog">
    <h2 id="confirm-title">Confirm</h2>
    <p id="confirm-text"></p>
    <div class="${buttons}"><button type="submit" value="cancel" class="secondary" id="confirm-cancel">Cancel</button><button type="submit" value="ok" id="confirm-ok">Confirm</button></div>
  </form>
</dialog>`;

/**
 * A whole page. `formTargets` are origins a form on it may end up at besides this one: a form
 * whose answer redirects elsewhere (the authorization flow back to its client) needs that
 * origin in `form-action`, which browsers also apply to the redirect. `scripts`: the page runs
 * its own scripts (this origin's only) and reads this origin's routes. `frameAncestors`: the
 * sites that may frame it (none unless named; X-Frame-Options, which cannot name sites, only
 * when none may).
 */
export function page(
  title: string,
  body: Html,
  options: { formTargets?: string[]; scripts?: boolean; frameAncestors?: readonly string[] } = {},
): Response {
  const formAction = ["'self'", ...(options.formTargets ?? [])].join(' ');
  const scripts = options.scripts ? "script-src 'self'; connect-src 'self'; img-src 'self' data:; " : '';
  const framing = options.frameAncestors?.length ? options.frameAncestors.join(' ') : "'none'";
  const doc = html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Argus Integrations</title>
<style>${new Html(STYLE)}</style>
</head>
<body>
<a class="skip" href="#main">Skip to the content</a>
<main id="main" tabindex="-1">
${body}
</main>
</body>
</html>`;
  return new Response(doc.text, {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': `default-src 'none'; ${scripts}style-src 'unsafe-inline'; form-action ${formAction}; frame-ancestors ${framing}; base-uri 'none'`,
      ...(options.frameAncestors?.length ? {} : { 'x-frame-options': 'DENY' }),
      'referrer-policy': 'no-referrer',
    },
  });
}
