/**
 * A datagram endpoint over `node:dgram`: the one adapter under the socket module's dgram
 * sockets and gen_udp's ports. A datagram goes to the first waiting reader, else to the
 * consumer (`take`: gen_udp's active delivery), else into a bounded queue until read. Readers
 * wait in a queue of `Waiter`s (the runtime's driver API), so a killed reader leaves it and a
 * timeout or a close settles it, as for streams.
 *
 * UDP has no flow control and `node:dgram` cannot stop reading, so the queue stands for the
 * kernel's receive buffer: a datagram arriving when it is full is dropped, as the kernel drops
 * one arriving at a full buffer. gen_udp bounds it in bytes as Linux charges them against
 * SO_RCVBUF (see {@link kernelCharge}); the socket module by count (docs/DEVIATIONS.md).
 */
import * as dgram from 'node:dgram';
import * as dns from 'node:dns';
import { isIP } from 'node:net';
import {
  Waiter,
  budgeted,
  gated,
  ioGate,
  settleAll,
  settleFor,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import { posixFromNodeError, type NodeFailure } from '../posix.js';
import { IoCounters } from '../node/counters.js';
import { endpointOf } from '../address.js';

/** The most datagrams kept unread; more are dropped. */
export const DATAGRAM_QUEUE = 4096;

/**
 * What one datagram costs in the receive buffer, as Linux charges it (the socket buffer's
 * truesize: its data rounded up to a power of two with headroom, plus the buffer's head).
 * Fitted to OTP 25 on Linux: a passive socket with the default 16 KiB buffer keeps 19
 * datagrams of 10 bytes and 7 of 1,400; with 128 KiB, 157 and 56.
 * @param length - the datagram's bytes
 * @example
 * kernelCharge(10); // 832
 */
export function kernelCharge(length: number): number {
  let block = 512;
  while (block < length + 320) block *= 2;
  return block + 320;
}

/**
 * The socket's name lookup: erlts hands Node address literals only (names are resolved by
 * inet first), which need no lookup; dns.lookup would answer them a tick later.
 */
function literalLookup(
  address: string,
  family: unknown,
  callback: (err: Error | null, address: string, family: number) => void,
): void {
  const version = isIP(address);
  if (version !== 0) callback(null, address, version);
  else dns.lookup(address, family as number, callback);
}

/** What the Node socket is made with (fixed at socket(2) time, before the bind). */
export interface DgramCreateOptions {
  readonly reuseAddr?: boolean;
  readonly reusePort?: boolean;
  readonly ipv6Only?: boolean;
}

export type Datagram = { readonly data: Buffer; readonly address: string; readonly port: number };
export type RecvFromResult = readonly ['ok', Datagram] | readonly ['error', NodeFailure | 'cancelled'];

export class DgramPort {
  readonly sock: dgram.Socket;
  readonly #queue: Datagram[] = [];
  /** What the queued datagrams are charged (kernelCharge), whichever way the queue is bounded. */
  #queued = 0;
  readonly readers: Waiter<RecvFromResult>[] = [];
  #bound = false;
  #closed = false;
  /** Datagrams dropped on a full queue. */
  dropped = 0;
  /** Counters (socket:info/1, inet:getstat/1): datagrams taken and sent. */
  readonly counters = new IoCounters();
  /**
   * The consumer a datagram is offered to when no reader waits (gen_udp's active modes): true
   * when it took it, false to leave it queued.
   */
  take: ((d: Datagram) => boolean) | null = null;
  /** The queue's bound in bytes as the kernel charges them, or undefined to bound it by count. */
  capacity: number | undefined = undefined;
  /**
   * The consumer an asynchronous error (an ICMP port unreachable on a connected socket) is
   * offered to when no reader waits: true when it took it, false to keep it for the next call.
   */
  takeError: ((reason: NodeFailure) => boolean) | null = null;
  /** An error the socket reported that no call has seen yet, as the kernel's SO_ERROR. */
  #pendingError: NodeFailure | null = null;
  /** Whether a send the kernel refuses counts as sent, as inet_drv counts before sending. */
  countFailedSends = false;

  constructor(family: 'inet' | 'inet6', create: DgramCreateOptions = {}) {
    this.sock = dgram.createSocket({
      type: family === 'inet6' ? 'udp6' : 'udp4',
      lookup: literalLookup,
      ...(create.reuseAddr === true ? { reuseAddr: true } : {}),
      ...(create.ipv6Only === true ? { ipv6Only: true } : {}),
      // Node 22.12 and later; older Nodes ignore it (gen_udp refuses the option there).
      ...(create.reusePort === true ? { reusePort: true } : {}),
    } as dgram.SocketOptions);
    const gate = ioGate();
    this.sock.on('message', (data: Buffer, rinfo: dgram.RemoteInfo) =>
      gated(gate, () => this.#onMessage(data, rinfo)),
    );
    this.sock.on('error', (err: Error) => gated(gate, () => this.#onError(err)));
  }

  /** An error of the socket's reading: the kernel's pending error, reported once. */
  #onError(err: Error): void {
    if ((err as { syscall?: unknown }).syscall !== 'recvmsg') return;
    const reason = posixFromNodeError(err);
    const r = this.readers[0];
    if (r !== undefined) r.settle(['error', reason]);
    else if (this.takeError?.(reason) !== true) this.#pendingError = reason;
  }

  /** Takes the pending error, if any. */
  #takePending(): readonly ['error', NodeFailure] | null {
    const e = this.#pendingError;
    if (e === null) return null;
    this.#pendingError = null;
    return ['error', e];
  }

  #onMessage(data: Buffer, rinfo: dgram.RemoteInfo): void {
    const d = { data, address: rinfo.address, port: rinfo.port };
    const r = this.readers[0];
    if (r !== undefined) r.settle(['ok', d]);
    else if (this.take?.(d) !== true) this.#enqueue(d);
  }

  #enqueue(d: Datagram): void {
    const capacity = this.capacity;
    // Linux admits a datagram while what is queued is within the buffer, so one may overshoot.
    const full = capacity === undefined ? this.#queue.length >= DATAGRAM_QUEUE : this.#queued > capacity;
    if (full) {
      this.dropped++;
      return;
    }
    this.#queued += kernelCharge(d.data.length);
    this.#queue.push(d);
  }

  #dequeue(): Datagram | undefined {
    const d = this.#queue.shift();
    if (d !== undefined) this.#queued -= kernelCharge(d.data.length);
    return d;
  }

  /** Offers the queued datagrams to `take`, oldest first, until it leaves one. */
  drain(): void {
    const take = this.take;
    if (take === null) return;
    for (let d = this.#queue[0]; d !== undefined; d = this.#queue[0]) {
      if (!take(d)) return;
      this.#dequeue();
    }
  }

  /** How many datagrams are queued unread. */
  get queued(): number {
    return this.#queue.length;
  }

  /**
   * Binds the endpoint.
   * @returns `ok` or `{error, Posix}`
   */
  bind(address: string, port: number): Promise<'ok' | readonly ['error', NodeFailure]> {
    return this.#bindWith({ address, port, exclusive: true });
  }

  /**
   * Takes a bound UDP descriptor as this endpoint (socket:open/1).
   * @returns `ok` or `{error, Posix}`
   */
  bindFd(fd: number): Promise<'ok' | readonly ['error', NodeFailure]> {
    return this.#bindWith({ fd });
  }

  #bindWith(opts: dgram.BindOptions): Promise<'ok' | readonly ['error', NodeFailure]> {
    return new Promise((resolve) => {
      const onError = (err: Error): void => resolve(['error', posixFromNodeError(err)]);
      this.sock.once('error', onError);
      try {
        this.sock.bind(opts, () => {
          this.sock.removeListener('error', onError);
          this.#bound = true;
          resolve('ok');
        });
      } catch (err) {
        // A descriptor this loop already watches is refused at once (EEXIST).
        this.sock.removeListener('error', onError);
        onError(err as Error);
      }
    });
  }

  /** The descriptor, once bound (Node keeps its handle behind a symbol), else undefined. */
  fd(): number | undefined {
    const state = Object.getOwnPropertySymbols(this.sock).find((k) => k.description === 'state symbol');
    const handle = state === undefined ? undefined : (this.sock as unknown as Record<symbol, unknown>)[state];
    const fd = (handle as { handle?: { fd?: number } } | undefined)?.handle?.fd;
    return typeof fd === 'number' && fd >= 0 ? fd : undefined;
  }

  /** Whether it is bound (explicitly, or by a first send). */
  get bound(): boolean {
    return this.#bound;
  }

  /**
   * Sends one datagram.
   * @returns `ok` or `{error, Posix}`
   */
  sendto(data: Buffer, address: string, port: number): Promise<'ok' | readonly ['error', NodeFailure]> {
    if (this.#closed) return Promise.resolve(['error', 'closed']);
    const pending = this.#takePending();
    if (pending !== null) return Promise.resolve(pending);
    return new Promise((resolve) => {
      const done = (err: Error | null): void => {
        this.#bound = true;
        resolve(budgeted(this.#sent(data, err)));
      };
      try {
        this.sock.send(data, port, address, done);
      } catch (err) {
        done(err as Error);
      }
    });
  }

  /**
   * Connects the endpoint: sends go to `address`, and only its datagrams are received.
   * @returns `ok` or `{error, Posix}`
   */
  connect(address: string, port: number): Promise<'ok' | readonly ['error', NodeFailure]> {
    this.disconnect();
    return new Promise((resolve) => {
      this.sock.connect(port, address, (err?: Error) => {
        if (err !== undefined && err !== null) resolve(['error', posixFromNodeError(err)]);
        else {
          this.#bound = true;
          this.connected = true;
          resolve('ok');
        }
      });
    });
  }

  /** Drops the peer `connect` chose, if any. */
  disconnect(): void {
    if (!this.connected) return;
    this.sock.disconnect();
    this.connected = false;
  }

  /** Whether `connect` made this endpoint send to one peer. */
  connected = false;

  /**
   * Sends one datagram to the connected peer.
   * @returns `ok` or `{error, Posix}`
   */
  send(data: Buffer): Promise<'ok' | readonly ['error', NodeFailure]> {
    if (this.#closed) return Promise.resolve(['error', 'closed']);
    const pending = this.#takePending();
    if (pending !== null) return Promise.resolve(pending);
    return new Promise((resolve) => {
      try {
        this.sock.send(data, (err) => resolve(budgeted(this.#sent(data, err))));
      } catch (err) {
        resolve(this.#sent(data, err as Error));
      }
    });
  }

  /** A send's result, counted when it went. */
  #sent(data: Buffer, err: Error | null): 'ok' | readonly ['error', NodeFailure] {
    if (err === null || this.countFailedSends) this.counters.countSend(data.length);
    return err === null ? 'ok' : ['error', posixFromNodeError(err)];
  }

  /** Counts a datagram a reader took. */
  countRecv(d: Datagram): void {
    this.counters.countRecv(d.data.length);
  }

  /** The connected peer, as `{IP, Port}`, or null. */
  peername(): readonly [unknown, number] | null {
    if (!this.connected || this.#closed) return null;
    const a = this.sock.remoteAddress();
    return endpointOf(a.address, a.port);
  }

  /** Puts a datagram a peek took back in front, for the next reader. */
  unread(d: Datagram): void {
    const r = this.readers[0];
    if (r !== undefined) r.settle(['ok', d]);
    else {
      this.#queue.unshift(d);
      this.#queued += kernelCharge(d.data.length);
    }
  }

  /**
   * Takes the next datagram, waiting up to `timeout`.
   * @param proc - the caller
   * @param timeout - milliseconds or `'infinity'`
   */
  recvfrom(proc: ProcessHandle, timeout: number | 'infinity'): Promise<RecvFromResult> | RecvFromResult {
    if (this.#closed) return ['error', 'closed'];
    const pending = this.readers.length === 0 ? this.#takePending() : null;
    if (pending !== null) return pending;
    const d = this.readers.length === 0 ? this.#dequeue() : undefined;
    if (d !== undefined) return ['ok', d];
    if (timeout === 0) return ['error', 'timeout'];
    return new Waiter<RecvFromResult>(proc, this.readers).timeout(timeout, () => ['error', 'timeout'])
      .promise;
  }

  /**
   * Ends `proc`'s pending read with `result` (cancel and abort).
   * @returns whether there was one
   */
  cancelRecv(proc: ProcessHandle, result: RecvFromResult): boolean {
    return settleFor(this.readers, proc, result);
  }

  /** The local address, as `{IP, Port}`; `{0.0.0.0, 0}` (or `::`) while unbound. */
  sockname(family: 'inet' | 'inet6'): readonly [unknown, number] | null {
    if (!this.#bound) return family === 'inet6' ? [[0, 0, 0, 0, 0, 0, 0, 0], 0] : [[0, 0, 0, 0], 0];
    const a = this.sock.address();
    return endpointOf(a.address, a.port);
  }

  /**
   * Applies a setting to the Node socket.
   * @returns `ok`, or `{error, Posix}` for what Node or the kernel refused
   */
  apply(set: (sock: dgram.Socket) => void): 'ok' | readonly ['error', NodeFailure] {
    try {
      set(this.sock);
      return 'ok';
    } catch (err) {
      return ['error', posixFromNodeError(err)];
    }
  }

  /** Closes the endpoint: waiting readers get `{error, closed}`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    settleAll(this.readers, ['error', 'closed']);
    this.#queue.length = 0;
    this.#queued = 0;
    this.take = null;
    this.sock.close();
  }
}
