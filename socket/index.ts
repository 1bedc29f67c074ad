/**
 * erlts/socket — OTP's `socket` module, stream sockets over `node:net`, sharing gen_tcp's
 * Node adapter (see socket/internal/esocket.ts). This first part covers open, bind, listen,
 * accept, connect, send, recv (with `nowait` and select/abort messages), close, shutdown,
 * sockname, peername, monitor/demonitor, cancel, number_of and which_sockets; datagram
 * sockets, options, info and i are not there yet (see docs/socket.md).
 *
 * @example
 * import * as socket from 'erlts/socket';
 * const [, LS] = await socket.open('inet', 'stream', 'tcp');
 * await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 });
 * await socket.listen(LS);
 * @see https://www.erlang.org/docs/25/man/socket.html
 */
import { ErlangError, make_ref, Ref, List, Pid } from 'erlts';
import { liveSelf, processOf, type Process } from '../runtime/internal/process.js';
import { getOption, setOption, supportedOptions, type Level } from './internal/options.js';
import { describe } from '../runtime/internal/errors.js';
import { deliver } from '../runtime/internal/process.js';
import { listen as tcpListen, connect as tcpConnect, hostOf } from '../inet/internal/tcp/open.js';
import { lookupPort } from '../inet/internal/tcp/inet-port.js';
import { cancelMonitor } from '../inet/internal/monitors.js';
import { ListenPort } from '../inet/internal/tcp/listener.js';
import { TcpPort } from '../inet/internal/tcp/stream.js';
import { is_ip_address } from '../inet/internal/address.js';
import { endpoint } from '../inet/internal/tcp/stream.js';
import { toBuffer } from '../inet/internal/tcp/iodata.js';
import { DgramPort, type RecvFromResult } from '../inet/internal/udp/dgram.js';
import { ESocket, Socket, lookupSocket, openSockets, type Domain, type Pending } from './internal/esocket.js';

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

type Error_ = readonly ['error', unknown];
type Select = readonly ['select', readonly ['select_info', string, unknown]];
type Timeout = number | 'infinity' | 'nowait' | Ref;

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

/**
 * The arguments recv/4 and recvfrom/4 share: a size (badarg unless a non-negative integer),
 * then either the timeout or the flags and the timeout. No flag is supported yet.
 * @returns the timeout, or `{error, {invalid, {flags, Flags}}}`
 */
function readArgs(
  fn: string,
  size: unknown,
  flagsOrTimeout: readonly unknown[] | Timeout,
  maybeTimeout: Timeout | undefined,
): Timeout | Error_ {
  if (typeof size !== 'number' || !Number.isInteger(size) || size < 0) {
    throw new ErlangError('badarg', `socket:${fn}: bad length: ${describe(size)}`);
  }
  if (!Array.isArray(flagsOrTimeout)) return timeoutArg(fn, flagsOrTimeout);
  const flags: readonly unknown[] = flagsOrTimeout;
  if (flags.length > 0) return ['error', ['invalid', ['flags', new List(...flags)]]];
  return timeoutArg(fn, maybeTimeout ?? 'infinity');
}

function isArgError(t: Timeout | Error_): t is Error_ {
  return Array.isArray(t);
}

function isNowait(t: Timeout): t is 'nowait' | Ref {
  return t === 'nowait' || t instanceof Ref;
}

function handleOf(t: 'nowait' | Ref): Ref {
  return t === 'nowait' ? make_ref() : t;
}

/** A sockaddr's address as gen_tcp's `ip` option takes it. */
function ipOf(addr: unknown, family: Domain): readonly number[] | 'any' | 'loopback' | null {
  if (addr === 'any' || addr === 'loopback') return addr;
  if (is_ip_address(addr) && (addr.length === 4) === (family === 'inet')) return addr;
  return null;
}

/**
 * Creates a socket.
 * @param domain - `inet`, `inet6` or `local`
 * @param type - `stream` (datagram sockets are not there yet: `{error, enotsup}`)
 * @param protocol - `tcp` or `default`
 * @param opts - `{use_registry: boolean}`
 * @returns `['ok', Socket]` or `['error', ['invalid', [What, Value]]]`
 * @example
 * // {ok, S} = socket:open(inet, stream, tcp)
 * const [, S] = await socket.open('inet', 'stream', 'tcp');
 * @see https://www.erlang.org/docs/25/man/socket.html#open-3
 */
export function open(
  domain: unknown,
  type: unknown,
  protocol: unknown = 'default',
  opts: Record<string, unknown> = {},
): Promise<readonly ['ok', Socket] | Error_> {
  const proc = liveSelf();
  if (domain !== 'inet' && domain !== 'inet6' && domain !== 'local') {
    return Promise.resolve(['error', ['invalid', ['domain', domain]]]);
  }
  // Node has no raw or seqpacket sockets, and no datagram sockets in the local domain.
  if (type === 'seqpacket' || type === 'raw') return Promise.resolve(['error', 'eprotonosupport']);
  if (type !== 'stream' && type !== 'dgram') return Promise.resolve(['error', ['invalid', ['type', type]]]);
  const wanted = type === 'stream' ? 'tcp' : 'udp';
  if (protocol !== wanted && protocol !== 'default' && protocol !== 'ip') {
    return Promise.resolve(['error', ['invalid', ['protocol', protocol]]]);
  }
  if (type === 'dgram' && domain === 'local') return Promise.resolve(['error', 'eprotonosupport']);
  const reg = opts['use_registry'];
  const s = new ESocket(proc, domain, type, wanted, typeof reg === 'boolean' ? reg : globalRegistry);
  if (type === 'dgram') s.dgram = new DgramPort(domain as 'inet' | 'inet6');
  return Promise.resolve(['ok', s.term]);
}

/**
 * Binds a socket to an address; port 0 picks one (read it back with `sockname`).
 * @param addr - a sockaddr map, or `any` / `loopback`
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#bind-2
 */
export async function bind(s: Socket, addr: sockaddr | 'any' | 'loopback'): Promise<'ok' | Error_> {
  liveSelf();
  const e = socketArg('bind/2', s);
  if (e.closed) return closed;
  if (e.state !== 'open') return ['error', 'einval'];
  let ip: readonly number[] | 'any' | 'loopback' | null;
  let port = 0;
  if (addr === 'any' || addr === 'loopback') ip = addr;
  else if (typeof addr === 'object' && addr !== null && addr.family === e.domain && e.domain !== 'local') {
    const m = addr as { addr: unknown; port?: unknown };
    ip = ipOf(m.addr, e.domain);
    if (m.port !== undefined) {
      if (typeof m.port !== 'number' || !Number.isInteger(m.port) || m.port < 0 || m.port > 65535) ip = null;
      else port = m.port;
    }
  } else ip = null;
  if (ip === null) return ['error', ['invalid', ['sockaddr', addr]]];
  if (e.dgram !== null) {
    const r = await e.dgram.bind(hostOf(ip, e.domain), port);
    if (r === 'ok') e.state = 'bound';
    return r;
  }
  // Node binds a stream socket only by listening: the hidden listen port holds the address.
  // Connections that arrive before listen/2 wait, unread, for accept (docs/DEVIATIONS.md).
  // Half-closed streams stay usable, as a socket's do: no exit_on_close.
  const r = await tcpListen(port, [
    'binary',
    ['active', false],
    ['exit_on_close', false],
    ['ip', ip],
    e.domain,
  ]);
  if (r[0] !== 'ok') return r;
  const lp = lookupPort(r[1]) as ListenPort;
  lp.hidden = true;
  if (e.closed) {
    lp.close();
    return closed;
  }
  e.listener = lp;
  e.bound = { addr: ip, port };
  e.state = 'bound';
  return 'ok';
}

/**
 * Makes a bound socket listen (an unbound one is bound to any address, any port first).
 * @param backlog - the queue length (kept; Node's is set at bind)
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#listen-2
 */
export async function listen(s: Socket, backlog = 5): Promise<'ok' | Error_> {
  liveSelf();
  const e = socketArg('listen/2', s);
  if (!Number.isInteger(backlog))
    throw new ErlangError('badarg', `socket:listen/2: bad backlog: ${describe(backlog)}`);
  if (e.closed) return closed;
  if (e.state === 'open') {
    const r = await bind(s, 'any');
    if (r !== 'ok') return r;
  }
  if (e.state !== 'bound' && e.state !== 'listening') return ['error', 'einval'];
  e.state = 'listening';
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
  const proc = liveSelf();
  const e = socketArg('accept/2', s);
  const t = timeoutArg('accept/2', timeout);
  if (e.closed) return closed;
  if (e.state !== 'listening' || e.listener === null) return ['error', 'einval'];
  const kept = e.take('accept', proc);
  if (kept !== null) return kept as readonly ['ok', Socket] | Error_;
  e.counters.acc_tries++;
  if (!isNowait(t)) e.abortOwn('accept', proc);
  const lp = e.listener;
  if (isNowait(t)) {
    const now = lp.accept(proc, 0);
    if (!(now instanceof Promise) && now[0] === 'ok') return ['ok', adopt(proc, e, now[1])];
    e.counters.acc_waits++;
    const p = e.select('accept', proc, handleOf(t));
    void Promise.resolve(lp.accept(proc, 'infinity')).then(
      (r) => e.selected(p, r[0] === 'ok' ? ['ok', adopt(proc, e, r[1])] : r),
      () => undefined,
    );
    return selectInfo(p);
  }
  const r = await lp.accept(proc, t);
  if (r[0] !== 'ok') e.counters.acc_fails++;
  return r[0] === 'ok' ? ['ok', adopt(proc, e, r[1])] : r;
}

/** Wraps an accepted hidden port into a socket owned by `proc`. */
function adopt(proc: Process, parent: ESocket, port: unknown): Socket {
  const tcp = lookupPort(port) as TcpPort;
  tcp.hidden = true;
  tcp.prefetch = true;
  tcp.flow();
  parent.counters.acc_success++;
  const child = new ESocket(proc, parent.domain, 'stream', 'tcp', parent.useRegistry);
  child.stream = tcp;
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
  const proc = liveSelf();
  const e = socketArg('connect/3', s);
  if (e.closed) return closed;
  if (addr === undefined) {
    // connect/1: completes a nowait connect after its select message.
    const kept = e.take('connect', proc);
    return kept === null ? ['error', 'einval'] : (kept as 'ok' | Error_);
  }
  const t = timeoutArg('connect/3', timeout);
  // A connected socket: the kernel's EISCONN, which OTP takes as done (nowait: eisconn).
  if (e.state === 'connected') return isNowait(t) ? ['error', 'eisconn'] : 'ok';
  if (e.state === 'listening') return ['error', 'eisconn'];
  if (e.state === 'connecting') return ['error', 'ealready'];
  if (e.state !== 'open' && e.state !== 'bound') return ['error', 'einval'];
  const m = addr as { family?: unknown; addr?: unknown; port?: unknown; path?: unknown };
  let target: unknown[];
  if (e.domain === 'local' && m.family === 'local') target = [['local', m.path], 0];
  else {
    const ip = m.family === e.domain ? ipOf(m.addr, e.domain) : null;
    if (ip === null || ip === 'any' || typeof m.port !== 'number')
      return ['error', ['invalid', ['sockaddr', addr]]];
    target = [
      ip === 'loopback' ? (e.domain === 'inet' ? [127, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0, 1]) : ip,
      m.port,
    ];
  }
  const opts: unknown[] = ['binary', ['active', false], ['exit_on_close', false]];
  if (e.domain === 'inet6') opts.push('inet6');
  if (e.bound !== null) {
    // A bound socket connects from its address: the hidden listener gives it back.
    const bound = e.listener?.sockname();
    e.listener?.close();
    e.listener = null;
    opts.push(['ip', e.bound.addr]);
    if (bound !== null && bound !== undefined && bound[0] !== 'local') opts.push(['port', bound[1]]);
  }
  e.state = 'connecting';
  const run = async (): Promise<'ok' | Error_> => {
    const r = await tcpConnect([...target, opts, isNowait(t) ? 'infinity' : t]);
    if (r[0] !== 'ok') {
      if (!e.closed) e.state = 'open';
      return r;
    }
    const tcp = lookupPort(r[1]) as TcpPort;
    tcp.hidden = true;
    tcp.prefetch = true;
    tcp.flow();
    if (e.closed) {
      tcp.close();
      return closed;
    }
    if (tcp.owner !== e.owner) tcp.setOwner(e.owner);
    e.stream = tcp;
    e.applyStored();
    e.state = 'connected';
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
 * Sends data on a connected socket (waits while the socket is above its high watermark).
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#send-3
 */
export async function send(s: Socket, data: unknown, timeout: Timeout = 'infinity'): Promise<'ok' | Error_> {
  const proc = liveSelf();
  const e = socketArg('send/3', s);
  timeoutArg('send/3', timeout);
  if (e.closed) return closed;
  if (e.dgram !== null) return ['error', 'edestaddrreq'];
  if (toBuffer(data) === undefined)
    throw new ErlangError('badarg', `socket:send/3: not iodata: ${describe(data)}`);
  // An unconnected stream socket: the kernel answers EPIPE, as OTP shows.
  if (e.stream === null) return ['error', 'epipe'];
  e.counters.write_tries++;
  // Writing after our own shutdown(write): the kernel's EPIPE.
  if (e.stream.state === 'write_closed' || e.stream.state === 'shut') return ['error', 'epipe'];
  const r = await e.stream.send(proc, data);
  if (r !== 'ok') e.counters.write_fails++;
  return r;
}

/**
 * Receives from a connected stream socket: exactly `length` bytes, or what is there for 0.
 * A timeout with some bytes read gives `['error', ['timeout', Data]]`; `nowait` gives
 * `['select', SelectInfo]` then a select message, as OTP.
 * @returns `['ok', Data]`, `['select', SelectInfo]` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#recv-4
 */
export async function recv(
  s: Socket,
  length = 0,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  maybeTimeout?: Timeout,
): Promise<readonly ['ok', Buffer] | Select | Error_> {
  const proc = liveSelf();
  const e = socketArg('recv/4', s);
  const t = readArgs('recv/4', length, flagsOrTimeout, maybeTimeout);
  if (isArgError(t)) return t;
  if (e.closed) return closed;
  if (e.dgram !== null) {
    const r = await recvfrom(s, length, t);
    return r[0] === 'ok' ? ['ok', (r[1] as readonly [unknown, Buffer])[1]] : r;
  }
  const kept = e.take('recv', proc);
  if (kept !== null) return kept as readonly ['ok', Buffer] | Error_;
  if (!isNowait(t)) e.abortOwn('recv', proc);
  const tcp = e.stream;
  if (tcp === null) return ['error', 'enotconn'];
  e.counters.read_tries++;
  if (isNowait(t)) {
    const handle = handleOf(t);
    if (!e.readTurn.busy) {
      const now = tcp.tryRecv(length);
      if (now !== null) return now as readonly ['ok', Buffer] | Error_;
      void e.readTurn.acquire(proc); // free: taken at once
      e.counters.read_waits++;
      const p = e.select('recv', proc, handle);
      void readFor(e, tcp, p, length, false);
      return selectInfo(p);
    }
    const p = e.select('recv', proc, handle);
    void readFor(e, tcp, p, length, true);
    return selectInfo(p);
  }
  // Later readers wait their turn, oldest first (the wait for the turn is not timed).
  if ((await e.readTurn.acquire(proc)) === 'closed') return closed;
  try {
    const r = await tcp.recv(proc, length, t, false);
    if (r[0] === 'error' && r[1] !== 'timeout') e.counters.read_fails++;
    if (r[0] === 'error' && r[1] === 'timeout' && length > 0) {
      // What came before the timeout is handed back with it, as the socket NIF does.
      const part = await tcp.recv(proc, 0, 0, false);
      // OTP 25 gives what is there for a zero timeout, and {timeout, Data} for another.
      if (part[0] === 'ok') {
        const data = part[1] as Buffer;
        return t === 0 ? ['ok', data] : ['error', ['timeout', data]];
      }
    }
    return r as readonly ['ok', Buffer] | Error_;
  } finally {
    e.readTurn.release();
  }
}

/** The background read of a nowait recv: its turn (if it must wait for it), then the data. */
async function readFor(e: ESocket, tcp: TcpPort, p: Pending, length: number, wait: boolean): Promise<void> {
  if (wait && (await e.readTurn.acquire(p.proc)) === 'closed') return;
  try {
    if (!e.pending.includes(p)) return; // cancelled while it waited
    e.selected(p, await tcp.recv(p.proc, length, 'infinity', false));
  } catch {
    // The caller died: nothing to tell.
  } finally {
    e.readTurn.release();
  }
}

/**
 * Sends a datagram to `dest`.
 * @returns `ok` or `['error', Reason]`
 * @throws ErlangError `{invalid, {sockaddr, Dest}}` for a bad address, as OTP raises it
 * @see https://www.erlang.org/docs/25/man/socket.html#sendto-4
 */
export async function sendto(
  s: Socket,
  data: unknown,
  dest: sockaddr,
  timeout: Timeout = 'infinity',
): Promise<'ok' | Error_> {
  liveSelf();
  const e = socketArg('sendto/4', s);
  timeoutArg('sendto/4', timeout);
  if (e.closed) return closed;
  if (e.dgram === null) return send(s, data, timeout);
  const m = dest as { family?: unknown; addr?: unknown; port?: unknown };
  const ip = typeof m === 'object' && m !== null && m.family === e.domain ? ipOf(m.addr, e.domain) : null;
  if (ip === null || ip === 'any' || typeof m.port !== 'number') {
    throw new ErlangError(['invalid', ['sockaddr', dest]], `socket:sendto/4: bad address: ${describe(dest)}`);
  }
  const buf = toBuffer(data);
  if (buf === undefined) throw new ErlangError('badarg', `socket:sendto/4: not iodata: ${describe(data)}`);
  return e.dgram.sendto(buf, hostOf(ip, e.domain), m.port);
}

/**
 * Receives a datagram: `['ok', [Source, Data]]`, Data cut to `bufSz` bytes when that is not 0.
 * With `nowait`, `['select', SelectInfo]` and a select message, as recv.
 * @see https://www.erlang.org/docs/25/man/socket.html#recvfrom-4
 */
export async function recvfrom(
  s: Socket,
  bufSz = 0,
  flagsOrTimeout: readonly unknown[] | Timeout = 'infinity',
  maybeTimeout?: Timeout,
): Promise<readonly ['ok', readonly [sockaddr, Buffer]] | Select | Error_> {
  const proc = liveSelf();
  const e = socketArg('recvfrom/4', s);
  const t = readArgs('recvfrom/4', bufSz, flagsOrTimeout, maybeTimeout);
  if (isArgError(t)) return t;
  if (e.closed) return closed;
  const d = e.dgram;
  if (d === null) return ['error', 'eopnotsupp'];
  const kept = e.take('recvfrom', proc);
  if (kept !== null) return kept as readonly ['ok', readonly [sockaddr, Buffer]] | Error_;
  if (!isNowait(t)) e.abortOwn('recvfrom', proc);
  const shape = (r: RecvFromResult): readonly ['ok', readonly [sockaddr, Buffer]] | Error_ => {
    if (r[0] !== 'ok') return r;
    const src = sockaddrOf(e, endpoint(r[1].address, r[1].port)) as sockaddr;
    const data = bufSz > 0 && r[1].data.length > bufSz ? r[1].data.subarray(0, bufSz) : r[1].data;
    return ['ok', [src, data]];
  };
  if (isNowait(t)) {
    const now = d.recvfrom(proc, 0);
    if (!(now instanceof Promise) && (now[0] === 'ok' || now[1] !== 'timeout')) return shape(now);
    const p = e.select('recvfrom', proc, handleOf(t));
    void Promise.resolve(d.recvfrom(proc, 'infinity')).then(
      (r) => e.selected(p, shape(r)),
      () => undefined,
    );
    return selectInfo(p);
  }
  return shape(await d.recvfrom(proc, t));
}

function selectInfo(p: Pending): Select {
  return ['select', ['select_info', p.kind, p.handle]];
}

/**
 * Cancels a pending nowait operation.
 * @returns `ok`, or `['error', ['invalid', SelectInfo]]` when nothing matches
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel-2
 */
export function cancel(s: Socket, info: readonly unknown[]): Promise<'ok' | Error_> {
  const proc = liveSelf();
  const e = socketArg('cancel/2', s);
  if (e.closed) return Promise.resolve(closed);
  const [tag, kind, handle] = info;
  const p = tag === 'select_info' ? e.find(kind, handle) : undefined;
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
  liveSelf();
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
  liveSelf();
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
    return { family: 'inet6', addr: a[0] as number[], port: a[1] as number, flowinfo: 0, scope_id: 0 };
  }
  return { family: 'inet', addr: a[0] as number[], port: a[1] as number };
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
      : ((e.stream ?? e.listener)?.sockname() ?? null),
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
  const a = sockaddrOf(e, e.stream?.peername() ?? null);
  return Promise.resolve(a === null ? ['error', 'enotconn'] : ['ok', a]);
}

/**
 * Monitors a socket: `['DOWN', Ref, 'socket', S, Info]` when it closes; at once (`closed`)
 * for a socket already closed, as OTP 25.
 * @see https://www.erlang.org/docs/25/man/socket.html#monitor-1
 */
export function monitor(s: Socket): Ref {
  const watcher = liveSelf();
  const e = socketArg('monitor/1', s);
  const ref = make_ref();
  if (e.closed) deliver(watcher, ['DOWN', ref, 'socket', s, 'closed']);
  else e.monitors.add(watcher, ref);
  return ref;
}

/**
 * Removes a socket monitor.
 * @returns `true`
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel_monitor-1
 */
export function cancel_monitor(ref: Ref): boolean {
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

/**
 * The open sockets, optionally filtered by domain, type, protocol, owner pid or predicate.
 * @see https://www.erlang.org/docs/25/man/socket.html#which_sockets-1
 */
export function which_sockets(filter?: unknown): List<Socket> {
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
    } else if (typeof filter === 'function' && (filter as (i: unknown) => unknown)(infoOf(e)) === true) {
      out.push(e.term);
    }
  }
  return out;
}

function infoOf(e: ESocket): Record<string, unknown> {
  return { domain: e.domain, type: e.type, protocol: e.protocol, owner: e.owner.pid, ctype: 'normal' };
}

/**
 * Reads a socket option: `{Level, Name}`, e.g. `['socket', 'type']`, `['tcp', 'nodelay']`,
 * `['otp', 'controlling_process']`.
 * @returns `['ok', Value]` or `['error', ['invalid', ['socket_option', Opt]]]`
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt-2
 */
export function getopt(
  s: Socket,
  opt: readonly [string, string],
): Promise<readonly ['ok', unknown] | Error_> {
  const e = socketArg('getopt/2', s);
  if (e.closed) return Promise.resolve(closed);
  if (Array.isArray(opt) && opt[0] === 'otp' && opt[1] === 'controlling_process') {
    return Promise.resolve(['ok', e.owner.pid]);
  }
  return Promise.resolve(getOption(e, opt));
}

/**
 * Sets a socket option. `['otp', 'controlling_process']` hands the socket to another process
 * (only its owner may: `['error', ['invalid', 'not_owner']]`, as OTP 25).
 * @returns `ok` or `['error', Reason]`
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt-3
 */
export function setopt(s: Socket, opt: readonly [string, string], value: unknown): Promise<'ok' | Error_> {
  const proc = liveSelf();
  const e = socketArg('setopt/3', s);
  if (e.closed) return Promise.resolve(closed);
  if (Array.isArray(opt) && opt[0] === 'otp' && opt[1] === 'controlling_process') {
    if (e.owner !== proc) return Promise.resolve(['error', ['invalid', 'not_owner']]);
    const to = value instanceof Pid ? processOf(value) : null;
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
  const port = e.stream ?? e.listener;
  const c = e.counters;
  const readers = e.pending.filter((p) => p.kind === 'recv' || p.kind === 'recvfrom').length;
  return {
    counters: {
      acc_fails: c.acc_fails,
      acc_success: c.acc_success,
      acc_tries: c.acc_tries,
      acc_waits: c.acc_waits,
      read_byte: port?.recvOct ?? 0,
      read_fails: c.read_fails,
      read_pkg: port?.recvCnt ?? 0,
      read_pkg_max: port?.recvMax ?? 0,
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
    num_acceptors: e.pending.filter((p) => p.kind === 'accept').length,
    num_readers: readers,
    num_writers: 0,
    owner: e.owner.pid,
    protocol: e.protocol,
    rstates: new List(...(e.closed ? ['closed'] : e.state === 'listening' ? ['listening'] : [])),
    type: e.type,
    wstates: new List(...(e.state === 'connected' ? ['connected'] : [])),
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
    throw new ErlangError('badarg', `socket:use_registry/1: not a boolean: ${describe(on)}`);
  globalRegistry = on;
  return 'ok';
}

/**
 * What this implementation supports, honestly: `options` lists only the options erlts applies
 * to Node or reads from the socket (the others are kept and read back, and reported false).
 * @see https://www.erlang.org/docs/25/man/socket.html#supports-0
 */
export function supports(key?: string, level?: string): List<readonly [unknown, unknown]> {
  const all: Record<string, List<readonly [unknown, unknown]>> = {
    protocols: new List(['tcp', true], ['udp', true], ['sctp', false]),
    send_flags: new List(),
    recv_flags: new List(),
    ioctl_requests: new List(),
    ioctl_flags: new List(),
  };
  const opts = supportedOptions();
  if (key === undefined) {
    return new List<readonly [unknown, unknown]>(
      ['sctp', false],
      ['ipv6', true],
      ['local', true],
      ['netns', false],
      ['sendfile', false],
      ...Object.entries(all),
      ['options', new List(...[...opts].map(([l, o]) => [l, new List(...o)] as const))],
    );
  }
  if (key === 'options') {
    if (level === undefined) return new List(...[...opts].map(([l, o]) => [l, new List(...o)] as const));
    return new List(...(opts.get(level as Level) ?? []));
  }
  return all[key] ?? new List();
}

/**
 * Whether something is supported: `is_supported('ipv6')`, `is_supported('options', 'tcp',
 * 'nodelay')`.
 * @see https://www.erlang.org/docs/25/man/socket.html#is_supported-1
 */
export function is_supported(key: string, level?: string, name?: string): boolean {
  if (level === undefined) return key === 'ipv6' || key === 'local';
  if (name === undefined) {
    if (key === 'protocols') return level === 'tcp' || level === 'udp';
    return false;
  }
  if (key !== 'options') return false;
  return (
    supportedOptions()
      .get(level as Level)
      ?.some(([n, real]) => n === name && real) === true
  );
}
