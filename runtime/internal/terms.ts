/**
 * Erlang terms that have no native JavaScript form: pids, references, ports and
 * proper lists. Everything else maps onto plain JS values (DESIGN §2): atoms are
 * strings, tuples are arrays, binaries are Buffers, maps are plain objects.
 *
 * Identity matters: a Pid, Ref or Port is matched by identity, so each is a
 * small frozen-shape object created once and compared with `===`.
 */

import { currentOwner } from './context.js';

/** The symbol a value implements to print itself in Erlang syntax (`~w`, `~p`). */
export const formatTerm: unique symbol = Symbol.for('erlts.formatTerm') as never;

/** A value that knows its own Erlang printed form (pids, refs, ports, sockets). */
export interface SelfFormatting {
  [formatTerm](): string;
}

/** Whether `value` prints itself through {@link formatTerm}. */
export function isSelfFormatting(value: unknown): value is SelfFormatting {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as Partial<SelfFormatting>)[formatTerm] === 'function'
  );
}

/** What pids, refs and ports share: a serial number and an Erlang printed form. */
abstract class Identifier implements SelfFormatting {
  readonly serial: number;

  protected constructor(serial: number) {
    this.serial = serial;
  }

  abstract [formatTerm](): string;

  toString(): string {
    return this[formatTerm]();
  }

  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return this[formatTerm]();
  }
}

/**
 * What a pid needs of the process behind it: the runtime's process record implements it.
 * Kept structural so this module needs nothing of the process table.
 */
interface Mailbox {
  /** Hands `msg` to the process (its waiting receive, or its queue). */
  offer(msg: unknown): void;
}

/** What sending needs of the sender: a dead process's code may not act. */
interface Sender {
  /** Throws if the sender has exited, unwinding its code. */
  mayAct(): void;
}

/**
 * A process identifier. Prints as `<0.N.0>`; compared by identity.
 * The runtime hands out Pids; user code never constructs one.
 * @example
 * // Pid = spawn(fun() -> loop(0) end),
 * // io:format("~p~n", [Pid])   % <0.83.0>
 * const Pid = spawn(async () => loop(0));
 * io.format('~p~n', [Pid]);
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#pid
 */
export class Pid extends Identifier {
  /** @internal The live process behind this pid, or null once it has exited. */
  _process: Mailbox | null;

  /** @internal */
  constructor(serial: number, process: Mailbox | null) {
    super(serial);
    this._process = process;
  }

  /**
   * Sends `msg` to this process, as `Pid ! Msg`: nothing happens if it has exited.
   * @param msg - any term
   * @returns `msg`
   * @example
   * // Pid ! {self(), hello}
   * Pid.send([self(), 'hello'])
   * @see https://www.erlang.org/doc/reference_manual/expressions.html#send
   */
  send<T>(msg: T): T {
    (currentOwner() as Sender | null)?.mayAct();
    this._process?.offer(msg);
    return msg;
  }

  [formatTerm](): string {
    return `<0.${this.serial}.0>`;
  }
}

let refCounter = 0;

/**
 * A unique reference, as made by `make_ref()`, `monitor` and the timers. Prints as
 * `#Ref<0.0.0.N>`; compared by identity, so a pattern holding it matches only its own replies.
 * @example
 * // Ref = make_ref(),
 * // Server ! {request, self(), Ref},
 * // receive {reply, Ref, Reply} -> Reply end
 * const Ref = make_ref();
 * send(Server, ['request', self(), Ref]);
 * await receive(on(['reply', Ref, _], ([, , Reply]) => Reply));
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#reference
 */
export class Ref extends Identifier {
  /** @internal */
  constructor() {
    super(++refCounter);
  }

  [formatTerm](): string {
    return `#Ref<0.0.0.${this.serial}>`;
  }
}

let portCounter = 0;

/**
 * A port: what gen_tcp hands out as a socket. Prints as `#Port<0.N>`; compared by identity, so
 * `['tcp', Sock, _]` matches only that socket's messages.
 * @example
 * // {ok, LSock} = gen_tcp:listen(0, [binary]),
 * // true = is_port(LSock)
 * const [, LSock] = await gen_tcp.listen(0, ['binary']);
 * is_port(LSock); // true
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#port-identifier
 */
export class Port extends Identifier {
  /** @internal */
  constructor() {
    super(++portCounter);
  }

  [formatTerm](): string {
    return `#Port<0.${this.serial}>`;
  }
}

/**
 * An Erlang proper list. Tuples are plain arrays; a `List` is how the runtime
 * marks a value that Erlang would print with square brackets.
 * Plain arrays are accepted wherever a list is an input. Make one with {@link list}.
 * @example
 * // io:format("~w~n", [{ok, [1, 2]}])   % {ok,[1,2]}
 * io.format('~w~n', [['ok', list(1, 2)]]);
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#list
 */
export class List<T = unknown> extends Array<T> {
  static override get [Symbol.species](): ArrayConstructor {
    // map/filter/slice of a List give plain arrays: only the runtime says "list".
    return Array;
  }
}

/**
 * Makes an Erlang list of its arguments.
 * @example
 * // [1, 2, 3]
 * list(1, 2, 3)
 */
export function list<A extends unknown[]>(...items: A): List<A[number]> {
  const l = new List<A[number]>();
  for (const item of items) l.push(item);
  return l;
}

/** Makes an Erlang list from any iterable. */
export function toList<T>(items: Iterable<T>): List<T> {
  const l = new List<T>();
  for (const item of items) l.push(item);
  return l;
}

/** Whether `value` is an Erlang list made by the runtime (a {@link List}). */
export function isList(value: unknown): value is List {
  return value instanceof List;
}

/** Whether `value` is a Pid. */
export function is_pid(value: unknown): value is Pid {
  return value instanceof Pid;
}

/** Whether `value` is a reference. */
export function is_reference(value: unknown): value is Ref {
  return value instanceof Ref;
}

/** Whether `value` is a port. */
export function is_port(value: unknown): value is Port {
  return value instanceof Port;
}

/** Whether `value` is an atom (a string, true, false). */
export function is_atom(value: unknown): value is string | boolean {
  return typeof value === 'string' || typeof value === 'boolean';
}

/** Whether `value` is a tuple (a plain array that is not a List). */
export function is_tuple(value: unknown): value is unknown[] {
  return Array.isArray(value) && !(value instanceof List);
}

/** Whether `value` is a list (a List, or any array when it stands as a list). */
export function is_list(value: unknown): value is unknown[] {
  return value instanceof List;
}

/** Whether `value` is a binary. */
export function is_binary(value: unknown): value is Buffer {
  return Buffer.isBuffer(value);
}

/** Whether `value` is an integer (a safe-integer number or a bigint). */
export function is_integer(value: unknown): value is number | bigint {
  return (typeof value === 'number' && Number.isInteger(value)) || typeof value === 'bigint';
}

/** Whether `value` is a number. */
export function is_number(value: unknown): value is number | bigint {
  return typeof value === 'number' || typeof value === 'bigint';
}

/** Whether `value` is a map (a plain object). */
export function is_map(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Whether `value` is a function. */
export function is_function(value: unknown): value is (...args: never[]) => unknown {
  return typeof value === 'function';
}

/**
 * Erlang's exact equality (`=:=`) over the JS forms of terms: arrays element
 * by element, Buffers by bytes, plain objects key by key, everything else by
 * identity (so pids, refs and ports by identity, numbers and atoms by value).
 */
export function termEquals(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length || isList(a) !== isList(b)) return false;
    for (let i = 0; i < a.length; i++) if (!termEquals(a[i], b[i])) return false;
    return true;
  }
  if (Buffer.isBuffer(a)) return Buffer.isBuffer(b) && a.equals(b);
  if (is_map(a) && is_map(b)) {
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length) return false;
    for (const k of keys) {
      if (!Object.prototype.hasOwnProperty.call(b, k) || !termEquals(a[k], b[k])) return false;
    }
    return true;
  }
  return false;
}
