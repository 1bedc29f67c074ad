/**
 * `controlling_process`: handing a port to another process, with the owner's queued socket
 * messages, as OTP's inet:tcp_controlling_process does.
 */
import type { Pid, Port } from 'erlts';
import { processFor, takeMessages, type ProcessHandle } from '../../../runtime/internal/driver-api.js';
import type { InetPort } from './inet-port.js';

/** Whether `msg` is one of the messages a port sends its owner. */
function isPortMessage(msg: unknown, port: Port): boolean {
  if (!Array.isArray(msg)) return false;
  if (msg[0] === port) return msg.length === 2; // {deliver, port}: {S, {data, D}}
  if (msg[1] !== port) return false;
  switch (msg[0]) {
    case 'tcp':
    case 'http':
    case 'tcp_error':
      return msg.length === 3;
    case 'tcp_closed':
    case 'tcp_passive':
      return msg.length === 2;
    default:
      return false;
  }
}

/**
 * Removes the caller's first queued `{tcp_closed, S}`, as inet:close/1 does after closing
 * (`receive {tcp_closed, S} -> ok after 0 -> ok end`).
 * @param caller - the process that closed the socket
 * @param port - the socket's term
 */
export function flushClosed(caller: ProcessHandle, port: Port): void {
  takeMessages(
    caller,
    (msg) => Array.isArray(msg) && msg.length === 2 && msg[0] === 'tcp_closed' && msg[1] === port,
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
  port: InetPort,
  to: Pid,
): 'ok' | readonly ['error', 'not_owner' | 'badarg'] {
  if (port.owner !== caller) return ['error', 'not_owner'];
  const target = processFor(to);
  if (target === null) return ['error', 'badarg'];
  if (target === caller) return 'ok';
  const moved = takeMessages(caller, (msg) => isPortMessage(msg, port.port));
  port.setOwner(target);
  for (const msg of moved) port.tell(msg);
  return 'ok';
}
