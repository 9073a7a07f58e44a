// Bun runs at most BUN_CONFIG_MAX_HTTP_REQUESTS outbound requests at once (256 unless set) and
// queues the rest inside its HTTP client, where no deadline of ours can see them: 256 hanging
// receivers would hold every other webhook's request behind theirs. The variable is read when
// the process starts (setting it later changes nothing), so a process that will send webhooks
// replaces itself, once, with the same command and the limit raised above what the delivery
// engine can have in flight (twice WORKER_MAX_IN_FLIGHT, see fair-share.ts), plus room for the
// other requests the server makes (JWKS, traces).
import { runtimeName } from './platform.ts';

const VARIABLE = 'BUN_CONFIG_MAX_HTTP_REQUESTS';
/** Bun's own ceiling for the variable. */
const BUN_MAX = 65_535;
const DEFAULT_IN_FLIGHT = 1000;

/** The outbound request limit a process whose engine may have `maxInFlight` deliveries in flight needs. */
export function outboundLimitFor(maxInFlight: number): number {
  return Math.min(BUN_MAX, 2 * maxInFlight + 256);
}

/** The limit this process needs, from its environment (an unreadable WORKER_MAX_IN_FLIGHT is config's to refuse). */
function needed(env: Record<string, string | undefined>): number {
  const n = Number(env.WORKER_MAX_IN_FLIGHT ?? DEFAULT_IN_FLIGHT);
  return outboundLimitFor(Number.isInteger(n) && n > 0 ? n : DEFAULT_IN_FLIGHT);
}

/**
 * On Bun, when the limit in force is below what this process needs, replaces the process (same
 * pid, same arguments) with one started with the limit raised; returns otherwise. A limit set
 * higher by the operator is kept.
 */
export function ensureOutboundLimit(env: Record<string, string | undefined> = process.env): void {
  if (runtimeName !== 'bun') return;
  const want = needed(env);
  const have = Number(env[VARIABLE] ?? 256);
  if (Number.isFinite(have) && have >= want) return;
  const execve = (
    process as unknown as { execve?: (file: string, args: string[], env: Record<string, string>) => never }
  ).execve;
  if (!execve) return;
  const next: Record<string, string> = {};
  for (const [k, v] of Object.entries(env)) if (v !== undefined) next[k] = v;
  next[VARIABLE] = String(want);
  execve(process.execPath, [process.execPath, ...process.argv.slice(1)], next);
}
