/**
 * The locker: the name server's satellite process that, when two nodes connect, sets the lock
 * `{global, [LockerA, LockerB]}` (the two lockers' pids, sorted) on every node of its own
 * partition and on the other node, then tells the other locker (through the name servers,
 * `{lock_set, Pid, true, Known, HisTag}`) and waits until it has done the same; then both name
 * servers exchange their names under the lock, and the locker holds it until its server cancels
 * it (`{cancel, Node, Tag, Fun}`), running `Fun` (the `new_nodes` casts) before letting go.
 *
 * As OTP's `loop_the_locker`: requests (`#him{}`) from nodes on this host are taken before
 * others; a pass waits 200 ms to 3 s (nothing while the lock on `global` is held by someone);
 * the partition's "boss" (the greatest node name) is locked first, so that two lockers racing
 * for overlapping partitions meet at one node. Both lockers use the same requester id, so the
 * nodes they share accept both.
 */
import {
  _,
  after,
  is_pid,
  list,
  node,
  on,
  process_flag,
  receive,
  self,
  send,
  type Pid,
} from '../../runtime/index.js';
import { compareTerms, describe, logReport, termEquals } from '../../runtime/internal/dist-api.js';
import { callServer, cast, multiCall, randomSleep } from './calls.js';
import { canSetLock, compareNodes, isGlobalLockSet } from './tables.js';

/** The protocol version of global as erlts speaks it (OTP 25's). */
export const VSN = 8;
/** The version from which init_connect_ack, cancel_connect and tagged lock_set exist. */
export const VERIFY_CONNECT_VSN = 8;

/** A lock id: `{ResourceId, LockRequesterId}`. */
export type LockId = [unknown, unknown];

/** A node waiting to be locked with: OTP's `#him{}`. */
interface Him {
  readonly node: string;
  readonly locker: Pid;
  readonly vsn: number;
  readonly myTag: unknown;
  readonly hisTag: unknown;
}

/** The locker's state: OTP's `#multi{}`. */
interface Multi {
  local: Him[];
  remote: Him[];
  known: string[];
  theBoss: string;
  justSynced: boolean;
}

const NOTHING = Symbol('nothing');

/** The locker's body: spawned linked by the name server. */
export async function theLocker(): Promise<void> {
  process_flag('trap_exit', true);
  let s: Multi = { local: [], remote: [], known: [], theBoss: node(), justSynced: false };
  s = updateKnown(s, ['add', (await callServer('get_known')) as string[]]);
  for (;;) s = await pass(s);
}

/** One turn of loop_the_locker/1. */
async function pass(s: Multi): Promise<Multi> {
  const now = await receive(
    on(_, (m) => m),
    after(0, () => NOTHING),
  );
  if (now !== NOTHING) return lockerMessage(now, s);
  let timeout: number;
  if (s.local.length === 0 && s.remote.length === 0) timeout = Infinity;
  // Above zero, so that another node of the partition may take the lock after a failure here.
  else if (s.justSynced) timeout = 0;
  else if (s.known.length === 0) timeout = 200;
  else timeout = Math.min(1000 + 100 * s.known.length, 3000);
  const s1 = { ...s, justSynced: false };
  const later = await receive(
    on(_, (m) => m),
    after(timeout, () => NOTHING),
  );
  if (later !== NOTHING) return lockerMessage(later, s1);
  return isGlobalLockSet() ? s1 : selectNode(s1);
}

function isTuple(m: unknown, size: number, tag: string): m is unknown[] {
  return Array.isArray(m) && m.length === size && m[0] === tag;
}

/** the_locker_message/2. */
async function lockerMessage(m: unknown, s: Multi): Promise<Multi> {
  if (isTuple(m, 5, 'his_the_locker')) {
    const [, locker, vsnKnown, hisTag, myTag] = m as [string, Pid, [number, unknown], unknown, unknown];
    const him: Him = { node: node(locker), locker, vsn: vsnKnown[0], myTag, hisTag };
    return isNodeLocal(him.node) ? { ...s, local: [him, ...s.local] } : { ...s, remote: [him, ...s.remote] };
  }
  if (isTuple(m, 4, 'cancel') && m[3] === 'no_fun') {
    // A cancel tagged `undefined` may be an old nodedown's: acting on it could cancel a new nodeup.
    if (m[2] === 'undefined') return s;
    return removeNode(s, m[1] as string, m[2]);
  }
  if ((isTuple(m, 5, 'lock_set') || isTuple(m, 4, 'lock_set')) && m[2] === false) return s;
  if (isTuple(m, 5, 'lock_set') && m[2] === true) return spontaneous(m[1] as Pid, m[4], s);
  if (isTuple(m, 4, 'lock_set') && m[2] === true) {
    const found = findNodeTag(node(m[1] as Pid), s);
    if (found !== undefined) return spontaneous(m[1] as Pid, found.myTag, s);
    sendLockSet(s, false, m[1] as Pid, 5, 0);
    return s;
  }
  if (isTuple(m, 2, 'add_to_known')) return updateKnown(s, ['add', m[1] as string[]]);
  if (isTuple(m, 2, 'remove_from_known')) return updateKnown(s, ['remove', m[1] as string]);
  if (isTuple(m, 2, 'do_trace')) return s;
  if (isTuple(m, 3, 'get_state')) {
    getStateReply(m, 'the_locker_message', s);
    return s;
  }
  unexpected(m);
  return s;
}

/**
 * The other locker set the lock on its side first ({lock_set, Pid, true, ...} before this locker
 * chose that node): lock this partition with the same id and answer.
 */
async function spontaneous(pid: Pid, myTag: unknown, s: Multi): Promise<Multi> {
  const n = node(pid);
  const found = findNodeTag(n, s);
  if (found === undefined || !termEquals(found.myTag, myTag)) {
    sendLockSet(s, false, pid, 5, 0);
    return s;
  }
  const lockId = lockerLockId(pid);
  const [isSet, s1] = await lockNodesSafely(lockId, [], s);
  sendLockSet(s1, isSet, pid, found.vsn, found.hisTag);
  const known2 = [node(), ...s1.known];
  if (!isSet) return { ...s1, justSynced: false };
  cast(node(), ['lock_is_set', n, myTag, lockId]);
  // Held until the server cancels it (the exchange is done, or the other node went down).
  await waitCancelLock(n, lockId, myTag, known2, 'the_locker_message_wait_cancel', s1);
  return removeNode({ ...s1, justSynced: true }, n, myTag);
}

/** select_node/1: takes one waiting node (this host's first) and tries to lock both partitions. */
async function selectNode(s: Multi): Promise<Multi> {
  const useRemote = s.local.length === 0;
  const others = (useRemote ? s.remote : s.local).filter((h) => !s.known.includes(h.node));
  const s1 = useRemote ? { ...s, remote: others } : { ...s, local: others };
  if (others.length === 0) return s1;
  const him = others[Math.floor(Math.random() * others.length)]!;
  const lockId = lockerLockId(him.locker);
  // Locking his node too prevents a deadlock between the two lockers.
  const [isSet, s2] = await lockNodesSafely(lockId, [him.node], s1);
  if (!isSet) return s2;
  const known1 = [node(), him.node, ...s2.known];
  sendLockSet(s2, true, him.locker, him.vsn, him.hisTag);
  return lockIsSet(s2, him, known1, lockId);
}

/** send_lock_set/5: through his name server (vsn 6+), tagged with his tag (vsn 8+). */
function sendLockSet(s: Multi, isSet: boolean, hisLocker: Pid, vsn: number, hisTag: unknown): void {
  const known = list(...s.known);
  const msg =
    vsn < VERIFY_CONNECT_VSN
      ? ['lock_set', self(), isSet, known]
      : ['lock_set', self(), isSet, known, hisTag];
  if (vsn < 6) send(hisLocker, msg);
  else cast(node(hisLocker), msg);
}

/** locker_lock_id/2: `{global, lists:sort([self(), HisLocker])}`, the same on both sides. */
function lockerLockId(pid: Pid): LockId {
  const pids = [self(), pid].sort(compareTerms);
  return ['global', list(...pids)];
}

/**
 * lock_nodes_safely/3: the boss first, then this node and `extra`, then the rest of the
 * partition; any refusal undoes what was set.
 */
async function lockNodesSafely(lockId: LockId, extra: string[], s0: Multi): Promise<[boolean, Multi]> {
  const first = deleteNonode([s0.theBoss]);
  const me = node();
  if (!(first.length === 1 && first[0] === me) && canSetLock(lockId) === false) return [false, s0];
  if (!(await setLock(lockId, first, 0))) return [false, s0];
  const s = await updateKnownFromMailbox(s0);
  // The boss may have changed, but don't bother (as OTP).
  const second = deleteNonode(minus([me, ...extra], first));
  if (!(await setLock(lockId, second, 0))) {
    await delLock(lockId, first);
    return [false, s];
  }
  if (!(await setLock(lockId, minus(s.known, first), 0))) {
    await delLock(lockId, [...first, ...second]);
    return [false, s];
  }
  return [true, s];
}

/**
 * lock_is_set/5: this side holds the lock; wait for his locker's answer: his lock set too (the
 * server is told), or not (let go), or a cancel from the server.
 */
async function lockIsSet(s: Multi, him: Him, known1: string[], lockId: LockId): Promise<Multi> {
  const from = (p: unknown): boolean => is_pid(p) && node(p) === him.node;
  for (;;) {
    const m = (await receive(
      on(
        ['lock_set', _, _, _, _],
        (x) => from(x[1]),
        (x) => x,
      ),
      on(
        ['lock_set', _, _, _],
        (x) => from(x[1]),
        (x) => x,
      ),
      on(
        ['cancel', him.node, _, _],
        (x) => termEquals(x[2], him.myTag),
        (x) => x,
      ),
      on(['get_state', _, _]),
    )) as unknown[];
    if (m[0] === 'get_state') {
      getStateReply(m, 'lock_is_set', s);
      continue;
    }
    if (m[0] === 'cancel') {
      callFun(m[3]);
      await deleteGlobalLock(lockId, known1);
      return removeNode(s, him.node, him.myTag);
    }
    const tagged = m.length === 5;
    if (tagged && !termEquals(m[4], him.myTag)) continue;
    if (m[2] !== true) {
      await deleteGlobalLock(lockId, known1);
      return s;
    }
    cast(node(), ['lock_is_set', him.node, him.myTag, lockId]);
    await waitCancelLock(him.node, lockId, him.myTag, known1, 'lock_is_set_wait_cancel', s);
    return {
      ...s,
      justSynced: true,
      local: s.local.filter((h) => h !== him),
      remote: s.remote.filter((h) => h !== him),
    };
  }
}

/** wait_cancel_lock/6: hold the lock until the server cancels; its Fun runs before letting go. */
async function waitCancelLock(
  n: string,
  lockId: LockId,
  myTag: unknown,
  known: string[],
  where: string,
  s: Multi,
): Promise<void> {
  for (;;) {
    const m = (await receive(
      on(
        ['cancel', n, _, _],
        (x) => termEquals(x[2], myTag),
        (x) => x,
      ),
      on(['get_state', _, _]),
    )) as unknown[];
    if (m[0] === 'get_state') {
      getStateReply(m, where, s);
      continue;
    }
    callFun(m[3]);
    await deleteGlobalLock(lockId, known);
    return;
  }
}

function callFun(f: unknown): void {
  if (typeof f === 'function') (f as () => void)();
}

function getStateReply(m: unknown[], where: string, s: Multi): void {
  try {
    send(m[1] as Pid, [m[2], where, { ...s }]);
  } catch {
    // A bad From: nothing to answer.
  }
}

function findNodeTag(n: string, s: Multi): Him | undefined {
  return s.local.find((h) => h.node === n) ?? s.remote.find((h) => h.node === n);
}

function removeNode(s: Multi, n: string, tag: unknown): Multi {
  const drop = (hs: Him[]): Him[] => {
    const i = hs.findIndex((h) => h.node === n && termEquals(h.myTag, tag));
    return i < 0 ? hs : [...hs.slice(0, i), ...hs.slice(i + 1)];
  };
  return { ...s, local: drop(s.local), remote: drop(s.remote) };
}

/** update_locker_known/1: takes the known-node changes already queued. */
async function updateKnownFromMailbox(s: Multi): Promise<Multi> {
  for (;;) {
    const m = await receive(
      on(['add_to_known', _], (x) => x),
      on(['remove_from_known', _], (x) => x),
      after(0, () => NOTHING),
    );
    if (m === NOTHING) return s;
    const [tag, arg] = m as [string, unknown];
    s = updateKnown(s, tag === 'add_to_known' ? ['add', arg as string[]] : ['remove', arg as string]);
  }
}

function updateKnown(s: Multi, upd: ['add', readonly string[]] | ['remove', string]): Multi {
  let known: string[];
  if (upd[0] === 'add') known = [...upd[1], ...s.known];
  else {
    known = [...s.known];
    const i = known.indexOf(upd[1]);
    if (i >= 0) known.splice(i, 1);
  }
  return { ...s, known, theBoss: theBoss([node(), ...known]) };
}

/** the_boss/1: the greatest node name. */
export function theBoss(ns: readonly string[]): string {
  return ns.reduce((a, b) => (compareNodes(a, b) >= 0 ? a : b));
}

/** is_node_local/1: whether `n` is on this host (by the host part of the names). */
function isNodeLocal(n: string): boolean {
  const host = node().split('@')[1];
  return n.split('@')[1] === host;
}

function deleteNonode(ns: string[]): string[] {
  const i = ns.indexOf('nonode@nohost');
  return i < 0 ? ns : [...ns.slice(0, i), ...ns.slice(i + 1)];
}

/** `A -- B`. */
export function minus(a: readonly string[], b: readonly string[]): string[] {
  const out = [...a];
  for (const x of b) {
    const i = out.indexOf(x);
    if (i >= 0) out.splice(i, 1);
  }
  return out;
}

// ---- locks on nodes (set_lock, del_lock), shared with global's API and the registrar ----

/** set_lock/4: on every node of `targets`, retrying `retries` times after a random sleep. */
export async function setLock(
  id: LockId,
  targets: readonly string[],
  retries: number | 'infinity',
  times = 1,
): Promise<boolean> {
  for (;;) {
    if (targets.length === 0) return true;
    if (await setLockOnNodes(id, targets)) return true;
    if (retries === 0) return false;
    await randomSleep(times);
    if (retries !== 'infinity') retries--;
    times++;
  }
}

/** set_lock_on_nodes/2: asks every node's server; a refusal anywhere lets go where it was set. */
export async function setLockOnNodes(id: LockId, targets: readonly string[]): Promise<boolean> {
  if (targets.length === 0) return true;
  // Probe this node first: no use asking the others if it is taken here.
  if (targets.length > 1 && targets.includes(node()) && canSetLock(id) === false) return false;
  const [replies] = await multiCall(targets, ['set_lock', id]);
  if (replies.every(([, r]) => r === true)) return true;
  if (replies.length > 1) {
    await multiCall(
      replies.filter(([, r]) => r === true).map(([n]) => n),
      ['del_lock', id],
    );
  }
  return false;
}

/** del_lock/2. */
export async function delLock(id: LockId, targets: readonly string[]): Promise<true> {
  await multiCall(targets, ['del_lock', id]);
  return true;
}

/** delete_global_lock/2: the boss's lock goes last. */
export async function deleteGlobalLock(id: LockId, targets: readonly string[]): Promise<void> {
  if (targets.length === 0) return;
  const boss = theBoss(targets);
  await delLock(id, minus(targets, [boss]));
  await delLock(id, [boss]);
}

/** unexpected_message/2: an EXIT (the server died) is ignored, anything else logged. */
export function unexpected(m: unknown, what = 'locker'): void {
  if (Array.isArray(m) && m.length === 3 && m[0] === 'EXIT') return;
  logReport(
    'warning',
    undefined,
    () => `The global_name_server ${what} process received an unexpected message:\n${describe(m)}`,
    self(),
  );
}
