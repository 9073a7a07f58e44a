// Signing keys and JWKS. Each key is a signingKey machine (next → active → retiring →
// retired) persisted in signing_keys; private keys are sealed with the master key.
import { realTime } from '../../actors/clock.ts';
import { exportJWK, generateKeyPair, importJWK, type CryptoKey as JoseKey, type JWK } from 'jose';
import type { ActorSystem, MachineDefinition } from '../../actors/runtime.ts';
import type { SecretBox } from '../../crypto/secret-box.ts';
import { newId } from '../../ids.ts';
import { signingKeyMachine } from '../../../machines/signingKey.ts';
import { keyStore, SYSTEM_TENANT, type KeyRow } from './store.ts';
import type { Invalidations } from '../../invalidation.ts';

import { createSigner, type Sign, type SigningAlg } from './signer.ts';
import { FIXED } from '../../defaults.ts';

export type { SigningAlg } from './signer.ts';
export const SIGNING_ALGS: SigningAlg[] = ['RS256', 'ES256'];

export interface ActiveKey {
  kid: string;
  alg: SigningAlg;
  sign: Sign;
}

export type PublicJwk = JWK & { kty: string; kid: string; alg: string; use: string };

export class KeyRing {
  readonly definition: MachineDefinition<typeof signingKeyMachine>;
  private cache: { at: number; rows: KeyRow[] } | null = null;
  private readonly signers = new Map<string, ActiveKey>();
  private readonly verifiers = new Map<string, JoseKey | Uint8Array>();

  constructor(
    private readonly actors: ActorSystem,
    private readonly box: SecretBox,
    private readonly invalidations: Invalidations,
    private readonly options: { maxTokenLifetimeMs: number; algs: SigningAlg[] },
  ) {
    invalidations.subscribe((forget) => {
      if (forget.kind === 'keys' || forget.kind === 'everything') this.cache = null;
    });
    this.definition = actors.define({
      name: 'signingKey',
      machine: signingKeyMachine,
      table: 'signing_keys',
      effects: {},
    });
  }

  /** At startup: make sure every configured algorithm has an active key (safe in parallel). */
  async ensureActive(): Promise<void> {
    await this.actors.transaction(async (unit) => {
      await keyStore.lock(unit.tx);
      const rows = await keyStore.published(unit.tx);
      for (const alg of this.options.algs) {
        if (rows.some((r) => r.alg === alg && r.state === 'active')) continue;
        const next = rows.find((r) => r.alg === alg && r.state === 'next');
        const kid = next?.id ?? (await this.createKey(unit, alg));
        await this.actors.send(unit, this.definition, [{ id: kid, event: { type: 'ACTIVATE' } }]);
        await this.invalidations.announce(unit.tx, { kind: 'keys' });
      }
    });
    this.cache = null;
  }

  /**
   * Advances the lifecycle for each algorithm: the next key (created now if there is none)
   * becomes active, the active one starts retiring, and a fresh next key is published so
   * verifiers can cache it before it signs anything.
   */
  async rotate(): Promise<{ activated: string[]; retiring: string[]; next: string[] }> {
    const out = { activated: [] as string[], retiring: [] as string[], next: [] as string[] };
    await this.actors.transaction(async (unit) => {
      await keyStore.lock(unit.tx);
      const rows = await keyStore.published(unit.tx);
      for (const alg of this.options.algs) {
        const active = rows.filter((r) => r.alg === alg && r.state === 'active');
        const next = rows.find((r) => r.alg === alg && r.state === 'next');
        const promote = next?.id ?? (await this.createKey(unit, alg));
        await this.actors.send(unit, this.definition, [
          { id: promote, event: { type: 'ACTIVATE' } },
          ...active.map((r) => ({ id: r.id, event: { type: 'RETIRE' as const } })),
        ]);
        out.activated.push(promote);
        out.retiring.push(...active.map((r) => r.id));
        out.next.push(await this.createKey(unit, alg));
      }
      await this.invalidations.announce(unit.tx, { kind: 'keys' });
    });
    this.cache = null;
    return out;
  }

  /** Forget cached keys (each process re-reads them every 30 s anyway). */
  refresh(): void {
    this.cache = null;
  }

  async list(): Promise<Array<{ kid: string; alg: string; state: string; created_at: string }>> {
    const rows = await keyStore.all(this.actors.db);
    return rows.map((r) => ({ kid: r.id, alg: r.alg, state: r.state, created_at: r.created_at.toISOString() }));
  }

  /** Public keys of every published key, for /.well-known/jwks.json. */
  async jwks(): Promise<{ keys: PublicJwk[] }> {
    const rows = await this.rows();
    return {
      keys: rows.map((r) => ({ ...r.public_jwk, kty: r.public_jwk.kty ?? '', kid: r.id, alg: r.alg, use: 'sig' })),
    };
  }

  async signingKey(alg: SigningAlg = this.options.algs[0]!): Promise<ActiveKey> {
    const rows = await this.rows();
    const row = rows.find((r) => r.state === 'active' && r.alg === alg);
    if (!row) throw new Error(`no active ${alg} signing key; run argus keys rotate`);
    let signer = this.signers.get(row.id);
    if (!signer) {
      let sealed: string;
      try {
        sealed = await this.box.open(row.private_key_sealed);
      } catch {
        throw new Error(
          `signing key ${row.id} cannot be decrypted with this master key: every process sharing DATABASE_URL must use the same MASTER_KEY`,
        );
      }
      const jwk = JSON.parse(sealed) as JWK;
      signer = { kid: row.id, alg, sign: await createSigner(jwk, alg) };
      this.signers.set(row.id, signer);
    }
    return signer;
  }

  /** The public key for a kid, refreshing once from the database on an unknown kid. */
  async verificationKey(kid: string): Promise<{ key: JoseKey | Uint8Array; alg: string } | null> {
    let row = (await this.rows()).find((r) => r.id === kid);
    if (!row && this.cache && realTime() - this.cache.at > 1000) {
      this.cache = null;
      row = (await this.rows()).find((r) => r.id === kid);
    }
    if (!row) return null;
    let key = this.verifiers.get(kid);
    if (!key) {
      key = await importJWK({ ...row.public_jwk, alg: row.alg }, row.alg);
      this.verifiers.set(kid, key);
    }
    return { key, alg: row.alg };
  }

  private async rows(): Promise<KeyRow[]> {
    if (!this.cache || realTime() - this.cache.at > FIXED.signingKeyRefreshMs) {
      this.cache = { at: realTime(), rows: await keyStore.published(this.actors.db) };
    }
    return this.cache.rows;
  }

  private async createKey(unit: Parameters<ActorSystem['create']>[0], alg: SigningAlg): Promise<string> {
    const { publicKey, privateKey } = await generateKeyPair(alg, {
      extractable: true,
      ...(alg === 'RS256' ? { modulusLength: 2048 } : {}),
    });
    const kid = newId('key');
    await this.actors.create(unit, this.definition, {
      id: kid,
      tenantId: SYSTEM_TENANT,
      input: { kid, alg, maxTokenLifetimeMs: this.options.maxTokenLifetimeMs },
      columns: {
        alg,
        public_jwk: await exportJWK(publicKey),
        private_key_sealed: await this.box.seal(JSON.stringify(await exportJWK(privateKey))),
      },
    });
    return kid;
  }
}
