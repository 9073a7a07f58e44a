// Path-based machine tests: every state reachable through @xstate/graph's shortest paths,
// each path replayed through the runtime's own pure step.
import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { initialTransition, transition, type AnyStateMachine, type EventObject, type StateValue } from 'xstate';
import { stateName } from '../../src/actors/step.ts';

/** Every atomic state of the machine, as the runtime names them ("a", "region.child"). */
export function atomicStates(machine: AnyStateMachine): string[] {
  return getStateNodes(machine.root)
    .filter((n) => n.type === 'atomic' || n.type === 'final')
    .map((n) => n.path.join('.'));
}

export interface PathReport {
  reached: Set<string>;
  paths: Array<{ events: EventObject[]; end: StateValue }>;
}

/** Shortest paths to every distinct state value, with the given events offered everywhere. */
export function explore(machine: AnyStateMachine, events: EventObject[], input?: unknown): PathReport {
  const paths = getShortestPaths(machine, {
    events,
    input,
    serializeState: (snapshot) => JSON.stringify((snapshot as { value: StateValue }).value),
  } as Parameters<typeof getShortestPaths>[1]);
  const reached = new Set<string>();
  const out: PathReport['paths'] = [];
  for (const p of paths) {
    const end = (p.state as { value: StateValue }).value;
    for (const s of stateName(end).split(',')) reached.add(s);
    out.push({ events: p.steps.map((s) => s.event as EventObject).filter((e) => e.type !== 'xstate.init'), end });
  }
  return { reached, paths: out };
}

/** Replays events with the pure API the runtime uses; returns the final value. */
export function replay(machine: AnyStateMachine, events: EventObject[], input?: unknown): StateValue {
  let [snapshot] = initialTransition(machine, input);
  for (const e of events) [snapshot] = transition(machine, snapshot, e);
  return snapshot.value;
}

/** transition() for events outside the machine's declared ones (its fired timers). */
export function fire<M extends AnyStateMachine>(machine: M, snapshot: ReturnType<M['transition']>, event: EventObject) {
  return transition(machine as AnyStateMachine, snapshot, event) as unknown as [
    ReturnType<M['transition']>,
    Array<{ type: string; params?: unknown }>,
  ];
}
