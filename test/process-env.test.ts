// What the process must be started with (src/process-env.ts): Bun's request limit above twice
// the in-flight budget, WEBHOOK_CA_FILE trusted process-wide, and Bun's header limit above
// MAX_HEADER_BYTES; the process restarts itself once, with the same pid and the runtime flags it
// had, when any is missing.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingEnvironment, missingFlags, outboundLimitFor, RUNTIME_HEADER_LIMIT } from '../src/process-env.ts';

describe('the process environment', () => {
  test('what is missing, and what an operator set is kept when it does the job', () => {
    expect(missingEnvironment({})).toEqual({ BUN_CONFIG_MAX_HTTP_REQUESTS: '2256' });
    expect(missingEnvironment({ WORKER_MAX_IN_FLIGHT: '4000' })).toEqual({ BUN_CONFIG_MAX_HTTP_REQUESTS: '8256' });
    expect(missingEnvironment({ BUN_CONFIG_MAX_HTTP_REQUESTS: '9000' })).toEqual({});
    expect(missingEnvironment({ BUN_CONFIG_MAX_HTTP_REQUESTS: '300' })).toEqual({
      BUN_CONFIG_MAX_HTTP_REQUESTS: '2256',
    });
    expect(missingEnvironment({ BUN_CONFIG_MAX_HTTP_REQUESTS: '9000', WEBHOOK_CA_FILE: '/etc/ca.pem' })).toEqual({
      NODE_EXTRA_CA_CERTS: '/etc/ca.pem',
    });
    expect(
      missingEnvironment({
        BUN_CONFIG_MAX_HTTP_REQUESTS: '9000',
        WEBHOOK_CA_FILE: '/etc/ca.pem',
        NODE_EXTRA_CA_CERTS: '/x',
      }),
    ).toEqual({});
    expect(outboundLimitFor(100_000)).toBe(65_535);
    expect(missingFlags(16_384)).toEqual([`--max-http-header-size=${RUNTIME_HEADER_LIMIT}`]);
    expect(missingFlags(RUNTIME_HEADER_LIMIT)).toEqual([]);
    expect(missingFlags(1_048_576)).toEqual([]);
  });

  /** Runs a script that prints what it was started with, then asks for the environment; answers what each run printed. */
  function startWith(env: Record<string, string>, flags: string[] = []) {
    const script = `import { ensureProcessEnvironment } from ${JSON.stringify(join(import.meta.dir, '../src/process-env.ts'))};
import { maxHeaderSize } from 'node:http';
console.log(JSON.stringify({ pid: process.pid, limit: process.env.BUN_CONFIG_MAX_HTTP_REQUESTS ?? null, ca: process.env.NODE_EXTRA_CA_CERTS ?? null, headers: maxHeaderSize, flags: process.execArgv }));
ensureProcessEnvironment();`;
    const file = join(mkdtempSync(join(tmpdir(), 'argus-env-')), 'start.ts');
    writeFileSync(file, script);
    const run = Bun.spawnSync([process.execPath, ...flags, file], {
      env: { PATH: process.env.PATH ?? '', ...env },
      stdout: 'pipe',
    });
    expect(run.exitCode).toBe(0);
    return run.stdout
      .toString()
      .trim()
      .split('\n')
      .map(
        (l) =>
          JSON.parse(l) as { pid: number; limit: string | null; ca: string | null; headers: number; flags: string[] },
      );
  }

  test('a process started without them restarts itself once, same pid, with them', () => {
    const runs = startWith({ WEBHOOK_CA_FILE: '/tmp/argus-test-ca.pem', WORKER_MAX_IN_FLIGHT: '50' });
    expect(runs).toHaveLength(2);
    expect(runs[0]).toMatchObject({ limit: null, ca: null });
    expect(runs[1]).toMatchObject({ pid: runs[0]!.pid, limit: '356', ca: '/tmp/argus-test-ca.pem' });
    expect(runs[0]!.headers).toBe(16_384);
    expect(runs[1]!.headers).toBe(RUNTIME_HEADER_LIMIT);
  });

  test('the restarted process keeps the runtime flags it was started with', () => {
    const runs = startWith({}, ['--smol']);
    expect(runs).toHaveLength(2);
    expect(runs[0]!.flags).toEqual(['--smol']);
    expect(runs[1]!.flags).toEqual(['--smol', `--max-http-header-size=${RUNTIME_HEADER_LIMIT}`]);
  });

  test('a process started with all of it does not restart', () => {
    const runs = startWith({ BUN_CONFIG_MAX_HTTP_REQUESTS: '9000' }, [
      `--max-http-header-size=${RUNTIME_HEADER_LIMIT}`,
    ]);
    expect(runs).toHaveLength(1);
  });

  test("a host's own NODE_EXTRA_CA_CERTS is kept, with WEBHOOK_CA_FILE's certificates beside it", () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-ca-'));
    const host = join(dir, 'host.pem');
    const ours = join(dir, 'ours.pem');
    writeFileSync(host, '-----BEGIN CERTIFICATE-----\nHOST\n-----END CERTIFICATE-----\n');
    writeFileSync(ours, '-----BEGIN CERTIFICATE-----\nOURS\n-----END CERTIFICATE-----\n');
    const runs = startWith({ WEBHOOK_CA_FILE: ours, NODE_EXTRA_CA_CERTS: host, BUN_CONFIG_MAX_HTTP_REQUESTS: '9000' });
    expect(runs).toHaveLength(2);
    const both = readFileSync(runs[1]!.ca!, 'utf8');
    expect(both).toContain('HOST');
    expect(both).toContain('OURS');
    // Already holding both: nothing more to do, no restart.
    expect(
      startWith({ WEBHOOK_CA_FILE: ours, NODE_EXTRA_CA_CERTS: runs[1]!.ca!, BUN_CONFIG_MAX_HTTP_REQUESTS: '9000' }, [
        `--max-http-header-size=${RUNTIME_HEADER_LIMIT}`,
      ]),
    ).toHaveLength(1);
  });
});
