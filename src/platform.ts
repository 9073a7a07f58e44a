// The one place that knows which runtime we are on (Bun or Deno). Everything else uses
// web-standard APIs plus the node: builtins both runtimes provide.
import { readFile, readdir, mkdir, writeFile, rm, chmod } from 'node:fs/promises';
import { lookup } from 'node:dns/promises';
import { request as httpsRequest } from 'node:https';

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

export interface OutboundInit { method: string; body?: string; headers: Record<string, string>; signal: AbortSignal }

function atAddress(url: URL, address: string): URL {
  const at = new URL(url);
  at.hostname = address.includes(':') ? `[${address}]` : address;
  return at;
}

let denoHostClient: unknown = null;

/**
 * A request to `url` over a connection to `address` (an address the caller has checked), with
 * no lookup of its own: the request line, the Host header and, for https, the TLS server name
 * and the certificate check are those of the URL's host. Redirects are not followed.
 *
 * Bun: fetch to the address, with the Host header and `tls.serverName` (SNI and certificate
 *      identity; connections are pooled per server name).
 * Deno, http: fetch to the address with the Host header, through a client that allows it
 *      (`allowHost`; without it Deno replaces the header with the address).
 * Deno, https: Deno's fetch cannot set the TLS server name, and its client's `tcp` proxy
 *      transport, which would pin the connection, does not complete an https request (Deno
 *      2.9: "connection closed before message completed"; for http it sends the absolute URL
 *      as request target); so node:https connects to the address with `servername` (SNI and
 *      the certificate checked against the URL's host).
 */
export function pinnedFetch(url: URL, address: string, init: OutboundInit): Promise<Response> {
  const headers = { ...init.headers, host: url.host };
  if (runtimeName === 'bun') {
    const tls = url.protocol === 'https:' ? { serverName: url.hostname } : undefined;
    return fetch(atAddress(url, address), { ...init, headers, redirect: 'manual', tls });
  }
  if (url.protocol === 'http:') {
    denoHostClient ??= (globalThis as unknown as { Deno: DenoLike }).Deno.createHttpClient({ allowHost: true });
    const denoInit = { ...init, headers, redirect: 'manual', client: denoHostClient } as RequestInit;
    return fetch(atAddress(url, address), denoInit);
  }
  return nodeHttpsRequest(url, address, { ...init, headers });
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** node:https to `address` with the URL's host as TLS server name, answered as a Response. */
function nodeHttpsRequest(url: URL, address: string, init: OutboundInit): Promise<Response> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: address, port: url.port || 443, path: url.pathname + url.search, method: init.method, headers: init.headers, servername: url.hostname, signal: init.signal },
      (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value]) headers.append(name, one);
        }
        const status = res.statusCode ?? 0;
        if (NULL_BODY_STATUSES.has(status)) {
          res.resume();
          resolve(new Response(null, { status, headers }));
          return;
        }
        const body = new ReadableStream<Uint8Array>({
          start(controller) {
            res.on('data', (chunk: Uint8Array) => controller.enqueue(new Uint8Array(chunk)));
            res.on('end', () => controller.close());
            res.on('error', (error) => controller.error(error));
          },
          cancel() {
            res.destroy();
          },
        });
        try {
          resolve(new Response(body, { status, headers }));
        } catch (error) {
          res.destroy();
          reject(error);
        }
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}
