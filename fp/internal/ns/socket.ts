/**
 * socket's face: the calls of `erlts/socket` in their blocking forms, each giving a
 * `TaskEither<Reason, X>` typed from the blocking form's own result. The `nowait` forms answer
 * `{select, SelectInfo}` and a message later, which no TaskEither can hold: the face takes no
 * `nowait` timeout or select handle (badarg when the task runs); `erlts/socket` serves them.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import * as socket from 'erlts/socket';
import { fromResult, liftResult, type Failure, type Result, type Success } from '../result.js';
import { blocking, type Face, type Overloads } from '../face.js';

/** The blocking call of a socket function: timeout milliseconds or `infinity`, no `nowait`. */
type Blocking<F> = Overloads<F>[0];
type Wait = number | 'infinity';

// The blocking signatures, picked out of the overloads: the faces take these and no other.
const blockingAccept: Blocking<typeof socket.accept> = socket.accept;
const blockingConnect: Blocking<typeof socket.connect> = socket.connect;
const blockingSend: Blocking<typeof socket.send> = socket.send;
const blockingRecv: Blocking<typeof socket.recv> = socket.recv;

type OpenResult = Awaited<ReturnType<typeof socket.open>>;

/**
 * Creates a socket: `right(Socket)`, owned by the process that runs the task, or `left(Reason)`
 * (`['invalid', [What, Value]]` for an unknown domain, type or protocol, `eprotonosupport`,
 * `eafnosupport`, ...). The forms of socket:open/1,2,3,4.
 * @param args - socket.open's arguments: `(Domain, Type[, Protocol][, Opts])` or `(FD[, Opts])`
 * @returns `TaskEither<socket.reason, Socket>`
 * @throws ErlangError `badarg` for malformed options, when the task runs
 * @example
 * // {ok, S} = socket:open(inet, stream, tcp)
 * const S = await runOrExit(fp.socket.open('inet', 'stream', 'tcp'));
 * @see https://www.erlang.org/docs/25/man/socket.html#open-3
 */
export function open(
  fd: number,
  opts?: socket.open_fd_options,
): TaskEither<Failure<OpenResult>, Success<OpenResult>>;
export function open(
  domain: socket.domain | number,
  type: socket.type | number,
  opts?: socket.open_options,
): TaskEither<Failure<OpenResult>, Success<OpenResult>>;
export function open(
  domain: socket.domain | number,
  type: socket.type | number,
  protocol: socket.protocol | number,
  opts?: socket.open_options,
): TaskEither<Failure<OpenResult>, Success<OpenResult>>;
export function open(...args: readonly unknown[]): TaskEither<Failure<OpenResult>, Success<OpenResult>> {
  return openFace(...(args as Parameters<typeof openFace>));
}
const openFace = liftResult(socket.open as (...args: readonly unknown[]) => ReturnType<typeof socket.open>);

/**
 * Binds a socket to an address: `right(undefined)`, or `left(Reason)` (`eaddrinuse`,
 * `eaddrnotavail`, `einval`, `closed`, ...).
 * @param s - a socket
 * @param addr - a sockaddr map, `any` or `loopback`
 * @returns `TaskEither<socket.reason, undefined>`
 * @example
 * // ok = socket:bind(S, #{family => inet, addr => loopback, port => 0})
 * await runOrExit(fp.socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
 * @see https://www.erlang.org/docs/25/man/socket.html#bind-2
 */
export const bind = liftResult(socket.bind);

/** What listen gives besides its result: `{invalid, {integer_range, Backlog}}`, as OTP 25. */
type ListenResult = Awaited<ReturnType<typeof socket.listen>>;
type ListenInvalid = Exclude<ListenResult, Result>;

/**
 * Makes a socket listen: `right(undefined)`, or `left(Reason)` (`enotsup`, `einval`, `closed`).
 * OTP 25 answers a backlog beyond 32 bits with a bare `{invalid, {integer_range, Backlog}}`,
 * neither ok nor error: the face gives it as the Left itself.
 * @param s - a stream socket
 * @param backlog - the kernel's accept queue length (5 by default)
 * @returns `TaskEither<socket.reason | ['invalid', ['integer_range', number]], undefined>`
 * @example
 * // ok = socket:listen(LS, 128)
 * await runOrExit(fp.socket.listen(LS, 128));
 * @see https://www.erlang.org/docs/25/man/socket.html#listen-2
 */
export function listen(
  ...args: Parameters<typeof socket.listen>
): TaskEither<Failure<ListenResult> | ListenInvalid, Success<ListenResult>> {
  return async () => {
    const r = await socket.listen(...args);
    return r !== 'ok' && r[0] === 'invalid' ? E.left(r) : fromResult(r);
  };
}

/**
 * Accepts a connection: `right(Socket)`, owned by the process that runs the task, or
 * `left(Reason)` (`timeout`, `closed`, `einval`, ...).
 * @param s - a listening socket
 * @param timeout - milliseconds or `infinity` (the default); no `nowait`
 * @returns `TaskEither<socket.reason, Socket>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // {ok, Sock} = socket:accept(LSock)
 * const Sock = await runOrExit(fp.socket.accept(LSock));
 * @see https://www.erlang.org/docs/25/man/socket.html#accept-2
 */
export const accept = blocking('accept/2', [1], blockingAccept);

/**
 * Connects a socket: `right(undefined)`, or `left(Reason)` (`econnrefused`, `timeout`,
 * `eisconn`, ...).
 * @param s - a socket
 * @param addr - the server's sockaddr map
 * @param timeout - milliseconds or `infinity` (the default); no `nowait`
 * @returns `TaskEither<socket.reason, undefined>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // ok = socket:connect(S, #{family => inet, addr => loopback, port => Port})
 * await runOrExit(fp.socket.connect(S, { family: 'inet', addr: 'loopback', port: Port }));
 * @see https://www.erlang.org/docs/25/man/socket.html#connect-3
 */
export const connect = blocking('connect/3', [2], blockingConnect);

/**
 * Sends data: `right(undefined)`, or `left(Reason)` (`closed`, `epipe`, `timeout`,
 * `['timeout', RestData]` once part of it went, ...).
 * @param s - a connected socket
 * @param data - iodata
 * @param flagsOrTimeout - message flags, or the timeout (milliseconds or `infinity`)
 * @param timeout - after flags, the timeout; no `nowait`
 * @returns `TaskEither<socket.reason, undefined>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // ok = socket:send(S, <<"hello">>)
 * await runOrExit(fp.socket.send(S, Buffer.from('hello')));
 * @see https://www.erlang.org/docs/25/man/socket.html#send-4
 */
export const send = blocking('send/4', [2, 3], blockingSend);

/**
 * Receives data: `right(Data)`, or `left(Reason)` (`closed`, `timeout`, and `[Reason, Data]`
 * with the bytes read before a stream's timeout or close).
 * @param s - a connected stream socket, or a datagram socket
 * @param length - bytes wanted (0, the default: what is there)
 * @param flagsOrTimeout - message flags, or the timeout (milliseconds or `infinity`)
 * @param timeout - after flags, the timeout; no `nowait`
 * @returns `TaskEither<socket.reason, Buffer>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // {ok, Data} = socket:recv(S, 5, 1000)
 * const Data = await runOrExit(fp.socket.recv(S, 5, 1000));
 * @see https://www.erlang.org/docs/25/man/socket.html#recv-4
 */
export const recv = blocking('recv/4', [2, 3], blockingRecv);

/**
 * Sends a datagram to an address: `right(undefined)`, or `left(Reason)` (`einval`,
 * `eafnosupport`, `['invalid', ['sockaddr', Dest]]`, `closed`, ...).
 * @param s - a datagram socket (or a connected stream socket)
 * @param data - iodata
 * @param dest - the destination's sockaddr map
 * @param flagsOrTimeout - message flags, or the timeout (milliseconds or `infinity`)
 * @param timeout - after flags, the timeout; no `nowait`
 * @returns `TaskEither<socket.reason, undefined>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // ok = socket:sendto(Sock, <<"hello">>, SAddr)
 * await runOrExit(fp.socket.sendto(Sock, Buffer.from('hello'), SAddr));
 * @see https://www.erlang.org/docs/25/man/socket.html#sendto-5
 */
export const sendto = blocking('sendto/5', [3, 4], socket.sendto<Wait>);

/**
 * Receives a datagram: `right([Source, Data])`, or `left(Reason)` (`timeout`, `closed`, ...).
 * @param s - a datagram socket (or a connected stream socket)
 * @param bufSz - the buffer size (0, the default: the read buffer)
 * @param flagsOrTimeout - message flags, or the timeout (milliseconds or `infinity`)
 * @param timeout - after flags, the timeout; no `nowait`
 * @returns `TaskEither<socket.reason, [sockaddr_recv, Buffer]>`
 * @throws ErlangError `badarg` for `nowait` or a select handle, when the task runs
 * @example
 * // {ok, {Source, Data}} = socket:recvfrom(Sock, 0, 1000)
 * const [Source, Data] = await runOrExit(fp.socket.recvfrom(Sock, 0, 1000));
 * @see https://www.erlang.org/docs/25/man/socket.html#recvfrom-4
 */
export const recvfrom = blocking('recvfrom/4', [2, 3], socket.recvfrom<Wait>);

/**
 * Closes a socket: `right(undefined)`, or `left('closed')` for one already closed.
 * @param s - any socket
 * @returns `TaskEither<socket.reason, undefined>`
 * @example
 * // ok = socket:close(Sock)
 * await runOrExit(fp.socket.close(Sock));
 * @see https://www.erlang.org/docs/25/man/socket.html#close-1
 */
export const close = liftResult(socket.close);

/**
 * Shuts down one direction or both: `right(undefined)`, or `left('enotconn' | 'closed')`.
 * @param s - a connected socket
 * @param how - `read`, `write` or `read_write`
 * @returns `TaskEither<socket.reason, undefined>`
 * @example
 * // ok = socket:shutdown(Sock, write)
 * await runOrExit(fp.socket.shutdown(Sock, 'write'));
 * @see https://www.erlang.org/docs/25/man/socket.html#shutdown-2
 */
export const shutdown = liftResult(socket.shutdown);

/**
 * The socket's own address: `right(SockAddr)` or `left(Reason)` (`closed`, `einval`).
 * @param s - any socket
 * @returns `TaskEither<socket.reason, sockaddr_recv>`
 * @example
 * // {ok, #{port := Port}} = socket:sockname(S)
 * const { port: Port } = await runOrExit(fp.socket.sockname(S));
 * @see https://www.erlang.org/docs/25/man/socket.html#sockname-1
 */
export const sockname = liftResult(socket.sockname);

/**
 * The peer's address: `right(SockAddr)` or `left('enotconn' | 'closed')`.
 * @param s - any socket
 * @returns `TaskEither<socket.reason, sockaddr_recv>`
 * @example
 * // {ok, #{addr := Addr, port := Port}} = socket:peername(Sock)
 * const { addr: Addr, port: Port } = await runOrExit(fp.socket.peername(Sock));
 * @see https://www.erlang.org/docs/25/man/socket.html#peername-1
 */
export const peername = liftResult(socket.peername);

/** What getopt gives for `{Level, Name}`. */
type Got<O> = Awaited<ReturnType<typeof socket.getopt<O & socket.option>>>;

/**
 * Reads a socket option: `right(Value)` typed by the option, or `left(Reason)`
 * (`['invalid', ['socket_option', Opt]]`, `enotsup`, `enoprotoopt`, `closed`). Both forms:
 * `getopt(S, {Level, Name})` and `getopt(S, Level, Name)`.
 * @param s - any socket
 * @param opt - `[Level, Name]`; or the level, then the name
 * @returns `TaskEither<socket.reason, option_value<O>>`
 * @throws ThrownValue `{invalid, {socket_option, Opt}}` for an option that is no pair, as OTP 25
 * @example
 * // {ok, stream} = socket:getopt(S, {socket, type})
 * const Type = await runOrExit(fp.socket.getopt(S, ['socket', 'type'])); // 'stream'
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt-2
 */
export function getopt<const O extends socket.option>(s: socket.Socket, opt: O): Face<Got<O>>;
export function getopt<const L extends socket.level, const N extends socket.option_name<L>>(
  s: socket.Socket,
  level: L,
  name: N,
): Face<Got<readonly [L, N]>>;
export function getopt(...args: readonly unknown[]): Face<Result> {
  return getoptFace(...args);
}
const getoptFace = liftResult(socket.getopt as (...args: readonly unknown[]) => Promise<Result>);

/**
 * Sets a socket option: `right(undefined)`, or `left(Reason)`
 * (`['invalid', ['socket_option', Opt]]`, `enotsup`, `closed`, ...). Both forms:
 * `setopt(S, {Level, Name}, Value)` and `setopt(S, Level, Name, Value)`.
 * @param s - any socket
 * @param opt - `[Level, Name]`; or the level, then the name, then the value
 * @param value - the option's value
 * @returns `TaskEither<socket.reason, undefined>`
 * @throws ThrownValue `{invalid, {socket_option, Opt}}` for an option that is no pair, as OTP 25
 * @example
 * // ok = socket:setopt(S, {tcp, nodelay}, true)
 * await runOrExit(fp.socket.setopt(S, ['tcp', 'nodelay'], true));
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt-3
 */
export function setopt<const O extends socket.option>(
  s: socket.Socket,
  opt: O,
  value: socket.option_value<O>,
): Face<Awaited<ReturnType<typeof socket.setopt<O>>>>;
export function setopt<const L extends socket.level, const N extends socket.option_name<L>>(
  s: socket.Socket,
  level: L,
  name: N,
  value: socket.option_value<readonly [L, N]>,
): Face<Awaited<ReturnType<typeof socket.setopt<readonly [L, N] & socket.option>>>>;
export function setopt(...args: readonly unknown[]): Face<Result> {
  return setoptFace(...args);
}
const setoptFace = liftResult(socket.setopt as (...args: readonly unknown[]) => Promise<Result>);
