// The README's onboarding section, run as written: its shell blocks, in order, in one bash
// session against a freshly started service on the embedded database, the way a new user
// pastes them. If the README rots, this fails.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, untilReady } from '../support/service.ts';

const root = join(import.meta.dir, '../..');

/** The ```sh blocks between the onboarding markers of the README. */
export function onboardingScript(readme: string): string {
  const start = readme.indexOf('<!-- onboarding:start -->');
  const end = readme.indexOf('<!-- onboarding:end -->');
  if (start < 0 || end < start) throw new Error('README has no onboarding section');
  const blocks = [...readme.slice(start, end).matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1]);
  if (blocks.length === 0) throw new Error('the onboarding section has no sh blocks');
  return blocks.join('\n');
}

let server: ReturnType<typeof Bun.spawn>;
let url = '';
let dataDir = '';
const serverLog: string[] = [];

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'argus-onboarding-'));
  const port = freePort();
  url = `http://127.0.0.1:${port}`;
  // What the README says to start: `ALLOW_PRIVATE_TARGETS=true npm start`, on a fresh
  // embedded database (no DATABASE_URL), on a port of its own.
  server = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), PUBLIC_URL: url, ALLOW_PRIVATE_TARGETS: 'true', LOG_LEVEL: 'warn' },
    stdout: 'ignore', stderr: 'pipe',
  });
  void new Response(server.stderr as ReadableStream).text().then((t) => serverLog.push(t));
  await untilReady(url, server, 30_000, () => serverLog.join(''));
}, 60_000);

afterAll(async () => {
  server.kill('SIGTERM');
  await server.exited;
});

describe('README onboarding', () => {
  test('every step runs as written and does what it says', async () => {
    const script = onboardingScript(readFileSync(join(root, 'README.md'), 'utf8'));
    const receiverPort = freePort();
    // This service's address and a free port for the receiver, as plain shell variables (not
    // exported), so a block that needs them in a child process must export them as a user would.
    const preset = `ARGUS=${url}\nRECEIVER_PORT=${receiverPort}\n`;
    const { ARGUS: _a, RECEIVER_PORT: _r, ...env } = process.env;
    const shell = Bun.spawn(['bash', '-euo', 'pipefail', '-c', preset + script], {
      cwd: root, // "in this folder", as the README says
      env: { ...env, DATA_DIR: dataDir },
      stdout: 'pipe', stderr: 'pipe',
    });
    const [out, err, code] = await Promise.all([new Response(shell.stdout).text(), new Response(shell.stderr).text(), shell.exited]);
    if (code !== 0) console.error(`onboarding failed (${code}):\n${out}\n${err}\n${serverLog.join('')}`);
    expect(code).toBe(0);
    // 1: the app, without its secret in what is echoed
    expect(out).toMatch(/"client_id": "app_/);
    // 2: the scope catalogue
    expect(out).toContain('webhooks:write\tCreate and update outbound webhook subscriptions');
    // 4: the token verified against JWKS, a signed test delivery received and in the history
    expect(out).toMatch(/verified: kid \S+, tenant ten_\S+, scope "webhooks:write graphql"/);
    expect(out).toContain('"status":"queued"');
    expect(out).toMatch(/received webhook\.test, signature verified, webhook-id evt_/);
    expect(out).toMatch(/"event_type":"webhook\.test","status":"succeeded","response_status":200/);
    // 4: GraphQL, an approved operation of the granted bundle; introspection refused
    expect(out).toContain('"graphql_bundles":["incident-webhooks"]');
    expect(out).toMatch(/IncidentWebhooks\tsha256:[0-9a-f]{64}/);
    expect(out).toMatch(/\{"data":\{"webhooks":\{"webhooks":\[\{"id":"wh_/);
    expect(out).toContain('INTROSPECTION_DISABLED');
    // 5: reviewed access, and the request acknowledged
    expect(out).toContain('"error":"reviewed_access_required"');
    expect(out).toMatch(/"reference":"[^"]+"/);
  }, 120_000);
});
