/**
 * The `erlang` BIFs that answer the atom `undefined` for "nothing there", giving an fp-ts
 * `Option` instead: `whereis/1`, `get/1`, `put/2`, `erase/1`, `process_info/1,2`, `port_info/2`.
 * Their errors (badarg for a name that is no atom, a pid that is no pid) stay raised.
 */
import type { Option } from 'fp-ts/lib/Option.js';
import * as erlang from 'erlts';
import type { InfoItem, List, Pid, Port, PortInfoItem } from 'erlts';
import { fromUndefinedAtom } from '../option.js';

/**
 * The pid registered under a name: `some(Pid)`, or `none` where erlang:whereis/1 says
 * `undefined`.
 * @param name - an atom (a string)
 * @returns `Option<Pid>`
 * @throws ErlangError `badarg` for a name that is not an atom
 * @example
 * // case whereis(db) of undefined -> none; Pid -> {some, Pid} end
 * const Db = fp.erlang.whereis('db'); // Option<Pid>
 * @see https://www.erlang.org/doc/man/erlang.html#whereis-1
 */
export function whereis(name: string): Option<Pid> {
  return fromUndefinedAtom(erlang.whereis(name));
}

/**
 * A key's value in the process dictionary: `some(Value)`, or `none` where erlang:get/1 says
 * `undefined` (a key set to the atom `undefined` reads as `none` too, as in Erlang).
 * @param key - any term
 * @returns `Option<unknown>`
 * @example
 * // case get(visits) of undefined -> none; N -> {some, N} end
 * const Visits = fp.erlang.get('visits');
 * @see https://www.erlang.org/doc/man/erlang.html#get-1
 */
export function get(key: unknown): Option<unknown> {
  return fromUndefinedAtom(erlang.get(key));
}

/**
 * Sets a key in the process dictionary: `some(OldValue)`, or `none` when it had none.
 * @param key - any term
 * @param value - the new value
 * @returns `Option<unknown>`: the old value
 * @example
 * // Old = put(visits, 1)
 * const Old = fp.erlang.put('visits', 1); // none the first time
 * @see https://www.erlang.org/doc/man/erlang.html#put-2
 */
export function put(key: unknown, value: unknown): Option<unknown> {
  return fromUndefinedAtom(erlang.put(key, value));
}

/**
 * Removes a key from the process dictionary: `some(OldValue)`, or `none` when it had none.
 * @param key - any term
 * @returns `Option<unknown>`: the old value
 * @example
 * // Old = erase(visits)
 * const Old = fp.erlang.erase('visits');
 * @see https://www.erlang.org/doc/man/erlang.html#erase-1
 */
export function erase(key: unknown): Option<unknown> {
  return fromUndefinedAtom(erlang.erase(key));
}

/**
 * Information about a process: `some(Info)`, or `none` for a process that is not alive (where
 * erlang:process_info/1,2 says `undefined`).
 * @param pid - a pid
 * @param item - an item or a list of items; all of them when left out
 * @returns `Option` of what process_info gives for a live process
 * @throws ErlangError `badarg` for what is not a pid, or an item erlts does not know
 * @example
 * // case process_info(Pid, message_queue_len) of undefined -> none; {_, N} -> {some, N} end
 * const Len = fp.erlang.process_info(Pid, 'message_queue_len'); // Option<['message_queue_len', unknown]>
 * @see https://www.erlang.org/doc/man/erlang.html#process_info-2
 */
export function process_info(pid: Pid): Option<List<[InfoItem, unknown]>>;
export function process_info(pid: Pid, item: 'registered_name'): Option<['registered_name', string] | List>;
export function process_info<I extends InfoItem>(
  pid: Pid,
  item: I,
): Option<Exclude<ReturnType<typeof erlang.process_info<I>>, 'undefined'>>;
export function process_info(pid: Pid, items: readonly InfoItem[]): Option<List<[InfoItem, unknown]>>;
export function process_info(...args: [Pid] | [Pid, InfoItem | readonly InfoItem[]]): Option<unknown> {
  return fromUndefinedAtom((erlang.process_info as (...a: typeof args) => unknown)(...args));
}

/**
 * Information about a port: `some([Item, Value])`, or `none` for a closed port (where
 * erlang:port_info/2 says `undefined`).
 * @param port - a port (a gen_tcp socket)
 * @param item - `connected`, `id` or `name`
 * @returns `Option<[Item, Value]>`
 * @throws ErlangError `badarg` for what is not a port, or an item erlts does not know
 * @example
 * // case erlang:port_info(Sock, connected) of undefined -> none; {connected, Pid} -> {some, Pid} end
 * const Owner = fp.erlang.port_info(Sock, 'connected'); // Option<['connected', Pid]>
 * @see https://www.erlang.org/doc/man/erlang.html#port_info-2
 */
export function port_info(port: Port, item: 'connected'): Option<readonly ['connected', Pid]>;
export function port_info(port: Port, item: 'id'): Option<readonly ['id', number]>;
export function port_info(port: Port, item: 'name'): Option<readonly ['name', List<number>]>;
export function port_info(port: Port, item: PortInfoItem): Option<readonly [PortInfoItem, unknown]>;
export function port_info(port: Port, item: PortInfoItem): Option<readonly [PortInfoItem, unknown]> {
  return fromUndefinedAtom(erlang.port_info(port, item));
}
