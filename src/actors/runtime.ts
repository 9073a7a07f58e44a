// The machine runtime (docs/how-it-works.md). For each event: load the
// persisted snapshot, compute the next one with XState's pure transition(), persist it with
// an optimistic version check, journal the transition, and only after the transaction
// commits run the effects it asked for. Delayed transitions are timers on the row
// (`timers`, `due_at`) that fireDue() turns back into events: no in-memory timer matters.
import type { AnyStateMachine, ContextFrom, EventFrom, EventObject, InputFrom } from 'xstate';
import { isTransactionConflict, type Db, type Queryable } from '../db/index.ts';
import type { Logger } from '../log.ts';
import type { Metrics } from '../metrics.ts';
import { systemClock, type Clock } from './clock.ts';
import {
  earliest,
  nextStep,
  startStep,
  stateName,
  stateOf,
  type Effect,
  type Persisted,
  type StateName,
  type Step,
  type Timer,
} from './step.ts';

export type { Effect, Persisted, StateName, Timer } from './step.ts';
export type { SqlType };

const IDENT = /^[a-z_][a-z0-9_]*$/;
const SQL_TYPES = ['text', 'text[]', 'integer', 'boolean', 'timestamptz', 'jsonb'] as const;
type SqlType = (typeof SQL_TYPES)[number];

/** What an effect of machine M sees: the instance, and its context and state after the transition. */
export interface EffectContext<M extends AnyStateMachine = AnyStateMachine> {
  machine: string;
  instanceId: string;
  tenantId: string;
  context: ContextFrom<M>;
  state: StateName<M>;
}
/** A row as loaded for a transition (a machine's table holds that machine's snapshots only). */
interface Loaded<M extends AnyStateMachine = AnyStateMachine> {
  id: string;
  tenant_id: string;
  snapshot: Persisted<ContextFrom<M>>;
  version: number;
  timers: Timer[];
}

export type EffectHandler<M extends AnyStateMachine = AnyStateMachine> = (
  effect: Effect,
  on: EffectContext<M>,
) => void | Promise<void>;

/**
 * A machine as the runtime persists it, and the typed handle define() returns: create() takes
 * M's input, send() M's events, effects see M's context, and transitions name M's states.
 */
export interface MachineDefinition<M extends AnyStateMachine = AnyStateMachine> {
  /** Name used in the journal and the studio. */
  name: string;
  machine: M;
  /** A table with the standard machine columns (see migrations/001). */
  table: string;
  /** Domain columns (mirrored from each new snapshot, or given at creation) with their SQL types. */
  columns?: Record<string, SqlType>;
  /** Domain columns derived from a snapshot and the row's next due time (its earliest timer). */
  project?: (snapshot: Persisted<ContextFrom<M>>, dueAt: string | null) => Record<string, unknown>;
  /** One handler per named effect action of the machine. */
  effects: Record<string, EffectHandler<M>>;
}

export interface Unit {
  tx: Queryable;
  /** Runs fn once the surrounding transaction has committed. */
  afterCommit(fn: () => void | Promise<void>): void;
}

export interface Transitioned<M extends AnyStateMachine = AnyStateMachine> {
  id: string;
  from: StateName<M> | null;
  to: StateName<M>;
  snapshot: Persisted<ContextFrom<M>>;
  changed: boolean;
}

export class ConcurrencyError extends Error {}

export class ActorSystem {
  private readonly inFlight = new Set<Promise<void>>();
  private roomWaiters: Array<{ limit: number; resolve: () => void }> = [];
  private readonly effectFailures;
  private readonly transitions;
  private readonly conflicts;

  constructor(
    readonly db: Db,
    private readonly log: Logger,
    metrics: Metrics,
    readonly clock: Clock = systemClock,
  ) {
    this.effectFailures = metrics.counter(
      'argus_machine_effect_failures_total',
      'Effects that threw after their transition committed',
    );
    this.transitions = metrics.counter('argus_machine_transitions_total', 'Committed machine transitions');
    this.conflicts = metrics.counter(
      'argus_machine_transaction_retries_total',
      'Transactions run again after losing a deadlock',
    );
  }

  /** Checks a definition against its machine: every effect action has a handler. */
  define<M extends AnyStateMachine>(def: MachineDefinition<M>): MachineDefinition<M> {
    for (const name of [def.table, ...Object.keys(def.columns ?? {})]) {
      if (!IDENT.test(name)) throw new Error(`${def.name}: "${name}" is not a plain SQL identifier`);
    }
    const declared = Object.keys((def.machine.implementations as { actions: Record<string, unknown> }).actions ?? {});
    const missing = declared.filter((a) => !(a in def.effects) && !isAssign(def.machine, a));
    if (missing.length) throw new Error(`${def.name}: no effect handler for action(s) ${missing.join(', ')}`);
    return def;
  }

  /**
   * Opens a transaction; effects queued by create/send run after it commits. One that loses a
   * deadlock is run again from the start (its effects are queued afresh), up to three times.
   */
  async transaction<T>(fn: (unit: Unit) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const after: Array<() => void | Promise<void>> = [];
      try {
        const result = await this.db.transaction((tx) => fn({ tx, afterCommit: (f) => void after.push(f) }));
        for (const f of after) this.track(f);
        return result;
      } catch (error) {
        if (!isTransactionConflict(error) || attempt >= 3) throw error;
        this.conflicts.inc();
        this.log.warn('transaction lost a deadlock; running it again', { error, attempt });
      }
    }
  }

  /** Effects started and not yet finished. */
  get effectsInFlight(): number {
    return this.inFlight.size;
  }

  /** Resolves when fewer than `limit` effects are in flight (workers' backpressure). */
  async belowInFlight(limit: number): Promise<void> {
    // Woken by the effect that frees a slot (a Promise.race over every effect in flight, per
    // wait, attached a reaction to each of them: quadratic at a thousand in flight).
    while (this.inFlight.size >= limit) await new Promise<void>((resolve) => this.roomWaiters.push({ limit, resolve }));
  }

  /** Waits for every effect started so far (graceful shutdown, tests). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.allSettled([...this.inFlight]);
  }

  async create<M extends AnyStateMachine>(
    unit: Unit,
    def: MachineDefinition<M>,
    item: { id: string; tenantId: string; input?: InputFrom<M>; columns?: Record<string, unknown> },
  ): Promise<Transitioned<M>> {
    const step = startStep(def.machine, item.input, this.clock.now());
    const to = stateOf<M>(step.snapshot);
    const extra = { ...(item.columns ?? {}), ...(def.project?.(step.snapshot, earliest(step.timers)) ?? {}) };
    if (def.table === 'machine_instances') extra.machine = def.name;
    const names = Object.keys(extra);
    for (const n of names) if (!IDENT.test(n)) throw new Error(`column "${n}" is not a plain SQL identifier`);
    const base = ['id', 'tenant_id', 'state', 'snapshot', 'version', 'timers', 'due_at'];
    const values: unknown[] = [
      item.id,
      item.tenantId,
      to,
      JSON.stringify(step.snapshot),
      0,
      JSON.stringify(step.timers),
      earliest(step.timers),
      ...names.map((n) => encode(extra[n], def.columns?.[n])),
    ];
    const casts = [
      '',
      '',
      '',
      '::jsonb',
      '',
      '::jsonb',
      '::timestamptz',
      ...names.map((n) => castFor(def.columns?.[n])),
    ];
    await unit.tx.query(
      `insert into ${def.table} (${[...base, ...names].join(', ')}) values (${values.map((_, i) => `$${i + 1}${casts[i]}`).join(', ')})`,
      values,
    );
    await this.journal(unit.tx, def, [
      { id: item.id, tenantId: item.tenantId, from: null, event: { type: 'xstate.init' }, to },
    ]);
    this.schedule(unit, def, [{ id: item.id, tenantId: item.tenantId, step }]);
    return { id: item.id, from: null, to, snapshot: step.snapshot, changed: true };
  }

  /**
   * Sends events to instances of one machine in one round trip per phase. Rows changed by a
   * concurrent transaction are reloaded and recomputed, so no update is lost.
   * `tenantId` restricts the lookup; ids of another tenant are reported as missing.
   */
  async send<M extends AnyStateMachine>(
    unit: Unit,
    def: MachineDefinition<M>,
    items: ReadonlyArray<{ id: string; event: EventFrom<M> }>,
    options: { tenantId?: string; maxRetries?: number } = {},
  ): Promise<Map<string, Transitioned<M>>> {
    const results = new Map<string, Transitioned<M>>();
    let pending: Array<{ id: string; event: EventObject }> = [...items];
    for (let round = 0; pending.length > 0; round++) {
      if (round > (options.maxRetries ?? 8))
        throw new ConcurrencyError(`${def.name}: gave up after ${round} conflicting rounds`);
      const rows = await this.load(unit.tx, def, [...new Set(pending.map((p) => p.id))], options.tenantId);
      pending = await this.apply(unit, def, rows, pending, results, false);
    }
    return results;
  }

  /**
   * Which of these definitions have a timer due now, in one round trip (workers look before
   * opening a claiming transaction per definition).
   */
  async withDueTimers(defs: readonly MachineDefinition[]): Promise<MachineDefinition[]> {
    if (defs.length === 0) return [];
    const params: unknown[] = [new Date(this.clock.now()).toISOString()];
    const checks = defs.map((def, i) => {
      let filter = '';
      if (def.table === 'machine_instances') {
        params.push(def.name);
        filter = ` and machine = $${params.length}`;
      }
      // The earliest timer, read from the due_at index whatever the statistics say. As
      // `exists (… where due_at <= $1)`, the planner took a sequential scan whenever its
      // statistics were taken during a burst (most rows due, then): 7 ms a check on 30,000
      // deliveries, none of them due, against 0.06 ms.
      return `select ${i} as i where (select due_at from ${def.table} where due_at is not null${filter} order by due_at limit 1) <= $1::timestamptz`;
    });
    const rows = await this.db.query<{ i: number }>(checks.join(' union all '), params);
    const due = new Set(rows.map((r) => Number(r.i)));
    return defs.filter((_, i) => due.has(i));
  }

  /**
   * Fires timers that are due: claims up to `limit` rows with FOR UPDATE SKIP LOCKED (so
   * several workers share the work), feeds each its due events, commits. Returns how many
   * rows it advanced.
   */
  async fireDue<M extends AnyStateMachine>(def: MachineDefinition<M>, limit: number): Promise<number> {
    const now = new Date(this.clock.now()).toISOString();
    return this.transaction(async (unit) => {
      const params: unknown[] = [now, limit];
      let where = 'due_at <= $1::timestamptz';
      if (def.table === 'machine_instances') where += ` and machine = $${params.push(def.name)}`;
      const rows = await unit.tx.query<Loaded<M> & Record<string, unknown>>(
        `select id, tenant_id, snapshot, version, timers from ${def.table}
          where ${where}
          order by due_at limit $2 for no key update skip locked`,
        params,
      );
      if (rows.length === 0) return 0;
      const items: Array<{ id: string; event: EventObject }> = [];
      for (const row of rows) {
        for (const t of [...row.timers].sort((a, b) => a.due_at.localeCompare(b.due_at))) {
          if (t.due_at <= now) items.push({ id: row.id, event: { ...t.event, __timer: t.id } as EventObject });
        }
      }
      const results = new Map<string, Transitioned<M>>();
      let pending = items;
      let loaded: Loaded<M>[] = rows;
      while (pending.length) {
        // The rows are locked already (FOR UPDATE SKIP LOCKED above).
        pending = await this.apply(unit, def, loaded, pending, results, true);
        if (pending.length) loaded = await this.load(unit.tx, def, [...new Set(pending.map((p) => p.id))]);
      }
      return rows.length;
    });
  }

  private async load<M extends AnyStateMachine>(
    tx: Queryable,
    def: MachineDefinition<M>,
    ids: string[],
    tenantId?: string,
  ): Promise<Loaded<M>[]> {
    const params: unknown[] = [ids];
    let where = 'id = any($1::text[])';
    if (tenantId !== undefined) {
      params.push(tenantId);
      where += ' and tenant_id = $2';
    }
    return tx.query<Loaded<M> & Record<string, unknown>>(
      `select id, tenant_id, snapshot, version, timers from ${def.table} where ${where}`,
      params,
    );
  }

  /** Computes and persists; returns the items whose row changed underneath (to retry). */
  private async apply<M extends AnyStateMachine>(
    unit: Unit,
    def: MachineDefinition<M>,
    rows: Loaded<M>[],
    items: ReadonlyArray<{ id: string; event: EventObject }>,
    results: Map<string, Transitioned<M>>,
    locked: boolean,
  ): Promise<Array<{ id: string; event: EventObject }>> {
    const byId = new Map(rows.map((r) => [r.id, r]));
    const now = this.clock.now();
    type Work = {
      row: Loaded<M>;
      from: StateName<M>;
      snapshot: Persisted<ContextFrom<M>>;
      timers: Timer[];
      effects: Effect[];
      events: Array<{ event: EventObject; to: StateName<M> }>;
      items: Array<{ id: string; event: EventObject }>;
    };
    const work = new Map<string, Work>();
    // The rows of a batch are often alike (the deliveries of one event are claimed from the
    // same snapshot and timers, and their successes recorded with the same event): the pure
    // step is computed once per distinct (snapshot, timers, event) and shared, read-only.
    // XState's step costs 13 µs, the key 0.7 µs.
    const steps = new Map<string, Step<ContextFrom<M>>>();
    const stepOnce = (
      snapshot: Persisted<ContextFrom<M>>,
      timers: Timer[],
      event: EventObject,
    ): Step<ContextFrom<M>> => {
      const key = JSON.stringify([snapshot, timers, event]);
      let step = steps.get(key);
      if (!step) steps.set(key, (step = nextStep(def.machine, snapshot, timers, event, now)));
      return step;
    };
    for (const item of items) {
      const row = byId.get(item.id);
      if (!row) continue; // missing (or another tenant's): absent from results
      let w = work.get(item.id);
      if (!w) {
        w = {
          row,
          from: stateOf<M>(row.snapshot),
          snapshot: row.snapshot,
          timers: row.timers,
          effects: [],
          events: [],
          items: [],
        };
        work.set(item.id, w);
      }
      w.items.push(item);
      const { __timer, ...event } = item.event as EventObject & { __timer?: string };
      let timers = w.timers;
      if (__timer !== undefined) {
        // A fired timer is consumed whether or not the machine still reacts to it.
        if (!timers.some((t) => t.id === __timer)) continue;
        timers = timers.filter((t) => t.id !== __timer);
      }
      const step = stepOnce(w.snapshot, timers, event);
      w.timers = step.timers;
      if (!step.changed) continue;
      w.snapshot = step.snapshot;
      w.effects.push(...step.effects);
      w.events.push({ event, to: stateOf<M>(step.snapshot) });
    }
    const changed = [...work.values()].filter((w) => w.events.length > 0 || w.timers !== w.row.timers);
    const changedSet = new Set(changed);
    for (const w of work.values()) {
      if (!changedSet.has(w))
        results.set(w.row.id, { id: w.row.id, from: w.from, to: w.from, snapshot: w.snapshot, changed: false });
    }
    if (changed.length === 0) return [];

    const columns = def.columns ?? {};
    // Only the columns project() mirrors are rewritten; the others were set at creation.
    const extraNames = Object.keys(def.project?.(changed[0]!.snapshot, earliest(changed[0]!.timers)) ?? {}).filter(
      (n) => n in columns,
    );
    const records = changed.map((w) => {
      const dueAt = earliest(w.timers);
      const projected = def.project?.(w.snapshot, dueAt) ?? {};
      const rec: Record<string, unknown> = {
        id: w.row.id,
        version: w.row.version,
        state: stateName(w.snapshot.value),
        snapshot: w.snapshot,
        timers: w.timers,
        due_at: dueAt,
      };
      for (const n of extraNames) rec[n] = projected[n] ?? null;
      return rec;
    });
    const recordType = [
      'id text',
      'version integer',
      'state text',
      'snapshot jsonb',
      'timers jsonb',
      'due_at timestamptz',
      ...extraNames.map((n) => `${n} ${columns[n]}`),
    ].join(', ');
    const sets = [
      'state = v.state',
      'snapshot = v.snapshot',
      'timers = v.timers',
      'due_at = v.due_at',
      'version = t.version + 1',
      'updated_at = now()',
      ...extraNames.map((n) => `${n} = v.${n}`),
    ];
    const ids = records.map((r) => r.id);
    // Rows are locked in id order first, so concurrent batches over overlapping rows queue
    // instead of deadlocking. (A separate statement: joined to the update as a CTE, the locked
    // set was rescanned once per row, 130 ms for 500 rows.) NO KEY UPDATE, the lock an update
    // of non-key columns takes anyway: FOR UPDATE would also wait on the KEY SHARE locks that
    // inserts referencing these rows take, in whatever order they insert (a publish writing
    // deliveries for subscriptions), and deadlock with them.
    if (!locked)
      await unit.tx.query(`select id from ${def.table} where id = any($1::text[]) order by id for no key update`, [
        ids,
      ]);
    const updated = await unit.tx.query<{ id: string }>(
      // The id array lets the planner use the primary key (it cannot estimate the recordset).
      `update ${def.table} as t set ${sets.join(', ')}
         from jsonb_to_recordset($1::jsonb) as v(${recordType})
        where t.id = any($2::text[]) and t.id = v.id and t.version = v.version
        returning t.id`,
      [JSON.stringify(records), ids],
    );
    const ok = new Set(updated.map((u) => u.id));
    const retry: Array<{ id: string; event: EventObject }> = [];
    const committed: Work[] = [];
    for (const w of changed) {
      if (ok.has(w.row.id)) committed.push(w);
      else retry.push(...w.items);
    }
    await this.journal(
      unit.tx,
      def,
      committed.flatMap((w) => {
        let from = w.from;
        return w.events.map((e) => {
          const entry = { id: w.row.id, tenantId: w.row.tenant_id, from, event: e.event, to: e.to };
          from = e.to;
          return entry;
        });
      }),
    );
    for (const w of committed) {
      results.set(w.row.id, {
        id: w.row.id,
        from: w.from,
        to: stateOf<M>(w.snapshot),
        snapshot: w.snapshot,
        changed: true,
      });
    }
    this.schedule(
      unit,
      def,
      committed.map((w) => ({
        id: w.row.id,
        tenantId: w.row.tenant_id,
        step: { snapshot: w.snapshot, effects: w.effects, timers: w.timers, changed: true },
      })),
    );
    return retry;
  }

  private async journal(
    tx: Queryable,
    def: MachineDefinition,
    entries: Array<{ id: string; tenantId: string; from: string | null; event: EventObject; to: string }>,
  ) {
    if (entries.length === 0) return;
    const at = new Date(this.clock.now()).toISOString();
    await tx.query(
      `insert into machine_journal (machine, instance_id, tenant_id, from_state, event_type, event, to_state, at)
       select $2, j.id, j.tenant_id, j.from_state, j.event->>'type', j.event, j.to_state, $3::timestamptz
         from jsonb_to_recordset($1::jsonb) as j(id text, tenant_id text, from_state text, event jsonb, to_state text)`,
      [
        JSON.stringify(
          entries.map((e) => ({ id: e.id, tenant_id: e.tenantId, from_state: e.from, event: e.event, to_state: e.to })),
        ),
        def.name,
        at,
      ],
    );
    this.transitions.inc({ machine: def.name }, entries.length);
  }

  private schedule<M extends AnyStateMachine>(
    unit: Unit,
    def: MachineDefinition<M>,
    steps: Array<{ id: string; tenantId: string; step: Step<ContextFrom<M>> }>,
  ) {
    for (const { id, tenantId, step } of steps) {
      for (const effect of step.effects) {
        const handler = def.effects[effect.type];
        if (!handler) throw new Error(`${def.name}: no effect handler for ${effect.type}`);
        const on: EffectContext<M> = {
          machine: def.name,
          instanceId: id,
          tenantId,
          context: step.snapshot.context,
          state: stateOf<M>(step.snapshot),
        };
        unit.afterCommit(() => handler(effect, on));
      }
    }
  }

  private track(fn: () => void | Promise<void>): void {
    const p = (async () => {
      try {
        await fn();
      } catch (error) {
        this.effectFailures.inc();
        this.log.error('machine effect failed', { error });
      }
    })();
    this.inFlight.add(p);
    void p.finally(() => {
      this.inFlight.delete(p);
      if (this.roomWaiters.length === 0) return;
      const waiting = this.roomWaiters;
      this.roomWaiters = [];
      for (const w of waiting) {
        if (this.inFlight.size < w.limit) w.resolve();
        else this.roomWaiters.push(w);
      }
    });
  }
}

function encode(value: unknown, type?: SqlType): unknown {
  if (value === undefined) return null;
  if (type === 'text[]') return value;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

function castFor(type: SqlType | undefined): string {
  return type ? `::${type}` : '';
}

function isAssign(machine: AnyStateMachine, name: string): boolean {
  const impl = (machine.implementations as { actions: Record<string, { type?: string }> }).actions[name];
  return typeof impl === 'function' && (impl as { type?: string }).type === 'xstate.assign';
}
