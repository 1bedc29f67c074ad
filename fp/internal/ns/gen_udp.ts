/**
 * gen_udp's face: each function of `erlts/gen_udp` that answers `ok`, `{ok, X}` or
 * `{error, Reason}`, giving a `TaskEither<Reason, X>` typed from the function's own result.
 */
import * as gen_udp from 'erlts/gen_udp';
import type { hostname, ip_address } from 'erlts/inet';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import { liftResult, type Failure, type Success } from '../result.js';
import type { Overloads } from '../face.js';

/**
 * Opens a UDP socket: `right(Socket)`, owned by the process that runs the task, or
 * `left(Reason)` (`eaddrinuse`, `einval`, ...).
 * @param port - the local port, 0 for one the system picks
 * @param opts - gen_udp's open options: `binary`/`list`, `['active', V]`, `['recbuf', N]`, ...
 * @returns `TaskEither<gen_udp.Reason, Port>`
 * @throws ExitException `badarg` for a malformed option or port, when the task runs
 * @example
 * // {ok, S} = gen_udp:open(0, [binary, {active, false}])
 * const S = await runOrExit(fp.gen_udp.open(0, ['binary', ['active', false]]));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#open-2
 */
export const open = liftResult(gen_udp.open);

type SendResult = Awaited<ReturnType<typeof gen_udp.send>>;
type SendFace = TaskEither<Failure<SendResult>, Success<SendResult>>;

/**
 * Sends one datagram: `right(undefined)` for gen_udp's `ok`, or `left(Reason)` (`emsgsize`,
 * `einval`, `closed`, `eafnosupport`, ...). Every form of gen_udp's: to the connected peer, to a
 * destination, to a host and port, with ancillary data.
 * @param args - gen_udp.send's arguments
 * @returns `TaskEither<gen_udp.Reason, undefined>`
 * @throws ErlangError `function_clause` for a port out of range or a malformed destination;
 *   ExitException `badarg` for a host that is none; when the task runs
 * @example
 * // ok = gen_udp:send(S, {127,0,0,1}, Port, <<"hello">>)
 * await runOrExit(fp.gen_udp.send(S, [127, 0, 0, 1], Port, Buffer.from('hello')));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#send-4
 */
export function send(socket: gen_udp.socket, packet: unknown): SendFace;
export function send(socket: gen_udp.socket, destination: gen_udp.destination, packet: unknown): SendFace;
export function send(
  socket: gen_udp.socket,
  host: hostname | ip_address,
  port: number | bigint | string,
  packet: unknown,
): SendFace;
export function send(
  socket: gen_udp.socket,
  destination: gen_udp.destination,
  ancData: readonly unknown[] | 0,
  packet: unknown,
): SendFace;
export function send(
  socket: gen_udp.socket,
  host: hostname | ip_address,
  port: number | bigint | string,
  ancData: readonly unknown[],
  packet: unknown,
): SendFace;
export function send(socket: gen_udp.socket, ...args: unknown[]): SendFace {
  return sendFace(socket, ...args);
}
// One face for all five forms: gen_udp.send tells them apart by its arguments.
const sendAnyForm: (socket: gen_udp.socket, ...args: unknown[]) => Promise<SendResult> = gen_udp.send;
const sendFace = liftResult(sendAnyForm);

/**
 * Receives one datagram on a passive socket: `right([Address, Port, Packet])`, or
 * `left(Reason)` (`timeout`, `closed`, `ealready`, `einval`).
 * @param socket - a socket in `{active, false}`
 * @param length - ignored for UDP, as in OTP (an integer)
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<gen_udp.Reason, [IP, Port, Data]>`
 * @example
 * // {ok, {Address, Port, Packet}} = gen_udp:recv(S, 0, 1000)
 * const [Address, Port, Packet] = await runOrExit(fp.gen_udp.recv(S, 0, 1000));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#recv-3
 */
export const recv = liftResult(gen_udp.recv);

type Connect = Overloads<typeof gen_udp.connect>;
type ConnectResult = Awaited<ReturnType<Connect[0] | Connect[1]>>;

/**
 * Gives the socket a peer: `right(undefined)`, or `left(Reason)` (`nxdomain`, `eafnosupport`,
 * `closed`, ...). Both forms of gen_udp's: `connect(S, SockAddr)` and `connect(S, Address, Port)`.
 * @param args - gen_udp.connect's arguments
 * @returns `TaskEither<gen_udp.Reason, undefined>`
 * @example
 * // ok = gen_udp:connect(S, {127,0,0,1}, Port)
 * await runOrExit(fp.gen_udp.connect(S, [127, 0, 0, 1], Port));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#connect-3
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
  return connectFace(...(args as Parameters<Connect[1]>));
}
const connectFace = liftResult(gen_udp.connect as Connect[1]);

/**
 * Closes a socket: always `right(undefined)` (gen_udp's `ok`), so its Left is `never`.
 * @param socket - a gen_udp socket
 * @returns `TaskEither<never, undefined>`
 * @example
 * // ok = gen_udp:close(S)
 * await runOrExit(fp.gen_udp.close(S));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#close-1
 */
export const close = liftResult(gen_udp.close);

/**
 * Hands the socket to another process: `right(undefined)`, or
 * `left('not_owner' | 'badarg' | ...)`. The owner is the process that runs the task.
 * @param socket - a socket the running process owns
 * @param pid - the new owner
 * @returns `TaskEither<'not_owner' | 'badarg' | 'closed' | 'einval', undefined>`
 * @throws ErlangError `function_clause` when `pid` is not a pid; `{badmatch, {error, einval}}`
 *   for a closed socket, as OTP; when the task runs
 * @example
 * // ok = gen_udp:controlling_process(S, Pid)
 * await runOrExit(fp.gen_udp.controlling_process(S, Pid));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#controlling_process-2
 */
export const controlling_process = liftResult(gen_udp.controlling_process);
