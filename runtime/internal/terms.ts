/**
 * Erlang terms that have no native JavaScript form: pids, references, ports and
 * proper lists. Everything else maps onto plain JS values (DESIGN §2): atoms are
 * strings, tuples are arrays, binaries are Buffers, maps are plain objects.
 *
 * Identity matters: a Pid, Ref or Port is matched by identity, so each is a
 * small frozen-shape object created once and compared with `===`.
 */

import { currentOwner } from './context.js';
import type { NodeId } from './node-ids.js';

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
  /**
   * @internal The live process behind this pid, or null once it has exited. A pid of another
   * node has none: its messages go through the distribution (node-ids.ts).
   */
  _process: Mailbox | null;
  /** @internal The node a pid of another node lives on; null for this node's pids. */
  readonly _node: NodeId | null;
  /**
   * @internal The serial field of a remote pid's external form (its number is `serial`). A pid of
   * this node keeps both in `serial`: the low 15 bits are its number, the rest its serial, as
   * OTP splits them.
   */
  readonly _ser: number;

  /** @internal */
  constructor(serial: number, process: Mailbox | null, node: NodeId | null = null, ser = 0) {
    super(serial);
    this._process = process;
    this._node = node;
    this._ser = ser;
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
    const sender = currentOwner() as Sender | null;
    sender?.mayAct();
    if (this._node !== null) remoteSender(sender, this, msg);
    else this._process?.offer(msg);
    return msg;
  }

  [formatTerm](): string {
    if (this._node !== null) return `<${this._node.index}.${this.serial}.${this._ser}>`;
    return `<0.${this.serial & 0x7fff}.${Math.floor(this.serial / 0x8000)}>`;
  }
}

/** How a message to a pid of another node leaves: set by the distribution, else dropped. */
let remoteSender: (sender: unknown, to: Pid, msg: unknown) => void = () => {};

/** @internal Installs what sends to pids of other nodes (the distribution does). */
export function setRemoteSender(fn: (sender: unknown, to: Pid, msg: unknown) => void): void {
  remoteSender = fn;
}

let refCounter = 0;

/** The bits of a reference's first word, as OTP's local references have it. */
const refWordBits = 0x40000;

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
  /**
   * @internal The process this reference is an active alias of (erlang:alias/1, monitor/3),
   * else null. Kept on the reference itself, so making, using and dropping an alias (a
   * gen_server call makes one per call) touches no table.
   */
  _alias: object | null = null;
  /** @internal What ends the alias, once it was made one; null for a reference never made an alias. */
  _aliasMode: string | null = null;
  /** @internal The node a reference of another node was made on; null for this node's. */
  _node: NodeId | null = null;
  /**
   * @internal The words of a reference of another node (first word first), as its external form
   * carries them; null for this node's, whose words come from `serial`.
   */
  _words: readonly number[] | null = null;

  /** @internal */
  constructor() {
    super(++refCounter);
  }

  /** @internal A reference of another node (node-ids.ts interns them). */
  static _remote(node: NodeId, words: readonly number[]): Ref {
    const ref = Object.create(Ref.prototype) as Ref;
    Object.assign(ref, { serial: 0, _alias: null, _aliasMode: null, _node: node, _words: words });
    return ref;
  }

  /** @internal The words of this reference's external form, first word first. */
  get _externalWords(): readonly number[] {
    return this._words ?? [this.serial % refWordBits, Math.floor(this.serial / refWordBits), 0];
  }

  [formatTerm](): string {
    const words = this._externalWords;
    let text = `#Ref<${this._node === null ? 0 : this._node.index}`;
    for (let i = words.length - 1; i >= 0; i--) text += `.${words[i] as number}`;
    return `${text}>`;
  }
}

/** @internal How many references this node has made (the highest serial). */
export function refsMade(): number {
  return refCounter;
}

let portCounter = 0;

/**
 * A port: what gen_tcp hands out as a socket. Prints as `#Port<0.N>`; compared by identity, so
 * `['tcp', Sock, _]` matches only that socket's messages.
 * @example
 * // {ok, LSock} = gen_tcp:listen(0, [binary]),
 * // true = is_port(LSock)
 * const LSock = ok(await gen_tcp.listen(0, ['binary']));
 * is_port(LSock); // true
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#port-identifier
 */
export class Port extends Identifier {
  /** @internal The node a port of another node is on; null for this node's. */
  _node: NodeId | null = null;

  /** @internal */
  constructor() {
    super(++portCounter);
  }

  /** @internal A port of another node, or a port of this node known only by number (node-ids.ts). */
  static _external(node: NodeId | null, id: number): Port {
    const port = Object.create(Port.prototype) as Port;
    Object.assign(port, { serial: id, _node: node });
    return port;
  }

  [formatTerm](): string {
    return `#Port<${this._node === null ? 0 : this._node.index}.${this.serial}>`;
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
 * The mark of a List, on its prototype. `instanceof List` would be the natural test, but a class
 * with an own `Symbol.species` is one V8 cannot answer `instanceof` for on its fast path (35 ns
 * against 1 to 6 for reading this mark), and the behaviours and option parsers ask it of every
 * tuple they look at.
 */
const listMark = Symbol('erlts.list');
Object.defineProperty(List.prototype, listMark, { value: true });

/** Whether an object is a List: an array with the mark (its reads may throw, for a Proxy). */
function markedList(value: object): boolean {
  return (value as { [listMark]?: unknown })[listMark] === true && Array.isArray(value);
}

/**
 * Makes an Erlang list of its arguments: a {@link List}, which prints with square brackets where a
 * plain array prints as a tuple.
 * @param items - the elements, in order
 * @returns the list `[Item1, Item2, ...]`
 * @example
 * // L = [1, 2, 3], io:format("~w~n", [L])   % [1,2,3]
 * const L = list(1, 2, 3);
 * io.format('~w~n', [L]);
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#list
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

// ---------------------------------------------------------------------------
// Terms that only arrive from outside: binary_to_term and other nodes
//
// Erlang has terms that no JS value of DESIGN §2 stands for: an improper list, a
// bitstring that is not whole bytes, and a float with an integral value (JS has one number
// type, and 1.0 is the integer 1). A term that arrived in the external format must leave in
// it byte for byte, so each has a small form of its own here:
// - a float with an integral value is a Number object, `new Number(1)` (`float(1)` makes
//   one): termKind says 'float', printers write `1.0`, `=:=` tells it from the integer 1, and
//   arithmetic reads it as its number;
// - an improper list is an ImproperList, a bitstring a BitString. No guard takes them for a
//   list or a binary (the code that reads lists and binaries cannot read them), so termKind
//   calls them opaque; the printers write them as Erlang does, term order puts them among
//   lists and binaries, and termEquals compares them by value.

/**
 * A boxed float: a float with an integral value, such as `1.0`, as a Number object (`float(1)`
 * makes one), which JS's `1.0`, the integer `1`, cannot be.
 */
// eslint-disable-next-line @typescript-eslint/no-wrapper-object-types
export type BoxedFloat = Number;

/**
 * An improper list, `[1, 2 | Tail]`, whose tail is not a list: what `binary_to_term` gives for
 * one, so that `term_to_binary` writes it back as it came. No guard takes it for a list.
 * @example
 * // binary_to_term(term_to_binary([1, 2 | 3]))   % [1,2|3]
 * new ImproperList([1, 2], 3); // prints [1,2|3]
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#list
 */
export class ImproperList {
  /** The elements before the tail, at least one. */
  readonly head: readonly unknown[];
  /** The tail: any term but a list. */
  readonly tail: unknown;

  /**
   * @param head - the elements, at least one
   * @param tail - the tail, which must not be a list
   */
  constructor(head: readonly unknown[], tail: unknown) {
    if (!Array.isArray(head) || head.length === 0)
      throw new TypeError('an improper list needs at least one element before its tail');
    if (isList(tail) || tail instanceof ImproperList)
      throw new TypeError('the tail of an improper list is not a list: append the lists instead');
    this.head = head;
    this.tail = tail;
  }
}

/**
 * A bitstring whose size is not a whole number of bytes, such as `<<1, 2:3>>`: what
 * `binary_to_term` gives for one, so that `term_to_binary` writes it back as it came. Its last
 * byte holds the remaining bits in its high end; the low bits are zero. No guard takes it for a
 * binary.
 * @example
 * // binary_to_term(term_to_binary(<<1, 2:3>>))   % <<1,2:3>>
 * new BitString(Buffer.from([1, 0b010_00000]), 11); // prints <<1,2:3>>
 * @see https://www.erlang.org/doc/reference_manual/data_types.html#bit-strings-and-binaries
 */
export class BitString {
  /** The bits, packed from the high bit of the first byte; the last byte is partly used. */
  readonly bytes: Buffer;
  /** The number of bits, never a multiple of 8. */
  readonly bitSize: number;

  /**
   * @param bytes - `ceil(bitSize / 8)` bytes (copied; unused low bits of the last one are cleared)
   * @param bitSize - the number of bits, not a multiple of 8
   */
  constructor(bytes: Uint8Array, bitSize: number) {
    if (!Number.isSafeInteger(bitSize) || bitSize % 8 === 0 || Math.ceil(bitSize / 8) !== bytes.length)
      throw new TypeError(
        `a bitstring of ${bytes.length} bytes cannot hold ${bitSize} bits that are not whole bytes`,
      );
    this.bytes = Buffer.from(bytes);
    const last = this.bytes.length - 1;
    this.bytes[last] = (this.bytes[last] as number) & (0xff00 >> (bitSize & 7));
    this.bitSize = bitSize;
  }
}

/**
 * What an export fun, `fun M:F/A` (erlang:make_fun/3), carries: calling it calls `M:F` with its
 * arguments; the external term format writes it as `EXPORT_EXT`.
 */
export interface ExportFun {
  readonly module: string;
  readonly function: string;
  readonly arity: number;
}

/**
 * What a fun made by BEAM code carries when it arrives from `binary_to_term`: the fields of
 * its `NEW_FUN_EXT`, kept so that it is written back as it came. erlts runs no BEAM code, so
 * calling it raises `undef`, as OTP does for a fun whose module is not loaded.
 */
export interface BeamFun {
  readonly module: string;
  readonly arity: number;
  /** The MD5 of the module's code (16 bytes). */
  readonly uniq: Buffer;
  readonly index: number;
  readonly oldIndex: number;
  readonly oldUniq: number;
  /** The process that made it. */
  readonly pid: Pid;
  /** The values it closed over. */
  readonly free: readonly unknown[];
}

/** The property an export fun keeps its module, function and arity in. */
export const exportFunInfo: unique symbol = Symbol.for('erlts.exportFun') as never;
/** The property a BEAM fun keeps its external form in. */
export const beamFunInfo: unique symbol = Symbol.for('erlts.beamFun') as never;

/** The module, function and arity of an export fun; undefined for any other value. */
export function exportFunOf(fun: unknown): ExportFun | undefined {
  return typeof fun === 'function' ? (fun as { [exportFunInfo]?: ExportFun })[exportFunInfo] : undefined;
}

/** The external form of a fun made by BEAM code; undefined for any other value. */
export function beamFunOf(fun: unknown): BeamFun | undefined {
  return typeof fun === 'function' ? (fun as { [beamFunInfo]?: BeamFun })[beamFunInfo] : undefined;
}

// ---------------------------------------------------------------------------
// Which Erlang term a JS value is
//
// termKind is the one answer to "which Erlang type is this JS value" (DESIGN
// §2): the guards below, the term writers (io_lib, io_lib_pretty), term order
// and pattern matching all ask it, so a value never prints as one type while a
// guard says another. The edge cases, decided once:
// - a `number` is an integer only when Number.isSafeInteger; every other number
//   (2 ** 60, 1.5, NaN, ±Infinity) is a float, so it prints as a float too. A
//   bigint is always an integer. -0 is the integer 0. A Number object (`new
//   Number(1)`, what float(1) makes) is a float whatever its value: a boxed float.
// - atoms are strings and booleans, and null and undefined, which are the atoms
//   `null` and `undefined` (Erlang's "no value" is the atom `undefined`). An
//   atom is its name: `true` and `'true'`, `undefined` and `'undefined'` are
//   one atom for termEquals and term order (patterns still compare with ===).
// - a symbol is not an atom: two symbols with one description are different
//   values, which an atom cannot be. It is a JS-only value (`#Symbol<desc>`).
// - a tuple is an array that is not a List; a list is a List.
// - a binary is any Uint8Array (a Buffer is one), but not a Proxy of one.
// - a map is a plain object (prototype Object.prototype or null), whose keys
//   are atoms, or a JS Map, whose keys are any terms.
// - a Pid, Ref or Port is a pid, reference or port; a function is a fun.
// - an ImproperList and a BitString are opaque: no guard takes them for a list
//   or a binary (see above ImproperList).
// - JS-only values, which no guard accepts: a value that prints itself through
//   formatTerm (a socket), an Error, a symbol, and any other object (a class
//   instance, a Date, a Set, a typed array that is not a Uint8Array, and an
//   object whose prototype chain cannot be read, such as a revoked Proxy).
// Classifying reads only the prototype chain and the formatTerm property, and
// a Proxy trap or getter that throws makes the value an 'object' rather than
// an exception: a guard does not raise (a RangeError, which is the stack
// running out, passes through).

/** The Erlang type of a JS value, or the JS-only kind of one that has none. */
export type TermKind =
  | 'integer'
  | 'float'
  | 'atom'
  | 'tuple'
  | 'list'
  | 'binary'
  | 'map'
  | 'pid'
  | 'reference'
  | 'port'
  | 'fun'
  /** Prints itself through {@link formatTerm} (a socket). */
  | 'opaque'
  /** A JS Error. */
  | 'error'
  /** A JS symbol. */
  | 'symbol'
  /** Any other object: a class instance, a Date, an unreadable Proxy. */
  | 'object';

/**
 * Which Erlang term `value` is (see the rules above this function).
 * @param value - any JS value
 * @returns the kind: `'integer'`, `'float'`, `'atom'`, `'tuple'`, `'list'`,
 *   `'binary'`, `'map'`, `'pid'`, `'reference'`, `'port'`, `'fun'`, or for a
 *   value with no Erlang form `'opaque'`, `'error'`, `'symbol'`, `'object'`
 * @example
 * // is_float(1.5) -> true
 * termKind(1.5) // 'float'
 */
export function termKind(value: unknown): TermKind {
  switch (typeof value) {
    case 'string':
    case 'boolean':
    case 'undefined':
      return 'atom';
    case 'number':
      return Number.isSafeInteger(value) ? 'integer' : 'float';
    case 'bigint':
      return 'integer';
    case 'function':
      return 'fun';
    case 'symbol':
      return 'symbol';
    default:
      if (value === null) return 'atom';
      try {
        return objectKind(value as object);
      } catch (e) {
        // Running out of stack says nothing about the value: let it through.
        if (e instanceof RangeError) throw e;
        // A Proxy whose traps throw, or a revoked one: nothing can be read.
        return 'object';
      }
  }
}

const modulePlaceholders = new WeakMap<object, string>();
let anonymousModules = 0;

/** Whether `value` is an ES module namespace (`import * as ch3 from './ch3.js'`). */
export function isModuleNamespace(value: object): boolean {
  return Object.prototype.toString.call(value) === '[object Module]';
}

/**
 * The name OTP would print for a callback module (DESIGN §7): its `MODULE` export (as
 * `?MODULE`), else a placeholder made once per module object, `module_N`.
 * @example
 * // ch3 = ?MODULE
 * moduleName(ch3) // 'ch3' when ch3.ts has `export const MODULE = 'ch3'`
 */
export function moduleName(mod: object): string {
  const named = (mod as { MODULE?: unknown }).MODULE;
  if (typeof named === 'string') return named;
  let name = modulePlaceholders.get(mod);
  if (name === undefined) modulePlaceholders.set(mod, (name = `module_${++anonymousModules}`));
  return name;
}

/** How an opaque term prints: its own formatTerm, or for a module namespace its name as an atom. */
export function selfFormat(value: object): unknown {
  if (isModuleNamespace(value)) {
    const name = moduleName(value);
    return /^[a-z][a-zA-Z0-9_@]*$/.test(name) ? name : `'${name.replace(/[\\']/g, (c) => `\\${c}`)}'`;
  }
  return (value as SelfFormatting)[formatTerm]();
}

function objectKind(value: object): TermKind {
  if (Array.isArray(value)) return markedList(value) ? 'list' : 'tuple';
  // isView sees through no Proxy: a Proxy of bytes is no binary Buffer.compare can read.
  if (ArrayBuffer.isView(value) && value instanceof Uint8Array) return 'binary';
  if (value instanceof Pid) return 'pid';
  if (value instanceof Ref) return 'reference';
  if (value instanceof Port) return 'port';
  if (value instanceof Number) return 'float';
  if (value instanceof ImproperList || value instanceof BitString) return 'opaque';
  if (typeof (value as Partial<SelfFormatting>)[formatTerm] === 'function') return 'opaque';
  const proto: unknown = Object.getPrototypeOf(value);
  // A module namespace is a callback module: it prints as its name (DESIGN §7), by identity.
  if (proto === null && isModuleNamespace(value)) return 'opaque';
  if (proto === Object.prototype || proto === null || value instanceof Map) return 'map';
  if (value instanceof Error) return 'error';
  return 'object';
}

/** An atom's JS forms: a string, a boolean, null or undefined. */
export type AtomValue = string | boolean | null | undefined;

/**
 * The name of an atom.
 * @param atom - an atom's JS form
 * @returns the name: the string itself, or `true`, `false`, `null`, `undefined`
 * @example
 * // atom_to_list(undefined) -> "undefined"
 * atomText(undefined) // 'undefined'
 */
export function atomText(atom: AtomValue): string {
  return typeof atom === 'string' ? atom : String(atom);
}

/**
 * The pairs of a map, in no particular order: a plain object's own enumerable
 * string keys (atoms) with their values, or a JS Map's entries.
 * @param map - a value whose {@link termKind} is `'map'`
 * @returns `[key, value]` pairs; reading a getter may throw, as the getter does
 * @example
 * // maps:to_list(#{a => 1})
 * mapPairs({ a: 1 }) // [['a', 1]]
 */
export function mapPairs(map: object): [unknown, unknown][] {
  if (map instanceof Map) return [...(map as Map<unknown, unknown>).entries()];
  return Object.keys(map).map((k) => [k, (map as Record<string, unknown>)[k]]);
}

/**
 * Looks `key` up in a map by Erlang term equality, as `maps:find/2`: in a
 * plain object only an atom can be a key; in a JS Map a key made twice
 * (`['a', 1]` and another `['a', 1]`) is one key.
 * @param map - a value whose {@link termKind} is `'map'`
 * @param key - any term
 * @returns `[value]` when the key is there, `[]` when it is not
 * @example
 * // maps:find(a, #{a => 1}) -> {ok, 1}
 * mapGet({ a: 1 }, 'a') // [1]
 */
export function mapGet(map: object, key: unknown): [unknown] | [] {
  if (map instanceof Map) {
    const m = map as Map<unknown, unknown>;
    if (m.has(key)) return [m.get(key)];
    for (const [k, v] of m) if (termEquals(k, key)) return [v];
    return [];
  }
  if (termKind(key) !== 'atom') return [];
  const name = atomText(key as AtomValue);
  return Object.prototype.propertyIsEnumerable.call(map, name)
    ? [(map as Record<string, unknown>)[name]]
    : [];
}

/**
 * Whether `value` is an Erlang list made by the runtime (a {@link List}).
 * @param value - any JS value
 * @returns true for a List
 * @example
 * // is_list([1, 2]) -> true
 * isList(list(1, 2)) // true
 */
export function isList(value: unknown): value is List {
  // What termKind says, without its other questions: the behaviours ask it of every callback
  // result they tell apart (isTuple), and a gen_server cast spent 12 % of its time there.
  if (typeof value !== 'object' || value === null) return false;
  try {
    return markedList(value);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    return false; // a Proxy whose traps throw, as termKind has it
  }
}

/**
 * Whether `value` is a pid, as the guard `is_pid/1`.
 * @param value - any JS value
 * @returns `true` for a {@link Pid}, else `false`
 * @example
 * // reply(To, Reply) when is_pid(To) -> To ! Reply.
 * function reply(To: unknown, Reply: unknown) {
 *   if (is_pid(To)) return send(To, Reply);
 *   return error('function_clause');
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#is_pid-1
 */
export function is_pid(value: unknown): value is Pid {
  return termKind(value) === 'pid';
}

/**
 * Whether `value` is a reference, as the guard `is_reference/1`.
 * @param value - any JS value
 * @returns `true` for a {@link Ref}, else `false`
 * @example
 * // receive {Ref, Reply} when is_reference(Ref) -> Reply end
 * await receive(on([is(is_reference), _], ([, Reply]) => Reply));
 * @see https://www.erlang.org/doc/man/erlang.html#is_reference-1
 */
export function is_reference(value: unknown): value is Ref {
  return termKind(value) === 'reference';
}

/**
 * Whether `value` is a port, as the guard `is_port/1`; a gen_tcp socket is one.
 * @param value - any JS value
 * @returns `true` for a {@link Port}, else `false`
 * @example
 * // stop(S) when is_port(S) -> gen_tcp:close(S).
 * async function stop(S: unknown) {
 *   if (is_port(S)) return gen_tcp.close(S);
 *   return error('function_clause');
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#is_port-1
 */
export function is_port(value: unknown): value is Port {
  return termKind(value) === 'port';
}

/**
 * Whether `value` is an atom, as the guard `is_atom/1`: a string, a boolean,
 * or null or undefined (the atoms `null` and `undefined`). A symbol is not one.
 * @param value - any JS value
 * @returns `true` for an atom, else `false`
 * @example
 * // receive {stop, Reason} when is_atom(Reason) -> exit(Reason) end
 * await receive(on(['stop', is(is_atom)], ([, Reason]) => exit(Reason)));
 * @see https://www.erlang.org/doc/man/erlang.html#is_atom-1
 */
export function is_atom(value: unknown): value is AtomValue {
  return termKind(value) === 'atom';
}

/**
 * Whether `value` is one of the atoms `true` and `false`, as the guard
 * `is_boolean/1`; the strings `'true'` and `'false'` are those atoms too.
 * @param value - any JS value
 * @returns `true` for `true`, `false`, `'true'`, `'false'`, else `false`
 * @example
 * // receive {verbose, On} when is_boolean(On) -> put(verbose, On) end
 * await receive(on(['verbose', is(is_boolean)], ([, On]) => put('verbose', On)));
 * @see https://www.erlang.org/doc/man/erlang.html#is_boolean-1
 */
export function is_boolean(value: unknown): value is boolean | 'true' | 'false' {
  return value === true || value === false || value === 'true' || value === 'false';
}

/**
 * Whether `value` is a tuple, as the guard `is_tuple/1`: an array that is not
 * a {@link List}.
 * @param value - any JS value
 * @returns `true` for a tuple, else `false`
 * @example
 * // tag(T) when is_tuple(T), tuple_size(T) > 0 -> element(1, T).
 * function tag(T: unknown) {
 *   if (is_tuple(T) && T.length > 0) return T[0];
 *   return error('function_clause');
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#is_tuple-1
 */
export function is_tuple(value: unknown): value is unknown[] {
  return termKind(value) === 'tuple';
}

/**
 * Whether `value` is a list, as the guard `is_list/1`: a {@link List}. A plain
 * array is a tuple, even where an input accepts it as a list.
 * @param value - any JS value
 * @returns `true` for a List, else `false`
 * @example
 * // len(L) when is_list(L) -> length(L).
 * function len(L: unknown) {
 *   if (is_list(L)) return L.length;
 *   return error('function_clause');
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#is_list-1
 */
export function is_list(value: unknown): value is unknown[] {
  return isList(value);
}

/**
 * Whether `value` is a binary, as the guard `is_binary/1`: a Buffer or any
 * other Uint8Array.
 * @param value - any JS value
 * @returns `true` for a binary, else `false`
 * @example
 * // receive {tcp, S, Data} when is_binary(Data) -> Data end
 * await receive(on(['tcp', S, is(is_binary)], ([, , Data]) => Data));
 * @see https://www.erlang.org/doc/man/erlang.html#is_binary-1
 */
export function is_binary(value: unknown): value is Uint8Array {
  return termKind(value) === 'binary';
}

/**
 * Whether `value` is an integer, as the guard `is_integer/1`: a safe-integer
 * number or a bigint. `2 ** 60` is a float: it is past 2^53, where a number
 * no longer holds every integer (print it with `~w` and it reads as a float).
 * @param value - any JS value
 * @returns `true` for an integer, else `false`
 * @example
 * // receive {set_timeout, Ms} when is_integer(Ms), Ms >= 0 -> put(timeout, Ms) end
 * await receive(
 *   on(['set_timeout', is(is_integer)], ([, Ms]) => Ms >= 0, ([, Ms]) => put('timeout', Ms)),
 * );
 * @see https://www.erlang.org/doc/man/erlang.html#is_integer-1
 */
export function is_integer(value: unknown): value is number | bigint {
  return termKind(value) === 'integer';
}

/**
 * Whether `value` is a float, as the guard `is_float/1`: a number that is not
 * a safe integer (1.5, 2 ** 60, NaN, ±Infinity), or a boxed float, the Number
 * object `float(1)` makes and `binary_to_term` gives for `1.0`. The literal
 * `1.0` is the integer `1` in JS, so `is_float(1.0)` is false.
 * @param value - any JS value
 * @returns `true` for a float, else `false`
 * @example
 * // to_int(X) when is_float(X) -> trunc(X);
 * // to_int(X) when is_integer(X) -> X.
 * function to_int(X: unknown) {
 *   if (is_float(X)) return Math.trunc(X);
 *   if (is_integer(X)) return X;
 *   return error('function_clause');
 * }
 * @see https://www.erlang.org/doc/man/erlang.html#is_float-1
 */
export function is_float(value: unknown): value is number {
  return termKind(value) === 'float';
}

/**
 * Whether `value` is a number, as the guard `is_number/1`: an integer or a float.
 * @param value - any JS value
 * @returns `true` for a number or a bigint, else `false`
 * @example
 * // receive {temp, T} when is_number(T) -> io:format("~p~n", [T]) end
 * await receive(on(['temp', is(is_number)], ([, T]) => io.format('~p~n', [T])));
 * @see https://www.erlang.org/doc/man/erlang.html#is_number-1
 */
export function is_number(value: unknown): value is number | bigint {
  const kind = termKind(value);
  return kind === 'integer' || kind === 'float';
}

/**
 * Whether `value` is a map, as the guard `is_map/1`: a plain object (its
 * prototype is Object.prototype or null) or a JS Map. A class instance is not.
 * @param value - any JS value
 * @returns `true` for a map, else `false`
 * @example
 * // receive {config, Opts} when is_map(Opts) -> Opts end
 * await receive(on(['config', is(is_map)], ([, Opts]) => Opts));
 * @see https://www.erlang.org/doc/man/erlang.html#is_map-1
 */
export function is_map(value: unknown): value is Record<string, unknown> | Map<unknown, unknown> {
  return termKind(value) === 'map';
}

/**
 * Whether `value` is a fun, as the guard `is_function/1`: a JS function.
 * @param value - any JS value
 * @returns `true` for a function, else `false`
 * @example
 * // receive {apply, F} when is_function(F) -> F() end
 * await receive(on(['apply', is(is_function)], ([, F]) => F()));
 * @see https://www.erlang.org/doc/man/erlang.html#is_function-1
 */
export function is_function(value: unknown): value is (...args: never[]) => unknown {
  return termKind(value) === 'fun';
}

/**
 * Erlang's exact equality (`=:=`) over the JS forms of terms: tuples and lists
 * element by element (a tuple never equals a list), binaries by bytes, maps
 * pair by pair (a plain object equals a JS Map with the same pairs), atoms by
 * name (`true` =:= `'true'`), integers by value (`1` =:= `1n`); pids, refs,
 * ports, funs and JS-only values by identity.
 * @param a - a term
 * @param b - a term
 * @returns whether `a =:= b`; false when reading either throws (a getter, a Proxy trap)
 * @example
 * // {a, [1]} =:= {a, [1]} -> true
 * termEquals(['a', list(1)], ['a', list(1)]) // true
 */
export function termEquals(a: unknown, b: unknown): boolean {
  try {
    return equalTerms(a, b);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    // A getter or Proxy trap that throws: what cannot be read equals nothing.
    return false;
  }
}

function equalTerms(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const kind = termKind(a);
  if (termKind(b) !== kind) return false;
  switch (kind) {
    case 'atom':
      return atomText(a as AtomValue) === atomText(b as AtomValue);
    case 'integer':
      return BigInt(a as number | bigint) === BigInt(b as number | bigint);
    case 'tuple':
    case 'list': {
      const x = a as unknown[];
      const y = b as unknown[];
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!equalTerms(x[i], y[i])) return false;
      return true;
    }
    case 'binary':
      return Buffer.compare(a as Uint8Array, b as Uint8Array) === 0;
    case 'map':
      return mapEquals(a as object, b as object);
    case 'float':
      // A boxed float equals the float of its value; NaN is not equal to itself (Erlang has no
      // NaN to say otherwise), and 0.0 =:= -0.0 as in OTP 25.
      return Number(a) === Number(b);
    case 'fun':
      return beamFunEquals(beamFunOf(a), beamFunOf(b));
    case 'opaque':
      return opaqueEquals(a, b);
    default:
      return false;
  }
}

/**
 * Two funs that came from BEAM code are one fun, as OTP 25 has it, when their module, index,
 * old uniq and free variables are: the MD5, the old index and the creator's pid do not count.
 */
function beamFunEquals(x: BeamFun | undefined, y: BeamFun | undefined): boolean {
  if (x === undefined || y === undefined) return false;
  return (
    x.module === y.module && x.index === y.index && x.oldUniq === y.oldUniq && equalTerms(x.free, y.free)
  );
}

/** Improper lists and bitstrings compare by value; other opaque values by identity. */
function opaqueEquals(a: unknown, b: unknown): boolean {
  if (a instanceof ImproperList && b instanceof ImproperList)
    return equalTerms(a.head, b.head) && equalTerms(a.tail, b.tail);
  if (a instanceof BitString && b instanceof BitString)
    return a.bitSize === b.bitSize && a.bytes.equals(b.bytes);
  return false;
}

function mapEquals(a: object, b: object): boolean {
  const pairs = mapPairs(a);
  if (pairs.length !== mapPairs(b).length) return false;
  return pairs.every(([k, v]) => {
    const found = mapGet(b, k);
    return found.length === 1 && equalTerms(v, found[0]);
  });
}
