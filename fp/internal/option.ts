/**
 * The atom `undefined` that Erlang's BIFs give for "nothing there" (`whereis/1`, `get/1`,
 * `process_info/2`), and fp-ts's Option, both ways.
 */
import * as O from 'fp-ts/lib/Option.js';
import type { Option } from 'fp-ts/lib/Option.js';
import { badarg, describe } from '../../runtime/internal/library-api.js';

/**
 * A value that may be the atom `undefined` as an fp-ts `Option`: `'undefined'` is `none`,
 * anything else `some` of it. Total: every value maps.
 * @param value - a BIF's answer, `X | 'undefined'`
 * @returns `none` for `'undefined'`, else `some(value)`
 * @example
 * // case whereis(db) of undefined -> none; Pid -> {some, Pid} end
 * const Db = fromUndefinedAtom(whereis('db')); // Option<Pid>
 */
export function fromUndefinedAtom<const X>(value: X): Option<Exclude<X, 'undefined'>> {
  return value === 'undefined' ? O.none : O.some(value as Exclude<X, 'undefined'>);
}

/**
 * An fp-ts `Option` as Erlang says it: `none` is the atom `undefined`, `some(X)` is `X`. The
 * inverse of {@link fromUndefinedAtom} on every value but `some('undefined')`, which reads back
 * as `none` (in Erlang the atom cannot tell the two apart either).
 * @param option - an fp-ts Option
 * @returns `X`, or `'undefined'`
 * @throws ErlangError `badarg` for what is not an Option
 * @example
 * // Name = case Found of none -> undefined; {some, N} -> N end
 * const Name = toUndefinedAtom(Found); // 'undefined' | string
 */
export function toUndefinedAtom<X>(option: Option<X>): X | 'undefined' {
  const o: unknown = option;
  const tag = typeof o === 'object' && o !== null ? (o as { _tag?: unknown })._tag : undefined;
  if (tag === 'None') return 'undefined';
  if (tag === 'Some') return (option as O.Some<X>).value;
  return badarg('erlts/fp toUndefinedAtom/1', `not an fp-ts Option: ${describe(option)}`);
}
