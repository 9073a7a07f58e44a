// Composition root: config → db → services → http → workers; graceful shutdown.
import type { Config } from './config.ts';
import { openDb, type Db } from './db/index.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import { createLogger, type Logger } from './log.ts';
import { Metrics } from './metrics.ts';
import { ActorSystem, type MachineDefinition } from './actors/runtime.ts';
import { TimerWorker } from './actors/timer-worker.ts';
import { systemClock, type Clock } from './actors/clock.ts';
import { createHttpApp } from './http/app.ts';
import { healthRoutes } from './http/health.ts';
import { serve, runtimeName, type RunningServer } from './platform.ts';

export interface ServiceOptions {
  http: boolean;
  workers: boolean;
  log?: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise opened from config. */
  db?: Db;
}

export interface Service {
  config: Config;
  db: Db;
  log: Logger;
  metrics: Metrics;
  actors: ActorSystem;
  /** Handles a request without a socket (tests, benchmarks). */
  handle(request: Request): Promise<Response>;
  server: RunningServer | null;
  url: string | null;
  stop(): Promise<void>;
}

export async function startService(config: Config, options: ServiceOptions): Promise<Service> {
  const log = options.log ?? createLogger(config.logLevel, { service: 'argus', runtime: runtimeName });
  const metrics = new Metrics();
  const db = options.db ?? (await openDb(config));
  const migrations = await loadMigrations();
  const applied = await migrate(db, migrations);
  if (applied.length) log.info('migrations applied', { applied });

  const actors = new ActorSystem(db, log, metrics, options.clock ?? systemClock);
  const machines: MachineDefinition[] = [];

  let shuttingDown = false;
  const { handle } = createHttpApp({ log, metrics, maxBodyBytes: config.maxBodyBytes }, [
    healthRoutes({ db, migrations, metrics, isShuttingDown: () => shuttingDown }),
  ]);

  const timers = new TimerWorker(actors, machines, { batchSize: config.workerBatchSize, pollMs: config.workerPollMs, log });
  if (options.workers) await timers.start();

  let server: RunningServer | null = null;
  if (options.http) {
    server = serve(handle, { port: config.port, hostname: config.host, maxBodyBytes: config.maxBodyBytes });
    log.info('listening', { url: `http://${config.host}:${server.port}`, database: db.kind, workers: options.workers });
  }

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, config.shutdownGraceMs).unref?.());
      // Stop accepting, let in-flight requests finish, stop claiming work, then wait for
      // effects already started (bounded by SHUTDOWN_GRACE_MS) before closing the pool.
      await Promise.race([
        (async () => {
          await server?.stop();
          await timers.stop();
          await actors.drain();
        })(),
        deadline,
      ]);
      await db.close();
      log.info('stopped');
    })());

  return {
    config, db, log, metrics, actors, server,
    url: server ? `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${server.port}` : null,
    handle: (request) => handle(request, { remoteAddress: '127.0.0.1' }),
    stop,
  };
}
