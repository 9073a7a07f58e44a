// HTTPS served by the process (TLS_CERT_FILE, TLS_KEY_FILE), on Bun and on Deno, with a
// certificate made by the test and checked by the client against the test CA: HSTS, a renewed
// certificate picked up on SIGHUP while a request is in progress (which finishes), a renewal
// that does not load leaving the old certificate served, and startup refusing files that are
// missing, mismatched or half configured.
import { afterAll, beforeAll, describe, expect, test } from 'bun:test';
import { loadConfig } from '../../src/config.ts';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { X509Certificate } from 'node:crypto';
import { request as httpsRequest } from 'node:https';
import { makeTestPki } from '../support/certs.ts';
import { RUNTIMES, runCli, send, spawnServe, type Spawned } from '../support/spawned.ts';

const pki = makeTestPki();
const first = pki.leaf('first');
const second = pki.leaf('second');
const other = pki.leaf('other');

/**
 * The serial number of the certificate a new connection is shown. With `duringReload`, a
 * connection reset is answered null: while a reload closes the old listener, the kernel resets
 * connections still queued on it (see the README on SIGHUP), and polling connects in that window.
 */
function servedSerial(port: number, duringReload = false): Promise<string | null> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', ca: pki.ca }, () => {
      resolve(socket.getPeerCertificate().serialNumber);
      socket.end();
    });
    socket.on('error', (error: Error & { code?: string }) =>
      duringReload && error.code === 'ECONNRESET' ? resolve(null) : reject(error),
    );
  });
}
const serialOf = (pem: string) => new X509Certificate(pem).serialNumber;

async function until(what: string, fn: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await fn()) return;
    await Bun.sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

for (const runtime of RUNTIMES) {
  describe(`HTTPS served on ${runtime}`, () => {
    let server: Spawned;
    const certFile = join(pki.dir, `${runtime}-served.pem`);
    const keyFile = join(pki.dir, `${runtime}-served.key`);
    beforeAll(async () => {
      copyFileSync(first.certFile, certFile);
      copyFileSync(first.keyFile, keyFile);
      server = await spawnServe(
        runtime,
        { TLS_CERT_FILE: certFile, TLS_KEY_FILE: keyFile, RUN_WORKERS: 'false' },
        { ca: pki.ca },
      );
    }, 90_000);
    afterAll(async () => {
      await server?.stop();
    });

    test('answers over HTTPS with the configured certificate, with HSTS; the issuer is the https PUBLIC_URL', async () => {
      expect(server.url).toStartWith('https://');
      const res = await fetch(`${server.url}/.well-known/oauth-authorization-server`, { tls: { ca: pki.ca } });
      expect(res.status).toBe(200);
      expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000');
      expect(((await res.json()) as { issuer: string }).issuer).toBe(server.url);
      expect(await servedSerial(server.port)).toBe(serialOf(first.cert));
      // No plain HTTP on that port, and a client without the CA refuses the certificate.
      await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
      await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();
    });

    test('SIGHUP serves a renewed certificate to new connections; a request in progress finishes', async () => {
      // A request whose body is still arriving when the certificate changes.
      const body = JSON.stringify({
        organisation: 'Integrator Ltd',
        contact_name: 'Ada',
        contact_email: 'ada@integrator.example',
        use_case: 'Sync case updates into our ticketing system',
        capabilities: ['curated_graphql_bundles'],
      });
      const req = httpsRequest(`${server.url}/v1/integration-requests`, {
        method: 'POST',
        ca: pki.ca,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': String(body.length) },
      });
      const answered = new Promise<number>((resolve, reject) => {
        req.on('response', (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
        });
        req.on('error', reject);
      });
      req.write(body.slice(0, 10));
      await Bun.sleep(200);

      copyFileSync(second.certFile, certFile);
      copyFileSync(second.keyFile, keyFile);
      server.proc.kill('SIGHUP');
      await until(
        'the renewed certificate',
        async () => (await servedSerial(server.port, true)) === serialOf(second.cert),
      );

      req.end(body.slice(10));
      expect(await answered).toBe(201);
      await until('the log of the reload', async () => server.output().includes('"msg":"TLS certificate reloaded"'));
      expect((await send(`${server.url}/healthz`, { ca: pki.ca })).status).toBe(200);
      expect(server.proc.exitCode).toBeNull();
    }, 30_000);

    test('a renewal that does not load (a key of another certificate) is logged, and the previous certificate stays', async () => {
      copyFileSync(other.keyFile, keyFile);
      server.proc.kill('SIGHUP');
      await until('the refusal in the log', async () => server.output().includes('TLS certificate not reloaded'));
      expect(server.output()).toContain(`the key in ${keyFile} is not the key of the first certificate in ${certFile}`);
      expect(await servedSerial(server.port)).toBe(serialOf(second.cert));
      expect((await send(`${server.url}/healthz`, { ca: pki.ca })).status).toBe(200);
    });
  });

  describe(`argus serve on ${runtime} refuses bad TLS or proxy settings at startup`, () => {
    const missing = join(pki.dir, 'missing.pem');
    const notPem = join(pki.dir, 'not-pem.txt');
    beforeAll(() => writeFileSync(notPem, 'hello'));
    test.each([
      [{ TLS_CERT_FILE: missing, TLS_KEY_FILE: first.keyFile }, `TLS_CERT_FILE: cannot read ${missing} (ENOENT)`],
      [{ TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: missing }, `TLS_KEY_FILE: cannot read ${missing} (ENOENT)`],
      [{ TLS_CERT_FILE: notPem, TLS_KEY_FILE: first.keyFile }, `TLS_CERT_FILE: ${notPem} holds no PEM certificate`],
      [
        { TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: first.certFile },
        `TLS_KEY_FILE: ${first.certFile} is not an unencrypted PEM private key`,
      ],
      [
        { TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: other.keyFile },
        `TLS_KEY_FILE: the key in ${other.keyFile} is not the key of the first certificate in ${first.certFile}`,
      ],
      [{ TLS_CERT_FILE: first.certFile }, 'TLS_KEY_FILE: must be set with TLS_CERT_FILE'],
      [{ TLS_KEY_FILE: first.keyFile }, 'TLS_CERT_FILE: must be set with TLS_KEY_FILE'],
      [
        { TRUSTED_PROXIES: '10.0.0.0/8, 300.1.1.1' },
        'TRUSTED_PROXIES: "300.1.1.1" is not an IP address or a CIDR range',
      ],
    ])(
      '%o',
      async (env, message) => {
        const run = await runCli(runtime, ['serve'], { ...env, DATA_DIR: pki.dir, PORT: '0' });
        expect(run.code).toBe(2);
        expect(run.stderr.trim()).toStartWith(`argus serve: ${message}`);
        expect(run.stderr).not.toContain('    at ');
      },
      30_000,
    );
  });
}

test('PUBLIC_URL defaults to https when TLS is served', () => {
  expect(loadConfig({ TLS_CERT_FILE: first.certFile, TLS_KEY_FILE: first.keyFile, PORT: '8443' }).publicUrl).toBe(
    'https://localhost:8443',
  );
  expect(loadConfig({ PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
});
