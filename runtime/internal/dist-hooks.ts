/**
 * What the runtime asks of the distribution: signals to processes of other nodes. The runtime
 * itself knows nothing of connections, EPMD or the external term format; net_kernel installs a
 * {@link Distribution} when it starts and removes it when it stops. While none is installed this
 * node is not distributed (`nonode@nohost`), and signals to other nodes behave as OTP's do on a
 * node that is not alive: a message is dropped, a link or monitor ends at once with
 * `noconnection`.
 *
 * Every method is called synchronously by the runtime, in the signalling process's turn, and must
 * not throw: a signal to a node that cannot be reached is dropped or answered with `noconnection`
 * by the distribution later, as in OTP.
 */

import type { Pid, Ref } from './terms.js';

/** The distribution, as the runtime calls it. */
export interface Distribution {
  /** `To ! Msg` for a pid of another node. */
  send(from: Pid, to: Pid, msg: unknown): void;
  /** `{Name, Node} ! Msg` for another node. */
  regSend(from: Pid, name: string, node: string, msg: unknown): void;
  /** A message to an alias of another node's process. */
  aliasSend(from: Pid, alias: Ref, msg: unknown): void;
  /** `from` linked itself to the remote `to`. */
  link(from: Pid, to: Pid): void;
  /** `from` removed its link with the remote `to`. */
  unlink(from: Pid, to: Pid): void;
  /**
   * An exit signal to the remote `to`: from a link when `linked` (the local `from` died with
   * `reason`), else from `exit(To, Reason)`.
   */
  exit(from: Pid, to: Pid, reason: unknown, linked: boolean): void;
  /** `from` monitors `target` (a pid, or a name) on `node` under `ref`. */
  monitor(from: Pid, target: Pid | string, node: string, ref: Ref): void;
  /** `from` removed (or by dying, dropped) its monitor `ref` of `target` on `node`. */
  demonitor(from: Pid, target: Pid | string, node: string, ref: Ref): void;
  /** The monitored local process (`item`, its pid or name) died: tell the remote `watcher`. */
  monitorExit(item: Pid | string, watcher: Pid, ref: Ref, reason: unknown): void;
  /** The nodes of `nodes(Arg)`: `visible`, `hidden`, `connected`, `known` (never `this`). */
  nodes(kinds: readonly ('visible' | 'hidden' | 'connected' | 'known')[]): string[];
  /**
   * `monitor_node(Node, Flag)` for `proc` (one more monitor with `true`, one fewer with `false`); a
   * node not connected is tried, and `{nodedown, Node}` comes if it cannot be reached.
   */
  monitorNode(proc: ProcessLike, node: string, flag: boolean): void;
  /** erlang:get_cookie/0,1. */
  getCookie(node?: string): string;
  /** erlang:set_cookie/1,2. */
  setCookie(cookie: string, node?: string): void;
  /** erlang:disconnect_node/1: whether the node was connected (OTP answers `true` then too). */
  disconnect(node: string): boolean | 'ignored';
  /**
   * erlang:spawn_request/5 to another node: sends the request under `reqId`; the reply (or its
   * failure) reaches `proc` as the options say.
   */
  spawnRequest(proc: ProcessLike, reqId: Ref, node: string, mfa: SpawnMfa, opts: SpawnRequestOptions): void;
  /** erlang:spawn_request_abandon/1: whether the request was still waiting for its reply. */
  spawnRequestAbandon(reqId: Ref): boolean;
}

/** What a spawn request runs: `Module:Function(Args...)`. */
export interface SpawnMfa {
  readonly module: string;
  readonly function: string;
  readonly args: readonly unknown[];
}

/** spawn_request's options, checked. */
export interface SpawnRequestOptions {
  readonly link: boolean;
  readonly monitor: boolean;
  /** `yes`, `no`, `error_only` or `success_only`. */
  readonly reply: 'yes' | 'no' | 'error_only' | 'success_only';
  readonly replyTag: unknown;
}

/** What the distribution needs of a local process for node monitors: its pid and mailbox. */
export interface ProcessLike {
  readonly pid: Pid;
  offer(msg: unknown): void;
  onExit(listener: (reason: unknown) => void): void;
}

/** The installed distribution, or null while this node is not distributed. */
export let distribution: Distribution | null = null;

/** Installs (or with null removes) the distribution: net_kernel's start and stop. */
export function setDistribution(d: Distribution | null): void {
  distribution = d;
}
