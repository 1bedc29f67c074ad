/**
 * The callback module of gen_server_SUITE (OTP's lib/stdlib/test/gen_server_SUITE.erl is its own
 * callback module): init/1, handle_call/3, handle_cast/2, handle_info/2, handle_continue/2,
 * code_change/3, terminate/2, format_status/2, and the spec_init_* functions that the enter_loop
 * cases start with proc_lib, clause for clause.
 */
import * as erlang from 'erlts';
import { exit, list, process_flag, register, self, send, send_after, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as proc_lib from 'erlts/proc_lib';
import type { From } from 'erlts/gen_server';
import * as dummy_via from './dummy_via.js';
// erlts has no public `global` module yet: gen's this-node share of it stands in.
import { global_register_name } from '../../../stdlib/gen/internal/names.js';
// Erlang's Mod:Fun() on a module object: a missing function raises undef as OTP's does.
import { apply } from '../../../stdlib/gen/internal/module.js';
import * as self_ from './gen_server_SUITE.js';

export const MODULE = 'gen_server_SUITE';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

const is = (x: unknown, ...head: unknown[]): x is Any[] =>
  Array.isArray(x) && head.every((h, i) => h === undefined || x[i] === h);

/** `Mod:Fun()` of a function nobody exports: the undef Erlang raises, `{undef, [{Mod, Fun, [], []} | _]}`. */
function callUndef(mod: unknown, fun: unknown): never {
  const m = typeof mod === 'string' ? mod : (mod as { MODULE: string }).MODULE;
  apply({ MODULE: m }, fun as string, []);
  throw new Error('unreachable');
}

// ---- init/1 ----

export async function init(args: unknown): Promise<Any> {
  if (is(args) && args.length === 0) return ['ok', list()];
  if (args === 'ignore') return 'ignore';
  if (args === 'stop') return ['stop', 'stopped'];
  if (args === 'hibernate') return ['ok', list(), 'hibernate'];
  if (args === 'sleep') {
    await timer.sleep(1000);
    return ['ok', list()];
  }
  if (is(args, 'continue')) {
    send(self(), ['after_continue', args[1]]);
    return ['ok', list(), ['continue', ['message', args[1]]]];
  }
  if (is(args, 'state')) return ['ok', args[1]];
  return erlang.error('function_clause');
}

// ---- handle_call/3 ----

export function handle_call(req: Any, from: From, state: Any): Any {
  if (req === 'started_p') return ['reply', 'ok', state];
  if (is(req, 'delayed_answer')) return ['noreply', ['reply_to', from], req[1]];
  if (is(req, 'call_within')) return ['reply', 'ok', 'call_within', req[1]];
  if (req === 'next_call') return state === 'call_within' ? ['reply', 'ok', list()] : ['reply', false, state];
  if (req === 'badreturn') return 'badreturn';
  if (req === 'hibernate') return ['reply', true, list(), 'hibernate'];
  if (is(req, 'hibernate_noreply')) {
    send(req[1] as Pid, 'go');
    return ['noreply', from, 'hibernate'];
  }
  if (req === 'stop') return ['stop', 'stopped', 'ok', state];
  if (req === 'crash') return exit('crashed');
  if (req === 'exit_shutdown') return exit('shutdown');
  if (req === 'stop_shutdown') return ['stop', 'shutdown', state];
  if (req === 'shutdown_reason') return exit(['shutdown', 'reason']);
  if (is(req, 'call_undef_fun')) return callUndef(req[1], req[2]);
  if (req === 'stop_shutdown_reason') return ['stop', ['shutdown', 'stop_reason'], state];
  if (is(req, 'continue_reply')) {
    send(self(), ['after_continue', req[1]]);
    return ['reply', 'ok', state, ['continue', ['message', req[1]]]];
  }
  if (is(req, 'continue_noreply')) {
    send(self(), ['after_continue', req[1]]);
    return ['noreply', state, ['continue', ['message', req[1], from]]];
  }
  if (is(req, 'ultimate_answer')) return ['reply', req, state];
  return erlang.error('function_clause');
}

// ---- handle_cast/2 ----

export function handle_cast(req: Any, state: Any): Any {
  if (is(req, undefined, 'handle_cast') && req.length === 2) {
    send(req[0] as Pid, [self(), 'handled_cast']);
    return ['noreply', state];
  }
  if (is(req, undefined, 'delayed_cast') && req.length === 3)
    return ['noreply', ['delayed_cast', req[0]], req[2]];
  if (req === 'hibernate_now') return ['noreply', list(), 'hibernate'];
  if (req === 'hibernate_later') {
    send_after(1000, self(), 'hibernate_now');
    return ['noreply', list()];
  }
  if (is(req, 'call_undef_fun')) return callUndef(req[1], req[2]);
  if (is(req, 'continue_noreply')) {
    send(self(), ['after_continue', req[1]]);
    return ['noreply', state, ['continue', ['message', req[1]]]];
  }
  if (is(req, undefined, 'stop') && req.length === 2) return ['stop', [req[0], 'stopped'], state];
  return erlang.error('function_clause');
}

// ---- handle_info/2 ----

export function handle_info(info: Any, state: Any): Any {
  if (info === 'timeout' && is(state, 'reply_to')) {
    gen_server.reply(state[1] as From, 'delayed');
    return ['noreply', list()];
  }
  if (info === 'timeout' && state === 'hibernate_me') return ['noreply', list(), 'hibernate'];
  if (info === 'hibernate_now') return ['noreply', list(), 'hibernate'];
  if (info === 'hibernate_later') return ['noreply', 'hibernate_me', 1000];
  if (info === 'timeout' && state === 'call_within') return ['noreply', list()];
  if (info === 'timeout' && is(state, 'delayed_cast')) {
    send(state[1] as Pid, [self(), 'delayed']);
    return ['noreply', list()];
  }
  if (info === 'timeout' && is(state, 'delayed_info')) {
    send(state[1] as Pid, [self(), 'delayed_info']);
    return ['noreply', list()];
  }
  if (is(info, 'call_undef_fun')) return callUndef(info[1], info[2]);
  if (is(info, undefined, 'handle_info') && info.length === 2) {
    send(info[0] as Pid, [self(), 'handled_info']);
    return ['noreply', list()];
  }
  if (is(info, undefined, 'delayed_info') && info.length === 3)
    return ['noreply', ['delayed_info', info[0]], info[2]];
  if (info === 'continue') {
    gen_server.reply(state as From, true);
    return ['noreply', list()];
  }
  if (is(info, undefined, 'stop') && info.length === 2) return ['stop', [info[0], 'stopped_info'], state];
  if (is(info, 'after_continue')) {
    send(info[1] as Pid, [self(), 'after_continue']);
    send(info[1] as Pid, [self(), 'ack']);
    return ['noreply', state];
  }
  if (is(info, 'continue_noreply')) {
    send(self(), ['after_continue', info[1]]);
    return ['noreply', state, ['continue', ['message', info[1]]]];
  }
  if (is(info, 'continue_continue')) return ['noreply', state, ['continue', ['continue', info[1]]]];
  if (info === 'continue_stop') return ['noreply', state, ['continue', 'stop']];
  return ['noreply', state];
}

// ---- handle_continue/2 (OTP 21+ cases) ----

export function handle_continue(c: Any, state: Any): Any {
  if (is(c, 'continue')) {
    send(c[1] as Pid, [self(), 'before_continue']);
    send(self(), ['after_continue', c[1]]);
    return ['noreply', state, ['continue', ['message', c[1]]]];
  }
  if (c === 'stop') return ['stop', 'normal', state];
  if (is(c, 'message') && c.length === 2) {
    send(c[1] as Pid, [self(), 'continue']);
    return ['noreply', state];
  }
  if (is(c, 'message') && c.length === 3) {
    send(c[1] as Pid, [self(), 'continue']);
    gen_server.reply(c[2] as From, 'ok');
    return ['noreply', state];
  }
  return erlang.error('function_clause');
}

// ---- code_change/3, terminate/2, format_status/2 ----

export function code_change(_old: unknown, state: Any, _extra: unknown): Any {
  if (is(state, 'new') && is(state[1], 'undef_in_code_change')) {
    const [mod, fun] = state[1][1] as [unknown, unknown];
    callUndef(mod, fun);
  }
  return ['ok', state];
}

export function terminate(reason: Any, state: Any): Any {
  if (is(reason, undefined, 'stopped') && reason.length === 2) {
    send(reason[0] as Pid, [self(), 'stopped']);
    return 'ok';
  }
  if (is(reason, undefined, 'stopped_info') && reason.length === 2) {
    send(reason[0] as Pid, [self(), 'stopped_info']);
    return 'ok';
  }
  if (state === 'crash_terminate') return exit(['crash', 'terminate']);
  if (is(state, 'undef_in_terminate')) {
    const [mod, fun] = state[1] as [unknown, unknown];
    return callUndef(mod, fun);
  }
  return 'ok';
}

export function format_status(opt: 'normal' | 'terminate', [, state]: [unknown, unknown]): unknown {
  return opt === 'terminate' ? ['formatted', state] : 'format_status_called';
}

// ---- the spec_init_* functions (proc_lib:start_link(?MODULE, Init, Options)) ----

type Spec = ['ok' | 'not_ok', Any];

export function spec_init_local([ok, name]: Spec, options: Any): Promise<never> {
  process_flag('trap_exit', true);
  if (ok === 'ok') register(name as string, self());
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], ['local', name], 'infinity');
}

export async function spec_init_global([ok, name]: Spec, options: Any): Promise<never> {
  process_flag('trap_exit', true);
  if (ok === 'ok') await global_register_name(name, self());
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], ['global', name], 'infinity');
}

export function spec_init_via([ok, name]: Spec, options: Any): Promise<never> {
  process_flag('trap_exit', true);
  if (ok === 'ok') dummy_via.register_name(name, self());
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], ['via', dummy_via, name], 'infinity');
}

export function spec_init_default_timeout([, name]: Spec, options: Any): Promise<never> {
  process_flag('trap_exit', true);
  register(name as string, self());
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], ['local', name]);
}

export async function spec_init_global_default_timeout([, name]: Spec, options: Any): Promise<never> {
  process_flag('trap_exit', true);
  await global_register_name(name, self());
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], ['global', name]);
}

export function spec_init_anonymous(options: Any): Promise<never> {
  process_flag('trap_exit', true);
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, [], 'infinity');
}

export function spec_init_anonymous_default_timeout(options: Any): Promise<never> {
  process_flag('trap_exit', true);
  proc_lib.init_ack(['ok', self()]);
  return gen_server.enter_loop(self_, options, list());
}

export function spec_init_not_proc_lib(options: Any): Promise<never> {
  return gen_server.enter_loop(self_, options, [], 'infinity');
}
