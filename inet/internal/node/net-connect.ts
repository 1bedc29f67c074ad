/**
 * Connecting a `net.Socket` for a process: the one place both gen_tcp's connect and the socket
 * module's connect meet Node's. The caller blocks in a {@link Waiter}, so its timeout runs on
 * the runtime's clock and its death abandons the attempt (the half-made socket is destroyed).
 */
import * as net from 'node:net';
import { Waiter, gated, ioGate, type ProcessHandle } from '../../../runtime/internal/driver-api.js';
import { posixFromNodeError, type NodeFailure } from '../posix.js';

/** Where to connect: a peer address and port (optionally from a local one), or a local path. */
export type ConnectTarget =
  | {
      readonly host: string;
      readonly port: number;
      readonly family: 4 | 6;
      readonly localAddress?: string;
      readonly localPort?: number;
    }
  | { readonly path: string };

/**
 * Connects to `target`.
 * @param proc - the caller, blocked until the connection is made or fails
 * @param timeout - milliseconds or `'infinity'`
 * @returns the connected socket (paused: nothing is read until its user resumes it), or the
 *   POSIX error (`econnrefused`, `timeout`, ...)
 */
export async function connectTo(
  proc: ProcessHandle,
  target: ConnectTarget,
  timeout: number | 'infinity',
): Promise<readonly ['ok', net.Socket] | readonly ['error', NodeFailure]> {
  const sock = new net.Socket({ allowHalfOpen: true });
  sock.pause();
  const w = new Waiter<NodeFailure | null>(proc, null).timeout(timeout, () => 'timeout');
  const gate = ioGate();
  const onError = (err: Error): void => gated(gate, () => w.settle(posixFromNodeError(err)));
  sock.once('error', onError);
  sock.once('connect', () => gated(gate, () => w.settle(null)));
  sock.connect(target);
  let failure: NodeFailure | null;
  try {
    failure = await w.promise;
  } catch (error) {
    sock.destroy(); // the caller died waiting
    throw error;
  }
  sock.removeListener('error', onError);
  if (failure !== null || !proc.alive) {
    sock.destroy();
    return ['error', failure ?? 'closed'];
  }
  return ['ok', sock];
}
