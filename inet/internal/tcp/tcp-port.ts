/**
 * A connected gen_tcp port: inet_drv's TCP half over one `net.Socket`. It puts together the
 * Node adapter (inet/internal/node/net-stream.ts: flow, watermarks, write tracking, end of
 * stream, counters), the delivery rules (receiver.ts: active modes, recv callers, end-of-stream
 * reports) and the port's own part: its term, owner, options, lifecycle, and send's rules.
 *
 *   net.Socket ─▶ NetStream ─data/end─▶ TcpReceiver ─▶ {tcp, S, Data} / recv results
 *   gen_tcp:send ─▶ TcpPort.send ─▶ NetStream.write (or wait for room, send_timeout)
 *
 * Sending. `send` writes at once; when Node's unsent bytes pass `high_watermark` the port is
 * busy and later senders wait until they drop to `low_watermark`, or `send_timeout` (with
 * `send_timeout_close` the port then closes, and later sends answer `enotconn`, as OTP).
 */
import type * as net from 'node:net';
import { List } from 'erlts';
import { isList, type ProcessHandle } from '../../../runtime/internal/driver-api.js';
import type { NodeFailure } from '../posix.js';
import { NetStream, type WriteLimits, type WriteResult } from '../node/net-stream.js';
import type { IoCounters } from '../node/counters.js';
import type { Endpoint, InetRow } from '../inet-port.js';
import { TcpInetPort } from './tcp-inet-port.js';
import { canRead, canWrite } from './lifecycle.js';
import { setopts as applySetopts, type TcpOptions } from './options.js';
import { TcpReceiver, type ReceiverHost, type RecvResult } from './receiver.js';
import { toBuffer } from './iodata.js';

export type { RecvResult };
export type SendResult = 'ok' | readonly ['error', NodeFailure | 'einval' | 'emsgsize' | 'enotconn'];

const OK_PROMISE: Promise<SendResult> = Promise.resolve('ok');
const closed = ['error', 'closed'] as const;
const einval = ['error', 'einval'] as const;

/** Write limits by options record: the ports that share options (accepted ones do) share them. */
const limitsOf = new WeakMap<TcpOptions, WriteLimits>();

/** The watermarks and delay_send of a port's options, as its stream takes them. */
function writeLimits(o: TcpOptions): WriteLimits {
  let limits = limitsOf.get(o);
  if (limits === undefined) {
    limits = { highWatermark: o.highWatermark, lowWatermark: o.lowWatermark, delaySend: o.delaySend };
    limitsOf.set(o, limits);
  }
  return limits;
}

export class TcpPort extends TcpInetPort implements ReceiverHost {
  /** The Node socket below, whose events go to the port's receiver. */
  readonly stream: NetStream<TcpReceiver>;
  /** What send answers once writing is over: closed, or enotconn after a reset or a send timeout. */
  #sendError: readonly ['error', 'closed' | 'enotconn'] = closed;
  /** For a local (AF_UNIX) socket: the listener's path and which end this is. */
  local: { readonly path: Buffer; readonly via: 'accept' | 'connect' } | null = null;

  /**
   * @param owner - the controlling process
   * @param options - the port's options (shared, never modified: setopts replaces it)
   * @param sock - a connected Node socket
   * @param via - how it got connected: the lifecycle's path from `open`
   */
  constructor(owner: ProcessHandle, options: TcpOptions, sock: net.Socket, via: 'accept' | 'connect') {
    super(owner, options);
    this.stream = new NetStream(sock, new TcpReceiver(this, options.active), writeLimits(options));
    if (options.nodelay) sock.setNoDelay(true);
    if (options.keepalive) sock.setKeepAlive(true);
    if (via === 'accept') this.go('ACCEPTED');
    else {
      this.go('CONNECT');
      this.go('CONNECTED');
    }
    this.stream.events.flow();
  }

  override get counters(): IoCounters {
    return this.stream.counters;
  }

  /** The active mode now (`inet:getopts(S, [active])`). */
  get active(): TcpOptions['active'] {
    return this.stream.events.active;
  }

  /** The options with the active mode now, as getopts and setopts see them. */
  override currentOptions(): TcpOptions {
    const active = this.stream.events.active;
    return this.options.active === active ? this.options : { ...this.options, active };
  }

  // ---- ReceiverHost ----

  get readable(): boolean {
    return canRead(this.state);
  }

  get shut(): boolean {
    return this.state === 'closed';
  }

  peerEof(): void {
    if (this.can('PEER_EOF')) this.go('PEER_EOF');
  }

  /** The port can no longer read or write, but its term stays open until close/1. */
  closeIo(reset: boolean): void {
    // After a reset (or a send timeout that closes), inet_drv's socket is no longer connected.
    if (reset) this.#sendError = ['error', 'enotconn'];
    this.stream.events.silence();
    if (this.state !== 'closed') this.go('CLOSE');
    this.stream.failWriters(closed);
    this.stream.destroy();
  }

  closePort(): void {
    this.close('normal');
  }

  resume(): void {
    this.stream.resume();
  }

  pause(): void {
    this.stream.pause();
  }

  // ---- receiving ----

  /**
   * `gen_tcp:recv/3` on this port.
   * @param proc - the caller (any process may read a passive socket)
   * @param length - bytes wanted in raw mode, 0 for what is there
   * @param timeout - milliseconds or `'infinity'`
   */
  recv(proc: ProcessHandle, length: number, timeout: number | 'infinity'): Promise<RecvResult> | RecvResult {
    return this.stream.events.recv(proc, length, timeout);
  }

  /** `inet:setopts/2` on this port. */
  setopts(opts: unknown): 'ok' | typeof einval {
    if (this.state === 'closed') return einval;
    // The hot path of {active, once} servers: a lone {active, V}, no copy of the options.
    if (Array.isArray(opts) && opts.length === 1 && !isList(opts)) {
      const opt: unknown = opts[0];
      if (Array.isArray(opt) && !isList(opt) && opt.length === 2 && opt[0] === 'active') {
        return this.stream.events.setActive(opt[1]);
      }
    }
    const prev = this.options;
    const r = applySetopts(this.currentOptions(), opts);
    const next = r.options;
    this.options = next;
    this.stream.events.active = next.active;
    const sock = this.stream.sock;
    if (prev.nodelay !== next.nodelay) sock.setNoDelay(next.nodelay);
    if (prev.keepalive !== next.keepalive) sock.setKeepAlive(next.keepalive);
    if (
      prev.packet !== next.packet ||
      prev.packetSize !== next.packetSize ||
      prev.buffer !== next.buffer ||
      prev.lineDelimiter !== next.lineDelimiter
    ) {
      this.stream.events.reframe(next);
    }
    this.stream.limits = writeLimits(next);
    if (r.passive) this.tell(['tcp_passive', this.port]);
    this.stream.events.pump();
    return r.reply;
  }

  // ---- sending ----

  /**
   * `gen_tcp:send/2` on this port.
   * @param proc - the caller
   * @param data - iodata
   */
  send(proc: ProcessHandle, data: unknown): Promise<SendResult> {
    if (!canWrite(this.state)) return Promise.resolve(this.#sendError);
    let buf = toBuffer(data);
    if (buf === undefined) return Promise.resolve(einval);
    const p = this.options.packet;
    if (p === 1 || p === 2 || p === 4) {
      if (buf.length >= 2 ** (8 * p)) return Promise.resolve(['error', 'emsgsize']);
      const h = Buffer.allocUnsafe(p + buf.length);
      h.writeUIntBE(buf.length, 0, p);
      buf.copy(h, p);
      buf = h;
    }
    if (this.stream.busy) return this.#sendLater(proc, buf);
    this.stream.write(buf);
    return OK_PROMISE;
  }

  async #sendLater(proc: ProcessHandle, buf: Buffer): Promise<SendResult> {
    const r = await this.stream.waitWritable(proc, this.options.sendTimeout, () => this.#sendTimedOut());
    if (r !== 'ok') return r;
    if (!canWrite(this.state)) return this.#sendError;
    this.stream.write(buf);
    return 'ok';
  }

  #sendTimedOut(): WriteResult {
    if (this.options.sendTimeoutClose) this.closeIo(true);
    return ['error', 'timeout'];
  }

  get pending(): number {
    return this.stream.pending;
  }

  // ---- closing ----

  /**
   * `gen_tcp:shutdown/2`.
   * @param how - `read`, `write` or `read_write`
   */
  shutdown(how: 'read' | 'write' | 'read_write'): 'ok' | typeof closed {
    if (this.state === 'closed') return closed;
    if (how !== 'write') this.stream.shutdownRead();
    if (how !== 'read' && this.can('SHUTDOWN_WRITE')) {
      this.go('SHUTDOWN_WRITE');
      this.stream.shutdownWrite();
    }
    return 'ok';
  }

  protected release(): void {
    this.stream.events.close();
    this.stream.failWriters(closed);
    const [on, secs] = this.options.linger;
    this.stream.close(on && secs === 0);
  }

  states(): List<string> {
    const s = new List<string>();
    if (this.gone) s.push('closed');
    else if (this.state === 'closed') s.push('open');
    else s.push('connected', 'open');
    if (this.stream.busy) s.push('busy');
    return s;
  }

  sockname(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'accept' ? local.path : Buffer.alloc(0)];
    return this.stream.sockname();
  }

  iRow(): InetRow {
    const s = this.state;
    const state = s === 'closed' ? 'CLOSED(O)' : s === 'connected' ? 'CONNECTED(O)' : `${s.toUpperCase()}(O)`;
    return { module: 'inet_tcp', state, type: 'STREAM' };
  }

  peername(): Endpoint | null {
    const local = this.local;
    if (local !== null) return ['local', local.via === 'connect' ? local.path : Buffer.alloc(0)];
    return this.stream.peername();
  }
}
