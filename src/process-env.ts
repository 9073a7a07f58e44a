// What the runtime reads from the environment only when the process starts, set for the
// outbound client before anything runs: a process that will send webhooks replaces itself,
// once, with the same command and these set (process.execve: same pid, same arguments).
//
// BUN_CONFIG_MAX_HTTP_REQUESTS: Bun runs at most this many outbound requests at once (256
//   unless set) and queues the rest inside its HTTP client, where no deadline of ours can see
//   them: 256 hanging receivers would hold every other webhook's request behind theirs. Raised
//   above what the delivery engine can have in flight (twice WORKER_MAX_IN_FLIGHT, see
//   src/webhooks/dispatch/fair-share.ts), with room for the other requests the server makes.
// NODE_EXTRA_CA_CERTS: WEBHOOK_CA_FILE, trusted by the process beside the system's roots, so
//   that no request has to carry it (src/outbound/fetch.ts, trustedByProcess). The CA is then
//   trusted for every outbound TLS connection of the process, not only webhooks'. When the variable
//   names another file already (some hosts set it for the whole system), a file holding both is
//   written beside the temporary files and named instead.
// --max-http-header-size: Bun's HTTP parser refuses a request head over this size with a bare
//   431 and no body, before any handler runs (16 KiB unless set). Raised to 64 KiB so that the
//   service's own MAX_HEADER_BYTES (src/http/header-size.ts) is the limit clients meet, answered
//   in the error envelope.
// A value the operator set is kept when it already does the job, and the restarted process
// keeps the runtime flags it was started with.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { maxHeaderSize } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeName } from './platform.ts';
import { DEFAULTS } from './defaults.ts';

const MAX_REQUESTS = 'BUN_CONFIG_MAX_HTTP_REQUESTS';
const EXTRA_CA = 'NODE_EXTRA_CA_CERTS';
/** Bun's own ceiling for the variable. */
const BUN_MAX = 65_535;
const DEFAULT_IN_FLIGHT = DEFAULTS.WORKER_MAX_IN_FLIGHT;
/** The request head Bun's parser accepts in a process of ours; MAX_HEADER_BYTES stays below it. */
export const RUNTIME_HEADER_LIMIT = 65_536;

/** The runtime flags a process started with `limit` as Bun's header limit must add. */
export function missingFlags(limit: number): string[] {
  return limit >= RUNTIME_HEADER_LIMIT ? [] : [`--max-http-header-size=${RUNTIME_HEADER_LIMIT}`];
}

/** The outbound request limit a process whose engine may have `maxInFlight` deliveries in flight needs. */
export function outboundLimitFor(maxInFlight: number): number {
  return Math.min(BUN_MAX, 2 * maxInFlight + 256);
}

/** What the environment must add (nothing when it is right already); an unreadable WORKER_MAX_IN_FLIGHT is config's to refuse. */
export function missingEnvironment(env: Record<string, string | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  const n = Number(env.WORKER_MAX_IN_FLIGHT ?? DEFAULT_IN_FLIGHT);
  const want = outboundLimitFor(Number.isInteger(n) && n > 0 ? n : DEFAULT_IN_FLIGHT);
  const have = Number(env[MAX_REQUESTS] ?? 256);
  if (!(Number.isFinite(have) && have >= want)) out[MAX_REQUESTS] = String(want);
  const ca = env.WEBHOOK_CA_FILE?.trim();
  if (ca && !env[EXTRA_CA]) out[EXTRA_CA] = ca;
  return out;
}

/** The text of a file, or null when it cannot be read (config says so, for WEBHOOK_CA_FILE). */
function readable(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * When NODE_EXTRA_CA_CERTS names a file without the certificates of WEBHOOK_CA_FILE: a file with
 * both (named by what it holds, so every process of an install writes and reads the same one).
 */
function combinedCaFile(env: Record<string, string | undefined>): string | null {
  const ca = env.WEBHOOK_CA_FILE?.trim();
  const extra = env[EXTRA_CA];
  if (!ca || !extra || extra === ca) return null;
  const want = readable(ca)?.trim();
  const have = readable(extra) ?? '';
  if (!want || have.includes(want)) return null;
  const both = `${have.trimEnd()}\n${want}\n`;
  const file = join(tmpdir(), `argus-ca-${createHash('sha256').update(both).digest('hex').slice(0, 16)}.pem`);
  if (!existsSync(file)) writeFileSync(file, both);
  return file;
}

/** On Bun, replaces the process with itself and the environment and flags it is missing; returns when nothing is. */
export function ensureProcessEnvironment(env: Record<string, string | undefined> = process.env): void {
  if (runtimeName !== 'bun') return;
  const missing = missingEnvironment(env);
  const combined = combinedCaFile(env);
  if (combined) missing[EXTRA_CA] = combined;
  const flags = missingFlags(maxHeaderSize);
  if (Object.keys(missing).length === 0 && flags.length === 0) return;
  const execve = (
    process as unknown as { execve?: (file: string, args: string[], env: Record<string, string>) => never }
  ).execve;
  if (!execve) return;
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) next[k] = v;
  // The new process gets `env` as given (a bench adds its own variables) and what was missing.
  execve(process.execPath, [process.execPath, ...process.execArgv, ...flags, ...process.argv.slice(1)], {
    ...next,
    ...missing,
  });
}
