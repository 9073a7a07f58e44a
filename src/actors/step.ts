// Pure part of the runtime: one persisted snapshot + one event → the next snapshot, its
// timers and the effects to run after commit. No I/O here.
import { createActor, type AnyActorScope, type AnyStateMachine, type EventObject, type StateValue } from 'xstate';

export interface Timer { id: string; event: EventObject; due_at: string }
export interface Effect { type: string; params: Record<string, unknown> }
export interface Persisted { value: StateValue; context: Record<string, unknown>; status: string }

export interface Step {
  snapshot: Persisted;
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
    const inner = stateName(child as StateValue);
    parts.push(...inner.split(',').map((p) => `${key}.${p}`));
  }
  return parts.join(',');
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

function persist(snapshot: { value: StateValue; context: unknown; status: string }): Persisted {
  return { value: snapshot.value, context: snapshot.context as Record<string, unknown>, status: snapshot.status };
}

type Action = { type: string; params?: unknown };

// XState's transition() and initialTransition() build a fresh inert actor per call, and the
// Actor constructor computes the machine's whole initial snapshot: that was most of the cost
// of a transition. One inert scope per machine does the same job. It is safe to share
// because the calls are synchronous and the persisted runtime supports no child actors (their
// xstate.* actions are refused in applyActions), so nothing registers in its system.
const scopes = new WeakMap<AnyStateMachine, { scope: AnyActorScope; collected: Action[] }>();

function inert(machine: AnyStateMachine): { scope: AnyActorScope; collected: Action[] } {
  let entry = scopes.get(machine);
  if (!entry) {
    const self = createActor(machine);
    const collected: Action[] = [];
    const scope: AnyActorScope = {
      self, id: '', sessionId: '', system: self.system,
      logger: () => {}, defer: () => {}, emit: () => {}, stopChild: () => {},
      actionExecutor: (action) => void collected.push(action as Action),
    };
    scopes.set(machine, (entry = { scope, collected }));
  }
  entry.collected.length = 0;
  return entry;
}

function pureTransition(machine: AnyStateMachine, snapshot: ReturnType<AnyStateMachine['resolveState']>, event: EventObject): [ReturnType<AnyStateMachine['resolveState']>, Action[]] {
  const { scope, collected } = inert(machine);
  const next = machine.transition(snapshot, event, scope);
  return [next, collected.splice(0)];
}

function pureInitialTransition(machine: AnyStateMachine, input: unknown): [ReturnType<AnyStateMachine['resolveState']>, Action[]] {
  const { scope, collected } = inert(machine);
  const next = machine.getInitialSnapshot(scope, input);
  return [next, collected.splice(0)];
}

export function startStep(machine: AnyStateMachine, input: unknown, now: number): Step {
  const [snapshot, actions] = pureInitialTransition(machine, input);
  const { timers, effects } = applyActions([], actions, now);
  return { snapshot: persist(snapshot), timers, effects, changed: true };
}

export function nextStep(machine: AnyStateMachine, current: Persisted, timers: Timer[], event: EventObject, now: number): Step {
  const restored = machine.resolveState({ value: current.value, context: current.context });
  const [snapshot, actions] = pureTransition(machine, restored, event);
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
  return timers.reduce((min, t) => (t.due_at < min ? t.due_at : min), timers[0].due_at);
}
