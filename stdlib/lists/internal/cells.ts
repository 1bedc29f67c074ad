/**
 * Erlang lists as cons cells, and tail calls, for the literal ports of OTP's merge and sort
 * code (merging.ts, fun-sorting.ts).
 *
 * Why cells rather than arrays: OTP's merges are dozens of small mutually tail-recursive
 * functions that take lists apart with `[H | T]` and build results by consing onto a reversed
 * accumulator. Ported clause for clause over cells, each Erlang clause is one `if`, so the port
 * can be read against lists.erl line by line; that is how it keeps OTP's exact results even
 * for inputs OTP does not promise anything about (unsorted lists given to merge, a sort fun
 * that is not an ordering).
 *
 * Why tail calls: JS has none, and these functions call each other once per element. Each
 * ported function returns `tail(next, ...args)` instead of calling `next`, and `run` loops
 * until a function returns a value, so the stack stays flat at any list length.
 *
 * A cell list is `NIL` or a `Cons`; a value that is neither is some other Erlang term, which
 * the ports pass through where OTP does (`lists:merge(a, [])` returns `a`).
 */
import { List } from '../../../runtime/internal/library-api.js';

/** `[]`: a private symbol, so no user term (not even the atom `null`) can be mistaken for it. */
export const NIL: unique symbol = Symbol('[]');

/** A list cell `[H | T]`. */
export class Cons {
  constructor(
    readonly h: unknown,
    readonly t: Cell,
  ) {}
}

/** An Erlang list: `[]` or `[H | T]`. */
export type Cell = Cons | typeof NIL;

/** `[H | T]`. */
export function cons(h: unknown, t: Cell): Cons {
  return new Cons(h, t);
}

/** Whether `x` is a cell list (`[]` or `[H | T]`), as `is_list/1` in the ports. */
export function isCell(x: unknown): x is Cell {
  return x === NIL || x instanceof Cons;
}

/** The cells of an array, in order. */
export function fromArray(items: readonly unknown[]): Cell {
  let l: Cell = NIL;
  for (let i = items.length - 1; i >= 0; i--) l = new Cons(items[i], l);
  return l;
}

/** An argument as the ports see it: an array (a list, DESIGN §2) becomes cells; any other term stays. */
export function toCells(x: unknown): unknown {
  return Array.isArray(x) ? fromArray(x) : x;
}

/** A port's result as erlts returns it: cells become a List; any other term stays. */
export function fromCells(x: unknown): unknown {
  if (!isCell(x)) return x;
  const out = new List<unknown>();
  for (let l: Cell = x; l !== NIL; l = l.t) out.push(l.h);
  return out;
}

/** `lists:reverse(L, Acc)` over cells. */
export function reverseOnto(l: Cell, acc: Cell): Cell {
  let out = acc;
  for (let c = l; c !== NIL; c = c.t) out = new Cons(c.h, out);
  return out;
}

/**
 * A pending tail call: what a ported function returns instead of calling the next one. There
 * is one, reused: a call is made by {@link run} as soon as it is returned, before any other
 * can be made, and a call per element would otherwise be an allocation per element.
 */
class TailCall {
  fn: (...args: never[]) => unknown = () => undefined;
  args: readonly unknown[] = [];
}

const pending = new TailCall();

/** Tail-calls `fn(...args)`: the caller returns this, and {@link run} makes the call. */
export function tail<A extends unknown[]>(fn: (...args: A) => unknown, ...args: A): TailCall {
  pending.fn = fn;
  pending.args = args;
  return pending;
}

/** Runs tail calls until one returns a value. */
export function run(step: unknown): unknown {
  let s = step;
  while (s === pending) s = (pending.fn as (...args: readonly unknown[]) => unknown)(...pending.args);
  return s;
}

/** Thrown by a ported function when no clause matches; the public function names its own call. */
export const noClause: unique symbol = Symbol('no clause');
