/**
 * A datagram endpoint over `node:dgram`, the adapter for the socket module's dgram sockets (and
 * later gen_udp). Datagrams wait in a bounded queue until read; readers wait in a queue of
 * `Waiter`s (the runtime's driver API), so a killed reader leaves it and a timeout or a
 * close settles it, as for streams.
 *
 * UDP has no flow control: a datagram arriving when the queue is full is dropped, as the
 * kernel drops one arriving at a full receive buffer (docs/DEVIATIONS.md).
 */
import * as dgram from 'node:dgram';
import {
  Waiter,
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

export type Datagram = { readonly data: Buffer; readonly address: string; readonly port: number };
export type RecvFromResult = readonly ['ok', Datagram] | readonly ['error', NodeFailure | 'cancelled'];

export class DgramPort {
  readonly sock: dgram.Socket;
  readonly #queue: Datagram[] = [];
  readonly readers: Waiter<RecvFromResult>[] = [];
  #bound = false;
  #closed = false;
  /** Datagrams dropped on a full queue. */
  dropped = 0;
  /** Counters (socket:info/1): datagrams taken by readers, and sent. */
  readonly counters = new IoCounters();

  constructor(family: 'inet' | 'inet6') {
    this.sock = dgram.createSocket({ type: family === 'inet6' ? 'udp6' : 'udp4' });
    const gate = ioGate();
    this.sock.on('message', (data: Buffer, rinfo: dgram.RemoteInfo) =>
      gated(gate, () => this.#onMessage(data, rinfo)),
    );
    this.sock.on('error', () => undefined);
  }

  #onMessage(data: Buffer, rinfo: dgram.RemoteInfo): void {
    const d = { data, address: rinfo.address, port: rinfo.port };
    const r = this.readers[0];
    if (r !== undefined) r.settle(['ok', d]);
    else if (this.#queue.length < DATAGRAM_QUEUE) this.#queue.push(d);
    else this.dropped++;
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
      this.sock.bind(opts, () => {
        this.sock.removeListener('error', onError);
        this.#bound = true;
        resolve('ok');
      });
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
    return new Promise((resolve) => {
      const done = (err: Error | null): void => {
        this.#bound = true;
        resolve(this.#sent(data, err));
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
    if (this.connected) {
      this.sock.disconnect();
      this.connected = false;
    }
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

  /** Whether `connect` made this endpoint send to one peer. */
  connected = false;

  /**
   * Sends one datagram to the connected peer.
   * @returns `ok` or `{error, Posix}`
   */
  send(data: Buffer): Promise<'ok' | readonly ['error', NodeFailure]> {
    if (this.#closed) return Promise.resolve(['error', 'closed']);
    return new Promise((resolve) => {
      try {
        this.sock.send(data, (err) => resolve(this.#sent(data, err)));
      } catch (err) {
        resolve(this.#sent(data, err as Error));
      }
    });
  }

  /** A send's result, counted when it went. */
  #sent(data: Buffer, err: Error | null): 'ok' | readonly ['error', NodeFailure] {
    if (err !== null) return ['error', posixFromNodeError(err)];
    this.counters.countSend(data.length);
    return 'ok';
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
    else this.#queue.unshift(d);
  }

  /**
   * Takes the next datagram, waiting up to `timeout`.
   * @param proc - the caller
   * @param timeout - milliseconds or `'infinity'`
   */
  recvfrom(proc: ProcessHandle, timeout: number | 'infinity'): Promise<RecvFromResult> | RecvFromResult {
    if (this.#closed) return ['error', 'closed'];
    const d = this.readers.length === 0 ? this.#queue.shift() : undefined;
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

  /** Closes the endpoint: waiting readers get `{error, closed}`. */
  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    settleAll(this.readers, ['error', 'closed']);
    this.#queue.length = 0;
    this.sock.close();
  }
}
