// Receivers for bench/internet.ts, in a process of their own so that the bench process's CPU is
// the engine's: ENDPOINTS endpoints, each a distinct origin (a port of its own, over HTTPS with
// the bench CA's certificate for localhost and over plain HTTP), answering as customers' servers
// do. The path says how: /<tenant>/<profile>/<n>, the profile one of
//   healthy  answers 200 after a log-normal time (median 50 ms, most within 20-150 ms, capped 2 s);
//   flaky    the same time, then 500 half the time;
//   slow     answers 200 after 2-5 s;
//   hanging  takes the request and never answers.
// A healthy endpoint keeps each delivery's publish-to-arrival time by tenant. Each server counts
// the connections it accepted (one TLS handshake each over HTTPS), by the client's port. Prints
// its ports as one JSON line; on the control port GET / answers what arrived, GET /arrived
// how many at healthy endpoints, POST / forgets it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const endpoints = Number(process.env.ENDPOINTS ?? 200);
const pki = process.env.BENCH_PKI_DIR!;
const tls = {
  cert: readFileSync(join(pki, 'receiver.pem'), 'utf8'),
  key: readFileSync(join(pki, 'receiver.key'), 'utf8'),
};

let latencies: Record<string, number[]> = {};
let answered: Record<string, number> = {};
const connections = { https: [] as Array<Set<number>>, http: [] as Array<Set<number>> };

/** Box-Muller: a log-normal time around `medianMs`. */
function logNormalMs(medianMs: number, sigma: number, capMs: number): number {
  const u = 1 - Math.random();
  const v = Math.random();
  const z = Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  return Math.min(capMs, medianMs * Math.exp(sigma * z));
}

async function answer(req: Request): Promise<Response> {
  const [, tenant = '', profile = ''] = new URL(req.url).pathname.split('/');
  const body = (await req.json()) as { data?: { sent_at?: number } };
  const count = (status: number) => {
    answered[`${profile} ${status}`] = (answered[`${profile} ${status}`] ?? 0) + 1;
    return new Response(status === 200 ? 'ok' : 'unavailable', { status });
  };
  switch (profile) {
    case 'hanging':
      return new Promise<Response>(() => {});
    case 'slow':
      await Bun.sleep(2000 + Math.random() * 3000);
      return count(200);
    case 'flaky':
      await Bun.sleep(logNormalMs(50, 0.6, 2000));
      return count(Math.random() < 0.5 ? 500 : 200);
    default: {
      await Bun.sleep(logNormalMs(50, 0.6, 2000));
      const sentAt = body.data?.sent_at;
      if (sentAt) (latencies[tenant] ??= []).push(Date.now() - sentAt);
      return count(200);
    }
  }
}

function serve(scheme: 'https' | 'http', i: number): number {
  const seen = new Set<number>();
  connections[scheme][i] = seen;
  const server = Bun.serve({
    port: 0,
    hostname: '127.0.0.1',
    idleTimeout: 0,
    ...(scheme === 'https' ? { tls } : {}),
    fetch: (req, srv) => {
      seen.add(srv.requestIP(req)?.port ?? 0);
      return answer(req);
    },
  });
  return server.port!;
}

const ports = {
  https: Array.from({ length: endpoints }, (_, i) => serve('https', i)),
  http: Array.from({ length: endpoints }, (_, i) => serve('http', i)),
};

const control = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  fetch: (req) => {
    if (req.method === 'POST') {
      latencies = {};
      answered = {};
      for (const sets of Object.values(connections)) for (const s of sets) s.clear();
      return new Response('ok');
    }
    // While a bench waits it asks only how many arrived: the whole answer is for the end.
    if (new URL(req.url).pathname === '/arrived')
      return Response.json(Object.values(latencies).reduce((n, l) => n + l.length, 0));
    return Response.json({
      latencies,
      answered,
      connections: { https: connections.https.map((s) => s.size), http: connections.http.map((s) => s.size) },
    });
  },
});

console.log(JSON.stringify({ control: control.port, ...ports }));
