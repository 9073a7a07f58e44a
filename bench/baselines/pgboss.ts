// The baseline bench/fanout.ts compares the engine against: webhook delivery as a Node team
// would build it without the engine, on a pg-boss queue with one job per delivery. Publishing
// writes the event and one job per matching subscription in one transaction; workers fetch
// jobs in batches (several fetch loops at once, no idle polling while there is work), sign
// each body with the same Standard Webhooks code the engine uses, POST it to the same
// receiver, then record the attempts and complete the jobs in one transaction per batch.
// It lives in its own scratch database on the same Postgres server as the engine's.
import PgBoss from 'pg-boss';
import type { Db, Queryable } from '../../src/db/index.ts';
import { newId } from '../../src/ids.ts';
import { generateSecret, signatureHeader } from '../../src/webhooks/signing.ts';
import { postWebhook } from '../../src/webhooks/http-client.ts';

const QUEUE = 'webhook-delivery';

interface DeliveryJob {
  subscription_id: string;
  url: string;
  event_id: string;
  type: string;
  timestamp: string;
  data: unknown;
}

/** pg-boss's statements run in our transaction (postgres.js; node-postgres sends undefined as null). */
function inTransaction(tx: Queryable): PgBoss.Db {
  return {
    executeSql: async (text, values) => ({
      rows: await tx.query(
        text,
        values.map((v) => (v === undefined ? null : v)),
      ),
    }),
  };
}

export interface PgBossBaselineOptions {
  /** Jobs fetched per round. */
  batchSize: number;
  /** Fetch loops running at once (in-flight deliveries ≤ batchSize × loops). */
  loops: number;
  timeoutMs: number;
}

export class PgBossBaseline {
  private running = false;
  private loops: Promise<void>[] = [];
  private readonly secrets = new Map<string, string>();
  private idle: Array<() => void> = [];

  private constructor(
    private readonly boss: PgBoss,
    private readonly errors: Error[],
    private readonly db: Db,
    private readonly options: PgBossBaselineOptions,
  ) {}

  static async start(url: string, db: Db, options: PgBossBaselineOptions): Promise<PgBossBaseline> {
    await db.exec(`
      create table subscriptions (id text primary key, url text not null, event_type text not null, secret text not null);
      create index subscriptions_type on subscriptions (event_type);
      create table events (id text primary key, type text not null, data jsonb not null, created_at timestamptz not null default now());
      create table attempts (id bigserial primary key, job_id text not null, subscription_id text not null, event_id text not null,
                             attempted_at timestamptz not null default now(), duration_ms integer not null, response_status integer, error text);`);
    const boss = new PgBoss({ connectionString: url, max: 20, supervise: false, schedule: false, migrate: true });
    // pg-boss reports its background failures as events; the bench fails on the first one.
    const errors: Error[] = [];
    boss.on('error', (error) => void errors.push(error));
    await boss.start();
    await boss.createQueue(QUEUE);
    return new PgBossBaseline(boss, errors, db, options);
  }

  async subscribe(n: number, url: string, type: string): Promise<void> {
    const rows = Array.from({ length: n }, () => ({
      id: newId('wh'),
      url,
      event_type: type,
      secret: generateSecret(),
    }));
    await this.db.query(
      `insert into subscriptions (id, url, event_type, secret) select id, url, event_type, secret from jsonb_to_recordset($1::jsonb) as s(id text, url text, event_type text, secret text)`,
      [JSON.stringify(rows)],
    );
    await this.db.query('analyze subscriptions');
  }

  /** The event and one job per matching subscription, in one transaction. */
  async publish(type: string, data: unknown): Promise<number> {
    return this.db.transaction(async (tx) => {
      const subs = await tx.query<{ id: string; url: string }>(
        'select id, url from subscriptions where event_type = $1',
        [type],
      );
      const [event] = await tx.query<{ id: string; created_at: Date }>(
        'insert into events (id, type, data) values ($1, $2, $3::jsonb) returning id, created_at',
        [newId('evt'), type, JSON.stringify(data)],
      );
      const timestamp = event!.created_at.toISOString();
      const jobs: PgBoss.JobInsert<DeliveryJob>[] = subs.map((s) => ({
        name: QUEUE,
        data: { subscription_id: s.id, url: s.url, event_id: event!.id, type, timestamp, data },
      }));
      await this.boss.insert(jobs, { db: inTransaction(tx) });
      return subs.length;
    });
  }

  /** Starts the fetch loops. */
  startWorkers(): void {
    this.running = true;
    this.loops = Array.from({ length: this.options.loops }, () => this.loop());
  }

  /** Stops the fetch loops once their batches are recorded. */
  async stopWorkers(): Promise<void> {
    this.running = false;
    this.wake();
    await Promise.all(this.loops);
    this.loops = [];
  }

  async close(): Promise<void> {
    await this.stopWorkers();
    await this.boss.stop({ graceful: false, wait: true });
  }

  /** Wakes idle loops (what a NOTIFY-driven worker would do after a publish). */
  wake(): void {
    for (const wake of this.idle.splice(0)) wake();
  }

  private async loop(): Promise<void> {
    while (this.running) {
      const jobs = await this.boss.fetch<DeliveryJob>(QUEUE, { batchSize: this.options.batchSize });
      if (jobs.length === 0) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 20);
          this.idle.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
        continue;
      }
      await this.deliver(jobs);
    }
  }

  private async secret(subscriptionId: string): Promise<string> {
    let s = this.secrets.get(subscriptionId);
    if (s === undefined) {
      const [row] = await this.db.query<{ secret: string }>('select secret from subscriptions where id = $1', [
        subscriptionId,
      ]);
      s = row!.secret;
      this.secrets.set(subscriptionId, s);
    }
    return s;
  }

  private async deliver(jobs: PgBoss.Job<DeliveryJob>[]): Promise<void> {
    const results = await Promise.all(
      jobs.map(async (job) => {
        const d = job.data;
        const body = JSON.stringify({ type: d.type, timestamp: d.timestamp, data: d.data });
        const ts = Math.floor(Date.now() / 1000);
        const headers = {
          'content-type': 'application/json',
          'user-agent': 'Baseline-Webhooks/1.0',
          'webhook-id': d.event_id,
          'webhook-timestamp': String(ts),
          'webhook-signature': await signatureHeader([await this.secret(d.subscription_id)], d.event_id, ts, body),
        };
        const result = await postWebhook(d.url, body, headers, this.options.timeoutMs);
        return { job, result };
      }),
    );
    const ok = results.filter((r) => r.result.status !== null && r.result.status >= 200 && r.result.status < 300);
    const failed = results.filter((r) => !ok.includes(r));
    await this.db.transaction(async (tx) => {
      await tx.query(
        `insert into attempts (job_id, subscription_id, event_id, duration_ms, response_status, error)
         select job_id, subscription_id, event_id, duration_ms, response_status, error
           from jsonb_to_recordset($1::jsonb) as a(job_id text, subscription_id text, event_id text, duration_ms integer, response_status integer, error text)`,
        [
          JSON.stringify(
            results.map(({ job, result }) => ({
              job_id: job.id,
              subscription_id: job.data.subscription_id,
              event_id: job.data.event_id,
              duration_ms: result.durationMs,
              response_status: result.status,
              error: result.error,
            })),
          ),
        ],
      );
      const db = inTransaction(tx);
      // complete(name, ids, data, options) exists at run time; types.d.ts declares only the
      // three-argument form for an id array.
      const complete = this.boss.complete.bind(this.boss) as unknown as (
        name: string,
        ids: string[],
        data: null,
        options: PgBoss.ConnectionOptions,
      ) => Promise<unknown>;
      const fail = this.boss.fail.bind(this.boss) as unknown as (
        name: string,
        ids: string[],
        data: null,
        options: PgBoss.ConnectionOptions,
      ) => Promise<unknown>;
      if (ok.length)
        await complete(
          QUEUE,
          ok.map((r) => r.job.id),
          null,
          { db },
        );
      if (failed.length)
        await fail(
          QUEUE,
          failed.map((r) => r.job.id),
          null,
          { db },
        );
    });
  }

  /** Jobs completed so far (end to end: POSTed and recorded). */
  async completed(): Promise<number> {
    if (this.errors.length) throw this.errors[0];
    const rows = await this.db.query<{ n: number }>(
      `select count(*)::int as n from pgboss.job where name = $1 and state = 'completed'`,
      [QUEUE],
    );
    return rows[0]!.n;
  }
}
