import type { Queryable } from '../../db/index.ts';
import type { JWK } from 'jose';
import type { SigningKeyState } from '../../../machines/signingKey.ts';

export const SYSTEM_TENANT = '_system';

export interface KeyRow {
  id: string;
  state: SigningKeyState;
  alg: string;
  public_jwk: JWK;
  private_key_sealed: string;
  created_at: Date;
  updated_at: Date;
}

export const keyStore = {
  /** Keys that verifiers may still meet: next, active and retiring. */
  published: (db: Queryable) =>
    db.query<
      KeyRow & Record<string, unknown>
    >(`select id, state, alg, public_jwk, private_key_sealed, created_at, updated_at
       from signing_keys where state in ('next', 'active', 'retiring') order by created_at`),
  all: (db: Queryable) =>
    db.query<KeyRow & Record<string, unknown>>(
      'select id, state, alg, public_jwk, private_key_sealed, created_at, updated_at from signing_keys order by created_at',
    ),
  lock: (db: Queryable) => db.query('select pg_advisory_xact_lock(4102611202)'),
};
