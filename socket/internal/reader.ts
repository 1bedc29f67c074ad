/**
 * The read side of a socket-module stream, as a plain class: fed chunks and the end of the
 * stream (by the stream's NetStream, or by a test) and asked by the socket's calls.
 *
 * Bytes wait here in arrival order until a call takes them: a read of exactly N bytes (or what
 * is there, for 0), a `nowait` read that takes what is buffered now, a peek that puts them
 * back. One chunk is read ahead while nothing is buffered, so a `nowait` recv finds what the
 * kernel already had, as the NIF's recv(2) does; beyond that the socket pauses and the kernel
 * holds the peer back.
 *
 * The end of the stream follows the kernel, which the NIF hides nothing of: a FIN makes reads
 * answer `closed` once the bytes before it are taken; an error that ends the stream (a reset)
 * is the socket's pending error (SO_ERROR), told once to the first recv or send that meets it
 * (`takeFailure`), after which the stream is over.
 *
 *   data(chunk) ─▶ buffer ─▶ the oldest reader (its length) / kept for the next call
 *   end(null)   ─▶ `closed` to reads once the data before it is taken
 *   end(error)  ─▶ pending: the first read or send told it, then the stream stops
 */
import {
  PacketDecoder,
  Waiter,
  settleAll,
  settleFor,
  type ProcessHandle,
} from '../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../../inet/internal/posix.js';

/** A read's result. */
export type RecvResult =
  readonly ['ok', Buffer] | readonly ['error', NodeFailure | 'cancelled' | 'enotconn' | 'epipe'];

/** What the reader needs of its stream. */
export interface ReaderHost {
  /** Reads from the kernel. */
  resume(): void;
  /** Stops reading from the kernel. */
  pause(): void;
  /** The stream's error was told: its I/O stops. */
  stopIo(): void;
}

const closed = ['error', 'closed'] as const;
const EMPTY = Buffer.alloc(0);

/** A read waiting for its bytes, and how many it wants (0: any). */
class Reader extends Waiter<RecvResult> {
  length = 0;
}

export class SocketReader {
  readonly #host: ReaderHost;
  /** The bytes read and not yet taken (a raw packet decoder: exact reads, put back, drain). */
  readonly #buffer = new PacketDecoder(0);
  /** Reads waiting for data, oldest first (the module lets one read at a time take its turn). */
  readonly #readers: Reader[] = [];
  /** The peer's end of the stream was seen: FIN (`null` failure) or an error. */
  #eof = false;
  /** The error that ended the stream, until a call has been told it. */
  #failure: NodeFailure | null = null;
  /** The error was told: the stream is over, no longer connected. */
  #reset = false;
  /** The end of the stream was answered to a read: later reads say closed at once. */
  #eofTold = false;
  /** Closed for reading (close/1, or the stream's error was told). */
  #closed = false;

  constructor(host: ReaderHost) {
    this.#host = host;
  }

  /** Whether a reset ended the stream, told or not: it is no longer connected. */
  get reset(): boolean {
    return this.#reset || (this.#eof && this.#failure !== null);
  }

  /** Read on while a reader waits, or while nothing is buffered (one chunk ahead). */
  flow(): void {
    if (this.#closed || this.#eof) return;
    if (this.#readers.length > 0 || this.#buffer.buffered === 0) this.#host.resume();
  }

  /** A chunk arrived. */
  data(chunk: Buffer): void {
    if (this.#closed) return;
    const r = this.#readers[0];
    if (r !== undefined && r.length === 0 && this.#buffer.buffered === 0) {
      r.settle(['ok', chunk]);
      this.flow();
      return;
    }
    this.#buffer.push(chunk);
    // Nobody wants it: it waits here, and the socket pauses (the kernel holds the rest).
    if (this.#readers.length === 0) this.#host.pause();
    else this.#serve();
  }

  /** The stream ended: the peer's FIN (`null`) or the error that ended it. */
  end(failure: NodeFailure | null): void {
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
    return this.takeFailure() ?? closed;
  }

  /**
   * The pending error, taken by the call that meets it (a read, or a send): the stream is over
   * from then on.
   * @returns the error, or null when there is none to tell
   */
  takeFailure(): readonly ['error', NodeFailure] | null {
    const failure = this.#failure;
    if (!this.#eof || failure === null) return null;
    this.#failure = null;
    this.#reset = true;
    this.#closed = true;
    this.#host.stopIo();
    return ['error', failure];
  }

  /** `length` buffered bytes (all for 0), taken; undefined when fewer are there. */
  #take(length: number): RecvResult | undefined {
    const data = this.#buffer.buffered > 0 ? this.#buffer.read(length) : undefined;
    if (data === undefined) return undefined;
    this.flow();
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
    this.flow();
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
    this.flow();
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

  /** The socket closed: waiting reads get `{error, closed}`, later ones too. */
  close(): void {
    this.#closed = true;
    settleAll(this.#readers, closed);
  }
}
