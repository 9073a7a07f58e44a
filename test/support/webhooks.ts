// What the webhook tests share: receivers on loopback, calls to the API with a bearer token,
// waiting for a condition, and a claimer of the delivery engine's own.
import type { Service } from '../../src/main.ts';
import { silentLogger } from '../../src/log.ts';
import { EventBodies } from '../../src/webhooks/dispatch/bodies.ts';
import { Claimer, type ClaimConfig, type ClaimLane } from '../../src/webhooks/dispatch/claimer.ts';
export type Json = Record<string, unknown>;
export interface Received {
  headers: Record<string, string>;
  body: string;
  at: number;
}

/** Receivers started by a test file, to stop in its afterAll. */
export class Receivers {
  private readonly servers: Array<ReturnType<typeof Bun.serve>> = [];

  /** A receiver on loopback answering with `answer(n)` for its n-th request (0-based); a promise answer makes it wait. */
  start(answer: (n: number) => number | Promise<number> = () => 200) {
    const got: Received[] = [];
    const server = Bun.serve({
      port: 0,
      hostname: '127.0.0.1',
      fetch: async (req) => {
        got.push({ headers: Object.fromEntries(req.headers), body: await req.text(), at: Date.now() });
        return new Response('ok', { status: await answer(got.length - 1) });
      },
    });
    this.servers.push(server);
    return { url: `http://127.0.0.1:${server.port}/hook`, got };
  }

  stop(): void {
    for (const s of this.servers) s.stop(true);
  }
}

/** An API call with a bearer token; the answer's JSON body (or null). */
export async function api(
  baseUrl: string,
  method: string,
  path: string,
  token: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as Json };
}

/** Polls `fn` every 25 ms until it answers something truthy; throws after `tries`. */
export async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, tries = 200): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await fn();
    if (v) return v;
    await Bun.sleep(25);
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** A claimer as one worker process has it, over a test service's database (the delivery engine's settings by default). */
export function testClaimer(
  service: Pick<Service, 'db' | 'actors' | 'webhooks'>,
  config: Partial<ClaimConfig> = {},
  bodies = new EventBodies(),
  lane: ClaimLane = 'all',
): Claimer {
  return new Claimer(
    service.db,
    service.actors,
    service.webhooks.dispatcher.steps,
    bodies,
    {
      webhookEndpointConcurrency: 8,
      leaseMs: 30_000,
      workerBatchSize: 50,
      workerPollMs: 1000,
      workerMaxInFlight: 1000,
      deliveryRetentionDays: 30,
      ...config,
    },
    async () => {},
    { recorded: () => {}, leasesExpired: () => {} },
    silentLogger,
    lane,
  );
}
