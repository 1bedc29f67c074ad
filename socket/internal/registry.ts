/**
 * The socket registry and what reports on sockets: monitors, number_of, which_sockets,
 * use_registry, info, supports, is_supported and i.
 */
import { ErlangError, List, Pid, Ref, make_ref } from 'erlts';
import { caller, cancelMonitor, deliver, describe } from '../../runtime/internal/driver-api.js';
import { openSockets, type Pending, type Socket } from './esocket.js';
import { socketArg } from './args.js';
import { honoured, MSG_FLAGS } from './transfer.js';
import { getopt, supportedOptions } from './options.js';
import { peername, sockname } from './addresses.js';
import { printSockets } from './i.js';
import type { domain, level, protocol, type } from './option-types.js';
import type { msg_flag } from './data.js';

/** `socket:socket_counters()`: the counters of `info/1`, a map of atoms to integers. */
export interface socket_counters {
  readonly [counter: string]: number;
  readonly acc_fails: number;
  readonly acc_success: number;
  readonly acc_tries: number;
  readonly acc_waits: number;
  readonly read_byte: number;
  readonly read_fails: number;
  readonly read_pkg: number;
  readonly read_pkg_max: number;
  readonly read_tries: number;
  readonly read_waits: number;
  readonly write_byte: number;
  readonly write_fails: number;
  readonly write_pkg: number;
  readonly write_pkg_max: number;
  readonly write_tries: number;
  readonly write_waits: number;
}

/**
 * `socket:socket_info()`: what `info/1` gives about a socket.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-socket_info
 */
export interface socket_info {
  readonly counters: socket_counters;
  readonly ctype: 'normal';
  readonly domain: domain;
  readonly type: type;
  readonly protocol: protocol;
  readonly owner: Pid;
  readonly num_acceptors: number;
  readonly num_readers: number;
  readonly num_writers: number;
  readonly rstates: List<string>;
  readonly wstates: List<string>;
}

/**
 * `socket:info()`: what `info/0` gives about the library.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-info
 */
export interface info {
  readonly counters: { readonly num_sockets: number };
  readonly use_registry: boolean;
  readonly iov_max: number;
}

/** What `which_sockets/1` and `i/1,2` filter by: a domain, a type or a protocol. */
export type kind_filter =
  'inet' | 'inet6' | 'local' | 'stream' | 'dgram' | 'seqpacket' | 'tcp' | 'udp' | 'sctp';

/** `socket:info_keys()`: the columns of `i/1,2`. */
export type info_key =
  | 'domain'
  | 'type'
  | 'protocol'
  | 'fd'
  | 'owner'
  | 'local_address'
  | 'remote_address'
  | 'recv'
  | 'sent'
  | 'state';

/**
 * Monitors a socket: `['DOWN', Ref, 'socket', S, 'closed']` when it closes (its owner's death
 * closes it too); at once, with `nosock`, for a socket already closed, as the manual says
 * (OTP 25 itself sends `closed` then). Several monitors of one socket are independent.
 * @param s - the socket to watch
 * @returns the monitor's reference
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // MRef = socket:monitor(S),
 * // ok = socket:close(S),
 * // receive {'DOWN', MRef, socket, S, Info} -> Info end
 * const MRef = socket.monitor(S);
 * await socket.close(S);
 * await receive(on(['DOWN', MRef, 'socket', S, _], ([, , , , Info]) => Info));
 * @see https://www.erlang.org/docs/25/man/socket.html#monitor-1
 */
export function monitor(s: Socket): Ref {
  const watcher = caller();
  const e = socketArg('monitor/1', s);
  const ref = make_ref();
  // A socket that no longer exists: `nosock`, as the manual says (OTP 25's code sends `closed`).
  if (e.closed) deliver(watcher, ['DOWN', ref, 'socket', s, 'nosock']);
  else e.monitors.add(watcher, ref);
  return ref;
}

/**
 * Removes a socket monitor: no DOWN message for it comes after.
 * @param ref - a reference from `monitor`
 * @returns `true` when the monitor was there, `false` when it was not (its DOWN message was
 *   sent already, or it was removed)
 * @throws ErlangError `badarg` for what is not a reference
 * @example
 * // true = socket:cancel_monitor(MRef)
 * socket.cancel_monitor(MRef); // true
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel_monitor-1
 */
export function cancel_monitor(ref: Ref): boolean {
  if (!(ref instanceof Ref)) {
    throw new ErlangError('badarg', `socket:cancel_monitor/1: not a reference: ${describe(ref)}`);
  }
  return cancelMonitor(ref);
}

/**
 * The same as cancel_monitor/1 under the name erlang:demonitor/1 has: removes a socket
 * monitor. OTP 25's socket module has no demonitor; code ported from it calls
 * `cancel_monitor`.
 * @param ref - a reference from `monitor`
 * @returns `true` when the monitor was there, `false` otherwise (also for what is not a
 *   reference)
 * @example
 * // true = socket:cancel_monitor(MRef)   % socket has no demonitor/1
 * socket.demonitor(MRef); // true
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel_monitor-1
 */
export function demonitor(ref: Ref): boolean {
  return cancelMonitor(ref);
}

/**
 * The number of open sockets in the registry (those opened with `use_registry` on).
 * @returns a non-negative integer
 * @example
 * // N = socket:number_of()
 * const N = socket.number_of();
 * @see https://www.erlang.org/docs/25/man/socket.html#number_of-0
 */
export function number_of(): number {
  let n = 0;
  for (const e of openSockets()) if (e.useRegistry) n++;
  return n;
}

/** which_sockets/1's atoms: OTP's domains, types and protocols it knows of. */
const FILTERS: readonly string[] = [
  'inet',
  'inet6',
  'local',
  'stream',
  'dgram',
  'seqpacket',
  'tcp',
  'udp',
  'sctp',
];

/**
 * The open sockets of the registry, optionally filtered by domain, type, protocol, owner pid
 * or predicate.
 * @param filter - `inet`, `inet6`, `local`, `stream`, `dgram`, `seqpacket`, `tcp`, `udp`,
 *   `sctp`, the controlling process's pid, or a function of one argument given each socket's
 *   `info` map and returning `true` for the sockets to keep
 * @returns a list of sockets
 * @throws ErlangError `badarg` for another filter
 * @example
 * // Self = self(),
 * // Mine = socket:which_sockets(fun(#{owner := Owner}) -> Owner =:= Self end)
 * const Self = self();
 * const Mine = socket.which_sockets(({ owner: Owner }) => Owner === Self);
 * @see https://www.erlang.org/docs/25/man/socket.html#which_sockets-1
 */
export function which_sockets(filter?: kind_filter | Pid | ((info: socket_info) => boolean)): List<Socket> {
  const fn = typeof filter === 'function' && filter.length <= 1;
  if (filter !== undefined && !FILTERS.includes(filter as string) && !(filter instanceof Pid) && !fn) {
    throw new ErlangError('badarg', `socket:which_sockets/1: bad filter: ${describe(filter)}`);
  }
  const out = new List<Socket>();
  for (const e of openSockets()) {
    if (!e.useRegistry) continue;
    if (filter === undefined) out.push(e.term);
    else if (filter === e.domain || filter === e.type || filter === e.protocol) out.push(e.term);
    else if (typeof filter === 'object' && filter !== null && 'serial' in filter && e.owner.pid === filter) {
      out.push(e.term);
    } else if (typeof filter === 'function' && (filter as (i: unknown) => unknown)(info(e.term)) === true) {
      out.push(e.term);
    }
  }
  return out;
}

/**
 * Information about a socket: domain, type, protocol, owner, counters, readers, writers,
 * acceptors, as OTP's map. Without a socket (info/0), about the library: the number of
 * sockets, whether the registry is used, `iov_max`.
 * @param s - any socket, closed ones too; none for info/0
 * @returns a map: `counters` (`read_byte`, `write_byte`, `read_pkg`, `acc_success`, ...),
 *   `ctype`, `domain`, `type`, `protocol`, `owner`, `num_readers`, `num_writers`,
 *   `num_acceptors`, `rstates`, `wstates`; info/0's `counters` (`num_sockets`),
 *   `use_registry`, `iov_max`
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // #{counters := Counters, owner := Owner} = socket:info(Sock)
 * const { counters: Counters, owner: Owner } = socket.info(Sock);
 * @see https://www.erlang.org/docs/25/man/socket.html#info-1
 */
export function info(): info;
export function info(s: Socket): socket_info;
export function info(s?: Socket): info | socket_info {
  if (s === undefined) {
    return { counters: { num_sockets: number_of() }, use_registry: globalRegistry, iov_max: 1024 };
  }
  const e = socketArg('info/1', s);
  const io = e.stream?.counters ?? e.dgram?.counters ?? null;
  const c = e.counters;
  const stream = e.type === 'stream';
  const [rstates, wstates] = e.states();
  const count = (...kinds: Pending['kind'][]): number =>
    e.pending.filter((p) => kinds.includes(p.kind)).length;
  return {
    counters: {
      acc_fails: c.acc_fails,
      acc_success: c.acc_success,
      acc_tries: c.acc_tries,
      acc_waits: c.acc_waits,
      read_byte: stream ? c.read_byte : (io?.recvOct ?? 0),
      read_fails: c.read_fails,
      read_pkg: stream ? c.read_pkg : (io?.recvCnt ?? 0),
      read_pkg_max: stream ? c.read_pkg_max : (io?.recvMax ?? 0),
      read_tries: c.read_tries,
      read_waits: c.read_waits,
      write_byte: io?.sendOct ?? 0,
      write_fails: c.write_fails,
      write_pkg: io?.sendCnt ?? 0,
      write_pkg_max: io?.sendMax ?? 0,
      write_tries: c.write_tries,
      write_waits: c.write_waits,
    },
    ctype: 'normal',
    domain: e.domain,
    num_acceptors: count('accept'),
    num_readers: count('recv', 'recvfrom', 'recvmsg'),
    num_writers: count('send', 'sendmsg', 'sendfile'),
    owner: e.owner.pid,
    protocol: e.protocol,
    rstates,
    type: e.type,
    wstates,
  };
}

let globalRegistry = true;

/** Whether a socket opened without `use_registry` enters the registry. */
export function registryDefault(): boolean {
  return globalRegistry;
}

/**
 * Sets whether sockets opened from now on enter the registry (socket:use_registry/1); `open`'s
 * `use_registry` option overrides it for one socket. Sockets out of the registry are not
 * counted by `number_of` nor listed by `which_sockets` and `i`.
 * @param on - `true` (the default at start) or `false`
 * @returns `ok`
 * @throws ErlangError `function_clause` for what is not a boolean, as OTP
 * @example
 * // ok = socket:use_registry(false)
 * socket.use_registry(false);
 * @see https://www.erlang.org/docs/25/man/socket.html#use_registry-1
 */
export function use_registry(on: boolean): 'ok' {
  if (typeof on !== 'boolean')
    throw new ErlangError('function_clause', `socket:use_registry/1: not a boolean: ${describe(on)}`);
  globalRegistry = on;
  return 'ok';
}

/** The boolean keys of supports/0, as this implementation on Node has them. */
const FEATURES: readonly (readonly [string, boolean])[] = [
  ['sctp', false],
  ['ipv6', true],
  ['local', true],
  ['netns', false],
  ['sendfile', true],
];

function optionList(level?: string): List<readonly [unknown, boolean]> {
  const out = new List<readonly [unknown, boolean]>();
  for (const [l, opts] of supportedOptions()) {
    if (level === undefined) for (const [o, real] of opts) out.push([[l, o], real]);
    else if (l === level) for (const [o, real] of opts) out.push([o, real]);
  }
  return out;
}

/**
 * What this implementation supports, honestly: `options` marks true only the options erlts
 * applies to Node or reads from the socket (the others are kept and read back), `msg_flags`
 * the flags it honours; there are no ioctls.
 * @param key - `msg_flags`, `protocols`, `options`, `ioctl_requests`, `ioctl_flags`; none for
 *   all of them and the features (`sctp`, `ipv6`, `local`, `netns`, `sendfile`)
 * @param level - with `options`, one level's options as `{Opt, Bool}`
 * @returns `[{Key, Value}]` lists, as OTP 25: `[{{Level, Opt}, Bool}]` for `options`,
 *   `[{Opt, Bool}]` for one level, `[{Flag, Bool}]`, `[{Protocol, Bool}]`; `[]` for a key it
 *   does not know
 * @example
 * // TcpOpts = socket:supports(options, tcp)   % [..., {nodelay, true}, ...]
 * const TcpOpts = socket.supports('options', 'tcp');
 * @see https://www.erlang.org/docs/25/man/socket.html#supports-0
 */
export function supports(): List<
  readonly [string, boolean] | readonly [string, List<readonly [unknown, boolean]>]
>;
export function supports(key: 'options'): List<readonly [readonly [level, string], boolean]>;
export function supports(key: 'options', level: level): List<readonly [string, boolean]>;
export function supports(key: 'msg_flags'): List<readonly [msg_flag, boolean]>;
export function supports(key: 'protocols'): List<readonly [string, boolean]>;
export function supports(key: string, level?: string): List<readonly [unknown, boolean]>;
export function supports(key?: string, level?: string): List<readonly [unknown, unknown]> {
  if (key === undefined) {
    return new List<readonly [unknown, unknown]>(
      ...['ioctl_requests', 'ioctl_flags', 'options', 'msg_flags', 'protocols'].map(
        (k) => [k, supports(k)] as const,
      ),
      ...FEATURES,
    );
  }
  if (key === 'options') return optionList(level);
  if (level !== undefined) return new List();
  if (key === 'msg_flags') return new List(...MSG_FLAGS.map((f) => [f, honoured(f)] as const));
  if (key === 'protocols') return new List(['ip', true], ['tcp', true], ['udp', true], ['sctp', false]);
  return new List();
}

/**
 * Whether something is supported: `is_supported('ipv6')`, `is_supported('msg_flags',
 * 'peek')`, `is_supported('options', ['tcp', 'nodelay'])` (or, as OTP's legacy form,
 * `is_supported('options', 'tcp', 'nodelay')`). It answers what `supports` reports.
 * @param key - a feature (`sctp`, `ipv6`, `local`, `netns`, `sendfile`), or a `supports` key
 *   (`options`, `msg_flags`, `protocols`, ...)
 * @param key2 - with a `supports` key, the item: an option `[Level, Name]` (or its level, in
 *   the legacy form), a flag, a protocol
 * @param name - in the legacy form, the option's name
 * @returns `true` or `false` (also for a key it does not know)
 * @example
 * // true = socket:is_supported(options, {tcp, nodelay})
 * socket.is_supported('options', ['tcp', 'nodelay']); // true
 * @see https://www.erlang.org/docs/25/man/socket.html#is_supported-1
 */
export function is_supported(key: string, key2?: unknown, name?: string): boolean {
  if (key2 === undefined) return FEATURES.some(([k, v]) => k === key && v);
  const opt = name === undefined ? key2 : [key2, name];
  for (const [k, v] of key === 'options' ? optionList() : supports(key)) {
    const same = Array.isArray(k) && Array.isArray(opt) ? k[0] === opt[0] && k[1] === opt[1] : k === opt;
    if (same) return v === true;
  }
  return false;
}

/**
 * Prints a table of the sockets in the registry, all of them or one domain, type or protocol.
 * @param keysOrFilter - a list of info keys, or `inet | inet6 | local | tcp | udp | sctp | stream | dgram | seqpacket`
 * @param keys - with a filter (i/2): the info keys (`domain`, `type`, `protocol`, `fd`, `owner`,
 *   `local_address`, `remote_address`, `recv`, `sent`, `state`; others print `" "`)
 * @returns `ok`
 * @throws ErlangError `function_clause` for other arguments, as OTP
 * @example
 * // socket:i([domain, type, protocol, state])
 * await socket.i(['domain', 'type', 'protocol', 'state']);
 * @see https://www.erlang.org/docs/25/man/socket.html#i-0
 */
export function i(keys?: readonly (info_key | (string & {}))[]): Promise<'ok'>;
export function i(filter: kind_filter, keys?: readonly (info_key | (string & {}))[]): Promise<'ok'>;
export function i(keysOrFilter?: unknown, keys?: unknown): Promise<'ok'> {
  const infoMap = (s: Socket): Record<string, unknown> => ({ ...info(s) });
  return printSockets({ which_sockets, info: infoMap, sockname, peername, getopt }, keysOrFilter, keys);
}
