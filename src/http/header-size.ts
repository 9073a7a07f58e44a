// The size of a request's head, checked by the service so that a request with headers too large
// gets 431 in the error envelope. The runtime's HTTP parser has its own limit and answers a bare
// 431 (no body) past it, before any handler runs: a process of ours raises Bun's to 64 KiB at
// start (src/process-env.ts) so that MAX_HEADER_BYTES, 16 KiB by default, is the one clients
// meet. Deno's parser allows larger heads than that already.
import { apiError } from '../errors.ts';

/** Bytes of the request line and header lines as sent (`name: value` and CRLF each). */
export function headerBytes(request: Request): number {
  let size = request.method.length + request.url.length + 11;
  for (const [name, value] of request.headers) size += name.length + value.length + 4;
  return size;
}

export const headersTooLarge = (limit: number, size: number) =>
  apiError(
    'request_header_fields_too_large',
    `the request line and headers are about ${size} bytes; the limit is ${limit} bytes (MAX_HEADER_BYTES)`,
  );

/**
 * Why the runtime's own parser would refuse heads that MAX_HEADER_BYTES allows, with a bare 431,
 * or null when it allows at least as much. Only Bun reports its limit (Deno's is larger).
 */
export async function runtimeHeaderLimitProblem(maxHeaderBytes: number): Promise<string | null> {
  if (!('Bun' in globalThis)) return null;
  const { maxHeaderSize } = await import('node:http');
  if (maxHeaderSize > maxHeaderBytes) return null;
  return `Bun's HTTP parser refuses heads over ${maxHeaderSize} bytes with a bare 431 before MAX_HEADER_BYTES (${maxHeaderBytes}) is checked; start Bun with --max-http-header-size=65536 (argus serve and argus worker do so themselves)`;
}
