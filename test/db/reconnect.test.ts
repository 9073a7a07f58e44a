// How long a pool's connection waits before trying again after failing to connect: short
// enough that a database back after a restart is used within a second, spread by jitter.
import { describe, expect, test } from 'bun:test';
import { reconnectDelaySeconds } from '../../src/db/postgres.ts';

describe('reconnect delay', () => {
  test('50 ms doubling with jitter, never more than a second, however many failures', () => {
    for (let failures = 0; failures <= 60; failures++) {
      const delays = Array.from({ length: 50 }, () => reconnectDelaySeconds(failures));
      const ceiling = Math.min(0.05 * 2 ** failures, 1);
      for (const d of delays) {
        expect(d).toBeGreaterThanOrEqual(ceiling / 2);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
    expect(reconnectDelaySeconds(0)).toBeLessThanOrEqual(0.05);
    expect(reconnectDelaySeconds(100)).toBeLessThanOrEqual(1);
  });
});
