// Encryption at rest (AES-256-GCM) for private keys and other secrets the service must
// read back. The key comes from MASTER_KEY, or in the embedded default from
// DATA_DIR/master.key, generated on first start. While keys change, MASTER_KEY_PREVIOUS opens
// what the previous key sealed (`argus master-key reseal` then seals it all under the new one).
import { join } from 'node:path';
import { files } from '../platform.ts';
import { fromBase64Url, toBase64Url, utf8 } from './encoding.ts';

export class SecretBox {
  private previous: SecretBox | null = null;

  private constructor(
    private readonly key: CryptoKey,
    private readonly derivation: CryptoKey,
  ) {}

  /** This box, also opening what `previous` sealed (MASTER_KEY_PREVIOUS, while keys change). */
  withPrevious(previous: SecretBox | null): SecretBox {
    this.previous = previous;
    return this;
  }

  /** The box of the previous key, when one is given. */
  get previousKey(): SecretBox | null {
    return this.previous;
  }

  /**
   * Names the key without telling anything of it (HKDF, like derive): what the database
   * remembers of the key that sealed its secrets.
   */
  async fingerprint(): Promise<string> {
    return Buffer.from(await this.derive('argus master key fingerprint'))
      .subarray(0, 16)
      .toString('hex');
  }

  static async fromBase64(text: string): Promise<SecretBox> {
    const raw = fromBase64Url(text.replace(/=+$/, '')) as Uint8Array<ArrayBuffer>;
    if (raw.length !== 32) throw new Error('MASTER_KEY must decode to 32 bytes');
    return new SecretBox(
      await crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']),
      await crypto.subtle.importKey('raw', raw, 'HKDF', false, ['deriveBits']),
    );
  }

  /**
   * 32 bytes derived from the master key for one purpose (HKDF-SHA-256, `label` as info): the
   * same in every process sharing MASTER_KEY, and telling nothing about the key itself.
   */
  async derive(label: string): Promise<Uint8Array> {
    const bits = await crypto.subtle.deriveBits(
      { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: utf8(label) as Uint8Array<ArrayBuffer> },
      this.derivation,
      256,
    );
    return new Uint8Array(bits);
  }

  /**
   * MASTER_KEY if set; else DATA_DIR/master.key, created (mode 0600) when missing, once
   * `beforeGenerating` has not thrown (it throws when the database holds another key's secrets).
   */
  static async load(
    masterKey: string | null,
    dataDir: string,
    beforeGenerating: () => Promise<void> = async () => {},
  ): Promise<{ box: SecretBox; generated: boolean }> {
    if (masterKey) return { box: await SecretBox.fromBase64(masterKey), generated: false };
    const path = join(dataDir, 'master.key');
    if (await files.exists(path))
      return { box: await SecretBox.fromBase64((await files.readText(path)).trim()), generated: false };
    await beforeGenerating();
    await files.ensurePrivateDir(dataDir);
    const text = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    await files.writeText(path, `${text}\n`, 0o600);
    return { box: await SecretBox.fromBase64(text), generated: true };
  }

  async seal(plaintext: string): Promise<string> {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, this.key, utf8(plaintext)));
    return `v1.${toBase64Url(iv)}.${toBase64Url(sealed)}`;
  }

  async open(sealed: string): Promise<string> {
    try {
      return await this.openWithThisKey(sealed);
    } catch (error) {
      if (this.previous) return this.previous.openWithThisKey(sealed);
      throw error;
    }
  }

  private async openWithThisKey(sealed: string): Promise<string> {
    const [version, iv, data] = sealed.split('.');
    if (version !== 'v1' || !iv || !data) throw new Error('sealed value has an unknown format');
    const plain = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromBase64Url(iv) as Uint8Array<ArrayBuffer> },
      this.key,
      fromBase64Url(data) as Uint8Array<ArrayBuffer>,
    );
    return new TextDecoder().decode(plain);
  }
}
