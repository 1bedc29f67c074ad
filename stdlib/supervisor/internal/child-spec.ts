/**
 * Checking supervisor flags and child specifications, as OTP 25's supervisor does
 * (check_flags/1, check_startspec/2, check_childspec/2), with its error terms: a check that
 * fails gives the term OTP throws (`{invalid_restart_type, X}`, `missing_id`,
 * `{duplicate_child_name, Id}`, ...), never a JS TypeError.
 */
import { isTuple } from '../../gen/internal/terms.js';
import { ErlangError, is_map, is_pid, list, type Pid } from '../../../runtime/index.js';
import { describe, termEquals, type List } from '../../../runtime/internal/library-api.js';
import { isModule } from '../../gen/internal/module.js';
import type { AutoShutdown, ChildType, FullChildSpec, Restart, Shutdown, Strategy } from './types.js';

/** A child's pid as the supervisor keeps it: running, not running, or being restarted. */
export type ChildPid = Pid | 'undefined' | ['restarting', Pid | 'undefined'];

/** OTP's `#child{}` record. Records are replaced, never changed in place. */
export interface Child {
  readonly pid: ChildPid;
  readonly id: unknown;
  readonly mfargs: readonly [object, string, List | 'undefined'];
  readonly restart_type: Restart;
  readonly significant: boolean;
  readonly shutdown: Shutdown;
  readonly child_type: ChildType;
  readonly modules: List | 'dynamic';
}

/** The checked flags. */
export interface Flags {
  readonly strategy: Strategy;
  readonly intensity: number;
  readonly period: number;
  readonly auto_shutdown: AutoShutdown;
}

/** What a check throws: the Erlang term OTP's check throws. */
class Invalid {
  constructor(readonly term: unknown) {}
}

function isListValue(x: unknown): boolean {
  return Array.isArray(x) && x.constructor !== Array;
}

function isInteger(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

function has(map: object, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(map, key);
}

// ---- flags ---------------------------------------------------------------------------------

/** check_flags/1: the flags, or the term OTP's check gives (`{invalid_type, X}`, `{invalid_strategy, X}`, ...). */
export function checkFlags(flags: unknown): { ok: true; flags: Flags } | { ok: false; error: unknown } {
  try {
    let m: Record<string, unknown>;
    if (is_map(flags) && !(flags instanceof Map)) {
      m = { strategy: 'one_for_one', intensity: 1, period: 5, auto_shutdown: 'never', ...flags };
    } else if (isTuple(flags, 3)) {
      m = { strategy: flags[0], intensity: flags[1], period: flags[2], auto_shutdown: 'never' };
    } else throw new Invalid(['invalid_type', flags]);
    const { strategy, intensity, period, auto_shutdown } = m;
    if (
      strategy !== 'simple_one_for_one' &&
      strategy !== 'one_for_one' &&
      strategy !== 'one_for_all' &&
      strategy !== 'rest_for_one'
    )
      throw new Invalid(['invalid_strategy', strategy]);
    if (!isInteger(intensity) || intensity < 0) throw new Invalid(['invalid_intensity', intensity]);
    if (!isInteger(period) || period <= 0) throw new Invalid(['invalid_period', period]);
    if (
      auto_shutdown !== 'never' &&
      auto_shutdown !== 'any_significant' &&
      auto_shutdown !== 'all_significant'
    )
      throw new Invalid(['invalid_auto_shutdown', auto_shutdown]);
    return { ok: true, flags: { strategy, intensity, period, auto_shutdown } };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.term };
    throw e;
  }
}

// ---- child specs ---------------------------------------------------------------------------

/**
 * check_childspec/2: the child record, or OTP's error term. `autoShutdown` is `undefined` for
 * check_childspecs/1, which leaves the `{auto_shutdown, never}` combination unchecked.
 */
export function checkChildSpec(
  spec: unknown,
  autoShutdown: AutoShutdown | 'undefined',
): { ok: true; child: Child } | { ok: false; error: unknown } {
  let m: Record<string, unknown>;
  if (is_map(spec) && !(spec instanceof Map)) {
    m = { restart: 'permanent', type: 'worker', ...spec };
  } else if (isTuple(spec, 6)) {
    const [id, start, restart, shutdown, type, modules] = spec;
    m = { id, start, restart, significant: false, shutdown, type, modules };
  } else return { ok: false, error: ['invalid_child_spec', spec] };
  try {
    return { ok: true, child: doCheck(m, autoShutdown) };
  } catch (e) {
    if (e instanceof Invalid) return { ok: false, error: e.term };
    throw e;
  }
}

function doCheck(m: Record<string, unknown>, autoShutdown: AutoShutdown | 'undefined'): Child {
  if (!has(m, 'id')) throw new Invalid('missing_id');
  if (!has(m, 'start')) throw new Invalid('missing_start');
  const id = m['id'];
  const func = m['start'];
  if (!(isTuple(func, 3) && isModule(func[0]) && typeof func[1] === 'string' && Array.isArray(func[2])))
    throw new Invalid(['invalid_mfa', func]);
  const restart = m['restart'];
  if (restart !== 'permanent' && restart !== 'temporary' && restart !== 'transient')
    throw new Invalid(['invalid_restart_type', restart]);
  const significant = has(m, 'significant') ? m['significant'] : false;
  if (significant === true && autoShutdown === 'never')
    throw new Invalid(['bad_combination', list(['auto_shutdown', 'never'], ['significant', true])]);
  if (significant === true && restart === 'permanent')
    throw new Invalid(['bad_combination', list(['restart', 'permanent'], ['significant', true])]);
  if (typeof significant !== 'boolean') throw new Invalid(['invalid_significant', significant]);
  const type = m['type'];
  if (type !== 'worker' && type !== 'supervisor') throw new Invalid(['invalid_child_type', type]);
  let shutdown = has(m, 'shutdown') ? m['shutdown'] : type === 'worker' ? 5000 : 'infinity';
  if (shutdown === Infinity) shutdown = 'infinity';
  if (!((isInteger(shutdown) && shutdown >= 0) || shutdown === 'infinity' || shutdown === 'brutal_kill'))
    throw new Invalid(['invalid_shutdown', shutdown]);
  const mods = has(m, 'modules') ? m['modules'] : list(func[0]);
  if (mods !== 'dynamic') {
    if (!Array.isArray(mods)) throw new Invalid(['invalid_modules', mods]);
    for (const mod of mods as unknown[]) {
      if (!(isModule(mod) || typeof mod === 'string')) throw new Invalid(['invalid_module', mod]);
    }
  }
  return {
    pid: 'undefined',
    id,
    mfargs: [func[0], func[1], toList(func[2] as unknown[])],
    restart_type: restart,
    significant,
    shutdown: shutdown,
    child_type: type,
    modules: mods === 'dynamic' ? 'dynamic' : toList(mods as unknown[]),
  };
}

function toList(a: readonly unknown[]): List {
  return isListValue(a) ? (a as List) : list(...a);
}

/**
 * check_startspec/2: the children in start order, or OTP's error term. A start spec that is not
 * a list raises function_clause, as OTP's check_startspec/4 does.
 */
export function checkStartSpec(
  specs: unknown,
  autoShutdown: AutoShutdown | 'undefined',
): { ok: true; children: Child[] } | { ok: false; error: unknown } {
  if (!Array.isArray(specs)) {
    throw new ErlangError(
      'function_clause',
      `supervisor:check_startspec/4: the child specifications must be a list, got ${describe(specs)}`,
    );
  }
  const children: Child[] = [];
  for (const spec of specs as unknown[]) {
    const r = checkChildSpec(spec, autoShutdown);
    if (!r.ok) return r;
    if (children.some((c) => termEquals(c.id, r.child.id)))
      return { ok: false, error: ['duplicate_child_name', r.child.id] };
    children.push(r.child);
  }
  return { ok: true, children };
}

/** child_to_spec/1: the record as a full child spec map. */
export function childToSpec(c: Child): FullChildSpec {
  return {
    id: c.id,
    start: [c.mfargs[0], c.mfargs[1], c.mfargs[2]],
    restart: c.restart_type,
    significant: c.significant,
    shutdown: c.shutdown,
    type: c.child_type,
    modules: c.modules,
  };
}

/** Whether the record's pid is a running process (not undefined, not restarting). */
export function running(c: Child): c is Child & { pid: Pid } {
  return is_pid(c.pid);
}
