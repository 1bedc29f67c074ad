/**
 * erlts/gen_tcp — OTP's `gen_tcp` module over `node:net`: listen, accept, connect, send,
 * recv, close, shutdown and controlling_process, with the controlling process, the active
 * modes, packet framing and flow control of OTP (DESIGN §4).
 *
 * @example
 * import * as gen_tcp from 'erlts/gen_tcp';
 * import { ok } from 'erlts';
 * const LSock = ok(await gen_tcp.listen(5678, ['binary', ['packet', 0], ['active', false]]));
 * const Sock = ok(await gen_tcp.accept(LSock));
 * const Bin = ok(await gen_tcp.recv(Sock, 0));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html
 */
import { ErlangError, Pid } from 'erlts';
import { caller, describe } from '../runtime/internal/driver-api.js';
import { closePort, portArg } from '../inet/internal/sockets.js';
import { connect as openConnect, listen as openListen, timeoutArg } from '../inet/internal/tcp/open.js';
import { ListenPort } from '../inet/internal/tcp/listen-port.js';
import { TcpPort, type SendResult as PortSendResult } from '../inet/internal/tcp/tcp-port.js';
import { handOver } from '../inet/internal/ownership.js';
import type { HttpPacket, List, Port } from 'erlts';
import type { Posix } from '../inet/internal/posix.js';
import type {
  connect_option,
  hostname,
  listen_option,
  option_list,
  port_number,
  local_address,
  sockaddr_un,
} from '../inet/internal/option-types.js';
import type { ip4_address, ip6_address, ip_address } from '../inet/internal/address.js';

export type { option, listen_option, connect_option, inet_backend } from '../inet/internal/option-types.js';

/** Why a gen_tcp call failed: `closed`, `timeout`, or a POSIX error atom (`inet:posix()`). */
export type Reason = 'closed' | 'timeout' | Posix;
/** A gen_tcp socket (`gen_tcp:socket()`): a `Port`, printed `#Port<0.N>`. */
export type socket = Port;
/** A timeout: milliseconds or `infinity` (`timeout()`). */
export type timeout = number | 'infinity';
/** What listen, accept and connect give: `{ok, Socket}` or `{error, Reason}`. */
export type OpenResult = readonly ['ok', socket] | readonly ['error', Reason];
/** What accept gives: `{ok, Socket}` or `{error, closed | timeout | Posix}`. */
export type AcceptResult = OpenResult;
/** What send gives: `ok`, or `{error, Reason}` (`closed`, `timeout`, `enotconn`, `emsgsize`, ...). */
export type SendResult = PortSendResult;
/**
 * The sockaddr map connect/2,3 takes: an address tuple and a port (OTP 25's gen_tcp takes no
 * `any` or `loopback` here), or a local path.
 */
export type connect_sockaddr =
  | { readonly family: 'inet'; readonly addr: ip4_address; readonly port: port_number }
  | {
      readonly family: 'inet6';
      readonly addr: ip6_address;
      readonly port: port_number;
      readonly flowinfo?: number;
      readonly scope_id?: number;
    }
  | sockaddr_un;

/**
 * The data of a `{tcp, S, Data}` message and of recv in the non-http packet modes: a Buffer
 * in `binary` mode, a list of bytes in `list` mode, and in `binary` mode with `{header, N}` a
 * list of the N first bytes ending with the rest as a Buffer.
 */
export type data = Buffer | List<number> | List<number | Buffer>;
/** What recv gives: data, or an HTTP packet in the `http` modes (`erlang:decode_packet/3`'s). */
export type packet = data | HttpPacket;
/** What recv gives: `{ok, Packet}` or `{error, Reason}`. */
export type RecvResult =
  readonly ['ok', packet] | readonly ['error', Reason | 'einval' | 'enotconn' | 'ealready' | 'emsgsize'];

/**
 * `{tcp, Socket, Data}`: data arrived on an active socket. `D` is the data's type when the
 * socket's mode is known: `Buffer` for `binary`, `List<number>` for `list`. A clause's pattern
 * types it with a guard: `on(['tcp', S, is(is_binary)], ([, , Data]) => ...)`.
 */
export type tcp_message<D extends data = data> = readonly ['tcp', socket, D];
/** `{http, Socket, HttpPacket}`: a packet of an active socket in an `http` packet mode. */
export type http_message = readonly ['http', socket, HttpPacket];
/** `{tcp_closed, Socket}`: the peer closed an active socket (or it was reset). */
export type tcp_closed_message = readonly ['tcp_closed', socket];
/** `{tcp_error, Socket, Reason}`: an error on an active socket (`econnreset`, `emsgsize`, ...). */
export type tcp_error_message = readonly ['tcp_error', socket, Reason];
/** `{tcp_passive, Socket}`: an `{active, N}` socket used its N packets and is passive now. */
export type tcp_passive_message = readonly ['tcp_passive', socket];
/**
 * Every message a gen_tcp socket sends its controlling process (with `{deliver, term}`, the
 * default).
 */
export type message<D extends data = data> =
  tcp_message<D> | http_message | tcp_closed_message | tcp_error_message | tcp_passive_message;

const closed = ['error', 'closed'] as const;

/**
 * Opens a listening socket.
 * @param port - the port to listen on, 0 for one the system picks (then `inet.port(LS)`)
 * @param opts - options ({@link listen_option}s, `['inet_backend', B]` first): `binary`/`list`,
 *   `['active', V]`, `['packet', T]`, `['ip', IP]`, `['backlog', N]`, `['reuseaddr', B]`,
 *   `inet`/`inet6`/`local`, ...
 * @returns `['ok', ListenSocket]` or `['error', Reason]` (`eaddrinuse`, `einval`, ...): check
 *   the tag to narrow it to the socket
 * @throws ErlangError `badarg` for a malformed option or port
 * @example
 * // {ok, LSock} = gen_tcp:listen(5678, [binary, {packet, 0}, {active, false}])
 * const LSock = ok(await gen_tcp.listen(5678, ['binary', ['packet', 0], ['active', false]]));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#listen-2
 */
export function listen(port: port_number, opts: option_list<listen_option> = []): Promise<OpenResult> {
  return openListen(port, opts) as Promise<OpenResult>;
}

/**
 * Waits for a connection on a listening socket; the caller owns the new socket. Any process
 * may accept: several acceptors are served oldest first.
 * @param listenSocket - a socket from `listen`
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `['ok', Socket]`, or `['error', 'closed' | 'timeout' | Posix]`
 * @example
 * // {ok, Sock} = gen_tcp:accept(LSock)
 * const Sock = ok(await gen_tcp.accept(LSock));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#accept-2
 */
export async function accept(listenSocket: socket, timeout: timeout = 'infinity'): Promise<AcceptResult> {
  const proc = caller();
  // OTP 25 does not check accept's timeout: inet_drv takes a negative one as infinity.
  const t =
    typeof timeout === 'number' && Number.isInteger(timeout) && timeout < 0
      ? 'infinity'
      : timeoutArg('gen_tcp:accept/2', timeout);
  const p = portArg('gen_tcp:accept/2', listenSocket);
  if (p === undefined) return closed;
  if (!(p instanceof ListenPort)) return ['error', 'einval'];
  return await p.accept(proc, t);
}

/**
 * Connects to a TCP server; the caller owns the socket.
 *
 * Forms: `connect(Address, Port, Opts[, Timeout])` with a host name, an IP tuple or
 * `['local', Path]`; and `connect(SockAddr, Opts[, Timeout])` with a sockaddr map
 * (`{family: 'inet', addr: [127,0,0,1], port: 80}`).
 * @param address - a host name (`"localhost"`), an IP tuple (`[127, 0, 0, 1]`) or
 *   `['local', Path]`; in the second form, a sockaddr map
 * @param port - the server's port (in the second form, the options)
 * @param opts - options ({@link connect_option}s), as for listen: `binary`/`list`,
 *   `['active', V]`, `['packet', T]`, ...
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `['ok', Socket]` or `['error', Posix]` (`econnrefused`, `nxdomain`, `timeout`, ...)
 * @throws ErlangError `badarg` for a malformed address, port, option or timeout
 * @example
 * // {ok, Sock} = gen_tcp:connect("localhost", 5678, [binary, {packet, 0}])
 * const Sock = ok(await gen_tcp.connect('localhost', 5678, ['binary', ['packet', 0]]));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#connect-4
 */
export function connect(
  address: ip_address | local_address | hostname,
  port: port_number,
  opts?: option_list<connect_option>,
  timeout?: timeout,
): Promise<OpenResult>;
export function connect(
  sockaddr: connect_sockaddr,
  opts?: option_list<connect_option>,
  timeout?: timeout,
): Promise<OpenResult>;
export function connect(...args: unknown[]): Promise<OpenResult> {
  return openConnect(args) as Promise<OpenResult>;
}

/**
 * Sends a packet (a `{packet, 1|2|4}` header is added). Waits while the socket is busy (above
 * `high_watermark`), up to `send_timeout`.
 * @param socket - a connected socket
 * @param packet - iodata: a Buffer, a string, or a (nested) list of bytes, Buffers and strings
 * @returns `ok` or `['error', 'closed' | 'timeout' | 'einval' | Posix]`
 * @example
 * // ok = gen_tcp:send(Sock, "Some Data")
 * await gen_tcp.send(Sock, 'Some Data');
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#send-2
 */
export function send(socket: socket, packet: unknown): Promise<SendResult> {
  const proc = caller();
  const p = portArg('gen_tcp:send/2', socket);
  if (p === undefined) return Promise.resolve(closed);
  if (!(p instanceof TcpPort)) return Promise.resolve(['error', 'enotconn']);
  return p.send(proc, packet);
}

/**
 * Receives a packet from a passive socket (any process may). In raw mode, `length` bytes
 * exactly, or what is there for 0.
 * @param socket - a socket in `{active, false}`
 * @param length - bytes wanted (raw mode only; 0 otherwise)
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `['ok', Packet]` or `['error', 'closed' | 'timeout' | 'einval' | Posix]`
 * @example
 * // {ok, Packet} = gen_tcp:recv(Sock, 0)
 * const Packet = ok(await gen_tcp.recv(Sock, 0));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#recv-3
 */
export function recv(socket: socket, length: number, timeout: timeout = 'infinity'): Promise<RecvResult> {
  const proc = caller();
  if (typeof length !== 'number' || !Number.isInteger(length) || length < 0) {
    throw new ErlangError(
      'function_clause',
      `gen_tcp:recv/3: the length must be a non-negative integer: ${describe(length)}`,
    );
  }
  const t = timeoutArg('gen_tcp:recv/3', timeout);
  const p = portArg('gen_tcp:recv/3', socket);
  if (p === undefined) return Promise.resolve(closed);
  if (!(p instanceof TcpPort)) return Promise.resolve(['error', 'enotconn']);
  const r = p.recv(proc, length, t);
  return ('then' in r ? r : Promise.resolve(r)) as Promise<RecvResult>;
}

/**
 * Closes a socket, from any process. Pending output is sent first (unless `{linger, {true, 0}}`,
 * which resets the connection).
 * @param socket - a listening or connected socket
 * @returns `ok`
 * @example
 * // ok = gen_tcp:close(Sock),
 * // ok = gen_tcp:close(LSock)
 * await gen_tcp.close(Sock);
 * await gen_tcp.close(LSock);
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#close-1
 */
export function close(socket: socket): Promise<'ok'> {
  return closePort('gen_tcp:close/1', socket);
}

/**
 * Closes one or both directions: `write` sends a FIN after the pending output (the socket
 * can still receive), `read` stops receiving.
 * @param socket - a connected socket
 * @param how - `read`, `write` or `read_write`
 * @returns `ok` or `['error', 'closed' | 'enotconn']`
 * @example
 * // ok = gen_tcp:send(Sock, Request),
 * // ok = gen_tcp:shutdown(Sock, write),
 * // {ok, Reply} = gen_tcp:recv(Sock, 0)
 * await gen_tcp.send(Sock, Request);
 * await gen_tcp.shutdown(Sock, 'write');
 * const Reply = ok(await gen_tcp.recv(Sock, 0));
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#shutdown-2
 */
export function shutdown(
  socket: socket,
  how: 'read' | 'write' | 'read_write',
): Promise<'ok' | readonly ['error', 'closed' | 'enotconn']> {
  if (how !== 'read' && how !== 'write' && how !== 'read_write') {
    throw new ErlangError(
      'badarg',
      `gen_tcp:shutdown/2: how must be read, write or read_write: ${describe(how)}`,
    );
  }
  const p = portArg('gen_tcp:shutdown/2', socket);
  if (p === undefined) return Promise.resolve(closed);
  if (!(p instanceof TcpPort)) return Promise.resolve(['error', 'enotconn']);
  return Promise.resolve(p.shutdown(how));
}

/**
 * Hands the socket to another process, which then gets its messages; only the owner may.
 * In an active mode, the owner's queued socket messages move along.
 * @param socket - a socket the caller owns
 * @param pid - the new owner
 * @returns `ok`, or `['error', 'not_owner' | 'closed' | 'badarg']` (`badarg`: `pid` is dead)
 * @throws ErlangError `badarg` when `pid` is not a pid
 * @example
 * // ok = gen_tcp:controlling_process(Sock, Pid)
 * await gen_tcp.controlling_process(Sock, pid);
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#controlling_process-2
 */
export function controlling_process(
  socket: socket,
  pid: Pid,
): Promise<'ok' | readonly ['error', 'not_owner' | 'closed' | 'badarg']> {
  const proc = caller();
  if (!(pid instanceof Pid)) {
    throw new ErlangError('badarg', `gen_tcp:controlling_process/2: not a pid: ${describe(pid)}`);
  }
  const p = portArg('gen_tcp:controlling_process/2', socket);
  if (p === undefined) return Promise.resolve(closed);
  return Promise.resolve(handOver(proc, p, pid));
}
