/**
 * supervisor, as OTP 25's supervisor.erl: a gen_server callback module (`supervisorModule`)
 * started with gen_server's start functions, and the client functions that call it.
 *
 * The state mirrors OTP's `#state{}` record as a plain object (see {@link SupState}). Its
 * `children` are OTP's `{Ids, Db}` folded into one array of child records in OTP's Ids order:
 * newest first, which is the order children are terminated in, and the order which_children
 * lists them. Child records are replaced, never changed in place, so a record a function holds
 * keeps the pid it had (restart's `{restarting, OldPid}` depends on it). Dynamic children of a
 * simple_one_for_one supervisor live in a Map keyed by pid (OTP's `dynamics`), a restarting one
 * flagged as OTP keys it `{restarting, Pid}`.
 */
import {
  ErlangError,
  _,
  after,
  cancel_timer,
  exit,
  is_pid,
  is_process_alive,
  list,
  monitor,
  on,
  process_flag,
  receive,
  self,
  start_timer,
  monotonic_time,
  unlink,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import {
  ProcessExited,
  caughtException,
  describe,
  isList,
  termEquals,
  type List,
} from '../../../runtime/internal/library-api.js';
import { apply, isModule, moduleName, type CallbackModule } from '../../gen/internal/module.js';
import { isServerName, type ServerName, type ServerRef } from '../../gen/internal/names.js';
import {
  call as genServerCall,
  cast as genServerCast,
  startWithInitialCall,
} from '../../gen_server/internal/gen-server.js';
import {
  checkChildSpec,
  checkFlags,
  checkStartSpec,
  childToSpec,
  type Child,
  type ChildPid,
} from './child-spec.js';
import { get_state as sysGetState } from '../../sys/internal/sys.js';
import { isTuple } from '../../gen/internal/terms.js';
import { reportError, unexpectedMessage } from './report.js';
import type { AutoShutdown, FullChildSpec, Strategy, SupervisorCallbacks } from './types.js';

/** A dynamic child of a simple_one_for_one supervisor: its start arguments, and whether it is being restarted. */
interface Dynamic {
  readonly args: List | 'undefined';
  readonly restarting: boolean;
}

/**
 * OTP's `#state{}`: what sys:get_state gives for a supervisor. `name` is `{local, Name}` (the
 * start name) or `{Pid, Module}` for start_link/2; `restarts` are the monotonic seconds of the
 * restarts within the period, oldest first (OTP's list is newest first); `dynamics` is `{maps | mapsets, Map}` for simple_one_for_one.
 */
export interface SupState {
  name: unknown;
  strategy: Strategy;
  children: Child[];
  dynamics: ['maps' | 'mapsets', Map<Pid, Dynamic>] | 'undefined';
  intensity: number;
  period: number;
  restarts: number[];
  dynamic_restarts: number;
  auto_shutdown: AutoShutdown;
  module: CallbackModule;
  args: unknown;
}

const isSimple = (s: SupState): boolean => s.strategy === 'simple_one_for_one';

// ---- starting -----------------------------------------------------------------------------

/** What a child's start function gave, after catch: `{ok, Pid}`, `{ok, Pid, Extra}`, `{ok, undefined}` (ignore) or `{error, R}`. */
type StartResult = ['ok', Pid | 'undefined'] | ['ok', Pid, unknown] | ['error', unknown];

/** do_start_child_i/3: `catch apply(M, F, A)`, its result sorted as OTP sorts it. */
async function doStartChildI(mod: object, fn: string, args: List | 'undefined'): Promise<StartResult> {
  let r: unknown;
  try {
    r = apply(mod, fn, args === 'undefined' ? [] : args);
    if (r instanceof Promise) r = await r;
  } catch (e) {
    if (e instanceof ProcessExited) throw e;
    const c = caughtException(e);
    r = c.class === 'throw' ? c.reason : ['EXIT', c.class === 'error' ? [c.reason, c.stack] : c.reason];
  }
  if (Array.isArray(r) && r.length === 2 && r[0] === 'ok' && is_pid(r[1])) return ['ok', r[1]];
  if (Array.isArray(r) && r.length === 3 && r[0] === 'ok' && is_pid(r[1])) return ['ok', r[1], r[2]];
  if (r === 'ignore') return ['ok', 'undefined'];
  if (Array.isArray(r) && r.length === 2 && r[0] === 'error') return ['error', r[1]];
  return ['error', r];
}

/** do_start_child/2 (the progress report it writes is not printed by OTP 25's default level). */
function doStartChild(child: Child): Promise<StartResult> {
  return doStartChildI(child.mfargs[0], child.mfargs[1], child.mfargs[2]);
}

/**
 * start_children/2: starts `children` (in start order); returns them in termination order, with
 * the reason of the first that failed to start (then the rest are not started).
 */
async function startChildren(children: Child[], supName: unknown): Promise<[Child[], unknown]> {
  const acc: Child[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i] as Child;
    const r = await doStartChild(child);
    if (r[0] === 'ok') {
      if (r[1] === 'undefined' && child.restart_type === 'temporary') continue;
      acc.unshift({ ...child, pid: r[1] });
      continue;
    }
    reportError('start_error', r[1], child, supName, self());
    const rest = children.slice(i + 1).reverse();
    return [
      [...rest, child, ...acc],
      ['failed_to_start_child', child.id, r[1]],
    ];
  }
  return [acc, null];
}

// ---- stopping -----------------------------------------------------------------------------

/** unlink_flush/2: unlinks, so the EXIT has arrived if there is one, and takes its reason. */
async function unlinkFlush(pid: Pid, defaultReason: unknown): Promise<unknown> {
  unlink(pid);
  return receive(
    on(['EXIT', pid, _], (m) => m[2]),
    after(0, () => defaultReason),
  );
}

function shutdownOk(reason: unknown, child: Child, killedOk: boolean): boolean {
  if (killedOk && reason === 'killed') return true;
  if (reason === 'shutdown') return !killedOk || child.restart_type !== 'permanent';
  if (child.restart_type === 'permanent') return false;
  return reason === 'normal' || isTuple(reason, 2, 'shutdown');
}

/**
 * shutdown/1: stops a child as OTP does, with a monitor (so a child that unlinked cannot hang
 * the supervisor): `exit(Pid, kill)` for brutal_kill, else `exit(Pid, shutdown)` and `kill`
 * after the shutdown time. `ok`, or the unexpected exit reason to report.
 */
async function shutdown(child: Child & { pid: Pid }): Promise<'ok' | ['error', unknown]> {
  const pid = child.pid;
  const mon = monitor('process', pid);
  const down = on(['DOWN', mon, 'process', pid, _], (m) => [m[4]] as [unknown]);
  if (child.shutdown === 'brutal_kill') {
    exit(pid, 'kill');
    const [r0] = await receive(down);
    const r = await unlinkFlush(pid, r0);
    return shutdownOk(r, child, true) ? 'ok' : ['error', r];
  }
  exit(pid, 'shutdown');
  const time = child.shutdown === 'infinity' ? Infinity : child.shutdown;
  let got = await receive(
    down,
    after(time, () => null),
  );
  if (got === null) {
    exit(pid, 'kill');
    got = await receive(down);
  }
  const r = await unlinkFlush(pid, got[0]);
  return shutdownOk(r, child, false) ? 'ok' : ['error', r];
}

/** do_terminate/2: stops a running child, reporting an unexpected exit reason. */
async function doTerminate(child: Child, supName: unknown): Promise<void> {
  if (!is_pid(child.pid)) return;
  const r = await shutdown(child as Child & { pid: Pid });
  if (r !== 'ok') reportError('shutdown_error', r[1], child, supName, self());
}

/**
 * terminate_children/2: stops `children` (in termination order, newest first); returns them in
 * start order, not running, without the temporary ones.
 */
async function terminateChildren(children: Child[], supName: unknown): Promise<Child[]> {
  const acc: Child[] = [];
  for (const child of children) {
    await doTerminate(child, supName);
    if (child.restart_type !== 'temporary') acc.unshift({ ...child, pid: 'undefined' });
  }
  return acc;
}

/** terminate_dynamic_children/1: stops every dynamic child at once, then waits for them all. */
async function terminateDynamicChildren(s: SupState): Promise<void> {
  const child = dynamicChild(s);
  const pids = new Map<Pid, Ref>();
  for (const [pid, d] of dynamics(s)) {
    if (d.restarting) continue;
    const mon = monitor('process', pid);
    exit(pid, child.shutdown === 'brutal_kill' ? 'kill' : 'shutdown');
    pids.set(pid, mon);
  }
  let tref: Ref | undefined =
    typeof child.shutdown === 'number' ? start_timer(child.shutdown, self(), 'kill') : undefined;
  const errors: [unknown, Pid[]][] = [];
  const killedOk = child.shutdown === 'brutal_kill';
  while (pids.size > 0) {
    const downClause = on(
      ['DOWN', _, 'process', _, _],
      (m) => is_pid(m[3]) && pids.get(m[3]) === m[1],
      (m) => m as unknown as [string, Ref, string, Pid, unknown],
    );
    const msg =
      tref === undefined
        ? await receive(downClause)
        : await receive(
            downClause,
            on(['timeout', tref, 'kill'], () => 'kill' as const),
          );
    if (msg === 'kill') {
      for (const pid of pids.keys()) exit(pid, 'kill');
      tref = undefined;
      continue;
    }
    const pid = msg[3];
    pids.delete(pid);
    const r = await unlinkFlush(pid, msg[4]);
    if (!shutdownOk(r, child, killedOk)) {
      const e = errors.find(([reason]) => termEquals(reason, r));
      if (e) e[1].unshift(pid);
      else errors.push([r, [pid]]);
    }
  }
  if (tref !== undefined) {
    cancel_timer(tref);
    await receive(
      on(['timeout', tref, 'kill'], () => 'ok'),
      after(0, () => 'ok'),
    );
  }
  for (const [reason, ls] of errors) {
    reportError(
      'shutdown_error',
      reason,
      { ...child, pid: list(...ls) as unknown as ChildPid },
      s.name,
      self(),
    );
  }
}

// ---- the children -------------------------------------------------------------------------

function dynamics(s: SupState): Map<Pid, Dynamic> {
  return s.dynamics === 'undefined' ? new Map<Pid, Dynamic>() : s.dynamics[1];
}

/** get_dynamic_child/1: a simple_one_for_one supervisor's one child spec. */
function dynamicChild(s: SupState): Child {
  return s.children[0] as Child;
}

function dynStore(s: SupState, pid: Pid, args: List | 'undefined', restarting = false): void {
  const [kind, db] = s.dynamics as ['maps' | 'mapsets', Map<Pid, Dynamic>];
  db.delete(pid);
  db.set(pid, { args: kind === 'mapsets' ? list() : args, restarting });
}

function dynErase(s: SupState, pid: ChildPid): void {
  if (s.dynamics === 'undefined') return;
  const p = Array.isArray(pid) ? pid[1] : pid;
  if (!is_pid(p)) return;
  const d = s.dynamics[1].get(p);
  if (d !== undefined && d.restarting === Array.isArray(pid)) s.dynamics[1].delete(p);
}

/** find_dynamic_child/2: the spec with the pid (or `{restarting, Pid}`) put in, if it is a child. */
function findDynamicChild(s: SupState, pid: ChildPid): Child | undefined {
  const p = Array.isArray(pid) ? pid[1] : pid;
  if (!is_pid(p)) return undefined;
  const d = dynamics(s).get(p);
  if (d === undefined || d.restarting !== Array.isArray(pid)) return undefined;
  return { ...dynamicChild(s), pid };
}

function indexOfId(children: readonly Child[], id: unknown): number {
  return children.findIndex((c) => termEquals(c.id, id));
}

/** find_child/2, as the API functions look a child up: by pid (simple_one_for_one) or id. */
function findChild(s: SupState, id: unknown): Child | undefined {
  if (is_pid(id) && isSimple(s)) {
    const found = findDynamicChild(s, id) ?? findDynamicChild(s, ['restarting', id]);
    if (found !== undefined) return found;
    return is_process_alive(id) ? undefined : dynamicChild(s);
  }
  return s.children[indexOfId(s.children, id)];
}

/** find_child_and_args/2: as find_child, by pid or `{restarting, Pid}`, with a dynamic child's arguments. */
function findChildAndArgs(s: SupState, key: unknown): Child | undefined {
  if (isSimple(s)) {
    const found = findDynamicChild(s, key as ChildPid);
    if (found === undefined) return undefined;
    const p = Array.isArray(key) ? (key[1] as Pid) : (key as Pid);
    const args = s.dynamics[0] === 'mapsets' ? 'undefined' : (dynamics(s).get(p) as Dynamic).args;
    return { ...found, mfargs: [found.mfargs[0], found.mfargs[1], args] };
  }
  if (is_pid(key)) return s.children.find((c) => c.pid === key);
  return s.children[indexOfId(s.children, key)];
}

/** set_pid/3 on a children array. */
function setPid(children: Child[], pid: ChildPid, id: unknown): Child[] {
  return children.map((c) => (termEquals(c.id, id) ? { ...c, pid } : c));
}

/** del_child/2: forgets a temporary child, marks another not running. */
function delChild(s: SupState, child: Child): void {
  if (isSimple(s)) dynErase(s, child.pid);
  else s.children = delChildById(s.children, child.id);
}

function delChildById(children: Child[], id: unknown): Child[] {
  const i = indexOfId(children, id);
  if (i < 0) return children;
  const c = children[i] as Child;
  if (c.restart_type === 'temporary') return children.filter((_c, j) => j !== i);
  return children.map((x, j) => (j === i ? { ...x, pid: 'undefined' } : x));
}

/** save_child/2: a temporary child's arguments are not kept, since it is never restarted. */
function saveChild(s: SupState, child: Child): void {
  const c: Child =
    child.restart_type === 'temporary'
      ? { ...child, mfargs: [child.mfargs[0], child.mfargs[1], 'undefined'] }
      : child;
  s.children = [c, ...s.children];
}

function restarting(pid: ChildPid): ChildPid {
  return is_pid(pid) ? ['restarting', pid] : pid;
}

// ---- restarting ---------------------------------------------------------------------------

type Outcome = 'ok' | 'shutdown';

/** restart_child/3: a process ended; if it is a child, restart it (or not) as its type says. */
function restartChild(s: SupState, pid: Pid, reason: unknown): Promise<Outcome> | Outcome {
  const child = findChildAndArgs(s, pid);
  if (child === undefined) return 'ok';
  return doRestart(reason, child, s);
}

function doRestart(reason: unknown, child: Child, s: SupState): Promise<Outcome> | Outcome {
  if (child.restart_type === 'permanent') {
    reportError('child_terminated', reason, child, s.name, self());
    return restart(child, s);
  }
  if (reason === 'normal' || reason === 'shutdown' || isTuple(reason, 2, 'shutdown')) {
    delChild(s, child);
    return doAutoShutdown(child, s);
  }
  reportError('child_terminated', reason, child, s.name, self());
  if (child.restart_type === 'transient') return restart(child, s);
  delChild(s, child);
  return doAutoShutdown(child, s);
}

function doAutoShutdown(child: Child, s: SupState): Outcome {
  if (s.auto_shutdown === 'never' || !child.significant) return 'ok';
  if (s.auto_shutdown === 'any_significant') return 'shutdown';
  if (isSimple(s)) return dynamics(s).size === 0 ? 'shutdown' : 'ok';
  return s.children.some((c) => c.pid !== 'undefined' && c.significant) ? 'ok' : 'shutdown';
}

/** The monotonic clock in whole seconds, as erlang:monotonic_time(1). */
function nowSeconds(): number {
  return monotonic_time('second') as number;
}

/**
 * add_restart/1: counts a restart; `false` when the intensity is exceeded. The restarts are kept
 * oldest first, so a restart appends and drops the expired ones from the front, in place: ten
 * thousand children restarting at once cost linear time, not quadratic.
 */
function addRestart(s: SupState): boolean {
  const now = nowSeconds();
  const threshold = now - s.period;
  const restarts = s.restarts;
  let expired = 0;
  while (expired < restarts.length && (restarts[expired] as number) < threshold) expired++;
  if (expired > 0) restarts.splice(0, expired);
  restarts.push(now);
  return restarts.length <= s.intensity;
}

async function restart(child: Child, s: SupState): Promise<Outcome> {
  if (!addRestart(s)) {
    reportError('shutdown', 'reached_max_restart_intensity', child, s.name, self());
    delChild(s, child);
    return 'shutdown';
  }
  const r = await restartBy(s.strategy, child, s);
  if (r !== 'ok') {
    // Leave control to the gen_server loop before trying again, so other requests (a
    // shutdown of the supervisor or the child) are handled in between.
    genServerCast(self(), ['try_again_restart', r[1]]);
  }
  return 'ok';
}

/** restart/3 by strategy: `ok`, or `{try_again, Id}`. */
async function restartBy(
  strategy: Strategy,
  child: Child,
  s: SupState,
): Promise<'ok' | ['try_again', unknown]> {
  switch (strategy) {
    case 'simple_one_for_one': {
      const oldPid = child.pid;
      if (Array.isArray(oldPid)) s.dynamic_restarts--;
      dynErase(s, oldPid);
      const [m, f, a] = child.mfargs;
      const r = await doStartChildI(m, f, a);
      if (r[0] === 'ok' && is_pid(r[1])) {
        dynStore(s, r[1], a);
        return 'ok';
      }
      if (r[0] === 'ok') return 'ok';
      const rOld = restarting(oldPid);
      s.dynamic_restarts++;
      if (Array.isArray(rOld) && is_pid(rOld[1])) dynStore(s, rOld[1], a, true);
      reportError('start_error', r[1], child, s.name, self());
      return ['try_again', rOld];
    }
    case 'one_for_one': {
      const r = await doStartChild(child);
      if (r[0] === 'ok') {
        s.children = setPid(s.children, r[1], child.id);
        return 'ok';
      }
      s.children = setPid(s.children, restarting(child.pid), child.id);
      reportError('start_error', r[1], child, s.name, self());
      return ['try_again', child.id];
    }
    case 'rest_for_one': {
      const i = indexOfId(s.children, child.id);
      const chAfter = s.children
        .slice(0, i + 1)
        .map((c, j) => (j === i ? { ...c, pid: 'undefined' as const } : c));
      const chBefore = s.children.slice(i + 1);
      const [ret, chAfter2] = await restartMultipleChildren(child, chAfter, s.name);
      s.children = [...chAfter2, ...chBefore];
      return ret;
    }
    case 'one_for_all': {
      const children1 = delChildById(s.children, child.id);
      const [ret, nChildren] = await restartMultipleChildren(child, children1, s.name);
      s.children = nChildren;
      return ret;
    }
  }
}

async function restartMultipleChildren(
  child: Child,
  children: Child[],
  supName: unknown,
): Promise<['ok' | ['try_again', unknown], Child[]]> {
  const children1 = await terminateChildren(children, supName);
  const [nChildren, error] = await startChildren(children1, supName);
  if (error === null) return ['ok', nChildren];
  const failedId = (error as unknown[])[1];
  const newPid: ChildPid = termEquals(failedId, child.id)
    ? restarting(child.pid)
    : ['restarting', 'undefined'];
  return [['try_again', failedId], setPid(nChildren, newPid, failedId)];
}

// ---- the gen_server callbacks -----------------------------------------------------------------

function stateFor(name: unknown, mod: CallbackModule, args: unknown): SupState {
  return {
    name,
    strategy: 'one_for_one',
    children: [],
    dynamics: 'undefined',
    intensity: 1,
    period: 5,
    restarts: [],
    dynamic_restarts: 0,
    auto_shutdown: 'never',
    module: mod,
    args,
  };
}

async function init([supName, mod, args]: [ServerName | 'self', CallbackModule, unknown]): Promise<unknown> {
  process_flag('trap_exit', true);
  let r = apply(mod, 'init', [args]);
  if (r instanceof Promise) r = await r;
  if (r === 'ignore') return 'ignore';
  if (!(Array.isArray(r) && r.length === 2 && r[0] === 'ok' && Array.isArray(r[1]) && r[1].length === 2)) {
    return ['stop', ['bad_return', [mod, 'init', r]]];
  }
  const [supFlags, startSpec] = r[1] as [unknown, unknown];
  const flags = checkFlags(supFlags);
  if (!flags.ok) return ['stop', ['supervisor_data', flags.error]];
  const s = stateFor(supName === 'self' ? [self(), mod] : supName, mod, args);
  Object.assign(s, flags.flags);
  if (isSimple(s)) {
    if (!(Array.isArray(startSpec) && startSpec.length === 1)) return ['stop', ['bad_start_spec', startSpec]];
    const checked = checkStartSpec(startSpec, s.auto_shutdown);
    if (!checked.ok) return ['stop', ['start_spec', checked.error]];
    s.children = checked.children;
    s.dynamics = [
      (checked.children[0] as Child).restart_type === 'temporary' ? 'mapsets' : 'maps',
      new Map(),
    ];
    return ['ok', s];
  }
  const checked = checkStartSpec(startSpec, s.auto_shutdown);
  if (!checked.ok) return ['stop', ['start_spec', checked.error]];
  const [children, error] = await startChildren(checked.children, s.name);
  if (error !== null) {
    await terminateChildren(children, s.name);
    return ['stop', ['shutdown', error]];
  }
  s.children = children;
  return ['ok', s];
}

async function handleStartChild(child: Child, s: SupState): Promise<unknown> {
  const old = findChild(s, child.id);
  if (old === undefined) {
    const r = await doStartChild(child);
    if (r[0] === 'ok' && r[1] === 'undefined' && child.restart_type === 'temporary')
      return ['ok', 'undefined'];
    if (r[0] === 'ok') {
      saveChild(s, { ...child, pid: r[1] });
      return r;
    }
    return ['error', [r[1], childToSpec(child)]];
  }
  if (is_pid(old.pid)) return ['error', ['already_started', old.pid]];
  return ['error', 'already_present'];
}

async function handle_call(
  request: unknown,
  _from: unknown,
  s: SupState,
): Promise<['reply', unknown, SupState]> {
  return ['reply', await reply(request, s), s];
}

async function reply(request: unknown, s: SupState): Promise<unknown> {
  if (request === 'which_children') {
    if (isSimple(s)) {
      const { child_type: ct, modules: mods } = dynamicChild(s);
      return list(
        ...[...dynamics(s)].map(([pid, d]) => ['undefined', d.restarting ? 'restarting' : pid, ct, mods]),
      );
    }
    return list(
      ...s.children.map((c) => [c.id, Array.isArray(c.pid) ? 'restarting' : c.pid, c.child_type, c.modules]),
    );
  }
  if (request === 'count_children') {
    if (isSimple(s)) {
      const ct = dynamicChild(s).child_type;
      const sz = dynamics(s).size;
      const active = sz - s.dynamic_restarts;
      return list(
        ['specs', 1],
        ['active', active],
        ['supervisors', ct === 'supervisor' ? sz : 0],
        ['workers', ct === 'worker' ? sz : 0],
      );
    }
    let specs = 0;
    let active = 0;
    let supers = 0;
    let workers = 0;
    for (const c of s.children) {
      specs++;
      if (is_pid(c.pid) && is_process_alive(c.pid)) active++;
      if (c.child_type === 'worker') workers++;
      else supers++;
    }
    return list(['specs', specs], ['active', active], ['supervisors', supers], ['workers', workers]);
  }
  if (!isTuple(request, 2))
    throw new ErlangError(
      'function_clause',
      `supervisor:handle_call/3: unknown request ${describe(request)}`,
    );
  const [tag, arg] = request as [string, unknown];
  switch (tag) {
    case 'start_child': {
      if (isSimple(s)) {
        const child = dynamicChild(s);
        const [m, f, a] = child.mfargs;
        if (!Array.isArray(arg)) {
          throw new ErlangError(
            'badarg',
            `supervisor:start_child/2: the extra arguments must be a list, got ${describe(arg)}`,
          );
        }
        const args = list(...(a === 'undefined' ? [] : a), ...(arg as unknown[]));
        const r = await doStartChildI(m, f, args);
        if (r[0] === 'ok' && is_pid(r[1])) dynStore(s, r[1], args);
        return r;
      }
      const checked = checkChildSpec(arg, s.auto_shutdown);
      if (!checked.ok) return ['error', checked.error];
      return handleStartChild(checked.child, s);
    }
    case 'terminate_child': {
      if (!is_pid(arg) && isSimple(s)) return ['error', 'simple_one_for_one'];
      const child = findChild(s, arg);
      if (child === undefined) return ['error', 'not_found'];
      await doTerminate(child, s.name);
      delChild(s, child);
      return 'ok';
    }
    case 'restart_child': {
      if (isSimple(s)) return ['error', 'simple_one_for_one'];
      const child = findChild(s, arg);
      if (child === undefined) return ['error', 'not_found'];
      if (Array.isArray(child.pid)) return ['error', 'restarting'];
      if (child.pid !== 'undefined') return ['error', 'running'];
      const r = await doStartChild(child);
      if (r[0] === 'ok') s.children = setPid(s.children, r[1], child.id);
      return r;
    }
    case 'delete_child': {
      if (isSimple(s)) return ['error', 'simple_one_for_one'];
      const child = findChild(s, arg);
      if (child === undefined) return ['error', 'not_found'];
      if (Array.isArray(child.pid)) return ['error', 'restarting'];
      if (child.pid !== 'undefined') return ['error', 'running'];
      s.children = s.children.filter((c) => c !== child);
      return 'ok';
    }
    case 'get_childspec': {
      const child = findChild(s, arg);
      return child === undefined ? ['error', 'not_found'] : ['ok', childToSpec(child)];
    }
  }
  throw new ErlangError('function_clause', `supervisor:handle_call/3: unknown request ${describe(request)}`);
}

async function handle_cast(msg: unknown, s: SupState): Promise<unknown> {
  if (isTuple(msg, 2, 'try_again_restart')) {
    const child = findChildAndArgs(s, msg[1]);
    if (child !== undefined && Array.isArray(child.pid)) {
      const r = await restart(child, s);
      return r === 'ok' ? ['noreply', s] : ['stop', 'shutdown', s];
    }
    return ['noreply', s];
  }
  throw new ErlangError('function_clause', `supervisor:handle_cast/2: unknown request ${describe(msg)}`);
}

async function handle_info(msg: unknown, s: SupState): Promise<unknown> {
  if (isTuple(msg, 3, 'EXIT') && is_pid(msg[1])) {
    const r = await restartChild(s, msg[1], msg[2]);
    return r === 'ok' ? ['noreply', s] : ['stop', 'shutdown', s];
  }
  unexpectedMessage(msg, self());
  return ['noreply', s];
}

async function terminate(_reason: unknown, s: SupState): Promise<'ok'> {
  if (isSimple(s)) await terminateDynamicChildren(s);
  else await terminateChildren(s.children, s.name);
  return 'ok';
}

/** code_change/3: takes the callback module's new flags and child specs, keeping the running children. */
function code_change(_oldVsn: unknown, s: SupState, _extra: unknown): unknown {
  // sys's code change is synchronous, as a gen_server's code_change is called: an async init
  // cannot take part (docs/DEVIATIONS.md).
  const r = apply(s.module, 'init', [s.args]);
  if (r instanceof Promise) return ['error', 'async_init'];
  if (r === 'ignore') return ['ok', s];
  if (!(Array.isArray(r) && r.length === 2 && r[0] === 'ok' && Array.isArray(r[1]) && r[1].length === 2))
    return r;
  const [supFlags, startSpec] = r[1] as [unknown, unknown];
  const flags = checkFlags(supFlags);
  if (!flags.ok) {
    const e = flags.error;
    return ['error', isTuple(e, 2, 'invalid_type') ? ['bad_flags', supFlags] : e];
  }
  const s1: SupState = { ...s, ...flags.flags };
  const checked = checkStartSpec(startSpec, s1.auto_shutdown);
  if (!checked.ok) return ['error', checked.error];
  if (isSimple(s1)) {
    if (checked.children.length !== 1) return ['error', ['bad_start_spec', startSpec]];
    return ['ok', { ...s1, children: checked.children }];
  }
  // update_childspec: each old child found in the new specs takes the new spec and keeps its
  // pid; old children not in the new specs stay; new order: the new specs' order, then the kept.
  const newChildren = checked.children.map((c) => {
    const old = s.children.find((o) => termEquals(o.id, c.id));
    return old === undefined ? c : { ...c, pid: old.pid };
  });
  const kept = s.children.filter((o) => !checked.children.some((c) => termEquals(c.id, o.id)));
  return ['ok', { ...s1, children: [...newChildren, ...kept.reverse()].reverse() }];
}

function format_status(opt: unknown, [, state]: [unknown, SupState]): unknown {
  if (opt === 'terminate') return state;
  return list(
    ['data', list([list(...Buffer.from('State')), state])],
    ['supervisor', list([list(...Buffer.from('Callback')), state.module])],
  );
}

/** The supervisor as a gen_server callback module (OTP's `supervisor` module). */
export const supervisorModule = {
  MODULE: 'supervisor',
  init,
  handle_call,
  handle_cast,
  handle_info,
  terminate,
  code_change,
  format_status,
};

// ---- the client functions -------------------------------------------------------------------

/** The result of start_link. */
export type StartLinkResult = ['ok', Pid] | 'ignore' | ['error', unknown];

/**
 * Starts a supervisor linked to the caller: `Module.init(Args)` gives its flags and child specs,
 * and the children are started in order before start_link returns.
 * @returns `{ok, Pid}`, `ignore`, or `{error, Reason}`: `{already_started, Pid}`, `{shutdown,
 *   {failed_to_start_child, Id, R}}`, `{start_spec, E}`, `{supervisor_data, E}`,
 *   `{bad_start_spec, S}`, `{bad_return, {Module, init, R}}`
 * @example
 * // {ok, Pid} = supervisor:start_link({local, ch_sup}, ch_sup, [])
 * const [, Pid] = await supervisor.start_link(['local', 'ch_sup'], ch_sup, [])
 * @see https://www.erlang.org/doc/man/supervisor.html#start_link-3
 */
export function start_link(
  ...args: [SupervisorCallbacks, unknown] | [ServerName, SupervisorCallbacks, unknown]
): Promise<StartLinkResult> {
  const fn = args.length === 2 ? 'supervisor:start_link/2' : 'supervisor:start_link/3';
  if (args.length !== 2 && args.length !== 3) {
    throw new ErlangError(
      'undef',
      `supervisor:start_link takes 2 or 3 arguments, got ${String((args as unknown[]).length)}`,
    );
  }
  const [name, mod, initArgs] = args.length === 2 ? ['self' as const, ...args] : args;
  if (!isModule(mod)) {
    throw new ErlangError(
      'badarg',
      `${fn}: the callback module must be an object (an ES module namespace), got ${describe(mod)}`,
    );
  }
  if (name !== 'self' && !isServerName(name)) {
    throw new ErlangError(
      'badarg',
      `${fn}: the name must be {local, Name}, {global, Name} or {via, Module, Name}, got ${describe(name)}`,
    );
  }
  return startWithInitialCall(
    'gen_server:start_link/4',
    'link',
    name === 'self' ? null : name,
    supervisorModule,
    [name, mod, initArgs],
    [],
    ['supervisor', moduleName(mod), 1],
  ) as Promise<StartLinkResult>;
}

/** The result of start_child and restart_child. */
export type StartChildResult = ['ok', Pid | 'undefined'] | ['ok', Pid, unknown] | ['error', unknown];

function call(supRef: ServerRef, request: unknown): Promise<unknown> {
  return genServerCall(supRef, request, 'infinity');
}

/**
 * Adds a child to a supervisor and starts it; for a simple_one_for_one supervisor, the argument
 * is the list of extra arguments appended to its child spec's.
 * @returns `{ok, Child}`, `{ok, Child, Info}`, or `{error, R}`: `already_present`,
 *   `{already_started, Pid}`, a child spec's error (`{invalid_restart_type, X}`, ...), or
 *   `{R, ChildSpec}` when the start function failed with R (the child spec as a map)
 * @example
 * // {ok, Pid} = supervisor:start_child(ch_sup, #{id => ch3, start => {ch3, start_link, []}})
 * const [, Pid] = await supervisor.start_child('ch_sup', { id: 'ch3', start: [ch3, 'start_link', []] })
 * @see https://www.erlang.org/doc/man/supervisor.html#start_child-2
 */
export function start_child(supRef: ServerRef, childSpec: unknown): Promise<StartChildResult> {
  return call(supRef, ['start_child', childSpec]) as Promise<StartChildResult>;
}

/**
 * Restarts a child whose spec the supervisor keeps but that is not running.
 * @returns `{ok, Child}`, `{ok, Child, Info}`, or `{error, R}`: `running`, `restarting`,
 *   `not_found`, `simple_one_for_one`, or what the start function gave
 * @example
 * // {ok, Pid} = supervisor:restart_child(ch_sup, ch3)
 * const [, Pid] = await supervisor.restart_child('ch_sup', 'ch3')
 * @see https://www.erlang.org/doc/man/supervisor.html#restart_child-2
 */
export function restart_child(supRef: ServerRef, id: unknown): Promise<StartChildResult> {
  return call(supRef, ['restart_child', id]) as Promise<StartChildResult>;
}

/**
 * Deletes the spec of a child that is not running.
 * @returns `ok`, or `{error, R}`: `running`, `restarting`, `not_found`, `simple_one_for_one`
 * @example
 * // ok = supervisor:delete_child(ch_sup, ch3)
 * await supervisor.delete_child('ch_sup', 'ch3')
 * @see https://www.erlang.org/doc/man/supervisor.html#delete_child-2
 */
export function delete_child(
  supRef: ServerRef,
  id: unknown,
): Promise<'ok' | ['error', 'running' | 'restarting' | 'not_found' | 'simple_one_for_one']> {
  return call(supRef, ['delete_child', id]) as Promise<
    'ok' | ['error', 'running' | 'restarting' | 'not_found' | 'simple_one_for_one']
  >;
}

/**
 * Stops a child (by id, or by pid for simple_one_for_one); a temporary child's spec is
 * deleted, another's kept.
 * @returns `ok`, or `{error, not_found | simple_one_for_one}`
 * @example
 * // ok = supervisor:terminate_child(ch_sup, ch3)
 * await supervisor.terminate_child('ch_sup', 'ch3')
 * @see https://www.erlang.org/doc/man/supervisor.html#terminate_child-2
 */
export function terminate_child(
  supRef: ServerRef,
  id: unknown,
): Promise<'ok' | ['error', 'not_found' | 'simple_one_for_one']> {
  return call(supRef, ['terminate_child', id]) as Promise<
    'ok' | ['error', 'not_found' | 'simple_one_for_one']
  >;
}

/**
 * A child's full spec, every key filled in (`significant: false` too), as a map.
 * @returns `{ok, ChildSpec}` or `{error, not_found}`
 * @example
 * // {ok, #{id := ch3}} = supervisor:get_childspec(ch_sup, ch3)
 * const [, Spec] = await supervisor.get_childspec('ch_sup', 'ch3')
 * @see https://www.erlang.org/doc/man/supervisor.html#get_childspec-2
 */
export function get_childspec(
  supRef: ServerRef,
  id: unknown,
): Promise<['ok', FullChildSpec] | ['error', 'not_found']> {
  return call(supRef, ['get_childspec', id]) as Promise<['ok', FullChildSpec] | ['error', 'not_found']>;
}

/** One row of which_children: `{Id, Child, Type, Modules}`. */
export type ChildInfo = [
  id: unknown,
  child: Pid | 'undefined' | 'restarting',
  type: 'worker' | 'supervisor',
  modules: List | 'dynamic',
];

/**
 * The supervisor's children, newest first: `[{Id, Child, Type, Modules}]`, `Id` `undefined`
 * for simple_one_for_one, `Child` a pid, `undefined` or `restarting`.
 * @example
 * // [{ch3, Pid, worker, [ch3]}] = supervisor:which_children(ch_sup)
 * const [[, Pid]] = await supervisor.which_children('ch_sup')
 * @see https://www.erlang.org/doc/man/supervisor.html#which_children-1
 */
export function which_children(supRef: ServerRef): Promise<List<ChildInfo>> {
  return call(supRef, 'which_children') as Promise<List<ChildInfo>>;
}

/** count_children's result. */
export type ChildCounts = List<
  ['specs', number] | ['active', number] | ['supervisors', number] | ['workers', number]
>;

/**
 * Counts the supervisor's children: `[{specs, N}, {active, N}, {supervisors, N}, {workers, N}]`.
 * @example
 * // [{specs, 1}, {active, 1}, {supervisors, 0}, {workers, 1}] = supervisor:count_children(ch_sup)
 * const counts = await supervisor.count_children('ch_sup')
 * @see https://www.erlang.org/doc/man/supervisor.html#count_children-1
 */
export function count_children(supRef: ServerRef): Promise<ChildCounts> {
  return call(supRef, 'count_children') as Promise<ChildCounts>;
}

/**
 * Checks a list of child specs without starting anything.
 * @param autoShutdown - the supervisor's auto_shutdown to check `significant` against; `undefined` (left out) skips that check
 * @returns `ok`, or `{error, E}` with the error term a supervisor would give (`{badarg, X}` for a non-list)
 * @example
 * // ok = supervisor:check_childspecs([#{id => ch3, start => {ch3, start_link, []}}])
 * supervisor.check_childspecs([{ id: 'ch3', start: [ch3, 'start_link', []] }])
 * @see https://www.erlang.org/doc/man/supervisor.html#check_childspecs-2
 */
export function check_childspecs(
  childSpecs: unknown,
  autoShutdown: unknown = 'undefined',
): 'ok' | ['error', unknown] {
  // A plain array is a list here unless it is a tuple: one with an element no child spec can be
  // (a child spec is a map or a tuple), such as a 6-tuple child spec itself.
  if (
    !Array.isArray(childSpecs) ||
    (!isList(childSpecs) && (childSpecs as unknown[]).some((c) => typeof c !== 'object' || c === null))
  )
    return ['error', ['badarg', childSpecs]];
  if (
    autoShutdown !== 'undefined' &&
    autoShutdown !== 'never' &&
    autoShutdown !== 'any_significant' &&
    autoShutdown !== 'all_significant'
  )
    return ['error', ['badarg', autoShutdown]];
  const r = checkStartSpec(childSpecs, autoShutdown);
  return r.ok ? 'ok' : ['error', r.error];
}

/**
 * The callback module of a running supervisor (used by release handling in OTP).
 * @returns the module object the supervisor was started with
 * @example
 * // ch_sup = supervisor:get_callback_module(Pid)
 * const mod = await supervisor.get_callback_module(Pid)
 * @see https://www.erlang.org/doc/man/supervisor.html#get_callback_module-1
 */
export async function get_callback_module(pid: Pid): Promise<CallbackModule> {
  const state = (await sysGetState(pid)) as SupState;
  return state.module;
}
