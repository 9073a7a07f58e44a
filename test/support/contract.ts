// The public contract's own curl examples (the fixture in test/fixtures/contract/), run as
// written against a live server: only hosts and <placeholders> are substituted.
import { curlExamples, type CurlExample, type DocumentNumber } from './contract-fixture.ts';

export type { CurlExample };

/**
 * Finds the single example for a method and path (as printed in the contract), optionally in one
 * document: '000' the integration guide, '001' the API reference.
 */
export function example(method: string, path: string, source?: DocumentNumber): CurlExample {
  const found = curlExamples().filter(
    (e) => e.method === method && e.path === path && (!source || e.source === source),
  );
  if (found.length === 0) throw new Error(`the contract has no curl example for ${method} ${path}`);
  return found[0]!;
}

/** Runs an example with curl against baseUrl, replacing placeholders; returns status and JSON body. */
export async function runExample(ex: CurlExample, baseUrl: string, vars: Record<string, string>) {
  let command = ex.command.replace(/https:\/\/(auth|api)\.knogin\.com/g, baseUrl);
  for (const [from, to] of Object.entries(vars)) command = command.split(from).join(to);
  command = command.replace(/^curl /, `curl -s -w '\\n%{http_code}' `);
  const proc = Bun.spawn(['bash', '-c', command], { stdout: 'pipe', stderr: 'pipe' });
  const [stdout, stderr, code] = await Promise.all([
    new Response(proc.stdout).text(),
    new Response(proc.stderr).text(),
    proc.exited,
  ]);
  if (code !== 0) throw new Error(`curl failed (${code}): ${stderr}\n${command}`);
  const nl = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, nl);
  const status = Number(stdout.slice(nl + 1));
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  return { status, body: body as Record<string, unknown>, command };
}
