/**
 * A socket's life: open (also over a descriptor), bind, listen, accept, connect, shutdown and
 * close, each moving the socket by its kind's lifecycle machine (lifecycle.ts). Stream sockets
 * stand on the Node adapters gen_tcp's ports use too (inet/internal/node/): a listening socket
 * on a NetListener, a connected one on a SocketStream (stream.ts); datagram sockets on a
 * DgramPort.
 */

import type * as net from 'node:net';
import { ErlangError } from 'erlts';
import { caller, describe, type ProcessHandle } from '../../runtime/internal/driver-api.js';
import { hostOf } from '../../inet/internal/address.js';
import { listenOn, NetListener } from '../../inet/internal/node/net-listener.js';
import { connectTo, type ConnectTarget } from '../../inet/internal/node/net-connect.js';
import { openFd } from '../../inet/internal/node/fd.js';
import { DgramPort } from '../../inet/internal/udp/dgram.js';
import { checkOpen, type Created } from './create.js';
import { ESocket, Socket, type Target } from './esocket.js';
import { SocketStream } from './stream.js';
import { registryDefault } from './registry.js';
import { applyStored, inheritOptions } from './options.js';
import { handleOf, isNowait, selectInfo, type Error_, type Select, type Timeout } from './transfer.js';
import { addrArg, closed, einval, isMap, socketArg, timeoutArg } from './args.js';
import { familyError, onSocket, peerIp, targetOf, targetOfEndpoint, type sockaddr } from './addresses.js';
import type { domain, protocol, type } from './option-types.js';

/** The options map of open/3,4. */
export interface open_options {
  /** Whether the socket enters the registry (the module's `use_registry` setting by default). */
  readonly use_registry?: boolean;
  /** OTP's NIF debug flag: accepted, and nothing more. */
  readonly debug?: boolean;
}

/** The options map of open/1,2, over a descriptor. */
export interface open_fd_options extends open_options {
  /** The descriptor's family, which Node cannot read for a UDP socket. */
  readonly domain?: domain;
  readonly type?: type;
  readonly protocol?: protocol;
  /** Whether to duplicate the descriptor: Node cannot, the socket owns it. */
  readonly dup?: boolean;
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
 * const S = ok(await socket.open('inet', 'stream', 'tcp'));
 * @see https://www.erlang.org/docs/25/man/socket.html#open-3
 */
export function open(fd: number, opts?: open_fd_options): Promise<readonly ['ok', Socket] | Error_>;
export function open(
  domain: domain | number,
  type: type | number,
  opts?: open_options,
): Promise<readonly ['ok', Socket] | Error_>;
export function open(
  domain: domain | number,
  type: type | number,
  protocol: protocol | number,
  opts?: open_options,
): Promise<readonly ['ok', Socket] | Error_>;
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
  if (isMap(protocol)) return open(domain as domain, type as type, 'default', protocol);
  if (!isMap(opts)) throw new ErlangError('badarg', `socket:open/4: options not a map: ${describe(opts)}`);
  const c = await checkOpen(domain, type, protocol);
  if (Array.isArray(c)) return c as Error_;
  proc = caller(); // it may have read the protocols file meanwhile
  const { domain: d, type: t, protocol: p } = c as Created;
  const s = new ESocket(proc, d, t, p, registryOpt(opts));
  if (t === 'dgram') s.dgram = new DgramPort(d as 'inet' | 'inet6');
  return ['ok', s.term];
}

function registryOpt(opts: Record<string, unknown>): boolean {
  const reg = opts['use_registry'];
  return typeof reg === 'boolean' ? reg : registryDefault();
}

/** socket:open/1,2: a socket over a descriptor, in the state the descriptor is in. */
async function openDescriptor(
  proc: ProcessHandle,
  fd: number,
  opts: Record<string, unknown>,
): Promise<readonly ['ok', Socket] | Error_> {
  const r = await openFd(fd, opts['domain'] === 'inet6' ? 'inet6' : 'inet');
  if ('0' in r) return r;
  const from = r;
  const e = new ESocket(
    proc,
    from.domain,
    from.kind === 'dgram' ? 'dgram' : 'stream',
    from.kind === 'dgram' ? 'udp' : 'tcp',
    registryOpt(opts),
  );
  if (from.kind === 'dgram') {
    e.dgram = from.port;
    e.go('BIND');
    e.bound = targetOfEndpoint(from.port.sockname(from.domain));
  } else if (from.kind === 'listen') {
    e.listener = listenerOf(e, from.server);
    e.go('LISTEN');
    e.listened = true;
    e.bound = targetOfEndpoint(e.listener.address());
  } else {
    e.setStream(new SocketStream(from.sock));
    e.go('ADOPTED');
    e.writeConnected = true;
  }
  return ['ok', e.term];
}

/**
 * Binds a socket to an address; port 0 picks one, which `sockname` reads back at once. A
 * stream socket is bound on Node by a listener that takes no connection before `listen`
 * (docs/DEVIATIONS.md).
 * @param s - a socket from `open`, not bound yet
 * @param addr - a sockaddr map (`{family: 'inet', addr: [127, 0, 0, 1], port: 0}`,
 *   `{family: 'local', path: Path}`), or `any` / `loopback` in the socket's own family
 * @returns `ok` or `['error', Reason]`: a posix reason (`eaddrinuse`, `eaddrnotavail`;
 *   `eafnosupport` or `einval` for an address of another family, as Linux answers; `einval` for
 *   a socket bound already), `['invalid', ['sockaddr', Addr]]` for a map that is no address, or
 *   `closed`
 * @throws ErlangError `badarg` for what is not a socket; `{invalid, {sockaddr, Addr}}` for an
 *   address that is neither a map nor `any` / `loopback`
 * @example
 * // ok = socket:bind(S, #{family => inet, addr => loopback, port => 0}),
 * // {ok, #{port := Port}} = socket:sockname(S)
 * await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 });
 * const [, { port: Port }] = await socket.sockname(S);
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
  if (!e.can('BIND')) return einval;
  if (e.dgram !== null && t.family !== 'local') {
    const r = await e.dgram.bind(hostOf(t.ip, e.domain), t.port);
    if (r === 'ok' && !e.closed) {
      e.go('BIND');
      e.bound = t;
      applyStored(e);
    }
    return r;
  }
  // Node binds a stream socket only by listening: the listener holds the address, with
  // OTP's default backlog until listen/2 sets the real one. Connections that arrive before
  // listen/2 wait, unread, for accept (docs/DEVIATIONS.md).
  const r = await listenOn(
    t.family === 'local'
      ? { path: t.path.toString('utf8'), backlog: DEFAULT_BACKLOG }
      : { host: hostOf(t.ip, e.domain), port: t.port, ipv6Only: false, backlog: DEFAULT_BACKLOG },
  );
  if (r[0] !== 'ok') return r;
  if (e.closed) {
    r[1].close();
    return closed;
  }
  e.listener = listenerOf(e, r[1]);
  e.bound = t;
  e.go('BIND');
  return 'ok';
}

/** OTP's listen backlog when listen/1 gives none, and what bind listens with meanwhile. */
const DEFAULT_BACKLOG = 5;

/**
 * A listening socket's accept queue: each connection it hands over becomes a socket owned by
 * its acceptor at once, on a {@link SocketStream}.
 */
function listenerOf(parent: ESocket, server: net.Server): NetListener<Socket, 'cancelled'> {
  return new NetListener(server, (owner: ProcessHandle, sock: net.Socket) => {
    const local =
      parent.bound?.family === 'local' ? ({ path: parent.bound.path, via: 'accept' } as const) : null;
    const child = new ESocket(owner, parent.domain, 'stream', parent.protocol, parent.useRegistry);
    child.setStream(new SocketStream(sock, local));
    inheritOptions(parent, child);
    child.go('ADOPTED');
    return child.term;
  });
}

/**
 * Makes a bound socket listen (an unbound one is bound to any address, any port first).
 * @param s - a stream socket: bound, or an unbound inet or inet6 one
 * @param backlog - the kernel's accept queue length (5 by default, as OTP)
 * @returns `ok` or `['error', Reason]` (`enotsup` for a datagram socket, `einval` for an
 *   unbound local one or one connected, `closed`); `['invalid', ['integer_range', Backlog]]`
 *   itself for a backlog beyond 32 bits, as OTP 25 returns it
 * @throws ErlangError `badarg` for what is not a socket, or a backlog that is not an integer
 * @example
 * // ok = socket:listen(LS, 128)
 * await socket.listen(LS, 128);
 * @see https://www.erlang.org/docs/25/man/socket.html#listen-2
 */
export async function listen(
  s: Socket,
  backlog = DEFAULT_BACKLOG,
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
  if (!e.can('LISTEN') || e.listener === null) return einval;
  // bind listened with the default backlog (Node binds a stream socket only by listening): the
  // kernel takes the real one now.
  e.listener.setBacklog(backlog);
  e.go('LISTEN');
  e.listened = true;
  return 'ok';
}

/**
 * Accepts a connection: `['ok', Socket]` owned by the caller, `['error', Reason]`, or with
 * `nowait` (or a ref) `['select', SelectInfo]` when none waits yet, then
 * `['$socket', LS, 'select', Handle]` when one came: call accept again to take it.
 * @param s - a listening socket
 * @param timeout - milliseconds, `infinity` (the default), `nowait`, or a ref of the caller's
 *   that becomes the select handle
 * @returns `['ok', Socket]`; `['error', Reason]`: `timeout`, `closed`, `einval` for a socket
 *   that does not listen, `enotsup` for a datagram socket; with nowait
 *   `['select', ['select_info', 'accept', Handle]]`
 * @throws ErlangError `badarg` for what is not a socket; `{invalid, {timeout, T}}` for a bad
 *   timeout
 * @example
 * // {ok, Sock} = socket:accept(LSock)
 * const Sock = ok(await socket.accept(LSock));
 * @see https://www.erlang.org/docs/25/man/socket.html#accept-2
 */
export function accept(s: Socket, timeout?: number | 'infinity'): Promise<readonly ['ok', Socket] | Error_>;
export function accept(s: Socket, timeout: Timeout): Promise<readonly ['ok', Socket] | Select | Error_>;
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
    if (!(now instanceof Promise) && now[0] === 'ok') return accepted(e, now);
    e.readSelected = true;
    const p = e.select('accept', proc, handleOf(t));
    void Promise.resolve(lp.accept(proc, 'infinity')).then(
      (r) => e.selected(p, r),
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
  return r[0] === 'ok' ? accepted(e, r) : r;
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
 * Connects a socket. With `nowait` (or a ref), `['select', SelectInfo]` at once, then
 * `['$socket', S, 'select', Handle]`, then `connect(S)` completes it. A datagram socket's
 * connect sets its peer: sends go there, and only its datagrams come in.
 * @param s - a socket from `open` (bound or not)
 * @param addr - the peer's sockaddr map; none (`connect(S)`, OTP's connect/1) to complete a
 *   nowait connect after its select message
 * @param timeout - milliseconds, `infinity` (the default), `nowait`, or a ref of the caller's
 *   that becomes the select handle
 * @returns `ok`, `['error', Reason]` (`econnrefused`, `timeout`, `ealready` while another
 *   connect is in progress, `eisconn`, `closed`, `['invalid', ['sockaddr', Addr]]` for a map
 *   that is no address, ...), or with nowait `['select', ['select_info', 'connect', Handle]]`;
 *   connect/1 with no nowait connect done gives `['error', 'einval']`
 * @throws ErlangError `badarg` for what is not a socket; `{invalid, {sockaddr, Addr}}` for an
 *   address that is not a map; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // Addr = #{family => inet, addr => loopback, port => Port},
 * // {select, {select_info, connect, Handle}} = socket:connect(S, Addr, nowait),
 * // receive {'$socket', S, select, Handle} -> ok = socket:connect(S) end
 * const Addr: socket.sockaddr = { family: 'inet', addr: 'loopback', port: Port };
 * const [, [, , Handle]] = await socket.connect(S, Addr, 'nowait');
 * await receive(on(['$socket', S, 'select', Handle], () => socket.connect(S)));
 * @see https://www.erlang.org/docs/25/man/socket.html#connect-3
 */
export function connect(s: Socket, addr?: sockaddr, timeout?: number | 'infinity'): Promise<'ok' | Error_>;
export function connect(s: Socket, addr: sockaddr, timeout: Timeout): Promise<'ok' | Select | Error_>;
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
      e.go('CONNECT');
      e.writeConnected = true;
      applyStored(e);
    }
    return r;
  }
  // A connected socket: the kernel's EISCONN, which OTP takes as done (nowait: eisconn).
  if (e.state === 'connected') return isNowait(t) ? ['error', 'eisconn'] : 'ok';
  if (e.state === 'listening') return ['error', 'eisconn'];
  if (e.state === 'connecting') return ['error', 'ealready'];
  if (!e.can('CONNECT')) return einval;
  const wrong = familyError(e, to, 'connect');
  if (wrong !== null) return wrong;
  let target: ConnectTarget;
  if (to.family === 'local') target = { path: to.path.toString('utf8') };
  else {
    target = { host: hostOf(peerIp(to), e.domain), port: to.port, family: e.domain === 'inet6' ? 6 : 4 };
    if (e.bound !== null && e.bound.family !== 'local') {
      // A bound socket connects from its address: the listener bind made gives it back.
      const port = e.listener?.address()?.[1];
      e.listener?.close();
      e.listener = null;
      target = {
        ...target,
        localAddress: hostOf(e.bound.ip, e.domain),
        ...(port ? { localPort: port } : {}),
      };
    }
  }
  e.go('CONNECT');
  // A TCP connect waits for the handshake (EINPROGRESS, then a select); a local one does not.
  if (e.domain !== 'local') e.writeSelected = true;
  const run = async (): Promise<'ok' | Error_> => {
    const r = await connectTo(proc, target, isNowait(t) ? 'infinity' : t);
    if (r[0] !== 'ok') {
      if (!e.closed) e.go('CONNECT_FAILED');
      return r;
    }
    const local = to.family === 'local' ? ({ path: to.path, via: 'connect' } as const) : null;
    const stream = new SocketStream(r[1], local);
    if (e.closed) {
      stream.close(false);
      return closed;
    }
    e.setStream(stream);
    applyStored(e);
    e.go('CONNECTED');
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
 * Closes a socket (from any process). Pending nowait callers get an abort message,
 * `['$socket', S, 'abort', [Handle, 'closed']]`, and monitors fire.
 * @param s - any socket
 * @returns `ok`, or `['error', 'closed']` for a socket already closed
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // ok = socket:close(Sock),
 * // ok = socket:close(LSock)
 * await socket.close(Sock);
 * await socket.close(LSock);
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
 * Shuts down one direction (or both) of a connected socket: `write` sends a FIN after what
 * is queued, and the socket can still receive the peer's answer.
 * @param s - a connected socket (on a listening one it does nothing)
 * @param how - `read`, `write` or `read_write`
 * @returns `ok` or `['error', Reason]`: `enotconn` for a socket not connected, `closed`
 * @throws ErlangError `badarg` for what is not a socket; `{invalid, {how, How}}` for another how
 * @example
 * // ok = socket:send(Sock, Msg),
 * // ok = socket:shutdown(Sock, write),
 * // {ok, Reply} = socket:recv(Sock)
 * await socket.send(Sock, Msg);
 * await socket.shutdown(Sock, 'write');
 * const Reply = ok(await socket.recv(Sock));
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
