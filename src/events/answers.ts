// What the event routes answer, for their OpenAPI `detail.responses` (src/docs/responses.ts):
// the shapes eventView, the publisher and replay build (service.ts). The studio's event views
// answer the same.
import { t } from 'elysia';
import { Cursor, Int, Time, oneOf } from '../docs/responses.ts';
import { DeliveryView } from '../webhooks/schemas.ts';

export const EventView = t.Object({
  id: t.String({ examples: ['evt_123'] }),
  type: t.String({ examples: ['incident.updated'] }),
  data: t.Record(t.String(), t.Unknown(), {
    description: "as published; its schema is its type's (GET /v1/events/types)",
  }),
  deliveries: Int({
    description: 'deliveries the publish created (replays add more; see GET /v1/events/{event_id})',
  }),
  created_at: Time('when it was published: the timestamp of its payload'),
});
/** What a publish answers (PublishedEvent). */
export const Published = t.Object({
  id: t.String({ examples: ['evt_123'] }),
  type: t.String({ examples: ['case.updated'] }),
  deliveries: Int({ description: 'deliveries the publish created, one per webhook that receives its type' }),
  created_at: Time('when it was published: the timestamp of its payload'),
});
export const EventTypes = t.Object({
  event_types: t.Array(
    t.Object({
      type: t.String({ examples: ['incident.updated'] }),
      description: t.String(),
      publishable: t.Boolean({
        description: 'false for the types only this service publishes (operational events, test sends)',
      }),
      schema: t.Record(t.String(), t.Unknown(), {
        description: 'the JSON Schema of its data; POST /v1/events checks data against it',
      }),
    }),
  ),
});

export const EventList = t.Object({ events: t.Array(EventView), next_cursor: Cursor });

export const EventDelivery = t.Composite([DeliveryView, t.Object({ webhook_id: t.String({ examples: ['wh_123'] }) })]);

export const Replayed = t.Object({
  event_id: t.String(),
  deliveries: t.Array(
    t.Object({
      id: t.String(),
      webhook_id: t.String(),
      status: oneOf(
        ['queued', 'held', 'skipped'],
        'queued; held while its webhook is paused, skipped while it is disabled',
      ),
    }),
  ),
});

export const EventDetail = t.Object({
  event: EventView,
  deliveries: t.Array(EventDelivery, {
    description: "every delivery of the event across the tenant's webhooks, replays included, a page at a time",
  }),
  next_cursor: Cursor,
});
