// Outbound HTTP(S) requests on Bun and on Deno: the one place that knows how each runtime
// connects to a checked address, sets the TLS server name and trusts an extra CA.
import { Buffer } from 'node:buffer';
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import { rootCertificates } from 'node:tls';
import { runtimeName } from '../platform.ts';

/**
 * A request body held once and sent to many receivers (an event's payload to each of its
 * webhooks). Bun sends the same string to every request without copying it; Deno copies a
 * string or byte body once per request (1,000 requests of a 1 MB body: 2.6 GB), so there each
 * request reads views of the one encoding, as the socket takes them.
 */
export class SharedBody {
  private encoded: Uint8Array | null = null;
  constructor(readonly text: string) {}

  get bytes(): Uint8Array {
    this.encoded ??= new TextEncoder().encode(this.text);
    return this.encoded;
  }

  /** The body as chunks, each read only when the connection asks for it. */
  stream(chunk = 16_384): ReadableStream<Uint8Array> {
    const bytes = this.bytes;
    let offset = 0;
    return new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          if (offset >= bytes.length) return controller.close();
          const end = Math.min(bytes.length, offset + chunk);
          controller.enqueue(bytes.subarray(offset, end));
          offset = end;
        },
      },
      { highWaterMark: 0 },
    );
  }
}

/** Bodies up to this size go as one string on Deno too: the copy is smaller than a stream's bookkeeping. */
const DENO_STREAM_FROM = 16_384;

export interface OutboundInit {
  method: string;
  body?: string | SharedBody;
  headers: Record<string, string>;
  signal: AbortSignal;
  /** PEM certificates trusted besides the system's roots (WEBHOOK_CA_FILE); null for the roots alone. */
  extraCa: string | null;
}

interface DenoConn {
  close(): void;
}
interface DenoOutbound {
  createHttpClient(options: { allowHost?: boolean; caCerts?: string[] }): unknown;
  connect(options: { hostname: string; port: number }): Promise<DenoConn>;
  startTls(
    conn: DenoConn,
    options: { hostname: string; caCerts?: string[] },
  ): Promise<DenoConn & { handshake(): Promise<unknown> }>;
}
const deno = () => (globalThis as unknown as { Deno: DenoOutbound }).Deno;

function atAddress(url: URL, address: string): URL {
  const at = new URL(url);
  at.hostname = address.includes(':') ? `[${address}]` : address;
  return at;
}

/**
 * Per extra CA (usually one, or none), what each client needs, built once so that connections
 * pool: for node:https the roots with the CA, for Deno's fetch a client.
 */
const caLists = new Map<string, string[]>();
const denoClients = new Map<string, unknown>();

/** Bun and node:https replace their roots with `ca` when given one: the roots are kept beside it. */
function caWithRoots(extraCa: string): string[] {
  let ca = caLists.get(extraCa);
  if (!ca) caLists.set(extraCa, (ca = [...rootCertificates, extraCa]));
  return ca;
}

/** What NODE_EXTRA_CA_CERTS names, read once (src/process-env.ts starts the process with WEBHOOK_CA_FILE there). */
let processExtraCa: string | null | undefined;
const trustedCas = new Map<string, boolean>();

/**
 * Whether this process was started trusting `extraCa` besides the system's roots: then no
 * request carries it. One that does costs a TLS context of its own (measured with Bun's fetch:
 * 132 against 23 µs of CPU a request) and connections no other trust shares.
 */
function trustedByProcess(extraCa: string): boolean {
  let trusted = trustedCas.get(extraCa);
  if (trusted === undefined) {
    if (processExtraCa === undefined) {
      const file = process.env.NODE_EXTRA_CA_CERTS;
      try {
        processExtraCa = file ? readFileSync(file, 'utf8') : null;
      } catch {
        processExtraCa = null; // unreadable: every request carries the CA instead
      }
    }
    trustedCas.set(extraCa, (trusted = processExtraCa?.includes(extraCa.trim()) ?? false));
  }
  return trusted;
}

/**
 * How long an idle connection is kept. As many are kept per origin as were in flight to it at
 * once (WORKER_MAX_IN_FLIGHT bounds them): 256 at most, Node's default, made 6,948 connections
 * for 11,000 requests 1,000 at a time to one origin (725 against 103 µs of CPU a request).
 */
const IDLE_MS = 30_000;
let keepAlive: HttpsAgent | null = null;

/**
 * The one keep-alive agent of HTTPS requests: connections are kept and reused per origin (per
 * address, port and server name), as many as an endpoint had in flight.
 */
function httpsAgent(): HttpsAgent {
  keepAlive ??= new HttpsAgent({
    keepAlive: true,
    maxFreeSockets: Number.POSITIVE_INFINITY,
    timeout: IDLE_MS,
    scheduling: 'lifo',
  });
  return keepAlive;
}

/** Deno's client adds `caCerts` to its roots; `allowHost` lets a pinned request keep its Host header. */
function denoClient(extraCa: string | null): unknown {
  const key = extraCa ?? '';
  let client = denoClients.get(key);
  if (!client)
    denoClients.set(key, (client = deno().createHttpClient({ allowHost: true, caCerts: extraCa ? [extraCa] : [] })));
  return client;
}

/**
 * A request to `url`. With an `address` (one the caller has checked), over a connection to that
 * address and no lookup of its own: the request line, the Host header and, for https, the TLS
 * server name and the certificate check are those of the URL's host. Redirects are not followed.
 *
 * https, both runtimes: node:https to the address with the URL's host as TLS server name,
 *      through one keep-alive agent. Bun's fetch keeps 64 idle connections in all, whatever
 *      the origins: sending to 200 origins, it opened a connection (and made a TLS handshake)
 *      for most requests, 850 against 100 µs of CPU a request through the agent (receivers
 *      included). Deno's fetch cannot set the server name, and its client's `tcp` proxy
 *      transport, which would pin the connection, does not complete an https request (2.9).
 *      The extra CA goes with a request only when the process was not started trusting it
 *      (see trustedByProcess).
 * Bun, http: fetch to the address, with the Host header (cheaper than node:http where its idle
 *      connections suffice: 32 against 73 µs a request to 50 origins; 87 against 72 to 200).
 * Deno, http: fetch through a client that allows the Host header (`allowHost`; without it Deno
 *      replaces the header with the address).
 */
export function outboundFetch(url: URL, address: string | null, init: OutboundInit): Promise<Response> {
  const { extraCa, body, ...request } = init;
  const headers = address === null ? request.headers : { ...request.headers, host: url.host };
  if (url.protocol === 'https:') {
    const length: Record<string, string> =
      body === undefined
        ? {}
        : { 'content-length': String(body instanceof SharedBody ? body.bytes.length : Buffer.byteLength(body)) };
    return nodeHttpsRequest(url, address, { ...init, headers: { ...headers, ...length } });
  }
  const target = address === null ? url : atAddress(url, address);
  if (runtimeName === 'bun') {
    return fetch(target, {
      ...request,
      body: body instanceof SharedBody ? body.text : body,
      headers,
      redirect: 'manual',
    });
  }
  const streamed = body instanceof SharedBody && body.text.length >= DENO_STREAM_FROM;
  return fetch(target, {
    ...request,
    // Deno sends a stream chunked, whatever Content-Length says.
    body: body instanceof SharedBody ? (streamed ? body.stream() : body.text) : body,
    headers,
    redirect: 'manual',
    client: denoClient(extraCa),
  } as RequestInit);
}

/** Writes a body to a node request as the socket drains, then ends it. */
function writeBody(req: ReturnType<typeof httpsRequest>, body: string | SharedBody | undefined): void {
  if (!(body instanceof SharedBody)) return void req.end(body);
  const bytes = body.bytes;
  let offset = 0;
  const more = () => {
    while (offset < bytes.length) {
      const end = Math.min(bytes.length, offset + 16_384);
      const room = req.write(bytes.subarray(offset, end));
      offset = end;
      if (!room) return void req.once('drain', more);
    }
    req.end();
  };
  more();
}

const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/** A connection error that a reused keep-alive connection meets when its receiver closed it meanwhile. */
const STALE_CONNECTION = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);

/**
 * node:https to `address` (or the URL's host when there is none) with the URL's host as TLS
 * server name, answered as a Response. A request that finds its kept connection closed by the
 * receiver is sent once more on a new one, before anything came back.
 */
function nodeHttpsRequest(url: URL, address: string | null, init: OutboundInit, again = true): Promise<Response> {
  return new Promise((resolve, reject) => {
    const port = Number(url.port || 443);
    const host = url.hostname.replace(/^\[|\]$/g, '');
    let answered = false;
    const req = httpsRequest(
      {
        host: address ?? host,
        port,
        path: url.pathname + url.search,
        method: init.method,
        headers: init.headers,
        // An address is no server name (SNI carries names only).
        servername: isIP(host) ? undefined : host,
        signal: init.signal,
        agent: httpsAgent(),
        ca: init.extraCa && !trustedByProcess(init.extraCa) ? caWithRoots(init.extraCa) : undefined,
      },
      (res) => {
        answered = true;
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          for (const one of value === undefined ? [] : Array.isArray(value) ? value : [value])
            headers.append(name, one);
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
    req.on('error', (error: Error & { code?: string }) => {
      const reused = (req as { reusedSocket?: boolean }).reusedSocket === true;
      if (again && reused && !answered && !init.signal.aborted && STALE_CONNECTION.has(error.code ?? ''))
        return void nodeHttpsRequest(url, address, init, false).then(resolve, reject);
      if (error.code !== 'UNABLE_TO_VERIFY_LEAF_SIGNATURE' || runtimeName !== 'deno') return reject(error);
      void verificationFailure(address ?? host, port, url.hostname, init.extraCa, init.signal).then((why) =>
        reject(why ?? error),
      );
    });
    writeBody(req, init.body);
  });
}

/**
 * Why the certificate at `address` is refused for `hostname`, as Deno's own TLS client says it.
 * Deno's node:https reports an expired certificate and one of an unknown issuer alike ("unable
 * to verify the first certificate"); a handshake alone (nothing is sent) names the reason, so
 * that both runtimes record the same error. Null when that handshake succeeds or says nothing
 * more; the request's signal bounds it (aborted: null at once, and what it opened is closed).
 */
function verificationFailure(
  address: string,
  port: number,
  hostname: string,
  extraCa: string | null,
  signal: AbortSignal,
): Promise<Error | null> {
  let open: DenoConn | null = null;
  const close = () => {
    try {
      open?.close();
    } catch {
      // closed already
    }
  };
  let onAbort = () => {};
  const aborted = new Promise<null>((resolve) => {
    onAbort = () => {
      close();
      resolve(null);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  });
  const handshake = (async (): Promise<Error | null> => {
    try {
      open = await deno().connect({ hostname: address, port });
    } catch {
      return null; // no second connection: nothing more to say than the request's own error
    }
    try {
      const tls = await deno().startTls(open, { hostname, caCerts: extraCa ? [extraCa] : undefined });
      open = tls;
      await tls.handshake();
      return null;
    } catch (error) {
      return error instanceof Error ? error : null;
    } finally {
      close();
    }
  })();
  return Promise.race([handshake, aborted]).finally(() => signal.removeEventListener('abort', onAbort));
}
