// The public contract's own curl examples (../shared/seeds), run as written against a live
// server: only hosts and <placeholders> are substituted.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SEEDS = join(import.meta.dir, '../../../shared/seeds');

export interface CurlExample { method: string; path: string; command: string; source: string }

export function curlExamples(): CurlExample[] {
  const out: CurlExample[] = [];
  for (const file of readdirSync(SEEDS).sort()) {
    const lines = readFileSync(join(SEEDS, file), 'utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      if (!lines[i].trimStart().startsWith('curl ')) continue;
      const parts = [lines[i].trim()];
      while (parts[parts.length - 1].endsWith('\\') && i + 1 < lines.length) parts.push(lines[++i]);
      // A -d '…' body may span lines without trailing backslashes: take lines up to the closing quote.
      let command = parts.join('\n');
      const quotes = (command.match(/'/g) ?? []).length;
      if (quotes % 2 === 1) {
        while (i + 1 < lines.length) {
          command += '\n' + lines[++i];
          if (lines[i].includes("'")) break;
        }
      }
      const method = /-X\s+([A-Z]+)/.exec(command)?.[1] ?? (/\s-d\s/.test(command) ? 'POST' : 'GET');
      const url = /https:\/\/[a-z.]+(\/[^\s"']*)/.exec(command);
      out.push({ method, path: url ? url[1] : '', command, source: file });
    }
  }
  return out;
}

/** Finds the single example for a method and path (as printed in the contract). */
export function example(method: string, path: string, source?: string): CurlExample {
  const found = curlExamples().filter((e) => e.method === method && e.path === path && (!source || e.source.startsWith(source)));
  if (found.length === 0) throw new Error(`the contract has no curl example for ${method} ${path}`);
  return found[0];
}

/** Runs an example with curl against baseUrl, replacing placeholders; returns status and JSON body. */
export async function runExample(ex: CurlExample, baseUrl: string, vars: Record<string, string>) {
  let command = ex.command.replace(/https:\/\/(auth|api)\.knogin\.com/g, baseUrl);
  for (const [from, to] of Object.entries(vars)) command = command.split(from).join(to);
  command = command.replace(/^curl /, `curl -s -w '\\n%{http_code}' `);
  const proc = Bun.spawn(['bash', '-c', command], { stdout: 'pipe', stderr: 'pipe' });
  const [stdout, stderr, code] = await Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
  if (code !== 0) throw new Error(`curl failed (${code}): ${stderr}\n${command}`);
  const nl = stdout.lastIndexOf('\n');
  const text = stdout.slice(0, nl);
  const status = Number(stdout.slice(nl + 1));
  let body: unknown = null;
  try { body = JSON.parse(text); } catch { body = text; }
  return { status, body: body as Record<string, unknown>, command };
}
