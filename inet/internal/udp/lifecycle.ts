/**
 * The lifecycle of a gen_udp port, as one xstate machine (DESIGN §5):
 *
 *   open ──CONNECT──▶ connected ──CONNECT──▶ connected   (connect/3 again picks another peer)
 *    ▲                   │
 *    └── DISCONNECT ─────┘   (connect to port 0: Linux leaves the socket without a peer)
 *   open, connected ── CLOSE (close/1, owner death) ──▶ closed
 *
 * gen_udp:open/2 binds before the port exists, so a port starts bound (`open`). Compiled to a
 * table at load, as the TCP machine is: a port keeps only its state's name.
 */
import { createMachine } from 'xstate';
import { compileLifecycle, type Lifecycle } from '../lifecycle.js';

export type UdpEvent = 'CONNECT' | 'DISCONNECT' | 'CLOSE';
export type UdpState = 'open' | 'connected' | 'closed';

/** The machine itself, for the model-based test and for the table below. */
export const udpLifecycle = createMachine({
  id: 'udp',
  initial: 'open',
  types: {} as { events: { type: UdpEvent } },
  states: {
    open: { on: { CONNECT: 'connected', CLOSE: 'closed' } },
    connected: { on: { CONNECT: 'connected', DISCONNECT: 'open', CLOSE: 'closed' } },
    closed: { type: 'final' },
  },
});

/** Every event of the machine. */
export const udpEvents: readonly UdpEvent[] = ['CONNECT', 'DISCONNECT', 'CLOSE'];

/** The machine compiled to a table, as ports move by it. */
export const udpLifecycleTable: Lifecycle<UdpState, UdpEvent> = compileLifecycle<UdpState, UdpEvent>(
  udpLifecycle,
  udpEvents,
);
