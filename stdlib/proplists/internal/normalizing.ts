/**
 * OTP 25's proplists functions that rewrite a property list or turn it into a map and back:
 * substitute_aliases, substitute_negations, expand, normalize, to_map/1,2, from_map. Ported
 * from proplists.erl clause for clause (properties.ts says how properties are recognised).
 *
 * An Erlang map comes out as a plain object when every key is an atom, else as a JS Map
 * (DESIGN §2); keys are found by `=:=`, as map keys are.
 */
import { ErlangError } from 'erlts';
import {
  List,
  atomText,
  compareTerms,
  describe,
  mapPairs,
  termEquals,
  termKind,
  toList,
  type AtomValue,
} from '../../../runtime/internal/library-api.js';
import {
  badGenerator,
  functionClause,
  isListArg,
  isListTerm,
  isTrue,
  isTuple,
} from '../../lists/internal/clauses.js';
import { TermMap } from '../../lists/internal/term-set.js';
import { compactOne, property, type proplist } from './properties.js';

function isAtom(p: unknown): p is AtomValue {
  return termKind(p) === 'atom';
}

/** Whether `p` has the key `key` (`is_atom(P), P =:= Key` or `element(1, P) =:= Key`). */
function hasKey(p: unknown, key: unknown): boolean {
  if (isAtom(p)) return termEquals(p, key);
  return isTuple(p) && p.length >= 1 && termEquals(p[0], key);
}

/** The `{Key, Key1}` pairs of aliases or negations, read as OTP's clause head reads them. */
function pairAt(fn: string, pairs: unknown, i: number, p: unknown): [unknown, unknown] | null {
  if (!isListArg(pairs)) return functionClause(fn, pairs, p);
  if (i >= pairs.length) return null;
  const pair = pairs[i];
  if (!isTuple(pair) || pair.length !== 2) return functionClause(fn, pairs.slice(i), p);
  return [pair[0], pair[1]];
}

function substituteAlias(as: unknown, p: unknown): unknown {
  for (let i = 0; ; i++) {
    const pair = pairAt('proplists:substitute_aliases_1', as, i, p);
    if (pair === null) return p;
    const [key, key1] = pair;
    if (isAtom(p) && termEquals(p, key)) return property(key1, true);
    if (hasKey(p, key)) return compactOne([key1, ...(p as readonly unknown[]).slice(1)]);
  }
}

/**
 * Renames keys: each property whose key is K in a pair `{K, K1}` of `aliases` gets key K1
 * (the first pair that matches counts).
 * @param aliases - a list of `[Key, Key1]` pairs
 * @param listIn - a property list
 * @returns `ListOut`, properties compacted where renamed
 * @throws `{bad_generator, L}` when `listIn` is not a list; `function_clause` for `aliases` that
 *   is no list of pairs
 * @example
 * // proplists:substitute_aliases([{color, colour}], [{color, red}, debug])   % [{colour,red},debug]
 * proplists.substitute_aliases([['color', 'colour']], [['color', 'red'], 'debug']);
 * @see https://www.erlang.org/docs/25/man/proplists.html#substitute_aliases-2
 */
export function substitute_aliases(aliases: readonly unknown[], listIn: proplist): List<unknown> {
  if (!isListArg(listIn)) return badGenerator('proplists:substitute_aliases/2', listIn);
  return toList(listIn.map((p) => substituteAlias(aliases, p)));
}

function substituteNegation(ns: unknown, p: unknown): unknown {
  for (let i = 0; ; i++) {
    const pair = pairAt('proplists:substitute_negations_1', ns, i, p);
    if (pair === null) return p;
    const [key, key1] = pair;
    if (isAtom(p) && termEquals(p, key)) return property(key1, false);
    if (hasKey(p, key)) {
      const t = p as readonly unknown[];
      if (t.length === 2 && isTrue(t[1])) return property(key1, false);
      return property(key1, true);
    }
  }
}

/**
 * Replaces negated keys: a property K in a pair `{K, K1}` of `negations` becomes `{K1, false}`
 * when it is `K` or `{K, true}`, and `K1` (that is, `{K1, true}`) otherwise.
 * @param negations - a list of `[Key, Key1]` pairs
 * @param listIn - a property list
 * @returns `ListOut`
 * @throws `{bad_generator, L}` when `listIn` is not a list; `function_clause` for `negations` that
 *   is no list of pairs
 * @example
 * // proplists:substitute_negations([{no_debug, debug}], [no_debug, {no_debug, false}])   % [{debug,false},debug]
 * proplists.substitute_negations([['no_debug', 'debug']], ['no_debug', ['no_debug', false]]);
 * @see https://www.erlang.org/docs/25/man/proplists.html#substitute_negations-2
 */
export function substitute_negations(negations: readonly unknown[], listIn: proplist): List<unknown> {
  if (!isListArg(listIn)) return badGenerator('proplists:substitute_negations/2', listIn);
  return toList(listIn.map((p) => substituteNegation(negations, p)));
}

/** expand_1 and expand_2: the first property with P's key is replaced by the expansion. */
function expandOne(p1: unknown, expansion: unknown, ps: readonly unknown[]): unknown[] {
  let key: unknown;
  if (isAtom(p1)) key = p1;
  else if (isTuple(p1) && p1.length >= 1) key = p1[0];
  else return [...ps];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i];
    if (!hasKey(p, key)) continue;
    // expand_3: only a property equal to P1 (compacted) expands; the rest of its key go.
    const found = isAtom(p) ? p : compactOne(p);
    const rest = ps.slice(i + 1);
    if (termEquals(p1, found)) return [...ps.slice(0, i), expansion, ...rest.filter((q) => !hasKey(q, key))];
    return [...ps.slice(0, i), found, ...rest];
  }
  return [...ps];
}

/**
 * Expands properties: the first property equal to P (compacted) in a pair `{P, Expansion}`
 * is replaced by the elements of Expansion, and the other properties with its key are
 * removed; a first property with that key but another value stays (compacted).
 * @param expansions - a list of `[Property, Expansion]` pairs, Expansion a list
 * @param listIn - a property list
 * @returns `ListOut`
 * @throws `function_clause` when `listIn` is not a list; `{bad_generator, L}` when `expansions` is not
 * @example
 * // proplists:expand([{foo, [bar, baz]}], [fie, foo, fum])   % [fie,bar,baz,fum]
 * proplists.expand([['foo', ['bar', 'baz']]], ['fie', 'foo', 'fum']); // list('fie', 'bar', 'baz', 'fum')
 * @see https://www.erlang.org/docs/25/man/proplists.html#expand-2
 */
export function expand(expansions: readonly unknown[], listIn: proplist): List<unknown> {
  if (!isListArg(listIn)) return functionClause('proplists:expand', expansions, listIn);
  if (!isListArg(expansions)) return badGenerator('proplists:expand/2', expansions);
  // [{property(P), V} || {P, V} <- Es]: elements that are no pairs are skipped. An expansion
  // given as a plain array is a list (DESIGN §2), so that it is spliced in.
  const es: [unknown, unknown][] = [];
  for (const e of expansions) {
    if (isTuple(e) && e.length === 2) es.push([compactOne(e[0]), isListArg(e[1]) ? toList(e[1]) : e[1]]);
  }
  // key_uniq: a pair whose property equals the one kept before it is dropped.
  const unique = es.filter((e, i) => i === 0 || !termEquals(es[i - 1]![0], e[0]));
  let ps: unknown[] = [...listIn];
  for (const [p, l] of unique) ps = expandOne(p, l, ps);
  // flatten/1 of proplists.erl: one level, lists only.
  const out = new List<unknown>();
  for (const e of ps) {
    if (isListTerm(e)) for (const x of e) out.push(x);
    else out.push(e);
  }
  return out;
}

/** apply_stages: `{aliases, As}`, `{expand, Es}` and `{negations, Ns}`, in order. */
function applyStages(fn: string, l: unknown, stages: unknown): unknown {
  if (!isListArg(stages)) return functionClause(fn, l, stages);
  let out = l;
  for (let i = 0; i < stages.length; i++) {
    const stage = stages[i];
    if (isTuple(stage) && stage.length === 2) {
      const [kind, arg] = stage;
      if (kind === 'aliases') {
        out = substitute_aliases(arg as readonly unknown[], out as proplist);
        continue;
      }
      if (kind === 'expand') {
        out = expand(arg as readonly unknown[], out as proplist);
        continue;
      }
      if (kind === 'negations') {
        out = substitute_negations(arg as readonly unknown[], out as proplist);
        continue;
      }
    }
    return functionClause(fn, out, stages.slice(i));
  }
  return out;
}

/** A stage of normalize/2 and to_map/2. */
export type stage =
  | readonly ['aliases', readonly unknown[]]
  | readonly ['negations', readonly unknown[]]
  | readonly ['expand', readonly unknown[]];

/**
 * Applies the stages in order (aliases, negations and expansions, each as its function does),
 * then compacts the result.
 * @param listIn - a property list
 * @param stages - a list of `['aliases', Aliases]`, `['negations', Negations]` and
 *   `['expand', Expansions]`
 * @returns `ListOut`
 * @throws `function_clause` for a stage of another shape
 * @example
 * // proplists:normalize([no_debug, color], [{aliases, [{color, colour}]}, {negations, [{no_debug, debug}]}])
 * // % [{debug,false},colour]
 * proplists.normalize(['no_debug', 'color'], [['aliases', [['color', 'colour']]], ['negations', [['no_debug', 'debug']]]]);
 * @see https://www.erlang.org/docs/25/man/proplists.html#normalize-2
 */
export function normalize(listIn: proplist, stages: readonly stage[]): List<unknown> {
  const staged = applyStages('proplists:apply_stages', listIn, stages);
  if (!isListArg(staged)) return badGenerator('proplists:compact/1', staged);
  return toList(staged.map(compactOne));
}

/** An Erlang map: a plain object when every key is an atom, else a JS Map. */
function erlangMap(entries: [unknown, unknown][]): object {
  if (entries.every(([k]) => isAtom(k))) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of entries) {
      Object.defineProperty(out, atomText(k as AtomValue), {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return new Map(entries);
}

/**
 * Turns a property list into a map: `{K, V}` maps K to V, an atom K maps K to `true`, and the
 * first property of a key wins; a first tuple of another size removes its key.
 * @param list - a property list
 * @param stages - stages applied first, as normalize/2 applies them, when given
 * @returns `Map`: a plain object when every key is an atom, else a JS Map
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:to_map([a, {b, 5}, [e], {c, 6}, {a, 7}], [{aliases, [{c, d}]}])   % #{a => true,b => 5,d => 6}
 * proplists.to_map(['a', ['b', 5], list('e'), ['c', 6], ['a', 7]], [['aliases', [['c', 'd']]]]);
 * @see https://www.erlang.org/docs/25/man/proplists.html#to_map-2
 */
export function to_map(list: proplist, stages: readonly stage[]): object;
/**
 * Turns a property list into a map: `{K, V}` maps K to V, an atom K maps K to `true`, and the
 * first property of a key wins; a first tuple of another size removes its key.
 * @param list - a property list
 * @returns `Map`: a plain object when every key is an atom, else a JS Map
 * @throws `function_clause` for a non-list
 * @example
 * // proplists:to_map([a, {b, 5}, [e], {c, 6}, {a, 7}])   % #{a => true,b => 5,c => 6}
 * proplists.to_map(['a', ['b', 5], list('e'), ['c', 6], ['a', 7]]); // { a: true, b: 5, c: 6 }
 * @see https://www.erlang.org/docs/25/man/proplists.html#to_map-1
 */
export function to_map(list: proplist): object;
export function to_map(...args: unknown[]): object {
  const l = args.length >= 2 ? applyStages('proplists:apply_stages', args[0], args[1]) : args[0];
  if (!isListArg(l)) return functionClause('proplists:to_map', l);
  // lists:foldr over the list: the first property of a key is the last one applied.
  const m = new TermMap<unknown>();
  for (let i = l.length - 1; i >= 0; i--) {
    const p = l[i];
    if (isTuple(p) && p.length === 2) m.set(p[0], p[1]);
    else if (isTuple(p) && p.length >= 1) m.delete(p[0]);
    else if (isAtom(p)) m.set(p, true);
  }
  return erlangMap(m.entries());
}

/**
 * Turns a map into a property list of `{Key, Value}` pairs.
 * @param map - a map: a plain object or a JS Map
 * @returns a List of `[Key, Value]` tuples, ordered by key in term order (as OTP orders maps of
 *   up to 32 keys)
 * @throws `{badmap, Map}` for a value that is no map
 * @example
 * // proplists:from_map(#{b => 2, a => 1})   % [{a,1},{b,2}]
 * proplists.from_map({ b: 2, a: 1 }); // list(['a', 1], ['b', 2])
 * @see https://www.erlang.org/docs/25/man/proplists.html#from_map-1
 */
export function from_map(map: object): List<[unknown, unknown]> {
  if (termKind(map) !== 'map')
    throw new ErlangError(['badmap', map], `proplists:from_map/1: not a map: ${describe(map)}`);
  return toList(mapPairs(map).sort((a, b) => compareTerms(a[0], b[0])));
}
