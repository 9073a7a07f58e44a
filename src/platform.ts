// The one place that knows which runtime we are on (Bun or Deno). Everything else uses
// web-standard APIs plus the node: builtins both runtimes provide.
import { readFile, readdir, mkdir, writeFile, rm, chmod } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';

export type FetchHandler = (request: Request, info: { remoteAddress: string }) => Response | Promise<Response>;

export interface RunningServer {
  port: number;
  stop(): Promise<void>;
}

interface DenoLike {
  createHttpClient(options: { allowHost?: boolean }): unknown;
  serve(
    options: { port: number; hostname: string; onListen?: () => void } | { path: string; onListen?: () => void },
    handler: (request: Request, info: { remoteAddr: { hostname: string } }) => Response | Promise<Response>,
  ): { shutdown(): Promise<void>; addr: { port: number } };
}

export const runtimeName: 'bun' | 'deno' = 'Bun' in globalThis ? 'bun' : 'deno';

/** Counts requests in progress so a graceful stop can wait for exactly those. */
function tracked(handler: FetchHandler) {
  let inFlight = 0;
  let idle: (() => void) | null = null;
  const wrapped: FetchHandler = async (request, info) => {
    inFlight++;
    try {
      return await handler(request, info);
    } finally {
      if (--inFlight === 0) idle?.();
    }
  };
  const settled = () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (idle = resolve)));
  return { wrapped, settled };
}

export function serve(handler: FetchHandler, options: { port: number; hostname: string; maxBodyBytes: number }): RunningServer {
  const { wrapped, settled } = tracked(handler);
  if (runtimeName === 'bun') {
    const server = Bun.serve({
      port: options.port,
      hostname: options.hostname,
      // Bodies are checked against MAX_BODY_BYTES by the HTTP layer, which reads them as a
      // stream and answers 413 in the error envelope at any size and with any transfer
      // encoding; Bun's own cap (a bare 413) must never come first, so it is off.
      maxRequestBodySize: Number.MAX_SAFE_INTEGER,
      fetch: (request, srv) => wrapped(request, { remoteAddress: srv.requestIP(request)?.address ?? 'unknown' }),
    });
    return {
      port: server.port ?? options.port,
      stop: async () => {
        // Stop accepting, let requests in progress finish, then close idle keep-alive sockets.
        void server.stop(false);
        await settled();
        await server.stop(true);
      },
    };
  }
  const deno = (globalThis as unknown as { Deno: DenoLike }).Deno;
  const server = deno.serve({ port: options.port, hostname: options.hostname, onListen: () => {} }, (request, info) =>
    wrapped(request, { remoteAddress: info.remoteAddr.hostname }),
  );
  return { port: server.addr.port, stop: () => server.shutdown() };
}

/** An HTTP server on a Unix socket (the local control socket), readable by its owner only. */
export async function serveUnix(handler: (request: Request) => Response | Promise<Response>, path: string): Promise<{ stop(): Promise<void> }> {
  await rm(path, { force: true });
  let stop: () => Promise<void>;
  if (runtimeName === 'bun') {
    const server = Bun.serve({ unix: path, fetch: (request) => handler(request) });
    stop = async () => { await server.stop(true); };
  } else {
    const deno = (globalThis as unknown as { Deno: DenoLike }).Deno;
    const server = deno.serve({ path, onListen: () => {} }, (request) => handler(request));
    stop = () => server.shutdown();
  }
  await chmod(path, 0o600);
  return { stop: async () => { await stop(); await rm(path, { force: true }); } };
}

export const files = {
  readText: (path: string) => readFile(path, 'utf8'),
  list: (dir: string) => readdir(dir),
  ensureDir: async (dir: string) => { await mkdir(dir, { recursive: true }); },
  writeText: (path: string, text: string, mode?: number) => writeFile(path, text, { mode }),
  exists: async (path: string) => readFile(path).then(() => true, () => false),
};

export function onShutdownSignal(handler: (signal: string) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => handler(signal));
}

/** The addresses a host name resolves to (node:dns, on both runtimes: the system resolver). */
export async function resolveHost(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}

