/**
 * One connected `net.Socket`, as both the inet driver's TCP port (inet/internal/tcp/) and the
 * socket module's stream (socket/internal/) use it: the thin adapter between Node's stream and
 * erlts's ports, which decide what the bytes mean.
 *
 * Reading. The Node socket starts paused and reads only while its user wants data (`resume`);
 * a paused socket leaves bytes in the kernel, whose receive window then pushes back on the peer
 * (DESIGN §4). Pausing is lazy: the user calls `pause` when a chunk arrives that nobody wanted,
 * so a reader that wants one packet at a time does not pause and resume the socket for each.
 * Every chunk is counted, then handed to `events.data`; the end of the stream (the peer's FIN,
 * a reset or another error, or a local shutdown(read)) reaches `events.end` once.
 *
 *   net.Socket 'data' ─▶ counters ─▶ events.data(chunk)          (user: decode, deliver, pause?)
 *              'end' | 'close' | 'error' ─▶ events.end(null | Posix)   (once)
 *
 * Writing. `write` hands bytes to Node at once. When Node's unsent bytes pass the high watermark
 * the stream is busy; writers that must wait (`waitWritable`) are woken, oldest first, once the
 * bytes left fall to the low watermark. Node tells when a write has left only through a write's
 * callback, so the stream tracks the writes still queued behind others, and gives the write that
 * makes it busy an empty follower whose callback says everything before it left.
 */
import type * as net from 'node:net';
import {
  gated,
  getClock,
  ioGate,
  settleAll,
  settleFor,
  Waiter,
  type IoGate,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import { posixFromNodeError, type NodeFailure } from '../posix.js';
import { endpointOf, type IpEndpoint } from '../address.js';
import { IoCounters } from './counters.js';

/** What a stream tells its user. */
export interface StreamEvents {
  /** A chunk arrived (already counted). */
  data(chunk: Buffer): void;
  /** The stream ended: the peer's FIN or a local shutdown(read) (`null`), or an error; once. */
  end(failure: NodeFailure | null): void;
}

/** A write's outcome, or a wait for room's. */
export type WriteResult = 'ok' | readonly ['error', NodeFailure];

/** The watermarks between which writers wait, and whether sends of one tick leave together. */
export interface WriteLimits {
  highWatermark: number;
  lowWatermark: number;
  /** `{delay_send, true}`: the writes of one tick leave as one. */
  delaySend: boolean;
}

/** How long close lets pending output make no progress before dropping it (OTP: 5 s). */
const CLOSE_STALL_MS = 5000;
const EMPTY = Buffer.alloc(0);
/** What `writeSome` may hand an idle Node socket at once (one chunk past the watermark). */
const WRITE_CHUNK = 64 * 1024;

/** Bits of NetStream's flags. */
const F_FLOWING = 1; // the Node socket is resumed
const F_ENDED = 2; // the end of the stream has been seen (and told)
const F_READ_SHUT = 4; // reads were shut down locally (shutdown(S, read))
const F_BUSY = 8; // Node's unsent bytes passed the high watermark
const F_TICK_CORKED = 16; // writes are corked until the next tick ({delay_send, true})

/** The stream behind a Node socket, so one set of listener functions serves every socket. */
const kStream = Symbol('erlts.netStream');
type Tagged = net.Socket & { [kStream]: NetStream };

/**
 * The stream counts its own bytes and packets: it is its own {@link IoCounters} (one object
 * less per connection than a counters object of its own).
 */
export class NetStream<E extends StreamEvents = StreamEvents> extends IoCounters {
  readonly sock: net.Socket;
  /** How writes wait; the port replaces it when its options change. */
  limits: WriteLimits;
  /** Where the chunks and the end go: the port's receiver, or the socket's reader. */
  readonly events: E;
  /**
   * The stream's yes/no states as bits of one small integer (an idle connection holds one
   * field, not five): see the `F_` constants.
   */
  #flags = 0;
  /** Writes whose completion callback is pending (see write). */
  #tracked = 0;
  #writtenFn: (() => void) | null = null;
  /** Writers waiting for room, oldest first; made on first use. */
  #writers: Waiter<WriteResult>[] | null = null;
  /** Made in a simulation: its Node events wait for the simulation to take them (sim-hooks.ts). */
  readonly #gate: IoGate | null = ioGate('stream');

  // One listener function of each kind for every socket: no closures per stream.
  static readonly #onData = function (this: Tagged, chunk: Buffer): void {
    const s = this[kStream];
    if (s.#gate === null) s.#data(chunk);
    else gated(s.#gate, () => s.#data(chunk));
  };
  static readonly #onEnd = function (this: Tagged): void {
    const s = this[kStream];
    if (s.#gate === null) s.#end(null);
    else gated(s.#gate, () => s.#end(null));
  };
  static readonly #onError = function (this: Tagged, err: Error): void {
    const s = this[kStream];
    if (s.#gate === null) s.#end(posixFromNodeError(err));
    else gated(s.#gate, () => s.#end(posixFromNodeError(err)));
  };
  static readonly #onWritten = function (this: NetStream): void {
    if (this.#gate === null) this.#wrote();
    else gated(this.#gate, () => this.#wrote());
  };
  static readonly #uncorkTick = (s: NetStream): void => {
    s.#flags &= ~F_TICK_CORKED;
    s.sock.uncork();
  };
  /** After shutdown(read): one more poll phase reads what the kernel held, then the check ends it. */
  static readonly #afterNextPoll = (s: NetStream): void => {
    setImmediate(NetStream.#readShutCheck, s);
  };
  static readonly #readShutCheck = (s: NetStream): void => {
    gated(s.#gate, () => {
      if ((s.#flags & F_FLOWING) !== 0) s.#end(null);
    });
  };

  /**
   * @param sock - a connected Node socket; it is paused here, and reads only when resumed
   * @param events - where its chunks and its end go
   * @param limits - the write watermarks
   */
  constructor(sock: net.Socket, events: E, limits: WriteLimits) {
    super();
    this.sock = sock;
    this.events = events;
    this.limits = limits;
    (sock as Tagged)[kStream] = this;
    if (this.#gate !== null) this.#gate.fault = (kind) => this.#struck(kind);
    sock.pause();
    sock.on('data', NetStream.#onData);
    sock.on('end', NetStream.#onEnd);
    sock.on('error', NetStream.#onError);
    sock.on('close', NetStream.#onEnd);
  }

  /**
   * A simulation's fault (erlts/sim): the connection is closed, reset or half-closed as if this
   * end did it; what follows comes through the usual events, this end's and the peer's.
   */
  #struck(kind: 'close' | 'reset' | 'half_close'): boolean {
    const sock = this.sock;
    if (sock.destroyed) return false;
    if (kind === 'close') sock.destroy();
    else if (kind === 'reset') sock.resetAndDestroy();
    else sock.end();
    return true;
  }

  #data(chunk: Buffer): void {
    this.countRecv(chunk.length);
    this.events.data(chunk);
  }

  #wrote(): void {
    this.#tracked--;
    this.#drained();
  }

  #end(failure: NodeFailure | null): void {
    if ((this.#flags & F_ENDED) !== 0) return;
    this.#flags |= F_ENDED;
    this.events.end(failure);
  }

  // ---- reading ----

  /** Whether the Node socket reads now. */
  get flowing(): boolean {
    return (this.#flags & F_FLOWING) !== 0;
  }

  /** Whether the end of the stream has been seen. */
  get ended(): boolean {
    return (this.#flags & F_ENDED) !== 0;
  }

  /** Reads from the kernel (idempotent). */
  resume(): void {
    if ((this.#flags & (F_FLOWING | F_ENDED)) !== 0) return;
    this.#flags |= F_FLOWING;
    this.sock.resume();
    // After shutdown(read): the next poll phase reads what the kernel holds (resume() starts
    // reading on the next tick), and the check phase after it ends the stream.
    if ((this.#flags & F_READ_SHUT) !== 0) setImmediate(NetStream.#afterNextPoll, this);
  }

  /** Stops reading: what arrives stays in the kernel and holds the peer back. */
  pause(): void {
    if ((this.#flags & F_FLOWING) === 0) return;
    this.#flags &= ~F_FLOWING;
    this.sock.pause();
  }

  /**
   * shutdown(read). Node has no SHUT_RD; as Linux after shutdown(SHUT_RD), reads get what the
   * kernel holds, then the end of the stream where they would have waited (docs/DEVIATIONS.md).
   */
  shutdownRead(): void {
    if ((this.#flags & F_READ_SHUT) !== 0) return;
    this.#flags |= F_READ_SHUT;
    if ((this.#flags & F_FLOWING) !== 0) setImmediate(NetStream.#afterNextPoll, this);
  }

  // ---- writing ----

  /** Whether Node's unsent bytes are above the high watermark (writers wait). */
  get busy(): boolean {
    return (this.#flags & F_BUSY) !== 0;
  }

  /** Bytes Node still has to send. */
  get pending(): number {
    return this.sock.writableLength;
  }

  /** Its bytes and packets read and written. */
  get counters(): IoCounters {
    return this;
  }

  /** Hands `buf` to Node now, counted, whatever the watermarks say. */
  write(buf: Buffer): void {
    this.countSend(buf.length);
    const sock = this.sock;
    if (this.limits.delaySend && (this.#flags & F_TICK_CORKED) === 0) {
      this.#flags |= F_TICK_CORKED;
      sock.cork();
      process.nextTick(NetStream.#uncorkTick, this);
    }
    // A write Node completes at once needs no callback; one that queues behind others gets
    // one, to see the queue shrink; and the write that makes the stream busy, if nothing
    // tracked is queued, is followed by an empty one whose callback says it all left.
    if (sock.writableLength > 0) {
      this.#tracked++;
      sock.write(buf, this.#written());
    } else sock.write(buf);
    if (sock.writableLength > this.limits.highWatermark) {
      this.#flags |= F_BUSY;
      if (this.#tracked === 0) {
        this.#tracked++;
        sock.write(EMPTY, this.#written());
      }
    }
  }

  /**
   * Hands Node what fits, as a kernel takes what fits its send buffer: what the kernel takes at
   * once, plus Node's queue up to the high watermark (or one 64 KiB chunk); nothing when busy.
   * @returns the bytes not taken (empty when all were)
   */
  writeSome(buf: Buffer): Buffer {
    let off = 0;
    while (off < buf.length && (this.#flags & F_BUSY) === 0) {
      const room = Math.max(this.limits.highWatermark + 1 - this.sock.writableLength, WRITE_CHUNK);
      const end = Math.min(buf.length, off + room);
      this.write(off === 0 && end === buf.length ? buf : buf.subarray(off, end));
      off = end;
    }
    return off === buf.length ? EMPTY : buf.subarray(off);
  }

  /**
   * Waits until a writer may go on: the stream is below its low watermark.
   * @param proc - the waiting process
   * @param timeout - milliseconds or `'infinity'`
   * @param onTimeout - the result when the time is up (it may also act, e.g. close)
   * @returns `ok` at once when the stream is not busy, else a promise of the wait's result
   */
  waitWritable(
    proc: ProcessHandle,
    timeout: number | 'infinity',
    onTimeout: () => WriteResult = timedOut,
  ): Promise<WriteResult> | 'ok' {
    if ((this.#flags & F_BUSY) === 0) return 'ok';
    return new Waiter<WriteResult>(proc, (this.#writers ??= [])).timeout(timeout, onTimeout).promise;
  }

  /**
   * Ends `proc`'s wait for room with `result` (a cancelled call).
   * @returns whether it had one
   */
  cancelWait(proc: ProcessHandle, result: WriteResult): boolean {
    return settleFor(this.#writers, proc, result);
  }

  /** Ends every wait for room with `result`: the stream can no longer be written. */
  failWriters(result: WriteResult): void {
    if (this.#writers !== null) settleAll(this.#writers, result);
  }

  /** Write callbacks run with no `this`: one bound function per stream, made on first use. */
  #written(): () => void {
    return (this.#writtenFn ??= NetStream.#onWritten.bind(this));
  }

  /** A write reached the kernel: wake waiting writers once below the low watermark. */
  #drained(): void {
    if ((this.#flags & F_BUSY) === 0 || this.sock.writableLength > this.limits.lowWatermark) return;
    this.#flags &= ~F_BUSY;
    while ((this.#flags & F_BUSY) === 0) {
      const w = this.#writers?.[0];
      if (w === undefined) break;
      w.settle('ok');
      if (this.sock.writableLength > this.limits.highWatermark) this.#flags |= F_BUSY;
    }
  }

  /** shutdown(write): a FIN after the pending output. */
  shutdownWrite(): void {
    this.sock.end();
  }

  // ---- ending ----

  /** Stops all I/O at once (the port stays, closed for I/O). */
  destroy(): void {
    this.sock.destroy();
  }

  /**
   * Closes the Node socket for good. With `reset`, at once with an RST (linger 0); otherwise
   * pending output is flushed first, as OTP's close does, and like OTP a peer that takes nothing
   * for 5 s loses the rest.
   */
  close(reset: boolean): void {
    const sock = this.sock;
    sock.removeAllListeners('data');
    sock.on('error', ignore);
    if (reset) sock.resetAndDestroy();
    else if (sock.destroyed) return;
    else if (sock.writableLength === 0) sock.destroy();
    else {
      sock.end();
      const clock = getClock();
      let left = sock.writableLength;
      let stall = clock.setTimer(CLOSE_STALL_MS, function check() {
        if (sock.writableLength === left) sock.destroy();
        else {
          left = sock.writableLength;
          stall = clock.setTimer(CLOSE_STALL_MS, check);
        }
      });
      sock.once('finish', () => sock.destroy());
      sock.once('close', () => clock.clearTimer(stall));
    }
  }

  // ---- addresses ----

  /** The local address, or null when Node has none. */
  sockname(): IpEndpoint | null {
    return endpointOf(this.sock.localAddress, this.sock.localPort);
  }

  /** The peer's address, or null. */
  peername(): IpEndpoint | null {
    return endpointOf(this.sock.remoteAddress, this.sock.remotePort);
  }
}

function timedOut(): WriteResult {
  return ['error', 'timeout'];
}

function ignore(): void {}
