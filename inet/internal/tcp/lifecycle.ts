/**
 * The lifecycle of a gen_tcp port, as one xstate machine (DESIGN §5).
 *
 *   open ──LISTEN──▶ listening ─────────────────────────────────────────┐
 *    │ ──CONNECT──▶ connecting ──CONNECTED──▶ connected                 │
 *    │ ──ACCEPTED───────────────────────────▶ connected                 │
 *    │                                         │  SHUTDOWN_WRITE ──▶ write_closed
 *    │                                         │  PEER_EOF ────────▶ read_closed
 *    │                                         │  (either half, then the other) ─▶ shut
 *    └─────────────── CLOSE (close/1, owner death, reset, peer close
 *                      with exit_on_close, a failed connect) ─────────────▶ closed
 *
 * The machine is the one description of which event is legal in which state.
 * The port does not run an actor: the machine is compiled to a table at load
 * (inet/internal/lifecycle.ts), and a port keeps only its state name, so
 * 10,000 idle sockets carry a string each and nothing runs per packet. The model-based test (test/inet/tcp-lifecycle.test.ts) walks the
 * same machine's paths against real sockets.
 */
import { createMachine } from 'xstate';
import { compileLifecycle } from '../lifecycle.js';

/** Every lifecycle event. CLOSE is legal everywhere but in `closed`. */
export type TcpEvent =
  'LISTEN' | 'CONNECT' | 'CONNECTED' | 'ACCEPTED' | 'SHUTDOWN_WRITE' | 'PEER_EOF' | 'CLOSE';

export type TcpState =
  'open' | 'listening' | 'connecting' | 'connected' | 'write_closed' | 'read_closed' | 'shut' | 'closed';

const close = { CLOSE: 'closed' } as const;

/** The machine itself, for the model-based test and for the table below. */
export const tcpLifecycle = createMachine({
  id: 'tcp',
  initial: 'open',
  types: {} as { events: { type: TcpEvent } },
  states: {
    open: { on: { LISTEN: 'listening', CONNECT: 'connecting', ACCEPTED: 'connected', ...close } },
    listening: { on: close },
    connecting: { on: { CONNECTED: 'connected', ...close } },
    connected: { on: { SHUTDOWN_WRITE: 'write_closed', PEER_EOF: 'read_closed', ...close } },
    write_closed: { on: { PEER_EOF: 'shut', ...close } },
    read_closed: { on: { SHUTDOWN_WRITE: 'shut', ...close } },
    shut: { on: close },
    closed: { type: 'final' },
  },
});

/** Every event of the machine, for the table below and for tests that walk it. */
export const tcpEvents: readonly TcpEvent[] = [
  'LISTEN',
  'CONNECT',
  'CONNECTED',
  'ACCEPTED',
  'SHUTDOWN_WRITE',
  'PEER_EOF',
  'CLOSE',
];

/** The machine compiled to a table, as ports move by it. */
export const tcpLifecycleTable = compileLifecycle<TcpState, TcpEvent>(tcpLifecycle, tcpEvents);
const compiled = tcpLifecycleTable;

/** The state a fresh port starts in. */
export const initialTcpState: TcpState = compiled.initial;

/**
 * The state after `event`, or `undefined` when the machine does not allow it.
 * @param state - the port's state now
 * @param event - what happened
 * @returns the next state, or undefined for an illegal event
 * @example
 * nextTcpState('connected', 'SHUTDOWN_WRITE'); // 'write_closed'
 * nextTcpState('closed', 'CLOSE'); // undefined
 */
export const nextTcpState: (state: TcpState, event: TcpEvent) => TcpState | undefined = compiled.next;

/** Whether a port in `state` may still read from its peer. */
export function canRead(state: TcpState): boolean {
  return state === 'connected' || state === 'write_closed';
}

/** Whether a port in `state` may still write to its peer. */
export function canWrite(state: TcpState): boolean {
  return state === 'connected' || state === 'read_closed';
}
