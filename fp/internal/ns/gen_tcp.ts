/**
 * gen_tcp's face: each function of `erlts/gen_tcp` that answers `ok`, `{ok, X}` or
 * `{error, Reason}`, giving a `TaskEither<Reason, X>` typed from the function's own result.
 */
import * as gen_tcp from 'erlts/gen_tcp';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { liftResult, type Failure, type Success } from '../result.js';
import type { Overloads } from '../face.js';

/**
 * Opens a listening socket: `right(ListenSocket)`, or `left(Reason)` (`eaddrinuse`, `einval`,
 * ...). The process that runs the task owns the socket.
 * @param port - the port to listen on, 0 for one the system picks (then `inet.port(LS)`)
 * @param opts - gen_tcp's listen options: `binary`/`list`, `['active', V]`, `['packet', T]`, ...
 * @returns `TaskEither<gen_tcp.Reason, Port>`
 * @throws ErlangError `badarg` for a malformed option or port, when the task runs
 * @example
 * // {ok, LSock} = gen_tcp:listen(5678, [binary, {packet, 0}, {active, false}])
 * const LSock = await runOrExit(fp.gen_tcp.listen(5678, ['binary', ['packet', 0], ['active', false]]));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#listen-2
 */
export const listen = liftResult(gen_tcp.listen);

/**
 * Waits for a connection: `right(Socket)`, owned by the process that runs the task, or
 * `left('closed' | 'timeout' | Posix)`.
 * @param listenSocket - a socket from `listen`
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<gen_tcp.Reason, Port>`
 * @example
 * // {ok, Sock} = gen_tcp:accept(LSock)
 * const Sock = await runOrExit(fp.gen_tcp.accept(LSock));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#accept-2
 */
export const accept = liftResult(gen_tcp.accept);

type Connect = Overloads<typeof gen_tcp.connect>;
type ConnectResult = Awaited<ReturnType<Connect[0] | Connect[1]>>;

/**
 * Connects to a TCP server: `right(Socket)`, owned by the process that runs the task, or
 * `left(Reason)` (`econnrefused`, `nxdomain`, `timeout`, ...). Both forms of gen_tcp's:
 * `connect(Address, Port, Opts[, Timeout])` and `connect(SockAddr, Opts[, Timeout])`.
 * @param args - gen_tcp.connect's arguments
 * @returns `TaskEither<gen_tcp.Reason, Port>`
 * @throws ErlangError `badarg` for a malformed address, port, option or timeout, when the task runs
 * @example
 * // {ok, Sock} = gen_tcp:connect("localhost", 5678, [binary, {packet, 0}])
 * const Sock = await runOrExit(fp.gen_tcp.connect('localhost', 5678, ['binary', ['packet', 0]]));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#connect-4
 */
export function connect(
  ...args: Parameters<Connect[0]>
): TaskEither<Failure<ConnectResult>, Success<ConnectResult>>;
export function connect(
  ...args: Parameters<Connect[1]>
): TaskEither<Failure<ConnectResult>, Success<ConnectResult>>;
export function connect(
  ...args: Parameters<Connect[0]> | Parameters<Connect[1]>
): TaskEither<Failure<ConnectResult>, Success<ConnectResult>> {
  return connectFace(...(args as Parameters<Connect[0]>));
}
const connectFace = liftResult(gen_tcp.connect as Connect[0]);

/**
 * Sends a packet: `right(undefined)` for gen_tcp's `ok`, or `left(Reason)` (`closed`,
 * `timeout`, `enotconn`, ...).
 * @param socket - a connected socket
 * @param packet - iodata: a Buffer, a string, or a (nested) list of bytes, Buffers and strings
 * @returns `TaskEither<Reason, undefined>`
 * @example
 * // ok = gen_tcp:send(Sock, "Some Data")
 * await runOrExit(fp.gen_tcp.send(Sock, 'Some Data'));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#send-2
 */
export const send = liftResult(gen_tcp.send);

/**
 * Receives a packet from a passive socket: `right(Packet)` or `left(Reason)` (`closed`,
 * `timeout`, `einval`, ...).
 * @param socket - a socket in `{active, false}`
 * @param length - bytes wanted (raw mode only; 0 otherwise)
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<Reason, gen_tcp.packet>`
 * @throws ErlangError `function_clause` for a length that is no non-negative integer, when the
 *   task runs
 * @example
 * // {ok, Packet} = gen_tcp:recv(Sock, 0)
 * const Packet = await runOrExit(fp.gen_tcp.recv(Sock, 0));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#recv-3
 */
export const recv = liftResult(gen_tcp.recv);

/**
 * Closes a socket: always `right(undefined)` (gen_tcp's `ok`), so its Left is `never`.
 * @param socket - a listening or connected socket
 * @returns `TaskEither<never, undefined>`
 * @example
 * // ok = gen_tcp:close(Sock)
 * await runOrExit(fp.gen_tcp.close(Sock));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#close-1
 */
export const close = liftResult(gen_tcp.close);

/**
 * Closes one or both directions: `right(undefined)`, or `left('closed' | 'enotconn')`.
 * @param socket - a connected socket
 * @param how - `read`, `write` or `read_write`
 * @returns `TaskEither<'closed' | 'enotconn', undefined>`
 * @throws ErlangError `badarg` for another `how`, when the task runs
 * @example
 * // ok = gen_tcp:shutdown(Sock, write)
 * await runOrExit(fp.gen_tcp.shutdown(Sock, 'write'));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#shutdown-2
 */
export const shutdown = liftResult(gen_tcp.shutdown);

/**
 * Hands the socket to another process: `right(undefined)`, or
 * `left('not_owner' | 'closed' | 'badarg')`. The owner is the process that runs the task.
 * @param socket - a socket the running process owns
 * @param pid - the new owner
 * @returns `TaskEither<'not_owner' | 'closed' | 'badarg', undefined>`
 * @throws ErlangError `badarg` when `pid` is not a pid, when the task runs
 * @example
 * // ok = gen_tcp:controlling_process(Sock, Pid)
 * await runOrExit(fp.gen_tcp.controlling_process(Sock, Pid));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#controlling_process-2
 */
export const controlling_process = liftResult(gen_tcp.controlling_process);
