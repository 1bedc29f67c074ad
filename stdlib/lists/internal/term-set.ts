/**
 * Sets and multisets of terms under `=:=` (termEquals), as OTP's code gets from map keys
 * (`lists:uniq/1`, `proplists:split/2`) and from `--`. A JS Set compares objects by identity,
 * so two tuples built apart (`['a', 1]` twice) would be two members; here a member is found by
 * a cheap hash that equal terms share, then termEquals within the bucket.
 */
import {
  atomText,
  mapPairs,
  termEquals,
  termKind,
  type AtomValue,
} from '../../../runtime/internal/library-api.js';

const funIds = new WeakMap<object, number>();
let nextFunId = 0;

/** A string that terms equal under `=:=` share (unequal terms may share it too). */
function hash(t: unknown, depth: number): string {
  const kind = termKind(t);
  switch (kind) {
    case 'atom':
      return `a${atomText(t as AtomValue)}`;
    case 'integer':
      return `i${String(t)}`;
    case 'float':
      return `f${String(t)}`;
    case 'binary': {
      const b = t as Uint8Array;
      return `b${b.length}:${Buffer.from(b.subarray(0, 16)).toString('hex')}`;
    }
    case 'tuple':
    case 'list': {
      const a = t as readonly unknown[];
      if (depth >= 3) return `${kind[0]}${a.length}`;
      return `${kind[0]}${a.length}(${a
        .slice(0, 4)
        .map((e) => hash(e, depth + 1))
        .join(',')})`;
    }
    case 'pid':
    case 'reference':
    case 'port':
      return `${kind}${(t as { serial: number }).serial}`;
    case 'fun': {
      let id = funIds.get(t as object);
      if (id === undefined) {
        id = nextFunId++;
        funIds.set(t as object, id);
      }
      return `fun${id}`;
    }
    case 'map':
      return `m${mapPairs(t as object).length}`;
    default:
      // JS-only values: one bucket each, termEquals decides.
      return kind;
  }
}

function hashOf(t: unknown): string {
  try {
    return hash(t, 0);
  } catch (e) {
    if (e instanceof RangeError) throw e;
    // A getter or Proxy trap that throws: termEquals treats it as equal to nothing.
    return 'unreadable';
  }
}

/** A set of terms under `=:=`. */
export class TermSet {
  readonly #buckets = new Map<string, unknown[]>();

  /** Whether `t` is a member. */
  has(t: unknown): boolean {
    return this.#buckets.get(hashOf(t))?.some((m) => termEquals(m, t)) ?? false;
  }

  /** Adds `t`; returns false when it was a member already. */
  add(t: unknown): boolean {
    const h = hashOf(t);
    const bucket = this.#buckets.get(h);
    if (bucket === undefined) {
      this.#buckets.set(h, [t]);
      return true;
    }
    if (bucket.some((m) => termEquals(m, t))) return false;
    bucket.push(t);
    return true;
  }
}

/** A multiset of terms under `=:=`, for `L1 -- L2`. */
export class TermBag {
  readonly #buckets = new Map<string, { term: unknown; count: number }[]>();

  /** Adds one `t`. */
  add(t: unknown): void {
    const h = hashOf(t);
    const bucket = this.#buckets.get(h);
    const entry = bucket?.find((e) => termEquals(e.term, t));
    if (entry !== undefined) entry.count++;
    else if (bucket !== undefined) bucket.push({ term: t, count: 1 });
    else this.#buckets.set(h, [{ term: t, count: 1 }]);
  }

  /** Removes one `t`; returns false when there was none. */
  take(t: unknown): boolean {
    const entry = this.#buckets.get(hashOf(t))?.find((e) => e.count > 0 && termEquals(e.term, t));
    if (entry === undefined) return false;
    entry.count--;
    return true;
  }
}

/** A map keyed by terms under `=:=`, as an Erlang map's keys are. */
export class TermMap<V> {
  readonly #buckets = new Map<string, { key: unknown; value: V }[]>();

  #entry(key: unknown): { key: unknown; value: V } | undefined {
    return this.#buckets.get(hashOf(key))?.find((e) => termEquals(e.key, key));
  }

  /** Whether `key` is a key, as `is_map_key/2`. */
  has(key: unknown): boolean {
    return this.#entry(key) !== undefined;
  }

  /** The value under `key`, as `maps:get/2` (undefined when absent). */
  get(key: unknown): V | undefined {
    return this.#entry(key)?.value;
  }

  /** Puts `value` under `key`, as `M#{K => V}`. */
  set(key: unknown, value: V): void {
    const entry = this.#entry(key);
    if (entry !== undefined) {
      entry.value = value;
      return;
    }
    const h = hashOf(key);
    const bucket = this.#buckets.get(h);
    if (bucket === undefined) this.#buckets.set(h, [{ key, value }]);
    else bucket.push({ key, value });
  }

  /** Removes `key`, as `maps:remove/2`. */
  delete(key: unknown): void {
    const h = hashOf(key);
    const bucket = this.#buckets.get(h);
    const i = bucket?.findIndex((e) => termEquals(e.key, key)) ?? -1;
    if (i >= 0) bucket!.splice(i, 1);
  }

  /** The key-value pairs, in no particular order. */
  entries(): [unknown, V][] {
    return [...this.#buckets.values()].flat().map((e): [unknown, V] => [e.key, e.value]);
  }
}
