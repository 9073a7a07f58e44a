import { ConfigError } from './config-error.ts';
import { readCertificates, readServerTls, type ServerTls } from './tls-files.ts';
import { TrustedProxies, parseForwardedHeaders, type ForwardedHeaders } from './net/trusted-proxies.ts';
import { DEFAULTS, FIXED, parseDelay, type BooleanSetting, type NumberSetting, type TextSetting } from './defaults.ts';

// Environment → one typed, validated config object. A bad value stops startup with a
// message naming the variable. Every variable is documented in docs/operating.md, Configuration;
// what each is when unset is in src/defaults.ts, the one place for it.

export interface Config {
  port: number;
  host: string;
  /** HTTPS served by the process (TLS_CERT_FILE and TLS_KEY_FILE, read at startup); null for HTTP. */
  tls: ServerTls | null;
  publicUrl: string;
  /** Whether PUBLIC_URL was set (else publicUrl is the default, http://localhost:PORT). */
  publicUrlGiven: boolean;
  /** Sockets whose forwarded headers are believed (TRUSTED_PROXIES), and which headers those are. */
  trustedProxies: TrustedProxies;
  forwardedHeaders: ForwardedHeaders;
  /**
   * Who may read GET /metrics: with `port`, a listener of its own (and the public one answers
   * 404); with `token`, a bearer token; with neither, clients on loopback only.
   */
  metrics: MetricsAccess;
  databaseUrl: string | null;
  /** A standby the studio and /metrics may read from (never the public API), and how stale it may be. */
  readReplica: { url: string; maxLagMs: number } | null;
  dataDir: string;
  dbPoolMax: number;
  logLevel: 'debug' | 'info' | 'warn' | 'error';
  /** One `request` line at info per answered request (method, route, status, duration, ids). */
  accessLog: boolean;
  /** JSON lines, or readable text for a terminal. */
  logFormat: 'json' | 'pretty';
  maxBodyBytes: number;
  /** Request line and headers together; larger ones get 431 in the error envelope. */
  maxHeaderBytes: number;
  /** How deep arrays and objects may nest in a JSON body or in GraphQL variables. */
  maxJsonDepth: number;
  shutdownGraceMs: number;
  masterKey: string | null;
  /** While master keys change: the previous key, which still opens what it sealed. */
  masterKeyPrevious: string | null;
  accessTokenTtlSeconds: number;
  adminTokenTtlSeconds: number;
  signingAlgs: Array<'RS256' | 'ES256'>;
  /** DPoP proofs must carry a nonce this service issued (RFC 9449 §8), at every endpoint. */
  dpopRequireNonce: boolean;
  allowPrivateTargets: boolean;
  workerBatchSize: number;
  workerPollMs: number;
  workerMaxInFlight: number;
  leaseMs: number;
  runWorkers: boolean;
  webhookTimeoutMs: number;
  webhookEndpointConcurrency: number;
  /** Webhooks a tenant may have (not counting deleted ones). */
  maxWebhooksPerTenant: number;
  /** PEM certificates trusted for webhook receivers besides the system's roots (WEBHOOK_CA_FILE). */
  webhookCa: string | null;
  /** Days of delivery history (events, deliveries, attempts, the machine journal) kept. */
  deliveryRetentionDays: number;
  /** Delay in ms before each attempt of a delivery (the first is the first attempt's). */
  webhookRetrySchedule: number[];
  /** How long a webhook may keep failing before it is disabled. */
  webhookDisableAfterSeconds: number;
  /** A secret rotation's grace window when none is asked (app client secrets and webhook signing secrets). */
  secretGraceSeconds: number;
  /** A refresh token's lifetime: its whole family's, since a rotation keeps the expiry. */
  refreshTokenTtlSeconds: number;
  /** A service token's lifetime when none is asked (at most FIXED.maxServiceTokenSeconds). */
  serviceTokenTtlSeconds: number;
  /** Days an authorization session is kept after its last change. */
  sessionRetentionDays: number;
  /** Authorization requests (GET /v1/oauth/authorize) a minute per address. */
  authorizeRequestsPerMinute: number;
  /** Failed sign-ins a minute per address and account (the authorization page and the studio). */
  signInFailuresPerMinute: number;
  /** Failed client authentications a minute for one client from one address (so a stranger elsewhere cannot lock it out). */
  clientAuthFailuresPerMinute: number;
  /** Failed client authentications a minute from one address over all clients. */
  addressAuthFailuresPerMinute: number;
  /** OpenTelemetry traces (OTEL_* variables): off unless an OTLP endpoint is given. */
  tracing: TracingConfig | null;
}

export interface TracingConfig {
  /** OTLP/HTTP traces URL: OTEL_EXPORTER_OTLP_TRACES_ENDPOINT, or OTEL_EXPORTER_OTLP_ENDPOINT + /v1/traces. */
  url: string;
  serviceName: string;
  /** OTEL_EXPORTER_OTLP_HEADERS / OTEL_EXPORTER_OTLP_TRACES_HEADERS: name=value pairs, comma-separated. */
  headers: Record<string, string>;
}

const DAY_S = 86_400;

/** "0,5s,5m,…": 1 to 30 delays, each 0 or a whole number with a unit (ms, s, m, h), at most 24 h. */
function schedule(env: Env, name: 'WEBHOOK_RETRY_SCHEDULE'): number[] {
  const raw = env[name]?.trim() || DEFAULTS.WEBHOOK_RETRY_SCHEDULE;
  const parts = raw.split(',').map((p) => p.trim());
  if (parts.length > 30) throw new ConfigError(name, `at most 30 attempts, got ${parts.length}`);
  return parts.map((part) => {
    const ms = parseDelay(part);
    if (ms === null)
      throw new ConfigError(name, `expected delays like ${DEFAULTS.WEBHOOK_RETRY_SCHEDULE}, got "${part}"`);
    if (ms > DAY_S * 1000) throw new ConfigError(name, `a delay is at most 24h, got "${part}"`);
    return ms;
  });
}

type Env = Record<string, string | undefined>;

const SESSION_ATTRS_THAT_WRITE = ['read-write', 'primary'];
const SESSION_ATTRS_TO_READ = ['prefer-standby', 'standby', 'read-only', 'read-write', 'primary'];
const HOST_PORT = /^[A-Za-z0-9.-]+(?::\d{1,5})?$/;

/**
 * A PostgreSQL URL, with one host or several (`postgres://user@h1:5432,h2:5432/db`, the libpq
 * form a primary and its standby are named by). The service writes, so a `target_session_attrs`
 * must ask for a primary; with several hosts and none given, the database layer asks for
 * read-write (src/db/postgres.ts).
 */
function postgresUrl(
  env: Env,
  name: string,
  sessionAttrs: readonly string[] = SESSION_ATTRS_THAT_WRITE,
): string | null {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return null;
  const scheme = /^([A-Za-z][A-Za-z0-9+.-]*):\/\//.exec(raw);
  if (!scheme) throw new ConfigError(name, 'is not a valid URL');
  if (!['postgres', 'postgresql'].includes(scheme[1]!.toLowerCase()))
    throw new ConfigError(name, 'must use postgres: or postgresql:');
  const afterScheme = raw.slice(scheme[0].length);
  const authority = afterScheme.split(/[?/]/)[0]!;
  const hostList = authority.slice(authority.lastIndexOf('@') + 1);
  const hosts = hostList.split(',');
  if (hosts.length > 1) {
    for (const host of hosts) {
      const port = Number(host.split(':')[1] ?? '5432');
      if (!HOST_PORT.test(host) || port < 1 || port > 65535)
        throw new ConfigError(
          name,
          `"${host}" is not a host or host:port (several hosts are written h1:5432,h2:5432; an IPv6 address only alone)`,
        );
    }
  }
  let parsed: URL;
  try {
    parsed = new URL(raw.replace(hostList, hosts[0]!));
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  const attrs = parsed.searchParams.get('target_session_attrs');
  if (attrs !== null && !sessionAttrs.includes(attrs))
    throw new ConfigError(
      name,
      sessionAttrs === SESSION_ATTRS_THAT_WRITE
        ? `target_session_attrs=${attrs}: the service writes, so it needs a primary (read-write or primary)`
        : `target_session_attrs=${attrs}: must be one of ${sessionAttrs.join(', ')}`,
    );
  return raw.replace(/\/+$/, '');
}

/** READ_DATABASE_URL: a standby of DATABASE_URL's primary (several hosts: a standby preferred). */
function readReplica(env: Env, databaseUrl: string | null): Config['readReplica'] {
  const url = postgresUrl(env, 'READ_DATABASE_URL', SESSION_ATTRS_TO_READ);
  const maxLagMs = int(env, 'READ_MAX_LAG_MS', 100, 300_000);
  if (url === null) return null;
  if (databaseUrl === null)
    throw new ConfigError(
      'READ_DATABASE_URL',
      'is a standby of DATABASE_URL: set DATABASE_URL too (the embedded database has none)',
    );
  return { url, maxLagMs };
}

export interface MetricsAccess {
  token: string | null;
  port: number | null;
  host: string;
}

function metricsAccess(env: Env, host: string, port: number): MetricsAccess {
  const token = env.METRICS_TOKEN?.trim() || null;
  if (token !== null && !/^[\x21-\x7e]{16,512}$/.test(token))
    throw new ConfigError('METRICS_TOKEN', 'must be 16 to 512 visible ASCII characters (openssl rand -hex 32)');
  const raw = env.METRICS_PORT;
  const metricsPort = raw === undefined || raw.trim() === '' ? null : whole(env, 'METRICS_PORT', 0, 65535);
  if (metricsPort !== null && metricsPort !== 0 && metricsPort === port)
    throw new ConfigError('METRICS_PORT', `must differ from PORT (${port}): it is a listener of its own`);
  return { token, port: metricsPort, host: env.METRICS_HOST?.trim() || host };
}

/** A whole number from min to max; the setting's default when unset. */
function int(env: Env, name: NumberSetting, min: number, max: number): number {
  const raw = env[name];
  return raw === undefined || raw === '' ? DEFAULTS[name] : whole(env, name, min, max);
}

function whole(env: Env, name: string, min: number, max: number): number {
  const raw = env[name] ?? '';
  if (!/^-?\d+$/.test(raw.trim())) throw new ConfigError(name, `expected a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function bool(env: Env, name: BooleanSetting | 'OTEL_SDK_DISABLED'): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (raw === undefined || raw === '') return DEFAULTS[name];
  if (['1', 'true', 'yes', 'on'].includes(raw)) return true;
  if (['0', 'false', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(name, `expected true or false, got "${env[name]}"`);
}

function oneOf<T extends string>(env: Env, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!(allowed as readonly string[]).includes(raw))
    throw new ConfigError(name, `expected one of ${allowed.join(', ')}, got "${raw}"`);
  return raw as T;
}

function url(env: Env, name: string, protocols: string[]): string | null {
  const raw = env[name];
  if (raw === undefined || raw === '') return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(name, 'is not a valid URL');
  }
  if (!protocols.includes(parsed.protocol)) throw new ConfigError(name, `must use ${protocols.join(' or ')}`);
  return raw.replace(/\/+$/, '');
}

function algs(env: Env, name: string): Array<'RS256' | 'ES256'> {
  const raw = env[name]?.trim();
  if (!raw) return [DEFAULTS.SIGNING_ALGS];
  const list = raw
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  for (const a of list)
    if (a !== 'RS256' && a !== 'ES256')
      throw new ConfigError(name, `unsupported algorithm "${a}"; use RS256, ES256 or both (RS256,ES256)`);
  return [...new Set(list)] as Array<'RS256' | 'ES256'>;
}

/** `terminal`: whether logs go to a terminal (LOG_FORMAT's default is pretty there, json elsewhere). */
function headerList(env: Env, name: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (env[name] ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    if (at <= 0) throw new ConfigError(name, 'expected name=value pairs separated by commas');
    out[decodeURIComponent(pair.slice(0, at).trim())] = decodeURIComponent(pair.slice(at + 1).trim());
  }
  return out;
}

/**
 * The standard OTEL_* variables: traces go to OTLP/HTTP when an endpoint is set (or
 * OTEL_TRACES_EXPORTER=otlp, to the default localhost:4318), and never with
 * OTEL_SDK_DISABLED=true or OTEL_TRACES_EXPORTER=none.
 */
function tracing(env: Env): TracingConfig | null {
  if (bool(env, 'OTEL_SDK_DISABLED')) return null;
  const exporter = oneOf(env, 'OTEL_TRACES_EXPORTER', ['otlp', 'none'] as const, 'otlp');
  const traces = url(env, 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', ['http:', 'https:']);
  const base = url(env, 'OTEL_EXPORTER_OTLP_ENDPOINT', ['http:', 'https:']);
  if (exporter === 'none' || (!traces && !base && env.OTEL_TRACES_EXPORTER !== 'otlp')) return null;
  return {
    url: traces ?? `${base ?? 'http://localhost:4318'}/v1/traces`,
    serviceName: text(env, 'OTEL_SERVICE_NAME'),
    headers: {
      ...headerList(env, 'OTEL_EXPORTER_OTLP_HEADERS'),
      ...headerList(env, 'OTEL_EXPORTER_OTLP_TRACES_HEADERS'),
    },
  };
}

export function loadConfig(env: Env = process.env, terminal = Boolean(process.stdout.isTTY)): Config {
  const config = readConfig(env, terminal);
  if (config.leaseMs <= config.webhookTimeoutMs) {
    throw new ConfigError(
      'LEASE_MS',
      `must be longer than WEBHOOK_TIMEOUT_MS (${config.webhookTimeoutMs}): a delivery's lease covers its request`,
    );
  }
  return config;
}

/** The variable's text, trimmed; the setting's default when unset or blank. */
function text(env: Env, name: TextSetting): string {
  return env[name]?.trim() || DEFAULTS[name];
}

function path(env: Env, name: string): string | null {
  return env[name]?.trim() || null;
}

function serverTls(env: Env): ServerTls | null {
  const certFile = path(env, 'TLS_CERT_FILE');
  const keyFile = path(env, 'TLS_KEY_FILE');
  if (certFile === null && keyFile === null) return null;
  if (certFile === null)
    throw new ConfigError('TLS_CERT_FILE', 'must be set with TLS_KEY_FILE (the certificate chain of that key, PEM)');
  if (keyFile === null)
    throw new ConfigError('TLS_KEY_FILE', 'must be set with TLS_CERT_FILE (the private key of that certificate, PEM)');
  return readServerTls(certFile, keyFile);
}

function readConfig(env: Env, terminal: boolean): Config {
  const port = int(env, 'PORT', 0, 65535);
  const tls = serverTls(env);
  const caFile = path(env, 'WEBHOOK_CA_FILE');
  const masterKey = env.MASTER_KEY?.trim() || null;
  if (masterKey !== null && !/^[A-Za-z0-9+/_-]{43}=?$/.test(masterKey)) {
    throw new ConfigError('MASTER_KEY', 'must be 32 random bytes, base64 encoded (openssl rand -base64 32)');
  }
  const masterKeyPrevious = env.MASTER_KEY_PREVIOUS?.trim() || null;
  if (masterKeyPrevious !== null && !/^[A-Za-z0-9+/_-]{43}=?$/.test(masterKeyPrevious))
    throw new ConfigError('MASTER_KEY_PREVIOUS', 'must be 32 random bytes, base64 encoded, like MASTER_KEY');
  if (masterKeyPrevious !== null && masterKey === null)
    throw new ConfigError('MASTER_KEY_PREVIOUS', 'is only read beside MASTER_KEY (the new key)');
  const host = text(env, 'HOST');
  const databaseUrl = postgresUrl(env, 'DATABASE_URL');
  return {
    port,
    host,
    tls,
    publicUrl: url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `${tls ? 'https' : 'http'}://localhost:${port}`,
    publicUrlGiven: url(env, 'PUBLIC_URL', ['http:', 'https:']) !== null,
    trustedProxies: TrustedProxies.parse(env.TRUSTED_PROXIES),
    forwardedHeaders: parseForwardedHeaders(env.FORWARDED_HEADERS),
    metrics: metricsAccess(env, host, port),
    databaseUrl,
    readReplica: readReplica(env, databaseUrl),
    dataDir: text(env, 'DATA_DIR'),
    dbPoolMax: int(env, 'DB_POOL_MAX', 1, 500),
    logLevel: oneOf(env, 'LOG_LEVEL', ['debug', 'info', 'warn', 'error'] as const, DEFAULTS.LOG_LEVEL),
    accessLog: bool(env, 'ACCESS_LOG'),
    logFormat: oneOf(env, 'LOG_FORMAT', ['json', 'pretty'] as const, terminal ? 'pretty' : 'json'),
    maxBodyBytes: int(env, 'MAX_BODY_BYTES', 1024, 64 * 1_048_576),
    maxHeaderBytes: int(env, 'MAX_HEADER_BYTES', 4096, 49_152),
    maxJsonDepth: int(env, 'MAX_JSON_DEPTH', 2, 1000),
    shutdownGraceMs: int(env, 'SHUTDOWN_GRACE_MS', 0, 600_000),
    masterKey,
    masterKeyPrevious,
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 60, 86_400),
    adminTokenTtlSeconds: int(env, 'ADMIN_TOKEN_TTL_SECONDS', 60, 86_400),
    signingAlgs: algs(env, 'SIGNING_ALGS'),
    dpopRequireNonce: bool(env, 'DPOP_REQUIRE_NONCE'),
    allowPrivateTargets: bool(env, 'ALLOW_PRIVATE_TARGETS'),
    workerBatchSize: int(env, 'WORKER_BATCH_SIZE', 1, 10_000),
    workerPollMs: int(env, 'WORKER_POLL_MS', 10, 60_000),
    workerMaxInFlight: int(env, 'WORKER_MAX_IN_FLIGHT', 1, 100_000),
    leaseMs: int(env, 'LEASE_MS', 1000, 3_600_000),
    runWorkers: bool(env, 'RUN_WORKERS'),
    webhookTimeoutMs: int(env, 'WEBHOOK_TIMEOUT_MS', 100, 60_000),
    webhookEndpointConcurrency: int(env, 'WEBHOOK_ENDPOINT_CONCURRENCY', 1, 1000),
    maxWebhooksPerTenant: int(env, 'MAX_WEBHOOKS_PER_TENANT', 1, 100_000),
    webhookCa: caFile === null ? null : readCertificates('WEBHOOK_CA_FILE', caFile).pem,
    deliveryRetentionDays: int(env, 'DELIVERY_RETENTION_DAYS', 1, 3650),
    webhookRetrySchedule: schedule(env, 'WEBHOOK_RETRY_SCHEDULE'),
    webhookDisableAfterSeconds: int(env, 'WEBHOOK_DISABLE_AFTER_SECONDS', 60, 365 * DAY_S),
    secretGraceSeconds: int(env, 'SECRET_GRACE_SECONDS', 0, FIXED.maxSecretGraceSeconds),
    refreshTokenTtlSeconds: int(env, 'REFRESH_TOKEN_TTL_SECONDS', 60, 365 * DAY_S),
    serviceTokenTtlSeconds: int(env, 'SERVICE_TOKEN_TTL_SECONDS', 60, FIXED.maxServiceTokenSeconds),
    sessionRetentionDays: int(env, 'SESSION_RETENTION_DAYS', 1, 3650),
    authorizeRequestsPerMinute: int(env, 'AUTHORIZE_REQUESTS_PER_MINUTE', 1, 100_000),
    signInFailuresPerMinute: int(env, 'SIGN_IN_FAILURES_PER_MINUTE', 1, 10_000),
    clientAuthFailuresPerMinute: int(env, 'CLIENT_AUTH_FAILURES_PER_MINUTE', 1, 100_000),
    addressAuthFailuresPerMinute: int(env, 'ADDRESS_AUTH_FAILURES_PER_MINUTE', 1, 1_000_000),
    tracing: tracing(env),
  };
}
