// Password guessing, limited the same way wherever a person signs in (the studio, the
// authorization page): failed sign-ins a minute per address and account
// (SIGN_IN_FAILURES_PER_MINUTE) and per address over all accounts
// (ADDRESS_AUTH_FAILURES_PER_MINUTE), so that one address trying many emails, or many tenants,
// is held back too. Only failures count. Each check costs a PBKDF2 run of about 70 ms of CPU
// (off the event loop): without the address-wide limit one client could keep both cores busy.
import { realTime } from '../actors/clock.ts';
import type { Config } from '../config.ts';
import { RateLimiter } from '../rate-limit.ts';

export class SignInLimits {
  private readonly perAccount: RateLimiter;
  private readonly perAddress: RateLimiter;

  constructor(config: Pick<Config, 'signInFailuresPerMinute' | 'addressAuthFailuresPerMinute'>, now = realTime) {
    this.perAccount = new RateLimiter(config.signInFailuresPerMinute, 60_000, now);
    this.perAddress = new RateLimiter(config.addressAuthFailuresPerMinute, 60_000, now);
  }

  /** Seconds to wait before this address may try this account again (0: it may now). */
  wait(address: string, tenant: string, email: string): number {
    return Math.max(this.perAddress.peek(address), this.perAccount.peek(accountKey(address, tenant, email)));
  }

  /** Counts a failed sign-in against the address and the account. */
  failed(address: string, tenant: string, email: string): void {
    this.perAddress.hit(address);
    this.perAccount.hit(accountKey(address, tenant, email));
  }
}

const accountKey = (address: string, tenant: string, email: string) =>
  `${address}\n${tenant.toLowerCase()}\n${email.trim().toLowerCase()}`;
