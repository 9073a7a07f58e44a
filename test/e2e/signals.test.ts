// A supervisor (a container runtime, systemd, a terminal's Ctrl-C) stops the server by
// signalling whatever it started: `npm start`, `npm run start:deno`. The server must stop
// cleanly behind it: nothing left listening, the embedded database's lock released, the
// process gone.
import { describe, expect, test } from 'bun:test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, untilReady } from '../support/service.ts';

const root = join(import.meta.dir, '../..');
const npm = Bun.which('npm');

function running(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function startAndSignal(script: string, signal: 'SIGTERM' | 'SIGINT') {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-signals-'));
  const port = freePort();
  const url = `http://127.0.0.1:${port}`;
  const proc = Bun.spawn([npm!, 'run', '-s', script], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      PUBLIC_URL: url,
      LOG_LEVEL: 'info',
    },
    stdin: 'ignore',
    stdout: 'pipe',
    stderr: 'pipe',
  });
  const output = new Response(proc.stdout).text();
  await untilReady(url, proc, 60_000, async () => {
    proc.kill();
    return `${await output}\n${await new Response(proc.stderr).text()}`;
  });
  // The server's own pid, as the embedded database's lock names it (npm's child, not npm).
  const serverPid = Number(readFileSync(join(dataDir, 'argus.lock'), 'utf8'));
  expect(serverPid).not.toBe(proc.pid);
  expect(running(serverPid)).toBe(true);

  proc.kill(signal);
  const code = await proc.exited;
  // npm has exited; the server must be gone with it, not orphaned.
  for (let i = 0; i < 50 && running(serverPid); i++) await Bun.sleep(100);
  return {
    code,
    serverAlive: running(serverPid),
    listening: await fetch(`${url}/healthz`).then(
      () => true,
      () => false,
    ),
    lockLeft: existsSync(join(dataDir, 'argus.lock')),
    socketLeft: existsSync(join(dataDir, 'argus.sock')),
    log: await output,
  };
}

describe.skipIf(!npm)('signals through npm', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    test(`${signal} to \`npm start\` stops the server cleanly`, async () => {
      const r = await startAndSignal('start', signal);
      expect({
        serverAlive: r.serverAlive,
        listening: r.listening,
        lockLeft: r.lockLeft,
        socketLeft: r.socketLeft,
      }).toEqual({ serverAlive: false, listening: false, lockLeft: false, socketLeft: false });
      expect(r.code).toBe(0);
      expect(r.log).toContain(`"msg":"shutting down"`);
      expect(r.log).toContain(`"signal":"${signal}"`);
      expect(r.log).toContain('"msg":"stopped"');
    }, 90_000);
  }

  test('SIGTERM to `npm run start:deno` stops the server cleanly', async () => {
    const r = await startAndSignal('start:deno', 'SIGTERM');
    expect({
      serverAlive: r.serverAlive,
      listening: r.listening,
      lockLeft: r.lockLeft,
      socketLeft: r.socketLeft,
    }).toEqual({ serverAlive: false, listening: false, lockLeft: false, socketLeft: false });
    expect(r.code).toBe(0);
    expect(r.log).toContain('"msg":"stopped"');
  }, 120_000);
});
