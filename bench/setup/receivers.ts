// Receivers for bench/isolation.ts, in a process of their own so that the bench process's CPU
// and memory are the engine's: a quiet tenant's receiver (answers in 20 ms, keeps each
// delivery's publish-to-arrival time), a burst's receivers (25-75 ms), and a server that
// accepts connections, reads what it is sent and never answers. Prints its ports as one JSON
// line; GET /stats answers what arrived.
import { createServer, type Socket } from 'node:net';

const quiet: number[] = [];
let burst = 0;

const http = Bun.serve({
  port: 0,
  hostname: '127.0.0.1',
  idleTimeout: 0,
  fetch: async (req) => {
    const { pathname } = new URL(req.url);
    if (req.method === 'GET' && pathname === '/stats') return Response.json({ quiet, burst });
    if (req.method === 'POST' && pathname === '/reset') {
      quiet.length = 0;
      burst = 0;
      return new Response('ok');
    }
    const body = (await req.json()) as { data?: { sent_at?: number } };
    if (pathname.startsWith('/quiet')) {
      await Bun.sleep(20);
      if (body.data?.sent_at) quiet.push(Date.now() - body.data.sent_at);
    } else {
      await Bun.sleep(25 + Math.random() * 50);
      burst++;
    }
    return new Response('ok');
  },
});

const open = new Set<Socket>();
const hanging = createServer((socket) => {
  open.add(socket);
  socket.on('data', () => {}); // read and dropped: a receiver that takes the request and never answers
  socket.on('error', () => {});
  socket.on('close', () => open.delete(socket));
});
hanging.maxConnections = 100_000;
await new Promise<void>((resolve) => hanging.listen(0, '127.0.0.1', 4096, resolve));
const address = hanging.address();
console.log(JSON.stringify({ http: http.port, hanging: typeof address === 'object' && address ? address.port : 0 }));
