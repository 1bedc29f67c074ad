/**
 * erlts/gen_udp — OTP's `gen_udp` module over `node:dgram`: open, send, recv, connect, close,
 * controlling_process and fdopen, with the controlling process, the active modes and the
 * options of OTP 25 (DESIGN §4). `inet:setopts/getopts/sockname/peername/port/getstat/info/i`
 * work on its sockets as on gen_tcp's.
 *
 * @example
 * // {ok, S} = gen_udp:open(0, [binary, {active, false}]),
 * // ok = gen_udp:send(S, {127,0,0,1}, Port, <<"ping">>),
 * // {ok, {Address, FromPort, Packet}} = gen_udp:recv(S, 0, 1000)
 * import * as gen_udp from 'erlts/gen_udp';
 * import { ok } from 'erlts';
 * const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
 * ok(await gen_udp.send(S, [127, 0, 0, 1], Port, Buffer.from('ping')));
 * const [Address, FromPort, Packet] = ok(await gen_udp.recv(S, 0, 1000));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html
 */
import { ErlangError, Pid, type List, type Port } from 'erlts';
import { caller, describe } from '../runtime/internal/driver-api.js';
import { closePort, portArg } from '../inet/internal/sockets.js';
import { handOver } from '../inet/internal/ownership.js';
import { lookupPort } from '../inet/internal/inet-port.js';
import { toBuffer } from '../inet/internal/tcp/iodata.js';
import { open as openPort, fdopen as fdopenPort } from '../inet/internal/udp/open.js';
import { UdpPort } from '../inet/internal/udp/udp-port.js';
import {
  ancillaryRefusal,
  destinationTarget,
  hostTarget,
  isDestination,
  sockaddrTarget,
  type Refusal,
  type Target,
} from '../inet/internal/udp/destination.js';
import type { Posix } from '../inet/internal/posix.js';
import type { ip4_address, ip6_address, ip_address } from '../inet/internal/address.js';
import type { hostname, option_list, port_number, udp_open_option } from '../inet/internal/option-types.js';

export type {
  udp_option as option,
  udp_open_option as open_option,
  membership,
} from '../inet/internal/option-types.js';

/** A gen_udp socket (`gen_udp:socket()`): a `Port`, printed `#Port<0.N>`. */
export type socket = Port;
/** Why a gen_udp call failed: `closed`, `timeout`, `not_owner` or a POSIX error atom. */
export type Reason = 'closed' | 'timeout' | 'not_owner' | Posix;
/** A timeout: milliseconds or `infinity` (`timeout()`). */
export type timeout = number | 'infinity';
/** What open gives: `{ok, Socket}` or `{error, Reason}` (`eaddrinuse`, `einval`, ...). */
export type OpenResult = readonly ['ok', socket] | readonly ['error', Reason];
/** What send gives: `ok` or `{error, Reason}` (`einval` unconnected, `emsgsize`, `closed`, ...). */
export type SendResult = 'ok' | readonly ['error', Reason];
/** The data of a datagram: a Buffer in `binary` mode, a list of bytes in `list` mode. */
export type data = Buffer | List<number> | List<number | Buffer>;
/** What recv gives: `{ok, {Address, Port, Packet}}` or `{error, Reason}`. */
export type RecvResult =
  readonly ['ok', readonly [ip_address, port_number, data]] | readonly ['error', Reason];
/**
 * A destination of send/3: `{IP, Port}`, a sockaddr map (`#{family => inet, addr => IP,
 * port => Port}`), or `{inet | inet6, {IP | loopback, Port}}`.
 */
export type destination =
  | readonly [ip_address, port_number]
  | { readonly family: 'inet'; readonly addr: ip4_address | 'any' | 'loopback'; readonly port: port_number }
  | {
      readonly family: 'inet6';
      readonly addr: ip6_address | 'any' | 'loopback';
      readonly port: port_number;
      readonly flowinfo?: number;
      readonly scope_id?: number;
    }
  | readonly ['inet' | 'inet6', readonly [ip_address | 'loopback', port_number]];

/**
 * `{udp, Socket, IP, InPortNo, Packet}`: a datagram arrived on an active socket. `D` is the
 * data's type when the socket's mode is known.
 */
export type udp_message<D extends data = data> = readonly ['udp', socket, ip_address, port_number, D];
/** `{udp_passive, Socket}`: an `{active, N}` socket used its N datagrams and is passive now. */
export type udp_passive_message = readonly ['udp_passive', socket];
/** Every message a gen_udp socket sends its controlling process (with `{deliver, term}`). */
export type message<D extends data = data> = udp_message<D> | udp_passive_message;

const closed = ['error', 'closed'] as const;

/**
 * Opens a UDP socket, bound to `port` (0: one the system picks, then `inet.port(S)`).
 * @param port - the local port
 * @param opts - options ({@link open_option}s): `binary`/`list`, `['active', V]`, `['ip', IP]`,
 *   `inet`/`inet6`, `['recbuf', N]`, `['buffer', N]`, `['broadcast', B]`,
 *   `['add_membership', [Group, If]]`, ...
 * @returns `['ok', Socket]` or `['error', Reason]` (`eaddrinuse`, `einval`, ...)
 * @throws ExitException `badarg` for an unknown or malformed option or port, as OTP exits
 * @example
 * // {ok, S} = gen_udp:open(0, [binary, {active, true}])
 * const S = ok(await gen_udp.open(0, ['binary', ['active', true]]));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#open-2
 */
export function open(port: port_number, opts: option_list<udp_open_option> = []): Promise<OpenResult> {
  return openPort(port, opts);
}

/**
 * Opens a UDP socket over an already bound descriptor.
 * @param fd - the file descriptor
 * @param opts - options, as for {@link open}
 * @returns `['ok', Socket]` or `['error', Reason]`
 * @example
 * // {ok, S} = gen_udp:fdopen(Fd, [binary])
 * const S = ok(await gen_udp.fdopen(Fd, ['binary']));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#fdopen-2
 */
export function fdopen(fd: number, opts: option_list<udp_open_option> = []): Promise<OpenResult> {
  return fdopenPort(fd, opts);
}

/** The UDP port behind `socket` (function_clause for a term that is no port). */
function udpArg(fn: string, socket: unknown): UdpPort | undefined {
  const p = portArg(fn, socket);
  if (p === undefined || p instanceof UdpPort) return p;
  throw new ErlangError('badarg', `${fn}: not a UDP socket: ${describe(socket)}`);
}

/**
 * Sends one datagram.
 *
 * - `send(S, Packet)`: to the connected peer (`{error, einval}` if not connected);
 * - `send(S, Destination, Packet)`: to `{IP, Port}`, a sockaddr map, or `{Family, {IP, Port}}`;
 * - `send(S, Host, Port, Packet)`: to a host name or address and a port (an integer, as
 *   Erlang's: a bigint is out of range; or a service name);
 * - `send(S, Destination, AncData, Packet)` and `send(S, Host, Port, AncData, Packet)`: with
 *   ancillary data, which must be `[]` (Node sends none: docs/DEVIATIONS.md).
 * @returns `ok`, or `['error', Reason]`: `emsgsize` for a datagram too big, `einval` for port 0
 *   or a packet that is no iodata, `closed`, `eafnosupport` for an address of the other family
 * @throws ErlangError `function_clause` for a socket that is no port, a port out of range or a
 *   malformed destination; ExitException `badarg` for a host or service that is none, as OTP
 * @example
 * // ok = gen_udp:send(S, {127,0,0,1}, Port, <<"hello">>)
 * ok(await gen_udp.send(S, [127, 0, 0, 1], Port, Buffer.from('hello')));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#send-4
 */
export function send(socket: socket, packet: unknown): Promise<SendResult>;
export function send(socket: socket, destination: destination, packet: unknown): Promise<SendResult>;
export function send(
  socket: socket,
  host: hostname | ip_address,
  port: port_number | bigint | string,
  packet: unknown,
): Promise<SendResult>;
export function send(
  socket: socket,
  destination: destination,
  ancData: readonly unknown[] | 0,
  packet: unknown,
): Promise<SendResult>;
export function send(
  socket: socket,
  host: hostname | ip_address,
  port: port_number | bigint | string,
  ancData: readonly unknown[],
  packet: unknown,
): Promise<SendResult>;
export function send(socket: socket, ...args: unknown[]): Promise<SendResult> {
  if (args.length === 3) {
    const p = lookupPort(socket);
    const quick = p instanceof UdpPort ? p.sendQuick(args[0], args[1], args[2]) : undefined;
    if (quick !== undefined) return quick;
  }
  return sendWith(socket, args);
}

async function sendWith(socket: socket, args: readonly unknown[]): Promise<SendResult> {
  const fn = `gen_udp:send/${args.length + 1}`;
  const p = udpArg(fn, socket);
  if (args.length === 1) {
    if (p === undefined) return closed;
    return sendData(p, args[0], (buf) => p.send(buf));
  }
  if (args.length < 1 || args.length > 4) throw new ErlangError('undef', `${fn} does not exist`);
  const packet = args[args.length - 1];
  let dest: Target | Refusal;
  let ancData: unknown = [];
  // OTP's clauses: a sockaddr map (with AncData a list), or any 2-tuple, is a destination;
  // anything else is a host, so send(S, foo, Data) looks foo up as send(S, foo, [], [], Data).
  const first = args[0];
  const destForm =
    args.length <= 3 &&
    (isMapDest(first)
      ? isInetMap(first) && (args.length === 2 || Array.isArray(args[1]))
      : isDestination(first));
  if (destForm) {
    // send(S, Destination, Packet) and send(S, Destination, AncData | PortZero, Packet).
    if (args.length === 3) {
      const third = args[1];
      // A PortZero other than 0: the destination has its port already.
      if (typeof third === 'number' && third !== 0) return ['error', 'einval'];
      if (third !== 0) ancData = third;
    }
    if (p === undefined) return closed;
    dest = destinationTarget(fn, args[0], familyOf(p));
  } else {
    // send(S, Host, Port, [AncData,] Packet).
    if (args.length === 4) ancData = args[2];
    if (!Array.isArray(ancData)) {
      throw new ErlangError('function_clause', `${fn}: AncData must be a list: ${describe(ancData)}`);
    }
    if (p === undefined) return closed;
    const port = args.length === 2 ? [] : args[1];
    dest = await hostTarget(fn, first, port, familyOf(p), 'send');
    caller(); // a caller killed during the name lookup goes no further
  }
  if (Array.isArray(dest)) return dest as Refusal;
  const refused = ancillaryRefusal(ancData as readonly unknown[]);
  if (refused !== undefined) return refused;
  const to = dest as Target;
  return sendData(p, packet, (buf) => p.sendto(buf, to.host, to.port));
}

function isMapDest(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !Buffer.isBuffer(v);
}

/**
 * A sockaddr map send/4 takes as a destination; another map goes the host's way, where
 * getaddr refuses it and send exits badarg.
 */
function isInetMap(v: Record<string, unknown>): boolean {
  return v['family'] === 'inet' || v['family'] === 'inet6';
}

function familyOf(p: UdpPort): 'inet' | 'inet6' {
  return p.options.family === 'inet6' ? 'inet6' : 'inet';
}

/** Sends the packet's bytes; a packet that is no iodata is prim_inet's einval. */
function sendData(
  p: UdpPort,
  packet: unknown,
  go: (buf: Buffer) => Promise<SendResult>,
): Promise<SendResult> {
  const buf = toBuffer(packet);
  if (buf === undefined) return Promise.resolve(['error', 'einval']);
  return go(buf);
}

/**
 * Receives one datagram on a passive socket (any process may read it).
 * @param socket - a gen_udp socket in `{active, false}`
 * @param length - ignored for UDP, as in OTP (a datagram longer than the `buffer` option is
 *   cut), but it must be an integer in 0..2^32-1
 * @param timeout - milliseconds or `'infinity'` (the default: recv/2)
 * @returns `['ok', [Address, Port, Packet]]`, or `['error', Reason]`: `timeout`, `closed`,
 *   `ealready` while another recv waits, `einval` on an active socket or for a bad length or
 *   timeout
 * @example
 * // {ok, {Address, Port, Packet}} = gen_udp:recv(S, 0, 1000)
 * const [Address, Port, Packet] = ok(await gen_udp.recv(S, 0, 1000));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#recv-3
 */
export async function recv(socket: socket, length: number, timeout?: timeout): Promise<RecvResult> {
  const proc = caller();
  const fn = timeout === undefined ? 'gen_udp:recv/2' : 'gen_udp:recv/3';
  const p = udpArg(fn, socket);
  const integral = typeof length === 'number' && Number.isInteger(length);
  // recv/2's guard wants an integer; recv/3 leaves it to prim_inet, which answers einval.
  if (!integral && timeout === undefined) {
    throw new ErlangError('function_clause', `${fn}: the length must be an integer: ${describe(length)}`);
  }
  if (p === undefined) return closed;
  if (!integral || length < 0 || length > 0xffffffff) return ['error', 'einval'];
  const t = timeout ?? 'infinity';
  const valid =
    t === 'infinity' || (typeof t === 'number' && Number.isInteger(t) && t >= 0 && t < 0xffffffff);
  if (!valid) return ['error', 'einval'];
  return (await p.recv(proc, t)) as RecvResult;
}

/**
 * Connects a socket: sends without a destination go to the peer, and only its datagrams
 * arrive. Connecting again picks another peer.
 *
 * - `connect(S, SockAddr)`: a sockaddr map;
 * - `connect(S, Address, Port)`: an address or host name, and a port.
 * @returns `ok` or `['error', Reason]`
 * @example
 * // ok = gen_udp:connect(S, {127,0,0,1}, Port)
 * ok(await gen_udp.connect(S, [127, 0, 0, 1], Port));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#connect-3
 */
export function connect(
  socket: socket,
  sockaddr: destination & object,
): Promise<'ok' | readonly ['error', Reason]>;
export function connect(
  socket: socket,
  address: hostname | ip_address,
  port: port_number | bigint,
): Promise<'ok' | readonly ['error', Reason]>;
export async function connect(
  socket: socket,
  ...args: unknown[]
): Promise<'ok' | readonly ['error', Reason]> {
  const fn = `gen_udp:connect/${args.length + 1}`;
  const p = udpArg(fn, socket);
  if (args.length === 1 && !isMapDest(args[0])) {
    throw new ErlangError('function_clause', `${fn}: not a sockaddr map: ${describe(args[0])}`);
  }
  if (p === undefined) return closed;
  const family = familyOf(p);
  let to: Target | Refusal;
  if (args.length === 1) to = sockaddrTarget(fn, args[0], family);
  else {
    to = await hostTarget(fn, args[0], args[1], family, 'connect');
    caller();
  }
  if (Array.isArray(to)) return to as Refusal;
  return p.connect((to as Target).host, (to as Target).port);
}

/**
 * Closes a socket (from any process).
 * @param socket - a gen_udp socket
 * @returns `ok`, also for a socket already closed
 * @example
 * // ok = gen_udp:close(S)
 * await gen_udp.close(S);
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#close-1
 */
export function close(socket: socket): Promise<'ok'> {
  return closePort('gen_udp:close/1', socket);
}

/**
 * Makes another process the socket's owner, moving the caller's queued `{udp, ...}` messages
 * from it there, as OTP's inet:udp_controlling_process does.
 * @param socket - a gen_udp socket the caller owns
 * @param pid - the new owner
 * @returns `ok`, or `['error', Reason]`: `not_owner`, `closed`, `badarg` for a dead process
 * @example
 * // ok = gen_udp:controlling_process(S, Pid)
 * ok(await gen_udp.controlling_process(S, Pid));
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#controlling_process-2
 */
export function controlling_process(
  socket: socket,
  pid: Pid,
): Promise<'ok' | readonly ['error', 'closed' | 'not_owner' | 'badarg' | 'einval']> {
  if (!(pid instanceof Pid)) {
    throw new ErlangError('function_clause', `gen_udp:controlling_process/2: not a pid: ${describe(pid)}`);
  }
  const p = udpArg('gen_udp:controlling_process/2', socket);
  if (p === undefined) {
    // inet:udp_controlling_process reads the closed port's active option: {ok, A0} = {error, einval}.
    throw new ErlangError(
      ['badmatch', ['error', 'einval']],
      'gen_udp:controlling_process/2: the socket is closed',
    );
  }
  const r = handOver(caller(), p, pid);
  // OTP made the socket passive before it found the process dead, and leaves it so.
  if (Array.isArray(r) && r[1] === 'badarg') p.setopts([['active', false]]);
  return Promise.resolve(r);
}
