// The cost of the outbound target check and of pinning, per POST, to a loopback receiver in a
// process of its own (so the CPU counted here is the sender's): a plain fetch of the URL; what
// the engine does for an address literal (check, then fetch); pinned to a given address (no
// lookup: the Host header and the connection to the address, the pinning alone); and what the
// engine does for a host name (check with one lookup of `localhost`, then the pinned POST).
// CPU microseconds of this process per POST, and wall microseconds per POST at concurrency 16.
import { checkTarget } from '../src/outbound/target-check.ts';
import { postWebhook } from '../src/webhooks/http-client.ts';
import { figure, machine, quick } from './support.ts';

const receiverCode = `const s = Bun.serve({ port: 0, hostname: '127.0.0.1', fetch: async (req) => { await req.arrayBuffer(); return new Response('ok'); } }); console.log(s.port);`;
const child = Bun.spawn([process.execPath, '-e', receiverCode], { stdout: 'pipe', stderr: 'inherit' });
const reader = child.stdout.getReader();
const port = Number(new TextDecoder().decode((await reader.read()).value).trim());

const body = JSON.stringify({
  type: 'case.created',
  timestamp: new Date().toISOString(),
  data: { case_id: 'case_1', title: 'x'.repeat(200) },
});
const headers = { 'content-type': 'application/json', 'user-agent': 'Argus-Webhooks/1.0' };
const literal = `http://127.0.0.1:${port}/hook`;
const named = `http://localhost:${port}/hook`;

async function sent(p: Promise<{ status: number | null; error: string | null }>) {
  const r = await p;
  if (r.status !== 200) throw new Error(`POST failed: ${r.error ?? r.status}`);
}

const variants: Array<[string, () => Promise<void>]> = [
  ['plain_fetch', () => sent(postWebhook(literal, body, headers, 5000))],
  [
    'literal_checked',
    async () => {
      const c = await checkTarget(literal, true);
      if (!c.ok) throw new Error(c.problem);
      await sent(postWebhook(c.target, body, headers, 5000));
    },
  ],
  [
    'pinned_no_lookup',
    () => sent(postWebhook({ url: `http://receiver.invalid:${port}/hook`, address: '127.0.0.1' }, body, headers, 5000)),
  ],
  [
    'name_resolved_pinned',
    async () => {
      const c = await checkTarget(named, true);
      if (!c.ok) throw new Error(c.problem);
      await sent(postWebhook(c.target, body, headers, 5000));
    },
  ],
];

const n = quick ? 2000 : 20000;
const concurrency = 16;
try {
  for (const [name, task] of variants) {
    for (let i = 0; i < 200; i++) await task(); // warm the connection pool and the JIT
    const cpu = process.cpuUsage();
    const start = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next++ < n) await task();
      }),
    );
    const wallUs = ((performance.now() - start) * 1000) / n;
    const used = process.cpuUsage(cpu);
    figure('outbound', `${name}_cpu_per_post`, (used.user + used.system) / n, 'us', { machine, n, concurrency });
    figure('outbound', `${name}_wall_per_post`, wallUs, 'us', { n, concurrency });
  }
} finally {
  child.kill();
}
