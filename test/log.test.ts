// The logger's two formats: JSON lines for machines, readable lines for a terminal; secrets
// redacted in both.
import { describe, expect, test } from 'bun:test';
import { createLogger, type LogFormat } from '../src/log.ts';

function capture(format: LogFormat, level: 'debug' | 'info' = 'info') {
  const lines: string[] = [];
  return { lines, log: createLogger(level, { service: 'argus', runtime: 'bun' }, (l) => lines.push(l), format) };
}

describe('log', () => {
  test('json: one object a line, base fields after the message', () => {
    const { lines, log } = capture('json');
    log.info('listening', { url: 'http://127.0.0.1:3000', workers: true });
    log.debug('not shown at info');
    expect(lines).toHaveLength(1);
    const entry = JSON.parse(lines[0]!);
    expect(Object.keys(entry)).toEqual(['time', 'level', 'msg', 'service', 'runtime', 'url', 'workers']);
    expect(entry).toMatchObject({ level: 'info', msg: 'listening', url: 'http://127.0.0.1:3000', workers: true });
  });

  test('pretty: time, level, message, then the fields; an error with its stack below', () => {
    const { lines, log } = capture('pretty');
    log.info('no tenant yet: create one with `npm run argus -- bootstrap`');
    log.warn('listening', { url: 'http://127.0.0.1:3000', database: 'pglite', workers: true, note: 'two words', n: 3 });
    log.error('unhandled error', { request_id: 'req_1', error: new TypeError('boom') });
    expect(lines[0]).toMatch(
      /^\d\d:\d\d:\d\d\.\d{3} INFO {2}no tenant yet: create one with `npm run argus -- bootstrap` {2}runtime=bun$/,
    );
    expect(lines[1]).toMatch(
      /^\S+ WARN {2}listening {2}runtime=bun url=http:\/\/127\.0\.0\.1:3000 database=pglite workers=true note="two words" n=3$/,
    );
    const [head, ...stack] = lines[2]!.split('\n');
    expect(head).toMatch(/ERROR unhandled error {2}runtime=bun request_id=req_1 error="TypeError: boom"$/);
    expect(stack.length).toBeGreaterThan(0);
    expect(stack[0]).toMatch(/^ {4}at /);
  });

  test('fields named like secrets are redacted in both formats, in children too', () => {
    for (const format of ['json', 'pretty'] as const) {
      const { lines, log } = capture(format);
      const child = log.child({ client_secret: 'cs_live_123' });
      child.warn('careful', {
        admin_access_token: 'eyJhbGciOi.x.y',
        password: 'hunter2hunter2',
        authorization: 'Bearer abc',
        webhook_signature: 'v1,abc=',
        master_key: 'k',
        kept: 'visible',
      });
      const text = lines.join('\n');
      for (const secret of ['cs_live_123', 'eyJhbGciOi', 'hunter2', 'Bearer abc', 'v1,abc='])
        expect(text).not.toContain(secret);
      expect(text).toContain('visible');
      expect(text.match(/\[redacted\]/g)).toHaveLength(6);
    }
  });
});
