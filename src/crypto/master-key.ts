// One master key per database: the database remembers a fingerprint of the key that sealed its
// secrets (never the key), and a process with another key does not start. A worker on another
// host with a DATA_DIR of its own generated a key of its own and then failed every delivery
// ("the signing secret could not be decrypted"); an API process failed at its first token.
import type { Db, Queryable } from '../db/index.ts';
import { maybeOne } from '../db/index.ts';
import { ConfigError } from '../config-error.ts';
import type { SecretBox } from './secret-box.ts';

const HOW =
  'every process sharing DATABASE_URL must have the MASTER_KEY the database was set up with (docs/operating.md, The master key)';

export const masterKeyStore = {
  fingerprint: async (db: Queryable) =>
    (await maybeOne<{ fingerprint: string }>(db, 'select fingerprint from master_key'))?.fingerprint ?? null,
  /** The first process's key, unless another process wrote one first; answers the one kept. */
  claim: async (db: Queryable, fingerprint: string) => {
    await db.query('insert into master_key (fingerprint) values ($1) on conflict (id) do nothing', [fingerprint]);
    return (await masterKeyStore.fingerprint(db)) as string;
  },
  set: (db: Queryable, fingerprint: string) =>
    db.query(
      `insert into master_key (fingerprint) values ($1)
       on conflict (id) do update set fingerprint = excluded.fingerprint, set_at = now()`,
      [fingerprint],
    ),
  /** One sealed value of each kind, to tell whether a key opens what an older install sealed. */
  sealedSamples: async (db: Queryable) =>
    (
      await db.query<{ sealed: string }>(
        `(select private_key_sealed as sealed from signing_keys limit 1)
         union all (select secret_sealed from webhook_subscriptions limit 1)`,
      )
    ).map((r) => r.sealed),
};

/** Throws, before a key is generated, when the database already holds a key's secrets. */
export async function refuseToGenerate(db: Db): Promise<void> {
  const known = await masterKeyStore.fingerprint(db);
  if (known !== null || (await masterKeyStore.sealedSamples(db)).length > 0)
    throw new ConfigError('MASTER_KEY', `is not set, and this database holds secrets sealed with a master key; ${HOW}`);
}

/**
 * Checks `box` is the database's key (or, while keys change, that its previous key is), and on
 * a database that has none recorded yet, records it once it opens what is sealed there.
 */
export async function checkMasterKey(db: Db, box: SecretBox): Promise<void> {
  const ours = await box.fingerprint();
  const previous = box.previousKey ? await box.previousKey.fingerprint() : null;
  let known = await masterKeyStore.fingerprint(db);
  if (known === null) {
    for (const sealed of await masterKeyStore.sealedSamples(db)) {
      try {
        await box.open(sealed);
      } catch {
        throw new ConfigError('MASTER_KEY', `does not open the secrets already in this database; ${HOW}`);
      }
    }
    known = await masterKeyStore.claim(db, ours);
  }
  if (known === ours || known === previous) return;
  throw new ConfigError(
    'MASTER_KEY',
    `is not the key that sealed this database's secrets (the database knows key ${known.slice(0, 8)}…, this process has ${ours.slice(0, 8)}…); ${HOW}`,
  );
}

export interface Resealed {
  signing_keys: number;
  webhook_secrets: number;
  fingerprint: string;
}

/**
 * Seals every secret of the database under the current master key, opening each with the
 * current or the previous one, and records the current key: after it, MASTER_KEY_PREVIOUS can
 * go. One transaction: a value neither key opens stops it with nothing changed.
 */
export async function reseal(db: Db, box: SecretBox): Promise<Resealed> {
  return db.transaction(async (tx) => {
    const again = async (sealed: string, what: string) => {
      try {
        return await box.seal(await box.open(sealed));
      } catch {
        throw new ConfigError(
          'MASTER_KEY',
          `neither MASTER_KEY nor MASTER_KEY_PREVIOUS opens ${what}; nothing was changed`,
        );
      }
    };
    const keys = await tx.query<{ id: string; sealed: string }>(
      'select id, private_key_sealed as sealed from signing_keys order by id for update',
    );
    for (const k of keys)
      await tx.query('update signing_keys set private_key_sealed = $2 where id = $1', [
        k.id,
        await again(k.sealed, `signing key ${k.id}`),
      ]);
    const hooks = await tx.query<{ id: string; current: string; previous: string | null }>(
      `select id, secret_sealed as current, previous_secret_sealed as previous
         from webhook_subscriptions order by id for update`,
    );
    for (const h of hooks)
      await tx.query('update webhook_subscriptions set secret_sealed = $2, previous_secret_sealed = $3 where id = $1', [
        h.id,
        await again(h.current, `the signing secret of webhook ${h.id}`),
        h.previous === null ? null : await again(h.previous, `the previous signing secret of webhook ${h.id}`),
      ]);
    const fingerprint = await box.fingerprint();
    await masterKeyStore.set(tx, fingerprint);
    return { signing_keys: keys.length, webhook_secrets: hooks.length, fingerprint };
  });
}
