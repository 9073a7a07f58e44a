import { Elysia } from 'elysia';

/**
 * Every route plugin starts here. `normalize: false` makes TypeBox's
 * `additionalProperties: false` reject unknown fields with a 400 instead of dropping them.
 */
export function router(name: string) {
  return new Elysia({ name, normalize: false });
}
