/**
 * The socket module's data calls: send, sendto, sendmsg, recv, recvfrom, recvmsg, sendfile and
 * cancel. Each reads its arguments and shapes its result; the data path they share, with its
 * nowait selects and partial results, is transfer.ts.
 */
import { ErlangError, List, Ref } from 'erlts';
import { caller, describe } from '../../runtime/internal/driver-api.js';
import { endpointOf, hostOf } from '../../inet/internal/address.js';
import { toBuffer } from '../../inet/internal/tcp/iodata.js';
import type { Datagram } from '../../inet/internal/udp/dgram.js';
import type { ESocket, Socket, Target } from './esocket.js';
import {
  iovList,
  iovOf,
  readDatagram,
  readStream,
  writeFile,
  writeStream,
  type Error_,
  type FileArg,
  type Select,
  type SelectInfo,
  type StreamRead,
  type Timeout,
} from './transfer.js';
import { readBufferSize } from './options.js';
import { callArgs, closed, einval, isError, sizeArg, socketArg, timeoutArg, type Ok } from './args.js';
import {
  familyError,
  onSocket,
  peerIp,
  sockaddrOf,
  targetOf,
  type sockaddr,
  type sockaddr_recv,
} from './addresses.js';

/**
 * `socket:msg_flag()`, as send and recv calls take them (`nosignal` too, which Linux has), or
 * an integer of the kernel's bits.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-msg_flag
 */
export type msg_flag =
  | 'cmsg_cloexec'
  | 'confirm'
  | 'ctrunc'
  | 'dontroute'
  | 'eor'
  | 'errqueue'
  | 'more'
  | 'nosignal'
  | 'oob'
  | 'peek'
  | 'trunc';

/** A call's message flags: a list of {@link msg_flag}s and integers. */
export type flags = readonly (msg_flag | number)[];

/**
 * `socket:msg_send()`: what sendmsg takes: `iov` the data as a list of binaries, `addr` the
 * destination of an unconnected datagram socket, `ctrl` ancillary data (none can be sent on
 * Node).
 * @see https://www.erlang.org/docs/25/man/socket.html#type-msg_send
 */
export type msg_send = {
  readonly addr?: sockaddr;
  readonly iov: readonly Buffer[];
  readonly ctrl?: readonly unknown[];
};

/**
 * `socket:msg_recv()`: what recvmsg gives: `iov` the data, `addr` the source on a datagram
 * socket, `ctrl` ancillary data (always empty on Node), `flags` what the call saw (`trunc`).
 * @see https://www.erlang.org/docs/25/man/socket.html#type-msg_recv
 */
export type msg_recv = {
  readonly addr?: sockaddr_recv;
  readonly iov: List<Buffer>;
  readonly ctrl: List<never>;
  readonly flags: List<msg_flag>;
};

/** `socket:msg()`: a msg map, as sendmsg takes it or recvmsg gives it. */
export type msg = msg_send | msg_recv;

/** A select: what a call gives besides its result when its timeout `T` is `nowait` or a ref. */
type Waited<T> = T extends 'nowait' | Ref ? Select : never;
/** A nowait send's answers: a select, or what was not sent (`R`) with its select info. */
type Partly<T, R> = T extends 'nowait' | Ref ? Select | Ok<readonly [R, SelectInfo]> : never;

/**
 * Sends data on a connected socket. With `infinity` it waits while the socket is above its
 * high watermark; with a timeout it gives up with `['error', 'timeout']`, or
 * `['error', ['timeout', RestData]]` once part of the data went; with `nowait` (or a ref) it
 * sends what fits now and gives `['select', SelectInfo]`, or `['ok', [RestData, SelectInfo]]`
 * for a part, then `['$socket', S, 'select', Handle]` when the rest may be sent.
 * @param s - a connected socket (a datagram socket: connected to its peer)
 * @param data - iodata: a Buffer, a string, or a list of bytes, Buffers, strings and lists
 * @param flagsOrTimeout - message flags (`nosignal`, `more`), or the timeout
 * @param timeout - after flags: milliseconds, `infinity` (the default), `nowait`, or a ref of
 *   the caller's that becomes the select handle
 * @returns `ok`, `['error', Reason]` (`closed`, `epipe`, `econnreset`, `timeout`,
 *   `['timeout', RestData]`, `edestaddrreq` for an unconnected datagram socket, `enotsup` for a
 *   flag Node cannot honour), or one of the nowait forms above
 * @throws ErlangError `badarg` for what is not a socket, data that is not iodata, or flags
 *   that are not a list; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // ok = socket:send(S, <<"hello">>)
 * await socket.send(S, Buffer.from('hello'));
 * @see https://www.erlang.org/docs/25/man/socket.html#send-4
 */
export function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout?: flags | number | 'infinity',
  timeout?: number | 'infinity',
): Promise<'ok' | Error_>;

export function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout: flags | Timeout,
  timeout?: Timeout,
): Promise<'ok' | Select | Ok<readonly [Buffer, SelectInfo]> | Error_>;

export async function send(
  s: Socket,
  data: unknown,
  flagsOrTimeout: flags | Timeout = 'infinity',
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
 * Receives from a socket. On a stream, exactly `length` bytes, or for 0 what is there, at most
 * the read buffer (`{otp, rcvbuf}`, 8192 bytes by default); a timeout or a close with some bytes
 * read gives `['error', [Reason, Data]]`. On a datagram socket, the next datagram, cut to
 * `length`, or for 0 to the read buffer.
 * With `nowait` (or a ref): `['select', SelectInfo]`, or `['ok', [Data, SelectInfo]]` when
 * only part of `length` was there, then `['$socket', S, 'select', Handle]`; recv again reads.
 * @param s - a connected stream socket, or a datagram socket
 * @param length - bytes wanted (0, the default: what is there); a flag list in its place means 0
 * @param flagsOrTimeout - message flags (`peek`), or the timeout
 * @param timeout - after flags: milliseconds, `infinity` (the default), `nowait`, or a ref of
 *   the caller's that becomes the select handle
 * @returns `['ok', Data]`; `['error', Reason]` (`closed`, `timeout`, `econnreset`, `enotconn`,
 *   and `[Reason, Data]` with the bytes read before a stream's timeout or close); with nowait
 *   `['select', SelectInfo]` or `['ok', [Data, SelectInfo]]`
 * @throws ErlangError `badarg` for what is not a socket, a length that is not a non-negative
 *   integer, or flags that are not a list; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // {ok, Data} = socket:recv(S, 5, 1000)
 * const Data = ok(await socket.recv(S, 5, 1000));
 * @see https://www.erlang.org/docs/25/man/socket.html#recv-4
 */
export function recv(
  s: Socket,
  length?: number | flags,
  flagsOrTimeout?: flags | number | 'infinity',
  timeout?: number | 'infinity',
): Promise<Ok<Buffer> | Error_>;

export function recv(
  s: Socket,
  length: number | flags,
  flagsOrTimeout: flags | Timeout,
  timeout?: Timeout,
): Promise<Ok<Buffer> | Ok<readonly [Buffer, SelectInfo]> | Select | Error_>;

export async function recv(
  s: Socket,
  length: number | flags = 0,
  flagsOrTimeout: flags | Timeout = 'infinity',
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
    const size = n > 0 ? n : readBufferSize(e, false);
    return (await readDatagram(e, proc, 'recv', a.flags, a.t, (d) => cut(d.data, size))) as
      Ok<Buffer> | Error_;
  }
  // Length 0 takes what is there, at most the NIF's read buffer ({otp, rcvbuf}).
  const q: StreamRead =
    n > 0
      ? { kind: 'recv', mode: 'exact', length: n, flags: a.flags, shape: same }
      : { kind: 'recv', mode: 'upto', length: readBufferSize(e, true), flags: a.flags, shape: same };
  const r = readStream(e, proc, q, a.t);
  return (r instanceof Promise ? await r : r) as Ok<Buffer> | Error_;
}

function same(data: Buffer): Buffer {
  return data;
}

function unnamedSource(data: Buffer): readonly [sockaddr_recv, Buffer] {
  return [{ family: 'unspec', addr: Buffer.alloc(0) }, data];
}

function streamMsg(data: Buffer): msg_recv {
  return { ctrl: new List(), flags: new List(), iov: iovList(data) };
}

function cut(data: Buffer, size: number): Buffer {
  return data.length > size ? data.subarray(0, size) : data;
}

/**
 * Sends a datagram to `dest` (on a stream socket, `dest` is ignored, as the kernel does).
 * @param s - a datagram socket (or a connected stream socket)
 * @param data - iodata: a Buffer, a string, or a list of bytes, Buffers, strings and lists
 * @param dest - the destination's sockaddr map; an inet6 socket takes an inet one as
 *   v4-mapped
 * @param flagsOrTimeout - message flags, or the timeout
 * @param timeout - after flags: milliseconds, `infinity` (the default), `nowait`, or a ref of
 *   the caller's
 * @returns `ok` or `['error', Reason]`: `einval` for port 0, `eafnosupport` or `einval` for an
 *   address of another family, `['invalid', ['sockaddr', Dest]]` for a map that is no address,
 *   `closed`; a stream socket answers as send/4
 * @throws ErlangError `{invalid, {sockaddr, Dest}}` for a destination that is not a map, as OTP
 *   raises it; `badarg` for what is not a socket, data that is not iodata, or flags that are
 *   not a list; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // {ok, SAddr} = socket:sockname(Server),
 * // ok = socket:sendto(Sock, <<"hello">>, SAddr)
 * const SAddr = ok(await socket.sockname(Server));
 * await socket.sendto(Sock, Buffer.from('hello'), SAddr);
 * @see https://www.erlang.org/docs/25/man/socket.html#sendto-5
 */
export function sendto<T extends Timeout = 'infinity'>(
  s: Socket,
  data: unknown,
  dest: sockaddr,
  flagsOrTimeout?: flags | T,
  timeout?: T,
): Promise<'ok' | Partly<T, Buffer> | Error_>;
export async function sendto(
  s: Socket,
  data: unknown,
  dest: sockaddr,
  flagsOrTimeout: flags | Timeout = 'infinity',
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
 * Receives a datagram: `['ok', [Source, Data]]`, Data cut to `bufSz` bytes, or for 0 to the read
 * buffer (`{otp, rcvbuf}`, 8192 bytes by default). On a stream socket, what is there (at most
 * `bufSz`, or the read buffer) from `{family: 'unspec', addr: <<>>}`, as OTP.
 * With `nowait`, `['select', SelectInfo]` and a select message, as recv.
 * @param s - a datagram socket (or a connected stream socket)
 * @param bufSz - the buffer size (0, the default: the read buffer, `{otp, rcvbuf}`); a flag list
 *   in its place means 0
 * @param flagsOrTimeout - message flags (`peek`), or the timeout
 * @param timeout - after flags: milliseconds, `infinity` (the default), `nowait`, or a ref of
 *   the caller's that becomes the select handle
 * @returns `['ok', [Source, Data]]` with Source a sockaddr map; `['error', Reason]` (`timeout`,
 *   `closed`, ...); with nowait `['select', ['select_info', 'recvfrom', Handle]]`
 * @throws ErlangError `badarg` for what is not a socket, a buffer size that is not a
 *   non-negative integer, or flags that are not a list; `{invalid, {timeout, T}}` for a bad
 *   timeout
 * @example
 * // {ok, {Source, Data}} = socket:recvfrom(Sock, 0, 1000)
 * const [, [Source, Data]] = await socket.recvfrom(Sock, 0, 1000);
 * @see https://www.erlang.org/docs/25/man/socket.html#recvfrom-4
 */
export function recvfrom<T extends Timeout = 'infinity'>(
  s: Socket,
  bufSz?: number | flags,
  flagsOrTimeout?: flags | T,
  timeout?: T,
): Promise<Ok<readonly [sockaddr_recv, Buffer]> | Waited<T> | Error_>;
export async function recvfrom(
  s: Socket,
  bufSz: number | flags = 0,
  flagsOrTimeout: flags | Timeout = 'infinity',
  timeout?: Timeout,
): Promise<Ok<readonly [sockaddr_recv, Buffer]> | Select | Error_> {
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
    const q = {
      kind: 'recvfrom',
      mode: 'upto',
      length: n > 0 ? n : readBufferSize(e, true),
      flags: a.flags,
      shape: unnamedSource,
    } as const;
    return (await readStream(e, proc, q, a.t)) as Ok<readonly [sockaddr_recv, Buffer]> | Error_;
  }
  const size = n > 0 ? n : readBufferSize(e, false);
  const r = await readDatagram(e, proc, 'recvfrom', a.flags, a.t, (d) => [sourceOf(e, d), cut(d.data, size)]);
  return r as Ok<readonly [sockaddr_recv, Buffer]> | Error_;
}

function sourceOf(e: ESocket, d: Datagram): sockaddr_recv {
  return sockaddrOf(e, endpointOf(d.address, d.port)) as sockaddr_recv;
}

/**
 * Sends a message: `#{iov => [Bin], addr => Dest}` (`addr` for an unconnected datagram
 * socket). Ancillary data (`ctrl`) cannot be sent on Node: `['error', 'enotsup']`.
 * @param s - a connected socket, or a datagram socket
 * @param m - the msg map: `iov` a list of binaries, `addr` the destination
 * @param flagsOrTimeout - message flags, or the timeout
 * @param timeout - after flags: milliseconds, `infinity` (the default), `nowait`, or a ref of
 *   the caller's that becomes the select handle
 * @returns as send/4; `['error', ['invalid', ['sockaddr', Addr]]]` for an `addr` that is no
 *   address
 * @throws ErlangError `badarg` for what is not a socket, a msg without an iov list of iodata,
 *   or flags that are not a list; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // ok = socket:sendmsg(S, #{iov => [<<"a">>, <<"bc">>]})
 * await socket.sendmsg(S, { iov: [Buffer.from('a'), Buffer.from('bc')] });
 * @see https://www.erlang.org/docs/25/man/socket.html#sendmsg-4
 */
export function sendmsg<T extends Timeout = 'infinity'>(
  s: Socket,
  m: msg_send,
  flagsOrTimeout?: flags | T,
  timeout?: T,
): Promise<'ok' | Partly<T, Buffer> | Error_>;
export async function sendmsg(
  s: Socket,
  m: msg_send,
  flagsOrTimeout: flags | Timeout = 'infinity',
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
 * datagram socket and `trunc` in `flags` when the datagram was cut to `bufSz` (0: to the read
 * buffer, `{otp, rcvbuf}`, 8192 bytes by default). On a stream it takes what is there, up to
 * `bufSz` (0: the read buffer), as one recvmsg(2) does.
 *
 * Forms: `recvmsg(S)`, `recvmsg(S, FlagsOrTimeout)`, `recvmsg(S, Flags, Timeout)`,
 * `recvmsg(S, BufSz, CtrlSz)`, `recvmsg(S, BufSz, CtrlSz, Timeout)`,
 * `recvmsg(S, BufSz, CtrlSz, Flags, Timeout)`. No ancillary data is ever received on Node,
 * so `ctrl` is always empty.
 * @param s - a datagram socket, or a connected stream socket
 * @param a1 - by the form: the flags or the timeout (recvmsg/2,3), or BufSz (recvmsg/3,4,5)
 * @param a2 - by the form: the timeout after flags, or CtrlSz after BufSz
 * @param a3 - the timeout (recvmsg/4), or the flags (recvmsg/5)
 * @param a4 - the timeout (recvmsg/5)
 * @returns `['ok', Msg]`, `['error', Reason]` (`timeout`, `closed`, ...), or with nowait
 *   `['select', ['select_info', 'recvmsg', Handle]]`
 * @throws ErlangError `badarg` for what is not a socket or a size that is not a non-negative
 *   integer; `function_clause` for a recvmsg/3 that is neither flags and a timeout nor two
 *   sizes; `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // {ok, #{iov := [Data]}} = socket:recvmsg(S, 1000)
 * const [, { iov: [Data] }] = await socket.recvmsg(S, 1000);
 * @see https://www.erlang.org/docs/25/man/socket.html#recvmsg-5
 */
export function recvmsg<T extends Timeout = 'infinity'>(
  s: Socket,
  flagsOrTimeout?: flags | T,
): Promise<Ok<msg_recv> | Waited<T> | Error_>;
export function recvmsg<T extends Timeout = 'infinity'>(
  s: Socket,
  flags: flags,
  timeout: T,
): Promise<Ok<msg_recv> | Waited<T> | Error_>;
export function recvmsg<T extends Timeout = 'infinity'>(
  s: Socket,
  bufSz: number,
  ctrlSz: number,
  timeout?: T,
): Promise<Ok<msg_recv> | Waited<T> | Error_>;
export function recvmsg<T extends Timeout = 'infinity'>(
  s: Socket,
  bufSz: number,
  ctrlSz: number,
  flags: flags,
  timeout: T,
): Promise<Ok<msg_recv> | Waited<T> | Error_>;
export async function recvmsg(
  s: Socket,
  a1?: unknown,
  a2?: unknown,
  a3?: unknown,
  a4?: unknown,
): Promise<Ok<msg_recv> | Select | Error_> {
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
  const size = bufSz > 0 ? bufSz : readBufferSize(e, e.dgram === null);
  const r =
    e.dgram !== null
      ? await readDatagram(e, proc, 'recvmsg', a.flags, a.t, (d) => ({
          addr: sourceOf(e, d),
          ctrl: new List(),
          flags: d.data.length > size ? new List('trunc') : new List(),
          iov: iovList(cut(d.data, size)),
        }))
      : await readStream(
          e,
          proc,
          { kind: 'recvmsg', mode: 'upto', length: size, flags: a.flags, shape: streamMsg },
          a.t,
        );
  return r as Ok<msg_recv> | Error_;
}

/**
 * Sends a file's bytes over a connected stream socket (data-equivalent to sendfile(2): the
 * bytes are read and sent through Node, as `send` sends them).
 *
 * Forms: `sendfile(S, File)`, `sendfile(S, File, Timeout)`,
 * `sendfile(S, File, Offset, Count, Timeout)`, and after a nowait one's select message
 * `sendfile(S, SelectInfo, Offset, Count, Timeout)` (or `sendfile(S, SelectInfo, Timeout)`)
 * to go on with the same file.
 * @param s - a connected stream socket
 * @param file - a Node `FileHandle` (`fs/promises`) or a file descriptor (OTP's raw file); or
 *   the select info of this socket's last nowait sendfile, to continue it
 * @param offsetOrTimeout - where to start (default 0), or the timeout
 * @param count - how many bytes; 0 (the default) to the end of the file
 * @param timeout - after offset and count: milliseconds, `infinity` (the default), `nowait`, or
 *   a ref of the caller's that becomes the select handle
 * @returns `['ok', BytesSent]`, `['error', Reason]`, `['error', [Reason, BytesSent]]` once some
 *   went (`eopnotsupp` for a datagram socket, `einval` for a negative offset,
 *   `['invalid', SelectInfo]` for a select info that continues nothing); with nowait
 *   `['select', SelectInfo]` or `['ok', [BytesSent, SelectInfo]]`
 * @throws ErlangError `badarg` for what is not a socket, a file that is not a file handle or
 *   descriptor, an offset that is not an integer or a count that is not a size;
 *   `{invalid, {timeout, T}}` for a bad timeout
 * @example
 * // {ok, Fd} = file:open("index.html", [read, raw, binary]),
 * // {ok, BytesSent} = socket:sendfile(S, Fd)
 * const Fd = await fs.promises.open('index.html');
 * const BytesSent = ok(await socket.sendfile(S, Fd));
 * @see https://www.erlang.org/docs/25/man/socket.html#sendfile-5
 */
export function sendfile<T extends Timeout = 'infinity'>(
  s: Socket,
  file: FileArg | SelectInfo,
  offsetOrTimeout?: number | T,
  count?: number,
  timeout?: T,
): Promise<readonly ['ok', number] | Partly<T, number> | Error_>;
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
 * Cancels a pending nowait operation of the caller's: its select message will not come, and
 * data a cancelled read had taken is put back to be read again.
 * @param s - the socket of the operation
 * @param info - the select info the nowait call returned
 * @returns `ok`, or `['error', ['invalid', SelectInfo]]` when no operation of the caller's
 *   matches it; `['error', 'closed']` for a closed socket
 * @throws ErlangError `badarg` for what is not a socket or a select info
 * @example
 * // {select, SelectInfo} = socket:recv(Sock, 0, nowait),
 * // ok = socket:cancel(Sock, SelectInfo)
 * const [, SelectInfo] = await socket.recv(Sock, 0, 'nowait');
 * await socket.cancel(Sock, SelectInfo);
 * @see https://www.erlang.org/docs/25/man/socket.html#cancel-2
 */
export function cancel(s: Socket, info: SelectInfo): Promise<'ok' | Error_> {
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
