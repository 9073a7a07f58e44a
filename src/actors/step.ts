// Pure part of the runtime: one persisted snapshot + one event → the next snapshot, its
// timers and the effects to run after commit. No I/O here. Typed by the machine: a step of
// machine M takes M's events and yields M's context and state names.
import {
  createActor,
  initialTransition,
  type AnyActorScope,
  type AnyStateMachine,
  type ContextFrom,
  type EventFrom,
  type EventObject,
  type InputFrom,
  type StateValue,
  type StateValueFrom,
} from 'xstate';

/** A delayed event of the machine (XState's `after`, or a delayed raise), persisted with the row. */
export interface Timer {
  id: string;
  event: EventObject;
  due_at: string;
}
export interface Effect {
  type: string;
  params: Record<string, unknown>;
}
export interface Persisted<C = Record<string, unknown>> {
  value: StateValue;
  context: C;
  status: string;
}

/**
 * A machine's state names as the runtime writes them: the union of its states for a flat
 * machine ("queued" | "sending" | …); for a compound or parallel one, the dotted and
 * comma-joined form of stateName() ("health.active,secret.single"), typed as a string.
 */
export type StateName<M extends AnyStateMachine> = [StateValueFrom<M>] extends [string] ? StateValueFrom<M> : string;

/** What a step of M accepts: M's own events, or the event one of its timers raised. */
export type StepEvent<M extends AnyStateMachine> = EventFrom<M> | Timer['event'];

export interface Step<C = Record<string, unknown>> {
  snapshot: Persisted<C>;
  timers: Timer[];
  effects: Effect[];
  changed: boolean;
}

/** "sending", or "health.active,secret.single" for compound and parallel states. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  const parts: string[] = [];
  for (const [key, child] of Object.entries(value)) {
    if (child === undefined) continue;
    const inner = stateName(child);
    parts.push(...inner.split(',').map((p) => `${key}.${p}`));
  }
  return parts.join(',');
}

/** The state name of a snapshot of M (the one place a name is read as M's). */
export function stateOf<M extends AnyStateMachine>(snapshot: Pick<Persisted, 'value'>): StateName<M> {
  return stateName(snapshot.value) as StateName<M>;
}

function applyActions(
  timers: Timer[],
  actions: ReadonlyArray<{ type: string; params?: unknown }>,
  now: number,
): { timers: Timer[]; effects: Effect[] } {
  let next = timers;
  const effects: Effect[] = [];
  for (const action of actions) {
    const params = (action.params ?? {}) as Record<string, unknown>;
    if (action.type === 'xstate.raise') {
      if (typeof params.delay !== 'number') throw new Error('an undelayed raise reached the runtime');
      const id = String(params.id);
      next = next.filter((t) => t.id !== id);
      next = [...next, { id, event: params.event as EventObject, due_at: new Date(now + params.delay).toISOString() }];
    } else if (action.type === 'xstate.cancel') {
      next = next.filter((t) => t.id !== params.sendId);
    } else if (action.type.startsWith('xstate.')) {
      throw new Error(`machine action ${action.type} is not supported by the persisted runtime`);
    } else {
      effects.push({ type: action.type, params });
    }
  }
  return { timers: next, effects };
}

// Snapshots are handled as AnyStateMachine's inside (their context is the machine's own);
// the exported functions give them M's types.
type AnySnapshot = ReturnType<AnyStateMachine['resolveState']>;

function persist(snapshot: AnySnapshot): Persisted<AnySnapshot['context']> {
  return { value: snapshot.value, context: snapshot.context, status: snapshot.status };
}

type Action = { type: string; params?: unknown };

// XState's transition() builds a fresh inert actor per call, and the Actor constructor
// computes the machine's whole initial snapshot: 15.5 µs a delivery step against 11.6 µs with
// one inert scope per machine, which does the same job. It is safe to share because the calls
// are synchronous and the persisted runtime supports no child actors (their xstate.* actions
// are refused in applyActions), so nothing registers in its system. Creation is rare and
// uses XState's initialTransition() as it is.
const scopes = new WeakMap<AnyStateMachine, { scope: AnyActorScope; collected: Action[] }>();

function inert(machine: AnyStateMachine): { scope: AnyActorScope; collected: Action[] } {
  let entry = scopes.get(machine);
  if (!entry) {
    const self = createActor(machine);
    const collected: Action[] = [];
    const scope: AnyActorScope = {
      self,
      id: '',
      sessionId: '',
      system: self.system,
      logger: () => {},
      defer: () => {},
      emit: () => {},
      stopChild: () => {},
      actionExecutor: (action) => void collected.push(action),
    };
    scopes.set(machine, (entry = { scope, collected }));
  }
  entry.collected.length = 0;
  return entry;
}

/** XState's transition(logic, snapshot, event), over the machine's one inert scope. */
function transition(machine: AnyStateMachine, snapshot: AnySnapshot, event: EventObject): [AnySnapshot, Action[]] {
  const { scope, collected } = inert(machine);
  const next = machine.transition(snapshot, event, scope);
  return [next, collected.splice(0)];
}

export function startStep<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M> | undefined,
  now: number,
): Step<ContextFrom<M>> {
  const logic: AnyStateMachine = machine;
  const [snapshot, actions] = initialTransition(logic, input);
  const { timers, effects } = applyActions([], actions, now);
  return { snapshot: persist(snapshot), timers, effects, changed: true };
}

export function nextStep<M extends AnyStateMachine>(
  machine: M,
  current: Persisted<ContextFrom<M>>,
  timers: Timer[],
  event: StepEvent<M>,
  now: number,
): Step<ContextFrom<M>> {
  const restored = machine.resolveState({ value: current.value, context: current.context });
  const [snapshot, actions] = transition(machine, restored, event);
  const after = persist(snapshot);
  const changed =
    actions.length > 0 ||
    JSON.stringify(after.value) !== JSON.stringify(current.value) ||
    JSON.stringify(after.context) !== JSON.stringify(current.context);
  const applied = applyActions(timers, actions, now);
  // A finished machine has no future: its pending timers go with it.
  if (!changed) return { snapshot: current, timers, effects: [], changed };
  return { snapshot: after, timers: after.status === 'done' ? [] : applied.timers, effects: applied.effects, changed };
}

export function earliest(timers: Timer[]): string | null {
  if (timers.length === 0) return null;
  // biome-ignore lint/complexity/useMathMinMax: ISO timestamps, compared as strings
  return timers.reduce((min, t) => (t.due_at < min ? t.due_at : min), timers[0]!.due_at);
}
