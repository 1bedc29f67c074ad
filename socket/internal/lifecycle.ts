/**
 * The lifecycle of a socket of the socket module, one xstate machine per kind (DESIGN §5),
 * compiled to tables at load (inet/internal/lifecycle.ts): a socket keeps only its state's
 * name, and the calls ask the table which of them the state allows.
 *
 * A stream socket:
 *
 *   open ──BIND──▶ bound ──LISTEN──▶ listening ⟲ LISTEN (a new backlog)
 *    │ ──LISTEN (binds any address first) ─────▲
 *    │ ──CONNECT──▶ connecting ──CONNECTED──▶ connected
 *    │                   └──CONNECT_FAILED──▶ open
 *    │ ──ADOPTED (made by accept, or from a connected descriptor) ──▶ connected
 *   bound ──CONNECT──▶ connecting
 *   any but closed ──CLOSE (close/1, the owner's death) ──▶ closed
 *
 * A datagram socket:
 *
 *   open ──BIND──▶ bound ──CONNECT──▶ connected ⟲ CONNECT (another peer)
 *    │ ──CONNECT (binds any address first) ───▲
 *   any but closed ──CLOSE──▶ closed
 *
 * The model-based test (test/socket/lifecycle.test.ts) walks every simple path of both
 * machines on real sockets.
 */
import { createMachine } from 'xstate';
import { compileLifecycle, type Lifecycle } from '../../inet/internal/lifecycle.js';

export type { Lifecycle };

/** A stream socket's states. */
export type StreamState = 'open' | 'bound' | 'listening' | 'connecting' | 'connected' | 'closed';
export type StreamEvent =
  'BIND' | 'LISTEN' | 'CONNECT' | 'CONNECTED' | 'CONNECT_FAILED' | 'ADOPTED' | 'CLOSE';

/** A datagram socket's states. */
export type DgramState = 'open' | 'bound' | 'connected' | 'closed';
export type DgramEvent = 'BIND' | 'CONNECT' | 'CLOSE';

export type SocketState = StreamState | DgramState;
export type SocketEvent = StreamEvent | DgramEvent;

const close = { CLOSE: 'closed' } as const;

/** The stream socket's machine. */
export const streamMachine = createMachine({
  id: 'socket_stream',
  initial: 'open',
  types: {} as { events: { type: StreamEvent } },
  states: {
    open: {
      on: { BIND: 'bound', LISTEN: 'listening', CONNECT: 'connecting', ADOPTED: 'connected', ...close },
    },
    bound: { on: { LISTEN: 'listening', CONNECT: 'connecting', ...close } },
    listening: { on: { LISTEN: 'listening', ...close } },
    connecting: { on: { CONNECTED: 'connected', CONNECT_FAILED: 'open', ...close } },
    connected: { on: close },
    closed: { type: 'final' },
  },
});

/** The datagram socket's machine. */
export const dgramMachine = createMachine({
  id: 'socket_dgram',
  initial: 'open',
  types: {} as { events: { type: DgramEvent } },
  states: {
    open: { on: { BIND: 'bound', CONNECT: 'connected', ...close } },
    bound: { on: { CONNECT: 'connected', ...close } },
    connected: { on: { CONNECT: 'connected', ...close } },
    closed: { type: 'final' },
  },
});

/** The stream lifecycle, compiled. */
export const streamLifecycle: Lifecycle<StreamState, StreamEvent> = compileLifecycle(streamMachine, [
  'BIND',
  'LISTEN',
  'CONNECT',
  'CONNECTED',
  'CONNECT_FAILED',
  'ADOPTED',
  'CLOSE',
]);

/** The datagram lifecycle, compiled. */
export const dgramLifecycle: Lifecycle<DgramState, DgramEvent> = compileLifecycle(dgramMachine, [
  'BIND',
  'CONNECT',
  'CLOSE',
]);
