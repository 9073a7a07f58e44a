// The CLI's tokens on a shared PostgreSQL database are valid for the server running on it,
// whatever PORT or PUBLIC_URL the CLI's own shell has (PostgreSQL pass: on the embedded
// database the CLI asks the server itself). A token made for another server gets a 401 that
// says so, not "the token is invalid".
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { scratchDatabase } from '../../src/db/scratch.ts';
import { databaseUrl, usingPostgres } from '../support/db.ts';
import { runCli, send, spawnServe, type Spawned } from '../support/spawned.ts';

let server: Spawned;
let scratch: Awaited<ReturnType<typeof scratchDatabase>> | null = null;

beforeAll(async () => {
  if (!usingPostgres) return;
  scratch = await scratchDatabase(databaseUrl!, 'argus_cli_issuer');
  // PUBLIC_URL unset: the server's issuer is http://localhost:<its port>, a port the CLI's shell does not have.
  server = await spawnServe('bun', { DATABASE_URL: scratch.url, PUBLIC_URL: '' });
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await scratch?.drop();
});

describe.skipIf(!usingPostgres)("the CLI's tokens on a shared database", () => {
  test('bootstrap and token mint for the running server, without its PORT', async () => {
    const boot = await runCli(
      'bun',
      ['bootstrap', '--tenant', 'Issuer test', '--admin-email', 'a@example.com', '--json'],
      {
        DATABASE_URL: scratch!.url,
      },
    );
    expect(boot.code).toBe(0);
    const token = (JSON.parse(boot.stdout) as { admin_access_token: string }).admin_access_token;
    const list = await send(`${server.url}/v1/webhooks`, { headers: { authorization: `Bearer ${token}` } });
    expect(list.status).toBe(200);
    const again = await runCli('bun', ['token', '--tenant', 'Issuer test', '--admin', '--json'], {
      DATABASE_URL: scratch!.url,
    });
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { admin_access_token: string };
    const minted = second.admin_access_token;
    expect(minted).toBeString();
    expect((await send(`${server.url}/v1/webhooks`, { headers: { authorization: `Bearer ${minted}` } })).status).toBe(
      200,
    );
  });

  test('a PUBLIC_URL set for another server is kept and said; its token is refused naming the issuer', async () => {
    const other = await runCli('bun', ['token', '--tenant', 'Issuer test', '--admin', '--json'], {
      DATABASE_URL: scratch!.url,
      PUBLIC_URL: 'https://elsewhere.example',
    });
    expect(other.code).toBe(0);
    expect(other.stderr).toContain(
      'PUBLIC_URL is https://elsewhere.example, but the server on this database announced',
    );
    const body = JSON.parse(other.stdout) as { admin_access_token: string };
    const refused = await send(`${server.url}/v1/webhooks`, {
      headers: { authorization: `Bearer ${body.admin_access_token}` },
    });
    expect(refused.status).toBe(401);
    expect(JSON.parse(refused.body)).toMatchObject({ error: 'invalid_token' });
    expect(refused.body).toContain('issued for https://elsewhere.example, not for this server');
  });
});
