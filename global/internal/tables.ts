/**
 * global's tables, as OTP keeps them in ETS: the registered names (`global_names`, with the
 * helper index by pid and by monitor reference, `global_pid_names`), the names that C nodes
 * registered (`global_names_ext`), the locks (`global_locks`, `global_pid_ids`), and what
 * `lost_connection` messages were seen (`global_lost_connections`).
 *
 * They are module state, not the server's: whereis_name reads them from any process, as OTP's
 * reads the protected ETS table, and only the name server (or, while this node is not
 * distributed and no server runs, the caller itself) writes them.
 *
 * Invariant: every name entry and every lock holder carries the monitor the server set on its
 * process (`ref`), or null when it was made while no server ran; the server monitors those when
 * it starts (adopt), and until then a dead local holder is noticed when it is looked at, as
 * OTP's `where/1` checks `is_process_alive` for a local pid.
 */
import {
  type Pid,
  type Ref,
  List,
  demonitor,
  is_process_alive,
  link,
  node,
  unlink,
} from '../../runtime/index.js';
import { compareTerms, isList, termEquals } from '../../runtime/internal/dist-api.js';

// ---- terms as keys ------------------------------------------------------------

/**
 * A map keyed by Erlang terms compared with `=:=` (ETS `set` tables compare keys so). Terms are
 * bucketed by a cheap key (an atom's text, a tuple's size and tag) and compared within a bucket.
 */
export class TermMap<V> {
  readonly #buckets = new Map<string, [unknown, V][]>();
  #size = 0;

  static bucketOf(t: unknown): string {
    switch (typeof t) {
      case 'string':
        return `a${t}`;
      case 'number':
      case 'bigint':
        return `n${String(t)}`;
      case 'boolean':
        return `a${String(t)}`;
      default:
        if (Array.isArray(t) && !isList(t)) {
          const first: unknown = (t as unknown[])[0];
          return `t${t.length}:${typeof first === 'string' ? first : typeof first}`;
        }
        return `o${isList(t) ? 'list' : typeof t}`;
    }
  }

  get size(): number {
    return this.#size;
  }

  get(key: unknown): V | undefined {
    const b = this.#buckets.get(TermMap.bucketOf(key));
    if (b === undefined) return undefined;
    for (const [k, v] of b) if (termEquals(k, key)) return v;
    return undefined;
  }

  has(key: unknown): boolean {
    return this.get(key) !== undefined;
  }

  set(key: unknown, value: V): void {
    const id = TermMap.bucketOf(key);
    let b = this.#buckets.get(id);
    if (b === undefined) {
      b = [];
      this.#buckets.set(id, b);
    }
    for (const entry of b) {
      if (termEquals(entry[0], key)) {
        entry[1] = value;
        return;
      }
    }
    b.push([key, value]);
    this.#size++;
  }

  delete(key: unknown): boolean {
    const id = TermMap.bucketOf(key);
    const b = this.#buckets.get(id);
    if (b === undefined) return false;
    const i = b.findIndex(([k]) => termEquals(k, key));
    if (i < 0) return false;
    b.splice(i, 1);
    if (b.length === 0) this.#buckets.delete(id);
    this.#size--;
    return true;
  }

  *values(): IterableIterator<V> {
    for (const b of this.#buckets.values()) for (const [, v] of b) yield v;
  }

  clear(): void {
    this.#buckets.clear();
    this.#size = 0;
  }
}

// ---- the tables ---------------------------------------------------------------

/** A registered name: `{Name, Pid, Method, Ref}` of global_names. */
export interface NameEntry {
  readonly name: unknown;
  readonly pid: Pid;
  readonly method: unknown;
  ref: Ref | null;
}

/** A lock: `{ResourceId, LockRequesterId, [{Pid, Ref}]}` of global_locks. */
export interface LockEntry {
  readonly resourceId: unknown;
  readonly requesterId: unknown;
  holders: { readonly pid: Pid; ref: Ref | null }[];
}

/** A name a C node registered through this node: `{Name, Pid, RegNode}` of global_names_ext. */
export interface NameExtEntry {
  readonly name: unknown;
  readonly pid: Pid;
  readonly regNode: string;
}

export const names = new TermMap<NameEntry>();
export const namesExt = new TermMap<NameExtEntry>();
export const locks = new TermMap<LockEntry>();
/** global_pid_names by pid. */
const pidNames = new Map<Pid, Set<NameEntry>>();
/** global_pid_names by monitor reference. */
const refNames = new Map<Ref, NameEntry>();
/** global_pid_ids by monitor reference. */
const refLocks = new Map<Ref, Set<LockEntry>>();

/** The resource id of global's own lock. */
export const GLOBAL_RID = 'global';

/** How the server monitors a process it keeps a name or lock for; null while none runs. */
export type Watch = ((pid: Pid) => Ref) | null;

/** Whether a lock on `global` was removed because its holder died (the server's flag). */
export let globalLockDown = false;

function isLocal(pid: Pid): boolean {
  return pid._node === null;
}

/** A dead local process with no monitor to tell of its death: what OTP's DOWN would remove. */
function deadUnwatched(pid: Pid, ref: Ref | null): boolean {
  return ref === null && isLocal(pid) && !is_process_alive(pid);
}

// ---- names --------------------------------------------------------------------

/** where/1: the pid registered as `name`, `undefined` for none or a dead local one. */
export function where(name: unknown): Pid | 'undefined' {
  const e = names.get(name);
  if (e === undefined) return 'undefined';
  if (isLocal(e.pid)) {
    if (is_process_alive(e.pid)) return e.pid;
    if (e.ref === null) deleteGlobalName2(name);
    return 'undefined';
  }
  return e.pid;
}

/** registered_names/0's names. */
export function registeredNames(): List<unknown> {
  const out = new List<unknown>();
  for (const e of [...names.values()]) {
    if (deadUnwatched(e.pid, e.ref)) deleteGlobalName2(e.name);
    else out.push(e.name);
  }
  return out;
}

/** get_names/0: `[{Name, Pid, Method}]`, what the exchange sends. */
export function getNames(): List<[unknown, Pid, unknown]> {
  const out = new List<[unknown, Pid, unknown]>();
  for (const e of [...names.values()]) {
    if (deadUnwatched(e.pid, e.ref)) deleteGlobalName2(e.name);
    else out.push([e.name, e.pid, e.method]);
  }
  return out;
}

/** get_names_ext/0: `[{Name, Pid, RegNode}]`. */
export function getNamesExt(): List<[unknown, Pid, string]> {
  const out = new List<[unknown, Pid, string]>();
  for (const e of namesExt.values()) out.push([e.name, e.pid, e.regNode]);
  return out;
}

/** The names `pid` holds (global_pid_names). */
export function namesOf(pid: Pid): unknown[] {
  return [...(pidNames.get(pid) ?? [])].map((e) => e.name);
}

/**
 * ins_name: `name` is `pid`'s from now on (any entry it had is dropped, keeping whereis
 * answering until the new one is in).
 * @param from - the registrar that asked (its lock must still be set), the node whose
 *   `new_nodes` brought it (`extra` then names the lock), or null for a node not distributed
 */
export function insName(
  name: unknown,
  pid: Pid,
  method: unknown,
  from: Pid | string | null,
  extra: unknown,
  watch: Watch,
): void {
  deleteGlobalNameKeepPid(name);
  insertGlobalName(name, pid, method, from, extra, watch);
}

/** ins_name_ext: as {@link insName} for a C node's name, linked when registered through here. */
export function insNameExt(
  name: unknown,
  pid: Pid,
  method: unknown,
  regNode: string,
  from: Pid | string | null,
  extra: unknown,
  watch: Watch,
): void {
  deleteGlobalNameKeepPid(name);
  if (regNode === node()) link(pid);
  namesExt.set(name, { name, pid, regNode });
  insertGlobalName(name, pid, method, from, extra, watch);
}

function insertGlobalName(
  name: unknown,
  pid: Pid,
  method: unknown,
  from: Pid | string | null,
  extra: unknown,
  watch: Watch,
): void {
  const entry: NameEntry = { name, pid, method, ref: watch === null ? null : watch(pid) };
  names.set(name, entry);
  let set = pidNames.get(pid);
  if (set === undefined) pidNames.set(pid, (set = new Set()));
  set.add(entry);
  if (entry.ref !== null) refNames.set(entry.ref, entry);
  // The node that took the lock went down and came back, and this register or new_nodes is
  // late: the DOWN of the lock's monitor removed the lock, so the name must not stay.
  if (from !== null && !lockStillSet(from, extra)) deleteGlobalName2(name);
}

function lockStillSet(from: Pid | string, extra: unknown): boolean {
  const lock = locks.get(GLOBAL_RID);
  if (lock === undefined) return !globalLockDown;
  if (typeof from !== 'string') return lock.holders.some((h) => h.pid === from);
  const info = extraInfo('lock', extra);
  return Array.isArray(info) && info.length === 2 && termEquals(lock.requesterId, info[1]);
}

/** extra_info/2: the value under `tag` in a new_nodes ExtraInfo list, or undefined. */
export function extraInfo(tag: string, extra: unknown): unknown {
  if (!Array.isArray(extra)) return undefined;
  for (const item of extra as unknown[]) {
    if (Array.isArray(item) && item.length === 2 && item[0] === tag) return item[1];
  }
  return undefined;
}

/** del_name/2: the name whose monitor is `ref` is gone (its process died). */
export function delName(ref: Ref): void {
  const e = refNames.get(ref);
  if (e !== undefined && names.get(e.name) === e) deleteGlobalName2(e.name);
}

function deleteGlobalNameKeepPid(name: unknown): void {
  const e = names.get(name);
  if (e !== undefined) dropName(e);
}

/** delete_global_name2/2: `name` is nobody's. */
export function deleteGlobalName2(name: unknown): void {
  const e = names.get(name);
  if (e === undefined) return;
  names.delete(name);
  dropName(e);
}

function dropName(e: NameEntry): void {
  if (e.ref !== null) {
    refNames.delete(e.ref);
    demonitor(e.ref, ['flush']);
  }
  const set = pidNames.get(e.pid);
  set?.delete(e);
  if (set?.size === 0) pidNames.delete(e.pid);
  const ext = namesExt.get(e.name);
  if (ext !== undefined && ext.pid === e.pid) {
    namesExt.delete(e.name);
    if (ext.regNode === node()) unlinkPid(e.pid);
  }
}

function unlinkPid(pid: Pid): void {
  if (pidNames.has(pid)) return;
  for (const l of locks.values()) if (l.holders.some((h) => h.pid === pid)) return;
  unlink(pid);
}

// ---- locks --------------------------------------------------------------------

/**
 * can_set_lock/1: the holders when `id` may be set (free, or held under the same requester id),
 * false when another requester holds it.
 */
export function canSetLock(id: readonly [unknown, unknown]): LockEntry['holders'] | false {
  const [resourceId, requesterId] = id;
  const lock = locks.get(resourceId);
  if (lock === undefined) return [];
  // Holders that died unwatched (no server ran) are gone, as their DOWN would have removed them.
  for (const h of [...lock.holders]) if (deadUnwatched(h.pid, h.ref)) removeLock(lock, h.pid, true);
  const still = locks.get(resourceId);
  if (still === undefined) return [];
  return termEquals(still.requesterId, requesterId) ? still.holders : false;
}

/** handle_set_lock/3: sets `id` for `pid`; whether it could. */
export function handleSetLock(id: readonly [unknown, unknown], pid: Pid, watch: Watch): boolean {
  const holders = canSetLock(id);
  if (holders === false) return false;
  if (holders.some((h) => h.pid === pid)) return true;
  const [resourceId, requesterId] = id;
  const ref = watch === null ? null : watch(pid);
  const lock = locks.get(resourceId) ?? { resourceId, requesterId, holders: [] };
  lock.holders = [{ pid, ref }, ...lock.holders];
  locks.set(resourceId, lock);
  if (ref !== null) {
    let set = refLocks.get(ref);
    if (set === undefined) refLocks.set(ref, (set = new Set()));
    set.add(lock);
  }
  return true;
}

/** handle_del_lock/3: `pid` lets go of `id` (if that requester holds the resource). */
export function handleDelLock(id: readonly [unknown, unknown], pid: Pid): void {
  const [resourceId, requesterId] = id;
  const lock = locks.get(resourceId);
  if (lock !== undefined && termEquals(lock.requesterId, requesterId)) removeLock(lock, pid, false);
}

/**
 * remove_lock/6: `pid` no longer holds `lock`; when it was the last holder the resource is free
 * (and for `global`, whether that was by its death is remembered: lock_still_set reads it).
 */
function removeLock(lock: LockEntry, pid: Pid, down: boolean): void {
  const i = lock.holders.findIndex((h) => h.pid === pid);
  if (i < 0) return;
  const { ref } = lock.holders[i]!;
  if (ref !== null) {
    const set = refLocks.get(ref);
    set?.delete(lock);
    if (set?.size === 0) refLocks.delete(ref);
    demonitor(ref, ['flush']);
  }
  lock.holders.splice(i, 1);
  if (lock.holders.length > 0) return;
  if (locks.get(lock.resourceId) === lock) locks.delete(lock.resourceId);
  if (lock.resourceId === GLOBAL_RID) globalLockDown = down;
}

/** delete_lock/2: the process whose monitor is `ref` died: its locks go. */
export function deleteLockByRef(ref: Ref): void {
  const set = refLocks.get(ref);
  if (set === undefined) return;
  for (const lock of [...set]) {
    const h = lock.holders.find((x) => x.ref === ref);
    if (h !== undefined) removeLock(lock, h.pid, true);
  }
  refLocks.delete(ref);
}

/** is_global_lock_set/0. */
export function isGlobalLockSet(): boolean {
  return locks.has(GLOBAL_RID);
}

// ---- the server's start and stop ------------------------------------------------

/**
 * The server starts: it monitors every holder of a name or lock made while none ran (a dead one
 * is dropped now).
 */
export function adopt(watch: (pid: Pid) => Ref): void {
  globalLockDown = false;
  for (const e of [...names.values()]) {
    if (e.ref !== null) continue;
    if (!is_process_alive(e.pid)) {
      deleteGlobalName2(e.name);
      continue;
    }
    e.ref = watch(e.pid);
    refNames.set(e.ref, e);
  }
  for (const lock of [...locks.values()]) {
    for (const h of [...lock.holders]) {
      if (h.ref !== null) continue;
      if (!is_process_alive(h.pid)) {
        removeLock(lock, h.pid, true);
        continue;
      }
      h.ref = watch(h.pid);
      let set = refLocks.get(h.ref);
      if (set === undefined) refLocks.set(h.ref, (set = new Set()));
      set.add(lock);
    }
  }
}

/**
 * The server stopped with the distribution: its monitors are gone with it, the names and locks
 * of other nodes' processes go (their nodes are no longer connected), this node's stay,
 * unwatched, as a node that is not distributed keeps them.
 */
export function forsake(): void {
  refNames.clear();
  refLocks.clear();
  lostConnections.clear();
  globalLockDown = false;
  for (const e of [...names.values()]) {
    if (!isLocal(e.pid)) {
      e.ref = null;
      deleteGlobalName2(e.name);
    } else e.ref = null;
  }
  for (const e of [...namesExt.values()]) if (!isLocal(e.pid)) namesExt.delete(e.name);
  for (const lock of [...locks.values()]) {
    lock.holders = lock.holders.filter((h) => isLocal(h.pid)).map((h) => ({ pid: h.pid, ref: null }));
    if (lock.holders.length === 0) locks.delete(lock.resourceId);
  }
}

// ---- lost connections -------------------------------------------------------------

/** global_lost_connections: `{NodeA, NodeB}` → what the last such message said, and when. */
export const lostConnections = new Map<string, { xcreation: unknown; opId: unknown; at: number }>();

/** How long a lost_connection is remembered (OTP: an hour, by a timer). */
export const LOST_CONNECTION_KEEP_MS = 60 * 60 * 1000;

/** The term order of two nodes' names (atoms), as `<` compares them in Erlang. */
export function compareNodes(a: string, b: string): number {
  return compareTerms(a, b);
}
