/**
 * global_name_server: OTP 25's global name server (protocol version 8) as a system process of a
 * distributed erlts node. net_kernel starts it when distribution starts, subscribed to the
 * nodeup/nodedown of visible nodes (with their connection ids), and stops it with the
 * distribution; hidden connections are not synced, as in OTP.
 *
 * When a visible node comes up, the two name servers connect their partitions (OTP's
 * "connection algorithm", global.erl): `init_connect` both ways (with the lockers' pids) and
 * `init_connect_ack`; the lockers lock both partitions under one lock id (locker.ts); each
 * server then sends its names (`exchange`), a resolver process finds the clashes and resolves
 * them (`exchange_ops` → `resolved` both ways), the names are inserted, the other partition's
 * nodes become known, and the rest of the partition is told (`new_nodes`); nodes that become
 * known this way are connected to and told `in_sync`. Every message of a connect session carries
 * the session's tags (`sync_tag_my`/`sync_tag_his`), so one of an old session is recognised and
 * that session cancelled.
 *
 * Names and locks are set by gen_server calls from the registrar and lockers of every node
 * (`register`, `unregister`, `set_lock`, `del_lock`), each holder monitored so that its death,
 * or its node's going down, removes it. When a connection to a known node is lost, the other
 * known nodes are told (`lost_connection`), and each disconnects from the node that lost its
 * connection to another one (`remove_connection`), so that the partitions do not overlap
 * (OTP 25's default, prevent_overlapping_partitions).
 *
 * The server's own handling never waits on another process: every exchange with other nodes is
 * a cast or a volatile send, and everything that waits (locking, syncing, resolving) runs in a
 * helper process, as in OTP.
 */
import {
  _,
  after,
  disconnect_node,
  exit,
  is_pid,
  is_process_alive,
  list,
  monitor,
  monitor_node,
  node,
  on,
  process_flag,
  receive,
  register,
  self,
  send,
  whereis,
  ExitException,
  List,
  type Pid,
  type Ref,
} from '../../runtime/index.js';
import {
  describe,
  isList,
  logReport,
  spawnLibraryProcess,
  termEquals,
  thisNode,
} from '../../runtime/internal/dist-api.js';
import { reply } from '../../stdlib/gen/internal/call.js';
import { SERVER, callServer, cast, randomSleep, rpcCall, uniqueInteger, volatileSend } from './calls.js';
import {
  VERIFY_CONNECT_VSN,
  VSN,
  deleteGlobalLock,
  minus,
  setLockOnNodes,
  theLocker,
  unexpected,
  type LockId,
} from './locker.js';
import { resolve_it } from './methods.js';
import {
  LOST_CONNECTION_KEEP_MS,
  adopt,
  compareNodes,
  delName,
  deleteGlobalName2,
  deleteLockByRef,
  forsake,
  getNames,
  getNamesExt,
  handleDelLock,
  handleSetLock,
  insName,
  insNameExt,
  isGlobalLockSet,
  lostConnections,
  names,
  where,
} from './tables.js';
// The API registers the module `global` (what BEAM nodes call back: resolve_it and the
// methods) and gives the behaviours its names: both must hold whenever the server runs.
import './api.js';

/** The version since which lost_connection/remove_connection exist (prevent overlapping partitions). */
const POP_VSN = 7;
/** The version since which known-node lists carry versions. */
const PGPV_VSN = 7;

const MAX_64BIT_SMALL_INT = (1n << 59n) - 1n;
const MIN_64BIT_SMALL_INT = -(1n << 59n);

/** What net_kernel gives the server. */
export interface GlobalHooks {
  /** net_kernel:connect_node/1: whether `node` is (or comes) up. */
  connectNode(node: string): Promise<boolean>;
}

/** The per-node session state OTP keeps in the server's process dictionary. */
interface Session {
  syncTagMy?: unknown;
  syncTagHis?: unknown;
  /** `{exchange, NameList}` when exchange came before lock_is_set, `lock_is_set` the other way. */
  waitLock?: { exchange: unknown } | 'lock_is_set';
  /** The resolver's ops, or his `resolved` when it came first. */
  saveOps?: { ops: unknown[] } | { hisKnown: unknown; namesExt: unknown; hisResolved: unknown };
  preConnect?: [unknown, unknown, unknown];
  protVsn?: unknown;
  lockId?: unknown;
}

function isTuple(m: unknown, size: number, tag?: string): m is unknown[] {
  return Array.isArray(m) && !isList(m) && m.length === size && (tag === undefined || m[0] === tag);
}

function isAtom(x: unknown): x is string {
  return typeof x === 'string';
}

/** A list's elements (a List, or a plain array), or none. */
function elements(x: unknown): unknown[] {
  return Array.isArray(x) ? (x as unknown[]) : [];
}

function isLockId(x: unknown): x is LockId {
  return isTuple(x, 2);
}

/** The state of a running server: OTP's `#state{}` and the process dictionary. */
class NameServer {
  /** Known nodes and their protocol versions (OTP's `known` map's atom keys). */
  readonly known = new Map<string, number>();
  /** `{pending, Node}`: connecting, not yet known. */
  readonly pending = new Map<string, number>();
  /** `{removing, Node}`. */
  readonly removing = new Set<string>();
  /** `{connection_id, Node}`. */
  readonly connectionIds = new Map<string, unknown>();
  synced: string[] = [];
  resolvers: { node: string; tag: unknown; pid: Pid }[] = [];
  syncers: Pid[] = [];
  readonly sessions = new Map<string, Session>();
  /** Helper processes (resolvers, syncers, sync_others) to end with the server. */
  readonly helpers = new Set<Pid>();
  theLocker!: Pid;
  theRegistrar!: Pid;
  connectAll = true;
  preventOverlappingPartitions = true;
  readonly creationExtension: bigint;
  stopReason: unknown = undefined;
  readonly watch: (pid: Pid) => Ref = (pid) => monitor('process', pid);

  constructor(readonly hooks: GlobalHooks) {
    const range = MAX_64BIT_SMALL_INT - MIN_64BIT_SMALL_INT;
    const r = BigInt(Math.floor(Math.random() * 2 ** 52)) * BigInt(Math.floor(Math.random() * 2 ** 12));
    this.creationExtension = (r % range) & ~((1n << 32n) - 1n);
  }

  session(n: string): Session {
    let s = this.sessions.get(n);
    if (s === undefined) this.sessions.set(n, (s = {}));
    return s;
  }

  tagMy(n: string): unknown {
    return this.sessions.get(n)?.syncTagMy ?? 'undefined';
  }

  tagHis(n: string): unknown {
    return this.sessions.get(n)?.syncTagHis ?? 'undefined';
  }

  // ---- messages ---------------------------------------------------------------

  handle(msg: unknown): void {
    try {
      if (isTuple(msg, 3, '$gen_call') && Array.isArray(msg[1]) && msg[1].length === 2) {
        this.handleCall(msg[2], msg[1] as [Pid, unknown]);
      } else if (isTuple(msg, 2, '$gen_cast')) this.handleCast(msg[1]);
      else this.handleInfo(msg);
    } catch (e) {
      if (e instanceof Error && e.name === 'ProcessExited') throw e;
      logReport(
        'error',
        undefined,
        () =>
          `global_name_server could not handle ${describe(msg)}: ${e instanceof Error ? e.message : describe(e)}`,
        self(),
      );
    }
  }

  handleCall(req: unknown, from: [Pid, unknown]): void {
    const [fromPid] = from;
    if (isTuple(req, 2, 'registrar')) {
      send(this.theRegistrar, ['trans_all_known', req[1], from]);
    } else if (isTuple(req, 4, 'register') && is_pid(req[2])) {
      insName(req[1], req[2], req[3], fromPid, list(), this.watch);
      reply(from, 'yes');
    } else if (isTuple(req, 2, 'unregister')) {
      deleteGlobalName2(req[1]);
      reply(from, 'ok');
    } else if (isTuple(req, 5, 'register_ext') && is_pid(req[2]) && isAtom(req[4])) {
      insNameExt(req[1], req[2], req[3], req[4], fromPid, list(), this.watch);
      reply(from, 'yes');
    } else if (isTuple(req, 2, 'set_lock') && isLockId(req[1])) {
      reply(from, handleSetLock(req[1], fromPid, this.watch));
    } else if (isTuple(req, 2, 'del_lock') && isLockId(req[1])) {
      handleDelLock(req[1], fromPid);
      reply(from, true);
    } else if (req === 'get_known') {
      reply(from, list(...this.known.keys()));
    } else if (req === 'get_synced') {
      reply(from, list(...this.synced));
    } else if (isTuple(req, 2, 'sync')) {
      const targets = minus(
        elements(req[1]).filter((n): n is string => isAtom(n) && n !== node()),
        this.synced,
      );
      this.syncers.push(this.startSync(targets, from));
    } else if (req === 'get_protocol_version') {
      reply(from, VSN);
    } else if (req === 'get_names_ext') {
      reply(from, getNamesExt());
    } else if (req === 'info') {
      reply(from, this.info());
    } else if (req === 'disconnect') {
      reply(from, this.disconnectAll());
    } else if (req === 'stop') {
      reply(from, 'stopped');
      this.stopReason = 'normal';
    } else {
      this.warn(`handle_call(${describe(req)}, ${describe(from)}, _)`);
    }
  }

  handleCast(req: unknown): void {
    if (isTuple(req, 4, 'init_connect') && isAtom(req[2])) {
      const [, vsn, n, initMsg] = req as [string, unknown, string, unknown];
      if (Array.isArray(vsn) && vsn.length >= 2 && typeof vsn[0] === 'number') {
        const hisVsn: number = vsn[0];
        const hisTag: unknown = (vsn as unknown[])[1];
        const use = vsn.length === 2 && hisVsn <= VSN ? hisVsn : VSN;
        this.initConnect(use, n, initMsg, hisTag, hisVsn);
      } else {
        logReport(
          'info',
          undefined,
          `Illegal global protocol version ${describe(vsn)} Node: ${describe(n)}\n`,
          self(),
        );
      }
    } else if (isTuple(req, 4, 'lock_is_set') && isAtom(req[1])) {
      const [, n, myTag, lockId] = req as [string, string, unknown, unknown];
      if (termEquals(this.tagMy(n), myTag)) this.lockIsSet(n, lockId);
      else this.cancelLocker(n, myTag);
    } else if (isTuple(req, 5, 'exchange') && isAtom(req[1])) {
      const [, n, nameList, , myTag] = req as [string, string, unknown, unknown, unknown];
      if (termEquals(this.tagMy(n), myTag)) this.exchange(n, nameList);
      else this.cancelLocker(n, myTag);
    } else if (isTuple(req, 5, 'exchange_ops') && isAtom(req[1])) {
      this.exchangeOps(req[1], req[2], elements(req[3]), req[4]);
    } else if (isTuple(req, 7, 'resolved') && isAtom(req[1])) {
      const [, n, hisResolved, hisKnown, , namesExt, myTag] = req as [string, string, ...unknown[]];
      if (!termEquals(this.tagMy(n), myTag)) {
        this.cancelLocker(n, myTag);
        return;
      }
      const saved = this.sessions.get(n)?.saveOps;
      if (saved !== undefined && 'ops' in saved) this.resolved(n, hisResolved, hisKnown, namesExt);
      else this.session(n).saveOps = { hisKnown, namesExt, hisResolved };
    } else if (isTuple(req, 6, 'new_nodes') && isAtom(req[1])) {
      const [, n, ops, namesExt, nodeList, extra] = req as [
        string,
        string,
        unknown,
        unknown,
        unknown,
        unknown,
      ];
      this.newNodes(elements(ops), n, namesExt, elements(nodeList), extra);
    } else if (isTuple(req, 3, 'in_sync') && isAtom(req[1])) {
      this.inSync(req[1]);
    } else if (isTuple(req, 3, 'async_del_name') || isTuple(req, 3, 'async_del_lock')) {
      // From -R13B nodes: the DOWN of the monitor does the deleting.
    } else if (isTuple(req, 5, 'lock_set') && is_pid(req[1])) {
      if (termEquals(this.tagMy(node(req[1])), req[4])) send(this.theLocker, req);
    } else if (isTuple(req, 4, 'lock_set')) {
      send(this.theLocker, req);
    } else {
      this.warn(`handle_cast(${describe(req)}, _)`);
    }
  }

  handleInfo(msg: unknown): void {
    if (isTuple(msg, 3, 'EXIT') && is_pid(msg[1])) {
      if (msg[1] === this.theLocker) this.stopReason = ['locker_died', msg];
      else if (msg[1] === this.theRegistrar) this.stopReason = ['registrar_died', msg];
      else {
        this.syncers = this.syncers.filter((p) => p !== msg[1]);
        this.helpers.delete(msg[1]);
      }
    } else if (isTuple(msg, 3, 'nodedown') && isAtom(msg[1])) {
      if (msg[1] === node()) return;
      this.handleNodedown(msg[1], 'disconnected');
      this.connectionIds.delete(msg[1]);
    } else if (isTuple(msg, 2, 'extra_nodedown') && isAtom(msg[1])) {
      const n = msg[1];
      for (const p of this.syncers) send(p, ['nodedown', n]);
      this.handleNodedown(n, 'disconnected');
      this.connectionIds.delete(n);
    } else if (isTuple(msg, 3, 'nodeup') && isAtom(msg[1])) {
      const n = msg[1];
      if (n === node()) return;
      const info = msg[2] as { connection_id?: unknown } | null;
      this.connectionIds.set(n, typeof info === 'object' && info !== null ? info.connection_id : undefined);
      if (this.connectAll) this.handleNodeup(n);
    } else if (isTuple(msg, 3, 'whereis')) {
      this.doWhereis(msg[1], msg[2]);
    } else if (isTuple(msg, 5, 'lost_connection') && isAtom(msg[1]) && isAtom(msg[4])) {
      if (this.connectAll && this.preventOverlappingPartitions) this.lostConnection(msg);
    } else if (isTuple(msg, 3, 'timeout')) {
      // OTP's cleanup timer of lost_connection info: here entries age out when read.
    } else if (isTuple(msg, 2, 'remove_connection') && isAtom(msg[1])) {
      this.removeConnection(msg[1]);
    } else if (isTuple(msg, 3, 'cancel_connect') && isAtom(msg[1])) {
      const [, n, myTag] = msg as [string, string, unknown];
      if (termEquals(this.tagMy(n), myTag)) {
        this.cancelLocker(n, myTag);
        this.sessions.delete(n);
        this.pending.delete(n);
        this.restartConnect(n, myTag);
      }
    } else if (isTuple(msg, 4, 'init_connect_ack') && isAtom(msg[1])) {
      const [, n, hisMyTag, hisHisTag] = msg as [string, string, unknown, unknown];
      const myMyTag = this.tagMy(n);
      if (!(termEquals(myMyTag, hisMyTag) && termEquals(this.tagHis(n), hisHisTag))) {
        // The connect attempt is out of sync: cancel it and start over.
        sendCancelConnectMessage(n, hisHisTag);
        this.restartConnect(n, myMyTag);
      }
    } else if (isTuple(msg, 3, 'prepare_shutdown') && is_pid(msg[1])) {
      this.connectAll = false;
      this.preventOverlappingPartitions = false;
      send(msg[1], [msg[2], 'ok']);
    } else if (isTuple(msg, 5, 'DOWN')) {
      deleteLockByRef(msg[1] as never);
      delName(msg[1] as never);
    } else {
      this.warn(`handle_info(${describe(msg)}, _)`);
    }
  }

  warn(what: string): void {
    logReport(
      'warning',
      undefined,
      () => `The global_name_server received an unexpected message:\n${what}\n`,
      self(),
    );
  }

  // ---- the connection algorithm -------------------------------------------------

  /** init_connect/6: the other node's server wants to sync with this one. */
  initConnect(vsn: number, n: string, initMsg: unknown, hisTag: unknown, hisVsn: number): void {
    if (this.pending.has(n)) {
      // An ongoing connect with n and yet another attempt from it.
      if (hisVsn < VERIFY_CONNECT_VSN) {
        disconnect_node(n);
        logReport(
          'error',
          undefined,
          `'global' at node ${node()} got an out of sync connection attempt from old version ${hisVsn} node ${n}. Disconnecting from it.`,
          self(),
        );
        return;
      }
      sendCancelConnectMessage(n, hisTag);
      this.restartConnect(n, this.tagMy(n));
    }
    const sess = this.session(n);
    sess.protVsn = vsn;
    sess.syncTagHis = hisTag;
    const resolver = this.resolvers.find((r) => r.node === n);
    if (resolver !== undefined) {
      const hisLocker = isTuple(initMsg, 4, 'locker') ? initMsg[3] : undefined;
      send(this.theLocker, ['his_the_locker', hisLocker, [vsn, list()], hisTag, resolver.tag]);
      if (hisVsn >= VERIFY_CONNECT_VSN) volatileSend(n, ['init_connect_ack', node(), hisTag, resolver.tag]);
      this.pending.set(n, hisVsn);
    } else {
      sess.preConnect = [vsn, initMsg, hisTag];
    }
  }

  /** restart_connect/3: a mismatch in the connection setup; cancel it and try again. */
  restartConnect(n: string, myTag: unknown): void {
    this.cancelLocker(n, myTag);
    this.sessions.delete(n);
    this.pending.delete(n);
    if (typeof myTag === 'number' || typeof myTag === 'bigint') this.handleNodeup(n);
  }

  /** lock_is_set/3: the lock is set on both partitions: send this node's names. */
  lockIsSet(n: string, lockId: unknown): void {
    cast(n, ['exchange', node(), getNames(), list(), this.tagHis(n)]);
    const sess = this.session(n);
    sess.lockId = lockId;
    const w = sess.waitLock;
    sess.waitLock = 'lock_is_set';
    if (typeof w === 'object') this.exchange(n, w.exchange);
  }

  /** exchange/3: both lock_is_set and his names are here: the resolver finds the clashes. */
  exchange(n: string, nameList: unknown): void {
    const sess = this.session(n);
    const w = sess.waitLock;
    delete sess.waitLock;
    if (w === 'lock_is_set') {
      const r = this.resolvers.find((x) => x.node === n);
      if (r !== undefined) send(r.pid, ['resolve', nameList, n]);
    } else {
      sess.waitLock = { exchange: nameList };
    }
  }

  /** {exchange_ops, ...} from the resolver: answer `resolved`, and resolve if his came first. */
  exchangeOps(n: string, myTag: unknown, ops: unknown[], resolved: unknown): void {
    if (!termEquals(this.tagMy(n), myTag)) {
      this.cancelLocker(n, myTag);
      return;
    }
    const known = this.mkKnownList(this.nodeVsn(n));
    cast(n, ['resolved', node(), resolved, known, 'unused', getNamesExt(), this.tagHis(n)]);
    const sess = this.session(n);
    const saved = sess.saveOps;
    sess.saveOps = { ops };
    if (saved !== undefined && 'hisResolved' in saved) {
      this.resolved(n, saved.hisResolved, saved.hisKnown, saved.namesExt);
    }
  }

  /** resolved/5: both sides' ops are here: insert, learn his partition, tell ours. */
  resolved(n: string, hisResolved: unknown, hisKnown: unknown, namesExt: unknown): void {
    const sess = this.session(n);
    const saved = sess.saveOps;
    delete sess.saveOps;
    const ops = [...(saved !== undefined && 'ops' in saved ? saved.ops : []), ...elements(hisResolved)];
    const known = new Map(this.known);
    const newNodes = this.makeNodeVsnList([n, ...elements(hisKnown)]);
    const hisKnownNodes = nodeList(elements(hisKnown));
    this.syncOthers(hisKnownNodes);
    const extra = list(['vsn', sess.protVsn ?? 'undefined'], ['lock', sess.lockId ?? 'undefined']);
    this.doOps(ops, node(), namesExt, extra);
    for (const p of this.syncers) send(p, ['synced', list(n)]);
    for (const c of hisKnownNodes) this.cancelResolvedLocker(c, (tag) => this.cancelLocker(c, tag));
    // The locker that holds the lock sends new_nodes, so that del_lock comes after it.
    const opsList = list(...ops);
    const newNodesMsg = ['new_nodes', node(), opsList, namesExt, list(...newNodes), extra];
    const oldNewNodesMsg = ['new_nodes', node(), opsList, namesExt, list(...nodeList(newNodes)), extra];
    const newNodesF = (): void => {
      for (const [k, v] of known) cast(k, v >= PGPV_VSN ? newNodesMsg : oldNewNodesMsg);
    };
    this.cancelResolvedLocker(n, (tag) => this.cancelLocker(n, tag, newNodesF));
    const added = this.addToKnown(newNodes);
    send(this.theLocker, ['add_to_known', added]);
    this.synced = [n, ...this.synced];
  }

  cancelResolvedLocker(n: string, cancel: (tag: unknown) => void): void {
    const tag = this.tagMy(n);
    // {pending, Node} goes first: no cancel_connect to n from the cancel.
    this.pending.delete(n);
    cancel(tag);
    this.sessions.delete(n);
  }

  /** new_nodes/6: another node of this partition connected to more nodes. */
  newNodes(ops: unknown[], connNode: string, namesExt: unknown, nodeList_: unknown[], extra: unknown): void {
    const added = this.addToKnown(nodeList_);
    this.syncOthers(added);
    this.doOps(ops, connNode, namesExt, extra);
    send(this.theLocker, ['add_to_known', added]);
  }

  inSync(n: string): void {
    for (const p of this.syncers) send(p, ['synced', list(n)]);
    if (!this.synced.includes(n)) this.synced = [n, ...this.synced];
    this.pending.delete(n);
    this.cancelLocker(n, this.tagMy(n));
    this.sessions.delete(n);
  }

  /** do_ops/5: the resolved inserts (C nodes' names first) and deletes. */
  doOps(ops: unknown[], connNode: string, namesExt: unknown, extra: unknown): void {
    const inserts = ops.filter(
      (o): o is ['insert', [unknown, Pid, unknown]] => isTuple(o, 2, 'insert') && isTuple(o[1], 3),
    );
    const xNames: unknown[] = [];
    for (const ext of elements(namesExt)) {
      if (!isTuple(ext, 3)) continue;
      for (const [, [name, pid, method]] of inserts) {
        if (termEquals(name, ext[0]) && pid === ext[1] && isAtom(ext[2])) {
          insNameExt(name, pid, method, ext[2], connNode, extra, this.watch);
          xNames.push(name);
        }
      }
    }
    for (const [, [name, pid, method]] of inserts) {
      if (!is_pid(pid) || xNames.some((x) => termEquals(x, name))) continue;
      insName(name, pid, method, connNode, extra, this.watch);
    }
    for (const o of ops) if (isTuple(o, 2, 'delete')) deleteGlobalName2(o[1]);
  }

  /** sync_others/1: connect to each node learnt of, and tell it we are in sync (sync_other/2). */
  syncOthers(targets: readonly string[]): void {
    for (const n of targets) this.helper('sync_other', syncOther, [n, this.hooks]);
  }

  helper(name: string, fn: (...args: never[]) => unknown, args: unknown[], link = false): Pid {
    for (const p of this.helpers) if (!is_process_alive(p)) this.helpers.delete(p);
    const [pid] = spawnLibraryProcess(`global:${name}`, fn, args, {
      system: true,
      link,
      initialCall: ['global', name, args.length],
    });
    this.helpers.add(pid);
    return pid;
  }

  startSync(targets: string[], from: unknown): Pid {
    return this.helper('sync_init', syncInit, [targets, from], true);
  }

  handleNodeup(n: string): void {
    if (this.known.has(n) || this.resolvers.some((r) => r.node === n)) return;
    this.resendPreConnect(n);
    // A tag separates this sync session from other ones with the same node.
    const myTag = uniqueInteger();
    this.session(n).syncTagMy = myTag;
    const knownMap: Record<string, number> = Object.fromEntries(this.known);
    cast(n, ['init_connect', [VSN, myTag], node(), ['locker', 'no_longer_a_pid', knownMap, this.theLocker]]);
    const pid = this.helper('resolver', resolver, [n, myTag]);
    this.resolvers = [{ node: n, tag: myTag, pid }, ...this.resolvers];
  }

  resendPreConnect(n: string): void {
    const sess = this.sessions.get(n);
    const pre = sess?.preConnect;
    if (pre === undefined) return;
    delete sess!.preConnect;
    const [vsn, initMsg, hisTag] = pre;
    send(self(), ['$gen_cast', ['init_connect', [vsn, hisTag], n, initMsg]]);
  }

  handleNodedown(n: string, what: 'disconnected' | 'remove_connection' | 'ignore_node'): void {
    // The DOWN of the monitors removes the node's names and locks.
    this.cancelLocker(n, this.tagMy(n));
    send(this.theLocker, ['remove_from_known', n]);
    this.sessions.delete(n);
    if (what === 'remove_connection') this.removing.add(n);
    else if (what === 'ignore_node') this.removing.delete(n);
    else if (this.removing.has(n)) this.removing.delete(n);
    else this.informConnectionLoss(n);
    this.pending.delete(n);
    this.known.delete(n);
    this.synced = this.synced.filter((x) => x !== n);
  }

  informConnectionLoss(n: string): void {
    if (!(this.connectAll && this.preventOverlappingPartitions)) return;
    const xcreation = int(this.creationExtension + BigInt(thisNode().creation) - MIN_64BIT_SMALL_INT);
    const msg = ['lost_connection', node(), xcreation, uniqueInteger(), n];
    this.volatileMulticast(msg, n, POP_VSN, true);
  }

  volatileMulticast(msg: unknown, ignore: string, minVer: number, alsoPending: boolean): void {
    for (const [n, v] of this.known) if (n !== ignore && v >= minVer) volatileSend(n, msg);
    if (alsoPending) for (const [n, v] of this.pending) if (n !== ignore && v >= minVer) volatileSend(n, msg);
  }

  /** {lost_connection, NodeA, XCreationA, OpIdA, NodeB}: NodeA lost its connection to NodeB. */
  lostConnection(msg: unknown[]): void {
    const [, nodeA, xcreA, opIdA, nodeB] = msg as [string, string, unknown, unknown, string];
    const key = `${nodeA}\u0000${nodeB}`;
    const now = Date.now();
    for (const [k, v] of lostConnections) if (now - v.at > LOST_CONNECTION_KEEP_MS) lostConnections.delete(k);
    const seen = lostConnections.get(key);
    if (seen !== undefined && termEquals(seen.xcreation, xcreA) && lessOrEqual(opIdA, seen.opId)) return;
    // Pass it on, so that every node hears of it even if some lose NodeA meanwhile.
    this.volatileMulticast(msg, nodeA, POP_VSN, true);
    lostConnections.set(key, { xcreation: xcreA, opId: opIdA, at: now });
    const rm = node() === nodeB ? nodeA : nodeB;
    if (!this.isNodePotentiallyKnown(rm)) return;
    const vsn = this.nodeVsn(rm);
    let what: string;
    if (vsn < POP_VSN) {
      disconnect_node(rm);
      what = 'disconnected old';
    } else {
      volatileSend(rm, ['remove_connection', node()]);
      what = 'requested disconnect from';
    }
    logReport(
      'warning',
      undefined,
      `'global' at node ${node()} ${what} node ${rm} in order to prevent overlapping partitions`,
      self(),
    );
    this.handleNodedown(rm, 'remove_connection');
  }

  removeConnection(n: string): void {
    if (!this.isNodePotentiallyKnown(n)) return;
    disconnect_node(n);
    this.handleNodedown(n, 'remove_connection');
    logReport(
      'warning',
      undefined,
      `'global' at node ${node()} disconnected node ${n} in order to prevent overlapping partitions`,
      self(),
    );
  }

  isNodePotentiallyKnown(n: string): boolean {
    return this.known.has(n) || this.pending.has(n);
  }

  cancelLocker(n: string, tag: unknown, fun: unknown = 'no_fun'): void {
    send(this.theLocker, ['cancel', n, tag, fun]);
    this.sendCancelConnect(n, tag);
    const r = this.resolvers.find((x) => x.node === n);
    if (r !== undefined && termEquals(r.tag, tag)) {
      exit(r.pid, 'kill');
      this.helpers.delete(r.pid);
      this.resolvers = this.resolvers.filter((x) => x !== r);
    }
  }

  sendCancelConnect(n: string, myTag: unknown): void {
    const vsn = this.pending.get(n);
    if (vsn === undefined || vsn < VERIFY_CONNECT_VSN) return;
    if (!termEquals(this.tagMy(n), myTag)) return;
    sendCancelConnectMessage(n, this.tagHis(n));
  }

  doWhereis(name: unknown, from: unknown): void {
    if (!isGlobalLockSet()) reply(from, where(name));
    else this.helper('timer', sendAgain, [self(), ['whereis', name, from]]);
  }

  disconnectAll(): List<string> {
    const out = new List<string>();
    for (const n of [...this.connectionIds.keys()]) {
      disconnect_node(n);
      this.handleNodedown(n, 'ignore_node');
      this.connectionIds.delete(n);
      out.push(n);
    }
    return out;
  }

  // ---- known nodes -----------------------------------------------------------------

  nodeVsn(n: string): number {
    if (n === node()) return VSN;
    return this.known.get(n) ?? this.pending.get(n) ?? 0;
  }

  mkKnownList(vsn: number): List<unknown> {
    if (vsn < PGPV_VSN) return list(...this.known.keys());
    return list(...[...this.known].map(([n, v]) => [n, v]));
  }

  makeNodeVsnList(items: readonly unknown[]): [string, number][] {
    const out: [string, number][] = [];
    for (const x of items) {
      if (isAtom(x)) out.push([x, this.nodeVsn(x)]);
      else if (isTuple(x, 2) && isAtom(x[0])) {
        out.push(x[1] === 0 ? [x[0], this.nodeVsn(x[0])] : [x[0], x[1] as number]);
      }
    }
    return out;
  }

  addToKnown(items: readonly unknown[]): string[] {
    const added: string[] = [];
    for (const x of items) {
      const [n, v] = isAtom(x) ? [x, 0] : isTuple(x, 2) && isAtom(x[0]) ? [x[0], Number(x[1])] : [null, 0];
      if (n === null || n === node()) continue;
      const had = this.known.get(n);
      if (had === undefined) {
        added.unshift(n);
        this.known.set(n, v);
      } else if (had < 0) this.known.set(n, v);
    }
    return added;
  }

  info(): Record<string, unknown> {
    return {
      known: list(...[...this.known].map(([n, v]) => [n, v])),
      synced: list(...this.synced),
      resolvers: list(...this.resolvers.map((r) => [r.node, r.tag, r.pid])),
      syncers: list(...this.syncers),
      node_name: node(),
      the_locker: this.theLocker,
      the_registrar: this.theRegistrar,
    };
  }
}

function nodeList(items: readonly unknown[]): string[] {
  return items.map((x) => (isAtom(x) ? x : isTuple(x, 2) && isAtom(x[0]) ? x[0] : null)).filter(isAtom);
}

/** An integer as erlts keeps it: a number while it is exact, a bigint beyond. */
function int(b: bigint): number | bigint {
  return b >= BigInt(Number.MIN_SAFE_INTEGER) && b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
}

function lessOrEqual(a: unknown, b: unknown): boolean {
  return (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint') &&
    a <= b
  );
}

function sendCancelConnectMessage(n: string, hisTag: unknown): void {
  volatileSend(n, ['cancel_connect', node(), hisTag]);
}

// ---- the helper processes ---------------------------------------------------------------

/** The resolver of one connect session: finds the clashes in the names the other node sent. */
async function resolver(n: string, tag: unknown): Promise<void> {
  for (;;) {
    const m = await receive();
    if (isTuple(m, 3, 'resolve') && m[2] === n) {
      const [ops, resolved] = await exchangeNames(elements(m[1]), n);
      cast(node(), ['exchange_ops', n, tag, ops, resolved]);
      return;
    }
    // Anything else is garbage.
  }
}

/**
 * exchange_names/4: his names against ours. A clash is resolved by the node with the smaller
 * name, calling the method of the name it holds on that pid's node: `Ops` are what this node
 * inserts or deletes, `Resolved` what the other does.
 */
async function exchangeNames(nameList: unknown[], n: string): Promise<[List<unknown>, List<unknown>]> {
  const ops = new List<unknown>();
  const res = new List<unknown>();
  for (const item of nameList) {
    if (!isTuple(item, 3) || !is_pid(item[1])) continue;
    const [name, pid, method] = item as [unknown, Pid, unknown];
    const mine = names.get(name);
    if (mine === undefined) {
      ops.unshift(['insert', [name, pid, method]]);
      continue;
    }
    if (mine.pid === pid || compareNodes(node(), n) >= 0) continue;
    const pid2 = mine.pid;
    const method2 = mine.method;
    const r = await rpcCall(node(pid2), resolve_it, 'resolve_it', [method2, name, pid, pid2]);
    if (r === pid) ops.unshift(['insert', [name, pid, method]]);
    else if (r === pid2) res.unshift(['insert', [name, pid2, method2]]);
    else if (r === 'none') {
      ops.unshift(['delete', name]);
      res.unshift(['delete', name]);
    } else if (isTuple(r, 2, 'badrpc')) {
      logReport(
        'info',
        undefined,
        `global: badrpc ${describe(r[1])} received when conflicting name ${describe(name)} was found\n`,
        self(),
      );
      ops.unshift(['insert', [name, pid, method]]);
    } else {
      logReport(
        'info',
        undefined,
        `global: Resolve method ${describe(method)} for conflicting name ${describe(name)} returned ${describe(r)}\n`,
        self(),
      );
      ops.unshift(['delete', name]);
      res.unshift(['delete', name]);
    }
  }
  return [ops, res];
}

/** sync_other/2: connects to a node learnt of and tells it `in_sync`; one that cannot be reached is an extra nodedown. */
async function syncOther(n: string, hooks: GlobalHooks): Promise<void> {
  if (await hooks.connectNode(n)) {
    monitor_node(n, true);
    const down = await receive(
      on(['nodedown', n], () => true),
      after(0, () => false),
    );
    if (!down) {
      cast(n, ['in_sync', node(), true]);
      return;
    }
  }
  logReport('warning', undefined, `'global' at ${node()} failed to connect to ${n}\n`, self());
  send(SERVER, ['extra_nodedown', n]);
}

/** The process of one global:sync(): answers `ok` when every node is synced or down. */
async function syncInit(targets: string[], from: unknown): Promise<void> {
  let left = [...targets];
  for (const n of left) monitor_node(n, true);
  while (left.length > 0) {
    const m = (await receive(on(['nodedown', _]), on(['synced', _]))) as [string, unknown];
    if (m[0] === 'nodedown') {
      monitor_node(m[1] as string, false);
      left = left.filter((x) => x !== m[1]);
    } else {
      const done = elements(m[1]).filter(isAtom);
      for (const x of done) monitor_node(x, false);
      left = minus(left, done);
    }
  }
  reply(from, 'ok');
}

async function sendAgain(to: Pid, msg: unknown): Promise<void> {
  await randomSleep(5);
  send(to, msg);
}

/** The registrar: runs register/unregister funs under global's lock on every known node. */
async function theRegistrar(): Promise<void> {
  for (;;) {
    const m = await receive();
    if (isTuple(m, 3, 'trans_all_known') && typeof m[1] === 'function') {
      const fun = m[1] as (nodes: string[]) => unknown;
      reply(m[2], await transAllKnown(fun));
    } else unexpected(m, 'register');
  }
}

/** trans_all_known/1: `global`'s own lock on all known nodes, no node becoming known meanwhile. */
async function transAllKnown(fun: (nodes: string[]) => unknown): Promise<unknown> {
  const id: LockId = ['global', self()];
  const targets = await setLockKnown(id, 0);
  try {
    return await fun(targets);
  } finally {
    await deleteGlobalLock(id, targets);
  }
}

async function setLockKnown(id: LockId, times: number): Promise<string[]> {
  for (;;) {
    const known = (await callKnown()) as string[];
    const targets = [node(), ...known];
    const boss = targets.reduce((a, b) => (compareNodes(a, b) >= 0 ? a : b));
    if (await setLockOnNodes(id, [boss])) {
      if ((await setLockOnNodes(id, targets)) && minus((await callKnown()) as string[], known).length === 0) {
        return targets;
      }
      await deleteGlobalLock(id, [boss]);
    }
    await randomSleep(times);
    times++;
  }
}

function callKnown(): Promise<unknown> {
  return callServer('get_known');
}

// ---- start and stop -------------------------------------------------------------------

let current: NameServer | null = null;

async function serverMain(hooks: GlobalHooks): Promise<void> {
  process_flag('trap_exit', true);
  const s = new NameServer(hooks);
  current = s;
  adopt(s.watch);
  s.theLocker = spawnLibraryProcess('global:init/1', theLocker, [], {
    system: true,
    link: true,
    initialCall: ['global', 'init_the_locker_fun', 1],
  })[0];
  s.theRegistrar = spawnLibraryProcess('global:init/1', theRegistrar, [], {
    system: true,
    link: true,
    initialCall: ['global', 'loop_the_registrar', 0],
  })[0];
  for (;;) {
    const msg = await receive();
    s.handle(msg);
    if (s.stopReason !== undefined) {
      if (current === s) current = null;
      endHelpers(s);
      forsake();
      if (s.stopReason === 'normal') return;
      throw new ExitException(s.stopReason);
    }
  }
}

function endHelpers(s: NameServer): void {
  for (const pid of [s.theLocker, s.theRegistrar, ...s.helpers]) {
    if (pid !== undefined) exit(pid, 'kill');
  }
  s.helpers.clear();
}

/**
 * Starts global_name_server (net_kernel's start does, once the node is named): registered, a
 * system process, with its locker and registrar.
 * @returns its pid, for net_kernel to subscribe to the node monitor
 */
export function startGlobalNameServer(hooks: GlobalHooks): Pid {
  const [pid] = spawnLibraryProcess('net_kernel:start/2', serverMain, [hooks], {
    system: true,
    initialCall: ['global', 'init', 1],
  });
  register(SERVER, pid);
  return pid;
}

/**
 * Stops global_name_server with the distribution (net_kernel's stop): its helpers end, and the
 * names and locks of other nodes' processes go; this node's stay.
 */
export function stopGlobalNameServer(): void {
  const s = current;
  current = null;
  if (s !== null) endHelpers(s);
  const pid = whereis(SERVER);
  if (pid !== 'undefined') exit(pid, 'kill');
  forsake();
}
