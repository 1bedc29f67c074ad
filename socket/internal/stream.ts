/**
 * A connected stream socket of the socket module: the same Node adapter as gen_tcp's port
 * (inet/internal/node/net-stream.ts), with the socket NIF's rules on top instead of inet_drv's.
 *
 * Reading. Bytes wait here in arrival order until a call takes them: `recv` of exactly N bytes
 * (or what is there, for 0), a `nowait` read that takes what is buffered now, a peek that puts
 * them back. One chunk is read ahead while nothing is buffered, so a `nowait` recv finds what
 * the kernel already had, as the NIF's recv(2) does; beyond that the Node socket pauses and the
 * kernel holds the peer back.
 *
 * The end of the stream follows the kernel, which the NIF hides nothing of: a FIN makes reads
 * answer `closed` once the bytes before it are taken; an error that ends the stream (a reset)
 * is the socket's pending error (SO_ERROR), told once to the first recv or send that meets it;
 * after it recv says `closed`, send `epipe` and shutdown `enotconn`.
 *
 *   NetStream ─data─▶ buffer ─▶ the oldest reader (exact length) / kept for the next call
 *            ─end──▶ FIN: closed after the data;  error: pending, told once
 *
 * Writing is the adapter's: what fits goes now (`sendSome`), a send waits for room, and
 * `more` (MSG_MORE) holds data back until a send without it, or 200 ms, as Linux's cork.
 */
import type * as net from 'node:net';
import {
  PacketDecoder,
  Waiter,
  getClock,
  settleAll,
  settleFor,
  type ProcessHandle,
  type TimerHandle,
} from '../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../../inet/internal/posix.js';
import { NetStream, type WriteResult } from '../../inet/internal/node/net-stream.js';
import type { IoCounters } from '../../inet/internal/node/counters.js';
import type { Endpoint } from '../../inet/internal/tcp/inet-port.js';

/** A read's result. */
export type RecvResult =
  readonly ['ok', Buffer] | readonly ['error', NodeFailure | 'cancelled' | 'enotconn' | 'epipe'];
export type SendResult = 'ok' | readonly ['error', NodeFailure | 'cancelled' | 'epipe' | 'enotconn'];

const closed = ['error', 'closed'] as const;
const EMPTY = Buffer.alloc(0);
/** How long MSG_MORE holds data back at most, as Linux's TCP cork. */
const MORE_HOLD_MS = 200;
/** The socket module's watermarks: gen_tcp's defaults (sends hand Node at most this much). */
const LIMITS = { highWatermark: 8192, lowWatermark: 4096, delaySend: false } as const;

/** A read waiting for its bytes, and how many it wants (0: any). */
class Reader extends Waiter<RecvResult> {
  length = 0;
}

export class SocketStream {
  readonly #stream: NetStream;
  /** The bytes read and not yet taken (a raw packet decoder: exact reads, put back, drain). */
  readonly #buffer = new PacketDecoder(0);
  /** Reads waiting for data, oldest first (the module lets one read at a time take its turn). */
  readonly #readers: Reader[] = [];
  /** For a local (AF_UNIX) socket: the path and which end this is. */
  readonly local: { readonly path: Buffer; readonly via: 'accept' | 'connect' } | null;
  /** The peer's end of the stream was seen: FIN (`null` failure) or an error. */
  #eof = false;
  /** The error that ended the stream, until a call has been told it. */
  #failure: NodeFailure | null = null;
  /** The error was told: the stream is over, no longer connected. */
  #reset = false;
  /** The end of the stream was answered to a read: later reads say closed at once. */
  #eofTold = false;
  /** shutdown(write) ran, or a reset ended the stream: sends answer this. */
  #sendError: readonly ['error', 'epipe'] | null = null;
  /** Closed for I/O (close/1, or the stream's error was told). */
  #closed = false;
  /** The timer ending a MSG_MORE hold, while one holds. */
  #held: TimerHandle = null;

  /**
   * @param sock - a connected Node socket (paused)
   * @param local - a local socket's path and end, or null
   */
  constructor(sock: net.Socket, local: SocketStream['local'] = null) {
    this.local = local;
    this.#stream = new NetStream(sock, { data: (c) => this.#data(c), end: (f) => this.#end(f) }, LIMITS);
    this.#flow();
  }

  /** The Node socket (its options: nodelay, keepalive; its descriptor). */
  get sock(): net.Socket {
    return this.#stream.sock;
  }

  get counters(): IoCounters {
    return this.#stream.counters;
  }

  /** Whether sends are over: our own shutdown(write), or the end a reset made. */
  get writeShut(): boolean {
    return this.#sendError !== null;
  }

  // ---- reading ----

  /** Read on while a reader waits, or while nothing is buffered (one chunk ahead). */
  #flow(): void {
    if (this.#closed || this.#eof) return;
    if (this.#readers.length > 0 || this.#buffer.buffered === 0) this.#stream.resume();
  }

  #data(chunk: Buffer): void {
    if (this.#closed) return;
    const r = this.#readers[0];
    if (r !== undefined && r.length === 0 && this.#buffer.buffered === 0) {
      r.settle(['ok', chunk]);
      this.#flow();
      return;
    }
    this.#buffer.push(chunk);
    // Nobody wants it: it waits here, and the socket pauses (the kernel holds the rest).
    if (this.#readers.length === 0) this.#stream.pause();
    else this.#serve();
  }

  #end(failure: NodeFailure | null): void {
    if (this.#closed || this.#eof) return;
    this.#eof = true;
    this.#failure = failure;
    this.#serve();
  }

  /** Hands buffered bytes to waiting readers; at the end of the stream, the end. */
  #serve(): void {
    for (;;) {
      const r = this.#readers[0];
      if (r === undefined) return;
      const data = this.#buffer.read(r.length);
      if (data !== undefined) r.settle(['ok', data]);
      else if (this.#eof) {
        settleAll(this.#readers, this.#takeEnd());
        return;
      } else return;
    }
  }

  /** A read meets the end of the stream: the pending error once, then `closed`. */
  #takeEnd(): RecvResult {
    this.#eofTold = true;
    return this.#takeFailure() ?? closed;
  }

  /**
   * The pending error, taken by the call that meets it: the stream is over from then on
   * (later sends get `epipe`, shutdown `enotconn`).
   * @returns the error, or null when there is none to tell
   */
  #takeFailure(): readonly ['error', NodeFailure] | null {
    const failure = this.#failure;
    if (!this.#eof || failure === null) return null;
    this.#failure = null;
    this.#reset = true;
    this.#sendError = ['error', 'epipe'];
    this.#stopIo();
    return ['error', failure];
  }

  #stopIo(): void {
    this.#closed = true;
    this.#stream.failWriters(closed);
    this.#stream.destroy();
  }

  /** `length` buffered bytes (all for 0), taken; undefined when fewer are there. */
  #take(length: number): RecvResult | undefined {
    const data = this.#buffer.buffered > 0 ? this.#buffer.read(length) : undefined;
    if (data === undefined) return undefined;
    this.#flow();
    return ['ok', data];
  }

  /**
   * What a read answers without waiting: an error, or buffered bytes; null when it must wait.
   * At the end of the stream a read short of its length meets the end (its caller hands back
   * the bytes that were there, with the reason).
   */
  #readNow(length: number): RecvResult | null {
    if (this.#closed || this.#eofTold) return closed;
    return this.#take(length) ?? (this.#eof ? this.#takeEnd() : null);
  }

  /**
   * A read that never waits (nowait): what is buffered, or the end of the stream.
   * @param length - bytes wanted, 0 for what is there
   * @returns the result, or null when it must wait (part of `length` buffered included: the
   *   caller takes that part first, and the end comes with the rest)
   */
  tryRecv(length: number): RecvResult | null {
    if (this.#closed) return closed;
    if (this.#readers.length > 0) return null;
    const now = this.#take(length);
    if (now !== undefined || !this.#eof || this.#buffer.buffered > 0) return now ?? null;
    return this.#takeEnd();
  }

  /**
   * A read that may wait: `length` bytes (0: what comes), up to `timeout`.
   * @param proc - the caller; if it dies its read leaves the queue (the NIF drops it)
   * @returns the result now, or a promise of it
   */
  recv(proc: ProcessHandle, length: number, timeout: number | 'infinity'): Promise<RecvResult> | RecvResult {
    const now = this.#readNow(length);
    if (now !== null) return now;
    const r = new Reader(proc, this.#readers).timeout(timeout, () => ['error', 'timeout']);
    r.length = length;
    this.#flow();
    return r.promise;
  }

  /**
   * A read whose result goes to `then` (the background read of a nowait call): the same queue
   * and rules as recv, no promise.
   * @param dropped - called instead when the caller dies first
   * @returns the result now when there is one (then `then` is not called)
   */
  recvThen(
    proc: ProcessHandle,
    length: number,
    then: (r: RecvResult) => void,
    dropped: () => void,
  ): RecvResult | null {
    const now = this.#readNow(length);
    if (now !== null) return now;
    new Reader(proc, this.#readers, then, dropped).length = length;
    this.#flow();
    return null;
  }

  /**
   * Ends `proc`'s waiting read with `result` (cancel, abort).
   * @returns whether there was one
   */
  cancelRecv(proc: ProcessHandle, result: RecvResult): boolean {
    return settleFor(this.#readers, proc, result);
  }

  /** Puts bytes a call took back in front (a peek, a cancelled read's, a recvmsg's rest). */
  unread(bytes: Buffer): void {
    if (bytes.length > 0) this.#buffer.unshift(bytes);
  }

  /** Takes whatever is buffered: what a read that ended early had, handed back with its error. */
  takeBuffered(): Buffer {
    return this.#buffer.buffered === 0 ? EMPTY : this.#buffer.drain();
  }

  // ---- writing ----

  /** Whether a send now would fail: the pending error, a local shutdown, a closed socket. */
  #sendRefused(): readonly ['error', NodeFailure | 'epipe'] | null {
    return this.#takeFailure() ?? this.#sendError ?? (this.#closed ? closed : null);
  }

  /**
   * A send with no timeout: all of `buf`, waiting while the stream is busy.
   * @returns `ok` at once when it went, or a promise of the result
   */
  send(proc: ProcessHandle, buf: Buffer): Promise<SendResult> | SendResult {
    const refused = this.#sendRefused();
    if (refused !== null) return refused;
    if (!this.#stream.busy) {
      this.#stream.write(buf);
      return 'ok';
    }
    return this.#sendLater(proc, buf);
  }

  async #sendLater(proc: ProcessHandle, buf: Buffer): Promise<SendResult> {
    const r = await this.#stream.waitWritable(proc, 'infinity');
    if (r !== 'ok') return r;
    const refused = this.#sendRefused();
    if (refused !== null) return refused;
    this.#stream.write(buf);
    return 'ok';
  }

  /**
   * Hands Node what fits, as the kernel takes what fits its send buffer.
   * @returns the bytes not taken (empty when all were), or the error a send gets now
   */
  sendSome(buf: Buffer): Buffer | readonly ['error', NodeFailure | 'epipe'] {
    return this.#sendRefused() ?? this.#stream.writeSome(buf);
  }

  /**
   * Waits until a send may go on: the stream is below its low watermark.
   * @returns `ok`, `{error, timeout}`, or the error of a stream that can no longer send
   */
  writable(proc: ProcessHandle, timeout: number | 'infinity'): Promise<WriteResult> | WriteResult {
    return this.#sendRefused() ?? this.#stream.waitWritable(proc, timeout);
  }

  /**
   * Ends `proc`'s wait for room (a cancelled nowait send).
   * @returns whether there was one
   */
  cancelSend(proc: ProcessHandle, result: SendResult): boolean {
    return this.#stream.cancelWait(proc, result as WriteResult);
  }

  /** MSG_MORE: what is sent from now waits for a send without the flag, or 200 ms. */
  holdBack(): void {
    if (this.#held !== null) return;
    this.sock.cork();
    this.#held = getClock().setTimer(MORE_HOLD_MS, () => this.letGo());
  }

  /** Ends a MSG_MORE hold: what waited leaves now. */
  letGo(): void {
    if (this.#held === null) return;
    getClock().clearTimer(this.#held);
    this.#held = null;
    this.sock.uncork();
  }

  // ---- shutting down ----

  /**
   * shutdown(2).
   * @param how - `read`, `write` or `read_write`
   * @returns `ok`, or `enotconn` for a stream a reset ended, `closed` for a closed one
   */
  shutdown(how: 'read' | 'write' | 'read_write'): 'ok' | readonly ['error', 'enotconn' | 'closed'] {
    // A reset stream is no longer connected (the kernel's ENOTCONN), told or not.
    if (this.#reset || (this.#eof && this.#failure !== null)) return ['error', 'enotconn'];
    if (this.#closed) return closed;
    if (how !== 'write') this.#stream.shutdownRead();
    if (how !== 'read' && this.#sendError === null) {
      this.#sendError = ['error', 'epipe'];
      this.#stream.shutdownWrite();
    }
    return 'ok';
  }

  /**
   * Closes the stream: waiting reads and writes get `{error, closed}`; pending output is
   * flushed, or with `reset` (linger 0) the connection is reset at once.
   */
  close(reset: boolean): void {
    if (this.#held !== null) getClock().clearTimer(this.#held);
    this.#held = null;
    this.#closed = true;
    settleAll(this.#readers, closed);
    this.#stream.failWriters(closed);
    this.#stream.close(reset);
  }

  sockname(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'accept' ? local.path : EMPTY];
    return this.#stream.sockname();
  }

  peername(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'connect' ? local.path : EMPTY];
    return this.#stream.peername();
  }
}
