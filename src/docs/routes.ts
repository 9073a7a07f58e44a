// /api/docs (the OpenAPI document) and /docs (the same, readable by people).
import type { AnyElysia } from 'elysia';
import { router } from '../http/router.ts';
import { html, page } from '../http/html.ts';
import { buildOpenApi } from './openapi.ts';

type Op = {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  responses?: Record<string, { description?: string }>;
};

export function docsRoutes(app: () => AnyElysia, publicUrl: string) {
  let cached: Record<string, unknown> | null = null;
  const doc = () => (cached ??= buildOpenApi(app(), publicUrl));
  return router('docs')
    .get('/api/docs', () => doc())
    .get('/docs', () => {
      const d = doc() as {
        info: { title: string; description: string };
        paths: Record<string, Record<string, Op>>;
        tags: Array<{ name: string }>;
      };
      const byTag = d.tags.map((t) => ({
        tag: t.name,
        ops: Object.entries(d.paths).flatMap(([path, item]) =>
          Object.entries(item)
            .filter(([, op]) => (op.tags ?? []).includes(t.name))
            .map(([method, op]) => ({ path, method, op })),
        ),
      }));
      return page(
        'API reference',
        html`<h1>${d.info.title}</h1>
<p class="lead">${d.info.description} Machine-readable: <a href="/api/docs"><code>/api/docs</code></a> (OpenAPI 3.1).</p>
<nav aria-label="Sections"><ul>${byTag.map((s) => html`<li><a href="#${s.tag.replace(/\W+/g, '-')}">${s.tag}</a></li>`)}</ul></nav>
${byTag.map(
  (s) => html`<section id="${s.tag.replace(/\W+/g, '-')}"><h2>${s.tag}</h2>
${s.ops.map(
  ({ path, method, op }) => html`<h3><code>${method.toUpperCase()} ${path}</code></h3>
<p>${op.summary ?? ''}${op.security && op.security.length === 0 ? ' · public' : ' · bearer token'}</p>
<p class="hint">Answers: ${Object.entries(op.responses ?? {})
    .map(([code]) => code)
    .join(', ')}</p>`,
)}
</section>`,
)}`,
      );
    });
}
