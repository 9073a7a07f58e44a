// docs/contract.md is prose for readers; the fixture is what the tests run. Every route of one
// is in the other, what the page quotes is the contract's own, and it points nowhere outside
// the repository.
import { describe, expect, test } from 'bun:test';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { contractDocuments, curlExamples, type ContractEntry } from '../support/contract-fixture.ts';

const ROOT = join(import.meta.dir, '../..');
const PAGE = join(ROOT, 'docs/contract.md');
const page = readFileSync(PAGE, 'utf8');
const entries = contractDocuments().flatMap((doc) => doc.entries);
const routes = entries.filter((e): e is ContractEntry & { methods: string[]; path: string } => !!e.methods && !!e.path);
const key = (methods: string[], path: string) => `${methods.join('/')} ${path}`;

/** Headings naming a route, as "### `GET/POST /v1/webhooks`: …". */
const headingRoutes = [...page.matchAll(/^#{2,4} `([A-Z]+(?:\/[A-Z]+)*) (\/\S*)`/gm)].map((m) => ({
  methods: m[1]!.split('/'),
  path: m[2]!,
}));
const blocks = [...page.matchAll(/^```(\w*)\n([\s\S]*?)\n```$/gm)].map((m) => ({ lang: m[1], text: m[2]! }));

describe('docs/contract.md against the contract fixture', () => {
  test('every route of the fixture has its heading on the page', () => {
    const documented = new Set(headingRoutes.map((r) => key(r.methods, r.path)));
    expect(routes.map((r) => key(r.methods, r.path)).filter((k) => !documented.has(k))).toEqual([]);
  });

  test('every route heading on the page is a route of the fixture, once', () => {
    const known = new Set(routes.map((r) => key(r.methods, r.path)));
    const documented = headingRoutes.map((r) => key(r.methods, r.path));
    expect(documented.filter((k) => !known.has(k))).toEqual([]);
    expect(documented.length).toBe(new Set(documented).size);
  });

  test('every curl example of the fixture targets a route the page documents', () => {
    const documents = (method: string, path: string) =>
      headingRoutes.some(
        (r) => r.methods.includes(method) && new RegExp(`^${r.path.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
      );
    const examples = curlExamples();
    expect(examples.length).toBeGreaterThan(0);
    expect(examples.filter((e) => !documents(e.method, e.path)).map((e) => `${e.method} ${e.path}`)).toEqual([]);
  });

  test("every request and documented response the page shows is the contract's own", () => {
    const requests = new Set(entries.flatMap((e) => (e.request ? [e.request.join('\n')] : [])));
    const responses = entries.flatMap((e) => (e.response === undefined ? [] : [e.response]));
    const shown = blocks.filter((b) => b.lang !== 'json');
    expect(shown.length).toBeGreaterThan(0);
    expect(shown.map((b) => b.text).filter((text) => !requests.has(text))).toEqual([]);
    const json = blocks.filter((b) => b.lang === 'json');
    expect(json.length).toBeGreaterThan(0);
    for (const b of json) expect(responses).toContainEqual(JSON.parse(b.text));
  });

  test("every capability behind reviewed access is named in the page's reviewed-access section", () => {
    const section = page.slice(page.indexOf('\n## Behind reviewed access'));
    const reviewed = entries.filter((e) => e.access === 'reviewed');
    expect(reviewed.length).toBeGreaterThan(0);
    expect(reviewed.flatMap((e) => [e.title, e.covers ?? '']).filter((name) => !section.includes(name))).toEqual([]);
  });
});

/** The anchors GitHub makes of a Markdown file's headings (outside code blocks). */
function headingAnchors(path: string): Set<string> {
  const anchors = new Set<string>();
  let fenced = false;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (/^\s*```/.test(line)) fenced = !fenced;
    const heading = !fenced && /^#{1,6} (.*)$/.exec(line);
    if (heading)
      anchors.add(
        heading[1]!
          .trim()
          .toLowerCase()
          .replace(/[^\p{L}\p{N}\- _]/gu, '')
          .replace(/ /g, '-'),
      );
  }
  return anchors;
}

describe('the contract from inside the repository', () => {
  test('the README links to docs/contract.md', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme.includes('](docs/contract.md)'), 'README.md has no link to docs/contract.md').toBe(true);
  });

  test('the relative links of the README, CHANGELOG.md and docs/ resolve inside the repository, anchors included', () => {
    const files = ['README.md', 'CHANGELOG.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter(
      (f) => f.endsWith('.md'),
    );
    const links = files.flatMap((file) => {
      const text = readFileSync(join(ROOT, file), 'utf8');
      return [...text.matchAll(/\]\(([^)#\s]*)(?:#([^)\s]*))?\)/g)]
        .map((m) => ({ target: m[1]!, anchor: m[2] ?? null }))
        .filter(({ target }) => !/^[a-z]+:/.test(target))
        .map(({ target, anchor }) => ({
          file,
          target,
          anchor,
          path: target === '' ? join(ROOT, file) : resolve(dirname(join(ROOT, file)), target),
        }));
    });
    expect(links.length).toBeGreaterThan(0);
    const outside = links.filter((l) => relative(ROOT, l.path).startsWith('..') || !existsSync(l.path));
    expect(outside.map((l) => `${l.file}: ${l.target}`)).toEqual([]);
    const unanchored = links.filter(
      (l) => l.anchor !== null && l.path.endsWith('.md') && !headingAnchors(l.path).has(l.anchor),
    );
    expect(unanchored.map((l) => `${l.file}: ${l.target}#${l.anchor}`)).toEqual([]);
  });
});
