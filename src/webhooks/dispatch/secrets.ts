// The signing secrets of the webhooks being delivered to, opened once and kept: opening them
// again per delivery is waste. During a rotation's grace window both secrets sign.
import type { SecretBox } from '../../crypto/secret-box.ts';
import { inGrace } from '../../../machines/graceWindow.ts';
import type { EndpointSettings } from './store.ts';

const KEEP = 10_000;

export class SigningSecrets {
  private readonly opened = new Map<string, string>();

  constructor(
    private readonly box: SecretBox,
    private readonly now: () => number,
  ) {}

  /** The secrets to sign with (two during a rotation's grace window); throws if one cannot be opened. */
  async of(
    endpoint: Pick<EndpointSettings, 'secret_sealed' | 'previous_secret_sealed' | 'previous_until'>,
  ): Promise<string[]> {
    const secrets = [await this.open(endpoint.secret_sealed)];
    if (endpoint.previous_secret_sealed && inGrace(endpoint.previous_until, this.now()))
      secrets.push(await this.open(endpoint.previous_secret_sealed));
    return secrets;
  }

  private async open(sealed: string): Promise<string> {
    let plain = this.opened.get(sealed);
    if (plain === undefined) {
      plain = await this.box.open(sealed);
      if (this.opened.size >= KEEP) this.opened.clear();
      this.opened.set(sealed, plain);
    }
    return plain;
  }
}
