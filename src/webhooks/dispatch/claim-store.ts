// SQL of a claim (src/webhooks/dispatch/claimer.ts): the timers that are due, the walk over the
// tenants and endpoints that have deliveries ready, the endpoints' settings, the ready
// deliveries each endpoint has room for, the events' data, and rate-limit tokens.
import type { Queryable } from '../../db/index.ts';
import { ROW, type DeliveryRow, type EndpointSettings } from './store.ts';

/** Where the ready index is read (migration 013): queued and due, `d` being the delivery. */
const READY_D = `d.state = 'queued' and d.due_at is not null`;
/** What an endpoint `s` may still take here: the cap ($7) less this process's requests in flight to it ($9). */
const ROOM_HERE = (s: string) => `$7::integer - coalesce(($9::jsonb ->> ${s})::integer, 0)`;

/**
 * How many ready deliveries endpoint `s` of tenant `t` has, counted up to what it may take here:
 * an endpoint at its cap costs no read.
 */
const READY_COUNT = (t: string, s: string) => `case when ${ROOM_HERE(s)} > 0 then (
    select count(*)::int from (select 1 from webhook_deliveries r
      where r.state = 'queued' and r.due_at is not null and r.tenant_id = ${t} and r.subscription_id = ${s}
      limit ${ROOM_HERE(s)}) c) else 0 end`;

/**
 * The walk's step between tenants: the next tenant with ready deliveries after `after` and its
 * first endpoint (one index probe), with the room that endpoint has.
 */
function nextTenant(after: string): string {
  return `select n.tenant_id, n.s as first, ${READY_COUNT('n.tenant_id', 'n.s')} as ready
            from (select d.tenant_id, d.subscription_id as s from webhook_deliveries d
                   where ${READY_D} and d.tenant_id > ${after}
                   order by d.tenant_id, d.subscription_id limit 1) n`;
}

/**
 * The walk's step inside a tenant (f.tenant_id): its next endpoint with ready deliveries after
 * `after` (one index probe), with the room it has. Nothing is read unless `when` holds.
 */
function nextEndpoint(after: string, when = 'true'): string {
  return `select n.s, ${READY_COUNT('f.tenant_id', 'n.s')} as ready
            from (select d.subscription_id as s from webhook_deliveries d
                   where ${when} and ${READY_D} and d.tenant_id = f.tenant_id and d.subscription_id > ${after}
                   order by d.subscription_id limit 1) n`;
}

export interface WalkInput {
  /** The tenant the walk starts after ('' for the first). */
  after: string;
  maxTenants: number;
  /** Requests an endpoint may have in flight. */
  cap: number;
  /** Deliveries a tenant's endpoints need to hold for its walk to stop (a claim takes no more). */
  target: number;
  /** Requests this process has in flight, by endpoint. */
  inFlightHere: ReadonlyMap<string, number>;
  /** Endpoint probes shared between the tenants found (each gets at least 4). */
  endpointProbes: number;
  /** Tenants found but not walked into (at their share already). */
  skipTenants: readonly string[];
  /** Where to start inside a tenant: after this endpoint (its last claim stopped there). */
  endpointCursors: ReadonlyArray<{ tenantId: string; after: string }>;
}

export interface WalkedTenant {
  tenantId: string;
  skipped: boolean;
  /** Its endpoints with ready deliveries, in walk order, with the deliveries each could take now. */
  endpoints: Array<{ endpointId: string; room: number }>;
  /** The walk stopped inside this tenant (enough found, or its probes used): more endpoints may follow. */
  cut: boolean;
}

export interface TimerRow extends DeliveryRow {
  webhook_status: string;
}

export interface ReadyRow extends DeliveryRow {
  /** The endpoint's requests in flight, across processes, before this claim. */
  endpoint_sending: number;
}

export const claimStore = {
  /**
   * Due timers other than a ready delivery's (a lease that ran out, a backoff that ended, a
   * hold that expired), in due order, locked. None of them sends anything.
   */
  dueTimers: (tx: Queryable, now: string, limit: number) =>
    tx.query<TimerRow & Record<string, unknown>>(
      `select ${ROW},
              (select case when s.deleted_at is null then s.status else 'deleted' end
                 from webhook_subscriptions s where s.id = d.subscription_id) as webhook_status
         from webhook_deliveries d
        where d.due_at <= $1::timestamptz and d.due_at is not null and d.state <> 'queued'
        order by d.due_at limit $2
          for no key update of d skip locked`,
      [now, limit],
    ),

  /**
   * The tenants with ready deliveries after `after`, up to `maxTenants`, and in each (unless
   * skipped) its endpoints with ready deliveries from its cursor on (round to the first, and on
   * up to the cursor), until they hold `target` or the tenant's probes run out. Each endpoint
   * comes with its room: its ready deliveries (read up to the cap), less what this process has
   * in flight to it (another process's requests are counted when the deliveries are taken). A
   * loose index scan: one index read per tenant and per endpoint, whatever their backlogs.
   */
  walk: async (tx: Queryable, w: WalkInput): Promise<{ tenants: WalkedTenant[]; end: boolean }> => {
    const rows = await tx.query<{
      tenant_id: string;
      skipped: boolean;
      subscription_id: string | null;
      m: number | null;
      room: number | null;
      total: number | null;
      budget: number;
    }>(
      `with recursive t(tenant_id, first, ready, n) as (
         (select x.tenant_id, x.first, x.ready, 1 from (${nextTenant('$1')}) x)
         union all
         select x.tenant_id, x.first, x.ready, t.n + 1
           from t cross join lateral (${nextTenant('t.tenant_id')}) x
          where t.n < $2),
       found as (
         select t.tenant_id, t.first, t.ready, t.n, t.tenant_id = any($4::text[]) as skipped, coalesce(c.after, '') as after,
                greatest(4, ceil($3::float8 / count(*) over ()))::int as budget
           from t left join unnest($5::text[], $6::text[]) as c(tenant_id, after) on c.tenant_id = t.tenant_id)
       select f.tenant_id, f.skipped, e.subscription_id, e.m, e.room, e.total, f.budget
         from found f
         left join lateral (
           with recursive e(subscription_id, m, room, total, wrapped) as (
             (select n.s, 1, n.room, n.room, n.wrapped
                from (select coalesce(a.s, b.s) as s, a.s is null as wrapped,
                             coalesce(a.ready, b.ready) as room
                        from (select 1) one
                        -- Without a cursor, the tenant's first endpoint is the one the tenant was found by.
                        left join lateral (select f.first as s, f.ready where f.after = ''
                                           union all ${nextEndpoint('f.after', "f.after <> ''")}) a on true
                        left join lateral (${nextEndpoint("''", "a.s is null and f.after <> ''")}) b on true
                       where not f.skipped) n
               where n.s is not null)
             union all
             -- Past the tenant's last endpoint the walk goes on from its first, up to where it started
             -- (a walk that started at the first has nothing to go round to).
             select n.s, e.m + 1, n.room, e.total + n.room, n.wrapped
               from e
              cross join lateral (
                select coalesce(a.s, b.s) as s, a.s is null or e.wrapped as wrapped,
                       coalesce(a.ready, b.ready) as room
                  from (select 1) one
                  left join lateral (${nextEndpoint('e.subscription_id')}) a on true
                  left join lateral (${nextEndpoint("''", "a.s is null and not e.wrapped and f.after <> ''")}) b on true) n
              where e.m < f.budget and e.total < $8 and n.s is not null and not (n.wrapped and n.s > f.after))
           select subscription_id, m, greatest(0, room) as room, total from e) e on true
        order by f.n, e.m`,
      [
        w.after,
        w.maxTenants,
        w.endpointProbes,
        w.skipTenants,
        w.endpointCursors.map((c) => c.tenantId),
        w.endpointCursors.map((c) => c.after),
        w.cap,
        w.target,
        JSON.stringify(Object.fromEntries(w.inFlightHere)),
      ],
    );
    const tenants: WalkedTenant[] = [];
    for (const r of rows) {
      let t = tenants[tenants.length - 1];
      if (t?.tenantId !== r.tenant_id)
        tenants.push((t = { tenantId: r.tenant_id, skipped: r.skipped, endpoints: [], cut: false }));
      if (r.subscription_id !== null) t.endpoints.push({ endpointId: r.subscription_id, room: r.room ?? 0 });
      t.cut = r.m !== null && (r.m >= r.budget || (r.total ?? 0) >= w.target);
    }
    return { tenants, end: tenants.length < w.maxTenants };
  },

  /**
   * Of these endpoints, those no other claim is taking from now (a transaction-scoped advisory
   * lock per endpoint: claims of one endpoint take turns across processes, and nothing else
   * waits for them), with their settings.
   */
  lockEndpoints: async (tx: Queryable, ids: readonly string[]) => {
    if (ids.length === 0) return new Map<string, EndpointSettings & { tenant_id: string }>();
    const rows = await tx.query<EndpointSettings & { id: string; tenant_id: string } & Record<string, unknown>>(
      `select s.id, s.tenant_id, s.url, s.secret_sealed, s.previous_secret_sealed,
              s.previous_secret_until as previous_until,
              case when s.deleted_at is null then s.status else 'deleted' end as webhook_status, s.rate_per_second
         from (select id from unnest($1::text[]) as id order by id) k
         join webhook_subscriptions s on s.id = k.id
        where pg_try_advisory_xact_lock(hashtextextended('argus.endpoint:' || k.id, 0))`,
      [ids],
    );
    return new Map(rows.map(({ id, ...settings }) => [id, settings]));
  },

  /**
   * Ready deliveries, oldest first, locked: up to `take` per endpoint, and no more than its
   * `cap` leaves free of what is in flight now (counted after the endpoint's lock was taken, so
   * another process's claim is seen); a null cap takes what it asks (deliveries that will not
   * be sent: held, skipped, cancelled).
   */
  takeReady: (
    tx: Queryable,
    now: string,
    takes: ReadonlyArray<{ tenantId: string; endpointId: string; take: number; cap: number | null }>,
  ) =>
    tx.query<ReadyRow & Record<string, unknown>>(
      `select x.*, c.sending as endpoint_sending
         from unnest($2::text[], $3::text[], $4::integer[], $5::integer[]) as e(tenant_id, id, take, cap)
        cross join lateral (select count(*)::int as sending from webhook_deliveries s
                             where s.subscription_id = e.id and s.state = 'sending') c
        cross join lateral (
          select ${ROW} from webhook_deliveries d
           where ${READY_D} and d.due_at <= $1::timestamptz and d.tenant_id = e.tenant_id and d.subscription_id = e.id
           order by d.due_at
           limit greatest(0, case when e.cap is null then e.take else least(e.take, e.cap - c.sending) end)
             for no key update of d skip locked) x`,
      [
        now,
        takes.map((t) => t.tenantId),
        takes.map((t) => t.endpointId),
        takes.map((t) => t.take),
        takes.map((t) => t.cap),
      ],
    ),

  /** Events' data as stored (jsonb text: sent as it is, never re-encoded). */
  eventData: async (tx: Queryable, events: ReadonlyArray<{ id: string; createdAt: string }>) => {
    if (events.length === 0) return new Map<string, string>();
    const rows = await tx.query<{ id: string; data: string }>(
      `select e.id, e.data::text as data
         from unnest($1::text[], $2::timestamptz[]) as k(id, created_at)
         join events e on e.id = k.id and e.created_at = k.created_at`,
      [events.map((e) => e.id), events.map((e) => e.createdAt)],
    );
    return new Map(rows.map((r) => [r.id, r.data]));
  },

  /**
   * Takes up to `want` requests from each rate-limited webhook's bucket (refilled since it was
   * last taken from), its row locked: workers of every process share it. Answers how many each
   * may send now, and when its next token comes (ms from now).
   */
  takeTokens: async (
    tx: Queryable,
    at: string,
    wants: ReadonlyArray<{ id: string; want: number }>,
  ): Promise<Map<string, { granted: number; nextInMs: number }>> => {
    if (wants.length === 0) return new Map();
    await tx.query(`select id from webhook_subscriptions where id = any($1::text[]) order by id for no key update`, [
      wants.map((w) => w.id),
    ]);
    const rows = await tx.query<{ id: string; granted: number; next_in_ms: number }>(
      `with a as (select s.id, s.rate_per_second as rate, w.want,
                         least(s.rate_per_second::float8, coalesce(s.rate_tokens + greatest(0, extract(epoch from ($1::timestamptz - s.rate_at))) * s.rate_per_second, s.rate_per_second)) as avail
                    from webhook_subscriptions s join unnest($2::text[], $3::integer[]) as w(id, want) on w.id = s.id
                   where s.rate_per_second is not null),
            g as (select id, rate, avail, least(want, floor(avail))::integer as granted from a)
       update webhook_subscriptions s set rate_tokens = g.avail - g.granted, rate_at = $1::timestamptz
         from g where s.id = g.id
       returning s.id, g.granted, ceil((1 - (g.avail - g.granted - floor(g.avail - g.granted))) * 1000 / g.rate)::integer as next_in_ms`,
      [at, wants.map((w) => w.id), wants.map((w) => w.want)],
    );
    return new Map(rows.map((r) => [r.id, { granted: r.granted, nextInMs: r.next_in_ms }]));
  },

  /** Of these deliveries, those in sending since `at` at the given attempt (a claim made then), with their ctids. */
  claimedAt: async (
    db: Queryable,
    at: string,
    items: ReadonlyArray<{ id: string; createdAt: string; attempt: number }>,
  ): Promise<Map<string, string>> => {
    const rows = await db.query<{ id: string; ctid: string }>(
      `select d.id, d.ctid::text as ctid
         from unnest($2::text[], $3::timestamptz[], $4::integer[]) as k(id, created_at, attempt)
         join webhook_deliveries d on d.id = k.id and d.created_at = k.created_at
        where d.state = 'sending' and d.entered_at = $1::timestamptz and d.attempt = k.attempt`,
      [at, items.map((i) => i.id), items.map((i) => i.createdAt), items.map((i) => i.attempt)],
    );
    return new Map(rows.map((r) => [r.id, r.ctid]));
  },

  /** The earliest timer other than a ready delivery's, read from its index. */
  nextTimer: async (db: Queryable): Promise<Date | null> =>
    (
      await db.query<{ due_at: Date }>(
        `select due_at from webhook_deliveries where due_at is not null and state <> 'queued' order by due_at limit 1`,
      )
    )[0]?.due_at ?? null,
};
