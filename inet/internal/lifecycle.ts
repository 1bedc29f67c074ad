/**
 * Lifecycles as xstate machines compiled to tables (DESIGN §5, STYLE.md): a port or socket
 * keeps only its state's name, and moving it on is one table lookup, so nothing of xstate runs
 * per packet. The machine itself stays the one description of which event is legal in which
 * state: the code moves by it, and the model-based tests walk its paths on real sockets.
 */
import { getInitialSnapshot, getNextSnapshot, type AnyStateMachine } from 'xstate';

/** A machine compiled to a table. */
export interface Lifecycle<S extends string, E extends string> {
  /** The machine, for the model-based tests. */
  readonly machine: AnyStateMachine;
  /** Every event, in the order tests walk them. */
  readonly events: readonly E[];
  /** The state a fresh port or socket starts in. */
  readonly initial: S;
  /**
   * The state after `event`, or `undefined` when the machine does not allow it.
   * @example
   * tcpLifecycle.next('connected', 'SHUTDOWN_WRITE'); // 'write_closed'
   */
  next(this: void, state: S, event: E): S | undefined;
}

/**
 * Runs every (state, event) pair of `machine` through xstate once, at load.
 * @param machine - a flat machine whose states are `S` and whose events are `{type: E}`
 * @param events - every event type of the machine
 */
export function compileLifecycle<S extends string, E extends string>(
  machine: AnyStateMachine,
  events: readonly E[],
): Lifecycle<S, E> {
  const table = new Map<S, Map<E, S>>();
  for (const state of Object.keys(machine.config.states ?? {}) as S[]) {
    const row = new Map<E, S>();
    const from = machine.resolveState({ value: state, context: undefined });
    for (const type of events) {
      // can(): a transition the machine has, a self-transition included.
      if (from.can({ type })) row.set(type, getNextSnapshot(machine, from, { type }).value as S);
    }
    table.set(state, row);
  }
  return {
    machine,
    events,
    initial: getInitialSnapshot(machine).value as S,
    next: (state, event) => table.get(state)?.get(event),
  };
}
