// The domain does not import the HTTP layer. Of the files under src/ (machines/ is outside it,
// and imports nothing of src/http/ either way), only these import anything under src/http/:
//
//   - the HTTP layer itself: files under src/http/;
//   - route files: every file named routes.ts (src/routes.ts, which composes them, included),
//     and the studio's route modules src/studio/console.ts and src/studio/live.ts;
//   - page renderers: a file named page.ts or pages.ts in a folder that also has a routes.ts
//     (the pages that folder's routes serve: src/oauth/pages.ts, src/studio/page.ts,
//     src/integration-requests/page.ts; src/db/page.ts, with no routes beside it, is not one);
//   - the composition root: src/main.ts and src/services.ts;
//   - the files of EXCEPTIONS below, each an HTTP concern outside those names, with its reason.
//
// Everything else takes its primitives from below the HTTP layer: client-input checks from
// src/input/, cursors from src/db/page.ts, trusted proxies from src/net/, outbound requests
// from src/outbound/. Imports are read with TypeScript's parser: `import … from`, `import type`,
// side-effect imports, `export … from`, `import x = require(…)` and import() of a literal.
import { describe, expect, test } from 'bun:test';
import { ROOT, rel, tsFiles } from '../support/source-files.ts';
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import ts from 'typescript';

const SRC = join(ROOT, 'src');
const HTTP = join(SRC, 'http');

/** Files outside the named kinds that may import src/http/, and why: each is itself about HTTP. */
const EXCEPTIONS: Record<string, string> = {
  'src/studio/access.ts':
    "the studio's access guard: an Elysia plugin over the HTTP auth guard that reads the session cookie and the request's client address",
  'src/studio/svg.ts':
    "draws the statechart markup the studio page embeds, its text escaped by the HTML page kit's escapeHtml",
};

/** Every module specifier a file names, as written. */
function specifiers(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      if (ts.isStringLiteral(node.moduleSpecifier)) found.push(node.moduleSpecifier.text);
    } else if (
      ts.isImportEqualsDeclaration(node) &&
      ts.isExternalModuleReference(node.moduleReference) &&
      ts.isStringLiteral(node.moduleReference.expression)
    ) {
      found.push(node.moduleReference.expression.text);
    } else if (
      ts.isCallExpression(node) &&
      node.expression.kind === ts.SyntaxKind.ImportKeyword &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0])
    ) {
      found.push(node.arguments[0].text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The files under src/http/ a file imports (relative specifiers resolved; packages are not src/). */
function httpImports(file: string): string[] {
  return specifiers(file)
    .filter((s) => s.startsWith('.'))
    .map((s) => resolve(dirname(file), s))
    .filter((target) => target === HTTP || target.startsWith(`${HTTP}/`))
    .map(rel);
}

function allowedKind(file: string): string | null {
  const name = basename(file);
  const path = rel(file);
  if (file.startsWith(`${HTTP}/`)) return 'the HTTP layer';
  if (name === 'routes.ts') return 'a route file';
  if (path === 'src/studio/console.ts' || path === 'src/studio/live.ts') return 'a studio route module';
  if ((name === 'page.ts' || name === 'pages.ts') && existsSync(join(dirname(file), 'routes.ts')))
    return 'a page renderer';
  if (path === 'src/main.ts' || path === 'src/services.ts') return 'the composition root';
  return null;
}

const files = tsFiles(SRC);

describe('layers: only the HTTP layer, routes, pages and the composition root import src/http/', () => {
  test('the scan sees imports (src/main.ts imports src/http/app.ts, a route file imports the router)', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(httpImports(join(SRC, 'main.ts'))).toContain('src/http/app.ts');
    expect(httpImports(join(SRC, 'webhooks/routes.ts'))).toContain('src/http/router.ts');
  });

  test('no other file under src/ imports src/http/', () => {
    const offenders = files
      .filter((file) => allowedKind(file) === null && !(rel(file) in EXCEPTIONS))
      .flatMap((file) => httpImports(file).map((target) => `${rel(file)} imports ${target}`));
    expect(offenders).toEqual([]);
  });

  test('every exception exists, is no file of an allowed kind, and still imports src/http/', () => {
    const stale = Object.keys(EXCEPTIONS).filter((path) => {
      const file = join(ROOT, path);
      return !existsSync(file) || allowedKind(file) !== null || httpImports(file).length === 0;
    });
    expect(stale).toEqual([]);
  });
});
