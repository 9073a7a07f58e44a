// What the process must be started with for the outbound client (src/process-env.ts): Bun's
// request limit above twice the in-flight budget, and WEBHOOK_CA_FILE trusted process-wide; the
// process restarts itself once, with the same pid, when either is missing.
import { describe, expect, test } from 'bun:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { missingEnvironment, outboundLimitFor } from '../src/process-env.ts';

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
  });

  test('a process started without them restarts itself once, same pid, with them', async () => {
    const script = `import { ensureProcessEnvironment } from ${JSON.stringify(join(import.meta.dir, '../src/process-env.ts'))};
console.log(JSON.stringify({ pid: process.pid, limit: process.env.BUN_CONFIG_MAX_HTTP_REQUESTS ?? null, ca: process.env.NODE_EXTRA_CA_CERTS ?? null }));
ensureProcessEnvironment();`;
    const env: Record<string, string> = {
      PATH: process.env.PATH ?? '',
      WEBHOOK_CA_FILE: '/tmp/argus-test-ca.pem',
      WORKER_MAX_IN_FLIGHT: '50',
    };
    const file = join(mkdtempSync(join(tmpdir(), 'argus-env-')), 'start.ts');
    writeFileSync(file, script);
    const run = Bun.spawnSync([process.execPath, file], { env, stdout: 'pipe', stderr: 'pipe' });
    expect(run.exitCode).toBe(0);
    const lines = run.stdout
      .toString()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { pid: number; limit: string | null; ca: string | null });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ limit: null, ca: null });
    expect(lines[1]).toEqual({ pid: lines[0]!.pid, limit: '356', ca: '/tmp/argus-test-ca.pem' });
  });
});
