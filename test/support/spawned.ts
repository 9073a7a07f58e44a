// `argus serve` in a process of its own, on Bun or on Deno (as `npm start` / `npm run
// start:deno` run it), on the embedded database, and requests to it over a real socket: from
// a chosen loopback address (127.0.0.2 is another client than 127.0.0.1), over HTTPS with a
// test CA.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Subprocess } from 'bun';
import { freePort } from './service.ts';

export type Runtime = 'bun' | 'deno';
export const RUNTIMES: Runtime[] = ['bun', 'deno'];
export const ROOT = join(import.meta.dir, '../..');

/** The command that runs the CLI on a runtime, with the runtime flags of `npm start` / `npm run start:deno`. */
export function cliCommand(runtime: Runtime): string[] {
  const scriptName = runtime === 'bun' ? 'start' : 'start:deno';
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts[scriptName];
  if (script === undefined) throw new Error(`package.json has no ${scriptName} script`);
  const flags = script.split(/\s+/).filter((w) => w.startsWith('--'));
  if (runtime === 'bun') return [process.execPath, ...flags, 'src/cli.ts'];
  return [join(ROOT, 'node_modules/.bin/deno'), 'run', ...flags, 'src/cli.ts'];
}

export interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}
export interface RequestOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  from?: string;
  ca?: string;
}

/** One request over a new connection (from `from`, trusting `ca` for https). */
export function send(url: string, options: RequestOptions = {}): Promise<Answer> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        localAddress: options.from,
        ca: options.ca,
        agent: false,
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface Spawned {
  runtime: Runtime;
  url: string;
  port: number;
  dataDir: string;
  proc: Subprocess<'ignore', 'pipe', 'pipe'>;
  /** Everything it wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, and its exit code. */
  stop(): Promise<number>;
}

/** Starts `argus serve`; resolves once /readyz answers (over https with `ca` when given). */
export async function spawnServe(
  runtime: Runtime,
  env: Record<string, string>,
  options: { ca?: string; limitMs?: number } = {},
): Promise<Spawned> {
  const port = Number(env.PORT ?? freePort());
  const scheme = options.ca ? 'https' : 'http';
  const dataDir = mkdtempSync(join(tmpdir(), `argus-${runtime}-`));
  const proc = Bun.spawn([...cliCommand(runtime), 'serve'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      PUBLIC_URL: `${scheme}://127.0.0.1:${port}`,
      LOG_LEVEL: 'info',
      ALLOW_PRIVATE_TARGETS: 'true',
      WORKER_POLL_MS: '50',
      ...env,
      PORT: String(port),
    },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  let output = '';
  for (const stream of [proc.stdout, proc.stderr]) {
    void (async () => {
      const reader = stream.getReader();
      for (let r = await reader.read(); !r.done; r = await reader.read()) output += new TextDecoder().decode(r.value);
    })();
  }
  const url = `${scheme}://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.limitMs ?? 60_000);
  while (
    !(await send(`${url}/readyz`, { ca: options.ca }).then(
      (r) => r.status === 200,
      () => false,
    ))
  ) {
    if (Date.now() > deadline || proc.exitCode !== null) {
      proc.kill('SIGKILL');
      throw new Error(`${runtime}: ${url} did not become ready:\n${output}`);
    }
    await Bun.sleep(100);
  }
  return {
    runtime,
    url,
    port,
    dataDir,
    proc,
    output: () => output,
    stop: async () => {
      proc.kill('SIGTERM');
      return proc.exited;
    },
  };
}

/** Runs the CLI to completion (e.g. `argus serve` refusing its configuration). */
export async function runCli(
  runtime: Runtime,
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number; stdout: string; stderr: string }> {
  const proc = Bun.spawn([...cliCommand(runtime), ...args], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  return { code, stdout, stderr };
}

/** `argus bootstrap` against a spawned server's data dir (through its control socket). */
export async function bootstrapTenant(
  server: Spawned,
  options: { password?: string } = {},
): Promise<{ token: string; tenantId: string; email: string }> {
  const email = `admin-${Date.now()}@example.com`;
  const args = [
    'bootstrap',
    '--tenant',
    `Tenant ${Date.now()} ${Math.random().toString(36).slice(2, 8)}`,
    '--admin-email',
    email,
    '--json',
    ...(options.password ? ['--admin-password', options.password] : []),
  ];
  const run = await runCli('bun', args, { DATA_DIR: server.dataDir });
  if (run.code !== 0) throw new Error(`argus bootstrap failed (${run.code}): ${run.stderr}`);
  const out = JSON.parse(run.stdout) as { admin_access_token: string; tenant_id: string };
  return { token: out.admin_access_token, tenantId: out.tenant_id, email };
}
