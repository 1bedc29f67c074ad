/**
 * `controlling_process`: handing a port to another process, with the owner's queued messages
 * from it, as OTP's inet:tcp_controlling_process and inet:udp_controlling_process do.
 */
import type { Pid, Port } from 'erlts';
import { processFor, takeMessages, type ProcessHandle } from '../../runtime/internal/driver-api.js';
import type { AnyInetPort } from './inet-port.js';

/**
 * Removes the caller's first queued `{tcp_closed, S}` (or `{udp_closed, S}`), as inet:close/1
 * does after closing (`receive {tcp_closed, S} -> ok after 0 -> ok end`).
 * @param caller - the process that closed the socket
 * @param port - the socket's term
 * @param tag - the closed message's tag
 */
export function flushClosed(caller: ProcessHandle, port: Port, tag: string): void {
  takeMessages(
    caller,
    (msg) => Array.isArray(msg) && msg.length === 2 && msg[0] === tag && msg[1] === port,
    1,
  );
}

/**
 * Makes `to` the owner of `port`, moving the caller's queued messages from it.
 * @param caller - the calling process (it must own the port)
 * @param port - the port
 * @param to - the new owner's pid
 * @returns `ok`, `{error, not_owner}`, or `{error, badarg}` for a dead process
 */
export function handOver(
  caller: ProcessHandle,
  port: AnyInetPort,
  to: Pid,
): 'ok' | readonly ['error', 'not_owner' | 'badarg'] {
  // OTP checks "already the owner" first, so any process may name the owner.
  if (port.owner.pid === to) return 'ok';
  if (port.owner !== caller) return ['error', 'not_owner'];
  const target = processFor(to);
  if (target === null) return ['error', 'badarg'];
  const moved = takeMessages(caller, (msg) => Array.isArray(msg) && port.carries(msg));
  port.setOwner(target);
  for (const msg of moved) port.tell(msg);
  return 'ok';
}
