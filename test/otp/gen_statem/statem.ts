/**
 * The state machine of OTP's gen_statem_SUITE (lib/stdlib/test/gen_statem_SUITE.erl, "The State
 * Machine" section), ported: init/1 for every start argument the cases use, the state functions,
 * and handle_event/4 that dispatches to them (wrapping states in a 1-element list, so atom and
 * non-atom states are both tested) or runs a map machine (`{map_statem, Machine}`).
 */
import * as gen_statem from 'erlts/gen_statem';
import {
  ErlangError,
  exit,
  get,
  list,
  put,
  self,
  send,
  start_timer,
  throw as throw_,
  timer,
  type Pid,
} from 'erlts';
import * as self_ from './statem.js';

export const MODULE = 'gen_statem_SUITE';

type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any

export function callback_mode(): unknown {
  const cm = get('callback_mode');
  return cm === 'undefined' ? 'state_functions' : cm;
}

export async function init(arg: Any): Promise<unknown> {
  if (arg === 'ignore') return 'ignore';
  if (arg === 'stop') return ['stop', 'stopped'];
  if (arg === 'stop_shutdown') return ['stop', 'shutdown'];
  if (arg === 'sleep') {
    await timer.sleep(1000);
    return ['ok', 'idle', 'data'];
  }
  if (arg === 'hiber') return ['ok', 'hiber_idle', list()];
  if (arg === 'hiber_now') return ['ok', 'hiber_idle', list(), list('hibernate')];
  if (Array.isArray(arg) && arg[0] === 'data') return ['ok', 'idle', arg[1]];
  if (Array.isArray(arg) && arg[0] === 'callback_mode') {
    put('callback_mode', arg[1]);
    return init(arg[2]);
  }
  if (Array.isArray(arg) && arg[0] === 'map_statem') {
    const machine = arg[1] as Record<string, (...a: Any[]) => Any>;
    put('callback_mode', 'handle_event_function');
    const r = await (machine.init as () => Any)();
    if (Array.isArray(r) && r[0] === 'ok' && r.length === 4) return ['ok', r[1], [r[2], machine], r[3]];
    if (Array.isArray(r) && r[0] === 'ok') return ['ok', r[1], [r[2], machine]];
    return r;
  }
  return ['ok', 'idle', 'data'];
}

export function terminate(reason: Any, state: Any, data: Any): unknown {
  if (data === 'crash_terminate') return exit(['crash', 'terminate']);
  if (Array.isArray(reason) && reason[1] === 'stopped') {
    send(reason[0] as Pid, [self(), ['stopped', state]]);
  }
  return 'ok';
}

// ---- state functions ----

export async function idle(type: Any, content: Any, data: Any): Promise<unknown> {
  if (type === 'cast' && Array.isArray(content) && content[0] === 'connect') {
    send(content[1], 'accept');
    return ['next_state', 'wfor_conf', data, 'infinity'];
  }
  if (isCall(type) && content === 'connect') {
    gen_statem.reply(type[1], 'accept');
    return ['next_state', 'wfor_conf', data, 'infinity'];
  }
  if ((type === 'cast' || isCall(type)) && content === 'badreturn') return 'badreturn';
  if (isCall(type) && Array.isArray(content) && content[0] === 'delayed_answer') {
    await timer.sleep(content[1]);
    gen_statem.reply(['reply', type[1], 'delayed']);
    return throw_(['keep_state', data]);
  }
  if (isCall(type) && Array.isArray(content) && content[0] === 'timeout') {
    return ['next_state', 'timeout', [type[1], content[1]], ['timeout', content[1], 'idle']];
  }
  if (type === 'cast' && content === 'next_event') {
    return [
      'next_state',
      'next_events',
      list('a', 'b', 'c'),
      list(['next_event', 'internal', 'a'], ['next_event', 'internal', 'b'], ['next_event', 'internal', 'c']),
    ];
  }
  const r = handleCommonEvents(type, content, 'idle', data);
  if (r !== 'undefined') return r;
  if (isCall(type)) return throw_(['keep_state', data, list(['reply', type[1], 'eh?'])]);
  return throw_(['stop', ['unexpected', 'idle', type, content]]);
}

export function timeout(type: Any, content: Any, data: Any): unknown {
  if (type === 'timeout' && content === 'idle') {
    const [from, time] = data as [unknown, number];
    const tref = start_timer(time, self(), 'ok');
    return ['keep_state', [from, tref], 0];
  }
  if (type === 'timeout' && content === 0) {
    return ['next_state', 'timeout2', data, list(['timeout', 1, 'should_be_cancelled'], 'postpone')];
  }
  return 'keep_state_and_data';
}

export function timeout2(type: Any, content: Any, data: Any): unknown {
  if (type === 'timeout' && content === 0) return 'keep_state_and_data';
  if (type === 'timeout') return ['stop', content];
  if (type === 'info' && Array.isArray(content) && content[0] === 'timeout' && content[1] === data[1]) {
    gen_statem.reply(list(['reply', data[0], content[2]]));
    return ['next_state', 'idle', 'state'];
  }
  return ['keep_state_and_data', list()];
}

export function wfor_conf(type: Any, content: Any, data: Any): unknown {
  if (isCall(type) && content === 'confirm')
    return ['next_state', 'connected', data, ['reply', type[1], 'yes']];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'ping')
    return ['keep_state_and_data', list('postpone')];
  if (type === 'cast' && content === 'confirm') return ['next_state', 'connected', data];
  const r = handleCommonEvents(type, content, 'wfor_conf', data);
  if (r !== 'undefined') return r;
  if (isCall(type)) return ['next_state', 'idle', data, list(['reply', type[1], 'eh?'])];
  return throw_('keep_state_and_data');
}

export function connected(type: Any, content: Any, data: Any): unknown {
  if (isCall(type) && Array.isArray(content) && content[0] === 'msg')
    return ['keep_state', data, ['reply', type[1], ['ack', content[1]]]];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'msg') {
    send(content[1], ['ack', content[2]]);
    return ['keep_state', data];
  }
  if (isCall(type) && content === 'disconnect')
    return ['next_state', 'idle', data, list(['reply', type[1], 'yes'])];
  if (type === 'cast' && content === 'disconnect') return ['next_state', 'idle', data];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'ping') {
    send(content[1], ['pong', content[2]]);
    return ['keep_state', data];
  }
  const r = handleCommonEvents(type, content, 'connected', data);
  if (r !== 'undefined') return r;
  if (isCall(type)) return ['keep_state', data, list(['reply', type[1], 'eh?'])];
  return ['keep_state', data];
}

export function state0(type: Any, content: Any, data: Any): unknown {
  if (isCall(type) && content === 'stop')
    return ['stop_and_reply', 'normal', list(['reply', type[1], 'stopped']), data];
  const r = handleCommonEvents(type, content, 'state0', data);
  return r !== 'undefined' ? r : ['keep_state', data];
}

export function hiber_idle(type: Any, content: Any, data: Any): unknown {
  if (isCall(type) && content === 'alive?') return ['keep_state', data, list(['reply', type[1], 'alive!'])];
  if (isCall(type) && content === 'hibernate_sync')
    return ['next_state', 'hiber_wakeup', data, list(['reply', type[1], 'hibernating'], 'hibernate')];
  if (type === 'info' && content === 'hibernate_later') {
    return ['keep_state', start_timer(1000, self(), 'hibernate')];
  }
  if (type === 'info' && content === 'hibernate_now') return ['keep_state', data, list('hibernate')];
  if (
    type === 'info' &&
    Array.isArray(content) &&
    content[0] === 'timeout' &&
    content[1] === data &&
    content[2] === 'hibernate'
  )
    return ['keep_state', list(), list('hibernate')];
  if (type === 'cast' && content === 'hibernate_async')
    return ['next_state', 'hiber_wakeup', data, list('hibernate')];
  const r = handleCommonEvents(type, content, 'hiber_idle', data);
  return r !== 'undefined' ? r : ['keep_state', data];
}

export function hiber_wakeup(type: Any, content: Any, data: Any): unknown {
  if (isCall(type) && content === 'wakeup_sync')
    return ['next_state', 'hiber_idle', data, list(['reply', type[1], 'good_morning'])];
  if (isCall(type) && content === 'snooze_sync')
    return ['keep_state', data, list(['reply', type[1], 'please_just_five_more'], 'hibernate')];
  if (type === 'cast' && content === 'wakeup_async') return ['next_state', 'hiber_idle', data];
  if (type === 'cast' && content === 'snooze_async') return ['keep_state', data, list('hibernate')];
  const r = handleCommonEvents(type, content, 'hiber_wakeup', data);
  return r !== 'undefined' ? r : ['keep_state', data];
}

export function next_events(type: Any, content: Any, data: Any): unknown {
  if (type === 'internal' && Array.isArray(data) && data[0] === content)
    return ['keep_state', list(...data.slice(1))];
  const r = handleCommonEvents(type, content, 'next_events', data);
  return r !== 'undefined' ? r : ['keep_state', data];
}

function handleCommonEvents(type: Any, content: Any, state: unknown, data: Any): unknown {
  if (isCall(type) && content === 'get_callback_mode')
    return ['keep_state_and_data', ['reply', type[1], 'state_functions']];
  if (isCall(type) && content === 'get')
    return ['keep_state', data, list(['reply', type[1], ['state', state, data]])];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'get') {
    send(content[1], ['state', state, data]);
    return ['keep_state', data];
  }
  if (isCall(type) && content === 'stop')
    return ['stop_and_reply', 'normal', list(['reply', type[1], 'stopped']), data];
  if (type === 'cast' && content === 'stop') return 'stop';
  if (isCall(type) && Array.isArray(content) && content[0] === 'stop')
    return ['stop_and_reply', content[1], ['reply', type[1], 'stopped'], data];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'stop') return ['stop', content[1]];
  if (isCall(type) && content === 'alive?') return ['keep_state', data, list(['reply', type[1], 'yes'])];
  if (type === 'cast' && Array.isArray(content) && content[0] === 'alive?') {
    send(content[1], 'yes');
    return ['keep_state', data];
  }
  return 'undefined';
}

// ---- handle_event_function ----

export async function handle_event(type: Any, event: Any, state: Any, data: Any): Promise<unknown> {
  if (isCall(type) && event === 'get_callback_mode')
    return ['keep_state_and_data', ['reply', type[1], 'handle_event_function']];
  if (Array.isArray(data) && data.length === 2 && isMap(data[1])) {
    const machine = data[1] as Record<string, (...a: Any[]) => Any>;
    const handle = machine[state as string];
    if (handle === undefined) throw new ErlangError(['badmatch', machine]);
    let r: Any;
    try {
      r = await handle(type, event, data[0]);
    } catch (e) {
      if (e instanceof Error && e.name === 'ThrownValue') r = (e as unknown as { value: unknown }).value;
      else throw e;
    }
    if (Array.isArray(r) && r[0] === 'stop' && r.length === 3) return ['stop', r[1], [r[2], machine]];
    if (Array.isArray(r) && r[0] === 'next_state' && r.length === 3)
      return ['next_state', r[1], [r[2], machine]];
    if (Array.isArray(r) && r[0] === 'next_state' && r.length === 4)
      return ['next_state', r[1], [r[2], machine], r[3]];
    if (Array.isArray(r) && r[0] === 'keep_state' && r.length === 2) return ['keep_state', [r[1], machine]];
    if (Array.isArray(r) && r[0] === 'keep_state' && r.length === 3)
      return ['keep_state', [r[1], machine], r[2]];
    return r;
  }
  const stateName = Array.isArray(state) && state.length === 1 ? state[0] : state;
  const fn = (self_ as unknown as Record<string, (...a: unknown[]) => unknown>)[stateName as string];
  try {
    return wrapResult(await (fn as (...a: unknown[]) => unknown)(type, event, data));
  } catch (e) {
    if (e instanceof Error && e.name === 'ThrownValue')
      return throw_(wrapResult((e as unknown as { value: unknown }).value));
    throw e;
  }
}

function wrapResult(result: unknown): unknown {
  if (Array.isArray(result) && result[0] === 'next_state' && (result.length === 3 || result.length === 4)) {
    return ['next_state', [result[1]], ...result.slice(2)];
  }
  return result;
}

export function code_change(oldVsn: unknown, state: unknown, data: unknown, extra: unknown): unknown {
  put('callback_mode', extra);
  return ['ok', state, [oldVsn, data, extra]];
}

export function format_status(opt: unknown, [, state, data]: [unknown, unknown, unknown]): unknown {
  if (opt === 'terminate') return ['formatted', state, data];
  return list('format_status_called');
}

function isCall(type: unknown): type is ['call', gen_statem.From] {
  return Array.isArray(type) && type[0] === 'call';
}

/** is_map/1: a plain object (a Ref or a Pid is not one). */
function isMap(x: unknown): boolean {
  return typeof x === 'object' && x !== null && Object.getPrototypeOf(x) === Object.prototype;
}
