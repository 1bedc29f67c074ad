/**
 * The socket functions of OTP's `inet` module on gen_tcp and gen_udp ports: setopts, getopts,
 * port, sockname(s), peername(s), getstat, close, i, info, monitor and cancel_monitor.
 */
import { ErlangError, List, Ref, make_ref, io, type Pid, type Port } from 'erlts';
import { flushClosed } from './ownership.js';
import { caller, cancelMonitor, deliver, describe, portExit } from '../../runtime/internal/driver-api.js';
import { gethostbyaddr } from './hosts.js';
import { servicesByPort } from './services.js';
import {
  lookupPort,
  openPorts,
  statNames,
  type AnyInetPort,
  type Endpoint,
  type StatName,
} from './inet-port.js';
import type {
  port_number,
  returned_address,
  socket_getopt,
  socket_optvals,
  socket_setopt,
  stat_option,
} from './option-types.js';

type Einval = readonly ['error', 'einval'];
const einval: Einval = ['error', 'einval'];
// setopts answers through these on the hot path of {active, once} servers: no allocation.
const OK: Promise<'ok'> = Promise.resolve('ok');
const EINVAL: Promise<Einval> = Promise.resolve(einval);

function answer(reply: 'ok' | Einval): Promise<'ok' | Einval> {
  return reply === 'ok' ? OK : EINVAL;
}

/**
 * The port behind a socket argument: raises badarg for a term that is no port, gives
 * undefined for a closed one.
 */
export function portArg(fn: string, socket: unknown): AnyInetPort | undefined {
  const p = lookupPort(socket);
  // OTP's clauses match on is_port(S): anything else is a function_clause error.
  if (p === null) throw new ErlangError('function_clause', `${fn}: not a socket: ${describe(socket)}`);
  return p;
}

/**
 * Sets options on a socket.
 * @param socket - a gen_tcp or gen_udp socket
 * @param opts - an option list of {@link socket_setopt}s: the options of listen/connect that
 *   an open socket takes, and `line_delimiter`, `dontroute`
 * @returns `ok`, or `{error, einval}` for a malformed option or a closed socket (nothing of
 *   the list is applied then)
 * @example
 * // ok = inet:setopts(S, [{active, once}])
 * await inet.setopts(S, [['active', 'once']]);
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function setopts(socket: Port, opts: readonly socket_setopt[]): Promise<'ok' | Einval> {
  const p = portArg('inet:setopts/2', socket);
  if (p === undefined) return EINVAL;
  return answer(p.setopts(opts));
}

/**
 * Reads options of a socket.
 * @param socket - a gen_tcp or gen_udp socket
 * @param names - option names ({@link socket_getopt}s)
 * @returns `{ok, [{Name, Value}]}` in the order asked, typed by the names, or `{error, einval}`
 * @example
 * // {ok, [{active, true}]} = inet:getopts(S, [active])
 * await inet.getopts(S, ['active']);
 * @see https://www.erlang.org/docs/25/man/inet.html#getopts-2
 */
export function getopts<const N extends socket_getopt>(
  socket: Port,
  names: readonly N[],
): Promise<readonly ['ok', socket_optvals<N>] | Einval> {
  const p = portArg('inet:getopts/2', socket);
  if (p === undefined || p.state === 'closed') return EINVAL;
  return Promise.resolve(p.getopts(names) as readonly ['ok', socket_optvals<N>] | Einval);
}

/**
 * The local address and port of a socket.
 * @param socket - a gen_tcp socket, listening or connected, or a gen_udp socket
 * @returns `{ok, {IP, Port}}`, `{ok, {local, Path}}`, or `{error, einval}` once closed
 * @example
 * // {ok, {Address, PortNumber}} = inet:sockname(Sock)
 * const [, [Address, PortNumber]] = await inet.sockname(Sock);
 * @see https://www.erlang.org/docs/25/man/inet.html#sockname-1
 */
export function sockname(socket: Port): Promise<readonly ['ok', returned_address] | Einval> {
  const p = portArg('inet:sockname/1', socket);
  const a = p === undefined || p.state === 'closed' ? null : p.sockname();
  return Promise.resolve(a === null ? einval : ['ok', address(a)]);
}

/** A port's endpoint, whose IP the port keeps as a tuple. */
function address(a: Endpoint): returned_address {
  return a as returned_address;
}

/**
 * The peer's address and port.
 * @param socket - a connected gen_tcp socket
 * @returns `{ok, {IP, Port}}`, `{error, enotconn}` for a listening socket, `{error, einval}`
 *   once closed
 * @example
 * // {ok, {Address, PortNumber}} = inet:peername(Sock)
 * const [, [Address, PortNumber]] = await inet.peername(Sock);
 * @see https://www.erlang.org/docs/25/man/inet.html#peername-1
 */
export function peername(
  socket: Port,
): Promise<readonly ['ok', returned_address] | readonly ['error', 'einval' | 'enotconn']> {
  const p = portArg('inet:peername/1', socket);
  if (p === undefined || p.state === 'closed') return Promise.resolve(einval);
  const a = p.peername();
  return Promise.resolve(a === null ? ['error', 'enotconn'] : ['ok', address(a)]);
}

/**
 * Every local address of a socket (one for TCP).
 * @param socket - a gen_tcp or gen_udp socket
 * @returns `{ok, [{IP, Port}]}`, or `{error, einval}` once closed
 * @example
 * // {ok, Addresses} = inet:socknames(Sock)
 * const Addresses = ok(await inet.socknames(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#socknames-1
 */
export async function socknames(socket: Port): Promise<readonly ['ok', List<returned_address>] | Einval> {
  const r = await sockname(socket);
  return r[0] === 'ok' ? ['ok', new List<returned_address>(r[1])] : r;
}

/**
 * Every peer address of a socket (one for TCP).
 * @param socket - a connected gen_tcp socket
 * @returns `{ok, [{IP, Port}]}`, `{error, enotconn}` for a listening socket, `{error, einval}`
 *   once closed
 * @example
 * // {ok, Addresses} = inet:peernames(Sock)
 * const Addresses = ok(await inet.peernames(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#peernames-1
 */
export async function peernames(
  socket: Port,
): Promise<readonly ['ok', List<returned_address>] | readonly ['error', 'einval' | 'enotconn']> {
  const r = await peername(socket);
  return r[0] === 'ok' ? ['ok', new List<returned_address>(r[1])] : r;
}

/**
 * The local port number of a socket: where a socket listening on port 0 was put.
 * @param socket - a gen_tcp or gen_udp socket
 * @returns `{ok, Port}` or `{error, einval}` once closed; for a local socket OTP's `{ok, Path}`
 *   (a Buffer), outside the declared type as in OTP's own spec
 * @example
 * // {ok, LSock} = gen_tcp:listen(0, [binary, {active, false}]),
 * // {ok, PortNumber} = inet:port(LSock)
 * const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
 * const PortNumber = ok(await inet.port(LSock));
 * @see https://www.erlang.org/docs/25/man/inet.html#port-1
 */
export async function port(socket: Port): Promise<readonly ['ok', port_number] | Einval> {
  const r = await sockname(socket);
  if (r[0] !== 'ok') return r;
  // A local socket's "port" is its path (a binary), as OTP gives it, though OTP's spec
  // (and so this type) says port_number(): the type serves the common IP case.
  return ['ok', r[1][1] as number];
}
/**
 * Statistics of a socket.
 * @param socket - a gen_tcp or gen_udp socket
 * @param names - counters wanted (all of them by default)
 * @returns `{ok, [{Name, Value}]}`, or `{error, einval}` for an unknown name or a closed socket
 * @example
 * // {ok, Stats} = inet:getstat(Sock, [recv_oct, send_oct])
 * const Stats = ok(await inet.getstat(Sock, ['recv_oct', 'send_oct']));
 * @see https://www.erlang.org/docs/25/man/inet.html#getstat-2
 */
export function getstat<const N extends stat_option = stat_option>(
  socket: Port,
  names: readonly N[] = statNames as readonly StatName[] as readonly N[],
): Promise<readonly ['ok', List<readonly [N, number]>] | Einval> {
  const p = portArg('inet:getstat/2', socket);
  if (!Array.isArray(names))
    throw new ErlangError('badarg', `inet:getstat/2: not a list: ${describe(names)}`);
  if (p === undefined) return Promise.resolve(einval);
  const out = new List<readonly [N, number]>();
  for (const name of names as readonly unknown[]) {
    if (!statNames.includes(name as StatName)) return Promise.resolve(einval);
    out.push([name as N, p.stat(name as StatName)]);
  }
  return Promise.resolve(['ok', out]);
}

/**
 * Closes a socket (from any process). Pending output is flushed first.
 * @param socket - a gen_tcp socket, listening or connected, or a gen_udp socket
 * @returns `ok`, also for a socket already closed
 * @example
 * // ok = inet:close(LSock)
 * await inet.close(LSock);
 * @see https://www.erlang.org/docs/25/man/inet.html#close-1
 */
export function close(socket: Port): Promise<'ok'> {
  return closePort('inet:close/1', socket);
}

/** close/1 for inet and gen_tcp: closes, then takes a queued `{tcp_closed, S}` from the caller. */
export function closePort(fn: string, socket: unknown): Promise<'ok'> {
  const proc = caller();
  const p = portArg(fn, socket);
  if (p !== undefined) {
    const owner = p.owner;
    p.close();
    // The port was linked to its owner: closed by another process, it signals the owner.
    if (owner !== proc) portExit(owner, p.port, 'normal');
  }
  flushClosed(proc, socket as Port, p?.closedTag ?? 'tcp_closed');
  return Promise.resolve('ok');
}

/**
 * Monitors a socket: `{'DOWN', Ref, port, S, Reason}` arrives when it closes (`normal`) or
 * its owner dies (the owner's reason); at once with `noproc` for a closed socket.
 * @param socket - a gen_tcp or gen_udp socket
 * @returns the monitor's reference
 * @example
 * // MRef = inet:monitor(Sock),
 * // receive {'DOWN', MRef, port, Sock, Info} -> Info end
 * const MRef = inet.monitor(Sock);
 * await receive(on(['DOWN', MRef, 'port', Sock, _], ([, , , , Info]) => Info));
 * @see https://www.erlang.org/docs/25/man/inet.html#monitor-1
 */
export function monitor(socket: Port): Ref {
  const watcher = caller();
  const p = portArg('inet:monitor/1', socket);
  const ref = make_ref();
  if (p === undefined) deliver(watcher, ['DOWN', ref, 'port', socket, 'noproc']);
  else p.monitors.add(watcher, ref);
  return ref;
}

/**
 * Removes a socket monitor. A DOWN already sent stays in the mailbox, as after
 * `erlang:demonitor(MRef, [info])`, which OTP's inet:cancel_monitor/1 calls.
 * @param ref - a reference from {@link monitor}
 * @returns `true` if the monitor was active; `false` if it had fired, was cancelled, or
 *   never was a monitor
 * @example
 * // true = inet:cancel_monitor(MRef)
 * inet.cancel_monitor(MRef); // true
 * @see https://www.erlang.org/docs/25/man/inet.html#cancel_monitor-1
 */
export function cancel_monitor(ref: Ref): boolean {
  if (!((ref as unknown) instanceof Ref))
    throw new ErlangError('badarg', `inet:cancel_monitor/1: not a reference: ${describe(ref)}`);
  return cancelMonitor(ref);
}

/**
 * What `inet:info/1` gives for an open socket. `memory` is a fixed 40 and `links` the owner
 * (docs/DEVIATIONS.md).
 */
export interface info {
  readonly counters: Readonly<Record<stat_option, number>>;
  readonly input: number;
  readonly links: List<Pid>;
  readonly memory: number;
  readonly monitors: List<readonly ['process', Pid]>;
  readonly output: number;
  readonly owner: Pid;
  readonly states: List<string>;
}

/**
 * What `inet:info/1` gives for a closed socket: `#{states => [closed]}` (the other keys are
 * absent, so a pattern on them reads `undefined`).
 */
export type closed_info = { readonly states: List<'closed'> } & {
  readonly [K in Exclude<keyof info, 'states'>]?: never;
};

/**
 * Information about a socket, as `inet:info/1`.
 * @param socket - a gen_tcp or gen_udp socket
 * @returns a map of counters, input, output, links, memory, monitors, owner and states
 * @example
 * // #{owner := Owner, states := States} = inet:info(Sock)
 * const { owner: Owner, states: States } = await inet.info(Sock);
 * @see https://www.erlang.org/docs/25/man/inet.html#info-1
 */
export function info(socket: Port): Promise<info | closed_info> {
  const p = portArg('inet:info/1', socket);
  if (p === undefined) return Promise.resolve({ states: new List('closed' as const) });
  const counters = {} as Record<stat_option, number>;
  for (const name of [...statNames].sort()) counters[name] = p.stat(name);
  return Promise.resolve({
    counters,
    input: p.infoInput,
    links: new List(p.owner.pid),
    memory: 40,
    monitors: p.infoMonitors(),
    output: p.counters.sendOct,
    owner: p.owner.pid,
    states: p.states(),
  });
}

async function hostPart(a: readonly unknown[] | null | undefined, proto: 'tcp' | 'udp'): Promise<string> {
  if (a === null || a === undefined) return '*:*';
  if (a[0] === 'local') return `local:${String(a[1])}`;
  const [ip, portNo] = a as [number[], number];
  // A port a service owns prints by the service's name, as inet:i/0's fmt_port.
  const name = servicesByPort().get(`${portNo}/${proto}`) ?? String(portNo);
  const any = ip.every((x) => x === 0);
  if (any) return `*:${name}`;
  const r = await gethostbyaddr(ip);
  return `${r[0] === 'ok' ? r[1].h_name : ip.join('.')}:${name}`;
}

/**
 * Prints a table of the open gen_tcp and gen_udp sockets, as `inet:i/0`: port, module, bytes
 * received and sent, owner, local and foreign address, state and type.
 * @returns `ok`
 * @example
 * // inet:i()
 * await inet.i();
 * @see https://www.erlang.org/docs/25/man/inet.html#i-0
 */
export async function i(): Promise<'ok'> {
  const header = [
    'Port',
    'Module',
    'Recv',
    'Sent',
    'Owner',
    'Local Address',
    'Foreign Address',
    'State',
    'Type',
  ];
  const rows: string[][] = [header];
  for (const p of openPorts()) {
    const row = p.iRow();
    rows.push([
      String(p.port.serial),
      row.module,
      String(p.counters.recvOct),
      String(p.counters.sendOct),
      String(p.owner.pid),
      await hostPart(p.sockname(), row.type === 'DGRAM' ? 'udp' : 'tcp'),
      await hostPart(p.peername(), row.type === 'DGRAM' ? 'udp' : 'tcp'),
      row.state,
      row.type,
    ]);
  }
  const widths = header.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  for (const r of rows) io.format('~s~n', [r.map((cell, c) => cell.padEnd((widths[c] ?? 0) + 1)).join('')]);
  return 'ok';
}
