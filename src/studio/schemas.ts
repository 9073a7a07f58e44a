// What the studio's routes answer, for their OpenAPI `detail.responses` (src/docs/responses.ts):
// each schema is the shape the code builds (store.ts, live.ts, console.ts, routes.ts, and the
// webhook and event services' views), so the document and the generated client stay typed.
import { t } from 'elysia';
import { Cursor, Int, Time, oneOf, orNull } from '../docs/responses.ts';
import { DELIVERY_STATUSES, DeliveryDetail, WebhookView } from '../webhooks/schemas.ts';
import { EventDelivery, EventView } from '../events/answers.ts';

// ---- the journal ----------------------------------------------------------------------------

/** One transition of a machine instance (store.ts, journalEntry): also each `transition` event of a stream. */
export const JournalEntry = t.Object({
  seq: Int({ description: 'its place in the journal (a stream resumes after it: Last-Event-ID)' }),
  machine: t.String({ examples: ['delivery'] }),
  instance_id: t.String(),
  from: orNull(t.String({ description: 'the state it left; null for the creation (event xstate.init)' })),
  event: t.String({ description: 'the event that moved it (a timer: xstate.after…)' }),
  to: t.String({ description: 'the state it entered' }),
  at: Time(),
});

// ---- sign-in --------------------------------------------------------------------------------

/** POST /v1/studio/session (StudioAccess.signIn). */
export const StudioSignIn = t.Object({
  tenant_id: t.String(),
  tenant_name: t.String(),
  subject: t.String({ description: "the administrator's user id" }),
  expires_at: Time('when the session (its cookie) ends'),
});

/** GET /v1/studio/session. */
export const StudioSession = t.Object({
  tenant_id: t.String(),
  tenant_name: orNull(t.String()),
  subject: t.String(),
  via: oneOf(['token', 'session'], 'an admin token (Bearer) or the studio sign-in cookie'),
  expires_at: Time(),
  csrf_token: orNull(
    t.String({ description: 'send it back as x-studio-csrf with every change; null for a Bearer token' }),
  ),
});

// ---- machines -------------------------------------------------------------------------------

const RetrySchedule = t.Object({
  delay: t.String({ description: 'the named delay that waits between attempts' }),
  attempts_ms: t.Array(Int(), { description: 'the delay before each attempt; the first is element 0' }),
  jitter_ratio: orNull(t.Number()),
});

/** GET /v1/machines. */
export const MachineList = t.Object({
  machines: t.Array(
    t.Object({
      name: t.String({ examples: ['delivery'] }),
      states: t.Array(t.String(), { description: 'every state, as a dotted path' }),
      delays: t.Array(t.String(), { description: 'its named delays' }),
      guards: t.Array(t.String()),
      actions: t.Array(t.String()),
      retry_schedule: orNull(RetrySchedule),
    }),
  ),
});

/** GET /v1/machines/{name}: XState's own JSON form of a definition (its root state node). */
export const MachineDefinition = t.Object(
  {
    id: t.String(),
    key: t.String(),
    type: oneOf(['atomic', 'compound', 'parallel', 'final', 'history']),
    initial: t.Record(t.String(), t.Unknown(), { description: 'its initial transition' }),
    history: t.Union([t.Literal(false), t.Literal('shallow'), t.Literal('deep')]),
    states: t.Record(t.String(), t.Record(t.String(), t.Unknown()), {
      description: 'its child state nodes by key, each of this same shape',
    }),
    on: t.Record(t.String(), t.Array(t.Record(t.String(), t.Unknown())), {
      description: 'its transitions by event type',
    }),
    transitions: t.Array(t.Record(t.String(), t.Unknown())),
    entry: t.Array(t.Unknown()),
    exit: t.Array(t.Unknown()),
    order: t.Number(),
    invoke: t.Array(t.Unknown()),
    tags: t.Array(t.String()),
  },
  { description: 'loadable by XState tooling (createMachine)' },
);

/** GET /v1/machines/{name}/instances/{id}/journal. */
export const InstanceJournal = t.Object({ transitions: t.Array(JournalEntry, { description: 'oldest first' }) });

// ---- webhooks and deliveries ----------------------------------------------------------------
// The studio answers webhooks, deliveries, retries, recoveries and test sends as the public API
// does (../webhooks/schemas.ts); its reads show a webhook's URL as displayUrl leaves it.

/** GET /v1/studio/webhooks/{id}. */
export const StudioWebhookDetail = t.Object({
  webhook: WebhookView,
  state: orNull(t.String({ description: "the subscription machine's state after its latest transition" })),
  transitions: t.Array(JournalEntry, { description: 'its latest transitions (at most 50), oldest first' }),
  deliveries_by_status: t.Object(
    Object.fromEntries(DELIVERY_STATUSES.map((s) => [s, Int()])) as Record<
      (typeof DELIVERY_STATUSES)[number],
      ReturnType<typeof Int>
    >,
  ),
});

/** GET /v1/studio/webhooks/{id}/deliveries/{delivery_id}. */
export const StudioDeliveryDetail = t.Object({
  delivery: DeliveryDetail,
  state: orNull(t.String({ description: "the delivery machine's state after its latest transition" })),
  path: t.Array(JournalEntry, { description: 'its transitions, oldest first (at most 500)' }),
});

/** What a pending timer (or a wait without one) will do (console.ts, Pending). */
const Pending = t.Object({
  kind: oneOf([
    'send_timeout',
    'lease_expiry',
    'next_attempt',
    'previous_delivery',
    'endpoint_slot',
    'rate_limit',
    'claim',
    'hold_expiry',
    'skipped',
    'auto_disable',
    'secret_grace',
  ]),
  at: orNull(Time('when it fires; null for a wait without a timer')),
  does: t.String(),
});

/** GET /v1/studio/webhooks/{id}/deliveries/{delivery_id}/why. */
export const DeliveryWhy = t.Object({
  now: Time(),
  delivery: t.Array(Pending),
  webhook: t.Array(Pending),
  payload: orNull(t.String({ description: 'the body every attempt sends; null once its event is gone' })),
  headers_note: t.String(),
});

/** GET /v1/studio/webhooks/{id}/why. */
export const WebhookWhy = t.Object({ now: Time(), webhook: t.Array(Pending) });

/** GET /v1/studio/health. */
export const StudioHealth = t.Object({
  since: Time(),
  until: Time(),
  bucket_ms: Int({ description: 'the length of each bucket' }),
  webhooks: t.Record(
    t.String(),
    t.Object({
      attempts: Int(),
      success_rate: orNull(t.Number({ description: 'from 0 to 1; null without attempts' })),
      p50_ms: orNull(Int()),
      p95_ms: orNull(Int()),
      buckets: t.Array(t.Object({ attempts: Int(), succeeded: Int() }), {
        description: 'attempts per bucket, oldest first',
      }),
    }),
    { description: 'by webhook id: only webhooks with an attempt in the window' },
  ),
  count_cap: Int({ description: 'each queue count stops here: a count equal to it means at least that many' }),
  queues: t.Record(
    t.String(),
    t.Object({
      due: Int({ description: 'queued and due: waiting for a claim, a free slot or a rate-limit token' }),
      oldest_due_at: orNull(Time('when the longest-waiting due delivery became due')),
      in_line: Int({ description: "queued behind the head of an ordered webhook's line" }),
      in_flight: Int({ description: 'being sent now' }),
      retrying: Int({ description: 'waiting for their next attempt' }),
      next_retry_at: orNull(Time('when the next retry is due')),
      held: Int({ description: 'held while the webhook is paused' }),
    }),
    { description: 'by webhook id: only webhooks with deliveries not yet settled' },
  ),
});

// ---- finding, events ------------------------------------------------------------------------

/** GET /v1/studio/search. */
export const SearchHit = t.Union([
  t.Object({ kind: t.Literal('delivery'), delivery_id: t.String(), webhook_id: t.String() }),
  t.Object({ kind: t.Literal('event'), event_id: t.String() }),
  t.Object({
    kind: t.Literal('webhooks'),
    webhooks: t.Array(t.Object({ id: t.String(), url: t.String(), status: t.String() }), {
      description: 'up to 20, newest first, whose URL as the studio shows it holds the text',
    }),
  }),
  t.Object({
    kind: t.Literal('events'),
    field: orNull(t.String({ description: 'the key searched (incident.id); null: the value anywhere in the data' })),
    value: t.String(),
    since: Time('the range searched, from'),
    until: Time('the range searched, to (exclusive; when not given, now, and what is published while it runs)'),
    events: t.Array(t.Object({ id: t.String(), type: t.String(), created_at: Time() }), {
      description: 'up to 20, newest first, whose data holds the value (as text, or as the number it spells)',
    }),
    searched: Int({ description: 'how many events of the range were read (at most 100,000, the newest)' }),
    complete: t.Boolean({ description: 'false when the range held more events than were read: narrow it' }),
  }),
]);

/** GET /v1/studio/events. */
export const StudioEventList = t.Object({
  events: t.Array(EventView),
  next_cursor: Cursor,
  types: t.Array(t.String(), { description: 'every event type of the catalog' }),
});

/** GET /v1/studio/events/{id}. */
export const StudioEventDetail = t.Object({
  event: EventView,
  deliveries: t.Array(EventDelivery),
  next_cursor: Cursor,
});

// ---- authorization sessions -----------------------------------------------------------------

/** GET /v1/studio/authorization-sessions. */
export const AuthorizationSessions = t.Object({
  authorization_sessions: t.Array(
    t.Object({
      ref: t.String({ description: "the start of the session's id (its id is also a browser cookie)" }),
      client_id: t.String(),
      app_name: orNull(t.String()),
      state: t.String({ description: "the authorization session machine's state" }),
      created_at: Time(),
      updated_at: Time(),
      path: t.Array(
        t.Object({
          seq: Int(),
          from: orNull(t.String()),
          event: t.String(),
          to: t.String(),
          at: Time(),
        }),
        { description: 'its latest transitions (at most 20), oldest first' },
      ),
    }),
    { description: 'the latest sessions (at most 50), newest first' },
  ),
});

// ---- bulk retry -----------------------------------------------------------------------------

/** GET /v1/studio/webhooks/{id}/deliveries/retry-preview (WebhookService.previewRetry). */
export const RetryPreview = t.Object({
  matched: Int({ description: 'how many a retry now would send again (at most 10,000: FIXED.resendBatchMax)' }),
  more: t.Boolean({ description: 'more match than one retry sends: another retry sends the next ones' }),
  oldest_created_at: orNull(Time('when the oldest of them was created')),
  newest_created_at: orNull(Time('when the newest of them was created')),
  webhook_status: t.String({ description: 'the webhook now: paused sends them when resumed, disabled refuses' }),
});

/** POST /v1/studio/webhooks/{id}/deliveries/retry (WebhookService.retryMatching). */
export const RetriedMatching = t.Object({
  matched: Int({ description: 'how many matched (at most 10,000)' }),
  requeued: Int({ description: 'how many were queued again (held while the webhook is paused)' }),
  more: t.Boolean({ description: 'more matched than one retry sends: retry again for the next ones' }),
});

/** GET /v1/studio/webhooks/{id}/deliveries/replay-preview. */
export const ReplayPreview = t.Object({
  matched: Int({ description: 'events of the matching deliveries, each once (at most 10,000: FIXED.resendBatchMax)' }),
  more: t.Boolean({
    description:
      'more events match than one replay sends (the oldest 10,000): narrow the time range to replay the others',
  }),
  not_replayable: Int({
    description: "of them, events of a type the webhook no longer receives, or of the service's own types: left out",
  }),
  oldest_created_at: orNull(Time('when the oldest of them was published')),
  newest_created_at: orNull(Time('when the newest of them was published')),
  webhook_status: t.String({ description: 'the webhook now: paused holds the new deliveries, disabled refuses' }),
});

/** POST /v1/studio/webhooks/{id}/deliveries/replay. */
export const ReplayedMatching = t.Object({
  matched: Int({ description: 'events of the matching deliveries, each once (at most 10,000)' }),
  replayed: Int({ description: 'fresh deliveries written, one per event replayed (held while the webhook is paused)' }),
  not_replayable: Int({ description: "events left out: a type the webhook no longer receives, or the service's own" }),
  gone: Int({ description: 'events retired by retention between the count and the replay' }),
  more: t.Boolean({
    description: 'more events matched than one replay sends: narrow the time range to replay the others',
  }),
});
