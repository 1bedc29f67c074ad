/**
 * The socket module's data path: recv, recvfrom, recvmsg, send, sendto, sendmsg and sendfile
 * share it, each shaping its own result.
 *
 * Reading a stream socket is a SocketStream's exact or take-what-is-there read, plus what the
 * socket NIF adds: message flags (`peek` puts what was read back), `nowait` with its select message
 * and kept result, readers taking turns, and the bytes of a recv that ended early handed back
 * with its error (`{error, {timeout | closed, Data}}`).
 *
 * Writing a stream socket hands the stream only what fits (SocketStream.sendSome), as the kernel
 * takes what fits its buffer: a send with a timeout can then say what it did not send
 * (`{error, {timeout, RestData}}`), and a `nowait` send returns the rest with a select info.
 */
import { read as fsRead } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { ErlangError, make_ref, Ref, List } from 'erlts';
import { posixFromNodeError, type Posix } from '../../inet/internal/posix.js';
import { describe, getClock, toList, type ProcessHandle } from '../../runtime/internal/driver-api.js';
import type { SocketStream } from './stream.js';
import type { SocketReader, RecvResult } from './reader.js';
import type { Datagram, RecvFromResult } from '../../inet/internal/udp/dgram.js';
import type { ESocket, Pending } from './esocket.js';

/**
 * Why a socket call failed, `{error, Reason}`: a POSIX error atom as the kernel gives it
 * (`econnrefused`, `eaddrinuse`, ...), `closed`, `timeout`, `{invalid, What}` for an argument
 * the NIF refuses, or with the part of the call that was done (`{timeout, RestData}` of a
 * send, `{closed, Data}` of a recv, `{Reason, BytesSent}` of a sendfile).
 * @see https://www.erlang.org/docs/25/man/socket.html#type-invalid
 */
export type reason =
  | Posix
  | 'closed'
  | 'timeout'
  | 'cancelled'
  | invalid
  | readonly [Posix | 'closed' | 'timeout', Buffer | number];
/** `{invalid, What}`: what the NIF or socket.erl refuses, as `{socket_option, Opt}`. */
export type invalid = readonly ['invalid', unknown];
export type Error_ = readonly ['error', reason];
/**
 * What a nowait call that must wait returns inside `select`: `{select_info, Tag, Handle}`,
 * Tag the call (`recv`, `accept`, ...), Handle the ref that its select message will carry.
 * `cancel` takes it back.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-select_info
 */
export type SelectInfo = readonly ['select_info', string, Ref];
/**
 * A nowait call's answer when it must wait: `{select, SelectInfo}`; then
 * `{'$socket', S, select, Handle}` comes when the call may be made again.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-select_info
 */
export type Select = readonly ['select', SelectInfo];
/**
 * A socket call's timeout: milliseconds, `infinity`, `nowait`, or a ref of the caller's that
 * is then the select handle.
 * @see https://www.erlang.org/docs/25/man/socket.html#type-select_handle
 */
export type Timeout = number | 'infinity' | 'nowait' | Ref;

const closed = ['error', 'closed'] as const;
const enotsup = ['error', 'enotsup'] as const;
const EMPTY = Buffer.alloc(0);

/** Every message flag OTP knows (socket:supports(msg_flags)). */
export const MSG_FLAGS: readonly string[] = [
  'cmsg_cloexec',
  'confirm',
  'ctrunc',
  'dontroute',
  'eor',
  'errqueue',
  'more',
  'nosignal',
  'oob',
  'peek',
  'trunc',
];

/**
 * The flags erlts honours: `peek` when receiving; `nosignal` (Node never raises SIGPIPE) and
 * `more` (the data waits for the next send, as MSG_MORE) when sending.
 */
const HONOURED = { recv: ['peek'], send: ['nosignal', 'more'] } as const;

/** Whether erlts honours a message flag, in either direction (socket:supports(msg_flags)). */
export function honoured(flag: string): boolean {
  return (
    (HONOURED.recv as readonly string[]).includes(flag) || (HONOURED.send as readonly string[]).includes(flag)
  );
}

/** The message flags of one call, as erlts honours them. */
export interface Flags {
  readonly peek: boolean;
  readonly more: boolean;
}

const NO_FLAGS: Flags = { peek: false, more: false };

/** Linux's bits of the flags OTP knows, for the value the NIF is handed. */
const FLAG_BITS: Record<string, number> = {
  oob: 0x1,
  peek: 0x2,
  dontroute: 0x4,
  ctrunc: 0x8,
  trunc: 0x20,
  eor: 0x80,
  confirm: 0x800,
  errqueue: 0x2000,
  nosignal: 0x4000,
  more: 0x8000,
  cmsg_cloexec: 0x40000000,
};

/**
 * Reads a message flag list, as socket.erl and the NIF do: in order, an atom OTP does not know
 * is returned as an error, an element that is neither an atom nor a non-negative integer
 * raises; then the flags are one C int.
 * @returns the flags, `{error, {invalid, {msg_flag, F}}}` for one OTP does not know, or
 *   `{error, enotsup}` for one Node cannot honour (an integer flag other than 0 included)
 * @throws ErlangError `{invalid, {msg_flags, Flags}}` for an element of the wrong shape,
 *   `{case_clause, {invalid, {integer_range, N}}}` when the flags do not fit 32 bits
 */
export function flagsOf(flags: readonly unknown[], dir: 'send' | 'recv'): Flags | Error_ {
  if (flags.length === 0) return NO_FLAGS;
  let peek = false;
  let more = false;
  let refused = false;
  let bits = 0n;
  for (const f of flags) {
    if (typeof f === 'number' && Number.isInteger(f) && f >= 0) {
      bits |= BigInt(f);
      if (f !== 0) refused = true;
      continue;
    }
    if (typeof f !== 'string') {
      throw new ErlangError(
        ['invalid', ['msg_flags', toList(flags)]],
        `socket: bad message flag ${describe(f)} in ${describe(toList(flags))}`,
      );
    }
    const bit = FLAG_BITS[f];
    if (bit === undefined) return ['error', ['invalid', ['msg_flag', f]]];
    bits |= BigInt(bit);
    if (!(HONOURED[dir] as readonly string[]).includes(f)) refused = true;
    if (f === 'peek') peek = true;
    if (f === 'more') more = true;
  }
  if (bits >= 2n ** 31n) {
    const n = Number(bits);
    throw new ErlangError(
      ['case_clause', ['invalid', ['integer_range', n]]],
      `socket: message flags beyond 32 bits: ${describe(n)}`,
    );
  }
  return refused ? enotsup : { peek, more };
}

export function isNowait(t: Timeout): t is 'nowait' | Ref {
  return t === 'nowait' || t instanceof Ref;
}

export function handleOf(t: 'nowait' | Ref): Ref {
  return t === 'nowait' ? make_ref() : t;
}

export function selectInfo(p: Pending): Select {
  // A nowait call's handle is always a ref: the caller's own, or handleOf's fresh one.
  return ['select', ['select_info', p.kind, p.handle as Ref]];
}

// ---- reading streams ----

/**
 * How a stream read takes its bytes: `exact` waits for `length` bytes (recv), `upto` takes
 * what is there, at most `length` (recvmsg, one recvmsg(2) call).
 */
export type ReadMode = 'exact' | 'upto';

/** What a stream read's caller asked: how its bytes are taken and shaped into its result. */
export interface StreamRead {
  readonly kind: 'recv' | 'recvfrom' | 'recvmsg';
  readonly mode: ReadMode;
  readonly length: number;
  readonly flags: Flags;
  /** Makes the call's `{ok, _}` result from the bytes read. */
  readonly shape: (data: Buffer) => unknown;
}

/**
 * A read on a connected stream socket.
 * @returns the result, at once when it needs no wait (a nowait call always)
 */
export function readStream(
  e: ESocket,
  proc: ProcessHandle,
  q: StreamRead,
  t: Timeout,
): readonly unknown[] | Promise<readonly unknown[]> {
  const want = q.mode === 'exact' ? q.length : 0;
  const tcp = e.stream?.reader ?? null;
  // Every call is a try, a retry after the select message too, as the NIF counts.
  e.counters.read_tries++;
  const kept = e.take(q.kind, proc) as readonly unknown[] | null;
  if (kept !== null) {
    if (kept[0] !== 'ok') {
      e.counters.read_fails++;
      countPart(e, kept);
    }
    return tcp === null ? kept : finish(e, tcp, q, kept);
  }
  if (!isNowait(t)) e.abortOwn(q.kind, proc);
  if (tcp === null) return ['error', 'enotconn'];
  if (!isNowait(t)) return readWaiting(e, proc, tcp, q, want, t);
  e.readSelected = true;
  if (e.readTurn.busy) {
    const p = e.select(q.kind, proc, handleOf(t));
    void readAfterTurn(e, tcp, p, want);
    return selectInfo(p);
  }
  const now = tcp.tryRecv(want);
  if (now !== null) {
    if (now[0] !== 'ok') e.counters.read_fails++;
    return finish(e, tcp, q, now);
  }
  // Fewer bytes than asked: they are taken now, and a select follows for the rest, as OTP.
  const part = want > 0 && !q.flags.peek ? tcp.takeBuffered() : EMPTY;
  const p = e.select(q.kind, proc, handleOf(t));
  void e.readTurn.acquire(proc); // free: taken at once
  readInBackground(e, tcp, p, want - part.length);
  e.counters.read_byte += part.length;
  return part.length > 0 ? ['ok', [part, selectInfo(p)[1]]] : selectInfo(p);
}

/** The bytes a completed read took, cut to `length` (upto) and put back for a peek. */
function finish(e: ESocket, tcp: SocketReader, q: StreamRead, r: readonly unknown[]): readonly unknown[] {
  if (r[0] !== 'ok') return r;
  let data = r[1] as Buffer;
  if (q.mode === 'upto' && q.length > 0 && data.length > q.length) {
    tcp.unread(data.subarray(q.length));
    data = data.subarray(0, q.length);
  }
  // The NIF counts bytes as calls read them (a peek's again when they are read for real), and a
  // package for each read that completes a call (one that ends early with part is none).
  const c = e.counters;
  c.read_byte += data.length;
  c.read_pkg++;
  if (data.length > c.read_pkg_max) c.read_pkg_max = data.length;
  if (q.flags.peek) tcp.unread(data);
  return ['ok', q.shape(data)];
}

/** A read that waits: its turn behind other readers (not timed), then the data. */
async function readWaiting(
  e: ESocket,
  proc: ProcessHandle,
  tcp: SocketReader,
  q: StreamRead,
  want: number,
  t: number | 'infinity',
): Promise<readonly unknown[]> {
  if ((await e.readTurn.acquire(proc)) === 'closed') return closed;
  try {
    const waiting = tcp.recv(proc, want, t);
    if (waiting instanceof Promise) e.readSelected = true;
    const r = await waiting;
    if (waiting instanceof Promise) retried(e.counters, 'read_tries', r);
    if (r[0] === 'ok') return finish(e, tcp, q, r);
    if (r[1] !== 'timeout') e.counters.read_fails++;
    const part = endedEarly(tcp, want, r);
    // Bytes that were there, then the end: the NIF read twice (a wait counted it already).
    if (part !== r && !(waiting instanceof Promise)) e.counters.read_tries++;
    // OTP 25 gives what is there for a zero timeout, and {timeout, Data} for another.
    if (part !== r && r[1] === 'timeout' && t === 0)
      return finish(e, tcp, q, ['ok', (part[1] as [unknown, Buffer])[1]]);
    if (part !== r && q.flags.peek) tcp.unread((part[1] as [unknown, Buffer])[1]);
    countPart(e, part);
    return part;
  } finally {
    e.readTurn.release();
  }
}

/** The bytes an `{error, {Reason, Data}}` hands back were read: they count. */
function countPart(e: ESocket, r: readonly unknown[]): void {
  const reason = r[1];
  if (Array.isArray(reason) && Buffer.isBuffer(reason[1])) e.counters.read_byte += reason[1].length;
}

/**
 * A recv of `want` bytes that ended without them: the bytes it had read come back with the
 * reason, `{error, {Reason, Data}}`, as the socket NIF returns them.
 */
function endedEarly(tcp: SocketReader, want: number, r: RecvResult): readonly unknown[] {
  if (want === 0) return r;
  const part = tcp.takeBuffered();
  return part.length === 0 ? r : ['error', [r[1], part]];
}

/**
 * The background read of a nowait recv, once it has the turn: no promise, the port calls
 * back (this is the hot path of a select loop) and the turn passes on when it is done.
 */
function readInBackground(e: ESocket, tcp: SocketReader, p: Pending, want: number): void {
  const done = (r: RecvResult): void => {
    e.readTurn.release();
    if (r[0] === 'ok') e.selected(p, r);
    // An error may be the port closing under a socket that closes next (its owner died):
    // the socket's close, with its abort message, goes first.
    else queueMicrotask(() => e.selected(p, endedEarly(tcp, want, r)));
  };
  const now = tcp.recvThen(p.proc, want, done, () => e.readTurn.release());
  if (now !== null) done(now);
}

/** The background read of a nowait recv behind another reader: its turn, then the read. */
async function readAfterTurn(e: ESocket, tcp: SocketReader, p: Pending, want: number): Promise<void> {
  let turn: 'go' | 'closed';
  try {
    turn = await e.readTurn.acquire(p.proc);
  } catch {
    return; // the caller died waiting: nothing to tell
  }
  if (turn === 'closed') return;
  if (e.pending.includes(p)) readInBackground(e, tcp, p, want);
  else e.readTurn.release(); // cancelled while it waited
}

// ---- reading datagrams ----

/**
 * A read on a datagram socket: one datagram, shaped by the caller (recv gives the data,
 * recvfrom the source too, recvmsg a msg map).
 */
export async function readDatagram(
  e: ESocket,
  proc: ProcessHandle,
  kind: 'recv' | 'recvfrom' | 'recvmsg',
  flags: Flags,
  t: Timeout,
  shape: (d: Datagram) => unknown,
): Promise<readonly unknown[]> {
  const d = e.dgram;
  if (d === null) return ['error', 'enotconn'];
  const finish = (r: RecvFromResult): readonly unknown[] => {
    if (r[0] !== 'ok') return r;
    if (flags.peek) d.unread(r[1]);
    else d.countRecv(r[1]);
    return ['ok', shape(r[1])];
  };
  e.counters.read_tries++; // a retry after the select message too, as the NIF counts
  const kept = e.take(kind, proc);
  if (kept !== null) return finish(kept as RecvFromResult);
  if (!isNowait(t)) e.abortOwn(kind, proc);
  if (isNowait(t)) {
    const now = d.recvfrom(proc, 0);
    if (!(now instanceof Promise) && (now[0] === 'ok' || now[1] !== 'timeout')) return finish(now);
    // A nowait datagram read that selects is not counted as a wait, as OTP 25 counts them.
    e.readSelected = true;
    const p = e.select(kind, proc, handleOf(t));
    void Promise.resolve(d.recvfrom(proc, 'infinity')).then(
      (r) => e.selected(p, r),
      () => undefined,
    );
    return selectInfo(p);
  }
  const waiting = d.recvfrom(proc, t);
  if (waiting instanceof Promise) e.readSelected = true;
  const r = await waiting;
  // No second try counted for a wait here: Node hands over datagrams the kernel already had
  // only on its next poll, so a wait is often erlts's alone.
  if (r[0] !== 'ok' && r[1] !== 'timeout') e.counters.read_fails++;
  return finish(r);
}

// ---- writing streams ----

/**
 * A send on a connected stream socket. With `infinity` it waits as long as the port is busy;
 * with a timeout it hands over what fits until the time is up; with `nowait` it hands over
 * what fits now and selects for the rest.
 * @returns `ok`, `{error, Reason}`, `{error, {Reason, RestData}}` once some bytes went,
 *   `{select, SelectInfo}`, or `{ok, {RestData, SelectInfo}}` for a partial nowait send
 */
export function writeStream(
  e: ESocket,
  proc: ProcessHandle,
  kind: 'send' | 'sendmsg',
  buf: Buffer,
  flags: Flags,
  t: Timeout,
): 'ok' | readonly unknown[] | Promise<'ok' | readonly unknown[]> {
  if (!isNowait(t)) e.abortOwn(kind, proc);
  const tcp = e.stream;
  // An unconnected stream socket: the kernel answers EPIPE, as OTP shows.
  if (tcp === null) return ['error', 'epipe'];
  e.counters.write_tries++;
  // Writing after our own shutdown(write): the kernel's EPIPE.
  if (tcp.writeShut) return fail(e, ['error', 'epipe']);
  if (flags.more) tcp.holdBack();
  if (t !== 'infinity') return writeWithin(e, proc, tcp, kind, buf, flags, t);
  const r = tcp.send(proc, buf);
  if (!flags.more) tcp.letGo();
  if (r === 'ok') return r;
  if (!(r instanceof Promise)) return fail(e, r);
  e.writeSelected = true;
  return r.then((done) => {
    retried(e.counters, 'write_tries', done);
    if (!flags.more) tcp.letGo(); // a send that waited wrote just now
    return done === 'ok' ? done : fail(e, done);
  });
}

/** A send with a timeout or nowait: what fits, then waits for room (or selects) for the rest. */
async function writeWithin(
  e: ESocket,
  proc: ProcessHandle,
  tcp: SocketStream,
  kind: 'send' | 'sendmsg',
  buf: Buffer,
  flags: Flags,
  t: number | 'nowait' | Ref,
): Promise<'ok' | readonly unknown[]> {
  let rest = buf;
  const deadline = typeof t === 'number' ? getClock().now() + t : 0;
  for (;;) {
    const left = tcp.sendSome(rest);
    if (!flags.more) tcp.letGo();
    if (!Buffer.isBuffer(left)) return fail(e, rest === buf ? left : ['error', [left[1], rest]]);
    rest = left;
    if (rest.length === 0) return 'ok';
    e.writeSelected = true;
    if (isNowait(t)) {
      const p = e.select(kind, proc, handleOf(t));
      void Promise.resolve(tcp.writable(proc, 'infinity')).then(
        () => e.ready(p),
        () => undefined,
      );
      return rest.length < buf.length ? ['ok', [rest, selectInfo(p)[1]]] : selectInfo(p);
    }
    const w = await tcp.writable(proc, Math.max(0, deadline - getClock().now()));
    if (w !== 'ok') return fail(e, rest === buf ? w : ['error', [w[1], rest]]);
    e.counters.write_tries++; // the send goes on: another try
  }
}

/**
 * A call that waited and then went on counts a second try, as the NIF tries again after its
 * select; one that timed out does not. (OTP 25 leaves the `*_waits` counters at 0: so does erlts.)
 */
function retried(counters: ESocket['counters'], key: 'read_tries' | 'write_tries', r: unknown): void {
  if (r === 'ok' || !Array.isArray(r) || r[0] === 'ok' || r[1] !== 'timeout') counters[key]++;
}

function fail(e: ESocket, r: readonly unknown[]): readonly unknown[] {
  e.counters.write_fails++;
  return r;
}

/** A msg map's `iov` as one buffer (sendmsg), or undefined when it is not a list of binaries. */
export function iovOf(iov: unknown): Buffer | undefined {
  if (!Array.isArray(iov)) return undefined;
  const parts: Buffer[] = [];
  for (const b of iov as unknown[]) {
    if (!Buffer.isBuffer(b)) return undefined;
    parts.push(b);
  }
  return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

/** A received msg map's `iov`: the data as a one-binary list. */
export function iovList(data: Buffer): List<Buffer> {
  return new List(data);
}

// ---- sendfile ----

/** A file to send: a Node FileHandle (fs/promises) or a descriptor. */
export type FileArg = FileHandle | number;

/** How much of the file is read at a time. */
const FILE_CHUNK = 64 * 1024;

async function readAt(file: FileArg, length: number, position: number): Promise<Buffer> {
  const buf = Buffer.allocUnsafe(length);
  const { bytesRead } =
    typeof file === 'number'
      ? await new Promise<{ bytesRead: number }>((resolve, reject) =>
          fsRead(file, buf, 0, length, position, (err, bytesRead) =>
            err ? reject(err) : resolve({ bytesRead }),
          ),
        )
      : await file.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/**
 * socket:sendfile: the file's bytes from `offset` (`count` of them, or to its end for 0) over a
 * connected stream, as send hands them over: what fits, waiting for room until the timeout;
 * with `nowait`, what fits now, then a select.
 * @returns `{ok, BytesSent}`, `{error, Reason}`, `{error, {Reason, BytesSent}}` once some went,
 *   `{select, SelectInfo}` or `{ok, {BytesSent, SelectInfo}}`
 */
export async function writeFile(
  e: ESocket,
  proc: ProcessHandle,
  file: FileArg,
  offset: number,
  count: number,
  t: Timeout,
): Promise<readonly unknown[]> {
  const tcp = e.stream;
  if (tcp === null) return ['error', 'enotconn'];
  if (!isNowait(t)) e.abortOwn('sendfile', proc);
  e.counters.write_tries++;
  const deadline = typeof t === 'number' ? getClock().now() + t : 0;
  const failed = (reason: unknown): readonly unknown[] =>
    fail(e, sent === 0 ? ['error', reason] : ['error', [reason, sent]]);
  let sent = 0;
  for (;;) {
    const want = count === 0 ? FILE_CHUNK : Math.min(FILE_CHUNK, count - sent);
    if (want === 0) return ['ok', sent];
    let rest: Buffer;
    try {
      rest = await readAt(file, want, offset + sent);
    } catch (err) {
      return failed(posixFromNodeError(err));
    }
    if (rest.length === 0) return ['ok', sent];
    for (;;) {
      const left = tcp.sendSome(rest);
      if (!Buffer.isBuffer(left)) return failed(left[1]);
      sent += rest.length - left.length;
      rest = left;
      if (rest.length === 0) break;
      e.writeSelected = true;
      if (isNowait(t)) {
        // What was read and not taken is not sent: the caller goes on from Offset + BytesSent.
        const p = e.select('sendfile', proc, handleOf(t));
        e.sendfileFrom = file;
        void Promise.resolve(tcp.writable(proc, 'infinity')).then(
          () => e.ready(p),
          () => undefined,
        );
        return sent > 0 ? ['ok', [sent, selectInfo(p)[1]]] : selectInfo(p);
      }
      const w = await tcp.writable(
        proc,
        t === 'infinity' ? 'infinity' : Math.max(0, deadline - getClock().now()),
      );
      if (w !== 'ok') return failed(w[1]);
      e.counters.write_tries++; // the send goes on: another try
    }
  }
}
