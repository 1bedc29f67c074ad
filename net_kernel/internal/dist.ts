/**
 * The distribution as the runtime sees it (runtime/internal/dist-hooks.ts): one connection per
 * node, the control messages that carry messages, links, monitors and exit signals between them,
 * and what happens to all of those when a connection goes.
 *
 * A connection is set up on first use (OTP's `dist_auto_connect once`): signals sent while it is
 * being set up wait in order and go out when it is up, or are answered with `noconnection` when it
 * cannot be made. Frames go out in the order the processes signalled, and incoming frames are
 * handled one by one as they arrive, so the order of signals between two processes is kept, as
 * Erlang guarantees.
 *
 * Frames are pass-through (no atom cache): `112`, the control tuple, and for the operations that
 * carry one, the message, each in the external term format (codec.ts).
 */

import {
  type Distribution,
  type ProcessLike,
  type SpawnMfa,
  type SpawnRequestOptions,
  type Process,
  List,
  Pid,
  Ref,
  deliverLocal,
  toList,
  logReport,
  nodeDownEverywhere,
  processNamed,
  processOf,
  remoteExit,
  thisNodeName,
} from '../../runtime/internal/dist-api.js';
import { Op } from './control.js';
import { ControlCache, Outbox, decodeFrame, reasonFrame } from './codec.js';
import { abandon, replied, requestMade, requestsDown, spawnRequest } from './spawn.js';

/** A set-up connection's transport: whole packets in and out (the handshake is done). */
export interface DistChannel {
  /**
   * Writes `packets` packets, each with its length header already: one Buffer, or parts to
   * write one after another (in one writev).
   */
  write(bytes: Buffer | readonly Buffer[], packets: number): void;
  /** Closes the connection; the down callback is called. */
  close(): void;
  /** Hands each packet that arrives to `cb`. */
  onPacket(cb: (packet: Buffer) => void): void;
  /** Calls `cb` once when the connection is gone, with why. */
  onDown(cb: (reason: unknown) => void): void;
}

/** What a set-up connection tells about the peer. */
export interface PeerInfo {
  readonly name: string;
  readonly flags: bigint;
  readonly creation: number;
  /** Whether the connection is hidden (either side hidden, or the peer not published). */
  readonly hidden: boolean;
}

/** How the distribution opens connections: net_kernel's transport. */
export interface Connector {
  /** Sets up a connection to `node`: the channel and the peer, or an error reason. */
  connect(node: string): Promise<{ channel: DistChannel; peer: PeerInfo } | { error: unknown }>;
  getCookie(node?: string): string;
  setCookie(cookie: string, node?: string): void;
}

/** DFLAG bits the frames depend on. */
const DFLAG_SEND_SENDER = 0x80000n;
const DFLAG_EXIT_PAYLOAD = 0x400000n;
const DFLAG_UNLINK_ID = 0x2000000n;
const DFLAG_ALIAS = 1n << 35n;

/** From this many bytes waiting, an outbox is written at once rather than at the end of the turn. */
const FLUSH_BYTES = 64 * 1024;

type ConnState = 'pending' | 'up';

/** The last connection id given: each connection (each set-up of one) has its own. */
let connectionIds = 0;

/**
 * One connection. Frames go into its outbox as processes signal. The first frame after a quiet
 * spell is written at once, as if there were no outbox; the frames that follow it in the same
 * turn of the event loop are gathered and written in one piece at the end of the turn
 * (process.nextTick: after the promise jobs in which processes run), or whenever FLUSH_BYTES
 * wait. So a lone signal leaves before anything else the signalling code does (a message on
 * another channel cannot overtake it), and a process sending many messages in a row makes one
 * socket write per 64 KiB, not one per message. While the connection is being set up, the
 * outbox keeps what is sent until it is up.
 *
 *   sent ─▶ turn quiet? ─yes─▶ write now, mark the turn (nextTick: write what gathered)
 *                      └─no──▶ gathered ≥ 64 KiB? ─yes─▶ write now
 */
class Connection {
  state: ConnState = 'pending';
  channel: DistChannel | null = null;
  peer: PeerInfo | null = null;
  /** Frames not yet written, in the order signalled. */
  readonly outbox = new Outbox();
  /** The last message control tuple received. */
  readonly controls = new ControlCache();
  /** Whether a frame was written this turn (and the end of the turn will write what gathers). */
  #turnMarked = false;
  /** connect_node calls waiting for the set-up's outcome. */
  waiters: ((up: boolean) => void)[] = [];
  sendSender = true;
  exitPayload = true;
  unlinkId = true;
  alias = true;
  /** OTP's connection id: which instance of the connection to `node` this is (monitor_nodes). */
  readonly id = ++connectionIds;

  constructor(readonly node: string) {}

  up(channel: DistChannel, peer: PeerInfo): void {
    this.channel = channel;
    this.peer = peer;
    this.state = 'up';
    this.sendSender = (peer.flags & DFLAG_SEND_SENDER) !== 0n;
    this.exitPayload = (peer.flags & DFLAG_EXIT_PAYLOAD) !== 0n;
    this.unlinkId = (peer.flags & DFLAG_UNLINK_ID) !== 0n;
    this.alias = (peer.flags & DFLAG_ALIAS) !== 0n;
    this.flush();
  }

  /** A frame went into the outbox: write it now, at the end of the turn, or once up. */
  sent(): void {
    if (this.channel === null) return;
    if (!this.#turnMarked) {
      this.#turnMarked = true;
      process.nextTick(this.#endOfTurn);
      this.flush();
    } else if (this.outbox.size >= FLUSH_BYTES) this.flush();
  }

  readonly #endOfTurn = (): void => {
    this.#turnMarked = false;
    this.flush();
  };

  /** Writes what the outbox holds. */
  flush(): void {
    const packets = this.outbox.packets;
    if (this.channel === null || packets === 0) return;
    this.channel.write(this.outbox.takeFrames(), packets);
  }
}

/** Who watches nodes: monitor_node counts, and net_kernel:monitor_nodes subscribers. */
interface NodeWatcher {
  readonly proc: ProcessLike;
  /** How many monitor_node(Node, true) are on, per node. */
  readonly counts: Map<string, number>;
}

/**
 * A net_kernel:monitor_nodes subscription: its options decide the message's shape. Two
 * subscriptions of a process with the same options are one, counted twice, as OTP keys them.
 */
export interface NodesSubscriber {
  readonly proc: ProcessLike;
  /** Which connections it hears of: `visible` (the default), `hidden` or `all`. */
  readonly nodeType: 'visible' | 'hidden' | 'all';
  /** Whether the options named the node type: only then does the info carry `node_type`. */
  readonly nodeTypeInfo: boolean;
  /**
   * The messages' info: none (`{nodeup, Node}`: no options, or `[]`), a list of `{Key, Value}`
   * (options given as a list), or a map (options given as a map).
   */
  readonly info: 'none' | 'list' | 'map';
  readonly nodedownReason: boolean;
  /** Whether the info carries `connection_id` (what global tells connections apart by). */
  readonly connectionId: boolean;
}

/** Whether two subscriptions have the same options (OTP's key for them). */
function sameOptions(a: NodesSubscriber, b: NodesSubscriber): boolean {
  return (
    a.info === b.info &&
    a.nodeTypeInfo === b.nodeTypeInfo &&
    (!a.nodeTypeInfo || a.nodeType === b.nodeType) &&
    a.nodedownReason === b.nodedownReason &&
    a.connectionId === b.connectionId
  );
}

/** The distribution: connections by node name. */
export class Dist implements Distribution {
  readonly #connections = new Map<string, Connection>();
  readonly #connector: Connector;
  readonly #nodeWatchers = new Map<ProcessLike, NodeWatcher>();
  readonly #subscribers: NodesSubscriber[] = [];
  #unlinkIds = 0;

  constructor(connector: Connector) {
    this.#connector = connector;
  }

  // ---- connections ---------------------------------------------------------

  /**
   * The connection to `node`, set up on first use. This node's own name (an identifier of an
   * earlier incarnation of it, with another creation) gets one that never comes up: what is
   * sent to a node that was, is dropped, as OTP drops it.
   */
  #connection(node: string): Connection {
    if (node === thisNodeName()) return nowhere;
    let conn = this.#connections.get(node);
    if (conn === undefined) {
      conn = new Connection(node);
      this.#connections.set(node, conn);
      void this.#setUp(conn);
    }
    return conn;
  }

  async #setUp(conn: Connection): Promise<void> {
    let result: Awaited<ReturnType<Connector['connect']>>;
    try {
      result = await this.#connector.connect(conn.node);
    } catch (e) {
      result = { error: e };
    }
    if (this.#connections.get(conn.node) !== conn || conn.state === 'up') return;
    if ('error' in result) {
      this.#connections.delete(conn.node);
      conn.outbox.reset();
      for (const w of conn.waiters) w(false);
      conn.waiters = [];
      this.#down(conn.node, 'connect_failed', false, conn.id);
      return;
    }
    this.#attach(conn, result.channel, result.peer);
  }

  /**
   * A connection is up: outgoing (set up by #setUp) or incoming (handed over by net_kernel's
   * listener). Tells the node's watchers.
   */
  #attach(conn: Connection, channel: DistChannel, peer: PeerInfo): void {
    channel.onPacket((packet) => this.#packet(conn, packet));
    channel.onDown((reason) => this.#channelDown(conn, reason));
    conn.up(channel, peer);
    this.#tellSubscribers('nodeup', peer.name, peer.hidden, null, conn.id);
    const waiters = conn.waiters;
    conn.waiters = [];
    for (const w of waiters) w(true);
  }

  /** net_kernel:connect_node/1: whether a connection to `node` is (or comes) up. */
  connectNode(node: string): Promise<boolean> {
    const conn = this.#connection(node);
    if (conn.state === 'up') return Promise.resolve(true);
    return new Promise((resolve) => conn.waiters.push(resolve));
  }

  /**
   * An incoming connection finished its handshake: the channel is this node's connection to the
   * peer from now on (frames waiting on a pending outgoing attempt go out on it).
   * @returns the function to hand each packet the channel receives
   */
  accepted(channel: DistChannel, peer: PeerInfo): void {
    let conn = this.#connections.get(peer.name);
    if (conn !== undefined && conn.state === 'up') {
      // The peer replaced a connection we had (it restarted): the old one is down first, with
      // what hangs on it, as OTP's nodedown before the nodeup.
      this.#connections.delete(peer.name);
      conn.outbox.reset();
      conn.channel?.close();
      this.#down(peer.name, 'connection_closed', conn.peer?.hidden ?? false, conn.id);
      conn = undefined;
    }
    if (conn === undefined) {
      conn = new Connection(peer.name);
      this.#connections.set(peer.name, conn);
    }
    this.#attach(conn, channel, peer);
  }

  /** An outgoing connection's channel for `node`, once set up (for the transport's decide()). */
  state(node: string): ConnState | 'none' {
    return this.#connections.get(node)?.state ?? 'none';
  }

  /** The connection `conn` went down (its channel closed, or a tick timed out). */
  #channelDown(conn: Connection, reason: unknown): void {
    if (this.#connections.get(conn.node) !== conn) return;
    this.#connections.delete(conn.node);
    conn.outbox.reset();
    this.#down(conn.node, reason, conn.peer?.hidden ?? false, conn.id);
  }

  /** Everything tied to `node` learns it is gone. */
  #down(node: string, reason: unknown, hidden: boolean, id: number): void {
    nodeDownEverywhere(node);
    requestsDown(node);
    for (const watcher of [...this.#nodeWatchers.values()]) {
      const count = watcher.counts.get(node);
      if (count === undefined) continue;
      watcher.counts.delete(node);
      for (let i = 0; i < count; i++) watcher.proc.offer(['nodedown', node]);
    }
    if (reason !== 'connect_failed') this.#tellSubscribers('nodedown', node, hidden, reason, id);
  }

  #tellSubscribers(
    what: 'nodeup' | 'nodedown',
    node: string,
    hidden: boolean,
    reason: unknown,
    id: number,
  ): void {
    for (const s of this.#subscribers) {
      if (s.nodeType === 'visible' ? hidden : s.nodeType === 'hidden' ? !hidden : false) continue;
      if (s.info === 'none') {
        s.proc.offer([what, node]);
        continue;
      }
      const type = hidden ? 'hidden' : 'visible';
      const down = what === 'nodedown' && s.nodedownReason;
      if (s.info === 'map') {
        const info: Record<string, unknown> = {};
        if (s.connectionId) info['connection_id'] = id;
        if (s.nodeTypeInfo) info['node_type'] = type;
        if (down) info['nodedown_reason'] = downReason(reason);
        s.proc.offer([what, node, info]);
      } else {
        // In OTP's order: connection_id, nodedown_reason, node_type.
        const info = new List<unknown>();
        if (s.connectionId) info.push(['connection_id', id]);
        if (down) info.push(['nodedown_reason', downReason(reason)]);
        if (s.nodeTypeInfo) info.push(['node_type', type]);
        s.proc.offer([what, node, info]);
      }
    }
  }

  /**
   * Adds a net_kernel:monitor_nodes subscription, or (with `flag` false) removes every
   * subscription of the process with the same options, as OTP's monitor_nodes(false, Options).
   */
  subscribe(sub: NodesSubscriber, flag: boolean): void {
    if (flag) {
      if (!this.#subscribers.some((s) => s.proc === sub.proc)) {
        sub.proc.onExit(() => this.#dropSubscriber(sub.proc));
      }
      this.#subscribers.push(sub);
      return;
    }
    for (let i = this.#subscribers.length - 1; i >= 0; i--) {
      const s = this.#subscribers[i]!;
      if (s.proc === sub.proc && sameOptions(s, sub)) this.#subscribers.splice(i, 1);
    }
  }

  #dropSubscriber(proc: ProcessLike): void {
    for (let i = this.#subscribers.length - 1; i >= 0; i--) {
      if (this.#subscribers[i]!.proc === proc) this.#subscribers.splice(i, 1);
    }
  }

  /** Closes every connection (net_kernel:stop). */
  stop(): void {
    for (const conn of [...this.#connections.values()]) {
      this.#connections.delete(conn.node);
      conn.flush();
      conn.channel?.close();
      this.#down(conn.node, 'net_kernel_terminated', conn.peer?.hidden ?? false, conn.id);
    }
  }

  // ---- the runtime's Distribution ------------------------------------------

  send(from: Pid, to: Pid, msg: unknown): void {
    const conn = this.#connection((to._node as NonNullable<Pid['_node']>).name);
    conn.outbox.message(conn.sendSender ? [Op.SEND_SENDER, from, to] : [Op.SEND, '', to], msg);
    conn.sent();
  }

  regSend(from: Pid, name: string, node: string, msg: unknown): void {
    const conn = this.#connection(node);
    conn.outbox.message([Op.REG_SEND, from, '', name], msg);
    conn.sent();
  }

  aliasSend(from: Pid, alias: Ref, msg: unknown): void {
    const conn = this.#connection((alias._node as NonNullable<Ref['_node']>).name);
    // A peer without aliases has none to send to: the message is dropped, as OTP drops it.
    if (conn.state === 'up' && !conn.alias) return;
    conn.outbox.message([Op.ALIAS_SEND, from, alias], msg);
    conn.sent();
  }

  link(from: Pid, to: Pid): void {
    this.#signal(this.#connection(nodeName(to)), [Op.LINK, from, to]);
  }

  unlink(from: Pid, to: Pid): void {
    const conn = this.#connection(nodeName(to));
    if (conn.state === 'up' && !conn.unlinkId) this.#signal(conn, [Op.UNLINK, from, to]);
    else this.#signal(conn, [Op.UNLINK_ID, ++this.#unlinkIds, from, to]);
  }

  exit(from: Pid, to: Pid, reason: unknown, linked: boolean): void {
    const conn = this.#connection(nodeName(to));
    if (conn.state === 'up' && !conn.exitPayload) {
      reasonFrame(conn.outbox, [linked ? Op.EXIT : Op.EXIT2, from, to], reason, true);
    } else {
      reasonFrame(conn.outbox, [linked ? Op.PAYLOAD_EXIT : Op.PAYLOAD_EXIT2, from, to], reason);
    }
    conn.sent();
  }

  monitor(from: Pid, target: Pid | string, node: string, ref: Ref): void {
    this.#signal(this.#connection(node), [Op.MONITOR_P, from, target, ref]);
  }

  demonitor(from: Pid, target: Pid | string, node: string, ref: Ref): void {
    // No connection, no monitor to take back: do not set one up for it.
    const conn = this.#connections.get(node);
    if (conn !== undefined) this.#signal(conn, [Op.DEMONITOR_P, from, target, ref]);
  }

  monitorExit(item: Pid | string, watcher: Pid, ref: Ref, reason: unknown): void {
    const conn = this.#connections.get(nodeName(watcher));
    if (conn === undefined) return;
    if (conn.state === 'up' && !conn.exitPayload) {
      reasonFrame(conn.outbox, [Op.MONITOR_P_EXIT, item, watcher, ref], reason, true);
    } else {
      reasonFrame(conn.outbox, [Op.PAYLOAD_MONITOR_P_EXIT, item, watcher, ref], reason);
    }
    conn.sent();
  }

  /** Sends a frame of `control` (and `payload`, for the operations that take one) on `conn`. */
  #signal(conn: Connection, control: readonly unknown[], ...payload: [] | [unknown]): void {
    conn.outbox.frame(control, ...payload);
    conn.sent();
  }

  nodes(kinds: readonly ('visible' | 'hidden' | 'connected' | 'known')[]): string[] {
    const out: string[] = [];
    for (const conn of this.#connections.values()) {
      if (conn.state !== 'up') continue;
      const hidden = conn.peer?.hidden ?? false;
      if (
        kinds.includes('connected') ||
        kinds.includes('known') ||
        (hidden ? kinds.includes('hidden') : kinds.includes('visible'))
      ) {
        out.push(conn.node);
      }
    }
    if (kinds.includes('known')) out.unshift(thisNodeName());
    return out;
  }

  monitorNode(proc: ProcessLike, node: string, flag: boolean): void {
    let watcher = this.#nodeWatchers.get(proc);
    if (!flag) {
      const count = watcher?.counts.get(node);
      if (watcher === undefined || count === undefined) return;
      if (count > 1) watcher.counts.set(node, count - 1);
      else watcher.counts.delete(node);
      return;
    }
    if (watcher === undefined) {
      watcher = { proc, counts: new Map() };
      this.#nodeWatchers.set(proc, watcher);
      proc.onExit(() => this.#nodeWatchers.delete(proc));
    }
    watcher.counts.set(node, (watcher.counts.get(node) ?? 0) + 1);
    // A node not connected is tried: it comes up, or the nodedown arrives.
    this.#connection(node);
  }

  getCookie(node?: string): string {
    return this.#connector.getCookie(node);
  }

  setCookie(cookie: string, node?: string): void {
    this.#connector.setCookie(cookie, node);
  }

  disconnect(node: string): boolean {
    const conn = this.#connections.get(node);
    if (conn === undefined) return false;
    this.#connections.delete(node);
    conn.flush();
    conn.outbox.reset();
    conn.channel?.close();
    const why = conn.state === 'up' ? 'disconnect' : 'connect_failed';
    this.#down(node, why, conn.peer?.hidden ?? false, conn.id);
    return true;
  }

  // ---- incoming ------------------------------------------------------------

  /**
   * Handles one packet from `conn`'s peer. A malformed one closes the connection (OTP logs it
   * and takes the connection down), never this node.
   */
  #packet(conn: Connection, packet: Buffer): void {
    let control: unknown[];
    let payload: unknown;
    try {
      [control, payload] = decodeFrame(packet, conn.controls, true);
    } catch (e) {
      logReport(
        'error',
        undefined,
        `erlts distribution: a malformed packet from ${conn.node}: ${String(e)}`,
        null,
      );
      conn.channel?.close();
      return;
    }
    try {
      this.#handle(conn, control, payload);
    } catch (e) {
      // A control message of the right operation with the wrong terms in it (a pid that is an
      // atom): the peer speaks nonsense, and its connection goes, never this node.
      logReport(
        'error',
        undefined,
        `erlts distribution: a malformed control message from ${conn.node}: ${String(e)}`,
        null,
      );
      conn.channel?.close();
    }
  }

  #handle(conn: Connection, c: unknown[], payload: unknown): void {
    switch (c[0]) {
      case Op.SEND_SENDER:
      case Op.SEND_SENDER_TT:
      case Op.SEND:
      case Op.SEND_TT:
        deliverLocal(c[2] as Pid, payload);
        return;
      case Op.REG_SEND:
      case Op.REG_SEND_TT:
        deliverLocal(c[3] as string, payload);
        return;
      case Op.ALIAS_SEND:
      case Op.ALIAS_SEND_TT:
        if (c[2] instanceof Ref) deliverLocal(c[2], payload);
        return;
      case Op.LINK:
        this.#linked(conn, c[1] as Pid, c[2] as Pid);
        return;
      case Op.UNLINK:
        processOf(c[2] as Pid)?.unlinkRemote(c[1] as Pid);
        return;
      case Op.UNLINK_ID:
        processOf(c[3] as Pid)?.unlinkRemote(c[2] as Pid);
        this.#signal(conn, [Op.UNLINK_ID_ACK, c[1], c[3], c[2]]);
        return;
      case Op.UNLINK_ID_ACK:
        return;
      case Op.EXIT:
      case Op.EXIT_TT:
        remoteExit(c[1] as Pid, c[2] as Pid, c[c[0] === Op.EXIT ? 3 : 4], true);
        return;
      case Op.PAYLOAD_EXIT:
      case Op.PAYLOAD_EXIT_TT:
        remoteExit(c[1] as Pid, c[2] as Pid, payload, true);
        return;
      case Op.EXIT2:
      case Op.EXIT2_TT:
        remoteExit(c[1] as Pid, c[2] as Pid, c[c[0] === Op.EXIT2 ? 3 : 4], false);
        return;
      case Op.PAYLOAD_EXIT2:
      case Op.PAYLOAD_EXIT2_TT:
        remoteExit(c[1] as Pid, c[2] as Pid, payload, false);
        return;
      case Op.MONITOR_P:
        this.#monitored(conn, c[1] as Pid, c[2] as Pid | string, c[3] as Ref);
        return;
      case Op.DEMONITOR_P: {
        const target = c[2];
        const proc = typeof target === 'string' ? processNamed(target) : processOf(target as Pid);
        proc?.unwatched(c[3] as Ref);
        return;
      }
      case Op.MONITOR_P_EXIT:
        processOf(c[2] as Pid)?.remoteDown(c[3] as Ref, c[4]);
        return;
      case Op.PAYLOAD_MONITOR_P_EXIT:
        processOf(c[2] as Pid)?.remoteDown(c[3] as Ref, payload);
        return;
      case Op.SPAWN_REQUEST:
      case Op.SPAWN_REQUEST_TT:
        this.#spawnRequest(conn, c, payload);
        return;
      case Op.SPAWN_REPLY:
      case Op.SPAWN_REPLY_TT:
        replied(c, (from, to, reason) => this.exit(from, to, reason, true));
        return;
      case Op.GROUP_LEADER:
        return;
      default:
        logReport(
          'warning',
          undefined,
          `erlts distribution: ${conn.node} sent an unknown operation ${String(c[0])}`,
          null,
        );
    }
  }

  /** A process of the peer linked itself to a local one: a dead one answers `noproc`. */
  #linked(conn: Connection, from: Pid, to: Pid): void {
    const proc = processOf(to);
    if (proc === null) {
      this.exit(to, from, 'noproc', true);
      return;
    }
    proc.linkRemote(from);
    void conn;
  }

  /** A process of the peer monitors a local one (by pid or name): a missing one answers `noproc`. */
  #monitored(conn: Connection, from: Pid, target: Pid | string, ref: Ref): void {
    const proc = typeof target === 'string' ? processNamed(target) : processOf(target);
    if (proc === null || !proc.watchedBy(from, ref, target)) {
      this.monitorExit(target, from, ref, 'noproc');
    }
    void conn;
  }

  #spawnRequest(conn: Connection, c: unknown[], args: unknown): void {
    const [, reqId, from, , mfa, opts] = c as [number, Ref, Pid, Pid, unknown, unknown];
    const reply = spawnRequest(from, reqId, mfa, args, opts);
    this.#signal(conn, [Op.SPAWN_REPLY, reqId, from, reply.flags, reply.result]);
  }

  spawnRequest(proc: ProcessLike, reqId: Ref, node: string, mfa: SpawnMfa, opts: SpawnRequestOptions): void {
    const conn = this.#connection(node);
    requestMade(reqId, {
      proc: proc as Process,
      node,
      tag: opts.replyTag,
      reply: opts.reply,
      link: opts.link,
      monitor: opts.monitor,
    });
    const spawnOpts = new List<unknown>();
    if (opts.link) spawnOpts.push('link');
    if (opts.monitor) spawnOpts.push('monitor');
    this.#signal(
      conn,
      [
        Op.SPAWN_REQUEST,
        reqId,
        proc.pid,
        this.#groupLeader ?? proc.pid,
        [mfa.module, mfa.function, mfa.args.length],
        spawnOpts,
      ],
      toList(mfa.args),
    );
  }

  spawnRequestAbandon(reqId: Ref): boolean {
    return abandon(reqId);
  }

  /** The process that answers other nodes' io requests for processes they spawn (net_kernel's). */
  #groupLeader: Pid | null = null;

  /** Sets the group leader spawn requests name (a process answering the io protocol). */
  setGroupLeader(pid: Pid): void {
    this.#groupLeader = pid;
  }
}

/** The connection of this node's own name: frames to it go nowhere. */
const nowhere = new (class extends Connection {
  override sent(): void {
    this.outbox.reset();
  }
})('');

/** The node a remote pid is on. */
function nodeName(pid: Pid): string {
  return (pid._node as NonNullable<Pid['_node']>).name;
}

/** A nodedown reason as monitor_nodes's `nodedown_reason` gives it. */
function downReason(reason: unknown): unknown {
  return reason;
}
