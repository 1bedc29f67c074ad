/**
 * A socket of OTP's `socket` module: its term, owner, lifecycle state (lifecycle.ts, one
 * machine per kind), the Node endpoint below it, and its pending nowait calls.
 *
 * Below a stream socket are the Node adapters gen_tcp's ports use too (inet/internal/node/): a
 * listening socket holds a `NetListener` and its accept queue, a connected one a
 * `SocketStream` (stream.ts: the NIF's read and end-of-stream rules over a `NetStream`). A
 * datagram socket holds a `DgramPort` (node:dgram). The socket is owned by its controlling
 * process: its death closes the socket and what is below it.
 *
 * What this layer adds is the socket module's calling convention (the calls are
 * connection.ts, data.ts and transfer.ts):
 *
 *   recv(S, N, nowait)  data there  → {ok, Data}
 *                       none        → {select, {select_info, recv, Handle}}, and a read is
 *                                     started for the caller; when it completes the caller
 *                                     gets {'$socket', S, select, Handle} and the result is
 *                                     kept for its next recv (which returns it at once)
 *   close(S)            every pending nowait caller gets {'$socket', S, abort, {Handle, closed}}
 *
 * Readers of several processes take turns (`Turn`), oldest first.
 */
import { List, make_ref, Ref } from 'erlts';
import {
  MonitorSet,
  Waiter,
  deliver,
  formatTerm,
  settleAll,
  type OwnedResource,
  type ProcessHandle,
} from '../../runtime/internal/driver-api.js';
import type { Endpoint } from '../../inet/internal/inet-port.js';
import type { NetListener } from '../../inet/internal/node/net-listener.js';
import type { DgramPort, Datagram } from '../../inet/internal/udp/dgram.js';
import type { SocketStream } from './stream.js';
import {
  dgramLifecycle,
  streamLifecycle,
  type Lifecycle,
  type SocketEvent,
  type SocketState,
} from './lifecycle.js';

/**
 * A socket of OTP's `socket` module, `socket:socket()`, as `open` and `accept` give it. It
 * prints as OTP prints one, `{'$socket',#Ref<...>}`, and matches by identity, so a receive
 * pattern names it where Erlang's does (`{'$socket', S, select, Handle}`). Only the socket
 * module makes one.
 * @example
 * // {ok, S} = socket:open(inet, stream, tcp),
 * // io:format("~p~n", [S])   % {'$socket',#Ref<0.3945132607.998899714.187453>}
 * const S = ok(await socket.open('inet', 'stream', 'tcp'));
 * io.format('~p~n', [S]);
 * @see https://www.erlang.org/docs/25/man/socket.html#type-socket
 */
export class Socket {
  /** @internal */
  readonly ref: Ref;
  /** @internal */
  constructor(ref: Ref) {
    this.ref = ref;
  }
  [formatTerm](): string {
    return `{'$socket',${this.ref.toString()}}`;
  }
  /** The socket as OTP prints it: `{'$socket',#Ref<...>}`. */
  toString(): string {
    return this[formatTerm]();
  }
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this[formatTerm]();
  }
}

export type Domain = 'inet' | 'inet6' | 'local';
export type SocketType = 'stream' | 'dgram';
/** The protocol as socket:info/1 names it: a local stream's is `ip` (or `icmp`: see create.ts). */
export type Protocol = 'tcp' | 'udp' | 'ip' | 'icmp';

/** A well-formed socket address: an IP endpoint, or a local path. */
export type Target =
  | {
      readonly family: 'inet' | 'inet6';
      readonly ip: readonly number[] | 'any' | 'loopback';
      readonly port: number;
    }
  | { readonly family: 'local'; readonly path: Buffer };

/** What a nowait call left behind: its handle, who waits, and the result once it came. */
export interface Pending {
  readonly kind: 'accept' | 'connect' | 'recv' | 'recvfrom' | 'recvmsg' | 'send' | 'sendmsg' | 'sendfile';
  readonly handle: unknown;
  readonly proc: ProcessHandle;
  result: readonly unknown[] | 'ok' | null;
  /** Stops the background call while it still waits for its turn. */
  cancel?: () => void;
}

/**
 * A queue of callers taking turns at one operation: the socket module lets later readers
 * (or acceptors) wait, oldest first, where the port below serves one at a time.
 */
export class Turn {
  #busy = false;
  readonly #queue: Waiter<'go' | 'closed'>[] = [];

  /**
   * Waits for the caller's turn.
   * @returns `go`, or `closed` when the socket closed first
   */
  acquire(proc: ProcessHandle): Promise<'go' | 'closed'> | 'go' {
    if (!this.#busy) {
      this.#busy = true;
      return 'go';
    }
    return new Waiter<'go' | 'closed'>(proc, this.#queue).promise;
  }

  /** Passes the turn to the next caller. */
  release(): void {
    const next = this.#queue[0];
    if (next === undefined) this.#busy = false;
    else next.settle('go');
  }

  /** Whether someone holds the turn. */
  get busy(): boolean {
    return this.#busy;
  }

  /** The socket closed: everyone waiting is told. */
  close(): void {
    settleAll(this.#queue, 'closed');
  }
}

/** The registry: every open socket (socket:which_sockets/0, number_of/0). */
const registry = new Map<Socket, ESocket>();
/** Closed sockets stay known (weakly) so calls on them answer `closed`, not badarg. */
const closedSockets = new WeakMap<Socket, ESocket>();

export class ESocket implements OwnedResource {
  readonly term = new Socket(make_ref());
  owner: ProcessHandle;
  /** Where the socket is in its kind's lifecycle (lifecycle.ts): moved only by `go`. */
  #state: SocketState;
  readonly #lifecycle: Lifecycle<SocketState, SocketEvent>;
  /** A stream socket's listener (from bind or listen), or its connected stream. */
  listener: NetListener<Socket, 'cancelled'> | null = null;
  stream: SocketStream | null = null;
  /** The stream's own address, kept: Node forgets it when a reset ends the stream, the kernel does not. */
  streamName: Endpoint | null = null;
  /** A datagram socket's endpoint. */
  dgram: DgramPort | null = null;
  /** Where bind put it, for a later connect. */
  bound: Target | null = null;
  readonly pending: Pending[] = [];
  /** Readers wait their turn here, oldest first (the port below serves one at a time). */
  readonly readTurn = new Turn();
  readonly monitors = new MonitorSet();
  /** Options set with setopt, by `level.name` (socket/internal/options.ts). */
  readonly options = new Map<string, unknown>();
  /** socket:info/1's counters. */
  readonly counters = {
    read_tries: 0,
    read_waits: 0,
    read_fails: 0,
    write_tries: 0,
    write_waits: 0,
    write_fails: 0,
    acc_tries: 0,
    acc_waits: 0,
    acc_fails: 0,
    acc_success: 0,
    /** A stream's bytes and completed reads, as calls take them (a datagram port counts its own). */
    read_byte: 0,
    read_pkg: 0,
    read_pkg_max: 0,
  };
  readonly useRegistry: boolean;
  /**
   * The NIF's state flags that socket:info/1 shows and that stay once set: `listening`,
   * `selected` on either side (a call had to wait), `connected` on the write side (set by a
   * connect, and on a listening socket by its first accept, as OTP 25 shows).
   */
  listened = false;
  readSelected = false;
  writeSelected = false;
  writeConnected = false;
  /** The file of a nowait sendfile, for the call that continues it with the select info. */
  sendfileFrom: unknown = null;
  /** Blocking accepts in progress (nowait ones are in `pending`). */
  accepting = 0;

  constructor(
    owner: ProcessHandle,
    readonly domain: Domain,
    readonly type: SocketType,
    readonly protocol: Protocol,
    useRegistry: boolean,
  ) {
    this.owner = owner;
    this.useRegistry = useRegistry;
    this.#lifecycle = type === 'stream' ? streamLifecycle : dgramLifecycle;
    this.#state = this.#lifecycle.initial;
    owner.own(this);
    registry.set(this.term, this);
  }

  /** Moves the lifecycle on; an event the machine does not allow here is a bug. */
  go(event: SocketEvent): void {
    const next = this.#lifecycle.next(this.#state, event);
    if (next === undefined) throw new Error(`socket lifecycle: ${event} in state ${this.#state}`);
    this.#state = next;
  }

  /** Where the socket is in its kind's lifecycle. */
  get state(): SocketState {
    return this.#state;
  }

  /** Whether the lifecycle allows `event` now. */
  can(event: SocketEvent): boolean {
    return this.#lifecycle.next(this.#state, event) !== undefined;
  }

  /** Takes a connected stream. */
  setStream(stream: SocketStream): void {
    this.stream = stream;
    this.streamName = stream.sockname();
  }

  /** The descriptor below (getopt otp fd), or -1 while Node has made none (not bound, not connected). */
  fd(): number {
    const of = (o: unknown): number | undefined =>
      (o as { _handle?: { fd?: number } } | undefined)?._handle?.fd;
    return of(this.stream?.sock) ?? of(this.listener?.server) ?? this.dgram?.fd() ?? -1;
  }

  /** socket:info/1's `rstates` and `wstates`. */
  states(): [List<string>, List<string>] {
    const r = new List<string>();
    const w = new List<string>();
    if (this.bound !== null) r.push('bound');
    if (this.listened) r.push('listening');
    if (this.accepting > 0 || this.pending.some((p) => p.kind === 'accept')) r.push('accepting');
    if (this.readSelected) r.push('selected');
    if (this.state === 'connecting') w.push('connecting');
    else if (this.writeConnected) w.push('connected');
    if (this.writeSelected) w.push('selected');
    if (this.closed) {
      r.push('closing', 'closed');
      w.push('closing', 'closed');
    }
    return [r, w];
  }

  /** Hands the socket to `to` (setopt otp controlling_process). */
  setOwner(to: ProcessHandle): void {
    this.owner.disown(this);
    this.owner = to;
    to.own(this);
  }

  /** The owner died: the socket closes. */
  ownerExited(): void {
    this.close();
  }

  /** Whether `close` has run. */
  get closed(): boolean {
    return this.state === 'closed';
  }

  /**
   * Records a nowait call and returns it, with its select info.
   * @param kind - the operation
   * @param proc - the caller
   * @param handle - the caller's own ref, or a fresh one for `nowait`
   */
  select(kind: Pending['kind'], proc: ProcessHandle, handle: unknown): Pending {
    const p: Pending = { kind, handle, proc, result: null };
    this.pending.push(p);
    return p;
  }

  /** The background operation of a nowait call completed: keep its result, tell the caller. */
  selected(p: Pending, result: readonly unknown[] | 'ok'): void {
    if (this.closed || !this.pending.includes(p)) {
      // Cancelled or aborted meanwhile: an accepted socket nobody will take is closed.
      if (Array.isArray(result) && result[0] === 'ok') lookupSocket(result[1])?.close();
      return;
    }
    p.result = result;
    deliver(p.proc, ['$socket', this.term, 'select', p.handle]);
  }

  /** A nowait send may go on: the caller is told, and its next send is a new call. */
  ready(p: Pending): void {
    const i = this.pending.indexOf(p);
    if (this.closed || i < 0) return;
    this.pending.splice(i, 1);
    deliver(p.proc, ['$socket', this.term, 'select', p.handle]);
  }

  /** Takes the kept result of `kind` for `proc`'s retried call, if there is one. */
  take(kind: Pending['kind'], proc: ProcessHandle): readonly unknown[] | 'ok' | null {
    const i = this.pending.findIndex((p) => p.kind === kind && p.proc === proc && p.result !== null);
    if (i < 0) return null;
    const [p] = this.pending.splice(i, 1);
    return (p as Pending).result;
  }

  /**
   * Drops a pending operation: its background call on the port ends, and a result already
   * kept (an accepted socket) is released.
   */
  drop(p: Pending): void {
    const i = this.pending.indexOf(p);
    if (i < 0) return;
    this.pending.splice(i, 1);
    const cancelled = ['error', 'cancelled'] as const;
    const read = p.kind === 'recv' || p.kind === 'recvfrom' || p.kind === 'recvmsg';
    if (read) this.stream?.reader.cancelRecv(p.proc, cancelled);
    if (read) this.dgram?.cancelRecv(p.proc, cancelled);
    if (p.kind === 'accept') this.listener?.cancel(p.proc, cancelled);
    if (p.kind === 'send' || p.kind === 'sendmsg' || p.kind === 'sendfile') {
      this.stream?.cancelSend(p.proc, cancelled);
    }
    const kept = p.result;
    if (Array.isArray(kept) && kept[0] === 'ok') {
      // What a cancelled read had taken goes back to be read again; a socket nobody will
      // take is closed.
      if (read && Buffer.isBuffer(kept[1])) this.stream?.reader.unread(kept[1]);
      else if (read && this.dgram !== null) this.dgram.unread(kept[1] as Datagram);
      else lookupSocket(kept[1])?.close();
    }
    p.cancel?.();
  }

  /** The pending operation of `kind` whose handle is `handle`. */
  find(kind: unknown, handle: unknown): Pending | undefined {
    return this.pending.find((p) => p.kind === kind && p.handle === handle);
  }

  /**
   * A synchronous call by a process whose nowait call of the same kind is pending: that one is
   * aborted with `cancelled`, as the socket NIF does.
   */
  abortOwn(kind: Pending['kind'], proc: ProcessHandle): void {
    const p = this.pending.find((q) => q.kind === kind && q.proc === proc && q.result === null);
    if (p === undefined) return;
    this.drop(p);
    deliver(proc, ['$socket', this.term, 'abort', [p.handle, 'cancelled']]);
  }

  /**
   * Closes the socket: its port, every pending nowait call (abort messages), its monitors.
   */
  close(): void {
    if (this.closed) return;
    this.go('CLOSE');
    registry.delete(this.term);
    closedSockets.set(this.term, this);
    this.owner.disown(this);
    for (const p of this.pending.splice(0)) {
      if (p.result === null) deliver(p.proc, ['$socket', this.term, 'abort', [p.handle, 'closed']]);
      p.cancel?.();
    }
    this.readTurn.close();
    this.listener?.close();
    const linger = this.options.get('socket.linger') as { onoff: boolean; linger: number } | undefined;
    // {linger, #{onoff => true, linger => 0}}: close resets the connection.
    this.stream?.close(linger?.onoff === true && linger.linger === 0);
    this.dgram?.close();
    this.monitors.fire((ref) => ['DOWN', ref, 'socket', this.term, 'closed']);
  }
}

/**
 * The socket behind a term.
 * @returns the socket, or null for a term that is not one
 */
export function lookupSocket(term: unknown): ESocket | null {
  return term instanceof Socket ? (registry.get(term) ?? closedSockets.get(term) ?? null) : null;
}

/** Every open socket, oldest first. */
export function openSockets(): IterableIterator<ESocket> {
  return registry.values();
}
