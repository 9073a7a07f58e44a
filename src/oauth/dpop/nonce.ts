// DPoP nonces (RFC 9449 §8): stateless, so every process issues and accepts the same ones. A
// nonce names a 60-second window and carries an HMAC of it under a key derived from
// MASTER_KEY; the current and the previous window are accepted, so a nonce lives 60–120 s.
import { realTime } from '../../actors/clock.ts';
import { FIXED } from '../../defaults.ts';
import { createHmac } from 'node:crypto';
import { constantTimeEqual } from '../../crypto/hash.ts';

export const NONCE_WINDOW_MS = FIXED.dpopNonceWindowSeconds * 1000;

export class DpopNonces {
  private issued: { window: number; nonce: string } | null = null;

  constructor(
    private readonly secret: Uint8Array,
    private readonly now: () => number = realTime,
  ) {}

  private mac(window: number): string {
    return createHmac('sha256', this.secret).update(`dpop-nonce:${window}`).digest('base64url').slice(0, 22);
  }

  /** The nonce to hand out now (the same for the whole window). */
  current(): string {
    const window = Math.floor(this.now() / NONCE_WINDOW_MS);
    if (this.issued?.window !== window) this.issued = { window, nonce: `${window.toString(36)}.${this.mac(window)}` };
    return this.issued.nonce;
  }

  /** Whether `nonce` was issued by a process of this service in this window or the last. */
  valid(nonce: string): boolean {
    const match = /^([0-9a-z]{1,12})\.([A-Za-z0-9_-]{22})$/.exec(nonce);
    if (!match) return false;
    const window = parseInt(match[1]!, 36);
    const current = Math.floor(this.now() / NONCE_WINDOW_MS);
    if (window !== current && window !== current - 1) return false;
    return constantTimeEqual(match[2]!, this.mac(window));
  }
}
