/**
 * Where the bytes of a gen_tcp port go: the delivery logic of inet_drv's TCP half, as a plain
 * class. It is fed chunks and the end of the stream (by the port's NetStream, or by a test)
 * and decides, by the port's active mode and packet type, who gets each packet:
 *
 *   data(chunk) ─▶ decoder ─▶ pump(): active?  ─yes─▶ {tcp, S, Packet} to the owner (quota--)
 *                                    └─no──▶ oldest recv caller that can be served
 *                then flow(): read on from the kernel while someone wants data
 *
 * In raw mode with nothing buffered, a chunk goes on as it came (no decoder is made).
 *
 * The end of the stream (the peer's FIN, or a reset) is reported once: `{tcp_closed, S}`
 * (after `{tcp_error, S, Reason}` when OTP shows one) to an active owner, `{error, closed}` to
 * waiting recv callers. With `exit_on_close` the port is then closed for I/O, though its term
 * stays open until close/1, as in OTP; in an active mode inet_drv closes the port itself.
 *
 * The receiver knows its port only as a {@link ReceiverHost}: the term, the options, the owner,
 * the lifecycle and the flow of the Node socket.
 */
import type { Port } from 'erlts';
import {
  PacketDecoder,
  Waiter,
  settleAll,
  toList,
  type Packet,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../posix.js';
import { packetData } from '../packet-data.js';
import { activeAfter, passiveDue, type Active, type TcpOptions } from './options.js';

/** A recv's result. */
export type RecvResult =
  | readonly ['ok', unknown]
  | readonly ['error', NodeFailure | 'ealready' | 'emsgsize' | 'einval' | 'enotconn'];

/** What the receiver needs of its port. */
export interface ReceiverHost {
  /** The socket term its messages name. */
  readonly port: Port;
  /** The port's options now (setopts replaces them). */
  readonly options: TcpOptions;
  /** Sends `msg` to the controlling process. */
  tell(msg: unknown): void;
  /** Whether the lifecycle lets the port read. */
  readonly readable: boolean;
  /** Whether the port is closed for I/O (its term may still be open). */
  readonly shut: boolean;
  /** Whether close/1 has run: nothing more is delivered. */
  readonly gone: boolean;
  /** The peer sent its FIN; the port may still write. */
  peerEof(): void;
  /**
   * The port stops its I/O (it calls the receiver's `silence`); `reset`: its sends answer
   * `enotconn` from now.
   */
  closeIo(reset: boolean): void;
  /** In an active mode inet_drv closes the port itself at the end of the stream. */
  closePort(): void;
  /** Reads from the kernel. */
  resume(): void;
  /** Stops reading from the kernel. */
  pause(): void;
}

const closed = ['error', 'closed'] as const;
/** #end's stages. */
const SEEN = 1;
const REPORTED = 2;
const einval = ['error', 'einval'] as const;

/** A recv caller and the length it asked for. */
class Reader extends Waiter<RecvResult> {
  length = 0;
}

/** The limits a decoder takes from the options. */
function limits(o: TcpOptions): { packetSize: number; lineLength: number; lineDelimiter: number } {
  return { packetSize: o.packetSize, lineLength: o.buffer, lineDelimiter: o.lineDelimiter };
}

export class TcpReceiver {
  readonly #host: ReceiverHost;
  /** Made on the first byte that must wait (raw active data goes straight through). */
  #decoder: PacketDecoder | null = null;
  /** recv callers, oldest first; made on first use. */
  #readers: Reader[] | null = null;
  /** The active mode now (`inet:getopts(S, [active])`). */
  active: Active;
  /**
   * How far the end of the stream has come: 0 not seen, SEEN (the FIN, or the error in
   * #failure), REPORTED to the owner or a reader (nothing more is reported then).
   */
  #end = 0;
  /** The error that ended the stream (`econnreset`, `etimedout`, ...), or null for a FIN. */
  #failure: NodeFailure | null = null;

  constructor(host: ReceiverHost, active: Active) {
    this.#host = host;
    this.active = active;
  }

  #buffer(): PacketDecoder {
    const o = this.#host.options;
    return (this.#decoder ??= new PacketDecoder(o.packet, limits(o)));
  }

  /** The packet options changed (setopts): later bytes are framed the new way. */
  reframe(o: TcpOptions): void {
    this.#decoder?.setType(o.packet, limits(o));
  }

  /** Whether someone wants data now: the owner (active) or a recv caller. */
  get wanted(): boolean {
    return this.active !== false || (this.#readers !== null && this.#readers.length > 0);
  }

  // ---- fed by the stream ----

  /** A chunk arrived. */
  data(chunk: Buffer): void {
    const d = this.#decoder;
    if (this.#host.options.packet === 0 && (d === null || d.buffered === 0)) {
      // Raw data with nothing before it goes straight to the owner or a recv(S, 0) caller.
      if (this.active !== false) {
        this.#deliver(chunk);
        return;
      }
      const r = this.#readers?.[0];
      if (r !== undefined && r.length === 0) {
        r.settle(['ok', this.#convert(chunk)]);
        return;
      }
    }
    this.#buffer().push(chunk);
    // Nobody wants it: this chunk waits here, and the socket pauses now (see flow()).
    if (!this.wanted) this.#host.pause();
    else this.pump();
  }

  /** The stream ended: the peer's FIN (`null`) or the error that ended it. */
  end(failure: NodeFailure | null): void {
    if (this.#end !== 0 || this.#host.gone) return;
    this.#end = SEEN;
    this.#failure = failure;
    this.pump();
  }

  /** Delivers buffered packets to the owner or to readers, then reports the end of the stream. */
  pump(): void {
    const d = this.#decoder;
    if (d !== null) this.#drainInto(d);
    if (this.#end === SEEN) this.#reportEof();
    this.flow();
  }

  /**
   * Reads on from the kernel when someone wants data. Pausing is lazy (see data()): an
   * {active, once} server does not pause and resume its socket for every packet; at most one
   * chunk waits here.
   */
  flow(): void {
    if (this.#end !== REPORTED && this.#host.readable && this.wanted) this.#host.resume();
  }

  #drainInto(d: PacketDecoder): void {
    const o = this.#host.options;
    for (;;) {
      if (this.active !== false) {
        const pkt = o.packet === 0 ? (d.buffered > 0 ? d.drain() : undefined) : d.next();
        if (pkt === undefined) break;
        if (Array.isArray(pkt) && pkt[0] === 'error') {
          this.#activeFailure(pkt[1]);
          return;
        }
        this.#deliver(pkt);
        continue;
      }
      const r = this.#readers?.[0];
      if (r === undefined) break;
      const pkt = o.packet === 0 ? d.read(r.length) : d.next();
      if (pkt === undefined) break;
      if (Array.isArray(pkt) && pkt[0] === 'error') {
        // A framing error ends the stream for recv: the next one is told enotconn, as OTP.
        r.settle(['error', pkt[1]]);
        this.#host.closeIo(false);
        return;
      }
      r.settle(['ok', this.#convert(pkt)]);
    }
  }

  /** Sends one packet to the owner, counting the active quota down. */
  #deliver(pkt: Packet): void {
    const host = this.#host;
    const o = host.options;
    const http = !Buffer.isBuffer(pkt);
    // {deliver, port}: inet_drv's port data is a list of bytes, whatever the mode.
    if (o.deliver === 'port') host.tell([host.port, ['data', http ? pkt : toList(pkt)]]);
    else host.tell([http ? 'http' : 'tcp', host.port, http ? pkt : this.#convert(pkt)]);
    const a = this.active;
    if (a === 'once') this.active = false;
    else if (typeof a === 'number') {
      if (a <= 1) {
        this.active = false;
        host.tell(['tcp_passive', host.port]);
      } else this.active = a - 1;
    }
  }

  /** A packet as the owner sees it: a Buffer in binary mode, a list of bytes in list mode. */
  #convert(pkt: Packet): unknown {
    if (!Buffer.isBuffer(pkt)) return pkt;
    const o = this.#host.options;
    return packetData(pkt, o.mode, o.header);
  }

  /** A framing error in an active mode: `{tcp_error, S, emsgsize}`, then the port closes. */
  #activeFailure(reason: unknown): void {
    this.#host.tell(['tcp_error', this.#host.port, reason]);
    this.#failure = null;
    this.#end = SEEN;
    this.#reportEof();
    this.flow();
  }

  /** The end of the stream, seen once by whoever is reading. */
  #reportEof(): void {
    const host = this.#host;
    const o = host.options;
    const failure = this.#failure;
    const shown = failure !== null && (failure !== 'econnreset' || o.showEconnreset);
    const closing = o.exitOnClose || failure !== null;
    if (this.active !== false) {
      if (shown) host.tell(['tcp_error', host.port, failure]);
      host.tell(['tcp_closed', host.port]);
      this.#end = REPORTED;
      // In an active mode inet_drv closes the port itself: monitors see it go, and later
      // calls answer as on a closed socket.
      if (closing) {
        host.closePort();
        return;
      }
    } else {
      const readers = this.#readers;
      if (readers === null || readers.length === 0) return; // the next reader, or when made active
      settleAll(readers, shown ? ['error', failure] : closed);
      this.#end = REPORTED;
      // After a reset, inet_drv's socket is no longer connected.
      if (closing) {
        host.closeIo(failure !== null);
        return;
      }
    }
    host.peerEof();
  }

  /** The port stopped its I/O (closeIo): nothing more is reported. */
  silence(): void {
    this.#end = REPORTED;
  }

  // ---- asked by the port's callers ----

  /**
   * `gen_tcp:recv/3`.
   * @param proc - the caller (any process may read a passive socket)
   * @param length - bytes wanted in raw mode, 0 for what is there
   * @param timeout - milliseconds or `'infinity'`
   * @returns the result now, or a promise of it
   */
  recv(proc: ProcessHandle, length: number, timeout: number | 'infinity'): Promise<RecvResult> | RecvResult {
    const now = this.#readNow(length);
    if (now !== null) return now;
    const r = new Reader(proc, this.#readers).timeout(timeout, () => ['error', 'timeout']);
    r.length = length;
    // inet_drv keeps a killed caller's request: it still takes the next packet, which is lost.
    r.lingers = true;
    // The data it waits for may be buffered already, with the end of the stream.
    if (this.#end !== 0) this.pump();
    else this.flow();
    return r.promise;
  }

  /** A recv's answer without waiting (an error, or what is buffered), or null: it must wait. */
  #readNow(length: number): RecvResult | null {
    const host = this.#host;
    if (this.active !== false) return einval;
    if (length !== 0 && host.options.packet !== 0) return einval;
    if (host.shut) return this.#end === REPORTED ? ['error', 'enotconn'] : closed;
    if (this.#end === REPORTED && !host.readable) return closed;
    const readers = (this.#readers ??= []);
    // One recv at a time, as inet_drv: a second caller, from any process, is refused.
    if (readers.length > 0) return ['error', 'ealready'];
    const d = this.#decoder;
    if (d === null || d.buffered === 0) return null;
    const pkt = host.options.packet === 0 ? d.read(length) : d.next();
    if (pkt === undefined) return null;
    if (Array.isArray(pkt) && pkt[0] === 'error') {
      // A framing error ends the stream for recv: the next one is told enotconn, as OTP.
      this.#host.closeIo(false);
      return ['error', pkt[1]];
    }
    return ['ok', this.#convert(pkt)];
  }

  /**
   * `{active, V}` alone (the hot path of {active, once} servers: no copy of the options).
   * @returns `ok`, or `{error, einval}` for a bad value or a count pushed over 32767
   */
  setActive(value: unknown): 'ok' | typeof einval {
    const active = activeAfter(this.active, value);
    if (active === undefined) return einval;
    this.active = active;
    if (passiveDue(value, active)) this.#host.tell(['tcp_passive', this.#host.port]);
    if (active !== false) this.pump();
    return 'ok';
  }

  /** The port closed: waiting recv callers get `{error, closed}`. */
  close(): void {
    if (this.#readers !== null) settleAll(this.#readers, closed);
  }
}
