/**
 * proc_lib: processes that know their parent and ancestors, start synchronously, and write a
 * crash report when they fail, as OTP 25's proc_lib.erl. Every behaviour runs in one.
 *
 * A process it starts has `'$ancestors'` (`[Parent | ParentsAncestors]`, the parent by its
 * registered name when it has one) and `'$initial_call'` (`{M, F, Arity}`) in its dictionary,
 * says `{proc_lib, init_p, 5}` to process_info's initial_call, and catches what its function
 * lets out: the crash report, then an exit with `R` (exit), `{R, Stack}` (error) or
 * `{{nocatch, R}, Stack}` (throw).
 */
import {
  ErlangError,
  ExitException,
  _,
  after,
  demonitor,
  monitor,
  exit,
  get,
  is_pid,
  list,
  monotonic_time,
  on,
  process_info,
  receive,
  self,
  send,
  unlink,
  whereis,
  type Pid,
  type Ref,
} from '../../../runtime/index.js';
import {
  describe,
  setCurrentFunction,
  setDictionarySeeder,
  spawnLibraryProcess,
  termEquals,
  List,
} from '../../../runtime/internal/library-api.js';
import { terminate as sysTerminate } from '../../sys/internal/sys.js';
import {
  apply,
  caughtException,
  isModule,
  moduleName,
  type CallbackModule,
} from '../../gen/internal/module.js';
import { checkTimeout, waitMs, type Timeout } from '../../gen/internal/call.js';
import { crashReport, isQuietExit } from './crash-report.js';

const initP: [string, string, number] = ['proc_lib', 'init_p', 5];

/** A spawn option proc_lib takes: `link`, `monitor` (start_monitor), or one Node cannot apply. */
export type SpawnOption =
  | 'link'
  | 'monitor'
  | ['priority', string]
  | ['min_heap_size', number]
  | ['fullsweep_after', number]
  | ['message_queue_data', string]
  | ['max_heap_size', unknown];

/** The caller as a child's parent: its registered name, else its pid (proc_lib's get_my_name). */
function myName(): Pid | string {
  const me = self();
  const info = process_info(me, 'registered_name');
  return Array.isArray(info) && typeof info[1] === 'string' ? info[1] : me;
}

/** The caller's ancestors (its `'$ancestors'`), or `[]`. */
const noAncestors: readonly unknown[] = Object.freeze([]);

function myAncestors(): readonly unknown[] {
  const a = get('$ancestors');
  return Array.isArray(a) ? a : noAncestors;
}

/** What a new proc_lib process runs: sets its dictionary, calls the function, reports a failure. */
function init_p(mfa: [string, string, number], body: () => unknown): unknown {
  // process_info's current_function: the function it runs (OTP's, until it calls another),
  // not proc_lib's init_p; a behaviour's loop names its own.
  setCurrentFunction(mfa);
  // What body() raises, now or later (a rejected promise), goes to exit_p through the runtime's
  // onFailure (spawnWith): no try here, and no async frame kept alive as long as the process.
  return body();
}

/**
 * A proc_lib process's dictionary starts with `'$ancestors'` and `'$initial_call'`, made from
 * `[Parent, ParentsAncestors, MFA]` when the dictionary is first used (process.ts
 * dictionarySeed): an idle server nobody inspects keeps the three words, not a table and a list.
 */
class DictionarySeed {
  constructor(
    readonly parent: Pid | string,
    readonly ancestors: readonly unknown[],
    readonly mfa: [string, string, number],
  ) {}
}

/** The last seed made: a supervisor starting many children of one module shares one. */
let lastSeed: DictionarySeed | null = null;

/** The seed of a child of `parent`; seeds are never changed, so equal ones are one object. */
function seedFor(
  parent: Pid | string,
  ancestors: readonly unknown[],
  mfa: [string, string, number],
): DictionarySeed {
  const last = lastSeed;
  if (last !== null && last.parent === parent && last.ancestors === ancestors && last.mfa === mfa)
    return last;
  return (lastSeed = new DictionarySeed(parent, ancestors, mfa));
}

setDictionarySeeder((seed) => {
  const { parent, ancestors, mfa } = seed as DictionarySeed;
  return [
    ['$ancestors', list(parent, ...ancestors)],
    ['$initial_call', mfa],
  ];
});

/**
 * A failure that escaped a proc_lib process: the crash report (unless the exit is normal,
 * shutdown or {shutdown, _}), then the exit it ends with: `R` for exit, `{R, Stack}` for error,
 * `{{nocatch, R}, Stack}` for throw.
 */
function exit_p(e: unknown): unknown {
  const info = caughtException(e);
  if (!isQuietExit(info.class, info.reason)) {
    try {
      crashReport(info, get('$initial_call'));
    } catch {
      // A report that cannot be made must not change how the process ends.
    }
  }
  const reason =
    info.class === 'exit'
      ? info.reason
      : info.class === 'error'
        ? [info.reason, info.stack]
        : [['nocatch', info.reason], info.stack];
  return new ExitException(reason);
}

type Fun = (...args: never[]) => unknown;

/** A child to start: its `'$initial_call'` and what it runs. */
export interface Target {
  readonly mfa: [string, string, number];
  readonly body: () => unknown;
}

/** What a spawn function was given: a fun, or `Module, Function, Args`. */
function target(fn: string, args: readonly unknown[]): Target {
  const [a, b, c] = args;
  if (typeof a === 'function' && args.length === 1) {
    const f = a as Fun;
    return {
      mfa: ['erlang', f.name === '' ? '-fun-' : f.name, f.length],
      body: () => f(),
    };
  }
  if (args.length === 3 && isModule(a) && typeof b === 'string' && Array.isArray(c)) {
    const mod = a;
    return { mfa: [moduleName(mod), b, c.length], body: () => apply(mod, b, c) };
  }
  throw new ErlangError(
    'function_clause',
    `${fn}: expected a fun, or Module, Function, Args (an object, a function name, a list), got ${args.map((x) => describe(x)).join(', ')}`,
  );
}

function spawnWith(
  fn: string,
  t: Target,
  link: boolean,
  monitorIt: boolean,
  awaitAck = false,
): [Pid, Ref | null] {
  return spawnLibraryProcess(fn, init_p, [t.mfa, t.body], {
    dictionarySeed: seedFor(myName(), myAncestors(), t.mfa),
    link,
    monitor: monitorIt,
    initialCall: initP,
    onFailure: exit_p,
    awaitAck,
  });
}

/**
 * Spawns a process as proc_lib does: with ancestors, initial call and a crash report on failure.
 * @example
 * // Pid = proc_lib:spawn(fun() -> loop() end)
 * const Pid = proc_lib.spawn(async () => loop())
 * @see https://www.erlang.org/doc/man/proc_lib.html#spawn-1
 */
export function spawn(fun: () => unknown): Pid;
export function spawn(module: CallbackModule, fn: string, args: readonly unknown[]): Pid;
export function spawn(...args: unknown[]): Pid {
  return spawnWith('proc_lib:spawn/3', target('proc_lib:spawn/3', args), false, false)[0];
}

/**
 * As {@link spawn}, linked to the caller.
 * @example
 * // Pid = proc_lib:spawn_link(my_server, init, [self()])
 * const Pid = proc_lib.spawn_link(my_server, 'init', [self()])
 * @see https://www.erlang.org/doc/man/proc_lib.html#spawn_link-3
 */
export function spawn_link(fun: () => unknown): Pid;
export function spawn_link(module: CallbackModule, fn: string, args: readonly unknown[]): Pid;
export function spawn_link(...args: unknown[]): Pid {
  return spawnWith('proc_lib:spawn_link/3', target('proc_lib:spawn_link/3', args), true, false)[0];
}

/**
 * As {@link spawn} with spawn options: `link` links it; priority, heap and queue options are
 * accepted and have no effect (docs/DEVIATIONS.md).
 * @example
 * // Pid = proc_lib:spawn_opt(fun() -> loop() end, [link])
 * const Pid = proc_lib.spawn_opt(async () => loop(), ['link'])
 * @see https://www.erlang.org/doc/man/proc_lib.html#spawn_opt-2
 */
export function spawn_opt(fun: () => unknown, options: readonly SpawnOption[]): Pid;
export function spawn_opt(
  module: CallbackModule,
  fn: string,
  args: readonly unknown[],
  options: readonly SpawnOption[],
): Pid;
export function spawn_opt(...args: unknown[]): Pid {
  const fn = 'proc_lib:spawn_opt/4';
  const options = args.pop();
  const link = spawnOptions(options, fn);
  if (link.monitor)
    throw new ErlangError('badarg', `${fn}: the monitor option is not allowed here; use start_monitor`);
  return spawnWith(fn, target(fn, args), link.link, false)[0];
}

const knownSpawnOptions = [
  'priority',
  'min_heap_size',
  'min_bin_vheap_size',
  'fullsweep_after',
  'message_queue_data',
  'max_heap_size',
];

function spawnOptions(options: unknown, fn: string): { link: boolean; monitor: boolean } {
  if (!Array.isArray(options))
    throw new ErlangError('badarg', `${fn}: the spawn options must be a list, got ${describe(options)}`);
  let link = false;
  let mon = false;
  for (const o of options) {
    if (o === 'link') link = true;
    else if (o === 'monitor') mon = true;
    else if (!(Array.isArray(o) && o.length === 2 && knownSpawnOptions.includes(o[0] as string))) {
      throw new ErlangError('badarg', `${fn}: unknown spawn option ${describe(o)}`);
    }
  }
  return { link, monitor: mon };
}

function checkStart(fn: string, mod: unknown, f: unknown, args: unknown, timeout: unknown): Timeout {
  if (!isModule(mod) || typeof f !== 'string' || !Array.isArray(args)) {
    throw new ErlangError(
      'function_clause',
      `${fn}: expected Module, Function, Args (an object, a function name, a list), got ${describe(mod)}, ${describe(f)}, ${describe(args)}`,
    );
  }
  return checkTimeout(timeout, fn);
}

/** Kills a child that did not ack in time and drops its EXIT (proc_lib's kill_flush). */
function killFlush(pid: Pid): Promise<unknown> {
  unlink(pid);
  exit(pid, 'kill');
  return receive(
    on(['EXIT', pid, _], () => 'ok'),
    after(0),
  );
}

/** How a start waits for its child: unlinked (start), linked (start_link), monitored (start_monitor). */
export type StartKind = 'nolink' | 'link' | 'monitor';

/**
 * The start functions' common part, for a child given as a {@link Target} (gen starts its
 * behaviours through it with their own initial call): spawns the child and waits for its ack,
 * its death or the timeout, as OTP's sync_start, sync_start_link and sync_start_monitor.
 */
export function startTarget(
  fn: string,
  kind: StartKind,
  t: Target,
  timeout: Timeout,
  spawnOpts: unknown,
): Promise<unknown> {
  const opts = spawnOptions(spawnOpts, fn);
  const [pid, mref] = spawnWith(fn, t, kind === 'link' || opts.link, kind !== 'link', true);
  const ref = mref as Ref;
  const ms = waitMs(timeout);
  if (kind === 'link') {
    return receive(
      on(['ack', pid, _], ([, , ret]) => ret),
      on(['EXIT', pid, _], ([, , reason]) => ['error', reason]),
      after(ms, async () => {
        await killFlush(pid);
        return ['error', 'timeout'];
      }),
    );
  }
  if (kind === 'monitor') {
    return receive(
      on(['ack', pid, _], ([, , ret]): [unknown, Ref] => [ret, ref]),
      on(['DOWN', ref, 'process', pid, _], (down): [unknown, Ref] => {
        send(self(), down);
        return [['error', down[4]], ref];
      }),
      after(ms, async (): Promise<[unknown, Ref]> => {
        await killFlush(pid);
        return [['error', 'timeout'], ref];
      }),
    );
  }
  return receive(
    on(['ack', pid, _], ([, , ret]) => {
      demonitor(ref, ['flush']);
      return ret;
    }),
    on(['DOWN', ref, 'process', pid, _], ([, , , , reason]) => ['error', reason]),
    after(ms, async () => {
      demonitor(ref, ['flush']);
      await killFlush(pid);
      return ['error', 'timeout'];
    }),
  );
}

/**
 * Starts `Module:Function(Args...)` as a proc_lib process and waits until it calls
 * {@link init_ack}: its argument is what start returns. A child that dies first gives
 * `{error, Reason}`; one that does not ack within `timeout` is killed: `{error, timeout}`.
 * @example
 * // {ok, Pid} = proc_lib:start(my_server, init, [self()], 5000)
 * const [, Pid] = await proc_lib.start(my_server, 'init', [self()], 5000)
 * @see https://www.erlang.org/doc/man/proc_lib.html#start-4
 */
export async function start(
  module: CallbackModule,
  fn: string,
  args: readonly unknown[],
  timeout: Timeout = 'infinity',
  spawnOpts: readonly SpawnOption[] = [],
): Promise<unknown> {
  const name = 'proc_lib:start/5';
  const t = checkStart(name, module, fn, args, timeout);
  return startTarget(name, 'nolink', target(name, [module, fn, args]), t, spawnOpts);
}

/**
 * As {@link start}, linked. A child that dies first: the caller, if it traps exits, gets
 * `{error, Reason}` (the EXIT consumed); else the link kills it too.
 * @example
 * // {ok, Pid} = proc_lib:start_link(my_server, init, [self()])
 * const [, Pid] = await proc_lib.start_link(my_server, 'init', [self()])
 * @see https://www.erlang.org/doc/man/proc_lib.html#start_link-3
 */
export async function start_link(
  module: CallbackModule,
  fn: string,
  args: readonly unknown[],
  timeout: Timeout = 'infinity',
  spawnOpts: readonly SpawnOption[] = [],
): Promise<unknown> {
  const name = 'proc_lib:start_link/5';
  const t = checkStart(name, module, fn, args, timeout);
  return startTarget(name, 'link', target(name, [module, fn, args]), t, spawnOpts);
}

/**
 * As {@link start}, monitored: `{Return, Ref}`. A child that dies first gives
 * `{{error, Reason}, Ref}` and leaves its DOWN in the mailbox.
 * @example
 * // {{ok, Pid}, Mon} = proc_lib:start_monitor(my_server, init, [self()])
 * const [[, Pid], Mon] = await proc_lib.start_monitor(my_server, 'init', [self()])
 * @see https://www.erlang.org/doc/man/proc_lib.html#start_monitor-3
 */
export async function start_monitor(
  module: CallbackModule,
  fn: string,
  args: readonly unknown[],
  timeout: Timeout = 'infinity',
  spawnOpts: readonly SpawnOption[] = [],
): Promise<[unknown, Ref]> {
  const name = 'proc_lib:start_monitor/5';
  const t = checkStart(name, module, fn, args, timeout);
  return startTarget(name, 'monitor', target(name, [module, fn, args]), t, spawnOpts) as Promise<
    [unknown, Ref]
  >;
}

/**
 * Tells the process that started the caller (start/start_link/start_monitor) that it is up:
 * `ret` is what that call returns.
 * @param args - `(Ret)` to the parent, or `(Parent, Ret)`
 * @returns `ok`
 * @example
 * // proc_lib:init_ack({ok, self()})
 * proc_lib.init_ack(['ok', self()])
 * @see https://www.erlang.org/doc/man/proc_lib.html#init_ack-1
 */
export function init_ack(ret: unknown): 'ok';
export function init_ack(parent: Pid, ret: unknown): 'ok';
export function init_ack(...args: [unknown] | [Pid, unknown]): 'ok' {
  if (args.length === 2) {
    send(args[0], ['ack', self(), args[1]]);
    return 'ok';
  }
  const ancestors = get('$ancestors');
  const parent: unknown = Array.isArray(ancestors) ? (ancestors as unknown[])[0] : undefined;
  if (parent === undefined) {
    throw new ErlangError(
      ['badmatch', ancestors],
      'proc_lib:init_ack/1: the caller was not started by proc_lib (no $ancestors)',
    );
  }
  const to = is_pid(parent) ? parent : whereis(parent);
  if (to !== 'undefined') send(to, ['ack', self(), args[0]]);
  return 'ok';
}

/**
 * The initial call of a proc_lib process, with dummy argument names: `{M, F, ['Argument__1', ...]}`,
 * or `false`.
 * @example
 * // {ch3, init, ['Argument__1']} = proc_lib:initial_call(whereis(ch3))
 * proc_lib.initial_call(whereis('ch3'))
 * @see https://www.erlang.org/doc/man/proc_lib.html#initial_call-1
 */
export function initial_call(process: Pid): [string, string, List<string>] | false {
  const mfa = rawInitialCall(process);
  if (mfa === false) return false;
  return [mfa[0], mfa[1], list(...Array.from({ length: mfa[2] }, (_x, i) => `Argument__${i + 1}`))];
}

/**
 * The initial call of a proc_lib process as `{M, F, Arity}`; `{proc_lib, init_p, 5}` for another.
 * @example
 * // {ch3, init, 1} = proc_lib:translate_initial_call(whereis(ch3))
 * proc_lib.translate_initial_call(whereis('ch3'))
 * @see https://www.erlang.org/doc/man/proc_lib.html#translate_initial_call-1
 */
export function translate_initial_call(process: Pid): [string, string, number] {
  const mfa = rawInitialCall(process);
  return mfa === false ? ['proc_lib', 'init_p', 5] : mfa;
}

function rawInitialCall(process: Pid): [string, string, number] | false {
  if (!is_pid(process))
    throw new ErlangError(
      'function_clause',
      `proc_lib:initial_call/1: expected a pid, got ${describe(process)}`,
    );
  const dict = process_info(process, 'dictionary');
  if (dict === 'undefined') return false;
  const entry = (dict[1] as [unknown, unknown][]).find(([k]) => k === '$initial_call');
  return entry !== undefined && Array.isArray(entry[1]) && entry[1].length === 3
    ? (entry[1] as [string, string, number])
    : false;
}

/**
 * Stops a process started by proc_lib (or any process that answers system messages) with
 * `reason`, through sys:terminate, and waits until it is gone: `ok`, or exit `noproc`,
 * `timeout`, or the reason it died with instead. The process is a pid, a registered name, or
 * `[Name, Node]` for a name on another node.
 * @example
 * // ok = proc_lib:stop(Pid, shutdown, 5000)
 * await proc_lib.stop(Pid, 'shutdown', 5000)
 * @see https://www.erlang.org/doc/man/proc_lib.html#stop-3
 */
export async function stop(
  process: Pid | string | [string, string],
  reason: unknown = 'normal',
  timeout: Timeout = 'infinity',
): Promise<'ok'> {
  checkTimeout(timeout, 'proc_lib:stop/3');
  const mref = monitor('process', process);
  const t0 = monotonic_time('millisecond') as number;
  try {
    await sysTerminate(process, reason, timeout);
  } catch (e) {
    demonitor(mref, ['flush']);
    if (!ExitException.is(e)) throw e;
    const r = e.reason;
    if (
      Array.isArray(r) &&
      r.length === 2 &&
      Array.isArray(r[1]) &&
      r[1][0] === 'sys' &&
      r[1][1] === 'terminate'
    ) {
      if (r[0] === 'noproc') exit('noproc');
      if (r[0] === 'timeout') exit('timeout');
    }
    exit(r);
  }
  const left =
    timeout === 'infinity'
      ? Infinity
      : Math.max(0, timeout - ((monotonic_time('millisecond') as number) - t0));
  return receive(
    on(['DOWN', mref, _, _, _], ([, , , , r]): 'ok' => {
      if (termEquals(r, reason)) return 'ok';
      return exit(r);
    }),
    after(left, () => {
      demonitor(mref, ['flush']);
      return exit('timeout');
    }),
  );
}
