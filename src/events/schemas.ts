// The JSON Schema of each catalog type's `data`: served by GET /v1/events/types, checked by
// POST /v1/events before anything is written, and published in the OpenAPI document (its
// components and its `webhooks`, the requests receivers get).
//
// The public contract names the types but leaves their payloads open; the shapes typed here
// are the ones this service itself publishes (src/graphql: the incident or the case as it is
// now) and the fields the guide's flows and the README name (`case_id`, `incident_id`).
// Tenant types allow any other property and require none; operational types list exactly
// what the engine sends, all of it required (receivers should still ignore fields they do not
// know: new ones may be added).
import { Kind, Type, TypeRegistry, type TObject, type TSchema } from '@sinclair/typebox';
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { isoTimeProblem } from '../input/iso-time.ts';
import { EVENT_TYPES, SYSTEM_EVENT_TYPES, type EventType } from '../webhooks/catalog.ts';

type Json = Record<string, unknown>;

const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,9})?([Zz]|[+-]\d{2}:\d{2})$/;
// A kind of our own, documented as JSON Schema's date-time: the checker shared by every route
// (Elysia's) takes a bare date or February 30th for one.
const DATE_TIME = 'ArgusDateTime';
if (!TypeRegistry.Has(DATE_TIME))
  TypeRegistry.Set(
    DATE_TIME,
    (_schema, value) => typeof value === 'string' && RFC3339.test(value) && isoTimeProblem(value) === null,
  );
const DateTime = (description: string, nullable = false): TSchema => {
  const time = { [Kind]: DATE_TIME, type: 'string', format: 'date-time', description } as unknown as TSchema;
  return nullable ? Type.Union([time, Type.Null()], { description }) : time;
};
const Str = (description: string) => Type.String({ description });
const OneOf = (values: readonly string[], description: string) =>
  Type.Union(
    values.map((v) => Type.Literal(v)),
    { description },
  );
const Names = (description: string) => Type.Array(Type.String(), { description });

// ---- tenant types: open objects, nothing required -----------------------------------------

const open = <P extends Record<string, TSchema>>(description: string, properties: P, example: Json) =>
  Type.Partial(Type.Object(properties), { description, additionalProperties: true, examples: [example] });

const incident = {
  id: Str('the incident (inc_…), as GraphQL mutations publish it'),
  incident_id: Str('the incident, when the publisher names it so'),
  title: Str('its title'),
  severity: OneOf(['low', 'medium', 'high', 'critical'], 'its severity'),
  status: OneOf(['open', 'closed'], 'its status'),
  created_at: DateTime('when it was opened'),
  updated_at: DateTime('when it last changed'),
  closed_at: DateTime('when it was closed; null while open', true),
};
const kase = {
  id: Str('the case (case_…), as GraphQL mutations publish it'),
  case_id: Str('the case, when the publisher names it so'),
  title: Str('its title'),
  status: OneOf(['open', 'in_progress', 'closed'], 'its status'),
  incident_ids: Names('the incidents linked to it'),
  created_at: DateTime('when it was created'),
  updated_at: DateTime('when it last changed'),
  closed_at: DateTime('when it was closed; null while open', true),
};
const changes = { changes: Names('the fields this change changed') };

const incidentExample = {
  id: 'inc_4Fq2Yx',
  title: 'Checkout latency',
  severity: 'high',
  status: 'open',
  created_at: '2026-03-23T12:00:00.000Z',
  updated_at: '2026-03-23T12:00:00.000Z',
  closed_at: null,
};
const caseExample = {
  id: 'case_7Hd1Qa',
  title: 'Refund dispute',
  status: 'open',
  incident_ids: ['inc_4Fq2Yx'],
  created_at: '2026-03-23T12:00:00.000Z',
  updated_at: '2026-03-23T12:00:00.000Z',
  closed_at: null,
};

// ---- operational types: closed lists of what the engine sends -----------------------------

const exact = <P extends Record<string, TSchema>>(description: string, properties: P, example: Json) =>
  Type.Object(properties, { description, examples: [example] });
const webhookId = Str('the webhook (wh_…)');
const deliveryId = Str('the delivery (dlv_…)');
const eventId = Str('the event the delivery carried (evt_…): its webhook-id header');
const eventType = Str("that event's type");

/** The schema of `data`, per catalog type (a type added to the catalog without one does not compile). */
export const EVENT_SCHEMAS: Record<EventType, TObject> = {
  'case.created': open('A case, as it was created', kase, caseExample),
  'case.updated': open(
    'A case, as it is after the change',
    { ...kase, ...changes },
    { ...caseExample, status: 'in_progress', changes: ['status'] },
  ),
  'incident.created': open('An incident, as it was opened', incident, incidentExample),
  'incident.updated': open(
    'An incident, as it is after the change',
    { ...incident, ...changes },
    { ...incidentExample, severity: 'critical', changes: ['severity'] },
  ),
  'incident.closed': open('An incident, as it was closed', incident, {
    ...incidentExample,
    status: 'closed',
    closed_at: '2026-03-23T14:00:00.000Z',
  }),
  'webhook.test': exact(
    'A test send',
    { webhook_id: webhookId, message: Str('a fixed text') },
    { webhook_id: 'wh_123', message: 'This is a test delivery from Argus Integrations.' },
  ),
  'delivery.exhausted': exact(
    'A delivery used up its attempts and is failed',
    {
      delivery_id: deliveryId,
      webhook_id: webhookId,
      event_id: eventId,
      event_type: eventType,
      attempts: Type.Integer({ minimum: 1, description: 'attempts made' }),
      last_status: Type.Union([Type.Integer(), Type.Null()], {
        description: 'the last response status; null when no response came',
      }),
    },
    {
      delivery_id: 'dlv_123',
      webhook_id: 'wh_123',
      event_id: 'evt_123',
      event_type: 'incident.updated',
      attempts: 8,
      last_status: 503,
    },
  ),
  'webhook.disabled': exact(
    'A webhook was disabled',
    {
      webhook_id: webhookId,
      reason: OneOf(['failing', 'gone'], 'failing: its deliveries kept failing; gone: its endpoint answered 410'),
    },
    { webhook_id: 'wh_123', reason: 'gone' },
  ),
  'webhook.failing': exact(
    'A webhook entered the failing state',
    {
      webhook_id: webhookId,
      failing_since: DateTime('when its deliveries started failing'),
      consecutive_failures: Type.Integer({ minimum: 1, description: 'failed attempts in a row' }),
    },
    { webhook_id: 'wh_123', failing_since: '2026-03-23T12:00:00.000Z', consecutive_failures: 3 },
  ),
  'webhook.recovered': exact('A failing webhook is active again', { webhook_id: webhookId }, { webhook_id: 'wh_123' }),
  'webhook.held_expired': exact(
    'A delivery held while its webhook was paused outlived DELIVERY_RETENTION_DAYS and was given up',
    {
      delivery_id: deliveryId,
      webhook_id: webhookId,
      event_id: eventId,
      event_type: eventType,
      held_since: DateTime('when it was first held'),
    },
    {
      delivery_id: 'dlv_123',
      webhook_id: 'wh_123',
      event_id: 'evt_123',
      event_type: 'case.updated',
      held_since: '2026-02-21T12:00:00.000Z',
    },
  ),
};

const CHECKS = new Map<string, TypeCheck<TObject>>(
  Object.entries(EVENT_SCHEMAS).map(([type, schema]) => [type, TypeCompiler.Compile(schema)]),
);

/** A schema as plain JSON Schema (TypeBox's own symbols dropped). */
const plain = (schema: TSchema): Json => JSON.parse(JSON.stringify(schema)) as Json;

/** What a value must be, in words: `a string`, `one of "open", "closed"`, `an integer or null`. */
function expected(schema: Json): string {
  if (schema.format === 'date-time') return 'an ISO 8601 date-time with a time zone (e.g. 2026-03-23T12:00:00Z)';
  if ('const' in schema) return JSON.stringify(schema.const);
  const alternatives = schema.anyOf as Json[] | undefined;
  if (alternatives) {
    if (alternatives.every((a) => 'const' in a))
      return `one of ${alternatives.map((a) => JSON.stringify(a.const)).join(', ')}`;
    return alternatives.map(expected).join(' or ');
  }
  switch (schema.type) {
    case 'integer':
      return 'an integer';
    case 'object':
      return 'an object';
    case 'array':
      return 'an array';
    case 'null':
      return 'null';
    default:
      return `a ${String(schema.type)}`;
  }
}

/** A value of the right type out of its bounds, in words, by the keyword it broke. */
const BOUNDS = new Map<ValueErrorType, (schema: Json) => string>([
  [ValueErrorType.IntegerMinimum, (s) => `must be at least ${String(s.minimum)}`],
  [ValueErrorType.NumberMinimum, (s) => `must be at least ${String(s.minimum)}`],
  [ValueErrorType.IntegerMaximum, (s) => `must be at most ${String(s.maximum)}`],
  [ValueErrorType.NumberMaximum, (s) => `must be at most ${String(s.maximum)}`],
  [ValueErrorType.StringMinLength, (s) => `must be at least ${String(s.minLength)} characters`],
  [ValueErrorType.StringMaxLength, (s) => `must be at most ${String(s.maxLength)} characters`],
  [ValueErrorType.ArrayMinItems, (s) => `must hold at least ${String(s.minItems)} items`],
  [ValueErrorType.ArrayMaxItems, (s) => `must hold at most ${String(s.maxItems)} items`],
]);

function describe(error: ValueError): string {
  const where = `data${error.path.replace(/\//g, '.')}`;
  if (error.type === ValueErrorType.ObjectRequiredProperty) return `${where}: is required`;
  const schema = error.schema as unknown as Json;
  const bound = BOUNDS.get(error.type);
  return `${where}: ${bound ? bound(schema) : `must be ${expected(schema)}`}`;
}

/**
 * Why `data` is not a valid payload of `type`, naming the field (`data.case_id: must be a
 * string`), or null. One pass over a body the request limits already bound (MAX_BODY_BYTES,
 * MAX_JSON_DEPTH); only the first problem is described.
 */
export function eventDataProblem(type: EventType, data: unknown): string | null {
  const check = CHECKS.get(type);
  if (!check || check.Check(data)) return null;
  const first = check.Errors(data).First();
  return first ? describe(first) : 'data: does not match the schema of its type';
}

/** The catalog as GET /v1/events/types answers it. */
export function eventTypeViews() {
  return EVENT_TYPES.map((e) => ({
    type: e.type,
    description: e.description,
    publishable: !SYSTEM_EVENT_TYPES.has(e.type),
    schema: plain(EVENT_SCHEMAS[e.type]),
  }));
}

/** 'case.updated' → 'CaseUpdatedData', its name among the OpenAPI document's schemas. */
export const eventSchemaName = (type: string) =>
  `${type
    .split(/[._]/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join('')}Data`;

/**
 * The OpenAPI document's part of the catalog: each type's data schema as a component, and
 * each type as one of the `webhooks` this service calls (the request a receiver gets).
 */
export function eventDocs(): { schemas: Record<string, Json>; webhooks: Record<string, Json> } {
  const schemas: Record<string, Json> = {};
  const webhooks: Record<string, Json> = {};
  for (const e of EVENT_TYPES) {
    const name = eventSchemaName(e.type);
    schemas[name] = plain(EVENT_SCHEMAS[e.type]);
    const header = (name: string, description: string) => ({
      name,
      in: 'header',
      required: true,
      description,
      schema: { type: 'string' },
    });
    webhooks[e.type] = {
      post: {
        operationId: `webhook${name.replace(/Data$/, '')}`,
        summary: e.description,
        description: `Sent to every webhook subscribed to ${e.type}${SYSTEM_EVENT_TYPES.has(e.type) ? ' (published by the service itself)' : ''}. Signed per Standard Webhooks; retried on the published schedule until a 2xx.`,
        tags: ['Event delivery and webhooks'],
        security: [],
        parameters: [
          header('webhook-id', 'the event id, the same on every retry and replay: dedupe on it'),
          header('webhook-timestamp', 'seconds since the epoch when this attempt was signed'),
          header(
            'webhook-signature',
            'v1,<base64 HMAC-SHA256 of "id.timestamp.body">, one per active secret, space separated',
          ),
        ],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['type', 'timestamp', 'data'],
                properties: {
                  type: { const: e.type },
                  timestamp: { type: 'string', format: 'date-time', description: 'when the event was published' },
                  data: { $ref: `#/components/schemas/${name}` },
                },
              },
            },
          },
        },
        responses: {
          200: { description: 'Any 2xx within WEBHOOK_TIMEOUT_MS: delivered' },
          400: {
            description:
              'Any other answer (or none) is a failure, retried on the schedule; 410 Gone disables the webhook',
          },
        },
      },
    };
  }
  return { schemas, webhooks };
}
