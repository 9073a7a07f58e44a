// The one place that knows which runtime we are on (Bun or Deno). Everything else uses
// web-standard APIs plus the node: builtins both runtimes provide.
import { readFile, readdir, mkdir, writeFile, rm, chmod, lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { lookup } from 'node:dns/promises';

export type FetchHandler = (request: Request, info: { remoteAddress: string }) => Response | Promise<Response>;
/** The answer to a request whose handler threw; the runtime's own would be an HTML page with a stack trace. */
export type ErrorHandler = (error: unknown) => Response;

export interface ServerTlsFiles {
  cert: string;
  key: string;
}

export interface RunningServer {
  port: number;
  /**
   * Serves with a renewed certificate without dropping a request: a new listener opens on the
   * same port beside the old one (SO_REUSEPORT), then the old one stops accepting, finishes the
   * requests it has and closes. Only for a server started with TLS.
   */
  reloadTls(tls: ServerTlsFiles): Promise<void>;
  stop(): Promise<void>;
}

interface DenoLike {
  serve(
    options:
      | {
          port: number;
          hostname: string;
          reusePort?: boolean;
          cert?: string;
          key?: string;
          onListen?: () => void;
          onError?: ErrorHandler;
        }
      | { path: string; onListen?: () => void },
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

interface Listener {
  port: number;
  stop(): Promise<void>;
}

/** How long a stopping listener lets answers still being written (streams) go on after its handlers are done. */
const STREAMS_GRACE_MS = 1000;

/**
 * One listening socket. With TLS it shares its port (reusePort) so that a reload can open the
 * next listener before this one closes: Bun's `server.reload({ tls })` keeps serving the old
 * certificate, and Deno has no reload at all. Deno needs --unstable-net for reusePort (in
 * `npm run start:deno`). Plain HTTP keeps an exclusive port.
 */
function listen(
  handler: FetchHandler,
  options: { port: number; hostname: string; onError: ErrorHandler },
  tls: ServerTlsFiles | null,
): Listener {
  const { wrapped, settled } = tracked(handler);
  const reusePort = tls !== null;
  if (runtimeName === 'bun') {
    const server = Bun.serve({
      port: options.port,
      hostname: options.hostname,
      reusePort,
      tls: tls ? { cert: tls.cert, key: tls.key } : undefined,
      // Bodies are checked against MAX_BODY_BYTES by the HTTP layer, which reads them as a
      // stream and answers 413 in the error envelope at any size and with any transfer
      // encoding; Bun's own cap (a bare 413) must never come first, so it is off.
      maxRequestBodySize: Number.MAX_SAFE_INTEGER,
      development: false,
      error: options.onError,
      fetch: (request, srv) => wrapped(request, { remoteAddress: srv.requestIP(request)?.address ?? 'unknown' }),
    });
    return {
      port: server.port ?? options.port,
      stop: async () => {
        // Stop accepting and let requests in progress finish; Bun's graceful stop settles once
        // their answers are written (idle keep-alive sockets are closed). A response that never
        // ends (a live stream) is closed once every handler has answered and a moment passed.
        const closed = server.stop(false);
        await settled();
        await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, STREAMS_GRACE_MS))]);
        await server.stop(true);
      },
    };
  }
  const deno = (globalThis as unknown as { Deno: DenoLike }).Deno;
  const server = deno.serve(
    {
      port: options.port,
      hostname: options.hostname,
      ...(tls ? { reusePort, cert: tls.cert, key: tls.key } : {}),
      onListen: () => {},
      onError: options.onError,
    },
    (request, info) => wrapped(request, { remoteAddress: info.remoteAddr.hostname }),
  );
  return { port: server.addr.port, stop: () => server.shutdown() };
}

export function serve(
  handler: FetchHandler,
  options: { port: number; hostname: string; tls: ServerTlsFiles | null; onError: ErrorHandler },
): RunningServer {
  let current = listen(handler, options, options.tls);
  const port = current.port;
  return {
    port,
    reloadTls: async (tls) => {
      if (!options.tls) throw new Error('this server does not serve TLS');
      const previous = current;
      current = listen(handler, { ...options, port }, tls);
      await previous.stop();
    },
    stop: () => current.stop(),
  };
}

/** An HTTP server on a Unix socket (the local control socket), readable by its owner only. */
export async function serveUnix(
  handler: (request: Request) => Response | Promise<Response>,
  path: string,
): Promise<{ stop(): Promise<void> }> {
  await rm(path, { force: true });
  let stop: () => Promise<void>;
  if (runtimeName === 'bun') {
    const server = Bun.serve({ unix: path, fetch: (request) => handler(request) });
    stop = async () => {
      await server.stop(true);
    };
  } else {
    const deno = (globalThis as unknown as { Deno: DenoLike }).Deno;
    const server = deno.serve({ path, onListen: () => {} }, (request) => handler(request));
    stop = () => server.shutdown();
  }
  await chmod(path, 0o600);
  return {
    stop: async () => {
      await stop();
      await rm(path, { force: true });
    },
  };
}

/** Directories made private in this process (each is walked once). */
const madePrivate = new Set<string>();

/** Makes `path` and everything below it its owner's alone: directories 0700, the rest 0600 (links are left). */
async function restrictTree(path: string): Promise<void> {
  const stat = await lstat(path).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null; // removed since its directory was listed
    throw error;
  });
  if (!stat || stat.isSymbolicLink()) return;
  if (stat.isDirectory()) {
    if ((stat.mode & 0o777) !== 0o700) await chmod(path, 0o700);
    for (const name of await readdir(path)) await restrictTree(join(path, name));
  } else if ((stat.mode & 0o777) !== 0o600) {
    await chmod(path, 0o600);
  }
}

export const files = {
  readText: (path: string) => readFile(path, 'utf8'),
  list: (dir: string) => readdir(dir),
  /**
   * The data directory (secrets, the embedded database): made if missing, and made readable
   * by this process's user alone, with what is already in it (an install from before this
   * rule had the directory 0755 and most database files 0666). Files made from now on are
   * private too (the process's umask becomes 077), except those of the embedded database,
   * which sets its own modes: they are made private when it opens and when it closes, and in
   * between the directory's own mode keeps others out.
   */
  ensurePrivateDir: async (dir: string) => {
    process.umask(0o077);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    if (madePrivate.has(dir)) return;
    await restrictTree(dir);
    madePrivate.add(dir);
  },
  /** `restrictTree` again, for files made by a library that sets its own modes (the embedded database's). */
  restrictTree,
  writeText: (path: string, text: string, mode?: number) => writeFile(path, text, { mode }),
  exists: async (path: string) =>
    readFile(path).then(
      () => true,
      () => false,
    ),
};

export function onShutdownSignal(handler: (signal: string) => void): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, () => handler(signal));
}

/** SIGHUP: the conventional "read your files again" (a renewed certificate). */
export function onReloadSignal(handler: () => void): void {
  process.on('SIGHUP', handler);
}

/** The addresses a host name resolves to (node:dns, on both runtimes: the system resolver). */
export async function resolveHost(host: string): Promise<string[]> {
  return (await lookup(host, { all: true })).map((a) => a.address);
}
