// The studio's sign-in trusts only the configured public origin: a forged Host header that
// matches a forged Origin does not pass. And the password hashes behind it.
import { afterAll, beforeAll, expect, test } from 'bun:test';
import { newTenant, startTestService, type TestService } from '../support/service.ts';
import { hashPassword, verifyPassword } from '../../src/crypto/password.ts';

let service: TestService;
let tenant: Awaited<ReturnType<typeof newTenant>>;
let email = '';
beforeAll(async () => {
  service = await startTestService({ workers: false });
  tenant = await newTenant(service);
  email = (await service.db.query<{ email: string }>('select email from users where id = $1', [tenant.adminUserId]))[0]!
    .email;
});
afterAll(async () => {
  await service.stop();
});

const signIn = (headers: Record<string, string>) =>
  fetch(`${service.url}/v1/studio/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ tenant: tenant.name, email, password: 'correct horse battery staple' }),
  });

test('an Origin equal to a forged Host is refused; the public origin and its loopback aliases sign in', async () => {
  const forged = await signIn({ host: 'evil.example', origin: 'http://evil.example' });
  expect(forged.status).toBe(403);
  expect(((await forged.json()) as { error: string }).error).toBe('invalid_origin');
  expect(forged.headers.get('set-cookie')).toBeNull();

  const publicOrigin = new URL(service.config.publicUrl).origin;
  const port = new URL(service.config.publicUrl).port;
  for (const origin of [publicOrigin, `http://localhost:${port}`]) {
    const ok = await signIn({ origin });
    expect({ origin, status: ok.status }).toEqual({ origin, status: 200 });
    expect(ok.headers.get('set-cookie')).toContain('HttpOnly');
  }
  const otherPort = await signIn({ origin: `http://127.0.0.1:${Number(port) + 1}` });
  expect(otherPort.status).toBe(403);
});

test('new passwords are hashed with PBKDF2-HMAC-SHA256 at 600,000 iterations; older hashes still verify', async () => {
  const { password_hash } = (
    await service.db.query<{ password_hash: string }>('select password_hash from users where id = $1', [
      tenant.adminUserId,
    ])
  )[0]!;
  expect(password_hash).toStartWith('pbkdf2_sha256$600000$');
  const older = await hashPassword('an older password', 310_000);
  expect(await verifyPassword('an older password', older)).toBe(true);
  expect(await verifyPassword('another', older)).toBe(false);
});
