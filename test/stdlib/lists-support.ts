/**
 * The differential harness for the stdlib ports (lists.test.ts, proplists.test.ts): calls
 * written once as data, evaluated by real erl (one escript run per batch) and by erlts, and
 * compared term by term with lists, tuples, integers and floats told apart.
 *
 * A fun cannot cross to erl, so a test names its funs twice: the Erlang source and a JS twin
 * that computes the same terms (NamedFun). Arguments are JS terms, rendered for erl by
 * toErlang; a List is a list, a plain array a tuple.
 */
import fc from 'fast-check';
import { ErlangError, List } from 'erlts';
import { evalInErlang, toErlang } from '../support/erlang.js';

/** A fun written twice: Erlang source for erl, and the JS function erlts is given. */
export class NamedFun {
  constructor(
    readonly erl: string,
    readonly js: unknown,
  ) {}
}

/** A call to compare: the Erlang expression and the erlts call that ports it. */
export interface Case {
  readonly erl: string;
  readonly run: () => unknown;
}

/** An argument in Erlang source: a NamedFun's source, or the term. */
function erlArg(a: unknown): string {
  return a instanceof NamedFun ? a.erl : toErlang(a);
}

/**
 * A call of `mod:fn(Args)` in both worlds. `ns` is the erlts module namespace; results that
 * would be improper lists in OTP compare as the atom `improper` (erlts raises badarg there,
 * docs/DEVIATIONS.md), so the wrapper in the Erlang text turns one into that atom.
 */
export function call(ns: object, mod: string, fn: string, ...args: unknown[]): Case {
  const text = `${mod}:${fn}(${args.map(erlArg).join(', ')})`;
  const f = (ns as Record<string, (...a: unknown[]) => unknown>)[fn]!;
  return {
    erl: `(fun(V) when is_list(V) -> try length(V) of _ -> V catch error:badarg -> improper end; (V) -> V end)(${text})`,
    run: () => {
      try {
        return f(...args.map((a) => (a instanceof NamedFun ? a.js : a)));
      } catch (e) {
        if (ErlangError.is(e) && e.reason === 'badarg' && e.message.includes('improper list'))
          return 'improper';
        throw e;
      }
    },
  };
}

/** A term with every distinction Erlang makes, as JSON-able data. */
export function canon(t: unknown): unknown {
  if (t === true || t === 'true') return true;
  if (t === false || t === 'false') return false;
  if (t === null) return 'null';
  if (t === undefined) return 'undefined';
  if (typeof t === 'bigint') {
    return t >= BigInt(Number.MIN_SAFE_INTEGER) && t <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(t)
      : { int: t.toString() };
  }
  if (typeof t === 'number') return Number.isSafeInteger(t) ? t + 0 : { float: t };
  if (t instanceof Uint8Array) return { bin: Buffer.from(t).toString('hex') };
  if (t instanceof List) return { list: [...t].map(canon) };
  if (Array.isArray(t)) return { tuple: t.map(canon) };
  if (t instanceof Map) {
    return { map: [...(t as Map<unknown, unknown>)].map(([k, v]) => [canon(k), canon(v)]).sort() };
  }
  if (typeof t === 'object') {
    return {
      map: Object.entries(t)
        .map(([k, v]) => [canon(k), canon(v)])
        .sort(),
    };
  }
  return t;
}

function outcome(run: () => unknown): unknown {
  try {
    return { ok: canon(run()) };
  } catch (e) {
    if (ErlangError.is(e)) return { error: canon(e.reason) };
    return { js: String(e) };
  }
}

/**
 * Evaluates every case in erl (one run) and in erlts, and lists the ones that differ, each
 * with its Erlang text and both outcomes.
 */
export function mismatches(cases: readonly Case[]): string[] {
  const expected = evalInErlang(cases.map((c) => c.erl));
  const out: string[] = [];
  cases.forEach((c, i) => {
    const want = expected[i]!;
    const w = JSON.stringify(want.ok ? { ok: canon(want.value) } : { error: canon(want.reason) });
    const g = JSON.stringify(outcome(c.run));
    if (w !== g) out.push(`${c.erl}\n    erl:   ${w}\n    erlts: ${g}`);
  });
  if (process.env.LISTS_STATS !== undefined) {
    const ok = expected.filter((e) => e.ok).length;
    console.log(`    ${cases.length} cases: ${ok} results, ${cases.length - ok} errors`);
  }
  return out;
}

/** `n` cases drawn from `arb`, the same ones on every run of `seed`. */
export function sample(arb: fc.Arbitrary<Case>, n: number, seed: number): Case[] {
  return fc.sample(arb, { numRuns: n, seed });
}

/** The seed of a test file's samples: fixed, or LISTS_SEED to explore others. */
export const seed = Number(process.env.LISTS_SEED ?? 20250);

// ---------------------------------------------------------------------------
// Terms

/** Atoms, with the booleans and the forms JS gives them. */
export const atom = fc.constantFrom<unknown>('a', 'b', 'c', 'ok', true, false, 'undefined');

/**
 * Numbers with ties that only Erlang's `==` sees: 2^60 as a float and as an integer (bigint)
 * compare equal but are not `=:=`, which tells stable sorts and `==` lookups from wrong ones.
 */
export const number = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -3, max: 3 }) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(1.5, -0.5, 2 ** 60, 2n ** 60n, 2n ** 64n, 1e20) },
);

export const binary = fc.uint8Array({ maxLength: 2 }).map((u) => Buffer.from(u));

const terms = fc.letrec<{ term: unknown; tuple: unknown[]; list: List<unknown> }>((tie) => ({
  term: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atom,
    number,
    number,
    binary,
    tie('tuple'),
    tie('list'),
  ),
  tuple: fc.array(tie('term'), { maxLength: 3 }),
  list: fc.array(tie('term'), { maxLength: 3 }).map((a) => toListOf(a)),
}));

function toListOf<T>(a: readonly T[]): List<T> {
  const l = new List<T>();
  for (const e of a) l.push(e);
  return l;
}

/** Any term: atoms, numbers, binaries, tuples and lists, nested. */
export const term = terms.term;

/** A list of terms, up to `max` long. */
export function listOf<T>(arb: fc.Arbitrary<T>, max = 6): fc.Arbitrary<List<T>> {
  return fc.array(arb, { maxLength: max }).map((a) => toListOf(a));
}

/** What a function given a non-list sees: an atom or a number (an array would be a list). */
export const nonList = fc.constantFrom<unknown>('x', 3);

/** A list, now and then a non-list. */
export function listOrNot<T>(arb: fc.Arbitrary<T>, max = 6): fc.Arbitrary<unknown> {
  return fc.oneof({ weight: 9, arbitrary: listOf(arb, max) }, { weight: 1, arbitrary: nonList });
}

export { toListOf };
