/**
 * What code outside the runtime may do with processes: the interface the inet driver (inet/,
 * gen_tcp/) and the socket module (socket/) are written against, as erl_driver.h is the one
 * inet_drv is written against in ERTS. Everything else about a process (its mailbox, its wait,
 * its links) is the runtime's own; scripts/check-deps.mjs keeps library code outside runtime/
 * from importing any other runtime internal.
 *
 * - The caller: {@link caller} is the process calling in (a dead one is unwound).
 * - Messages: {@link deliver} hands a message to a process (driver_send_term); {@link
 *   takeMessages} removes queued ones (controlling_process moving a port's messages, close/1).
 * - Ownership: a process `own`s resources (ports, sockets) that are released when it dies.
 * - Blocking calls: a {@link Waiter} is a caller blocked in a call (accept, recv, send), settled
 *   by the resource, timed on the clock, unwound when the caller dies.
 * - Monitors of resources: a {@link MonitorSet} per port or socket.
 * - Time: every timer through {@link getClock}.
 * - Ports: an open port is entered in the port table ({@link enterPort}) that erlang:ports/0 lists.
 */
import {
  Process,
  type OwnedResource,
  type ProcessHandle,
  liveSelf,
  processBehind,
  processOf,
} from './process.js';
import type { Pid, Port } from './terms.js';

export type { OwnedResource, ProcessHandle };
export { Waiter, settleAll, settleFor } from './waiter.js';
export { MonitorSet, cancelMonitor } from './monitor-set.js';
export { getClock, type Clock, type TimerHandle } from './clock.js';
export { ioGate, gated, type IoGate } from './sim-hooks.js';
export { budgeted } from './scheduler.js';
export { enterPort, leavePort, type DriverPort } from './ports.js';
export { describe } from './errors.js';
export { toList, formatTerm, isList } from './terms.js';
export { PacketDecoder, type Packet } from './packet/index.js';

/**
 * The process calling in: the running process, or the shell outside any.
 * @returns its handle
 * @throws ProcessExited when the caller has exited (its code is unwound, as at any runtime call)
 */
export function caller(): ProcessHandle {
  return liveSelf();
}

/**
 * The live process behind `pid`.
 * @returns its handle, or null when it has exited
 */
export function processFor(pid: Pid): ProcessHandle | null {
  return processOf(pid);
}

/**
 * Hands `msg` to `proc`, as `Pid ! Msg` does: to its waiting receive, or to its queue.
 * @param proc - a process (a dead one ignores it)
 * @param msg - any term
 */
export function deliver(proc: ProcessHandle, msg: unknown): void {
  processBehind(proc).offer(msg);
}

/**
 * Sends `proc` the exit signal of a port linked to it, as a port's link does when the port
 * closes: `{'EXIT', Port, Reason}` to a process that traps exits; a reason other than `normal`
 * kills one that does not.
 * @param proc - the port's owner
 * @param port - the port
 * @param reason - why it closed
 */
export function portExit(proc: ProcessHandle, port: Port, reason: unknown): void {
  Process.signal(processBehind(proc), port as unknown as Pid, reason, true);
}

/**
 * Removes the messages of `proc`'s queue that `pred` accepts, oldest first.
 * @param limit - at most this many
 * @returns the removed messages, in order
 */
export function takeMessages(
  proc: ProcessHandle,
  pred: (msg: unknown) => boolean,
  limit = Infinity,
): unknown[] {
  return processBehind(proc).takeMessages(pred, limit);
}
