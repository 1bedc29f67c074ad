/**
 * What every gen_tcp port has, listening or connected: the `Port` term, the controlling
 * process, the options, the lifecycle state, monitors and counters; and the table of open
 * ports that `inet:i/0` lists and every socket function looks a `Port` up in.
 */
import { Port, type List } from 'erlts';
import {
  MonitorSet,
  deliver,
  enterPort,
  leavePort,
  type OwnedResource,
  type ProcessHandle,
} from '../../../runtime/internal/driver-api.js';
import { nextTcpState, initialTcpState, type TcpEvent, type TcpState } from './lifecycle.js';
import type { TcpOptions } from './options.js';
import { NO_COUNTS, type IoCounters } from '../node/counters.js';

/** The open ports, by term. A port leaves it when it is closed (close/1 or owner death). */
const open = new Map<Port, InetPort>();

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

export abstract class InetPort implements OwnedResource {
  readonly port = new Port();
  owner: ProcessHandle;
  options: TcpOptions;
  /** Where the port is in its lifecycle (lifecycle.ts): moved only by `go`. */
  #state: TcpState = initialTcpState;
  /** Monitors on this port (inet:monitor/1). */
  readonly monitors = new MonitorSet();

  constructor(owner: ProcessHandle, options: TcpOptions) {
    this.owner = owner;
    this.options = options;
    owner.own(this);
    open.set(this.port, this);
    enterPort(this, 'tcp_inet');
  }

  /** Moves the lifecycle on; an event the machine does not allow here is a bug. */
  go(event: TcpEvent): void {
    const next = nextTcpState(this.#state, event);
    if (next === undefined) throw new Error(`tcp lifecycle: ${event} in state ${this.#state}`);
    this.#state = next;
  }

  /** Where the port is in its lifecycle. */
  get state(): TcpState {
    return this.#state;
  }

  /** Whether the lifecycle allows `event` now. */
  can(event: TcpEvent): boolean {
    return nextTcpState(this.#state, event) !== undefined;
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
    // OTP 25 tags this DOWN `process`: the port dies through its link to the owner.
    this.close(reason, 'process');
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
    if (this.state !== 'closed') this.go('CLOSE');
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
  currentOptions(): TcpOptions {
    return this.options;
  }

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
        return Math.floor(c.recvDvi);
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
 * @returns the port, `undefined` for a closed port, `null` for a term that is no gen_tcp port
 */
export function lookupPort(term: unknown): InetPort | undefined | null {
  if (!(term instanceof Port)) return null;
  return open.get(term);
}

/** Every open port, oldest first. */
export function openPorts(): IterableIterator<InetPort> {
  return open.values();
}
