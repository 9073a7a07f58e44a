// A machine definition as the studio draws it: states (nested and parallel) with their
// transitions, guards, named delays and effects — read from the XState definition itself, so
// the drawing cannot drift from the code.
import type { AnyStateMachine } from 'xstate';

export interface TransitionModel {
  event: string;
  /** "after <delay>" for delayed transitions. */
  label: string;
  guard: string | null;
  delay: string | null;
  targets: string[];
  actions: string[];
}

export interface StateModel {
  id: string;
  key: string;
  path: string[];
  type: 'atomic' | 'compound' | 'parallel' | 'final' | 'history';
  initial: string | null;
  entry: string[];
  exit: string[];
  children: StateModel[];
  transitions: TransitionModel[];
}

interface NodeLike {
  id: string;
  key: string;
  path: string[];
  type: StateModel['type'];
  states: Record<string, NodeLike>;
  initial?: { target: Array<{ path: string[] }> };
  entry: unknown[];
  exit: unknown[];
  transitions: Map<string, Array<{ guard?: unknown; target?: Array<{ path: string[] }>; actions: unknown[] }>>;
  after: Array<{ eventType: string; delay?: unknown }>;
}

function actionName(a: unknown): string | null {
  if (typeof a === 'string') return a;
  if (a && typeof a === 'object' && 'type' in a && typeof (a as { type: unknown }).type === 'string')
    return (a as { type: string }).type;
  if (typeof a === 'function' && 'type' in a) return String((a as { type: unknown }).type); // assign(), raise() …
  return null;
}

const visibleAction = (name: string | null): name is string => name !== null && !name.startsWith('xstate.');

function guardName(g: unknown): string | null {
  if (!g) return null;
  if (typeof g === 'string') return g;
  if (typeof g === 'object' && 'type' in g) return String((g as { type: unknown }).type);
  return 'guard';
}

function toModel(node: NodeLike): StateModel {
  const delays = new Map(
    node.after.map((a) => [
      a.eventType,
      typeof a.delay === 'string' ? a.delay : typeof a.delay === 'number' ? `${a.delay} ms` : 'delay',
    ]),
  );
  const transitions: TransitionModel[] = [];
  for (const [event, list] of node.transitions) {
    for (const t of list) {
      const delay = delays.get(event) ?? null;
      transitions.push({
        event,
        label: delay ? `after ${delay}` : event,
        guard: guardName(t.guard),
        delay,
        targets: (t.target ?? []).map((x) => x.path.join('.')),
        actions: t.actions.map(actionName).filter(visibleAction),
      });
    }
  }
  return {
    id: node.id,
    key: node.key,
    path: node.path,
    type: node.type,
    initial: node.initial?.target[0]?.path.join('.') ?? null,
    entry: node.entry.map(actionName).filter(visibleAction),
    exit: node.exit.map(actionName).filter(visibleAction),
    children: Object.values(node.states).map(toModel),
    transitions,
  };
}

export function machineModel(machine: AnyStateMachine): StateModel {
  return toModel(machine.root as unknown as NodeLike);
}

/** Every state node below the root, depth first. */
export function allStates(model: StateModel): StateModel[] {
  return model.children.flatMap((c) => [c, ...allStates(c)]);
}

/** Delays and guards the machine names (for the legend and the retry schedule). */
export function namedParts(machine: AnyStateMachine): { delays: string[]; guards: string[]; actions: string[] } {
  const impl = machine.implementations as {
    delays?: Record<string, unknown>;
    guards?: Record<string, unknown>;
    actions?: Record<string, unknown>;
  };
  return {
    delays: Object.keys(impl.delays ?? {}),
    guards: Object.keys(impl.guards ?? {}),
    actions: Object.keys(impl.actions ?? {}),
  };
}

export interface RetrySchedule {
  /** The named delay that waits between attempts. */
  delay: string;
  /** Delay before each attempt, in ms; element 0 is the first attempt. */
  attempts_ms: number[];
  jitter_ratio: number | null;
}

/**
 * The retry schedule a machine runs with by default: a `schedule` of delays in its initial
 * context, as the delivery machine has. Machines whose context is built from required input
 * (an authorization session needs its client) have no defaults, hence no schedule.
 */
export function retrySchedule(machine: AnyStateMachine): RetrySchedule | null {
  const { delays } = namedParts(machine);
  // The context factory alone, called without input (not the whole initial transition: that
  // runs entry actions, and it never returned for one machine with many delayed transitions).
  const factory = (machine.config as { context?: unknown }).context;
  let context: Record<string, unknown> | undefined;
  try {
    context = (typeof factory === 'function' ? factory({ input: undefined }) : factory) as
      | Record<string, unknown>
      | undefined;
  } catch (error) {
    if (error instanceof TypeError) return null; // reading a field of the missing input
    throw error;
  }
  const schedule = context?.schedule;
  if (!Array.isArray(schedule) || !schedule.every((n) => typeof n === 'number')) return null;
  return {
    delay: delays.includes('backoff') ? 'backoff' : (delays[0] ?? 'delay'),
    attempts_ms: schedule,
    jitter_ratio: typeof context?.jitterRatio === 'number' ? context.jitterRatio : null,
  };
}

/** 0 → "at once", 5000 → "5 s", 300000 → "5 min", 7200000 → "2 h". */
export function humanDelay(ms: number): string {
  if (ms === 0) return 'at once';
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms % 1_000 === 0) return `${ms / 1_000} s`;
  return `${ms} ms`;
}
