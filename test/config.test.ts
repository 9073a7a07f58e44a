import { describe, expect, test } from 'bun:test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../src/config.ts';
import { DEFAULT_RETRY_SCHEDULE_MS, DEFAULTS } from '../src/defaults.ts';
import { ConfigError } from '../src/config-error.ts';

describe('config', () => {
  test('embedded defaults', () => {
    const c = loadConfig({});
    expect(c).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      databaseUrl: null,
      dataDir: './.data',
      publicUrl: 'http://localhost:3000',
      allowPrivateTargets: false,
      signingAlgs: ['RS256'],
    });
  });

  test.each([
    ['PORT', 'eighty', /PORT: expected a whole number/],
    ['PORT', '70000', /PORT: must be between 0 and 65535/],
    ['DATABASE_URL', 'mysql://x', /DATABASE_URL: must use postgres: or postgresql:/],
    ['DATABASE_URL', 'not a url', /DATABASE_URL: is not a valid URL/],
    ['DATABASE_URL', 'postgres://u@h1:5432,:5433/db', /DATABASE_URL: ":5433" is not a host or host:port/],
    ['DATABASE_URL', 'postgres://u@h1:5432,h2:99999/db', /DATABASE_URL: "h2:99999" is not a host or host:port/],
    ['DATABASE_URL', 'postgres://u@h1,[::1]:5432/db', /an IPv6 address only alone/],
    [
      'DATABASE_URL',
      'postgres://u@h1,h2/db?target_session_attrs=standby',
      /DATABASE_URL: target_session_attrs=standby: the service writes, so it needs a primary/,
    ],
    ['LOG_LEVEL', 'loud', /LOG_LEVEL: expected one of debug, info, warn, error/],
    ['LOG_FORMAT', 'text', /LOG_FORMAT: expected one of json, pretty/],
    ['ALLOW_PRIVATE_TARGETS', 'maybe', /ALLOW_PRIVATE_TARGETS: expected true or false/],
    ['MASTER_KEY', 'short', /MASTER_KEY: must be 32 random bytes/],
    ['SIGNING_ALGS', 'HS256', /SIGNING_ALGS: unsupported algorithm "HS256"/],
    ['WEBHOOK_RETRY_SCHEDULE', '0,5', /WEBHOOK_RETRY_SCHEDULE: expected delays like/],
    ['WEBHOOK_RETRY_SCHEDULE', '0,-5s', /WEBHOOK_RETRY_SCHEDULE: expected delays like/],
    ['WEBHOOK_RETRY_SCHEDULE', '0,2d', /WEBHOOK_RETRY_SCHEDULE: expected delays like/],
    ['WEBHOOK_RETRY_SCHEDULE', '0,25h', /WEBHOOK_RETRY_SCHEDULE: a delay is at most 24h/],
    ['WEBHOOK_RETRY_SCHEDULE', Array(31).fill('1s').join(','), /WEBHOOK_RETRY_SCHEDULE: at most 30 attempts/],
    ['SECRET_GRACE_SECONDS', String(31 * 86_400), /SECRET_GRACE_SECONDS: must be between 0 and 2592000/],
    ['SERVICE_TOKEN_TTL_SECONDS', String(91 * 86_400), /SERVICE_TOKEN_TTL_SECONDS: must be between 60 and 7776000/],
    ['REFRESH_TOKEN_TTL_SECONDS', '10', /REFRESH_TOKEN_TTL_SECONDS: must be between 60/],
    ['WEBHOOK_DISABLE_AFTER_SECONDS', 'soon', /WEBHOOK_DISABLE_AFTER_SECONDS: expected a whole number/],
    ['SESSION_RETENTION_DAYS', '0', /SESSION_RETENTION_DAYS: must be between 1 and 3650/],
    ['AUTHORIZE_REQUESTS_PER_MINUTE', '0', /AUTHORIZE_REQUESTS_PER_MINUTE: must be between 1/],
    ['SIGN_IN_FAILURES_PER_MINUTE', '-1', /SIGN_IN_FAILURES_PER_MINUTE: must be between 1/],
    ['CLIENT_AUTH_FAILURES_PER_MINUTE', '0', /CLIENT_AUTH_FAILURES_PER_MINUTE: must be between 1/],
    ['ADDRESS_AUTH_FAILURES_PER_MINUTE', '1.5', /ADDRESS_AUTH_FAILURES_PER_MINUTE: expected a whole number/],
    ['MAX_HEADER_BYTES', '100000', /MAX_HEADER_BYTES: must be between 4096 and 49152/],
    ['METRICS_TOKEN', 'short', /METRICS_TOKEN: must be 16 to 512 visible ASCII characters/],
    ['METRICS_TOKEN', 'has a space in it somewhere', /METRICS_TOKEN: must be 16 to 512/],
    ['METRICS_PORT', '3000', /METRICS_PORT: must differ from PORT \(3000\)/],
    ['METRICS_PORT', 'http', /METRICS_PORT: expected a whole number/],
  ])('a bad %s (%s) names the variable', (name, value, message) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(message);
  });

  test('DATABASE_URL: one host, or a primary and its standbys in the libpq form', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/argus' }).databaseUrl).toBe(
      'postgres://u:p@db:5432/argus',
    );
    const several = 'postgresql://u:p%2Fq@10.0.0.1:5432,10.0.0.2:5433,db-c/argus?target_session_attrs=read-write';
    expect(loadConfig({ DATABASE_URL: several }).databaseUrl).toBe(several);
    expect(loadConfig({ DATABASE_URL: 'postgres://u@h1,h2/argus?sslmode=require' }).databaseUrl).toContain('h1,h2');
    expect(loadConfig({ DATABASE_URL: 'postgres://u@[::1]:5432/argus' }).databaseUrl).toContain('[::1]');
  });

  test('READ_DATABASE_URL: a standby of DATABASE_URL, with a staleness bound', () => {
    const primary = 'postgres://u@db-a:5432/argus';
    expect(loadConfig({ DATABASE_URL: primary }).readReplica).toBeNull();
    expect(
      loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: 'postgres://u@db-b:5432/argus' }).readReplica,
    ).toEqual({ url: 'postgres://u@db-b:5432/argus', maxLagMs: 2000 });
    const several = 'postgres://u@db-a,db-b/argus?target_session_attrs=prefer-standby';
    expect(
      loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: several, READ_MAX_LAG_MS: '500' }).readReplica,
    ).toEqual({ url: several, maxLagMs: 500 });
    expect(() => loadConfig({ READ_DATABASE_URL: 'postgres://u@db-b/argus' })).toThrow(
      /READ_DATABASE_URL: is a standby of DATABASE_URL: set DATABASE_URL too/,
    );
    expect(() =>
      loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: 'postgres://u@db-b/argus?target_session_attrs=any' }),
    ).toThrow(/READ_DATABASE_URL: target_session_attrs=any: must be one of prefer-standby, standby/);
    expect(() => loadConfig({ DATABASE_URL: primary, READ_DATABASE_URL: 'mysql://x' })).toThrow(
      /READ_DATABASE_URL: must use postgres: or postgresql:/,
    );
    expect(() => loadConfig({ DATABASE_URL: primary, READ_MAX_LAG_MS: '10' })).toThrow(
      /READ_MAX_LAG_MS: must be between 100 and 300000/,
    );
  });

  test('the retry schedule: the published one by default, or delays with units', () => {
    expect(loadConfig({}).webhookRetrySchedule).toEqual([
      0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000,
    ]);
    expect(DEFAULTS.WEBHOOK_RETRY_SCHEDULE).toBe('0,5s,5m,30m,2h,5h,10h,10h');
    expect(loadConfig({}).webhookRetrySchedule).toEqual([...DEFAULT_RETRY_SCHEDULE_MS]);
    expect(loadConfig({ WEBHOOK_RETRY_SCHEDULE: '0, 500ms, 1s, 2m' }).webhookRetrySchedule).toEqual([
      0, 500, 1000, 120_000,
    ]);
  });

  test('policy numbers: the published defaults, each changed by its variable', () => {
    expect(loadConfig({})).toMatchObject({
      webhookDisableAfterSeconds: 5 * 86_400,
      secretGraceSeconds: 86_400,
      refreshTokenTtlSeconds: 30 * 86_400,
      serviceTokenTtlSeconds: 30 * 86_400,
      sessionRetentionDays: 30,
      authorizeRequestsPerMinute: 60,
      signInFailuresPerMinute: 10,
      clientAuthFailuresPerMinute: 20,
      addressAuthFailuresPerMinute: 100,
    });
    const c = loadConfig({
      WEBHOOK_DISABLE_AFTER_SECONDS: '3600',
      SECRET_GRACE_SECONDS: '0',
      REFRESH_TOKEN_TTL_SECONDS: '86400',
      SERVICE_TOKEN_TTL_SECONDS: '600',
      SESSION_RETENTION_DAYS: '7',
      AUTHORIZE_REQUESTS_PER_MINUTE: '5',
      SIGN_IN_FAILURES_PER_MINUTE: '3',
      CLIENT_AUTH_FAILURES_PER_MINUTE: '4',
      ADDRESS_AUTH_FAILURES_PER_MINUTE: '40',
    });
    expect(c).toMatchObject({
      webhookDisableAfterSeconds: 3600,
      secretGraceSeconds: 0,
      refreshTokenTtlSeconds: 86_400,
      serviceTokenTtlSeconds: 600,
      sessionRetentionDays: 7,
      authorizeRequestsPerMinute: 5,
      signInFailuresPerMinute: 3,
      clientAuthFailuresPerMinute: 4,
      addressAuthFailuresPerMinute: 40,
    });
  });

  test('LOG_FORMAT: pretty by default in a terminal, json elsewhere, either when set', () => {
    expect(loadConfig({}, true).logFormat).toBe('pretty');
    expect(loadConfig({}, false).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'json' }, true).logFormat).toBe('json');
    expect(loadConfig({ LOG_FORMAT: 'pretty' }, false).logFormat).toBe('pretty');
  });

  test('tracing: off by default, on with the standard OTEL_* variables', () => {
    expect(loadConfig({}).tracing).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/' }).tracing).toEqual({
      url: 'http://collector:4318/v1/traces',
      serviceName: 'argus',
      headers: {},
    });
    expect(
      loadConfig({
        OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318',
        OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'https://b/otlp/traces',
        OTEL_SERVICE_NAME: 'argus-eu',
        OTEL_EXPORTER_OTLP_HEADERS: 'x-api-key=k%3D1, tenant=eu',
      }).tracing,
    ).toEqual({ url: 'https://b/otlp/traces', serviceName: 'argus-eu', headers: { 'x-api-key': 'k=1', tenant: 'eu' } });
    expect(loadConfig({ OTEL_TRACES_EXPORTER: 'otlp' }).tracing?.url).toBe('http://localhost:4318/v1/traces');
    expect(
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_TRACES_EXPORTER: 'none' }).tracing,
    ).toBeNull();
    expect(loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a:4318', OTEL_SDK_DISABLED: 'true' }).tracing).toBeNull();
    expect(() => loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'grpc://a:4317' })).toThrow(
      'OTEL_EXPORTER_OTLP_ENDPOINT: must use http: or https:',
    );
    expect(() =>
      loadConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://a', OTEL_EXPORTER_OTLP_HEADERS: 'novalue' }),
    ).toThrow('OTEL_EXPORTER_OTLP_HEADERS: expected name=value pairs');
    expect(() => loadConfig({ OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(
      'OTEL_TRACES_EXPORTER: expected one of otlp, none',
    );
  });

  test('PUBLIC_URL loses its trailing slash; several signing algorithms', () => {
    const c = loadConfig({ PUBLIC_URL: 'https://auth.example.com/', SIGNING_ALGS: 'RS256, ES256' });
    expect(c.publicUrl).toBe('https://auth.example.com');
    expect(c.signingAlgs).toEqual(['RS256', 'ES256']);
  });

  test('WEBHOOK_CA_FILE: a file that is missing or holds no certificate is refused, naming it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'argus-config-'));
    const notPem = join(dir, 'ca.txt');
    writeFileSync(notPem, 'not a certificate');
    expect(() => loadConfig({ WEBHOOK_CA_FILE: join(dir, 'missing.pem') })).toThrow(
      `WEBHOOK_CA_FILE: cannot read ${join(dir, 'missing.pem')} (ENOENT)`,
    );
    expect(() => loadConfig({ WEBHOOK_CA_FILE: notPem })).toThrow(
      `WEBHOOK_CA_FILE: ${notPem} holds no PEM certificate`,
    );
    const broken = join(dir, 'broken.pem');
    writeFileSync(broken, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(() => loadConfig({ WEBHOOK_CA_FILE: broken })).toThrow(
      `WEBHOOK_CA_FILE: certificate 1 in ${broken} does not parse`,
    );
  });
});
