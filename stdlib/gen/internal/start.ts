/**
 * Starting a behaviour, as OTP's gen:start/5,6: the start options, the name check, the proc_lib
 * start that waits for the new server's init, and start_monitor's results.
 */
import { ErlangError, _, on, receive, type Pid, type Ref } from '../../../runtime/index.js';
import { describe } from '../../../runtime/internal/library-api.js';
import { startTarget, stop as procLibStop, type StartKind } from '../../proc_lib/internal/proc-lib.js';
import { debug_options, noDebug, type Debug, type DebugOption } from '../../sys/internal/sys.js';
import { checkTimeout, isTimeout, timeoutTerm, type Timeout } from './call.js';
import { isServerName, resolve, where, type ServerName } from './names.js';

/** A start option of gen_server, gen_statem, gen_event and supervisor. */
export type StartOption =
  | ['timeout', Timeout]
  | ['debug', readonly DebugOption[]]
  | ['hibernate_after', Timeout]
  | ['spawn_opt', readonly unknown[]];

/** The start options, checked. */
export interface StartOptions {
  readonly timeout: Timeout;
  readonly debug: readonly DebugOption[];
  readonly hibernateAfter: Timeout;
  readonly spawnOpts: readonly unknown[];
}

/**
 * Checks a start's options: OTP reads `timeout`, `debug`, `hibernate_after` and `spawn_opt` and
 * passes over anything else; erlts refuses anything else with badarg, so a typo is not lost
 * (docs/DEVIATIONS.md).
 */
export function startOptions(options: unknown, fn: string): StartOptions {
  if (!Array.isArray(options))
    throw new ErlangError('badarg', `${fn}: the options must be a list, got ${describe(options)}`);
  let timeout: Timeout = 'infinity';
  let debug: readonly DebugOption[] = [];
  let hibernateAfter: Timeout = 'infinity';
  let spawnOpts: readonly unknown[] = [];
  // As lists:keyfind reads them in gen.erl: the first option of a kind counts.
  const seen = new Set<unknown>();
  for (const o of options as unknown[]) {
    const [key, value] =
      Array.isArray(o) && o.length === 2 ? (o as [unknown, unknown]) : [undefined, undefined];
    if (seen.has(key) && key !== undefined) continue;
    seen.add(key);
    if (key === 'timeout' && isTimeout(value)) timeout = value;
    else if (key === 'hibernate_after' && isTimeout(value)) hibernateAfter = value;
    else if (key === 'debug' && Array.isArray(value)) debug = value as DebugOption[];
    else if (key === 'spawn_opt' && Array.isArray(value)) spawnOpts = value as unknown[];
    else {
      throw new ErlangError(
        'badarg',
        `${fn}: unknown or malformed start option ${describe(o)}; expected {timeout, T}, {debug, Dbg}, {hibernate_after, T} or {spawn_opt, Opts}`,
      );
    }
  }
  return { timeout, debug, hibernateAfter, spawnOpts };
}

/** The debug structure of the start options; erroneous options are ignored, as OTP does. */
export function debugOf(options: StartOptions): Debug {
  try {
    return debug_options(options.debug);
  } catch {
    return noDebug;
  }
}

/** What a behaviour's process runs: `init_it(Starter, Parent, Name, Module, Args, Options)`. */
export type InitIt = (
  starter: Pid,
  parent: Pid | 'self',
  name: ServerName | null,
  mod: object,
  args: unknown,
  options: StartOptions,
) => unknown;

/**
 * gen:start: checks the name is free, then starts `initIt` as a proc_lib process whose
 * `'$initial_call'` is `initialCall`, linked, monitored or neither, and waits for its init_ack.
 * @returns what init_ack gave (`{ok, Pid}`, `ignore`, `{error, R}`), `{error, {already_started,
 *   Pid}}`, or for start_monitor `{ok, {Pid, Mon}}`
 */
export async function start(
  fn: string,
  kind: StartKind,
  name: unknown,
  mod: object,
  args: unknown,
  rawOptions: unknown,
  initIt: InitIt,
  initialCall: [string, string, number],
  self_: Pid,
): Promise<unknown> {
  if (name !== null && !isServerName(name)) {
    throw new ErlangError(
      'badarg',
      `${fn}: the name must be {local, Name}, {global, Name} or {via, Module, Name}, got ${describe(name)}`,
    );
  }
  const options = startOptions(rawOptions, fn);
  if (name !== null) {
    const pid = where(name);
    if (pid !== 'undefined') return ['error', ['already_started', pid]];
  }
  const parent: Pid | 'self' = kind === 'nolink' ? 'self' : self_;
  const target = {
    mfa: initialCall,
    body: () => initIt(self_, parent, name, mod, args, options),
  };
  const ret = await startTarget(fn, kind, target, options.timeout, options.spawnOpts);
  if (kind !== 'monitor') return ret;
  const [result, mon] = ret as [unknown, Ref];
  if (Array.isArray(result) && result.length === 2 && result[0] === 'ok') return ['ok', [result[1], mon]];
  // A failed start: wait for the child to be gone, as gen's monitor_return does.
  await receive(on(['DOWN', mon, 'process', _, _], () => 'ok'));
  return result;
}

/**
 * gen:stop/3, the stop of every behaviour: proc_lib:stop/3 on the process the reference names,
 * or on `{Name, Node}` itself for a name on another node (exit `noproc` if none, `timeout`, or
 * the reason it died with instead of `reason`).
 */
export function stop(ref: unknown, reason: unknown, timeout: unknown, fn: string): Promise<'ok'> {
  const t = checkTimeout(timeout, fn);
  return procLibStop(resolve(ref, fn, true), reason, timeoutTerm(t));
}
