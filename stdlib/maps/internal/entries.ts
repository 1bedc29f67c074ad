/**
 * A map's entries, keyed by Erlang term equality, and how a result map is built in the kind
 * the caller gave.
 *
 * A map has two JS forms (DESIGN §2): a plain object, whose keys are atoms, and a JS Map, whose
 * keys may be any term. A JS Map's own lookup is by identity, so `['a', 1]` made twice would be
 * two keys where Erlang has one; {@link Entries} indexes pairs by {@link termKey}, one string
 * per class of equal terms, and a result is built from them: a plain object while every key is
 * an atom and no input was a JS Map, else a JS Map.
 */
import { ErlangError } from 'erlts';
import {
  atomText,
  compareTerms,
  describe,
  mapPairs,
  termKind,
  type AtomValue,
} from '../../../runtime/internal/library-api.js';

const identities = new WeakMap<object, number>();
let nextIdentity = 0;

function identity(value: object): number {
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = nextIdentity++));
  return id;
}

/**
 * A string that two terms share exactly when they are equal (`=:=`): atoms by name, integers
 * by value (`1` and `1n` are one), tuples, lists and maps by their elements, binaries by bytes,
 * pids, refs, funs and JS-only values by identity.
 * @param term - a term
 * @returns its key
 */
function termKey(term: unknown): string {
  const kind = termKind(term);
  switch (kind) {
    case 'atom':
      return `a${atomText(term as AtomValue)}`;
    case 'integer':
      return `i${BigInt(term as number | bigint)}`;
    case 'float':
      return `f${term as number}`;
    case 'binary':
      return `b${Buffer.from(term as Uint8Array).toString('hex')}`;
    case 'tuple':
    case 'list': {
      const items = (term as unknown[]).map(termKey);
      return `${kind === 'tuple' ? 't' : 'l'}${items.length}(${items.map((k) => `${k.length}:${k}`).join('')})`;
    }
    case 'map': {
      const pairs = mapPairs(term as object)
        .map(([k, v]) => [termKey(k), termKey(v)])
        .sort(([a], [b]) => ((a as string) < (b as string) ? -1 : 1));
      return `m${pairs.length}(${pairs
        .flat()
        .map((k) => `${k.length}:${k}`)
        .join('')})`;
    }
    case 'symbol':
      return `s${identityOfSymbol(term as symbol)}`;
    default:
      return `o${identity(term as object)}`;
  }
}

const symbols = new Map<symbol, number>();
function identityOfSymbol(s: symbol): number {
  let id = symbols.get(s);
  if (id === undefined) symbols.set(s, (id = nextIdentity++));
  return id;
}

/**
 * Map key order: Erlang's term order, except that every integer sorts before every float,
 * inside tuples, lists and maps too (`#{1 => a, 0.5 => b}` lists 1 first). OTP orders the keys
 * of a small map so, and so keys/1, to_list/1 and iterators list them.
 * @param a - a key
 * @param b - a key
 * @returns negative, zero or positive as `a` sorts before, with or after `b`
 */
function compareKeys(a: unknown, b: unknown): number {
  const ka = termKind(a);
  const kb = termKind(b);
  if ((ka === 'integer' || ka === 'float') && (kb === 'integer' || kb === 'float')) {
    if (ka !== kb) return ka === 'integer' ? -1 : 1;
    return compareTerms(a, b);
  }
  if (ka !== kb) return compareTerms(a, b);
  if (ka === 'tuple' || ka === 'list') {
    const x = a as unknown[];
    const y = b as unknown[];
    if (ka === 'tuple' && x.length !== y.length) return x.length - y.length;
    for (let i = 0; i < Math.min(x.length, y.length); i++) {
      const c = compareKeys(x[i], y[i]);
      if (c !== 0) return c;
    }
    return x.length - y.length;
  }
  if (ka === 'map') {
    const byKey = (p: [unknown, unknown], q: [unknown, unknown]): number => compareKeys(p[0], q[0]);
    const x = mapPairs(a as object).sort(byKey);
    const y = mapPairs(b as object).sort(byKey);
    if (x.length !== y.length) return x.length - y.length;
    for (const part of [0, 1]) {
      for (let i = 0; i < x.length; i++) {
        const c = compareKeys((x[i] as unknown[])[part], (y[i] as unknown[])[part]);
        if (c !== 0) return c;
      }
    }
    return 0;
  }
  return compareTerms(a, b);
}

/** A map as OTP's maps module sees it: a plain object or a JS Map. */
export type ErlMap = Record<string, unknown> | Map<unknown, unknown>;

/**
 * Raises `{badmap, Value}` for `maps:Fn`.
 * @param fn - the function and arity
 * @param value - what was given for a map
 */
export function badmap(fn: string, value: unknown): never {
  throw new ErlangError(['badmap', value], `maps:${fn}: not a map: ${describe(value)}`);
}

/**
 * Raises `badarg` for `maps:Fn`.
 * @param fn - the function and arity
 * @param what - what was wrong, naming the value
 */
export function badarg(fn: string, what: string): never {
  throw new ErlangError('badarg', `maps:${fn}: ${what}`);
}

/** Whether `value` is a map, as is_map/1. */
export function isMap(value: unknown): value is ErlMap {
  return termKind(value) === 'map';
}

/**
 * A plain object's key as the atom it is: the JS forms of `true` and `false` are booleans.
 */
function keyOf(name: string): unknown {
  return name === 'true' ? true : name === 'false' ? false : name;
}

/** The entries of maps, in insertion order, found by term equality. */
export class Entries {
  readonly #index = new Map<string, [unknown, unknown]>();
  /** Whether the result must be a JS Map: an input was one, or a key is no atom. */
  #jsMap: boolean;

  constructor(jsMap = false) {
    this.#jsMap = jsMap;
  }

  /**
   * The entries of a map (after checking that it is one).
   * @param fn - the caller, for `{badmap, M}`
   * @param map - the value given for a map
   */
  static of(fn: string, map: unknown): Entries {
    if (!isMap(map)) badmap(fn, map);
    const e = new Entries(map instanceof Map);
    e.addAll(map);
    return e;
  }

  /** Adds every pair of a map, as `maps:merge/2` does its second map. */
  addAll(map: ErlMap): void {
    if (map instanceof Map) {
      this.#jsMap = true;
      for (const [k, v] of map) this.set(k, v);
    } else {
      for (const name of Object.keys(map)) this.set(keyOf(name), map[name]);
    }
  }

  get size(): number {
    return this.#index.size;
  }

  get jsMap(): boolean {
    return this.#jsMap;
  }

  /** The value under `key`, as `[value]`, or `[]`. */
  find(key: unknown): [unknown] | [] {
    const e = this.#index.get(termKey(key));
    return e === undefined ? [] : [e[1]];
  }

  has(key: unknown): boolean {
    return this.#index.has(termKey(key));
  }

  /** Sets `key`; a key already there keeps its first JS form and place. */
  set(key: unknown, value: unknown): void {
    const id = termKey(key);
    const e = this.#index.get(id);
    if (e !== undefined) e[1] = value;
    else {
      if (termKind(key) !== 'atom') this.#jsMap = true;
      this.#index.set(id, [key, value]);
    }
  }

  delete(key: unknown): boolean {
    return this.#index.delete(termKey(key));
  }

  /** The pairs in map key order, as OTP 25 keeps a map of up to 32 keys. */
  sorted(): [unknown, unknown][] {
    return [...this.#index.values()].sort((a, b) => compareKeys(a[0], b[0]));
  }

  /**
   * The result map: a plain object, or a JS Map when an input was one or a key is no atom.
   * Pairs go in in key order, so the map prints and iterates as OTP lists it.
   */
  toMap(): ErlMap {
    const pairs = this.sorted();
    if (this.#jsMap) return new Map(pairs);
    const out: Record<string, unknown> = {};
    for (const [k, v] of pairs) {
      const name = atomText(k as AtomValue);
      // `__proto__` is an own key like any other, not the prototype.
      if (name === '__proto__') {
        Object.defineProperty(out, name, { value: v, enumerable: true, writable: true, configurable: true });
      } else out[name] = v;
    }
    return out;
  }
}
