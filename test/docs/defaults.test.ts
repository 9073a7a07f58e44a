// docs/operating.md's Configuration and Fixed limits tables against src/defaults.ts, the one
// place defaults and limits are written: every default the code has is documented with the same
// value, every value the tables give is the code's, and every variable the configuration reads
// is documented.
import { describe, expect, test } from 'bun:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.ts';
import { DEFAULTS, FIXED } from '../../src/defaults.ts';

const ROOT = join(import.meta.dir, '../..');
const operating = readFileSync(join(ROOT, 'docs/operating.md'), 'utf8');

/** The rows of the first table after a heading, as [first cell, second cell]. */
function tableAfter(heading: string): Array<{ names: string[]; value: string | null; cell: string }> {
  const start = operating.indexOf(`\n${heading}\n`);
  if (start < 0) throw new Error(`docs/operating.md has no "${heading}"`);
  const lines = operating.slice(start).split('\n');
  const first = lines.findIndex((l) => l.startsWith('| '));
  const rows: Array<{ names: string[]; value: string | null; cell: string }> = [];
  for (const line of lines.slice(first + 2)) {
    if (!line.startsWith('|')) break;
    const [names = '', cell = ''] = line.split(' | ').map((c) => c.replace(/^\| ?/, '').trim());
    rows.push({
      names: [...names.matchAll(/`([^`]+)`/g)].map((m) => m[1]!),
      // A literal default is written first, in backticks; "unset" and prose are not literals.
      value: /^`([^`]*)`/.exec(cell)?.[1] ?? null,
      cell,
    });
  }
  return rows;
}

/**
 * Variables whose default is another setting's value or depends on where the process runs, so
 * the table says it in words (and the code derives it): not literals for DEFAULTS.
 */
const DERIVED: Record<string, string> = {
  PUBLIC_URL: 'http(s)://localhost:$PORT',
  METRICS_HOST: 'HOST',
  LOG_FORMAT: 'pretty in a terminal, json otherwise',
  OTEL_TRACES_EXPORTER: 'otlp when an endpoint is set',
};

describe('the documented defaults are the code’s', () => {
  const configuration = tableAfter('## Configuration');
  const byName = new Map(configuration.flatMap((row) => row.names.map((n) => [n, row] as const)));

  test('every default in src/defaults.ts is in the Configuration table with the same value', () => {
    expect(configuration.length).toBeGreaterThan(40);
    for (const [name, value] of Object.entries(DEFAULTS)) {
      const row = byName.get(name);
      expect(row, `${name} is not in docs/operating.md, Configuration`).toBeDefined();
      expect(row?.value, `${name}: documented ${row?.cell}`).toBe(String(value));
    }
  });

  test('every literal default the table gives is in src/defaults.ts', () => {
    for (const row of configuration) {
      if (row.value === null) continue;
      const named = row.names.filter((n) => n in DEFAULTS || n in DERIVED);
      expect(named, `${row.names.join(', ')}: a default of ${row.value} not in src/defaults.ts`).not.toEqual([]);
    }
  });

  test('every variable the configuration reads is documented', () => {
    const source = readFileSync(join(ROOT, 'src/config.ts'), 'utf8');
    const read = new Set([
      ...[...source.matchAll(/env\.([A-Z][A-Z_]*[A-Z])\b/g)].map((m) => m[1]!),
      ...[...source.matchAll(/\(env, '([A-Z][A-Z_]*[A-Z])'/g)].map((m) => m[1]!),
    ]);
    expect(read.size).toBeGreaterThan(40);
    for (const name of read) expect(byName.has(name), `${name} is read but not documented`).toBe(true);
  });

  test('with no variables set, the configuration is the defaults', () => {
    const config = loadConfig({}, false);
    expect(config.port).toBe(DEFAULTS.PORT);
    expect(config.host).toBe(DEFAULTS.HOST);
    expect(config.webhookTimeoutMs).toBe(DEFAULTS.WEBHOOK_TIMEOUT_MS);
    expect(config.secretGraceSeconds).toBe(DEFAULTS.SECRET_GRACE_SECONDS);
    expect(config.forwardedHeaders).toBe(DEFAULTS.FORWARDED_HEADERS);
    expect(config.signingAlgs).toEqual([DEFAULTS.SIGNING_ALGS]);
    expect(config.publicUrl).toBe(`http://localhost:${DEFAULTS.PORT}`);
    expect(config.logFormat).toBe('json');
  });
});

describe('the documented fixed limits are the code’s', () => {
  const limits = tableAfter('### Fixed limits');

  test('every limit of FIXED is in the table with the same value, and the table names nothing else', () => {
    const documented = new Map(limits.map((row) => [row.names[0], row.value] as const));
    expect([...documented.keys()].sort()).toEqual(Object.keys(FIXED).sort());
    for (const [name, value] of Object.entries(FIXED)) expect(documented.get(name), name).toBe(String(value));
  });
});
