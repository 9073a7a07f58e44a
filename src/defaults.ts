// Every policy number of the service, in one place: what each setting is when its variable is
// not set (DEFAULTS, keyed by the variable), and the limits no variable changes (FIXED).
// docs/operating.md says the same, in Configuration and in Fixed limits;
// test/docs/defaults.test.ts holds the two to each other. src/config.ts reads the environment
// with these as its fallbacks; the machines take them as their defaults.

const SECOND_MS = 1000;
const HOUR_S = 3600;
const DAY_S = 24 * HOUR_S;

/** What each setting is when its environment variable is unset (docs/operating.md, Configuration). */
export const DEFAULTS = {
  PORT: 3000,
  HOST: '127.0.0.1',
  FORWARDED_HEADERS: 'x-forwarded',
  DATA_DIR: './.data',
  DB_POOL_MAX: 10,
  READ_MAX_LAG_MS: 2000,
  LOG_LEVEL: 'info',
  ACCESS_LOG: true,
  MAX_BODY_BYTES: 1_048_576,
  MAX_HEADER_BYTES: 16_384,
  MAX_JSON_DEPTH: 64,
  SHUTDOWN_GRACE_MS: 10_000,
  ACCESS_TOKEN_TTL_SECONDS: HOUR_S,
  ADMIN_TOKEN_TTL_SECONDS: HOUR_S,
  SIGNING_ALGS: 'RS256',
  DPOP_REQUIRE_NONCE: false,
  ALLOW_PRIVATE_TARGETS: false,
  RUN_WORKERS: true,
  WORKER_BATCH_SIZE: 200,
  WORKER_POLL_MS: 1000,
  LEASE_MS: 30_000,
  DELIVERY_RETENTION_DAYS: 30,
  WORKER_MAX_IN_FLIGHT: 1000,
  WEBHOOK_TIMEOUT_MS: 15_000,
  WEBHOOK_ENDPOINT_CONCURRENCY: 8,
  MAX_WEBHOOKS_PER_TENANT: 1000,
  /** At once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h (the published schedule). */
  WEBHOOK_RETRY_SCHEDULE: '0,5s,5m,30m,2h,5h,10h,10h',
  WEBHOOK_DISABLE_AFTER_SECONDS: 5 * DAY_S,
  SECRET_GRACE_SECONDS: DAY_S,
  REFRESH_TOKEN_TTL_SECONDS: 30 * DAY_S,
  SERVICE_TOKEN_TTL_SECONDS: 30 * DAY_S,
  SESSION_RETENTION_DAYS: 30,
  AUTHORIZE_REQUESTS_PER_MINUTE: 60,
  CLIENT_AUTH_FAILURES_PER_MINUTE: 20,
  ADDRESS_AUTH_FAILURES_PER_MINUTE: 100,
  SIGN_IN_FAILURES_PER_MINUTE: 10,
  OTEL_SERVICE_NAME: 'argus',
  OTEL_SDK_DISABLED: false,
} as const;

export type Setting = keyof typeof DEFAULTS;
type SettingOf<T> = { [K in Setting]: (typeof DEFAULTS)[K] extends T ? K : never }[Setting];
export type NumberSetting = SettingOf<number>;
export type BooleanSetting = SettingOf<boolean>;
export type TextSetting = SettingOf<string>;

/** The limits and windows no variable changes (docs/operating.md, Fixed limits). */
export const FIXED = {
  /** Longest grace window a secret rotation may ask for (apps and webhooks). */
  maxSecretGraceSeconds: 30 * DAY_S,
  /** Longest lifetime of a service token, and so of any token a signing key signs. */
  maxServiceTokenSeconds: 90 * DAY_S,
  /** How long a user has to sign in and decide on the authorization page. */
  authorizationInteractionSeconds: 600,
  /** How long an authorization code may be redeemed (at most this; RFC 6749 §4.1.2 says 10 minutes at most). */
  authorizationCodeSeconds: 60,
  /** How long a pushed authorization request's request_uri may be used. */
  parLifetimeSeconds: 60,
  /** How far a DPoP proof's iat may be from the server's time, either way. */
  dpopProofWindowSeconds: 60,
  /** A DPoP nonce this service issues changes this often; the current and the previous one are accepted. */
  dpopNonceWindowSeconds: 60,
  /** Longest a private_key_jwt client assertion may live (exp − iat). */
  clientAssertionMaxLifetimeSeconds: 600,
  /** Clock skew allowed when checking a token's or an assertion's exp, nbf and iat. */
  clockToleranceSeconds: 5,
  /**
   * A change to governance (an app disabled, scopes, bundles), a revocation or a signing key's
   * retirement applies at once in the process that makes it and within this in the others.
   */
  invalidationBoundMs: 2 * SECOND_MS,
  /**
   * How long a process keeps an app's governance even when no change was announced: the bound
   * for a change made without announcing it (by hand in the database).
   */
  cacheBackstopMs: 60 * SECOND_MS,
  /** How long a process uses the published signing keys it read before reading them again. */
  signingKeyRefreshMs: 30 * SECOND_MS,
  /** How long a client's fetched jwks_uri document is used before it is fetched again. */
  clientJwksRefetchMs: 30 * SECOND_MS,
  /** A retry's delay is its scheduled delay, give or take this share of it at random. */
  retryJitterRatio: 0.2,
  /** 4xx answers (other than 410, 408 and 429) a delivery may get before it gives up. */
  clientErrorBudget: 2,
  /** PBKDF2-HMAC-SHA256 iterations for new passwords. */
  passwordIterations: 600_000,
  /** GraphQL: longest chain of nested fields, fragments expanded. */
  graphqlMaxDepth: 6,
  /** GraphQL: objects an operation may ask for at most, page sizes multiplied out. */
  graphqlMaxCost: 2000,
  /** GraphQL: tokens the parser reads before giving up. */
  graphqlMaxTokens: 2000,
  /** GraphQL: characters of a document's text. */
  graphqlMaxDocumentLength: 32_768,
  /** GraphQL: a page's size when `first` is not given, and the largest it may ask. */
  graphqlDefaultPage: 20,
  graphqlMaxPage: 100,
  /** A recover or a bulk retry sends again at most this many deliveries, the oldest first; another call sends the rest. */
  resendBatchMax: 10_000,
  /** The studio's payload search reads at most this many events of its range, the newest first. */
  payloadSearchScan: 100_000,
  /** The studio's payload search lists at most this many events, the newest first. */
  payloadSearchResults: 20,
  /** The studio counts a webhook's queue up to this many deliveries per state, then says "at least". */
  studioQueueCountCap: 10_000,
  /** A portal link works this long (seconds), once. */
  portalLinkSeconds: 600,
  /** A portal session (the token a link is exchanged for) lasts this long (seconds); a new link starts another. */
  portalSessionSeconds: 3600,
  /** A tenant's portal may be embedded in at most this many sites (frame ancestors). */
  portalFrameAncestorsMax: 20,
} as const;

const UNITS = [
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
] as const;
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** 300_000 → "5m": the largest unit that divides the delay. */
export function formatDelay(ms: number): string {
  if (ms === 0) return '0';
  const unit = UNITS.find(([, size]) => ms % size === 0);
  return unit ? `${ms / unit[1]}${unit[0]}` : `${ms}ms`;
}

/** "5m" → 300_000; null for anything but 0 or a whole number with a unit (ms, s, m, h). */
export function parseDelay(text: string): number | null {
  const m = /^(\d+)(ms|s|m|h)?$/.exec(text);
  if (!m || (m[2] === undefined && m[1] !== '0')) return null;
  return Number(m[1]) * (m[2] ? UNIT_MS[m[2]]! : 1);
}

/** The default retry schedule in ms before each attempt. */
export const DEFAULT_RETRY_SCHEDULE_MS: readonly number[] = DEFAULTS.WEBHOOK_RETRY_SCHEDULE.split(',').map(
  (part) => parseDelay(part)!,
);

export const DAY_MS = DAY_S * 1000;

/**
 * How long a delivery created at `createdAtMs` may stay held (its webhook paused): until
 * retention would drop its history, DELIVERY_RETENTION_DAYS after it was created.
 */
export function holdExpiresInMs(createdAtMs: number, nowMs: number, retentionDays: number): number {
  return createdAtMs + retentionDays * DAY_MS - nowMs;
}
