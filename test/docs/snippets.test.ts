// Code blocks of the README and docs/ that are meant to run, run as written: each marked
// `<!-- snippet:<name> … -->` right above its fence, saved as a module beside the project's
// node_modules with the names it expects (ARGUS, CLIENT_ID, …) defined before it and checks of
// its outcome after, then run on Node and on Bun against a server over HTTPS, trusted through a
// test CA with NODE_EXTRA_CA_CERTS, as an integrator's machine trusts a real certificate.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeTestPki } from '../support/certs.ts';
import { newTenant, startTestService, type TestService } from '../support/service.ts';

const ROOT = join(import.meta.dir, '../..');
/** The README and docs/, where snippets live. */
const DOCS = ['README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter((f) => f.endsWith('.md'));
const texts = DOCS.map((file) => readFileSync(join(ROOT, file), 'utf8'));

/** The fenced block under `<!-- snippet:name … -->`, its indentation (a list item's) removed. */
export function snippet(name: string): string {
  const text = texts.find((t) => t.includes(`<!-- snippet:${name}`));
  if (text === undefined) throw new Error(`no snippet:${name} in ${DOCS.join(', ')}`);
  const fence = /^( *)```\w*\n([\s\S]*?)^\1```/m.exec(text.slice(text.indexOf(`<!-- snippet:${name}`)));
  if (!fence) throw new Error(`snippet:${name} has no code block under it`);
  const indent = fence[1]!.length;
  return fence[2]!
    .split('\n')
    .map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length)))
    .join('\n');
}

const pki = makeTestPki();
const leaf = pki.leaf('served');
const dir = mkdtempSync(join(tmpdir(), 'argus-snippets-'));
symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ env: { TLS_CERT_FILE: leaf.certFile, TLS_KEY_FILE: leaf.keyFile } });
}, 30_000);
afterAll(async () => {
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pki.dir, { recursive: true, force: true });
});

/** Runs `body` as an ES module with `names` defined first; answers its exit code and output. */
async function run(runtime: 'node' | 'bun', file: string, names: Record<string, string>, body: string) {
  const prelude = Object.entries(names)
    .map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`)
    .join('\n');
  const path = join(dir, file);
  writeFileSync(path, `${prelude}\n${body}\n`);
  const proc = Bun.spawn([runtime === 'bun' ? process.execPath : 'node', path], {
    cwd: dir,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caFile },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [out, err, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, output: out + err };
}

describe('documented snippets, run as written', () => {
  for (const runtime of ['node', 'bun'] as const)
    test(`openid-client with DPoP: discovery, a client_credentials token bound to a key, a protected route (${runtime})`, async () => {
      expect(service.url).toStartWith('https://');
      const t = await newTenant(service);
      const { app, clientSecret } = await service.apps.create(await service.tokens.verify(t.adminToken), {
        name: 'Snippet',
        grant_types: ['client_credentials'],
        requested_scopes: ['webhooks:read'],
      });
      const [client_id, client_secret] = [app.id, clientSecret!];
      const outcome = `
if (tokens.token_type !== 'dpop') throw new Error('token_type ' + tokens.token_type);
if (res.status !== 200) throw new Error('protected route answered ' + res.status + ' ' + (await res.text()));
console.log('ok');`;
      const result = await run(
        runtime,
        `dpop-${runtime}.mjs`,
        { ARGUS: service.url, CLIENT_ID: client_id, CLIENT_SECRET: client_secret },
        snippet('openid-client-dpop') + outcome,
      );
      expect(result).toEqual({ code: 0, output: 'ok\n' });
    }, 30_000);
});
