// Client-credentials tokens per second over HTTP, beside node-oidc-provider (on Node)
// configured for the same grant and issuing JWT access tokens with the same algorithm, on the
// same machine, under the same load generator; once with RS256 and once with ES256. Also the
// runtime's raw signing rate in one process, and bearer-token verifications per second.
//
// Both servers run WORKERS processes sharing one port (SO_REUSEPORT here, node:cluster there).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { calculateJwkThumbprint, decodeJwt, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { loadConfig } from '../src/config.ts';
import { openServices } from '../src/main.ts';
import { silentLogger } from '../src/log.ts';
import type { SigningAlg } from '../src/oauth/keys/service.ts';
import type { Principal } from '../src/identity/principal.ts';
import { freePort } from '../test/support/service.ts';
import { replayStore } from '../src/oauth/replay/store.ts';
import { sha256Base64Url } from '../src/crypto/hash.ts';
import { figure, machine, quick, rate, scratchPostgres } from './support.ts';

const WORKERS = Number(process.env.BENCH_WORKERS ?? '2');
const REQUESTS = quick ? 2_000 : 20_000;
const SIGNS = quick ? 2_000 : 10_000;
const CONCURRENCY = 64;
const here = import.meta.dir;
const env = { ...process.env, MASTER_KEY: process.env.MASTER_KEY ?? 'YmVuY2gtb25seS1tYXN0ZXIta2V5LTMyLWJ5dGVzISE=' };

async function waitReady(child: ReturnType<typeof Bun.spawn>, what: string): Promise<void> {
  const reader = (child.stdout as ReadableStream<Uint8Array>).getReader();
  let seen = '';
  const deadline = Date.now() + 60_000;
  while (!seen.includes('ready')) {
    if (Date.now() > deadline) throw new Error(`${what} did not start`);
    const { value, done } = await reader.read();
    if (done) throw new Error(`${what} exited before it was ready (exit ${await child.exited})`);
    seen += new TextDecoder().decode(value);
  }
  reader.releaseLock();
}

async function stopAll(children: Array<ReturnType<typeof Bun.spawn>>): Promise<void> {
  for (const c of children) c.kill('SIGTERM');
  await Promise.all(children.map((c) => c.exited));
}

/** CPU seconds (user + system) a process has used so far, from /proc (Linux). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100; // utime, stime in clock ticks (USER_HZ = 100)
}

/** CPU seconds of a process and every process it started (node:cluster workers). */
function treeCpuSeconds(pid: number): number {
  let children: number[] = [];
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
      .trim()
      .split(/\s+/)
      .filter(Boolean)
      .map(Number);
  } catch {
    // gone already
  }
  return cpuSeconds(pid) + children.reduce((sum, c) => sum + treeCpuSeconds(c), 0);
}

const ownCpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/**
 * DPoP proofs (ES256, one key, a fresh jti each) for `count` POSTs to `htu`, made before the
 * run so that the load generator's signing is not measured on the cores the servers share.
 */
async function dpopProofs(htu: string, count: number): Promise<string[]> {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const iat = Math.floor(Date.now() / 1000);
  return Promise.all(
    Array.from({ length: count }, () =>
      new SignJWT({ jti: crypto.randomUUID(), htm: 'POST', htu, iat })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .sign(privateKey),
    ),
  );
}

/**
 * Client-credentials requests per second against a token endpoint (client_secret_post), and
 * the CPU seconds `cpu` says the server used for the measured requests. With `dpopHtu`, every
 * request carries a DPoP proof for that URL and must get a DPoP-bound token.
 */
async function tokenRate(
  url: string,
  clientId: string,
  secret: string,
  check: (token: string) => void,
  cpu: () => number = () => 0,
  dpopHtu?: string,
): Promise<{ perS: number; cpuS: number }> {
  const body = `grant_type=client_credentials&client_id=${encodeURIComponent(clientId)}&client_secret=${encodeURIComponent(secret)}&scope=webhooks%3Awrite`;
  const warmCount = Math.max(1000, REQUESTS / 5);
  const proofs = dpopHtu ? await dpopProofs(dpopHtu, 1 + warmCount + REQUESTS) : [];
  let used = 0;
  const once = async () => {
    const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
    if (dpopHtu) headers.dpop = proofs[used++]!;
    const res = await fetch(url, { method: 'POST', headers, body });
    const json = (await res.json()) as { access_token?: string; token_type?: string };
    if (res.status !== 200 || !json.access_token)
      throw new Error(`${url} answered ${res.status}: ${JSON.stringify(json)}`);
    if (dpopHtu && (json.token_type?.toLowerCase() !== 'dpop' || !('cnf' in decodeJwt(json.access_token))))
      throw new Error(`${url} did not bind the token: ${JSON.stringify(json)}`);
    return json.access_token;
  };
  check(await once()); // warm, and prove the answer is a token of the expected algorithm
  await rate(warmCount, CONCURRENCY, once); // both runtimes JIT-warm before measuring
  const before = cpu();
  const perS = await rate(REQUESTS, CONCURRENCY, once);
  return { perS, cpuS: cpu() - before };
}

const algOf = (alg: string) => (token: string) => {
  const header = JSON.parse(atob(token.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/'))) as {
    alg: string;
    typ?: string;
  };
  if (header.alg !== alg) throw new Error(`expected a ${alg} token, got ${header.alg}`);
};

async function argus(alg: SigningAlg, pgUrl: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'argus-bench-'));
  const port = freePort();
  const base = {
    ...env,
    DATABASE_URL: pgUrl,
    DATA_DIR: dataDir,
    SIGNING_ALGS: alg,
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    LOG_LEVEL: 'error',
    DB_POOL_MAX: '8',
  };
  // The bench process registers the tenant and app, and measures raw signing and verification.
  const services = await openServices(loadConfig(base), { log: silentLogger });
  const tenant = await services.tenants.createTenant({
    name: `Bench ${alg}`,
    adminEmail: `bench-${alg.toLowerCase()}@example.com`,
    adminPassword: 'correct horse battery staple',
  });
  const admin: Principal = {
    tenantId: tenant.tenantId,
    subject: tenant.adminUserId,
    clientId: 'argus-admin',
    scopes: [],
    tokenId: 'bench',
    expiresAt: new Date(Date.now() + 3_600_000),
    admin: true,
    kind: 'user',
  };
  const { app, clientSecret } = await services.apps.create(admin, {
    name: 'Bench connector',
    grant_types: ['client_credentials'],
    redirect_uris: [],
    requested_scopes: ['webhooks:write'],
  });

  const mint = () =>
    services.tokens.mint({
      tenantId: tenant.tenantId,
      subject: app.id,
      clientId: app.id,
      scopes: ['webhooks:write'],
      ttlSeconds: 3600,
      kind: 'client',
      alg,
    });
  await rate(200, 4, mint);
  const cpuBefore = ownCpuSeconds();
  const rawSign = await rate(SIGNS, 4, mint);
  const rawSignPerCpuS = SIGNS / (ownCpuSeconds() - cpuBefore);
  figure('tokens', `raw_sign_per_s_${alg.toLowerCase()}`, rawSign, '1/s', {
    machine,
    per_cpu_s: Math.round(rawSignPerCpuS),
  });

  const token = (await mint()).token;
  // The signing loop above holds the event loop for seconds: until the invalidation listener
  // is heard again, caches step aside (src/invalidation.ts) and every check is a full one.
  while (!services.invalidations.trusted()) await Bun.sleep(20);
  await rate(200, 4, () => services.tokens.verify(token));
  let verifyCpu = ownCpuSeconds();
  const verifyRate = await rate(SIGNS, 16, () => services.tokens.verify(token));
  const rememberedCpuUs = ((ownCpuSeconds() - verifyCpu) * 1e6) / SIGNS;
  // Each token seen once: the signature, the claims, the revocation lookup, then remembered.
  const fresh = await Promise.all(Array.from({ length: SIGNS }, mint));
  verifyCpu = ownCpuSeconds();
  const firstSeenRate = await rate(SIGNS, 16, (i) => services.tokens.verify(fresh[i]!.token));
  const firstSeenCpuUs = ((ownCpuSeconds() - verifyCpu) * 1e6) / SIGNS;

  const servers = Array.from({ length: WORKERS }, () =>
    Bun.spawn([process.execPath, join(here, 'tokens/server.ts')], { env: base, stdout: 'pipe', stderr: 'inherit' }),
  );
  try {
    for (const s of servers) await waitReady(s, 'argus server');
    const serverCpu = () => servers.reduce((sum, s) => sum + cpuSeconds(s.pid), 0);
    const { perS, cpuS } = await tokenRate(
      `http://127.0.0.1:${port}/v1/oauth/token`,
      app.id,
      clientSecret!,
      algOf(alg),
      serverCpu,
    );
    const perCpuS = REQUESTS / cpuS;
    figure('tokens', `tokens_per_s_${alg.toLowerCase()}`, perS, '1/s', {
      machine,
      processes: WORKERS,
      per_server_cpu_s: Math.round(perCpuS),
    });
    const tokenUrl = `http://127.0.0.1:${port}/v1/oauth/token`;
    const dpop = await tokenRate(tokenUrl, app.id, clientSecret!, algOf(alg), serverCpu, tokenUrl);
    figure('tokens', `dpop_tokens_per_s_${alg.toLowerCase()}`, dpop.perS, '1/s', {
      machine,
      processes: WORKERS,
      per_server_cpu_s: Math.round(REQUESTS / dpop.cpuS),
    });
    // The floor under any answer of these servers: GET /v1/auth/jwks.json (keys cached in
    // memory) per server CPU-second: HTTP, routing, request id, metrics; no database, no signing.
    const health = async () => {
      const res = await fetch(`http://127.0.0.1:${port}/v1/auth/jwks.json`);
      if (res.status !== 200) throw new Error(`jwks answered ${res.status}`);
      await res.arrayBuffer();
    };
    await rate(1000, CONCURRENCY, health);
    const floorBefore = serverCpu();
    await rate(REQUESTS, CONCURRENCY, health);
    figure(
      'tokens',
      `http_floor_per_server_cpu_s_${alg.toLowerCase()}`,
      REQUESTS / (serverCpu() - floorBefore),
      '1/s',
      { machine, route: 'GET /v1/auth/jwks.json' },
    );
    return {
      perS,
      dpopPerS: dpop.perS,
      verifyRate,
      rememberedCpuUs,
      firstSeenRate,
      firstSeenCpuUs,
      perCpuS,
      rawSignPerCpuS,
      replay: alg === 'RS256' ? await replayCost(services, token) : null,
    };
  } finally {
    await stopAll(servers);
    await services.close();
  }
}

/**
 * What DPoP costs a protected route, in the bench process: the bearer guard on a bound token
 * with a fresh proof per request (signature, claims, ath, the jti's insert), beside the same
 * guard on a bearer token; and the replay insert on its own.
 */
async function replayCost(services: Awaited<ReturnType<typeof openServices>>, bearerToken: string) {
  const { publicKey, privateKey } = await generateKeyPair('ES256');
  const jwk = await exportJWK(publicKey);
  const jkt = await calculateJwkThumbprint(jwk, 'sha256');
  const bound = await services.tokens.mint({
    tenantId: (await services.tokens.verify(bearerToken)).tenantId,
    subject: 'bench',
    clientId: 'argus-admin',
    scopes: ['webhooks:read'],
    ttlSeconds: 3600,
    kind: 'client',
    jkt,
  });
  const url = `${services.config.publicUrl}/v1/webhooks`;
  const ath = await sha256Base64Url(bound.token);
  const n = SIGNS;
  const iat = Math.floor(Date.now() / 1000);
  const proofs = await Promise.all(
    Array.from({ length: n + 200 }, () =>
      new SignJWT({ jti: crypto.randomUUID(), htm: 'GET', htu: url, iat, ath })
        .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk })
        .sign(privateKey),
    ),
  );
  const request = (i: number) =>
    new Request(url, { headers: { authorization: `DPoP ${bound.token}`, dpop: proofs[i]! } });
  await rate(200, 16, (i) => services.auth.principal(request(n + i)));
  const dpopPerS = await rate(n, 16, (i) => services.auth.principal(request(i)));
  const bearer = new Request(url, { headers: { authorization: `Bearer ${bearerToken}` } });
  const guardCpu = ownCpuSeconds();
  const bearerPerS = await rate(n, 16, () => services.auth.principal(bearer));
  const guardRememberedCpuUs = ((ownCpuSeconds() - guardCpu) * 1e6) / n;
  const expires = new Date(Date.now() + 120_000);
  const replayPerS = await rate(n, 16, (i) =>
    replayStore.firstUse(services.db, `bench:${jkt}:${i}:${crypto.randomUUID()}`, expires),
  );
  return { dpopPerS, bearerPerS, replayPerS, guardRememberedCpuUs };
}

async function oidcProvider(alg: SigningAlg) {
  const port = freePort();
  const { privateKey } = await generateKeyPair(alg, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: `bench-${alg}`, alg, use: 'sig' };
  const child = Bun.spawn(['node', join(here, 'tokens/oidc-provider.mjs')], {
    env: {
      ...env,
      PORT: String(port),
      ALG: alg,
      WORKERS: String(WORKERS),
      CLIENT_ID: 'bench-client',
      CLIENT_SECRET: 'bench-secret-with-enough-entropy-0123456789',
      JWKS: JSON.stringify({ keys: [jwk] }),
      NODE_ENV: 'production',
    },
    stdout: 'pipe',
    stderr: 'inherit',
  });
  try {
    await waitReady(child, 'oidc-provider');
    const tokenUrl = `http://127.0.0.1:${port}/token`;
    const { perS, cpuS } = await tokenRate(
      tokenUrl,
      'bench-client',
      'bench-secret-with-enough-entropy-0123456789',
      algOf(alg),
      () => treeCpuSeconds(child.pid),
    );
    const perCpuS = REQUESTS / cpuS;
    figure('tokens', `oidc_provider_tokens_per_s_${alg.toLowerCase()}`, perS, '1/s', {
      machine,
      processes: WORKERS,
      runtime: 'node',
      per_server_cpu_s: Math.round(perCpuS),
    });
    const dpop = await tokenRate(
      tokenUrl,
      'bench-client',
      'bench-secret-with-enough-entropy-0123456789',
      algOf(alg),
      undefined,
      tokenUrl,
    );
    figure('tokens', `oidc_provider_dpop_tokens_per_s_${alg.toLowerCase()}`, dpop.perS, '1/s', {
      machine,
      processes: WORKERS,
      runtime: 'node',
    });
    return { perS, dpopPerS: dpop.perS, perCpuS };
  } finally {
    await stopAll([child]);
  }
}

const pg = await scratchPostgres();
try {
  let verify = { perS: 0, rememberedCpuUs: 0, firstSeenPerS: 0, firstSeenCpuUs: 0 };
  let replay: Awaited<ReturnType<typeof replayCost>> | null = null;
  for (const alg of ['RS256', 'ES256'] as const) {
    const ours = await argus(alg, pg.url);
    const theirs = await oidcProvider(alg);
    figure('tokens', `vs_oidc_provider_${alg.toLowerCase()}`, ours.perS / theirs.perS, 'x', { machine });
    figure('tokens', `dpop_vs_oidc_provider_${alg.toLowerCase()}`, ours.dpopPerS / theirs.dpopPerS, 'x', { machine });
    // Tokens per CPU-second of the server processes alone: what each server costs, whatever
    // else (the load generator, other work on the machine) takes of the cores.
    figure('tokens', `per_cpu_vs_oidc_provider_${alg.toLowerCase()}`, ours.perCpuS / theirs.perCpuS, 'x', { machine });
    // What a server process keeps of the raw signing rate once HTTP, client authentication and
    // the database are in the path: tokens per CPU-second of the servers against signatures per
    // CPU-second of the raw loop. CPU time, not wall time, so the load generator sharing the
    // cores does not count against the server.
    figure('tokens', `per_process_vs_raw_sign_${alg.toLowerCase()}`, ours.perCpuS / ours.rawSignPerCpuS, 'x', {
      machine,
    });
    if (alg === 'RS256')
      verify = {
        perS: ours.verifyRate,
        rememberedCpuUs: ours.rememberedCpuUs,
        firstSeenPerS: ours.firstSeenRate,
        firstSeenCpuUs: ours.firstSeenCpuUs,
      };
    if (ours.replay) replay = ours.replay;
  }
  // The token check of a remembered token: its expiry and the app's governance (disabled,
  // service tokens allowed, lifetime cap), both from memory; and of a token seen for the first
  // time: signature, claims, issuer, audience and the revocation lookup besides.
  figure('tokens', 'verify_per_s', verify.perS, '1/s', { machine, alg: 'RS256', token: 'remembered' });
  figure('tokens', 'verify_remembered_us_cpu', verify.rememberedCpuUs, 'us', { machine, alg: 'RS256' });
  figure('tokens', 'verify_first_seen_per_s', verify.firstSeenPerS, '1/s', { machine, alg: 'RS256' });
  figure('tokens', 'verify_first_seen_us_cpu', verify.firstSeenCpuUs, 'us', {
    machine,
    alg: 'RS256',
    what: 'bench process CPU per check, the revocation query included (not Postgres own CPU)',
  });
  if (replay) {
    // A DPoP-bound request on a protected route: the bearer checks, the proof's signature and
    // claims, and its jti inserted once into Postgres; and that insert alone.
    figure('tokens', 'verify_dpop_per_s', replay.dpopPerS, '1/s', { machine, alg: 'RS256', proof_alg: 'ES256' });
    figure('tokens', 'verify_bearer_per_s', replay.bearerPerS, '1/s', {
      machine,
      alg: 'RS256',
      note: 'the same guard, Authorization: Bearer',
    });
    figure('tokens', 'guard_remembered_us_cpu', replay.guardRememberedCpuUs, 'us', {
      machine,
      what: 'the whole bearer guard (header, token, governance) on a remembered token, CPU per request',
    });
    figure('tokens', 'dpop_added_us_per_request', 1e6 / replay.dpopPerS - 1e6 / replay.bearerPerS, 'us', {
      machine,
      what: 'bound token with a proof against the same guard with Bearer, 16 in flight',
    });
    figure('tokens', 'dpop_replay_checks_per_s', replay.replayPerS, '1/s', {
      machine,
      database: 'postgres',
      concurrency: 16,
      what: 'INSERT … ON CONFLICT DO NOTHING into oauth_seen_jti, unflushed commit',
    });
    figure('tokens', 'dpop_replay_check_us', 1e6 / replay.replayPerS, 'us', {
      machine,
      database: 'postgres',
      concurrency: 16,
      what: 'per check at 16 in flight (1 / the rate above)',
    });
  }
} finally {
  await pg.drop();
}
