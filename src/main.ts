// Composition root: config → db → services → http → workers; graceful shutdown.
import { ANSWER_WITHIN_MS } from './db/postgres.ts';
import type { AnyElysia } from 'elysia';
import type { Config } from './config.ts';
import { openDb, type Db } from './db/index.ts';
import { loadMigrations, migrate } from './db/migrate.ts';
import { createLogger, type Logger } from './log.ts';
import { serverError } from './errors.ts';
import { serverSettings } from './server-settings.ts';
import { Metrics, registerProcessMetrics } from './metrics.ts';
import { TimerWorker } from './actors/timer-worker.ts';
import { Workers } from './workers.ts';
import { systemClock, type Clock } from './actors/clock.ts';
import { createHttpApp } from './http/app.ts';
import { healthRoutes } from './http/health.ts';
import { metricsRoutes } from './http/metrics-route.ts';
import { runtimeHeaderLimitProblem } from './http/header-size.ts';
import { routable } from './http/routable.ts';
import { serve, runtimeName, type FetchHandler, type RunningServer } from './platform.ts';
import { buildServices, type Services } from './services.ts';
import { routePlugins } from './routes.ts';
import { docsRoutes } from './docs/routes.ts';
import { Housekeeping } from './housekeeping/service.ts';
import { startTracing } from './telemetry/tracing.ts';
import { readServerTls } from './tls-files.ts';

/** How often a worker process sweeps expired tokens and old authorization sessions. */
const HOUSEKEEPING_EVERY_MS = 3_600_000;

/** An address to reach a listener bound to `host` from this machine. */
const reachable = (host: string) => (host === '0.0.0.0' ? '127.0.0.1' : host);

/** A listener's handler: each request as the router must see it (see routable), whatever its Host header. */
const routed =
  (handle: FetchHandler, scheme: 'http' | 'https'): FetchHandler =>
  (request, info) =>
    handle(routable(request, scheme), info);

export interface ServiceOptions {
  http: boolean;
  workers: boolean;
  log?: Logger;
  clock?: Clock;
  /** An already open database (tests); otherwise opened from config. */
  db?: Db;
  /** Wraps the public listener's handler (the tests check every answer against the OpenAPI document). */
  wrapHandler?: (handle: FetchHandler) => FetchHandler;
}

export interface Service extends Services {
  /** The composed Elysia app (its routes, for the docs tests). */
  httpApp(): AnyElysia;
  /** Handles a request without a socket (tests, benchmarks). */
  handle(request: Request): Promise<Response>;
  server: RunningServer | null;
  url: string | null;
  /** GET /metrics on its own listener (METRICS_PORT), or null when the public one serves it. */
  metricsUrl: string | null;
  workers: Workers;
  housekeeping: Housekeeping;
  /**
   * Reads TLS_CERT_FILE and TLS_KEY_FILE again and serves the renewed certificate to new
   * connections (SIGHUP); requests in progress finish. Files that do not load change nothing.
   */
  reloadTls(): Promise<void>;
  /** Runs fn first thing when the service stops (before requests drain). */
  onStop(fn: () => Promise<void>): void;
  stop(): Promise<void>;
}

/** Opens the database, applies migrations and builds the services (CLI commands use this). */
export async function openServices(
  config: Config,
  options: { log?: Logger; clock?: Clock; db?: Db } = {},
): Promise<Services> {
  const log =
    options.log ??
    createLogger(config.logLevel, { service: 'argus', runtime: runtimeName }, undefined, config.logFormat);
  const db =
    options.db ??
    (await openDb(config, () =>
      log.warn('the database stopped answering on open connections; they were dropped and new ones made', {
        answer_within_ms: ANSWER_WITHIN_MS,
      }),
    ));
  try {
    const applied = await migrate(db);
    if (applied.length) log.info('migrations applied', { applied });
    return await buildServices(config, db, log, new Metrics(), options.clock ?? systemClock);
  } catch (error) {
    // Refused (a master key of another install, a migration that failed): the pool opened here goes too.
    if (!options.db) await db.close();
    throw error;
  }
}

export async function startService(config: Config, options: ServiceOptions): Promise<Service> {
  const services = await openServices(config, options);
  const { db, log, metrics, actors } = services;
  registerProcessMetrics(metrics);
  const tracing = startTracing(config.tracing);
  if (config.tracing) {
    // Where spans go, without credentials a URL might carry (the export headers are never logged).
    const at = new URL(config.tracing.url);
    log.info('tracing', {
      otlp_url: `${at.protocol}//${at.host}${at.pathname}`,
      service_name: config.tracing.serviceName,
    });
  }
  const migrations = await loadMigrations();

  let shuttingDown = false;
  const httpOptions = {
    log,
    metrics,
    maxBodyBytes: config.maxBodyBytes,
    maxHeaderBytes: config.maxHeaderBytes,
    maxJsonDepth: config.maxJsonDepth,
    accessLog: config.accessLog,
    trustedProxies: config.trustedProxies,
    forwardedHeaders: config.forwardedHeaders,
  };
  const metricsOwnListener = config.metrics.port !== null;
  const http = createHttpApp(httpOptions, [
    healthRoutes({ db, migrations, isShuttingDown: () => shuttingDown }),
    ...(metricsOwnListener ? [] : [metricsRoutes({ metrics, access: config.metrics, ownListener: false })]),
    ...routePlugins(services),
    docsRoutes(() => http.app, config.publicUrl),
  ]);
  const handle = options.wrapHandler ? options.wrapHandler(http.handle) : http.handle;

  const workers = new Workers(
    new TimerWorker(actors, services.machines, {
      batchSize: config.workerBatchSize,
      pollMs: config.workerPollMs,
      maxInFlight: config.workerMaxInFlight,
      log,
    }),
    services.webhooks.dispatcher,
  );
  const housekeeping = new Housekeeping(
    db,
    actors.clock,
    log,
    config.deliveryRetentionDays,
    config.sessionRetentionDays,
  );
  // Today's history partitions exist before anything is written (housekeeping keeps making them ahead).
  await housekeeping.partitions.ensure(actors.clock.now());
  if (options.workers) {
    await workers.start();
    housekeeping.start(HOUSEKEEPING_EVERY_MS);
  }

  let server: RunningServer | null = null;
  let metricsServer: RunningServer | null = null;
  const scheme = config.tls ? 'https' : 'http';
  const onError = (error: unknown) => {
    log.error('unhandled error before routing', { error });
    return serverError().toResponse();
  };
  if (options.http) {
    await serverSettings.recordIssuer(db, config.publicUrl);
    server = serve(routed(handle, scheme), { port: config.port, hostname: config.host, tls: config.tls, onError });
    if (config.metrics.port !== null) {
      const scrape = createHttpApp(httpOptions, [
        metricsRoutes({ metrics, access: config.metrics, ownListener: true }),
      ]);
      metricsServer = serve(routed(scrape.handle, 'http'), {
        port: config.metrics.port,
        hostname: config.metrics.host,
        tls: null,
        onError,
      });
      log.info('metrics listening', { url: `http://${config.metrics.host}:${metricsServer.port}/metrics` });
    }
    log.info('listening', {
      url: `${scheme}://${config.host}:${server.port}`,
      database: db.kind,
      workers: options.workers,
      public_url: config.publicUrl,
    });
    const headerLimit = await runtimeHeaderLimitProblem(config.maxHeaderBytes);
    if (headerLimit) log.warn(headerLimit);
  }

  const reloadTls = async () => {
    if (!server || !config.tls) {
      log.warn('SIGHUP ignored: this process serves no TLS (TLS_CERT_FILE and TLS_KEY_FILE are not set)');
      return;
    }
    const { certFile, keyFile } = config.tls;
    try {
      const renewed = readServerTls(certFile, keyFile);
      await server.reloadTls(renewed);
      log.info('TLS certificate reloaded', { cert_file: certFile });
    } catch (error) {
      log.error('TLS certificate not reloaded; still serving the previous one', {
        cert_file: certFile,
        key_file: keyFile,
        error,
      });
    }
  };

  const stopHooks: Array<() => Promise<void>> = [];
  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      shuttingDown = true;
      for (const hook of stopHooks) await hook();
      let timeout: ReturnType<typeof setTimeout> | undefined;
      const deadline = new Promise<void>((resolve) => (timeout = setTimeout(resolve, config.shutdownGraceMs)));
      // Stop accepting, let in-flight requests finish, stop claiming work, then wait for
      // effects already started (bounded by SHUTDOWN_GRACE_MS) before closing the pool.
      await Promise.race([
        (async () => {
          await server?.stop();
          await metricsServer?.stop();
          await housekeeping.stop();
          await workers.stop();
          await actors.drain();
        })(),
        deadline,
      ]);
      clearTimeout(timeout);
      await tracing?.shutdown().catch((error: unknown) => log.warn('could not send the last trace spans', { error }));
      await services.close();
      log.info('stopped');
    })());

  return {
    ...services,
    server,
    workers,
    housekeeping,
    url: server ? `${scheme}://${reachable(config.host)}:${server.port}` : null,
    metricsUrl: metricsServer ? `http://${reachable(config.metrics.host)}:${metricsServer.port}/metrics` : null,
    handle: async (request) => handle(request, { remoteAddress: '127.0.0.1' }),
    httpApp: () => http.app,
    reloadTls,
    onStop: (fn) => void stopHooks.push(fn),
    stop,
  };
}
