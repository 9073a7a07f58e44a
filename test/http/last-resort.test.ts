// A handler that throws never reaches the runtime's own error answer (on Bun, an HTML page with
// the stack trace and source lines): the server answers the error envelope from its onError,
// and the HTTP layer catches what escapes the router's own handling.
import { afterAll, expect, test } from 'bun:test';
import { Elysia } from 'elysia';
import { serve } from '../../src/platform.ts';
import { createHttpApp } from '../../src/http/app.ts';
import { serverError } from '../../src/errors.ts';
import { Metrics } from '../../src/metrics.ts';
import { silentLogger } from '../../src/log.ts';

const seen: unknown[] = [];
const server = serve(
  (request) => {
    if (request.url.endsWith('/sync')) throw new Error('thrown at /sync');
    return Promise.reject(new Error('rejected at /async'));
  },
  {
    port: 0,
    hostname: '127.0.0.1',
    tls: null,
    onError: (error) => {
      seen.push(error);
      return serverError().toResponse();
    },
  },
);
afterAll(() => server.stop());

test.each(['/sync', '/async'])(
  'a handler that fails at %s: the error envelope, and the error given to onError',
  async (path) => {
    const before = seen.length;
    const res = await fetch(`http://127.0.0.1:${server.port}${path}`);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toBe('application/json');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: 'server_error', error_description: 'internal error' });
    expect(text).not.toContain('thrown at');
    expect(text).not.toContain('rejected at');
    expect(seen.length).toBe(before + 1);
  },
);

test('an error before the router (here, headers that cannot be read) is still the envelope, with the request id', async () => {
  const { handle } = createHttpApp({ log: silentLogger, metrics: new Metrics(), maxBodyBytes: 2048, maxJsonDepth: 8 }, [
    new Elysia().get('/fine', () => 'fine'),
  ]);
  class Unreadable extends Request {
    override get headers(): Headers {
      throw new Error('the headers cannot be read');
    }
  }
  const res = await handle(new Unreadable('http://localhost/fine'), { remoteAddress: '127.0.0.1' });
  expect(res.status).toBe(500);
  const body = (await res.json()) as { error: string; error_description: string };
  expect(body.error).toBe('server_error');
  expect(body.error_description).toMatch(/quote request id \S+/);
  expect(body.error_description).not.toContain('headers');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
});
