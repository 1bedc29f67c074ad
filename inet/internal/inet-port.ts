/**
 * What every inet port has, gen_tcp's (listening or connected) and gen_udp's: the `Port` term,
 * the controlling process, the options, the lifecycle state, monitors and counters; and the
 * table of open ports that `inet:i/0` lists and every socket function looks a `Port` up in.
 *
 * What differs by kind is behind abstract members: the options' record and its setopts and
 * getopts, the lifecycle machine, the messages the port sends its owner, and the `inet:i/0` row.
 */
import { List, Port, type Pid } from 'erlts';
import {
  MonitorSet,
  deliver,
  enterPort,
  leavePort,
  type OwnedResource,
  type ProcessHandle,
} from '../../runtime/internal/driver-api.js';
import type { Lifecycle } from './lifecycle.js';
import type { Einval } from './option-table.js';
import { NO_COUNTS, type IoCounters } from './node/counters.js';

/** The open ports, by term. A port leaves it when it is closed (close/1 or owner death). */
const open = new Map<Port, AnyInetPort>();

/** A socket address as inet:sockname/1 gives it: `{IP, Port}` or `{local, Path}` (Path a binary). */
export type Endpoint = readonly [unknown, number] | readonly ['local', Buffer];

/** Counters of `inet:getstat/1`, in OTP's order. */
export const statNames = [
  'recv_oct',
  'recv_cnt',
  'recv_max',
  'recv_avg',
  'recv_dvi',
  'send_oct',
  'send_cnt',
  'send_max',
  'send_avg',
  'send_pend',
] as const;
export type StatName = (typeof statNames)[number];

/** An inet port of any kind. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyInetPort = InetPort<any, string, string>;

/** What an `inet:i/0` row says of a port's kind and state. */
export interface InetRow {
  readonly module: string;
  readonly state: string;
  readonly type: 'STREAM' | 'DGRAM';
}

/**
 * @typeParam O - the options' record
 * @typeParam S - the lifecycle's states, `closed` among them
 * @typeParam E - the lifecycle's events, `CLOSE` among them
 */
export abstract class InetPort<
  O extends object,
  S extends string,
  E extends string,
> implements OwnedResource {
  readonly port = new Port();
  owner: ProcessHandle;
  options: O;
  /** Where the port is in its lifecycle (lifecycle.ts): moved only by `go`. */
  #state: S;
  /** Monitors on this port (inet:monitor/1). */
  readonly monitors = new MonitorSet();

  /**
   * @param owner - the controlling process
   * @param options - the port's options
   * @param driver - the port's name in `erlang:ports/0` terms (`tcp_inet`, `udp_inet`)
   */
  constructor(owner: ProcessHandle, options: O, driver: string) {
    this.owner = owner;
    this.options = options;
    this.#state = this.lifecycle().initial;
    owner.own(this);
    open.set(this.port, this);
    enterPort(this, driver);
  }

  /** The kind's lifecycle machine (a method on the prototype: nothing per port). */
  protected abstract lifecycle(): Lifecycle<S, E>;

  /** Moves the lifecycle on; an event the machine does not allow here is a bug. */
  go(event: E): void {
    const lifecycle = this.lifecycle();
    const next = lifecycle.next(this.#state, event);
    if (next === undefined)
      throw new Error(`${lifecycle.machine.id} lifecycle: ${event} in state ${this.#state}`);
    this.#state = next;
  }

  /** Where the port is in its lifecycle. */
  get state(): S {
    return this.#state;
  }

  /** Whether the lifecycle allows `event` now. */
  can(event: E): boolean {
    return this.lifecycle().next(this.#state, event) !== undefined;
  }

  /** Whether `close/1` has run (or the owner died): the port is gone. */
  get gone(): boolean {
    return open.get(this.port) !== this;
  }

  /** Hands the port to `to` (controlling_process). */
  setOwner(to: ProcessHandle): void {
    this.owner.disown(this);
    this.owner = to;
    to.own(this);
  }

  /** Sends `msg` to the owner (a dead owner has closed the port already). */
  tell(msg: unknown): void {
    deliver(this.owner, msg);
  }

  /** The owner died: the port closes with it, and its monitors see the owner's reason. */
  ownerExited(_owner: ProcessHandle, reason: unknown): void {
    this.close(reason, this.ownerDeathTag);
  }

  /**
   * The tag of the monitors' DOWN when the owner's death closes the port: OTP 25 tags a TCP
   * port's `process` (it dies through its link to the owner), a UDP port's `port`.
   */
  protected get ownerDeathTag(): 'port' | 'process' {
    return 'process';
  }

  /** `inet:info/1`'s `input`: the bytes read (a UDP port's stays 0, as OTP 25's). */
  get infoInput(): number {
    return this.counters.recvOct;
  }

  /** `inet:info/1`'s `monitors`: who monitors the port. */
  infoMonitors(): List<readonly ['process', Pid]> {
    return new List(...this.monitors.watchers().map((pid) => ['process', pid] as const));
  }

  /**
   * Closes the port for good: Node resources released, waiters failed, monitors fired.
   * @param reason - what the monitors' DOWN carries (`normal` for close/1)
   */
  close(reason: unknown = 'normal', tag: 'port' | 'process' = 'port'): void {
    if (this.gone) return;
    open.delete(this.port);
    leavePort(this.port);
    this.owner.disown(this);
    if (this.state !== 'closed') this.go('CLOSE' as E);
    this.release();
    this.monitors.fire((ref) => ['DOWN', ref, tag, this.port, reason]);
  }

  /** Releases the Node side and fails every waiter; called once by close. */
  protected abstract release(): void;

  /** `inet:info/1`'s `states`. */
  abstract states(): List<string>;

  /** Local address, or null when there is none (closed, unbound). */
  abstract sockname(): Endpoint | null;

  /** Peer address, or null. */
  abstract peername(): Endpoint | null;

  /** The options as getopts reads them. */
  currentOptions(): O {
    return this.options;
  }

  /**
   * `inet:setopts/2` on this port (an open one: the caller answers einval for a closed one).
   * @returns `ok` or `{error, einval}`
   * @throws ErlangError `{bad_generator, Opts}` when `opts` is not a list
   */
  abstract setopts(opts: unknown): 'ok' | Einval;

  /**
   * `inet:getopts/2` on this port.
   * @returns `{ok, [{Name, Value}]}` in the order asked, or `{error, einval}`
   */
  abstract getopts(names: unknown): readonly ['ok', List<[string, unknown]>] | Einval;

  /** Whether `msg` is one the port sent its owner, which `controlling_process` moves on. */
  abstract carries(msg: readonly unknown[]): boolean;

  /** The tag of the message telling the owner the port closed (`tcp_closed`, `udp_closed`). */
  abstract get closedTag(): string;

  /** `inet:i/0`'s module, state and type for this port. */
  abstract iRow(): InetRow;

  /** Bytes still queued for sending (send_pend). */
  abstract get pending(): number;

  /** Bytes and packets read and written (inet:getstat/1); none for a listening port. */
  get counters(): IoCounters {
    return NO_COUNTS;
  }

  /** `inet:getstat/1`'s values by name. */
  stat(name: StatName): number {
    const c = this.counters;
    switch (name) {
      case 'recv_oct':
        return c.recvOct;
      case 'recv_cnt':
        return c.recvCnt;
      case 'recv_max':
        return c.recvMax;
      case 'recv_avg':
        return c.recvCnt === 0 ? 0 : Math.floor(c.recvOct / c.recvCnt);
      case 'recv_dvi':
        return Math.trunc(Math.abs(c.recvDvi));
      case 'send_oct':
        return c.sendOct;
      case 'send_cnt':
        return c.sendCnt;
      case 'send_max':
        return c.sendMax;
      case 'send_avg':
        return c.sendCnt === 0 ? 0 : Math.floor(c.sendOct / c.sendCnt);
      case 'send_pend':
        return this.pending;
    }
  }
}

/**
 * The open port behind `term`, or undefined when it is a closed port.
 * @param term - what the caller passed as a socket
 * @returns the port, `undefined` for a closed port, `null` for a term that is no inet port
 */
export function lookupPort(term: unknown): AnyInetPort | undefined | null {
  if (!(term instanceof Port)) return null;
  return open.get(term);
}

/** Every open port, oldest first. */
export function openPorts(): IterableIterator<AnyInetPort> {
  return open.values();
}
