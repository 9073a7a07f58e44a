// The HTTP composition with a sample route: how bad input of every kind is answered.
import { describe, expect, test } from 'bun:test';
import { t } from 'elysia';
import { createHttpApp } from '../../src/http/app.ts';
import { router } from '../../src/http/router.ts';
import { apiError } from '../../src/errors.ts';
import { silentLogger } from '../../src/log.ts';
import { Metrics } from '../../src/metrics.ts';

const sample = router('sample')
  .post('/things', ({ body }) => ({ got: body }), {
    body: t.Object(
      { name: t.String({ minLength: 1 }), count: t.Optional(t.Integer({ minimum: 0 })) },
      { additionalProperties: false },
    ),
  })
  .get('/things/:id', ({ params }) => {
    if (params.id === 'boom') throw new Error('a bug');
    if (params.id === 'gone') throw apiError('conflict', 'that thing is closed');
    if (params.id === 'pg-refused')
      throw Object.assign(new Error('date/time field value out of range: "2026-02-30"'), { code: '22008' });
    return { id: params.id };
  });

const { handle } = createHttpApp({ log: silentLogger, metrics: new Metrics(), maxBodyBytes: 2048, maxJsonDepth: 64 }, [
  sample,
]);

async function send(method: string, path: string, body?: string, contentType = 'application/json') {
  const headers: Record<string, string> = {};
  if (body !== undefined && contentType) headers['content-type'] = contentType;
  const res = await handle(new Request(`http://localhost${path}`, { method, body, headers }), {
    remoteAddress: '127.0.0.1',
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: string; error_description?: string; got?: unknown },
  };
}

describe('HTTP composition', () => {
  test('a valid JSON body reaches the handler; a form body is accepted too', async () => {
    expect(await send('POST', '/things', '{"name":"a","count":2}')).toEqual({
      status: 200,
      body: { got: { name: 'a', count: 2 } },
    });
    expect((await send('POST', '/things', 'name=b', 'application/x-www-form-urlencoded')).body).toEqual({
      got: { name: 'b' },
    });
  });

  test.each([
    ['malformed JSON', '{"name":', 'application/json', 400, 'invalid_request', /not valid JSON/],
    ['a missing field', '{}', 'application/json', 400, 'invalid_request', /^name: /],
    ['a wrong type', '{"name":"a","count":"two"}', 'application/json', 400, 'invalid_request', /^count: /],
    ['an unknown field', '{"name":"a","colour":"red"}', 'application/json', 400, 'invalid_request', /colour/],
    ['a JSON array', '[1,2]', 'application/json', 400, 'invalid_request', /.+/],
    ['a wrong content type', 'name=a', 'text/plain', 415, 'unsupported_media_type', /text\/plain/],
    ['no content type', '{"name":"a"}', '', 415, 'unsupported_media_type', /Content-Type/],
    [
      'an oversized body',
      JSON.stringify({ name: 'x'.repeat(4000) }),
      'application/json',
      413,
      'payload_too_large',
      /limit is 2048/,
    ],
  ])('%s gets a clear 4xx in the envelope', async (_label, body, type, status, error, description) => {
    const res = await send('POST', '/things', body, type);
    expect(res.status).toBe(status);
    expect(res.body.error).toBe(error);
    expect(res.body.error_description).toMatch(description);
  });

  test('an ApiError keeps its status; a bug is a 500 that names the request id, not the bug', async () => {
    expect(await send('GET', '/things/gone')).toEqual({
      status: 409,
      body: { error: 'conflict', error_description: 'that thing is closed' },
    });
    const bug = await send('GET', '/things/boom');
    expect(bug.status).toBe(500);
    expect(bug.body.error).toBe('server_error');
    expect(bug.body.error_description).not.toContain('a bug');
    expect(bug.body.error_description).toMatch(/req_/);
  });

  test("a value the database refused is a 400 in the service's words, never the database's text", async () => {
    const refused = await send('GET', '/things/pg-refused');
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('invalid_request');
    expect(refused.body.error_description).not.toContain('date/time');
    expect(refused.body.error_description).not.toContain('2026-02-30');
  });

  test('unknown route 404, wrong method 405', async () => {
    expect((await send('GET', '/nothing')).status).toBe(404);
    const wrong = await send('DELETE', '/things/1');
    expect(wrong.status).toBe(405);
    expect(wrong.body.error_description).toContain('use GET');
  });
});
