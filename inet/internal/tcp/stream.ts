/**
 * A connected gen_tcp port over a `net.Socket`: the one place where bytes from Node become
 * `{tcp, S, Data}` messages or `recv` results, and where `send` meets Node's write buffer.
 *
 * Receiving. Node's socket is paused unless someone wants data: the owner in an active mode
 * with quota left, or a `recv` caller. A paused socket leaves bytes in the kernel, whose
 * receive window then pushes back on the peer (DESIGN §4). Chunks go through a
 * `PacketDecoder`; in raw mode with nothing buffered, a chunk is delivered as it came.
 *
 *   'data' ─▶ decoder ─▶ pump(): active?  ─yes─▶ {tcp, S, Packet} to the owner (quota--)
 *                                 └─no──▶ oldest recv caller that can be served
 *            then flow(): resume or pause the Node socket
 *
 * End of stream (the peer's FIN, or a reset) is reported once: `{tcp_closed, S}` (after
 * `{tcp_error, S, Reason}` when OTP shows one) to an active owner, `{error, closed}` to a
 * waiting `recv`. With `exit_on_close` the port is then closed for I/O (the lifecycle's
 * CLOSE), though the term stays open until `close/1`, as in OTP.
 *
 * Sending. `send` writes at once; when Node's unsent bytes pass `high_watermark` the port
 * is busy and later senders wait until they drop to `low_watermark`, or `send_timeout`.
 */
import * as net from 'node:net';
import { List } from 'erlts';
import {
  PacketDecoder,
  Waiter,
  settleAll,
  settleFor,
  toList,
  type Packet,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import { posixFromNodeError } from '../posix.js';
import { parse_address } from '../address.js';
import { InetPort, type Endpoint } from './inet-port.js';
import { canRead, canWrite } from './lifecycle.js';
import { activeAfter, passiveDue, setopts as applySetopts, type Active, type TcpOptions } from './options.js';
import { toBuffer } from './iodata.js';

export type Posix = string;
export type RecvResult = readonly ['ok', unknown] | readonly ['error', Posix];
export type SendResult = 'ok' | readonly ['error', Posix];

const OK_PROMISE: Promise<SendResult> = Promise.resolve('ok');
const EMPTY = Buffer.alloc(0);
/** What a socket-module send may hand an idle Node socket at once (see sendSome). */
const SEND_CHUNK = 64 * 1024;
/** How long MSG_MORE holds data back at most, as Linux's TCP cork. */
const MORE_HOLD_MS = 200;
/** How long close/1 lets pending output make no progress before dropping it (OTP: 5 s). */
const CLOSE_STALL_MS = 5000;
/** The port behind a Node socket, so one set of listener functions serves every socket. */
const kPort = Symbol('erlts.tcpPort');
type Tagged = net.Socket & { [kPort]: TcpPort };
const closed = ['error', 'closed'] as const;
const einval = ['error', 'einval'] as const;

/** A recv caller and the length it asked for. */
class Reader extends Waiter<RecvResult> {
  length = 0;
}

export class TcpPort extends InetPort {
  readonly sock: net.Socket;
  /** Made on the first byte that must wait (raw active data goes straight through). */
  #decoder: PacketDecoder | null = null;
  /** recv callers and blocked senders, oldest first; made on first use. */
  readers: Reader[] | null = null;
  writers: Waiter<SendResult>[] | null = null;
  /** The active mode now (`inet:getopts(S, [active])`): kept apart so `options` can be shared. */
  active: Active;
  /** Whether the Node socket is resumed. */
  #flowing = false;
  /** The peer's end of stream has been seen by Node (FIN, or the error in #failure). */
  #eof = false;
  /** The error that ended the stream (`econnreset`, `etimedout`, ...), or null for a FIN. */
  #failure: Posix | null = null;
  /** The socket module's stream ended by an error (see socketRules): it is no longer connected. */
  #reset = false;
  /** End of stream was reported to the owner or a reader. */
  #eofReported = false;
  /** Reads were shut down locally (shutdown(S, read)). */
  #readShut = false;
  #busy = false;
  /** Writes are corked until the next tick ({delay_send, true}). */
  #corked = false;
  /** What send answers once writing is over: closed, or enotconn after a send timeout closed it. */
  #sendError: readonly ['error', Posix] = closed;
  /** Writes whose completion callback is pending (see #write). */
  #tracked = 0;
  #writtenFn: (() => void) | null = null;
  /** The timer ending a holdBack (MSG_MORE), while one holds. */
  #held: NodeJS.Timeout | null = null;
  /** For a local (AF_UNIX) socket: the listener's path and which end this is. */
  local: { readonly path: Buffer; readonly via: 'accept' | 'connect' } | null = null;

  // One listener function of each kind for every socket: no closures per port.
  static readonly #onDataListener = function (this: Tagged, chunk: Buffer): void {
    this[kPort].#onData(chunk);
  };
  static readonly #onEndListener = function (this: Tagged): void {
    this[kPort].#onEnd(null);
  };
  static readonly #onErrorListener = function (this: Tagged, err: Error): void {
    this[kPort].#onEnd(posixFromNodeError(err));
  };
  static readonly #onWritten = function (this: TcpPort): void {
    this.#tracked--;
    this.#drained();
  };

  /**
   * @param owner - the controlling process
   * @param options - the port's options (shared, never modified: setopts replaces it)
   * @param sock - a connected Node socket
   * @param via - how it got connected: the lifecycle's path from `open`
   */
  constructor(owner: ProcessHandle, options: TcpOptions, sock: net.Socket, via: 'accept' | 'connect') {
    super(owner, options);
    this.sock = sock;
    this.active = options.active;
    (sock as Tagged)[kPort] = this;
    sock.pause();
    sock.on('data', TcpPort.#onDataListener);
    sock.on('end', TcpPort.#onEndListener);
    sock.on('error', TcpPort.#onErrorListener);
    sock.on('close', TcpPort.#onEndListener);
    this.#applyNode(undefined, options);
    if (via === 'accept') this.go('ACCEPTED');
    else {
      this.go('CONNECT');
      this.go('CONNECTED');
    }
    this.flow();
  }

  #limits(o: TcpOptions): { packetSize: number; lineLength: number; lineDelimiter: number } {
    return { packetSize: o.packetSize, lineLength: o.buffer, lineDelimiter: o.lineDelimiter };
  }

  /** Applies to the Node socket what Node can apply of a change of options. */
  #applyNode(prev: TcpOptions | undefined, next: TcpOptions): void {
    if (prev?.nodelay !== next.nodelay) this.sock.setNoDelay(next.nodelay);
    if (prev?.keepalive !== next.keepalive) this.sock.setKeepAlive(next.keepalive);
    if (
      prev !== undefined &&
      (prev.packet !== next.packet ||
        prev.packetSize !== next.packetSize ||
        prev.buffer !== next.buffer ||
        prev.lineDelimiter !== next.lineDelimiter)
    ) {
      this.#decoder?.setType(next.packet, this.#limits(next));
    }
  }

  #buffer(): PacketDecoder {
    return (this.#decoder ??= new PacketDecoder(this.options.packet, this.#limits(this.options)));
  }

  /** The options with the active mode now, as getopts and setopts see them. */
  override currentOptions(): TcpOptions {
    return this.options.active === this.active ? this.options : { ...this.options, active: this.active };
  }

  /**
   * Read one chunk ahead while nothing is buffered (the socket module's sockets): a `nowait`
   * recv then finds what the kernel already had, as the socket NIF does. Still one chunk
   * of slack at most, so the peer is held back as before.
   */
  prefetch = false;

  /**
   * End of stream by the socket module's rules, which are the kernel's (the socket NIF hides
   * nothing): an error that ended the stream (a reset) is the socket's pending error, told once
   * to the first recv or send that meets it, as SO_ERROR is; afterwards recv says `closed`, send
   * `epipe` and shutdown `enotconn`. A recv or a nowait read that finds the stream ended answers
   * at once. gen_tcp's rules (inet_drv's, `show_econnreset`) are the default.
   */
  socketRules = false;

  /** Whether someone wants data now: the owner (active), a recv caller, or prefetch. */
  #wanted(): boolean {
    return (
      this.active !== false ||
      (this.readers !== null && this.readers.length > 0) ||
      (this.prefetch && (this.#decoder === null || this.#decoder.buffered === 0))
    );
  }

  // ---- receiving ----

  #onData(chunk: Buffer): void {
    this.countRecv(chunk.length);
    const d = this.#decoder;
    if (this.options.packet === 0 && (d === null || d.buffered === 0)) {
      // Raw data with nothing before it goes straight to the owner or a recv(S, 0) caller.
      if (this.active !== false) {
        this.#deliver(chunk);
        return;
      }
      const r = this.readers?.[0];
      if (r !== undefined && r.length === 0) {
        r.settle(['ok', this.#convert(chunk)]);
        return;
      }
    }
    this.#buffer().push(chunk);
    // Nobody wants it: this chunk waits here, and the socket pauses now (see flow()).
    if (!this.#wanted()) this.#pause();
    else this.pump();
  }

  #onEnd(failure: Posix | null): void {
    if (this.#eof || this.gone) return;
    this.#eof = true;
    this.#failure = failure;
    this.pump();
  }

  /** Delivers buffered packets to the owner or to readers, then reports end of stream. */
  pump(): void {
    const d = this.#decoder;
    if (d !== null) this.#drainInto(d);
    if (this.#eof && !this.#eofReported) this.#reportEof();
    this.flow();
  }

  #drainInto(d: PacketDecoder): void {
    for (;;) {
      if (this.active !== false) {
        const pkt = this.options.packet === 0 ? (d.buffered > 0 ? d.drain() : undefined) : d.next();
        if (pkt === undefined) break;
        if (Array.isArray(pkt) && pkt[0] === 'error') {
          this.#activeFailure(pkt[1]);
          return;
        }
        this.#deliver(pkt);
        continue;
      }
      const r = this.readers?.[0];
      if (r === undefined) break;
      const pkt = this.options.packet === 0 ? d.read(r.length) : d.next();
      if (pkt === undefined) break;
      if (Array.isArray(pkt) && pkt[0] === 'error') {
        // A framing error ends the stream for recv: the next one is told enotconn, as OTP.
        r.settle(['error', pkt[1]]);
        this.#closeIo();
        return;
      }
      r.settle(['ok', this.#convert(pkt)]);
    }
  }

  /** Sends one packet to the owner, counting the active quota down. */
  #deliver(pkt: Packet): void {
    const o = this.options;
    const http = !Buffer.isBuffer(pkt);
    // {deliver, port}: inet_drv's port data is a list of bytes, whatever the mode.
    if (o.deliver === 'port') this.tell([this.port, ['data', http ? pkt : toList(pkt)]]);
    else this.tell([http ? 'http' : 'tcp', this.port, http ? pkt : this.#convert(pkt)]);
    const a = this.active;
    if (a === 'once') this.active = false;
    else if (typeof a === 'number') {
      if (a <= 1) {
        this.active = false;
        this.tell(['tcp_passive', this.port]);
      } else this.active = a - 1;
    }
  }

  /** A packet as the owner sees it: a Buffer in binary mode, a list of bytes in list mode. */
  #convert(pkt: Packet): unknown {
    if (!Buffer.isBuffer(pkt)) return pkt;
    const o = this.options;
    if (o.mode === 'list') return toList(pkt);
    if (o.header > 0) {
      // {header, N}: the first N bytes as a list, the rest as a binary (docs/DEVIATIONS.md).
      if (pkt.length < o.header) return toList(pkt);
      const out = toList(pkt.subarray(0, o.header)) as List<unknown>;
      out.push(pkt.subarray(o.header));
      return out;
    }
    return pkt;
  }

  /** A framing error in an active mode: `{tcp_error, S, emsgsize}`, then the port closes. */
  #activeFailure(reason: unknown): void {
    this.tell(['tcp_error', this.port, reason]);
    this.#failure = null;
    this.#eof = true;
    this.#reportEof();
    this.flow();
  }

  /** End of stream, seen once by whoever is reading. */
  #reportEof(): void {
    const failure = this.#failure;
    const shown = failure !== null && (failure !== 'econnreset' || this.options.showEconnreset);
    const closing = this.options.exitOnClose || failure !== null;
    if (this.active !== false) {
      if (shown) this.tell(['tcp_error', this.port, failure]);
      this.tell(['tcp_closed', this.port]);
      this.#eofReported = true;
      // In an active mode inet_drv closes the port itself: monitors see it go, and later
      // calls answer as on a closed socket.
      if (closing) {
        this.close('normal');
        return;
      }
    } else {
      const readers = this.readers;
      if (readers === null || readers.length === 0) return; // the next reader, or when made active
      if (this.socketRules) {
        settleAll(readers, this.#takeEof());
        return;
      }
      settleAll(readers, shown ? ['error', failure] : closed);
      this.#eofReported = true;
      // After a reset, inet_drv's socket is no longer connected.
      if (failure !== null) this.#sendError = ['error', 'enotconn'];
    }
    if (closing) this.#closeIo();
    else if (this.can('PEER_EOF')) this.go('PEER_EOF');
  }

  /** The port can no longer read or write, but its term stays open until close/1. */
  #closeIo(): void {
    this.#eofReported = true; // nothing more is reported once the port stops its I/O
    if (this.state !== 'closed') this.go('CLOSE');
    if (this.writers !== null) settleAll(this.writers, closed);
    this.sock.destroy();
  }

  /**
   * Resumes the Node socket when someone wants data. Pausing is lazy: a socket nobody wants
   * data from pauses when its next chunk arrives (#onData), so an {active, once} server does
   * not pause and resume its socket for every packet; at most one chunk waits in erlts.
   */
  flow(): void {
    if (this.#flowing || this.#eofReported || !canRead(this.state) || !this.#wanted()) return;
    this.#flowing = true;
    this.sock.resume();
    // After shutdown(read): the next poll phase reads what the kernel holds (resume() starts
    // reading on the next tick), and the check phase after it ends the stream.
    if (this.#readShut) setImmediate(afterNextPoll, this);
  }

  #pause(): void {
    if (!this.#flowing) return;
    this.#flowing = false;
    this.sock.pause();
  }

  /** shutdown(read): the stream ends where a read would have waited. */
  readShutCheck(): void {
    if (this.#flowing && !this.#eof) this.#onEnd(null);
  }

  /**
   * `gen_tcp:recv/3` on this port.
   * @param proc - the caller (any process may read a passive socket)
   * @param length - bytes wanted in raw mode, 0 for what is there
   * @param timeout - milliseconds or `'infinity'`
   * @param linger - whether a killed caller's request stays pending, as inet_drv's does (the
   *   socket module drops it)
   */
  recv(
    proc: ProcessHandle,
    length: number,
    timeout: number | 'infinity',
    linger = true,
  ): Promise<RecvResult> | RecvResult {
    const now = this.#readNow(length);
    if (now !== null) return now;
    const r = new Reader(proc, this.readers).timeout(timeout, () => ['error', 'timeout']);
    r.length = length;
    r.lingers = linger;
    this.#awaitData();
    return r.promise;
  }

  /**
   * A recv whose result goes to `then` (the socket module's background read of a `nowait`
   * call): the same queue and rules as recv, no promise.
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
    new Reader(proc, this.readers, then, dropped).length = length;
    this.#awaitData();
    return null;
  }

  /** A recv's answer without waiting (an error, or what is buffered), or null: it must wait. */
  #readNow(length: number): RecvResult | null {
    if (this.active !== false) return einval;
    if (length !== 0 && this.options.packet !== 0) return einval;
    if (this.state === 'closed')
      return this.#eofReported && !this.socketRules ? ['error', 'enotconn'] : closed;
    if (this.#eofReported && !canRead(this.state)) return closed;
    const readers = (this.readers ??= []);
    // One recv at a time, as inet_drv: a second caller, from any process, is refused.
    if (readers.length > 0) return ['error', 'ealready'];
    const now = this.#takeNow(length);
    return now === null && this.socketRules && this.#eof ? this.#takeEof() : now;
  }

  /**
   * The socket module's end of stream for a read (see socketRules): the pending error once,
   * then `closed`.
   */
  #takeEof(): RecvResult {
    const failure = this.#takeFailure();
    if (failure !== null) return failure;
    this.#eofReported = true;
    if (this.can('PEER_EOF')) this.go('PEER_EOF');
    return closed;
  }

  /**
   * The socket module's pending error (see socketRules), taken by the call that meets it:
   * the stream is over, later sends get `epipe`.
   * @returns the error, or null when there is none to tell
   */
  #takeFailure(): readonly ['error', Posix] | null {
    if (!this.socketRules || !this.#eof) return null;
    const failure = this.#failure;
    if (failure === null) return null;
    this.#failure = null;
    this.#reset = true;
    this.#sendError = ['error', 'epipe'];
    this.#closeIo();
    return ['error', failure];
  }

  /** A reader was queued: the data it waits for may be buffered already, with the end of stream. */
  #awaitData(): void {
    if (this.#eof) this.pump();
    else this.flow();
  }

  /**
   * A raw read that never waits (the socket module's `nowait`): what is buffered, or null.
   * @param length - bytes wanted, 0 for what is there
   * @returns the data, or null when it must wait (then a recv with a timeout waits for it)
   */
  tryRecv(length: number): RecvResult | null {
    if (this.active !== false) return null;
    if (this.state === 'closed') return this.socketRules ? closed : null;
    if (this.readers !== null && this.readers.length > 0) return null;
    const now = this.#takeNow(length);
    // Part of `length` there: the socket module takes it first (the end comes with the rest).
    if (now !== null || !this.socketRules || !this.#eof || this.#decoder?.buffered) return now;
    return this.#takeEof();
  }

  /** A packet (or `length` raw bytes) already buffered, or null; then flow() for prefetch. */
  #takeNow(length: number): RecvResult | null {
    const d = this.#decoder;
    if (d === null || d.buffered === 0) return null;
    const pkt = this.options.packet === 0 ? d.read(length) : d.next();
    if (pkt === undefined) return null;
    if (Array.isArray(pkt) && pkt[0] === 'error') {
      // A framing error ends the stream for recv: the next one is told enotconn, as OTP.
      this.#closeIo();
      return ['error', pkt[1]];
    }
    this.flow(); // a prefetching port reads its next chunk
    return ['ok', this.#convert(pkt)];
  }

  /**
   * Ends `proc`'s pending recv with `result` (the socket module's cancel and abort).
   * @returns whether there was one
   */
  cancelRecv(proc: ProcessHandle, result: RecvResult): boolean {
    return settleFor(this.readers, proc, result);
  }

  /** `inet:setopts/2` on this port. */
  setopts(opts: unknown): 'ok' | readonly ['error', 'einval'] {
    if (this.state === 'closed') return einval;
    // The hot path of {active, once} servers: a lone {active, V}, no copy of the options.
    if (Array.isArray(opts) && opts.length === 1) {
      const opt: unknown = opts[0];
      if (Array.isArray(opt) && !(opt instanceof List) && opt.length === 2 && opt[0] === 'active')
        return this.#setActive(opt[1]);
    }
    const prev = this.options;
    const r = applySetopts(this.currentOptions(), opts);
    this.options = r.options;
    this.active = r.options.active;
    this.#applyNode(prev, r.options);
    if (r.passive) this.tell(['tcp_passive', this.port]);
    this.pump();
    return r.reply;
  }

  #setActive(value: unknown): 'ok' | readonly ['error', 'einval'] {
    const active = activeAfter(this.active, value);
    if (active === undefined) return einval;
    this.active = active;
    if (passiveDue(value, active)) this.tell(['tcp_passive', this.port]);
    if (active !== false) this.pump();
    return 'ok';
  }

  // ---- sending ----

  /**
   * `gen_tcp:send/2` on this port.
   * @param proc - the caller
   * @param data - iodata
   */
  send(proc: ProcessHandle, data: unknown): Promise<SendResult> | SendResult {
    const r = this.sendNow(proc, data);
    return r === 'ok' ? OK_PROMISE : r;
  }

  /** As send, with `ok` itself when the data went at once (the socket module's send). */
  sendNow(proc: ProcessHandle, data: unknown): Promise<SendResult> | SendResult {
    const failure = this.#takeFailure();
    if (failure !== null) return failure;
    if (!canWrite(this.state)) return this.#sendError;
    let buf = toBuffer(data);
    if (buf === undefined) return einval;
    const p = this.options.packet;
    if (p === 1 || p === 2 || p === 4) {
      if (buf.length >= 2 ** (8 * p)) return ['error', 'emsgsize'];
      const h = Buffer.allocUnsafe(p + buf.length);
      h.writeUIntBE(buf.length, 0, p);
      buf.copy(h, p);
      buf = h;
    }
    if (this.#busy) return this.#sendLater(proc, buf);
    this.#write(buf);
    return 'ok';
  }

  async #sendLater(proc: ProcessHandle, buf: Buffer): Promise<SendResult> {
    const o = this.options;
    const w = new Waiter<SendResult>(proc, (this.writers ??= [])).timeout(o.sendTimeout, () => {
      if (this.options.sendTimeoutClose) {
        this.#sendError = ['error', 'enotconn'];
        this.#closeIo();
      }
      return ['error', 'timeout'];
    });
    const r = await w.promise;
    if (r !== 'ok') return r;
    if (!canWrite(this.state)) return this.#sendError;
    this.#write(buf);
    return 'ok';
  }

  /**
   * The socket module's send: hands Node what fits, as the kernel takes what fits its send
   * buffer. Here that is what the kernel takes at once, plus Node's queue up to the high
   * watermark (or one 64 KiB chunk); a busy port takes nothing.
   * @returns the bytes not taken (empty when all were), or the error a send gets now
   */
  sendSome(buf: Buffer): Buffer | readonly ['error', Posix] {
    const failure = this.#takeFailure();
    if (failure !== null) return failure;
    if (!canWrite(this.state)) return this.#sendError;
    let off = 0;
    // Chunk by chunk while the kernel takes them (Node's queue stays short), until it is full.
    while (off < buf.length && !this.#busy) {
      const room = Math.max(this.options.highWatermark + 1 - this.sock.writableLength, SEND_CHUNK);
      const end = Math.min(buf.length, off + room);
      this.#write(off === 0 && end === buf.length ? buf : buf.subarray(off, end));
      off = end;
    }
    return off === buf.length ? EMPTY : buf.subarray(off);
  }

  /**
   * Waits until a send may go on: the port is below its low watermark.
   * @param proc - the caller
   * @param timeout - milliseconds or `'infinity'`
   * @returns `ok`, `{error, timeout}`, or the error of a port that can no longer send
   */
  writable(proc: ProcessHandle, timeout: number | 'infinity'): Promise<SendResult> | SendResult {
    const failure = this.#takeFailure();
    if (failure !== null) return failure;
    if (!canWrite(this.state)) return this.#sendError;
    if (!this.#busy) return 'ok';
    return new Waiter<SendResult>(proc, (this.writers ??= [])).timeout(timeout, () => ['error', 'timeout'])
      .promise;
  }

  /**
   * Ends `proc`'s wait for room to send (the socket module's cancel of a nowait send).
   * @returns whether there was one
   */
  cancelSend(proc: ProcessHandle, result: SendResult): boolean {
    return settleFor(this.writers, proc, result);
  }

  /**
   * MSG_MORE: what is sent from now waits (the Node socket corked) for a send without the
   * flag, or 200 ms, as Linux holds it.
   */
  holdBack(): void {
    if (this.#held !== null) return;
    this.sock.cork();
    this.#held = setTimeout(() => this.letGo(), MORE_HOLD_MS);
  }

  /** Ends a holdBack: what waited leaves now. */
  letGo(): void {
    if (this.#held === null) return;
    clearTimeout(this.#held);
    this.#held = null;
    this.sock.uncork();
  }

  /** Puts bytes a recv took back in front of the buffered ones (the socket module's peek). */
  unread(bytes: Buffer): void {
    this.#buffer().unshift(bytes);
  }

  /**
   * Takes whatever raw bytes are buffered, whatever the port's state: what a recv that ended
   * early (closed, reset) had read, which the socket module hands back with the error.
   */
  takeBuffered(): Buffer {
    const d = this.#decoder;
    return d === null || d.buffered === 0 ? EMPTY : d.drain();
  }

  #write(buf: Buffer): void {
    this.countSend(buf.length);
    const sock = this.sock;
    if (this.options.delaySend && !this.#corked) {
      // {delay_send, true}: sends of this tick leave together, as one write.
      this.#corked = true;
      sock.cork();
      process.nextTick(() => {
        this.#corked = false;
        sock.uncork();
      });
    }
    // A write Node completes at once needs no callback; one that queues behind others gets
    // one, to see the queue shrink; and the write that makes the port busy, if nothing
    // tracked is queued, is followed by an empty one whose callback says it all left.
    if (sock.writableLength > 0) {
      this.#tracked++;
      sock.write(buf, this.#written());
    } else sock.write(buf);
    if (sock.writableLength > this.options.highWatermark) {
      this.#busy = true;
      if (this.#tracked === 0) {
        this.#tracked++;
        sock.write(EMPTY, this.#written());
      }
    }
  }

  /** Write callbacks run with no `this`: one bound function per port, made on first use. */
  #written(): () => void {
    return (this.#writtenFn ??= TcpPort.#onWritten.bind(this));
  }

  /** A write reached the kernel: wake blocked senders once below the low watermark. */
  #drained(): void {
    if (!this.#busy || this.sock.writableLength > this.options.lowWatermark) return;
    this.#busy = false;
    // Wake them in order; each writes, and may make the port busy again for the next.
    while (!this.#busy) {
      const w = this.writers?.[0];
      if (w === undefined) break;
      w.settle('ok');
      this.#busy = this.sock.writableLength > this.options.highWatermark;
    }
  }

  get pending(): number {
    return this.sock.writableLength;
  }

  // ---- closing ----

  /**
   * `gen_tcp:shutdown/2`.
   * @param how - `read`, `write` or `read_write`
   */
  shutdown(how: 'read' | 'write' | 'read_write'): 'ok' | readonly ['error', Posix] {
    // A reset stream is no longer connected (the kernel's ENOTCONN), told or not.
    if (this.socketRules && (this.#reset || (this.#eof && this.#failure !== null))) {
      return ['error', 'enotconn'];
    }
    if (this.state === 'closed') return closed;
    if (how !== 'write' && !this.#readShut) {
      // Node has no SHUT_RD. As Linux after shutdown(SHUT_RD), reads get what the kernel
      // holds, then end of stream where they would have waited (docs/DEVIATIONS.md).
      this.#readShut = true;
      if (this.#flowing) setImmediate(afterNextPoll, this);
    }
    if (how !== 'read' && this.can('SHUTDOWN_WRITE')) {
      this.go('SHUTDOWN_WRITE');
      this.sock.end();
    }
    return 'ok';
  }

  protected release(): void {
    if (this.#held !== null) clearTimeout(this.#held);
    if (this.readers !== null) settleAll(this.readers, closed);
    if (this.writers !== null) settleAll(this.writers, closed);
    const sock = this.sock;
    sock.removeAllListeners('data');
    sock.on('error', ignore);
    const [on, secs] = this.options.linger;
    if (on && secs === 0) sock.resetAndDestroy();
    else if (sock.destroyed) return;
    else if (sock.writableLength === 0) sock.destroy();
    else {
      // Pending output is flushed first, as OTP's close does; like OTP, a peer that takes
      // nothing for 5 s loses the rest.
      sock.end();
      let left = sock.writableLength;
      const stalled = setInterval(() => {
        if (sock.writableLength === left) sock.destroy();
        left = sock.writableLength;
      }, CLOSE_STALL_MS);
      sock.once('finish', () => sock.destroy());
      sock.once('close', () => clearInterval(stalled));
    }
  }

  states(): List<string> {
    const s = new List<string>();
    if (this.gone) s.push('closed');
    else if (this.state === 'closed') s.push('open');
    else s.push('connected', 'open');
    if (this.#busy) s.push('busy');
    return s;
  }

  sockname(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'accept' ? local.path : Buffer.alloc(0)];
    return endpoint(this.sock.localAddress, this.sock.localPort);
  }

  peername(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'connect' ? local.path : Buffer.alloc(0)];
    return endpoint(this.sock.remoteAddress, this.sock.remotePort);
  }
}

/** A Node address and port as `{IP, Port}`, or null when Node has none. */
export function endpoint(
  address: string | undefined,
  port: number | undefined,
): readonly [unknown, number] | null {
  if (address === undefined || port === undefined) return null;
  const parsed = parse_address(
    address.startsWith('::ffff:') && address.includes('.') ? address.slice(7) : address,
  );
  return parsed[0] === 'ok' ? [parsed[1], port] : null;
}

function ignore(): void {}

function afterNextPoll(port: TcpPort): void {
  setImmediate(readShutCheck, port);
}

function readShutCheck(port: TcpPort): void {
  port.readShutCheck();
}
