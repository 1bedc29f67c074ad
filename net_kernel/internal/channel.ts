/**
 * A distribution connection after its handshake: packets with a 4-byte big-endian length on a
 * TCP socket, kept alive and watched by ticks (dist_util's con_loop and the net_kernel ticker).
 *
 * Packets. `send` writes `Length:32, Payload`: small payloads are copied behind their header
 * into one buffer, large ones (or several parts) are queued as they are behind a 4-byte header.
 * The socket is corked from the first send of a turn of the JS job queue until its end (a
 * microtask), so a burst of sends leaves as one writev instead of a syscall each (twice the
 * small-packet throughput).
 * Node queues what the kernel does not take yet; nothing is ever dropped, `queuedBytes` says
 * how much waits and `onDrain` when it has gone. Reads are cut into whole packets: a packet
 * inside one read chunk is delivered as a subarray of it (no copy; it keeps the chunk alive
 * while held), one spread over chunks is gathered into one buffer once complete.
 *
 * Ticks. A zero-length packet is a tick. Every ticktime/4 (15 s by default) the ticker looks
 * at what moved since its last look, as dist_util:send_tick/2 does:
 * - nothing written (and nothing waiting to be): send a tick; on a hidden connection also
 *   whenever nothing was read (a hidden node may tick only in answer);
 * - nothing read for four looks in a row (about ticktime): the peer is gone, the connection
 *   ends with `net_tick_timeout`.
 *
 *   ticker ─▶ read since last look? ─no─▶ 4th look without? ─yes─▶ down(net_tick_timeout)
 *          └▶ written since last look? ─no─▶ write tick (00 00 00 00)
 *
 * Every channel ends exactly once, through `onDown`: `connection_closed` (the peer closed it
 * or the socket failed), `net_tick_timeout`, or `disconnected` (this side's `close`).
 */
import type * as net from 'node:net';
import { getClock, type TimerHandle } from '../../runtime/internal/dist-api.js';

/** Why a channel ended. */
export type DownReason = 'connection_closed' | 'net_tick_timeout' | 'disconnected';

/** net_kernel's default net_ticktime: 60 s. */
export const DEFAULT_TICKTIME = 60_000;
/** net_kernel's default net_tickintensity: ticks per ticktime. */
export const DEFAULT_TICK_INTENSITY = 4;
/** ERTS_DE_BUSY_LIMIT: 1 MiB queued makes a distribution connection busy. */
export const DEFAULT_BUSY_LIMIT = 1024 * 1024;
/** Below this a payload is copied behind its header; above it is written as is (corked). */
const COPY_LIMIT = 2048;
/** How long `close` lets queued output leave before dropping it (OTP's socket close: 5 s). */
const CLOSE_FLUSH_MS = 5000;
const TICK = Buffer.alloc(4);

/** How a channel is set up. */
export interface ChannelOptions {
  /** net_ticktime in ms (60 s). */
  readonly ticktime?: number;
  /** Ticks per ticktime (4), as net_kernel's net_tickintensity. */
  readonly tickIntensity?: number;
  /** A hidden connection: tick whenever nothing was read, as OTP does toward hidden nodes. */
  readonly hidden?: boolean;
  /** Bytes read past the handshake: the start of the first packets. */
  readonly initial?: Buffer;
  /** Queued bytes from which the channel is `busy` (1 MiB, as erl's `+zdbbl` default). */
  readonly busyLimit?: number;
}

/** What a channel counted, as erlang:dist_get_stat/1 and net_kernel:node_info/1 report. */
export interface ChannelStats {
  /** Packets read, ticks included. */
  readonly packetsIn: number;
  /** Packets written, ticks included. */
  readonly packetsOut: number;
  readonly bytesIn: number;
  readonly bytesOut: number;
}

/**
 * Cuts a byte stream into `Length:32, Payload` packets. A packet inside one chunk is handed
 * over as a subarray of it; one spread over chunks is gathered and joined once complete (no
 * buffer is made from a length before its bytes are there, so a bogus 4 GB header costs
 * nothing until 4 GB come). Zero-length packets (ticks) are counted, not handed over.
 */
export class PacketReader {
  readonly #head = Buffer.alloc(4);
  #headHave = 0;
  /** The length of the packet in progress; -1 while reading a header. */
  #want = -1;
  #parts: Buffer[] = [];
  #partsLength = 0;

  /**
   * Takes one chunk.
   * @param deliver - called with each whole non-empty packet, in order
   * @returns how many packets (ticks included) ended in this chunk
   */
  push(chunk: Buffer, deliver: (packet: Buffer) => void): number {
    let packets = 0;
    let at = 0;
    const end = chunk.length;
    while (at < end) {
      if (this.#want < 0) {
        let length: number;
        if (this.#headHave === 0 && end - at >= 4) {
          length = chunk.readUInt32BE(at);
          at += 4;
        } else {
          const take = Math.min(4 - this.#headHave, end - at);
          chunk.copy(this.#head, this.#headHave, at, at + take);
          this.#headHave += take;
          at += take;
          if (this.#headHave < 4) return packets;
          this.#headHave = 0;
          length = this.#head.readUInt32BE(0);
        }
        if (length === 0) {
          packets++; // a tick
          continue;
        }
        if (end - at >= length) {
          packets++;
          deliver(chunk.subarray(at, at + length));
          at += length;
          continue;
        }
        this.#want = length;
      }
      const take = Math.min(this.#want - this.#partsLength, end - at);
      this.#parts.push(chunk.subarray(at, at + take));
      this.#partsLength += take;
      at += take;
      if (this.#partsLength === this.#want) {
        const packet =
          this.#parts.length === 1 ? (this.#parts[0] as Buffer) : Buffer.concat(this.#parts, this.#want);
        this.#parts = [];
        this.#partsLength = 0;
        this.#want = -1;
        packets++;
        deliver(packet);
      }
    }
    return packets;
  }

  /** Bytes of an incomplete packet held. */
  get buffered(): number {
    return this.#headHave + this.#partsLength;
  }
}

/**
 * One distribution connection, framed and ticked.
 * @example
 * // a dist controller process in OTP: erlang:setnode/3, then dist_ctrl_put_data/get_data
 * channel.onPacket((p) => handleControlMessage(p));
 * channel.onDown((why) => nodedown(peer, why));
 * channel.send([control, message]);
 */
export class DistChannel {
  readonly #sock: net.Socket;
  #ticktime: number;
  readonly #intensity: number;
  readonly #hidden: boolean;
  readonly #busyLimit: number;
  #onPacket: ((packet: Buffer) => void) | null = null;
  #onDown: ((reason: DownReason) => void) | null = null;
  #onDrain: (() => void) | null = null;
  #down: DownReason | null = null;
  #downTold = false;

  readonly #reader = new PacketReader();
  #pending: Buffer | null;

  // Counters.
  #packetsIn = 0;
  #packetsOut = 0;
  #bytesIn = 0;
  #bytesOut = 0;

  // The ticker's memory, as dist_util's #tick{}.
  #timer: TimerHandle = null;
  #seenRead = 0;
  #seenWrite = 0;
  #tick = 0;
  /**
   * The look at which something was last read. OTP starts it at 0, which no look matches, so
   * a peer that never sends anything is never timed out; here the handshake counts as read at
   * the look before the first, so such a peer times out like any other.
   */
  #ticked: number;
  #closeTimer: TimerHandle = null;
  #corked = false;
  readonly #uncork = (): void => {
    this.#corked = false;
    this.#sock.uncork();
  };

  /**
   * Takes over `sock`, connected and past the handshake. Reading starts with the first
   * {@link onPacket}; the ticker at once.
   */
  constructor(sock: net.Socket, options: ChannelOptions = {}) {
    this.#sock = sock;
    this.#ticktime = options.ticktime ?? DEFAULT_TICKTIME;
    this.#intensity = Math.max(4, options.tickIntensity ?? DEFAULT_TICK_INTENSITY);
    this.#hidden = options.hidden ?? false;
    this.#ticked = this.#intensity;
    this.#busyLimit = options.busyLimit ?? DEFAULT_BUSY_LIMIT;
    this.#pending = options.initial !== undefined && options.initial.length > 0 ? options.initial : null;
    sock.pause();
    sock.setNoDelay(true);
    sock.on('data', (chunk: Buffer) => this.#read(chunk));
    // The peer's FIN ends the connection at once (a node never half-closes one), rather than at
    // 'close', a turn or more later: the nodedown comes before messages that other nodes send
    // about this one (global's lost_connection) can overtake it.
    sock.on('end', () => this.#ended('connection_closed'));
    sock.on('close', () => this.#ended('connection_closed'));
    sock.on('error', () => this.#ended('connection_closed'));
    sock.on('drain', () => this.#onDrain?.());
    if (sock.destroyed) {
      // It closed between the handshake and now: its 'close' has gone by.
      queueMicrotask(() => this.#ended('connection_closed'));
      return;
    }
    this.#armTicker();
  }

  /** Delivers every whole packet read to `cb` (ticks excepted), from now on; starts reading. */
  onPacket(cb: (packet: Buffer) => void): void {
    this.#onPacket = cb;
    if (this.#pending !== null) {
      const initial = this.#pending;
      this.#pending = null;
      this.#read(initial);
    }
    if (this.#down === null) this.#sock.resume();
  }

  /** Calls `cb` once, when the channel ends (at once if it has already). */
  onDown(cb: (reason: DownReason) => void): void {
    this.#onDown = cb;
    if (this.#down !== null) this.#tellDown();
  }

  /** Calls `cb` whenever the queued output has all been handed to the kernel (Node's 'drain'). */
  onDrain(cb: () => void): void {
    this.#onDrain = cb;
  }

  /** Why it ended, or null while it is up. */
  get downReason(): DownReason | null {
    return this.#down;
  }

  /** Bytes written but not yet taken by the kernel. */
  get queuedBytes(): number {
    return this.#sock.writableLength;
  }

  /**
   * Whether the queue has reached the busy limit (OTP: the distribution entry is busy, and
   * senders are suspended until it is not: `dist_buf_busy_limit`, 1 MiB by default).
   */
  get busy(): boolean {
    return this.#sock.writableLength >= this.#busyLimit;
  }

  /** The counters. */
  get stats(): ChannelStats {
    return {
      packetsIn: this.#packetsIn,
      packetsOut: this.#packetsOut,
      bytesIn: this.#bytesIn,
      bytesOut: this.#bytesOut,
    };
  }

  /** The peer's address and port. */
  get remote(): { address: string; port: number } {
    return { address: this.#sock.remoteAddress ?? '', port: this.#sock.remotePort ?? 0 };
  }

  /**
   * Writes one packet: `payload`, or the parts of `payload` one after the other. Payloads
   * past 2 KiB are queued as they are, not copied: they must not change until written (as
   * with `socket.write`); smaller ones are copied at once.
   * @returns false when the channel is down (the packet is dropped, as OTP drops signals to a
   *   node it is no longer connected to)
   */
  send(payload: Buffer | readonly Buffer[]): boolean {
    if (this.#down !== null) return false;
    const sock = this.#sock;
    if (!this.#corked) {
      this.#corked = true;
      sock.cork();
      queueMicrotask(this.#uncork);
    }
    const single = Buffer.isBuffer(payload);
    let n = 0;
    if (single) n = payload.length;
    else for (const p of payload) n += p.length;
    if (n <= COPY_LIMIT) {
      const b = Buffer.allocUnsafe(4 + n);
      b.writeUInt32BE(n, 0);
      if (single) payload.copy(b, 4);
      else for (let at = 4, i = 0; i < payload.length; i++) at += (payload[i] as Buffer).copy(b, at);
      sock.write(b);
    } else {
      // Corked: the header and the parts leave as one writev, uncopied.
      const h = Buffer.allocUnsafe(4);
      h.writeUInt32BE(n, 0);
      sock.write(h);
      if (single) sock.write(payload);
      else for (const p of payload) if (p.length > 0) sock.write(p);
    }
    this.#bytesOut += 4 + n;
    this.#packetsOut++;
    return true;
  }

  /**
   * Writes `packets` packets that carry their length headers already (the distribution's
   * outbox frames them as it encodes): one Buffer, or parts written one after another in one
   * writev. Nothing is copied: the bytes must not change until written.
   * @returns false when the channel is down (the packets are dropped, as {@link send} drops)
   */
  sendFramed(bytes: Buffer | readonly Buffer[], packets: number): boolean {
    if (this.#down !== null) return false;
    const sock = this.#sock;
    if (Buffer.isBuffer(bytes)) {
      sock.write(bytes);
      this.#bytesOut += bytes.length;
    } else {
      sock.cork();
      for (const p of bytes) {
        sock.write(p);
        this.#bytesOut += p.length;
      }
      sock.uncork();
    }
    this.#packetsOut += packets;
    return true;
  }

  /** Changes net_ticktime (ms) from the next look on, as net_kernel:set_net_ticktime/1. */
  setTicktime(ms: number): void {
    this.#ticktime = ms;
    if (this.#timer !== null) {
      getClock().clearTimer(this.#timer);
      this.#armTicker();
    }
  }

  /** Ends the connection from this side (net_kernel:disconnect/1): queued output may still leave. */
  close(): void {
    if (this.#down !== null) return;
    this.#ended('disconnected');
  }

  #read(chunk: Buffer): void {
    this.#bytesIn += chunk.length;
    if (this.#down !== null) return;
    this.#packetsIn += this.#reader.push(chunk, this.#deliver);
  }

  readonly #deliver = (packet: Buffer): void => {
    const cb = this.#onPacket;
    if (cb === null) return;
    try {
      cb(packet);
    } catch (e) {
      // The consumer's failure is not the connection's: report it, keep the stream in step.
      queueMicrotask(() => {
        throw e;
      });
    }
  };

  #armTicker(): void {
    const interval = Math.max(1, Math.floor(this.#ticktime / this.#intensity));
    this.#timer = getClock().setTimer(interval, () => {
      this.#timer = null;
      if (this.#down !== null) return;
      this.#look();
      if (this.#down === null) this.#armTicker();
    });
  }

  /** One look of the ticker (dist_util:send_tick/2). */
  #look(): void {
    const t = this.#tick + 1;
    const read = this.#packetsIn;
    if (read === this.#seenRead && this.#ticked === t) {
      this.#ended('net_tick_timeout');
      return;
    }
    const readDiff = read - this.#seenRead;
    const wroteNothing = this.#packetsOut === this.#seenWrite && this.#sock.writableLength === 0;
    if (wroteNothing || (this.#hidden && readDiff === 0)) {
      this.#sock.write(TICK);
      this.#packetsOut++;
      this.#bytesOut += 4;
    }
    if (readDiff !== 0) this.#ticked = t;
    this.#seenWrite = this.#packetsOut;
    this.#seenRead = read;
    this.#tick = t % this.#intensity;
  }

  #ended(reason: DownReason): void {
    if (this.#down !== null) return;
    this.#down = reason;
    const clock = getClock();
    if (this.#timer !== null) clock.clearTimer(this.#timer);
    this.#timer = null;
    if (reason === 'disconnected' && !this.#sock.destroyed) {
      this.#sock.end();
      this.#closeTimer = clock.setTimer(CLOSE_FLUSH_MS, () => {
        this.#closeTimer = null;
        this.#sock.destroy();
      });
      this.#sock.once('close', () => {
        if (this.#closeTimer !== null) clock.clearTimer(this.#closeTimer);
        this.#closeTimer = null;
      });
      this.#sock.resume(); // read to the peer's FIN so the socket can close
    } else {
      this.#sock.destroy();
    }
    this.#tellDown();
  }

  #tellDown(): void {
    if (this.#downTold || this.#onDown === null || this.#down === null) return;
    this.#downTold = true;
    this.#onDown(this.#down);
  }
}
