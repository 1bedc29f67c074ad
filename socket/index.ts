/**
 * erlts/socket — OTP's `socket` module over Node: stream sockets (inet, inet6, local) share
 * gen_tcp's Node adapter (socket/internal/esocket.ts), datagram sockets run over `node:dgram`.
 * Calls block the calling process, or with `nowait` answer with a select info and a later
 * `['$socket', S, 'select', Handle]` message, as the NIF's. What Node cannot do (raw and
 * seqpacket sockets, ancillary data, most low-level options) is refused with OTP's error and
 * listed in docs/DEVIATIONS.md; see docs/socket.md.
 *
 * @example
 * import * as socket from 'erlts/socket';
 * const [, LS] = await socket.open('inet', 'stream', 'tcp');
 * await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 });
 * await socket.listen(LS);
 * @see https://www.erlang.org/docs/25/man/socket.html
 */
import { ErlangError, make_ref, Ref, List, Pid } from 'erlts';
import {
  flagsOf,
  honoured,
  MSG_FLAGS,
  iovList,
  iovOf,
  isNowait,
  readDatagram,
  readStream,
  selectInfo,
  writeStream,
  writeFile,
  type FileArg,
  type Error_,
  type Flags,
  type Select,
  type SelectInfo,
  type Timeout,
  handleOf,
} from './internal/transfer.js';
import {
  caller,
  cancelMonitor,
  deliver,
  describe,
  processFor,
  type ProcessHandle,
} from '../runtime/internal/driver-api.js';
import { getNative, getOption, setNative, setOption, supportedOptions } from './internal/options.js';
import { printSockets } from './internal/i.js';
import { checkOpen, type Created } from './internal/create.js';
import { listen as tcpListen, connect as tcpConnect, hostOf } from '../inet/internal/tcp/open.js';
import { lookupPort } from '../inet/internal/tcp/inet-port.js';
import { ListenPort } from '../inet/internal/tcp/listener.js';
import { TcpPort } from '../inet/internal/tcp/stream.js';
import { is_ip_address } from '../inet/internal/address.js';
import { endpoint } from '../inet/internal/tcp/stream.js';
import { toBuffer } from '../inet/internal/tcp/iodata.js';
import { DgramPort, type Datagram } from '../inet/internal/udp/dgram.js';
import { openFd, type FromFd } from '../inet/internal/fd.js';
import {
  ESocket,
  Socket,
  lookupSocket,
  openSockets,
  type Domain,
  type Target,
  type Pending,
} from './internal/esocket.js';

export { Socket };

/** A socket address map: `#{family => inet, addr => {127,0,0,1}, port => 80}`. */
export type sockaddr =
  | {
      family: 'inet' | 'inet6';
      addr: readonly number[] | 'any' | 'loopback';
      port?: number;
      flowinfo?: number;
      scope_id?: number;
    }
  | { family: 'local'; path: string | Buffer };

type Ok<T> = readonly ['ok', T];
/** A msg map, as sendmsg takes it and recvmsg returns it. */
export type msg = {
  addr?: sockaddr;
  iov: readonly Buffer[];
  ctrl?: readonly unknown[];
  flags?: readonly unknown[];
};

const closed = ['error', 'closed'] as const;

function socketArg(fn: string, s: unknown): ESocket {
  const e = lookupSocket(s);
  if (e === null) throw new ErlangError('badarg', `socket:${fn}: not a socket: ${describe(s)}`);
  return e;
}

/** A timeout argument: ms, infinity, nowait, or the caller's own ref (a nowait with that handle). */
function timeoutArg(fn: string, t: unknown): Timeout {
  if (t === 'infinity' || t === 'nowait' || t instanceof Ref) return t;
  if (typeof t === 'number' && Number.isInteger(t) && t >= 0) return t;
  throw new ErlangError(['invalid', ['timeout', t]], `socket:${fn}: bad timeout: ${describe(t)}`);
}

/** An address argument: a map (what the NIF cannot encode is then an error returned), else raised. */
function addrArg(fn: string, addr: unknown): object {
  if (typeof addr === 'object' && addr !== null && !Array.isArray(addr)) return addr;
  throw new ErlangError(
    ['invalid', ['sockaddr', addr]],
    `socket:${fn}: not a sockaddr map: ${describe(addr)}`,
  );
}

/** A buffer size or length argument: a non-negative integer, else badarg. */
function sizeArg(fn: string, size: unknown): number {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw new ErlangError('badarg', `socket:${fn}: bad length: ${describe(size)}`);
  }
  return size;
}

/**
 * The trailing arguments every data call takes: `[Flags,] Timeout`, either optional. With
 * both, Flags must be a list (OTP's guard: badarg); alone, a list is the flags, anything else
 * the timeout.
 * @returns the flags and the timeout, or the error for a flag that is wrong or not honoured
 */
function callArgs(
  fn: string,
  dir: 'send' | 'recv',
  flagsOrTimeout: unknown,
  maybeTimeout: unknown,
): { flags: Flags; t: Timeout } | Error_ {
  const list = Array.isArray(flagsOrTimeout);
  if (!list && maybeTimeout !== undefined) {
    throw new ErlangError('badarg', `socket:${fn}: flags not a list: ${describe(flagsOrTimeout)}`);
  }
  const t = timeoutArg(fn, (list ? maybeTimeout : flagsOrTimeout) ?? 'infinity');
  if (!list) return { flags: NO_FLAGS, t };
  const flags = flagsOf(flagsOrTimeout as unknown[], dir);
  return 'peek' in flags ? { flags, t } : flags;
}

const NO_FLAGS = { peek: false, more: false } as const;

function isError(a: object): a is Error_ {
  return Array.isArray(a);
}

/** A sockaddr's address as gen_tcp's `ip` option takes it. */
function ipOf(addr: unknown, family: Domain): readonly number[] | 'any' | 'loopback' | null {
  if (addr === 'any' || addr === 'loopback') return addr;
  if (is_ip_address(addr) && (addr.length === 4) === (family === 'inet')) return addr;
  return null;
}

/**
 * Reads a sockaddr map by its own family, as the NIF encodes it before any call: a map it
 * cannot encode is `null` (`{invalid, {sockaddr, Addr}}`); a family that does not match the
 * socket is the kernel's business (`einval`).
 */
function targetOf(addr: unknown): Target | null {
  if (typeof addr !== 'object' || addr === null || Array.isArray(addr)) return null;
  const m = addr as { family?: unknown; addr?: unknown; port?: unknown; path?: unknown };
  if (m.family === 'local') {
    if (typeof m.path === 'string') return { family: 'local', path: Buffer.from(m.path) };
    if (Buffer.isBuffer(m.path)) return { family: 'local', path: m.path };
    if (Array.isArray(m.path) && m.path.every((c) => Number.isInteger(c))) {
      return { family: 'local', path: Buffer.from(m.path as number[]) };
    }
    return null;
  }
  if (m.family !== 'inet' && m.family !== 'inet6') return null;
  const ip = ipOf(m.addr ?? 'any', m.family);
  const port = m.port ?? 0;
  if (ip === null || typeof port !== 'number' || !Number.isInteger(port)) return null;
  // The NIF stores the port in 16 bits: 65536 + P is P, -1 is 65535.
  return { family: m.family, ip, port: ((port % 65536) + 65536) % 65536 };
}

/**
 * What Linux answers for an address of another family than the socket's: the length check
 * comes first (an address shorter than the socket's own sockaddr is EINVAL: an inet address to
 * an inet6 socket, a short local path), then the family (EAFNOSUPPORT). A local socket refuses
 * any other family with EINVAL; an inet6 datagram socket's connect and sendto take an inet
 * address (as v4-mapped), and its sendto refuses any other family with EINVAL.
 * @returns the error, or null when the socket takes the address
 */
function familyError(e: ESocket, t: Target, op: 'bind' | 'connect' | 'sendto'): Error_ | null {
  if (t.family === e.domain) return null;
  if (e.domain === 'local') return einval;
  if (e.domain === 'inet6' && e.type === 'dgram' && op !== 'bind') {
    if (t.family === 'inet') return null;
    if (op === 'sendto') return einval;
  }
  // sockaddr_in is 16 bytes, sockaddr_in6 28 (24 is enough for Linux), sockaddr_un 2 + path.
  const length = t.family === 'local' ? 2 + t.path.length : t.family === 'inet' ? 16 : 28;
  return length < (e.domain === 'inet' ? 16 : 24) ? einval : ['error', 'eafnosupport'];
}

const einval = ['error', 'einval'] as const;

/** An inet address for an inet6 socket, as the kernel takes it: v4-mapped. */
function onSocket(
  e: ESocket,
  t: Target & { family: 'inet' | 'inet6' },
): Target & { family: 'inet' | 'inet6' } {
  return t.family === e.domain ? t : { family: 'inet6', ip: v4Mapped(peerIp(t)), port: t.port };
}

/** The address tuple to connect or send to: `loopback` as the family's, never `any`. */
function peerIp(t: Target & { family: 'inet' | 'inet6' }): readonly number[] {
  if (t.ip === 'loopback') return t.family === 'inet' ? [127, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0, 1];
  if (t.ip === 'any') return t.family === 'inet' ? [0, 0, 0, 0] : [0, 0, 0, 0, 0, 0, 0, 0];
  return t.ip;
}

/**
 * Creates a socket, or (`open(FD)`, `open(FD, Opts)`) takes a descriptor this process already
 * has, such as one a parent or a service manager passed on: a TCP or local stream (connected,
 * or listening), or a UDP socket, as the descriptor is.
 * @param domain - `inet`, `inet6` or `local` (or its number); or the descriptor
 * @param type - `stream` or `dgram` (or its number); or, with a descriptor, `{domain,
 *   use_registry, dup}` (`domain` tells a UDP descriptor's family, which Node cannot read; `dup`
 *   cannot be done on Node: the socket owns the descriptor itself)
 * @param protocol - `default`, `tcp`, `udp`, `ip`, another name of the system's protocols file
 *   or a number; or, as open/3, the options map
 * @param opts - `#{use_registry => boolean()}`; anything but a map raises badarg
 * @returns `['ok', Socket]` or `['error', Reason]`: `['invalid', [What, Value]]` for an unknown
 *   domain, type or protocol name, the kernel's `eprotonosupport` for a known protocol of
 *   another type (`open(inet, stream, udp)`), `esocktnosupport`, `einval`, `eafnosupport` as
 *   Linux gives them
 * @throws ErlangError `{invalid, {protocol, P}}` for a protocol neither atom nor integer, as OTP
 * @example
 * // {ok, S} = socket:open(inet, stream, tcp)
 * const [, S] = await socket.open('inet', 'stream', 'tcp');
 * @see https://www.erlang.org/docs/25/man/socket.html#open-3
 */
export async function open(
  domain: unknown,
  type?: unknown,
  protocol: unknown = 'default',
  opts: unknown = {},
): Promise<readonly ['ok', Socket] | Error_> {
  let proc = caller();
  if (type === undefined || isMap(type)) {
    if (typeof domain !== 'number' || !Number.isInteger(domain) || domain < 0) {
      throw new ErlangError('badarg', `socket:open/2: not a file descriptor: ${describe(domain)}`);
    }
    return openDescriptor(proc, domain, type ?? {});
  }
  // open/3 with an options map in the protocol's place.
  if (isMap(protocol)) return open(domain, type, 'default', protocol);
  if (!isMap(opts)) throw new ErlangError('badarg', `socket:open/4: options not a map: ${describe(opts)}`);
  const c = await checkOpen(domain, type, protocol);
  if (Array.isArray(c)) return c as Error_;
  proc = caller(); // it may have read the protocols file meanwhile
  const { domain: d, type: t, protocol: p } = c as Created;
  const s = new ESocket(proc, d, t, p, registryOpt(opts));
  if (t === 'dgram') s.dgram = new DgramPort(d as 'inet' | 'inet6');
  return ['ok', s.term];
}

function isMap(v: unknown): v is Record<string, unknown> {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !Buffer.isBuffer(v) &&
    !(v instanceof Ref) &&
    !(v instanceof Pid)
  );
}

function registryOpt(opts: Record<string, unknown>): boolean {
  const reg = opts['use_registry'];
  return typeof reg === 'boolean' ? reg : globalRegistry;
}

/** socket:open/1,2: a socket over a descriptor, in the state the descriptor is in. */
async function openDescriptor(
  proc: ProcessHandle,
  fd: number,
  opts: Record<string, unknown>,
): Promise<readonly ['ok', Socket] | Error_> {
  const r = await openFd(proc, fd, HIDDEN_OPTS, opts['domain'] === 'inet6' ? 'inet6' : 'inet');
  if (Array.isArray(r)) return r as Error_;
  const from = r as FromFd;
  const e = new ESocket(
    proc,
    from.domain,
    from.kind === 'dgram' ? 'dgram' : 'stream',
    from.kind === 'dgram' ? 'udp' : 'tcp',
    registryOpt(opts),
  );
  if (from.kind === 'dgram') {
    e.dgram = from.port;
    e.state = 'bound';
    e.bound = targetOfEndpoint(from.port.sockname(from.domain));
    return ['ok', e.term];
  }
  from.port.hidden = true;
  if (from.kind === 'listen') {
    e.listener = from.port;
    e.state = 'listening';
    e.listened = true;
    e.bound = targetOfEndpoint(from.port.sockname());
  } else {
    e.setStream(hiddenStream(from.port));
    e.state = 'connected';
    e.writeConnected = true;
  }
  return ['ok', e.term];
}

/** A `{IP, Port}` or `{local, Path}` endpoint as a parsed address. */
function targetOfEndpoint(a: readonly unknown[] | null): Target | null {
  if (a === null) return null;
  if (a[0] === 'local') return { family: 'local', path: a[1] as Buffer };
  const ip = a[0] as readonly number[];
  return { family: ip.length === 4 ? 'inet' : 'inet6', ip, port: a[1] as number };
}

/**
 * Binds a socket to an address; port 0 picks one (read it back with `sockname`).
 * @param addr - a sockaddr map, or `any` / `loopback`
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#bind-2
 */
export async function bind(s: Socket, addr: sockaddr | 'any' | 'loopback'): Promise<'ok' | Error_> {
  caller();
  const e = socketArg('bind/2', s);
  let t: Target | null;
  if (addr === 'any' || addr === 'loopback') {
    if (e.domain === 'local') return ['error', 'eafnosupport'];
    t = { family: e.domain, ip: addr, port: 0 };
  } else {
    t = targetOf(addrArg('bind/2', addr));
    if (t === null) return ['error', ['invalid', ['sockaddr', addr]]];
  }
  if (e.closed) return closed;
  const wrong = familyError(e, t, 'bind');
  if (wrong !== null) return wrong;
  if (e.state !== 'open') return einval;
  if (e.dgram !== null && t.family !== 'local') {
    const r = await e.dgram.bind(hostOf(t.ip, e.domain), t.port);
    if (r === 'ok') {
      e.state = 'bound';
      e.bound = t;
    }
    return r;
  }
  // Node binds a stream socket only by listening: the hidden listen port holds the address.
  // Connections that arrive before listen/2 wait, unread, for accept (docs/DEVIATIONS.md).
  // Half-closed streams stay usable, as a socket's do: no exit_on_close.
  const r =
    t.family === 'local'
      ? await tcpListen(0, [...HIDDEN_OPTS, ['ifaddr', ['local', t.path]], 'local'])
      : await tcpListen(t.port, [...HIDDEN_OPTS, ['ip', t.ip], e.domain]);
  if (r[0] !== 'ok') return r;
  const lp = lookupPort(r[1]) as ListenPort;
  lp.hidden = true;
  if (e.closed) {
    lp.close();
    return closed;
  }
  e.listener = lp;
  e.bound = t;
  e.state = 'bound';
  return 'ok';
}

/** gen_tcp options of a socket's hidden port: binary, passive, usable half-closed. */
const HIDDEN_OPTS = ['binary', ['active', false], ['exit_on_close', false]] as const;

/**
 * Makes a bound socket listen (an unbound one is bound to any address, any port first).
 * @param backlog - the kernel's accept queue length (5 by default, as OTP)
 * @returns `ok` or `['error', Reason]`; `['invalid', ['integer_range', Backlog]]` itself for a
 *   backlog beyond 32 bits, as OTP 25 returns it
 * @example
 * // ok = socket:listen(LS, 128)
 * await socket.listen(LS, 128);
 * @see https://www.erlang.org/docs/25/man/socket.html#listen-2
 */
export async function listen(
  s: Socket,
  backlog = 5,
): Promise<'ok' | Error_ | readonly ['invalid', readonly ['integer_range', number]]> {
  caller();
  const e = socketArg('listen/2', s);
  if (!Number.isInteger(backlog))
    throw new ErlangError('badarg', `socket:listen/2: bad backlog: ${describe(backlog)}`);
  if (backlog < -(2 ** 31) || backlog >= 2 ** 31) return ['invalid', ['integer_range', backlog]];
  if (e.closed) return closed;
  if (e.dgram !== null) return ['error', 'enotsup']; // datagram sockets do not listen
  if (e.state === 'open') {
    if (e.domain === 'local') return einval;
    const r = await bind(s, 'any');
    if (r !== 'ok') return r;
  }
  if ((e.state !== 'bound' && e.state !== 'listening') || e.listener === null) return einval;
  // bind listened with gen_tcp's backlog (Node binds a stream socket only by listening): the
  // kernel takes the real one now.
  e.listener.setBacklog(backlog);
  e.state = 'listening';
  e.listened = true;
  return 'ok';
}

/**
 * Accepts a connection: `['ok', Socket]` owned by the caller, `['error', Reason]`, or with
 * `nowait` (or a ref) `['select', SelectInfo]` when none waits yet, then
 * `['$socket', LS, 'select', Handle]` when one came: call accept again to take it.
 * @see https://www.erlang.org/docs/25/man/socket.html#accept-2
 */
export async function accept(
  s: Socket,
  timeout: Timeout = 'infinity',
): Promise<readonly ['ok', Socket] | Select | Error_> {
  const proc = caller();
  const e = socketArg('accept/2', s);
  const t = timeoutArg('accept/2', timeout);
  if (e.closed) return closed;
  if (e.dgram !== null) return ['error', 'enotsup'];
  if (e.state !== 'listening' || e.listener === null) return ['error', 'einval'];
  const kept = e.take('accept', proc);
  e.counters.acc_tries++; // a retry after the select message is a try of its own, as the NIF counts
  if (kept !== null) return accepted(e, kept as readonly ['ok', Socket] | Error_);
  if (!isNowait(t)) e.abortOwn('accept', proc);
  const lp = e.listener;
  if (isNowait(t)) {
    const now = lp.accept(proc, 0);
    if (!(now instanceof Promise) && now[0] === 'ok')
      return accepted(e, ['ok', adopt(proc, e, now[1])] as const);
    e.readSelected = true;
    const p = e.select('accept', proc, handleOf(t));
    void Promise.resolve(lp.accept(proc, 'infinity')).then(
      (r) => e.selected(p, r[0] === 'ok' ? ['ok', adopt(proc, e, r[1])] : r),
      () => undefined,
    );
    return selectInfo(p);
  }
  const waiting = lp.accept(proc, t);
  let r;
  if (waiting instanceof Promise) {
    e.readSelected = true;
    e.accepting++;
    try {
      r = await waiting;
    } finally {
      e.accepting--;
    }
    // The NIF tries again after its select: a wait that ended with a connection is two tries.
    if (r[0] === 'ok' || r[1] !== 'timeout') e.counters.acc_tries++;
  } else r = waiting;
  // A timeout is no failure of the accept itself, as the NIF counts.
  if (r[0] !== 'ok' && r[1] !== 'timeout') e.counters.acc_fails++;
  return r[0] === 'ok' ? accepted(e, ['ok', adopt(proc, e, r[1])] as const) : r;
}

/** An accept's result reaches its caller: the NIF then marks the listening socket's write side connected. */
function accepted<R extends readonly ['ok', Socket] | Error_>(e: ESocket, r: R): R {
  if (r[0] === 'ok') {
    e.counters.acc_success++;
    e.writeConnected = true;
  }
  return r;
}

/**
 * A connected port as a socket's stream: hidden from inet:i(), reading one chunk ahead (so a
 * nowait recv finds what the kernel had), ending by the socket module's rules (a reset told
 * once, then closed: TcpPort.socketRules).
 */
function hiddenStream(tcp: TcpPort): TcpPort {
  tcp.hidden = true;
  tcp.prefetch = true;
  tcp.socketRules = true;
  tcp.flow();
  return tcp;
}

/** Wraps an accepted hidden port into a socket owned by `proc`. */
function adopt(proc: ProcessHandle, parent: ESocket, port: unknown): Socket {
  const tcp = hiddenStream(lookupPort(port) as TcpPort);
  const child = new ESocket(proc, parent.domain, 'stream', 'tcp', parent.useRegistry);
  child.setStream(tcp);
  child.state = 'connected';
  return child.term;
}

/**
 * Connects a socket. With `nowait` (or a ref), `['select', SelectInfo]` at once, then
 * `['$socket', S, 'select', Handle]`, then `connect(S)` completes it.
 * @see https://www.erlang.org/docs/25/man/socket.html#connect-3
 */
export async function connect(
  s: Socket,
  addr?: sockaddr,
  timeout: Timeout = 'infinity',
): Promise<'ok' | Select | Error_> {
  const proc = caller();
  const e = socketArg('connect/3', s);
  if (e.closed) return closed;
  if (addr === undefined) {
    // connect/1: completes a nowait connect after its select message.
    const kept = e.take('connect', proc);
    return kept === null ? ['error', 'einval'] : (kept as 'ok' | Error_);
  }
  const t = timeoutArg('connect/3', timeout);
  const to = targetOf(addrArg('connect/3', addr));
  if (to === null) return ['error', ['invalid', ['sockaddr', addr]]];
  if (e.dgram !== null) {
    // A datagram socket's connect sets its peer: sends go there, only its datagrams come.
    const wrong = familyError(e, to, 'connect');
    if (wrong !== null || to.family === 'local') return wrong ?? einval;
    const peer = onSocket(e, to);
    const r = await e.dgram.connect(hostOf(peerIp(peer), e.domain), peer.port);
    if (r === 'ok' && !e.closed) {
      e.state = 'connected';
      e.writeConnected = true;
    }
    return r;
  }
  // A connected socket: the kernel's EISCONN, which OTP takes as done (nowait: eisconn).
  if (e.state === 'connected') return isNowait(t) ? ['error', 'eisconn'] : 'ok';
  if (e.state === 'listening') return ['error', 'eisconn'];
  if (e.state === 'connecting') return ['error', 'ealready'];
  if (e.state !== 'open' && e.state !== 'bound') return ['error', 'einval'];
  const wrong = familyError(e, to, 'connect');
  if (wrong !== null) return wrong;
  const target = to.family === 'local' ? [['local', to.path], 0] : [peerIp(to), to.port];
  const opts: unknown[] = [...HIDDEN_OPTS];
  if (e.domain === 'inet6') opts.push('inet6');
  if (e.bound !== null && e.bound.family !== 'local') {
    // A bound socket connects from its address: the hidden listener gives it back.
    const bound = e.listener?.sockname();
    e.listener?.close();
    e.listener = null;
    opts.push(['ip', e.bound.ip]);
    if (bound !== null && bound !== undefined && bound[0] !== 'local') opts.push(['port', bound[1]]);
  }
  e.state = 'connecting';
  // A TCP connect waits for the handshake (EINPROGRESS, then a select); a local one does not.
  if (e.domain !== 'local') e.writeSelected = true;
  const run = async (): Promise<'ok' | Error_> => {
    const r = await tcpConnect([...target, opts, isNowait(t) ? 'infinity' : t]);
    if (r[0] !== 'ok') {
      if (!e.closed) e.state = 'open';
      return r;
    }
    const tcp = hiddenStream(lookupPort(r[1]) as TcpPort);
    if (e.closed) {
      tcp.close();
      return closed;
    }
    if (tcp.owner !== e.owner) tcp.setOwner(e.owner);
    e.setStream(tcp);
    e.applyStored();
    e.state = 'connected';
    e.writeConnected = true;
    return 'ok';
  };
  if (isNowait(t)) {
    const p = e.select('connect', proc, handleOf(t));
    void run().then(
      (r) => e.selected(p, r),
      () => undefined,
    );
    return selectInfo(p);
  }
  return run();
}

/**
 * Sends data on a connected socket. With `infinity` it waits while the socket is above its
 * high watermark; with a timeout it gives up with `['error', 'timeout']`, or
 * `['error', ['timeout', RestData]]` once part of the data went; with `nowait` (or a ref) it
 * sends what fits now and gives `['select', SelectInfo]`, or `['ok', [RestData, SelectInfo]]`
 * for a part, then `['$socket', S, 'select', Handle]` when the rest may be sent.
 * @param flagsOrTimeout - message flags (`nosignal`, `more`), or the timeout
 * @returns `ok`, `['error', Reason]`, or one of the forms above
 * @example
 * // ok = socket:send(S, <<"hello">>)
 * await socket.send(S, Buffer.from('hello'));
 * @see https://www.erlang.org/docs/25/man/socket.html#send-4
 */
export function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout?: readonly unknown[] | number | 'infinity',
  timeout?: number | 'infinity',
): Promise<'ok' | Error_>;
export function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout: readonly unknown[] | Timeout,
  timeout?: Timeout,
): Promise<'ok' | Select | Ok<readonly [Buffer, SelectInfo]> | Error_>;
export async function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<'ok' | Select | Ok<readonly [Buffer, SelectInfo]> | Error_> {
  const proc = caller();
  const e = socketArg('send/4', s);
  const buf = toBuffer(data);
  if (buf === undefined) throw new ErlangError('badarg', `socket:send/4: not iodata: ${describe(data)}`);
  const a = callArgs('send/4', 'send', flagsOrTimeout, timeout);
  if (isError(a)) return a;
  if (e.closed) return closed;
  if (e.dgram !== null) return e.dgram.connected ? e.dgram.send(buf) : ['error', 'edestaddrreq'];
  const r = writeStream(e, proc, 'send', buf, a.flags, a.t);
  return (r instanceof Promise ? await r : r) as 'ok' | Error_;
}

/**
 * Receives from a socket. On a stream, exactly `length` bytes, or what is there for 0; a
 * timeout or a close with some bytes read gives `['error', [Reason, Data]]`. On a datagram
 * socket, the next datagram, cut to `length` when that is not 0.
 * With `nowait` (or a ref): `['select', SelectInfo]`, or `['ok', [Data, SelectInfo]]` when
 * only part of `length` was there, then `['$socket', S, 'select', Handle]`; recv again reads.
 * @param length - bytes wanted (0: what is there); a flag list in its place means 0
 * @param flagsOrTimeout - message flags (`peek`), or the timeout
 * @returns `['ok', Data]`, `['select', SelectInfo]` or `['error', Reason]`
 * @example
 * // {ok, Data} = socket:recv(S, 5, 1000)
 * const [, Data] = await socket.recv(S, 5, 1000);
 * @see https://www.erlang.org/docs/25/man/socket.html#recv-4
 */
export function recv(
  s: Socket,
  length?: number | readonly unknown[],
  flagsOrTimeout?: readonly unknown[] | number | 'infinity',
  timeout?: number | 'infinity',
): Promise<Ok<Buffer> | Error_>;
export function recv(
  s: Socket,
  length: number | readonly unknown[],
  flagsOrTimeout: readonly unknown[] | Timeout,
  timeout?: Timeout,
): Promise<Ok<Buffer> | Ok<readonly [Buffer, SelectInfo]> | Select | Error_>;
export async function recv(
  s: Socket,
  length: number | readonly unknown[] = 0,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<Ok<Buffer> | Ok<readonly [Buffer, SelectInfo]> | Select | Error_> {
  if (Array.isArray(length)) {
    // recv(S, Flags, Timeout): recv/4 has no room for a list there.
    if (timeout !== undefined) sizeArg('recv/4', length);
    return recv(s, 0, length, flagsOrTimeout as Timeout);
  }
  const proc = caller();
  const e = socketArg('recv/4', s);
  const n = sizeArg('recv/4', length);
  const a = callArgs('recv/4', 'recv', flagsOrTimeout, timeout);
  if (isError(a)) return a;
  if (e.closed) return closed;
  if (e.dgram !== null) {
    return (await readDatagram(e, proc, 'recv', a.flags, a.t, (d) => cut(d.data, n))) as Ok<Buffer> | Error_;
  }
  const r = readStream(e, proc, { kind: 'recv', mode: 'exact', length: n, flags: a.flags, shape: same }, a.t);
  return (r instanceof Promise ? await r : r) as Ok<Buffer> | Error_;
}

function same(data: Buffer): Buffer {
  return data;
}

function unnamedSource(data: Buffer): readonly [unknown, Buffer] {
  return [{ family: 'unspec', addr: Buffer.alloc(0) }, data];
}

function streamMsg(data: Buffer): msg {
  return { ctrl: new List(), flags: new List(), iov: iovList(data) };
}

function cut(data: Buffer, size: number): Buffer {
  return size > 0 && data.length > size ? data.subarray(0, size) : data;
}

/**
 * Sends a datagram to `dest` (on a stream socket, `dest` is ignored, as the kernel does).
 * @param flagsOrTimeout - message flags, or the timeout
 * @returns `ok` or `['error', Reason]`
 * @throws ErlangError `{invalid, {sockaddr, Dest}}` for a destination that is not a map, as OTP raises it (a
 *   map it cannot encode is returned as that error)
 * @see https://www.erlang.org/docs/25/man/socket.html#sendto-5
 */
export async function sendto(
  s: Socket,
  data: unknown,
  dest: sockaddr,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<'ok' | Select | Ok<readonly [Buffer, SelectInfo]> | Error_> {
  caller();
  const e = socketArg('sendto/5', s);
  if (typeof dest !== 'object' || dest === null || Array.isArray(dest)) {
    throw new ErlangError(['invalid', ['sockaddr', dest]], `socket:sendto/5: bad address: ${describe(dest)}`);
  }
  // A map the NIF cannot encode is an error returned, not raised, as OTP.
  const to = targetOf(dest);
  if (to === null)
    return ['error', ['invalid', 'family' in dest ? ['sockaddr', dest] : ['sockaddr', 'family', dest]]];
  const buf = toBuffer(data);
  if (buf === undefined) throw new ErlangError('badarg', `socket:sendto/5: not iodata: ${describe(data)}`);
  const a = callArgs('sendto/5', 'send', flagsOrTimeout, timeout);
  if (isError(a)) return a;
  if (e.closed) return closed;
  if (e.dgram === null) return send(s, data, [], a.t);
  return datagramTo(e, buf, to);
}

/** Sends one datagram to a parsed destination. */
function datagramTo(e: ESocket, buf: Buffer, to: Target): Promise<'ok' | Error_> | Error_ {
  const wrong = familyError(e, to, 'sendto');
  if (wrong !== null || to.family === 'local' || e.dgram === null) return wrong ?? ['error', 'eafnosupport'];
  if (to.port === 0) return einval; // the kernel's answer for port 0
  e.counters.write_tries++;
  const peer = onSocket(e, to);
  return e.dgram.sendto(buf, hostOf(peerIp(peer), e.domain), peer.port);
}

/**
 * Receives a datagram: `['ok', [Source, Data]]`, Data cut to `bufSz` bytes when that is not 0.
 * On a stream socket, what is there (at most `bufSz`) from `{family: 'unspec', addr: <<>>}`,
 * as OTP.
 * With `nowait`, `['select', SelectInfo]` and a select message, as recv.
 * @param bufSz - the buffer size (0: the whole datagram); a flag list in its place means 0
 * @param flagsOrTimeout - message flags (`peek`), or the timeout
 * @see https://www.erlang.org/docs/25/man/socket.html#recvfrom-4
 */
export async function recvfrom(
  s: Socket,
  bufSz: number | readonly unknown[] = 0,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<Ok<readonly [sockaddr, Buffer]> | Select | Error_> {
  if (Array.isArray(bufSz)) {
    if (timeout !== undefined) sizeArg('recvfrom/4', bufSz);
    return recvfrom(s, 0, bufSz, flagsOrTimeout as Timeout);
  }
  const proc = caller();
  const e = socketArg('recvfrom/4', s);
  const n = sizeArg('recvfrom/4', bufSz);
  const a = callArgs('recvfrom/4', 'recv', flagsOrTimeout, timeout);
  if (isError(a)) return a;
  if (e.closed) return closed;
  if (e.dgram === null) {
    // On a stream, one recvfrom(2): what is there, at most BufSz, from an unnamed source.
    const q = { kind: 'recvfrom', mode: 'upto', length: n, flags: a.flags, shape: unnamedSource } as const;
    return (await readStream(e, proc, q, a.t)) as Ok<readonly [sockaddr, Buffer]> | Error_;
  }
  const r = await readDatagram(e, proc, 'recvfrom', a.flags, a.t, (d) => [sourceOf(e, d), cut(d.data, n)]);
  return r as Ok<readonly [sockaddr, Buffer]> | Error_;
}

function sourceOf(e: ESocket, d: Datagram): sockaddr {
  return sockaddrOf(e, endpoint(d.address, d.port)) as sockaddr;
}

/**
 * Sends a message: `#{iov => [Bin], addr => Dest}` (`addr` for an unconnected datagram
 * socket). Ancillary data (`ctrl`) cannot be sent on Node: `['error', 'enotsup']`.
 * @param flagsOrTimeout - message flags, or the timeout
 * @returns as send/4
 * @example
 * // ok = socket:sendmsg(S, #{iov => [<<"a">>, <<"bc">>]})
 * await socket.sendmsg(S, { iov: [Buffer.from('a'), Buffer.from('bc')] });
 * @see https://www.erlang.org/docs/25/man/socket.html#sendmsg-4
 */
export async function sendmsg(
  s: Socket,
  m: msg,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<'ok' | Select | Ok<readonly [Buffer, SelectInfo]> | Error_> {
  const proc = caller();
  const e = socketArg('sendmsg/4', s);
  const fields =
    typeof m === 'object' && m !== null && !Array.isArray(m) ? (m as Record<string, unknown>) : null;
  const buf = fields === null ? undefined : iovOf(fields['iov']);
  if (buf === undefined) {
    throw new ErlangError('badarg', `socket:sendmsg/4: not a msg with an iov: ${describe(m)}`);
  }
  const to = fields?.['addr'] === undefined ? null : targetOf(fields['addr']);
  if (fields?.['addr'] !== undefined && to === null)
    return ['error', ['invalid', ['sockaddr', fields['addr']]]];
  const a = callArgs('sendmsg/4', 'send', flagsOrTimeout, timeout);
  if (isError(a)) return a;
  if (e.closed) return closed;
  const ctrl = fields?.['ctrl'];
  if (Array.isArray(ctrl) && ctrl.length > 0) return ['error', 'enotsup'];
  if (e.dgram !== null) {
    if (to !== null) return datagramTo(e, buf, to);
    return e.dgram.connected ? e.dgram.send(buf) : ['error', 'edestaddrreq'];
  }
  return (await writeStream(e, proc, 'sendmsg', buf, a.flags, a.t)) as 'ok' | Error_;
}

/**
 * Receives a message: `['ok', {iov: [Data], ctrl: [], flags: [...]}]`, with `addr` on a
 * datagram socket and `trunc` in `flags` when the datagram was cut to `bufSz`. On a stream
 * it takes what is there, up to `bufSz` (0: all), as one recvmsg(2) does.
 *
 * Forms: `recvmsg(S)`, `recvmsg(S, FlagsOrTimeout)`, `recvmsg(S, Flags, Timeout)`,
 * `recvmsg(S, BufSz, CtrlSz)`, `recvmsg(S, BufSz, CtrlSz, Timeout)`,
 * `recvmsg(S, BufSz, CtrlSz, Flags, Timeout)`. No ancillary data is ever received on Node,
 * so `ctrl` is always empty.
 * @example
 * // {ok, #{iov := [Data]}} = socket:recvmsg(S, 1000)
 * const [, { iov: [Data] }] = await socket.recvmsg(S, 1000);
 * @see https://www.erlang.org/docs/25/man/socket.html#recvmsg-5
 */
export async function recvmsg(
  s: Socket,
  a1?: unknown,
  a2?: unknown,
  a3?: unknown,
  a4?: unknown,
): Promise<Ok<msg> | Select | Error_> {
  const proc = caller();
  const e = socketArg('recvmsg/5', s);
  let bufSz = 0;
  let rest: [unknown, unknown];
  if (a3 !== undefined) {
    // recvmsg/4,5: BufSz, CtrlSz, then a Timeout (recvmsg/4) or Flags and a Timeout.
    bufSz = sizeArg('recvmsg/5', a1);
    sizeArg('recvmsg/5', a2);
    rest = a4 === undefined ? [timeoutArg('recvmsg/4', a3), undefined] : [a3, a4];
  } else if (a2 !== undefined && !Array.isArray(a1)) {
    // recvmsg/3 is (Flags, Timeout) or (BufSz, CtrlSz): no clause for anything else.
    if (!Number.isInteger(a1) || !Number.isInteger(a2)) {
      throw new ErlangError(
        'function_clause',
        `socket:recvmsg/3: neither flags and a timeout nor two sizes: ${describe(a1)}, ${describe(a2)}`,
      );
    }
    bufSz = sizeArg('recvmsg/3', a1);
    sizeArg('recvmsg/3', a2);
    rest = [undefined, undefined];
  } else rest = [a1, a2];
  const a = callArgs('recvmsg/5', 'recv', rest[0], rest[1]);
  if (isError(a)) return a;
  if (e.closed) return closed;
  const r =
    e.dgram !== null
      ? await readDatagram(e, proc, 'recvmsg', a.flags, a.t, (d) => ({
          addr: sourceOf(e, d),
          ctrl: new List(),
          flags: bufSz > 0 && d.data.length > bufSz ? new List('trunc') : new List(),
          iov: iovList(cut(d.data, bufSz)),
        }))
      : await readStream(
          e,
          proc,
          { kind: 'recvmsg', mode: 'upto', length: bufSz, flags: a.flags, shape: streamMsg },
          a.t,
        );
  return r as Ok<msg> | Error_;
}

/**
 * Sends a file's bytes over a connected stream socket (data-equivalent to sendfile(2): the
 * bytes are read and sent through Node, as `send` sends them).
 *
 * Forms: `sendfile(S, File)`, `sendfile(S, File, Timeout)`,
 * `sendfile(S, File, Offset, Count, Timeout)`, and after a nowait one's select message
 * `sendfile(S, SelectInfo, Offset, Count, Timeout)` (or `sendfile(S, SelectInfo, Timeout)`)
 * to go on with the same file.
 * @param file - a Node `FileHandle` (`fs/promises`) or a file descriptor (OTP's raw file)
 * @param offsetOrTimeout - where to start (default 0), or the timeout
 * @param count - how many bytes; 0 (the default) to the end of the file
 * @returns `['ok', BytesSent]`, `['error', Reason]`, `['error', [Reason, BytesSent]]` once some
 *   went; with nowait `['select', SelectInfo]` or `['ok', [BytesSent, SelectInfo]]`
 * @example
 * // {ok, Bytes} = socket:sendfile(S, Fd)
 * const fh = await fs.promises.open('index.html');
 * const [, bytes] = await socket.sendfile(S, fh);
 * @see https://www.erlang.org/docs/25/man/socket.html#sendfile-5
 */
export async function sendfile(
  s: Socket,
  file: FileArg | SelectInfo,
  offsetOrTimeout: number | Timeout = 'infinity',
  count?: number,
  timeout?: Timeout,
): Promise<readonly ['ok', number] | Select | Ok<readonly [number, SelectInfo]> | Error_> {
  const proc = caller();
  const e = socketArg('sendfile/5', s);
  const five = count !== undefined;
  // The offset is the file's business (a negative one is einval); the count must be a size.
  if (five && !Number.isInteger(offsetOrTimeout)) {
    throw new ErlangError('badarg', `socket:sendfile/5: bad offset: ${describe(offsetOrTimeout)}`);
  }
  const offset = five ? (offsetOrTimeout as number) : 0;
  const n = five ? sizeArg('sendfile/5', count) : 0;
  const t = timeoutArg('sendfile/5', five ? (timeout ?? 'infinity') : offsetOrTimeout);
  let f: unknown = file;
  if (Array.isArray(file)) {
    // A continuation: the select info of this socket's last nowait sendfile.
    if (file[0] !== 'select_info' || file[1] !== 'sendfile' || e.sendfileFrom === null) {
      return ['error', ['invalid', file]];
    }
    f = e.sendfileFrom;
  }
  if (typeof f !== 'number' && !(typeof f === 'object' && f !== null && 'read' in f && 'fd' in f)) {
    throw new ErlangError('badarg', `socket:sendfile/5: not a file handle: ${describe(file)}`);
  }
  if (e.closed) return closed;
  if (e.dgram !== null) return ['error', 'eopnotsupp'];
  if (offset < 0) return einval;
  const r = await writeFile(e, proc, f as FileArg, offset, n, t);
  return r as readonly ['ok', number] | Error_;
}

/**
 * Cancels a pending nowait operation.
 * @returns `ok`, or `['error', ['invalid', SelectInfo]]` when nothing matches
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel-2
 */
export function cancel(s: Socket, info: readonly unknown[]): Promise<'ok' | Error_> {
  const proc = caller();
  const e = socketArg('cancel/2', s);
  const i: unknown = info;
  if (!Array.isArray(i) || i.length !== 3 || i[0] !== 'select_info' || !(i[2] instanceof Ref)) {
    throw new ErlangError('badarg', `socket:cancel/2: not a select info: ${describe(info)}`);
  }
  if (e.closed) return Promise.resolve(closed);
  const p = e.find(i[1], i[2]);
  // Only the process that made the call may cancel it, as OTP.
  if (p === undefined || p.proc !== proc) return Promise.resolve(['error', ['invalid', info]]);
  e.drop(p);
  return Promise.resolve('ok');
}

/**
 * Closes a socket (from any process). Pending nowait callers get an abort message.
 * @returns `ok`, or `['error', 'closed']` for a socket already closed
 * @see https://www.erlang.org/docs/25/man/socket.html#close-1
 */
export function close(s: Socket): Promise<'ok' | Error_> {
  caller();
  const e = socketArg('close/1', s);
  if (e.closed) return Promise.resolve(closed);
  e.close();
  return Promise.resolve('ok');
}

/**
 * Shuts down one direction (or both) of a connected socket.
 * @see https://www.erlang.org/docs/25/man/socket.html#shutdown-2
 */
export function shutdown(s: Socket, how: 'read' | 'write' | 'read_write'): Promise<'ok' | Error_> {
  caller();
  const e = socketArg('shutdown/2', s);
  if (how !== 'read' && how !== 'write' && how !== 'read_write') {
    throw new ErlangError(['invalid', ['how', how]], `socket:shutdown/2: bad how: ${describe(how)}`);
  }
  if (e.closed) return Promise.resolve(closed);
  if (e.state === 'listening') return Promise.resolve('ok');
  if (e.stream === null) return Promise.resolve(['error', 'enotconn']);
  return Promise.resolve(e.stream.shutdown(how));
}

function sockaddrOf(e: ESocket, a: readonly unknown[] | null): sockaddr | null {
  if (a === null) return null;
  if (a[0] === 'local') return { family: 'local', path: a[1] as Buffer };
  if (e.domain === 'inet6') {
    // An inet peer of an inet6 socket is v4-mapped, as the kernel reports it (Node's address
    // came without its ::ffff: prefix).
    const ip = a[0] as number[];
    const addr = ip.length === 4 ? v4Mapped(ip) : ip;
    return { family: 'inet6', addr, port: a[1] as number, flowinfo: 0, scope_id: 0 };
  }
  return { family: 'inet', addr: a[0] as number[], port: a[1] as number };
}

/** `{A, B, C, D}` as the inet6 address `::ffff:A.B.C.D`. */
function v4Mapped(ip: readonly number[]): number[] {
  const [a, b, c, d] = ip as [number, number, number, number];
  return [0, 0, 0, 0, 0, 0xffff, (a << 8) | b, (c << 8) | d];
}

/**
 * The socket's own address.
 * @returns `['ok', SockAddr]` (a map) or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#sockname-1
 */
export function sockname(s: Socket): Promise<readonly ['ok', sockaddr] | Error_> {
  const e = socketArg('sockname/1', s);
  if (e.closed) return Promise.resolve(closed);
  if (e.state === 'open' && e.dgram === null && e.domain !== 'local') {
    // Not bound yet: the kernel reports the any address and port 0.
    return Promise.resolve([
      'ok',
      sockaddrOf(e, [e.domain === 'inet6' ? [0, 0, 0, 0, 0, 0, 0, 0] : [0, 0, 0, 0], 0]) as sockaddr,
    ]);
  }
  const a = sockaddrOf(
    e,
    e.dgram !== null
      ? e.dgram.sockname(e.domain as 'inet' | 'inet6')
      : e.stream !== null
        ? (e.stream.sockname() ?? e.streamName)
        : (e.listener?.sockname() ?? null),
  );
  return Promise.resolve(a === null ? ['error', 'einval'] : ['ok', a]);
}

/**
 * The peer's address.
 * @returns `['ok', SockAddr]` or `['error', 'enotconn' | 'closed']`
 * @see https://www.erlang.org/docs/25/man/socket.html#peername-1
 */
export function peername(s: Socket): Promise<readonly ['ok', sockaddr] | Error_> {
  const e = socketArg('peername/1', s);
  if (e.closed) return Promise.resolve(closed);
  const a = sockaddrOf(e, e.stream?.peername() ?? e.dgram?.peername() ?? null);
  return Promise.resolve(a === null ? ['error', 'enotconn'] : ['ok', a]);
}

/**
 * Monitors a socket: `['DOWN', Ref, 'socket', S, 'closed']` when it closes; at once, with
 * `nosock`, for a socket already closed, as the manual says.
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
 * Removes a socket monitor.
 * @returns `true`
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel_monitor-1
 */
export function cancel_monitor(ref: Ref): boolean {
  if (!(ref instanceof Ref)) {
    throw new ErlangError('badarg', `socket:cancel_monitor/1: not a reference: ${describe(ref)}`);
  }
  return cancelMonitor(ref);
}

/**
 * The same as cancel_monitor/1: removes a socket monitor (the name erlang:demonitor/1 has).
 * @returns `true` when the monitor was there
 */
export function demonitor(ref: Ref): boolean {
  return cancelMonitor(ref);
}

/**
 * The number of open sockets in the registry.
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
 * The open sockets, optionally filtered by domain, type, protocol, owner pid or predicate.
 * @see https://www.erlang.org/docs/25/man/socket.html#which_sockets-1
 */
export function which_sockets(filter?: unknown): List<Socket> {
  const fn = typeof filter === 'function' && filter.length <= 1;
  if (filter !== undefined && !FILTERS.includes(filter as string) && !(filter instanceof Pid) && !fn) {
    throw new ErlangError('badarg', `socket:which_sockets/1: bad filter: ${describe(filter)}`);
  }
  const out = new List<Socket>();
  for (const e of openSockets()) {
    if (!e.useRegistry) continue;
    if (filter === undefined) out.push(e.term);
    else if (filter === e.domain || filter === e.type || filter === e.protocol) out.push(e.term);
    else if (
      typeof filter === 'object' &&
      filter !== null &&
      'serial' in filter &&
      e.owner.pid === (filter as Pid)
    ) {
      out.push(e.term);
    } else if (typeof filter === 'function' && (filter as (i: unknown) => unknown)(info(e.term)) === true) {
      out.push(e.term);
    }
  }
  return out;
}

/**
 * Reads a socket option: `{Level, Name}`, e.g. `['socket', 'type']`, `['tcp', 'nodelay']`,
 * `['otp', 'controlling_process']`, `['otp', 'fd']` (-1 before Node has a descriptor: an
 * unbound, unconnected stream socket); or, as OTP's getopt/3, `getopt(S, Level, Name)`.
 * @returns `['ok', Value]` or `['error', ['invalid', ['socket_option', Opt]]]`
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt-2
 */
export function getopt(
  s: Socket,
  opt: readonly [string, string] | string,
  name?: string,
): Promise<readonly ['ok', unknown] | Error_> {
  const e = socketArg('getopt/2', s);
  const o = name === undefined ? opt : [opt, name];
  if (e.closed) return Promise.resolve(closed);
  if (Array.isArray(o) && o[0] === 'otp' && o[1] === 'controlling_process') {
    return Promise.resolve(['ok', e.owner.pid]);
  }
  return Promise.resolve(getOption(e, o));
}

/**
 * Reads an option by its native (Linux) level and number, as getsockopt(2) would: only the
 * ones erlts can answer on Node (SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN, SO_KEEPALIVE,
 * TCP_NODELAY); any other gives `['error', 'enoprotoopt']`.
 * @param opt - `[Level, Number]`, the level an atom (`socket`, `tcp`...) or a number
 * @param valueSpec - `integer`, `boolean`, or a size for the value as native-endian bytes
 * @example
 * // {ok, 1} = socket:getopt_native(S, {tcp, 1}, integer)   % TCP_NODELAY
 * await socket.getopt_native(S, ['tcp', 1], 'integer');
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt_native-3
 */
export function getopt_native(
  s: Socket,
  opt: unknown,
  valueSpec: unknown,
): Promise<readonly ['ok', unknown] | Error_> {
  const e = socketArg('getopt_native/3', s);
  if (e.closed) return Promise.resolve(closed);
  return Promise.resolve(getNative(e, opt, valueSpec));
}

/**
 * Sets an option by its native level and number (SO_KEEPALIVE, TCP_NODELAY on Node; any other
 * gives `['error', 'enoprotoopt']`).
 * @param value - an integer, a boolean, or native-endian bytes
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt_native-3
 */
export function setopt_native(s: Socket, opt: unknown, value: unknown): Promise<'ok' | Error_> {
  const e = socketArg('setopt_native/3', s);
  if (e.closed) return Promise.resolve(closed);
  return Promise.resolve(setNative(e, opt, value));
}

/**
 * Sets a socket option. `['otp', 'controlling_process']` hands the socket to another process
 * (only its owner may: `['error', ['invalid', 'not_owner']]`, as OTP 25).
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt-3
 */
export function setopt(s: Socket, opt: readonly [string, string], value: unknown): Promise<'ok' | Error_> {
  const proc = caller();
  const e = socketArg('setopt/3', s);
  if (e.closed) return Promise.resolve(closed);
  if (Array.isArray(opt) && opt[0] === 'otp' && opt[1] === 'controlling_process') {
    if (e.owner !== proc) return Promise.resolve(['error', ['invalid', 'not_owner']]);
    const to = value instanceof Pid ? processFor(value) : null;
    if (to === null) return Promise.resolve(['error', 'badarg']);
    e.setOwner(to);
    return Promise.resolve('ok');
  }
  return Promise.resolve(setOption(e, opt, value));
}

/**
 * Information about a socket: domain, type, protocol, owner, counters, readers, writers,
 * acceptors, as OTP's map.
 * @see https://www.erlang.org/docs/25/man/socket.html#info-1
 */
export function info(s?: Socket): Record<string, unknown> {
  if (s === undefined) {
    return { counters: { num_sockets: number_of() }, use_registry: globalRegistry, iov_max: 1024 };
  }
  const e = socketArg('info/1', s);
  const port = e.stream ?? e.listener ?? e.dgram;
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
      read_byte: stream ? c.read_byte : (port?.recvOct ?? 0),
      read_fails: c.read_fails,
      read_pkg: stream ? c.read_pkg : (port?.recvCnt ?? 0),
      read_pkg_max: stream ? c.read_pkg_max : (port?.recvMax ?? 0),
      read_tries: c.read_tries,
      read_waits: c.read_waits,
      write_byte: port?.sendOct ?? 0,
      write_fails: c.write_fails,
      write_pkg: port?.sendCnt ?? 0,
      write_pkg_max: port?.sendMax ?? 0,
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

/**
 * Sets whether sockets opened from now on enter the registry (socket:use_registry/1).
 * @returns `ok`
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
 * @param key - `msg_flags`, `protocols`, `options`, `ioctl_requests`, `ioctl_flags`
 * @param level - with `options`, one level's options as `{Opt, Bool}`
 * @returns `[{Key, Value}]` lists, as OTP 25
 * @example
 * // [{{tcp, nodelay}, true} | _] = socket:supports(options)
 * socket.supports('options', 'tcp');
 * @see https://www.erlang.org/docs/25/man/socket.html#supports-0
 */
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
 * `is_supported('options', 'tcp', 'nodelay')`).
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
 * @returns `ok`; raises `function_clause` for other arguments, as OTP
 * @example
 * // socket:i([domain, type, protocol, state])
 * await socket.i(['domain', 'type', 'protocol', 'state']);
 * @see https://www.erlang.org/docs/25/man/socket.html#i-0
 */
export function i(keysOrFilter?: unknown, keys?: unknown): Promise<'ok'> {
  return printSockets({ which_sockets, info, sockname, peername, getopt }, keysOrFilter, keys);
}
