/**
 * A connected stream socket of the socket module: the same Node adapter as gen_tcp's port
 * (inet/internal/node/net-stream.ts), with the socket NIF's rules on top instead of inet_drv's:
 * the read side is a {@link SocketReader} (reader.ts: exact reads, peeks, nowait, the kernel's
 * end-of-stream rules), and writes are the adapter's: what fits goes now (`sendSome`), a send
 * waits for room, and `more` (MSG_MORE) holds data back until a send without it, or 200 ms,
 * as Linux's cork. After a reset has been told, sends get `epipe` and shutdown `enotconn`.
 */
import type * as net from 'node:net';
import { getClock, type ProcessHandle, type TimerHandle } from '../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../../inet/internal/posix.js';
import { NetStream, type WriteResult } from '../../inet/internal/node/net-stream.js';
import type { IoCounters } from '../../inet/internal/node/counters.js';
import type { Endpoint } from '../../inet/internal/inet-port.js';
import { SocketReader, type ReaderHost, type RecvResult } from './reader.js';

export type { RecvResult };
export type SendResult = 'ok' | readonly ['error', NodeFailure | 'cancelled' | 'epipe' | 'enotconn'];

const closed = ['error', 'closed'] as const;
const EMPTY = Buffer.alloc(0);
/** How long MSG_MORE holds data back at most, as Linux's TCP cork. */
const MORE_HOLD_MS = 200;
/** The socket module's watermarks: gen_tcp's defaults (sends hand Node at most this much). */
const LIMITS = { highWatermark: 8192, lowWatermark: 4096, delaySend: false } as const;

export class SocketStream implements ReaderHost {
  readonly #stream: NetStream<SocketReader>;
  /** For a local (AF_UNIX) socket: the path and which end this is. */
  readonly local: { readonly path: Buffer; readonly via: 'accept' | 'connect' } | null;
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
    this.#stream = new NetStream(sock, new SocketReader(this), LIMITS);
    this.reader.flow();
  }

  /** The read side: what the socket's reads take, and the end of the stream. */
  get reader(): SocketReader {
    return this.#stream.events;
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

  // ---- ReaderHost ----

  resume(): void {
    this.#stream.resume();
  }

  pause(): void {
    this.#stream.pause();
  }

  stopIo(): void {
    this.#sendError = ['error', 'epipe'];
    this.#closed = true;
    this.#stream.failWriters(closed);
    this.#stream.destroy();
  }

  // ---- writing ----

  /** Whether a send now would fail: the pending error, a local shutdown, a closed socket. */
  #sendRefused(): readonly ['error', NodeFailure | 'epipe'] | null {
    return this.reader.takeFailure() ?? this.#sendError ?? (this.#closed ? closed : null);
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
    if (this.reader.reset) return ['error', 'enotconn'];
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
    this.reader.close();
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
