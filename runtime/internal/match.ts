/**
 * Matching outside receive: `Pattern = Expr` as {@link match}, `{ok, X} = Expr` as {@link ok},
 * `case Expr of ... end` as {@link case_} and a function of several heads as {@link fun}. They
 * take receive's patterns and clauses (pattern.ts, clauses.ts) and raise Erlang's errors:
 * `{badmatch, V}`, `{case_clause, V}`, `function_clause`.
 */
import { type AnyClause, type Clause, firstMatch, isClause } from './clauses.js';
import { ErlangError, badarg, describe } from './errors.js';
import { type Match, bindIn, hasBinPattern, matches } from './pattern.js';

/**
 * Erlang's `Pattern = Expr`: the value when it matches the pattern, typed from the pattern;
 * else the error `{badmatch, Value}`. The patterns are receive's (`_`, `is(...)`, literals,
 * arrays, objects, Buffers, `bin` patterns); where a `bin` pattern matched, the result holds its
 * bindings instead of the binary.
 * @param pattern - a receive pattern
 * @param value - the value to match
 * @returns `value`, typed as the pattern says
 * @example
 * // {ok, Sock} = gen_tcp:connect(Host, Port, [binary])
 * const [, Sock] = match(['ok', is(is_port)], await gen_tcp.connect(Host, Port, ['binary']));
 * // <<Len:32, Rest/binary>> = Packet
 * const { Len, Rest } = match(bin<{ Len: number; Rest: Buffer }>`Len:32, Rest/binary`, Packet);
 * @see https://www.erlang.org/doc/reference_manual/patterns.html
 */
export function match<const P>(pattern: P, value: unknown): Match<P> {
  if (!matches(pattern, value)) badmatch('match/2', value);
  return (hasBinPattern(pattern) ? bindIn(pattern, value) : value) as Match<P>;
}

/** What `{ok, X} = R` binds of a result type `R`: X, or the rest of a longer ok tuple. */
export type OkValue<R> = R extends 'ok'
  ? 'ok'
  : R extends readonly ['ok', infer X]
    ? X
    : R extends readonly ['ok', ...infer Xs]
      ? Xs
      : never;

/**
 * Erlang's `{ok, X} = Expr`: X from an `['ok', X]` result, else the error `{badmatch, Result}`,
 * as the match does. Also takes `'ok'` itself (`ok = Expr`, returned as is) and a longer ok
 * tuple (`{ok, A, B} = Expr`, returned as `[A, B]`). Given a promise, waits for it: `await
 * ok(gen_tcp.listen(...))` reads as `await` of the call.
 * @param result - a result of the form `['ok', X]`, `'ok'` or `['ok', A, B, ...]`, or a promise of one
 * @returns X (a promise of X for a promise); the type narrows to the `ok` case of the result's type
 * @example
 * // {ok, LSock} = gen_tcp:listen(0, [binary, {active, false}])
 * const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
 * // {ok, Data} = gen_tcp:recv(Sock, 0)
 * const Data = await ok(gen_tcp.recv(Sock, 0));
 * @see https://www.erlang.org/doc/reference_manual/patterns.html
 */
export function ok<R>(result: PromiseLike<R>): Promise<OkValue<R>>;
export function ok<R>(result: R): OkValue<R>;
export function ok(result: unknown): unknown {
  if (isThenable(result)) return Promise.resolve(result).then(okValue);
  return okValue(result);
}

function okValue(result: unknown): unknown {
  if (result === 'ok') return result;
  if (!Array.isArray(result) || result.length < 2 || result[0] !== 'ok') badmatch('ok/1', result);
  return result.length === 2 ? result[1] : result.slice(1);
}

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === 'object' || typeof value === 'function') &&
    value !== null &&
    typeof (value as PromiseLike<unknown>).then === 'function'
  );
}

/** The union of what a clause list's bodies return (or what its body-less clauses match). */
export type ClauseResult<C> = C extends Clause<never, infer R> ? R : never;

/**
 * Erlang's `case Expr of Pattern [when Guard] -> Body; ... end`: runs the body of the first
 * clause whose pattern (and guard) takes `value` and returns what it returns; none does: the
 * error `{case_clause, Value}`. The clauses are receive's, made by `on`.
 * @param value - the value to match
 * @param clauses - `on(pattern, body)` or `on(pattern, guard, body)` clauses, tried in order
 * @returns the chosen body's result (the value itself for a clause without a body)
 * @example
 * // case gen_tcp:recv(S, 0) of
 * //   {ok, Data} -> {data, Data};
 * //   {error, closed} -> closed
 * // end
 * const r = case_(await gen_tcp.recv(S, 0),
 *   on(['ok', _], ([, Data]) => ['data', Data]),
 *   on(['error', 'closed'], () => 'closed'),
 * );
 * @see https://www.erlang.org/doc/reference_manual/expressions.html#case
 */
export function case_<const C extends readonly Clause<never, unknown>[]>(
  value: unknown,
  ...clauses: C
): ClauseResult<C[number]> {
  const clause = firstMatch(checked('case_', clauses, 2), value);
  if (clause === null) {
    throw new ErlangError(['case_clause', value], `case_: no case clause matching ${describe(value)}`);
  }
  return (clause.body === null ? value : clause.body(value)) as ClauseResult<C[number]>;
}

/** The argument lists a function of clauses `C` takes: the union of its patterns' matches. */
export type FunArgs<C> =
  C extends Clause<infer M, unknown> ? (M extends readonly unknown[] ? M : never) : never;

/**
 * A function of several clauses, as an Erlang function or `fun` with several heads: each
 * clause's pattern is an array, the argument list; a call runs the first clause that takes its
 * arguments (pattern and guard) with the arguments as one array, and no clause taking them is
 * the error `function_clause`.
 * @param clauses - `on([ArgPattern, ...], body)` or `on([...], guard, body)` clauses, in order
 * @returns the function
 * @example
 * // greet(en) -> "hello";
 * // greet(fr) -> "bonjour";
 * // greet(Lang) when is_atom(Lang) -> "?".
 * const greet = fun(
 *   on(['en'], () => 'hello'),
 *   on(['fr'], () => 'bonjour'),
 *   on([is(is_atom)], () => '?'),
 * );
 * greet('fr'); // 'bonjour'
 * @see https://www.erlang.org/doc/reference_manual/functions.html
 */
export function fun<const C extends readonly Clause<never, unknown>[]>(
  ...clauses: C
): (...args: FunArgs<C[number]>) => ClauseResult<C[number]> {
  const own = checked('fun', clauses, 1);
  own.forEach((clause, i) => {
    if (!Array.isArray(clause.pattern)) {
      badarg(
        'fun',
        `clause ${i + 1}'s pattern must be an array of the arguments, got ${describe(clause.pattern)}`,
      );
    }
  });
  return (...args: unknown[]) => {
    const clause = firstMatch(own, args);
    if (clause === null) {
      const shown = args.map((a) => describe(a)).join(', ');
      throw new ErlangError('function_clause', `fun: no function clause matching (${shown})`);
    }
    return (clause.body === null ? args : clause.body(args)) as ClauseResult<C[number]>;
  };
}

/** The clauses, checked to be `on(...)` clauses; `first` is the position of the first. */
function checked(fn: string, clauses: readonly AnyClause[], first: number): Clause[] {
  if (clauses.length === 0) badarg(fn, 'give at least one clause made by on(...)');
  clauses.forEach((clause, i) => {
    if (!isClause(clause)) {
      badarg(fn, `argument ${first + i} must be a clause made by on(...), got ${describe(clause)}`);
    }
  });
  return clauses as Clause[];
}

function badmatch(fn: string, value: unknown): never {
  throw new ErlangError(['badmatch', value], `${fn}: no match of right hand side value ${describe(value)}`);
}
