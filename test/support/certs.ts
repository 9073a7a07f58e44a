// Real certificates for the TLS tests, made with the openssl command line in a temp dir: a test
// CA and leaves it issued (valid, expired, issued for another name), plus a self-signed one.
// A leaf is never its own CA: Deno refuses a self-signed certificate used as a trust anchor.
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Leaf {
  cert: string;
  key: string;
  certFile: string;
  keyFile: string;
}
export interface TestPki {
  dir: string;
  /** The CA's certificate (PEM) and its file. */
  ca: string;
  caFile: string;
  /** Issued by the CA for `names` (default: localhost, receiver.test, 127.0.0.1, ::1). */
  leaf(label: string, options?: { names?: string[]; expired?: boolean }): Leaf;
  /** A certificate signed by its own key, for the default names. */
  selfSigned(label: string): Leaf;
}

export const DEFAULT_NAMES = ['localhost', 'receiver.test', '127.0.0.1', '::1'];

function openssl(args: string[], cwd: string): void {
  const run = Bun.spawnSync(['openssl', ...args], { cwd, stdout: 'pipe', stderr: 'pipe' });
  if (run.exitCode !== 0)
    throw new Error(`openssl ${args.join(' ')} failed (${run.exitCode}): ${run.stderr.toString()}`);
}

function subjectAltName(names: string[]): string {
  return names.map((n) => (/^[\d.]+$/.test(n) || n.includes(':') ? `IP:${n}` : `DNS:${n}`)).join(',');
}

/** A CA in a new temp dir; leaves are issued on demand with `openssl ca` (which can backdate). */
export function makeTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'argus-pki-'));
  mkdirSync(join(dir, 'db'));
  writeFileSync(join(dir, 'db/index.txt'), '');
  writeFileSync(join(dir, 'db/serial'), '1000\n');
  writeFileSync(
    join(dir, 'ca.cnf'),
    [
      '[ca]',
      'default_ca = test',
      '[test]',
      'database = db/index.txt',
      'new_certs_dir = db',
      'serial = db/serial',
      'default_md = sha256',
      'policy = any',
      'copy_extensions = none',
      'unique_subject = no',
      '[any]',
      'commonName = supplied',
      '',
    ].join('\n'),
  );
  openssl(
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      'ca.key',
      '-out',
      'ca.pem',
      '-days',
      '2',
      '-subj',
      '/CN=Argus Test CA',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  const caFile = join(dir, 'ca.pem');
  const read = (label: string): Leaf => {
    const certFile = join(dir, `${label}.pem`);
    const keyFile = join(dir, `${label}.key`);
    return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8'), certFile, keyFile };
  };
  return {
    dir,
    caFile,
    ca: readFileSync(caFile, 'utf8'),
    leaf(label, options = {}) {
      const names = options.names ?? DEFAULT_NAMES;
      writeFileSync(
        join(dir, `${label}.ext`),
        `[leaf]\nsubjectAltName = ${subjectAltName(names)}\nbasicConstraints = CA:FALSE\nextendedKeyUsage = serverAuth\n`,
      );
      openssl(
        [
          'req',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${label}.key`,
          '-out',
          `${label}.csr`,
          '-subj',
          `/CN=${names[0]}`,
        ],
        dir,
      );
      const dates = options.expired ? ['-startdate', '20200101000000Z', '-enddate', '20200102000000Z'] : ['-days', '2'];
      openssl(
        [
          'ca',
          '-batch',
          '-notext',
          '-config',
          'ca.cnf',
          '-cert',
          'ca.pem',
          '-keyfile',
          'ca.key',
          '-in',
          `${label}.csr`,
          '-out',
          `${label}.pem`,
          '-extfile',
          `${label}.ext`,
          '-extensions',
          'leaf',
          ...dates,
        ],
        dir,
      );
      return read(label);
    },
    selfSigned(label) {
      openssl(
        [
          'req',
          '-x509',
          '-newkey',
          'rsa:2048',
          '-nodes',
          '-keyout',
          `${label}.key`,
          '-out',
          `${label}.pem`,
          '-days',
          '2',
          '-subj',
          '/CN=receiver.test',
          '-addext',
          `subjectAltName=${subjectAltName(DEFAULT_NAMES)}`,
        ],
        dir,
      );
      return read(label);
    },
  };
}
