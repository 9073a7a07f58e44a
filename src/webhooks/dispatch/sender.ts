// Sending one claimed delivery: its event's shared body, Standard Webhooks signatures (two
// during a rotation), the target checked again, the POST (no redirects, a hard timeout), and
// what came back as a typed result for the completer. Never throws: every failure is a result.
import { realTime } from '../../actors/clock.ts';
import type { Config } from '../../config.ts';
import type { Logger } from '../../log.ts';
import type { DeliveryOutcome } from '../../../machines/delivery.ts';
import { signatureHeader } from '../signing.ts';
import { deliveryHeaders } from '../request.ts';
import { checkTarget, reusingResolver, type Resolver } from '../../outbound/target-check.ts';
import { resolveHost } from '../../platform.ts';
import { outcomeOf, postWebhook, type SendResult } from '../http-client.ts';
import type { DeliveryTraces } from '../../telemetry/delivery-traces.ts';
import type { EventBodies } from './bodies.ts';
import type { SigningSecrets } from './secrets.ts';
import type { ClaimedRow } from './store.ts';
import type { DeliveryRecord } from './steps.ts';

/** A delivery a claim moved into sending: its row as claimed and its record now. */
export interface Claimed {
  row: ClaimedRow;
  record: DeliveryRecord;
  startedAt: string;
}

/** What sending a delivery came to. */
export interface Sent {
  claimed: Claimed;
  result: SendResult;
  outcome: DeliveryOutcome;
  /** The webhook-timestamp the request carried; null when nothing was sent. */
  timestamp: number | null;
}

export type SenderConfig = Pick<
  Config,
  'allowPrivateTargets' | 'webhookTimeoutMs' | 'webhookCa' | 'webhookRetrySchedule'
>;

const UNREADABLE_SECRET =
  'not sent: the signing secret could not be decrypted on this server (MASTER_KEY, or DATA_DIR/master.key, is not the key it was sealed with)';

function notSent(claimed: Claimed, error: string, outcome: DeliveryOutcome): Sent {
  return {
    claimed,
    result: { status: null, body: '', durationMs: 0, error, retryAfterMs: null },
    outcome,
    timestamp: null,
  };
}

export class Sender {
  /** The longest delay a receiver's Retry-After may ask for: the schedule's longest. */
  private readonly retryAfterCapMs: number;
  /** Names looked up again after LOOKUP_REUSE_MS, not for every send. */
  private readonly resolve: Resolver = reusingResolver(resolveHost);

  constructor(
    private readonly config: SenderConfig,
    private readonly secrets: SigningSecrets,
    private readonly bodies: EventBodies,
    private readonly traces: DeliveryTraces,
    private readonly now: () => number,
    private readonly log: Logger,
  ) {
    this.retryAfterCapMs = Math.max(...config.webhookRetrySchedule);
  }

  /** Sends a delivery whose event's body the claim holds (see EventBodies). */
  send(claimed: Claimed): Promise<Sent> {
    const { row } = claimed;
    return this.traces.attempt(
      {
        deliveryId: row.id,
        webhookId: row.subscription_id,
        eventId: row.event_id,
        eventType: row.event_type,
        attempt: claimed.record.attempt,
        host: URL.parse(row.url)?.host ?? '',
      },
      () => this.attempt(claimed),
      (s) => ({ status: s.result.status, outcome: s.outcome, error: s.result.error }),
    );
  }

  private async attempt(claimed: Claimed): Promise<Sent> {
    const { row } = claimed;
    let secrets: string[];
    try {
      secrets = await this.secrets.of(row);
    } catch (error) {
      // This server's fault, not the receiver's: retried on the schedule, so a corrected key
      // delivers what waited.
      this.log.error(
        'webhook signing secret could not be decrypted; the delivery is recorded as not sent and retried',
        {
          error,
          webhook_id: row.subscription_id,
          delivery_id: row.id,
        },
      );
      return notSent(claimed, UNREADABLE_SECRET, 'retryable');
    }
    const checked = await checkTarget(row.url, this.config.allowPrivateTargets, this.resolve);
    if (!checked.ok) return notSent(claimed, `target refused: ${checked.problem}`, 'client_error');
    const body = this.bodies.get(row.event_id);
    // Wall-clock time, as receivers check it against theirs (Standard Webhooks: within minutes).
    const timestamp = Math.floor(realTime() / 1000);
    const signature = await signatureHeader(secrets, row.event_id, timestamp, body.text);
    const result = await postWebhook(
      checked.target,
      body,
      { ...deliveryHeaders(row.event_id, timestamp), 'webhook-signature': signature },
      this.config.webhookTimeoutMs,
      this.config.webhookCa,
      { retryAfterCapMs: this.retryAfterCapMs, now: this.now },
    );
    return { claimed, result, outcome: outcomeOf(result), timestamp };
  }
}
