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

/** `ALLOW_PRIVATE_TARGETS=true npm start` (or without it), on a fresh embedded database, on a port of its own. */
async function startServer(allowPrivateTargets: boolean) {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-onboarding-'));
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  const proc = Bun.spawn([process.execPath, 'src/cli.ts', 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: url,
      ALLOW_PRIVATE_TARGETS: String(allowPrivateTargets),
      LOG_LEVEL: 'warn',
    },
    stdout: 'ignore',
    stderr: 'pipe',
  });
  void new Response(proc.stderr as ReadableStream).text().then((t) => log.push(t));
  await untilReady(url, proc, 30_000, () => log.join(''));
  return { proc, url, dataDir, log };
}

/** The onboarding script in one bash session, the way a new user pastes it. */
async function runOnboarding(server: { url: string; dataDir: string }) {
  const script = onboardingScript(readFileSync(join(root, 'README.md'), 'utf8'));
  // This service's address and a free port for the receiver, as plain shell variables (not
  // exported), so a block that needs them in a child process must export them as a user would.
  const preset = `ARGUS=${server.url}\nRECEIVER_PORT=${freePort()}\n`;
  const { ARGUS: _a, RECEIVER_PORT: _r, ...env } = process.env;
  const shell = Bun.spawn(['bash', '-euo', 'pipefail', '-c', preset + script], {
    cwd: root, // "in this folder", as the README says
    env: { ...env, DATA_DIR: server.dataDir },
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [out, err, code] = await Promise.all([
    new Response(shell.stdout).text(),
    new Response(shell.stderr).text(),
    shell.exited,
  ]);
  return { out, err, code };
}

let server: Awaited<ReturnType<typeof startServer>>;

beforeAll(async () => {
  server = await startServer(true);
}, 60_000);

afterAll(async () => {
  server.proc.kill('SIGTERM');
  await server.proc.exited;
});

describe('README onboarding', () => {
  test('every step runs as written and does what it says, and again on the same install', async () => {
    for (const run of [1, 2]) {
      const { out, err, code } = await runOnboarding(server);
      if (code !== 0) console.error(`onboarding run ${run} failed (${code}):\n${out}\n${err}\n${server.log.join('')}`);
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
      expect(out).toContain('typed client: webhook.test succeeded');
      // 4: GraphQL, an approved operation of the granted bundle; introspection refused
      expect(out).toContain('"graphql_bundles":["incident-webhooks"]');
      expect(out).toMatch(/IncidentWebhooks\tsha256:[0-9a-f]{64}/);
      expect(out).toMatch(/\{"data":\{"webhooks":\{"webhooks":\[\{"id":"wh_/);
      expect(out).toContain('INTROSPECTION_DISABLED');
      // 5: reviewed access, and the request acknowledged
      expect(out).toContain('"error":"reviewed_access_required"');
      expect(out).toMatch(/"reference":"[^"]+"/);
      // The second run: Acme exists, and bootstrap said so before a token was minted for it.
      if (run === 2) expect(err).toContain('a tenant named "Acme" already exists');
    }
  }, 240_000);

  test('started without ALLOW_PRIVATE_TARGETS, the refusal of the loopback receiver is on screen, and the script stops there', async () => {
    const strict = await startServer(false);
    try {
      const { out, err, code } = await runOnboarding(strict);
      expect(code).not.toBe(0);
      expect(err).toContain('curl: (22) The requested URL returned error: 400');
      expect(err).toContain(
        `{"error":"invalid_request","error_description":"url: points at a private or loopback address"}`,
      );
      expect(out).not.toContain('received webhook.test');
    } finally {
      strict.proc.kill('SIGTERM');
      await strict.proc.exited;
    }
  }, 120_000);
});
