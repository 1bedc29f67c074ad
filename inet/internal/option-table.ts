/**
 * The machinery of inet's option lists, shared by gen_tcp's and gen_udp's option models: a
 * table declares each option once (the contexts that take it, its value's schema, what a parsed
 * value does to the socket's record, what `inet:getopts/2` reads back), and one checker, one
 * `setopts` and one `getopts` work over any such table. Pure and synchronous; zod runs at the
 * API edge only, never per packet.
 *
 * `O` is the record of one kind of socket (`TcpOptions`, `UdpOptions`) and `C` the names of the
 * calls that take option lists (`listen | connect | setopts`, `open | setopts`).
 */
import { z } from 'zod';
import { ErlangError, List } from 'erlts';
import { describe, isList } from '../../runtime/internal/driver-api.js';
import { activeAfter, isActiveValue, passiveDue, type Active } from './tcp/options-active.js';

// ---- value schemas ----

export const int = z.number().int();
export const bool = z.boolean();
export const byte = int.min(0).max(255);
export const word = int.min(0).max(65535);
export const uint32 = int.min(0).max(0xffffffff);
export const ip4 = z.tuple([byte, byte, byte, byte]);
export const ip6 = z.tuple([word, word, word, word, word, word, word, word]);
export const ipTuple = z.union([ip4, ip6]);
/** The same guard as the setopts fast path, so both paths agree on what `active` takes. */
export const activeValue = z.custom<Active>(isActiveValue);
export const rawOption = z.tuple([z.literal('raw'), int, int, z.instanceof(Buffer)]);

// ---- the table ----

/** What every option record has: setopts's fast path and the passive report work on it. */
export interface ActiveRecord {
  active: Active;
}

/** What applying options changes: the record, and whether a passive message is due. */
export interface Target<O, C extends string> {
  readonly o: O;
  readonly ctx: C;
  passive: boolean;
}

/**
 * Applies one checked value: returns nothing, or why the driver refuses it (then the caller
 * answers `{error, einval}` or raises badarg, as OTP does in that context).
 */
export type Apply<O, C extends string, V> = (t: Target<O, C>, value: V) => string | void;

/** The contexts that take an option. */
export type Where<C extends string> = Readonly<Partial<Record<C, true>>>;

/** An option with its value's type erased: the dispatch needs no cast. */
export interface OptionDef<O, C extends string> {
  /** The contexts that take it. */
  readonly where: Where<C>;
  /** Checks a value; gives the option's apply bound to the parsed value, or undefined. */
  readonly check: (value: unknown) => ((t: Target<O, C>) => string | void) | undefined;
  /** What `inet:getopts/2` reports, undefined for nothing; absent where getopts says einval. */
  readonly read?: (o: Readonly<O>) => unknown;
}

/**
 * Declares an option: `apply` receives the value as `schema` parsed it. The closure made here,
 * once at load, is what erases the type for the table.
 */
export function option<O, C extends string, S extends z.ZodType>(
  schema: S,
  where: Where<C>,
  apply: Apply<O, C, z.output<S>>,
  read?: (o: Readonly<O>) => unknown,
): OptionDef<O, C> {
  const check = (value: unknown): ((t: Target<O, C>) => string | void) | undefined => {
    const parsed = schema.safeParse(value);
    if (!parsed.success) return undefined;
    const data = parsed.data;
    return (t) => apply(t, data);
  };
  return read === undefined ? { where, check } : { where, check, read };
}

/** The apply of an option kept in the record as given. */
export function store<O, C extends string, K extends keyof O>(key: K): Apply<O, C, O[K]> {
  return (t, value) => {
    t.o[key] = value;
  };
}

/** The read-back of an option kept in the record as given. */
export function load<O>(key: keyof O): (o: Readonly<O>) => unknown {
  return (o) => o[key];
}

/** An option stored and read back as given. */
export function plain<O, C extends string, K extends keyof O>(
  key: K,
  schema: z.ZodType<O[K]>,
  where: Where<C>,
): OptionDef<O, C> {
  return option(schema, where, store<O, C, K>(key), load<O>(key));
}

/**
 * The declaration helpers bound to one record and its calls, so a table's declarations need
 * no type arguments: `const { option, store, plain } = optionKit<TcpOptions, OptionContext>()`.
 */
export function optionKit<O, C extends string>(): {
  option: <S extends z.ZodType>(
    schema: S,
    where: Where<C>,
    apply: Apply<O, C, z.output<S>>,
    read?: (o: Readonly<O>) => unknown,
  ) => OptionDef<O, C>;
  store: <K extends keyof O>(key: K) => Apply<O, C, O[K]>;
  plain: <K extends keyof O>(key: K, schema: z.ZodType<O[K]>, where: Where<C>) => OptionDef<O, C>;
} {
  return {
    option: (schema, where, apply, read) => option(schema, where, apply, read),
    store: <K extends keyof O>(key: K) => store<O, C, K>(key),
    plain: <K extends keyof O>(key: K, schema: z.ZodType<O[K]>, where: Where<C>) =>
      plain<O, C, K>(key, schema, where),
  };
}

/**
 * An option of inet6 sockets only (`ipv6_v6only`, `tclass`, `recvtclass`): inet_drv's einval on
 * an inet socket, where getopts reads nothing for it.
 */
export function inet6Only<O extends { family: string }, C extends string, S extends z.ZodType>(
  schema: S,
  where: Where<C>,
  apply: (o: O, value: z.output<S>) => void,
  read: (o: Readonly<O>) => unknown,
): OptionDef<O, C> {
  return option(
    schema,
    where,
    (t: Target<O, C>, v: z.output<S>) => {
      if (t.o.family !== 'inet6') return 'it needs an inet6 socket';
      return apply(t.o, v);
    },
    (o) => (o.family === 'inet6' ? read(o) : undefined),
  );
}

/** What an inet socket's record keeps of its IPv6 options. */
export interface Inet6Record {
  family: string;
  ipv6V6only: boolean | undefined;
  tclass: number | undefined;
}

/**
 * `{ipv6_v6only, B}` and `{tclass, N}`, the same for gen_tcp and gen_udp but for where
 * ipv6_v6only may be set (gen_udp binds at open, after which Linux refuses it).
 */
export function inet6Options<O extends Inet6Record, C extends string>(
  v6onlyWhere: Where<C>,
  where: Where<C>,
): { ipv6_v6only: OptionDef<O, C>; tclass: OptionDef<O, C> } {
  return {
    ipv6_v6only: inet6Only<O, C, typeof bool>(
      bool,
      v6onlyWhere,
      (o, v) => {
        o.ipv6V6only = v;
      },
      (o) => o.ipv6V6only ?? false,
    ),
    tclass: inet6Only<O, C, typeof int>(
      int,
      where,
      (o, v) => {
        o.tclass = v;
      },
      (o) => o.tclass ?? 0,
    ),
  };
}

/**
 * The bare atoms of every inet option list: `list` and `binary` set the mode, `inet`, `inet6`
 * and `local` the family (at open only: elsewhere they are refused with {@link familyRefusal}).
 */
export function modeAndFamilyAtoms<O, C extends string>(
  mode: OptionDef<O, C>,
  family: OptionDef<O, C>,
): OptionTable<O, C>['atoms'] {
  return {
    list: ['mode', mode, 'list'],
    binary: ['mode', mode, 'binary'],
    inet: ['family', family, 'inet'],
    inet6: ['family', family, 'inet6'],
    local: ['family', family, 'local'],
  };
}

/** Why a family atom is refused where the family cannot change. */
export function familyRefusal(name: string): string | undefined {
  return name === 'family' ? 'the address family cannot be changed' : undefined;
}

/**
 * The `{active, V}` option: at open the last value wins; setopts adds `{active, N}` to a
 * running count, and a count brought to zero or below makes a passive message due.
 */
export function activeOption<O extends ActiveRecord, C extends string>(
  where: Where<C>,
  setopts: C,
): OptionDef<O, C> {
  return option(
    activeValue,
    where,
    (t: Target<O, C>, v: Active) => {
      if (t.ctx !== setopts) {
        t.o.active = v;
        return;
      }
      const next = activeAfter(t.o.active, v);
      if (next === undefined) return 'the active count would pass 32767';
      t.passive ||= passiveDue(v, next);
      t.o.active = next;
      return;
    },
    load<O>('active'),
  );
}

/**
 * Sets one watermark of a high/low pair; as OTP, the other one moves with it when the pair
 * would cross (a low above the high raises the high, and so on).
 * @param key - the watermark set, its name starting with `high` or `low`
 * @param other - the other one of the pair
 */
export function setWatermark<O extends Record<K, number>, K extends string & keyof O>(
  o: O,
  key: K,
  other: K,
  v: number,
): void {
  (o as Record<K, number>)[key] = v;
  if (key.startsWith('high') ? o[other] > v : o[other] < v) (o as Record<K, number>)[other] = v;
}

/** A msgq watermark: inet_drv refuses one that is not positive. */
export function msgqWatermarkOption<
  O extends Record<K, number>,
  C extends string,
  K extends string & keyof O,
>(key: K, other: K, where: Where<C>): OptionDef<O, C> {
  return option(
    int,
    where,
    (t: Target<O, C>, v: number) => {
      if (v <= 0) return 'a msgq watermark must be positive';
      return setWatermark(t.o, key, other, v);
    },
    load<O>(key),
  );
}

/** A table of options: the `{Name, Value}` ones by name, the bare atoms, and `raw`. */
export interface OptionTable<O, C extends string> {
  readonly tuples: Readonly<Record<string, OptionDef<O, C>>>;
  /** Bare atoms: the option each one stands for, and its value. */
  readonly atoms: Readonly<Record<string, readonly [name: string, def: OptionDef<O, C>, value: string]>>;
  /** `{raw, Protocol, Option, Value}`: its schema covers the whole tuple. */
  readonly raw: OptionDef<O, C>;
  /** The Erlang function of each context, for messages. */
  readonly apiName: Readonly<Record<C, string>>;
  /** What a bare atom's option of the wrong context is refused with (the family cannot change). */
  readonly atomRefusal?: (name: string, ctx: C) => string | undefined;
}

/** One option, checked for its context: ready to apply. */
export interface Checked<O, C extends string> {
  /** The option's name (`raw` for every raw option). */
  readonly name: string;
  /** The value as given. */
  readonly value: unknown;
  /** The option as given, for messages. */
  readonly opt: unknown;
  readonly apply: (t: Target<O, C>) => string | void;
}

/**
 * Why an option failed; the caller turns it into `badarg` or `{error, einval}`. The message
 * is rendered only when badarg is raised: setopts's einval never needs it.
 */
export class OptionError {
  constructor(
    readonly why: string,
    readonly opt: unknown,
  ) {}
}

/**
 * Checks one option of a list against `table` for the call `ctx`.
 * @returns the option ready to apply, or why it is refused
 */
export function checkOption<O, C extends string>(
  table: OptionTable<O, C>,
  opt: unknown,
  ctx: C,
): Checked<O, C> | OptionError {
  const fail = (why: string): OptionError => new OptionError(why, opt);
  if (typeof opt === 'string') {
    const bare = Object.hasOwn(table.atoms, opt) ? table.atoms[opt] : undefined;
    if (bare === undefined) return fail('unknown option');
    const [name, def, value] = bare;
    if (def.where[ctx] !== true) {
      return fail(table.atomRefusal?.(name, ctx) ?? `not an option of ${table.apiName[ctx]}`);
    }
    const apply = def.check(value);
    return apply === undefined ? fail('bad value') : { name, value, opt, apply };
  }
  if (!Array.isArray(opt) || isList(opt)) return fail('an option must be an atom or a tuple');
  const name: unknown = opt[0];
  if (name === 'raw') {
    const apply = table.raw.where[ctx] === true ? table.raw.check(opt) : undefined;
    return apply === undefined ? fail('malformed raw option') : { name, value: opt, opt, apply };
  }
  if (opt.length !== 2 || typeof name !== 'string') return fail('an option must be a {Name, Value} tuple');
  if (name === 'inet_backend') return fail('inet_backend must be the first option');
  const def = Object.hasOwn(table.tuples, name) ? table.tuples[name] : undefined;
  if (def === undefined) return fail('unknown option');
  if (def.where[ctx] !== true) return fail(`${name} is not an option of ${table.apiName[ctx]}`);
  const value: unknown = opt[1];
  const apply = def.check(value);
  if (apply === undefined) return fail(`bad value for ${name}`);
  return { name, value, opt, apply };
}

/** `{error, einval}`. */
export type Einval = readonly ['error', 'einval'];
const einval: Einval = ['error', 'einval'];

/** What `setopts` gives: the reply, the new record, and whether a passive message is due. */
export interface SetoptsResult<O> {
  readonly reply: 'ok' | Einval;
  readonly options: O;
  readonly passive: boolean;
}

/**
 * Applies an `inet:setopts/2` option list to a socket's record, without touching the input:
 * the whole list is checked first (nothing applied on einval), then every element applied in
 * reverse order, as prim_inet does (so `{active, N}` twice adds both).
 * @param table - the socket kind's options
 * @param ctx - the table's setopts context
 * @param current - the socket's options now
 * @param opts - the option list
 * @param copy - a copy of a record, for the changes
 * @throws ErlangError `{bad_generator, Opts}` when `opts` is not a list, as OTP's list
 *   comprehension over it raises
 */
export function applySetopts<O extends ActiveRecord, C extends string>(
  table: OptionTable<O, C>,
  ctx: C,
  current: Readonly<O>,
  opts: unknown,
  copy: (o: Readonly<O>) => O,
): SetoptsResult<O> {
  // Fast path: a lone {active, V}, once per packet in {active, once} servers. A List is an
  // array too, but never a tuple: [[active, true]] goes the long way, to einval.
  if (Array.isArray(opts) && opts.length === 1) {
    const opt: unknown = opts[0];
    if (Array.isArray(opt) && !isList(opt) && opt.length === 2 && opt[0] === 'active') {
      return setActive(current, opt[1], copy);
    }
  }
  if (!Array.isArray(opts)) {
    const message = `${table.apiName[ctx]}: the options must be a list: ${describe(opts)}`;
    throw new ErlangError(['bad_generator', opts], message);
  }
  const checked: Checked<O, C>[] = [];
  for (const opt of opts as readonly unknown[]) {
    const c = checkOption(table, opt, ctx);
    if (c instanceof OptionError) return { reply: einval, options: current, passive: false };
    checked.push(c);
  }
  const t: Target<O, C> = { o: copy(current), ctx, passive: false };
  for (const c of checked.reverse()) {
    if (typeof c.apply(t) === 'string') return { reply: einval, options: t.o, passive: t.passive };
  }
  return { reply: 'ok', options: t.o, passive: t.passive };
}

/**
 * The `{active, V}` fast path of `inet:setopts/2`: no zod, one record copied.
 * @param current - the socket's options now
 * @param value - `true | false | once | N`
 * @param copy - a copy of a record
 */
export function setActive<O extends ActiveRecord>(
  current: Readonly<O>,
  value: unknown,
  copy: (o: Readonly<O>) => O,
): SetoptsResult<O> {
  const active = activeAfter(current.active, value);
  if (active === undefined) return { reply: einval, options: current, passive: false };
  const options = copy(current);
  options.active = active;
  return { reply: 'ok', options, passive: passiveDue(value, active) };
}

/**
 * Reads options back as `inet:getopts/2` does, in the order asked.
 * @param read - one name's value: `[Value]`, `'none'` for a name that reads nothing here, or
 *   `'bad'` for one that makes the whole call einval
 * @param names - a list of option names
 * @returns `['ok', List of [Name, Value]]`, or `['error', 'einval']`
 * @throws ErlangError `function_clause` when `names` is not a list
 */
export function readOptions(
  read: (name: string) => readonly [unknown] | 'none' | 'bad',
  names: unknown,
): readonly ['ok', List<[string, unknown]>] | Einval {
  if (!Array.isArray(names))
    throw new ErlangError('function_clause', `inet:getopts/2: the names must be a list: ${describe(names)}`);
  const out = new List<[string, unknown]>();
  for (const name of names) {
    if (typeof name !== 'string') return einval;
    const v = read(name);
    if (v === 'bad') return einval;
    if (v !== 'none') out.push([name, v[0]]);
  }
  return ['ok', out];
}

/**
 * One name's read-back from a table: `[Value]`, `'none'`, or `'bad'` for a name the table
 * cannot read.
 */
export function readFromTable<O, C extends string>(
  table: OptionTable<O, C>,
  o: Readonly<O>,
  name: string,
): readonly [unknown] | 'none' | 'bad' {
  const def = Object.hasOwn(table.tuples, name) ? table.tuples[name] : undefined;
  if (def?.read === undefined) return 'bad';
  const value = def.read(o);
  return value === undefined ? 'none' : [value];
}
