// Code blocks of the README and docs/ that are meant to run, run as written: each marked
// `<!-- snippet:<name> … -->` right above its fence, saved as a module beside the project's
// node_modules with the names it expects (ARGUS, CLIENT_ID, …) defined before it and checks of
// its outcome after, then run on Node and on Bun against a server over HTTPS, trusted through a
// test CA with NODE_EXTRA_CA_CERTS, as an integrator's machine trusts a real certificate.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportJWK, generateKeyPair } from 'jose';
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
// An integrator's project: the repository's packages, and the client installed as a package.
const dir = mkdtempSync(join(tmpdir(), 'argus-snippets-'));
mkdirSync(join(dir, 'node_modules/@argus-integrations'), { recursive: true });
for (const entry of readdirSync(join(ROOT, 'node_modules')))
  if (entry !== '@argus-integrations') symlinkSync(join(ROOT, 'node_modules', entry), join(dir, 'node_modules', entry));
symlinkSync(join(ROOT, 'clients/typescript'), join(dir, 'node_modules/@argus-integrations/client'));
writeFileSync(
  join(dir, 'package.json'),
  JSON.stringify({
    type: 'module',
    dependencies: { '@argus-integrations/client': '*', 'openid-client': '*', oauth4webapi: '*', standardwebhooks: '*' },
  }),
);
let service: TestService;

beforeAll(async () => {
  service = await startTestService({ env: { TLS_CERT_FILE: leaf.certFile, TLS_KEY_FILE: leaf.keyFile } });
}, 30_000);
afterAll(async () => {
  await service.stop();
  rmSync(dir, { recursive: true, force: true });
  rmSync(pki.dir, { recursive: true, force: true });
});

type Runtime = 'node' | 'bun' | 'deno';

/**
 * Runs `body` as an ES module with `names` defined first; answers its exit code and output. A
 * TypeScript snippet is type-checked under `strict` first, then run as TypeScript by Bun and
 * Deno and, compiled by tsc, by Node.
 */
async function run(runtime: Runtime, file: string, names: Record<string, string>, body: string) {
  const prelude = Object.entries(names)
    .map(([k, v]) => `const ${k} = ${JSON.stringify(v)};`)
    .join('\n');
  const path = join(dir, file);
  writeFileSync(path, `${prelude}\n${body}\n`);
  let target = path;
  if (file.endsWith('.ts')) {
    const config = join(dir, `${file}.tsconfig.json`);
    writeFileSync(
      config,
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noUncheckedIndexedAccess: true,
          target: 'es2022',
          module: 'nodenext',
          lib: ['es2022', 'dom', 'dom.iterable'],
          types: [],
          skipLibCheck: true,
          outDir: join(dir, 'out'),
        },
        files: [path],
      }),
    );
    const tsc = Bun.spawnSync([join(ROOT, 'node_modules/.bin/tsc'), '-p', config], {
      cwd: dir,
      stdout: 'pipe',
      stderr: 'pipe',
    });
    if (tsc.exitCode !== 0) return { code: tsc.exitCode, output: `tsc: ${tsc.stdout}${tsc.stderr}` };
    if (runtime === 'node') target = join(dir, 'out', file.replace(/\.ts$/, '.js'));
  }
  const command = {
    node: ['node', target],
    bun: [process.execPath, target],
    deno: [join(ROOT, 'node_modules/.bin/deno'), 'run', '--allow-net', '--allow-env', '--allow-read', target],
  }[runtime];
  const proc = Bun.spawn(command, {
    cwd: dir,
    env: { ...process.env, NODE_EXTRA_CA_CERTS: pki.caFile, DENO_CERT: pki.caFile },
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

  for (const runtime of ['node', 'bun'] as const)
    test(`oauth4webapi with private_key_jwt: metadata, a client_credentials token for a signed assertion (${runtime})`, async () => {
      const t = await newTenant(service);
      const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
      const jwk = { ...(await exportJWK(publicKey)), kid: 'integrator-1', alg: 'ES256', use: 'sig' };
      const { app } = await service.apps.create(await service.tokens.verify(t.adminToken), {
        name: 'Snippet private_key_jwt',
        grant_types: ['client_credentials'],
        requested_scopes: ['webhooks:read'],
        token_endpoint_auth_method: 'private_key_jwt',
        jwks: { keys: [jwk] },
      });
      // The snippet's privateKey, handed over as a JWK; then what it got, checked.
      const prelude = `const privateKey = await crypto.subtle.importKey('jwk', JSON.parse(PRIVATE_JWK), { name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign']);\n`;
      const outcome = `
if (tokens.token_type !== 'bearer' || tokens.scope !== 'webhooks:read') throw new Error(JSON.stringify(tokens));
const res = await fetch(ARGUS + '/v1/webhooks', { headers: { authorization: 'Bearer ' + tokens.access_token } });
if (res.status !== 200) throw new Error('protected route answered ' + res.status + ' ' + (await res.text()));
console.log('ok');`;
      const result = await run(
        runtime,
        `private-key-jwt-${runtime}.mjs`,
        { ARGUS: service.url, CLIENT_ID: app.id, PRIVATE_JWK: JSON.stringify(await exportJWK(privateKey)) },
        prelude + snippet('oauth4webapi-private-key-jwt') + outcome,
      );
      expect(result).toEqual({ code: 0, output: 'ok\n' });
    }, 30_000);

  for (const runtime of ['node', 'bun', 'deno'] as const)
    test(`the typed client: a webhook created, its secret typed, a delivery verified (${runtime})`, async () => {
      const t = await newTenant(service);
      // What the snippet prints, then a delivery signed with the secret it got, handed to its handler.
      const outcome = `
const { Webhook } = await import('standardwebhooks');
const payload = JSON.stringify({ type: 'case.updated', timestamp: new Date().toISOString(), data: { case_id: 'c1' } });
const sentAt = new Date();
const signature = new Webhook(hook.secret!).sign('msg_snippet', sentAt, payload);
const answered = await onDelivery(
  new Request('https://you.example/hooks', {
    method: 'POST',
    headers: {
      'webhook-id': 'msg_snippet',
      'webhook-timestamp': String(Math.floor(sentAt.getTime() / 1000)),
      'webhook-signature': signature,
    },
    body: payload,
  }),
);
if (answered.status !== 204) throw new Error('the handler answered ' + answered.status);
console.log('ok');`;
      const result = await run(
        runtime,
        `client-${runtime}.ts`,
        { ARGUS: service.url, ACCESS_TOKEN: t.adminToken },
        snippet('typed-client') + outcome,
      );
      expect(result.code, result.output).toBe(0);
      const lines = result.output.trim().split('\n');
      expect(lines[0]).toMatch(/^wh_\S+ active$/);
      expect(lines[1]).toStartWith('msg_snippet case.updated {');
      expect(result.output).toMatch(/case_id: ["']c1["']/);
      expect(lines.at(-1)).toBe('ok');
    }, 60_000);
});
