// PEM files named by configuration (TLS_CERT_FILE, TLS_KEY_FILE, WEBHOOK_CA_FILE), read and
// parsed before use, so that a file that is missing, unreadable or not what its variable says
// stops startup (or a reload) with a message naming the variable and the file.
import { readFileSync } from 'node:fs';
import { type KeyObject, X509Certificate, createPrivateKey } from 'node:crypto';
import { ConfigError } from './config-error.ts';

export interface ServerTls {
  certFile: string;
  keyFile: string;
  cert: string;
  key: string;
}

function readPem(variable: string, path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new ConfigError(variable, `cannot read ${path}${code ? ` (${code})` : ''}`);
  }
}

/** The certificates of a PEM file: every one must parse, and there must be one at least. */
export function readCertificates(variable: string, path: string): { pem: string; certificates: X509Certificate[] } {
  const pem = readPem(variable, path);
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0)
    throw new ConfigError(variable, `${path} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  const certificates = blocks.map((block, i) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new ConfigError(variable, `certificate ${i + 1} in ${path} does not parse`);
    }
  });
  return { pem, certificates };
}

/** The server's certificate chain and private key; the key must be the certificate's. */
export function readServerTls(certFile: string, keyFile: string): ServerTls {
  const { pem: cert, certificates } = readCertificates('TLS_CERT_FILE', certFile);
  const key = readPem('TLS_KEY_FILE', keyFile);
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(key);
  } catch {
    throw new ConfigError('TLS_KEY_FILE', `${keyFile} is not an unencrypted PEM private key`);
  }
  if (!certificates[0]?.checkPrivateKey(privateKey)) {
    throw new ConfigError(
      'TLS_KEY_FILE',
      `the key in ${keyFile} is not the key of the first certificate in ${certFile}`,
    );
  }
  return { certFile, keyFile, cert, key };
}
