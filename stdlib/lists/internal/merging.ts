/**
 * OTP 25's merges in term order, ported clause for clause from lists.erl (see cells.ts for why
 * over cons cells and tail calls): merge/1,2, merge3/3, umerge/1,2, umerge3/3, keymerge/3,
 * ukeymerge/3 and the reversed variants (rmerge/2, rmerge3/3, rumerge/2, rumerge3/3,
 * rkeymerge/3, rukeymerge/3) that OTP exports for its own sorts.
 *
 * Every function keeps its Erlang name and argument order, and each `if` is one clause, in the
 * clause order of lists.erl. The reversed accumulator `M` holds the output newest first; a
 * merge ends with `lists:reverse(T, [H | M])`, which moves the rest of one input onto it.
 * `HdM` is the element last put on `M`, kept to drop duplicates in the u* merges.
 *
 * Given sorted inputs these are plain merges; given unsorted ones they still give OTP's exact
 * result, which is why they are ported rather than rewritten.
 */
import { caseClause, isListTerm, le, eq, element } from './clauses.js';
import { Cons, NIL, cons, reverseOnto, run, tail, noClause, type Cell } from './cells.js';
import { badarg, describe, toList } from '../../../runtime/internal/library-api.js';

const c = (x: unknown): x is Cons => x instanceof Cons;

/** `lists:reverse(L, Acc)` where OTP calls the BIF on a value that may not be a list. */
function reverseBif(l: unknown, acc: Cell): Cell {
  if (l !== NIL && !c(l)) return badarg('lists:reverse/2', `not a list: ${describe(l)}`);
  return reverseOnto(l, acc);
}

/**
 * The `[H2 | H3]` that OTP's umerge3 uses as a first "last output" that equals nothing: a real
 * list when H3 is one, else a value nothing equals (an improper list has no JS form).
 */
const improperHead = Symbol('[H2 | H3]');
function firstHdM(h2: unknown, h3: unknown): unknown {
  return isListTerm(h3) ? toList([h2, ...h3]) : improperHead;
}

// ---------------------------------------------------------------------------
// merge/2, rmerge/2

// merge2_1 and merge2_2 call each other once per element, so they run as one loop; each branch
// is one of their clauses. Entered as either function (merge3 ends in both).

export function merge2_1(T1: unknown, H2: unknown, T2: Cell, M: Cell): Cell {
  return merge2(1, T1, H2, T2, M, undefined);
}

function merge2_2(T1: Cell, HdM: unknown, T2: Cell, M: Cell, H1: unknown): Cell {
  return merge2(2, T1, HdM, T2, M, H1);
}

/** State 1: `merge2_1(T1, H2 = X, T2, M)`; state 2: `merge2_2(T1, HdM = X, T2, M, H1)`. */
function merge2(state: 1 | 2, T1: unknown, X: unknown, T2: Cell, M: Cell, H1: unknown): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (le(h1, X)) {
          M = cons(h1, M);
        } else {
          state = 2;
          H1 = h1;
        }
        continue;
      }
      if (T1 === NIL) return reverseOnto(T2, cons(X, M));
      throw noClause;
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (le(H1, h2)) {
        state = 1;
        M = cons(H1, cons(X, M));
      } else {
        M = cons(X, M);
      }
      X = h2;
      continue;
    }
    return reverseOnto(T1 as Cell, cons(H1, cons(X, M)));
  }
}

export function rmerge2_1(T1: unknown, H2: unknown, T2: Cell, M: Cell): Cell {
  return rmerge2(1, T1, H2, T2, M, undefined);
}

function rmerge2_2(T1: Cell, HdM: unknown, T2: Cell, M: Cell, H1: unknown): Cell {
  return rmerge2(2, T1, HdM, T2, M, H1);
}

/** State 1: `rmerge2_1(T1, H2 = X, T2, M)`; state 2: `rmerge2_2(T1, HdM = X, T2, M, H1)`. */
function rmerge2(state: 1 | 2, T1: unknown, X: unknown, T2: Cell, M: Cell, H1: unknown): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (le(h1, X)) {
          state = 2;
          H1 = h1;
        } else {
          M = cons(h1, M);
        }
        continue;
      }
      if (T1 === NIL) return reverseOnto(T2, cons(X, M));
      throw noClause;
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (le(H1, h2)) {
        M = cons(X, M);
      } else {
        state = 1;
        M = cons(H1, cons(X, M));
      }
      X = h2;
      continue;
    }
    return reverseOnto(T1 as Cell, cons(H1, cons(X, M)));
  }
}

/** `merge(T1, L2)`: cells in, cells (or T1 as it came) out. */
export function merge(T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (c(L2)) return reverseOnto(run(merge2_1(T1, L2.h, L2.t, NIL)) as Cell, NIL);
  throw noClause;
}

/** `rmerge(T1, L2)`. */
export function rmerge(T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (c(L2)) return reverseOnto(run(rmerge2_1(T1, L2.h, L2.t, NIL)) as Cell, NIL);
  throw noClause;
}

// ---------------------------------------------------------------------------
// merge3/3, rmerge3/3

function merge3_1(T1: unknown, M: Cell, H2: unknown, T2: Cell, H3: unknown, T3: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (le(H1, H2)) return tail(merge3_12, T1.t, H1, H2, T2, H3, T3, M);
    return tail(merge3_21, T1.t, H1, H2, T2, H3, T3, M);
  }
  if (T1 === NIL) {
    if (le(H2, H3)) return tail(merge2_1, T2, H3, T3, cons(H2, M));
    return tail(merge2_2, T2, H3, T3, M, H2);
  }
  throw noClause;
}

function merge3_2(T1: Cell, H1: unknown, M: Cell, T2: Cell, H3: unknown, T3: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (le(H1, H2)) return tail(merge3_12, T1, H1, H2, T2.t, H3, T3, M);
    return tail(merge3_21, T1, H1, H2, T2.t, H3, T3, M);
  }
  if (le(H1, H3)) return tail(merge2_1, T1, H3, T3, cons(H1, M));
  return tail(merge2_2, T1, H3, T3, M, H1);
}

function merge3_12(T1: Cell, H1: unknown, H2: unknown, T2: Cell, H3: unknown, T3: Cell, M: Cell): unknown {
  if (le(H1, H3)) return tail(merge3_1, T1, cons(H1, M), H2, T2, H3, T3);
  return tail(merge3_12_3, T1, H1, H2, T2, cons(H3, M), T3);
}

function merge3_12_3(T1: Cell, H1: unknown, H2: unknown, T2: Cell, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H1, H3)) return tail(merge3_1, T1, cons(H1, M), H2, T2, H3, T3.t);
    return tail(merge3_12_3, T1, H1, H2, T2, cons(H3, M), T3.t);
  }
  return tail(merge2_1, T1, H2, T2, cons(H1, M));
}

function merge3_21(T1: Cell, H1: unknown, H2: unknown, T2: Cell, H3: unknown, T3: Cell, M: Cell): unknown {
  if (le(H2, H3)) return tail(merge3_2, T1, H1, cons(H2, M), T2, H3, T3);
  return tail(merge3_21_3, T1, H1, H2, T2, cons(H3, M), T3);
}

function merge3_21_3(T1: Cell, H1: unknown, H2: unknown, T2: Cell, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H2, H3)) return tail(merge3_2, T1, H1, cons(H2, M), T2, H3, T3.t);
    return tail(merge3_21_3, T1, H1, H2, T2, cons(H3, M), T3.t);
  }
  return tail(merge2_2, T1, H2, T2, M, H1);
}

function rmerge3_1(T1: unknown, M: Cell, H2: unknown, T2: Cell, H3: unknown, T3: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (le(H1, H2)) return tail(rmerge3_12, T1.t, H1, H2, T2, H3, T3, M);
    return tail(rmerge3_21, T1.t, H1, H2, T2, H3, T3, M);
  }
  if (T1 === NIL) {
    if (le(H2, H3)) return tail(rmerge2_2, T2, H3, T3, M, H2);
    return tail(rmerge2_1, T2, H3, T3, cons(H2, M));
  }
  throw noClause;
}

function rmerge3_2(T1: Cell, H1: unknown, M: Cell, T2: Cell, H3: unknown, T3: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (le(H1, H2)) return tail(rmerge3_12, T1, H1, H2, T2.t, H3, T3, M);
    return tail(rmerge3_21, T1, H1, H2, T2.t, H3, T3, M);
  }
  if (le(H1, H3)) return tail(rmerge2_2, T1, H3, T3, M, H1);
  return tail(rmerge2_1, T1, H3, T3, cons(H1, M));
}

function rmerge3_12(T1: Cell, H1: unknown, H2: unknown, T2: Cell, H3: unknown, T3: Cell, M: Cell): unknown {
  if (le(H2, H3)) return tail(rmerge3_12_3, T1, H1, H2, T2, cons(H3, M), T3);
  return tail(rmerge3_2, T1, H1, cons(H2, M), T2, H3, T3);
}

function rmerge3_12_3(T1: Cell, H1: unknown, H2: unknown, T2: Cell, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H2, H3)) return tail(rmerge3_12_3, T1, H1, H2, T2, cons(H3, M), T3.t);
    return tail(rmerge3_2, T1, H1, cons(H2, M), T2, H3, T3.t);
  }
  return tail(rmerge2_2, T1, H2, T2, M, H1);
}

function rmerge3_21(T1: Cell, H1: unknown, H2: unknown, T2: Cell, H3: unknown, T3: Cell, M: Cell): unknown {
  if (le(H1, H3)) return tail(rmerge3_21_3, T1, H1, H2, T2, cons(H3, M), T3);
  return tail(rmerge3_1, T1, cons(H1, M), H2, T2, H3, T3);
}

function rmerge3_21_3(T1: Cell, H1: unknown, H2: unknown, T2: Cell, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H1, H3)) return tail(rmerge3_21_3, T1, H1, H2, T2, cons(H3, M), T3.t);
    return tail(rmerge3_1, T1, cons(H1, M), H2, T2, H3, T3.t);
  }
  return tail(rmerge2_1, T1, H2, T2, cons(H1, M));
}

/** `merge3(L1, L2, L3)`. */
export function merge3(L1: unknown, L2: unknown, L3: unknown): unknown {
  if (L2 === NIL) return merge(L1, L3);
  if (L3 === NIL) return merge(L1, L2);
  if (c(L2) && c(L3)) return reverseOnto(run(merge3_1(L1, NIL, L2.h, L2.t, L3.h, L3.t)) as Cell, NIL);
  throw noClause;
}

/** `rmerge3(L1, L2, L3)`. */
export function rmerge3(L1: unknown, L2: unknown, L3: unknown): unknown {
  if (L2 === NIL) return rmerge(L1, L3);
  if (L3 === NIL) return rmerge(L1, L2);
  if (c(L2) && c(L3)) return reverseOnto(run(rmerge3_1(L1, NIL, L2.h, L2.t, L3.h, L3.t)) as Cell, NIL);
  throw noClause;
}

// ---------------------------------------------------------------------------
// merge/1: mergel and rmergel merge a list of runs pairwise and three at a time, each pass
// reversing the direction of the runs, until one run is left.

/** The elements of a cell list, up to `n` of them, and the rest. */
function take(l: unknown, n: number): { items: unknown[]; rest: unknown } {
  const items: unknown[] = [];
  let r = l;
  while (items.length < n && c(r)) {
    items.push(r.h);
    r = r.t;
  }
  return { items, rest: r };
}

export function mergel(L: unknown, Acc: Cell): unknown {
  const { items, rest } = take(L, 3);
  const [A, B, C] = items;
  // mergel([[] | L], Acc)
  if (items.length >= 1 && A === NIL) return tail(mergel, (L as Cons).t, Acc);
  // mergel([T1, [H2 | T2], [H3 | T3] | L], Acc)
  if (items.length === 3 && c(B) && c(C)) {
    return tail(mergel, rest, cons(run(merge3_1(A, NIL, B.h, B.t, C.h, C.t)), Acc));
  }
  // mergel([T1, [H2 | T2]], Acc)
  if (items.length === 2 && rest === NIL && c(B)) {
    return tail(rmergel, cons(run(merge2_1(A, B.h, B.t, NIL)), Acc), NIL);
  }
  if (items.length === 1 && rest === NIL) {
    if (Acc === NIL) return A;
    return tail(rmergel, cons(reverseBif(A, NIL), Acc), NIL);
  }
  if (L === NIL) return Acc === NIL ? NIL : tail(rmergel, Acc, NIL);
  // mergel([A, [] | L], Acc)
  if (items.length >= 2 && B === NIL) return tail(mergel, cons(A, ((L as Cons).t as Cons).t), Acc);
  // mergel([A, B, [] | L], Acc)
  if (items.length === 3 && C === NIL) return tail(mergel, cons(A, cons(B, rest as Cell)), Acc);
  throw noClause;
}

export function rmergel(L: unknown, Acc: Cell): unknown {
  const { items, rest } = take(L, 3);
  const [A, B, C] = items;
  // rmergel([[H3 | T3], [H2 | T2], T1 | L], Acc)
  if (items.length === 3 && c(A) && c(B)) {
    return tail(rmergel, rest, cons(run(rmerge3_1(C, NIL, B.h, B.t, A.h, A.t)), Acc));
  }
  // rmergel([[H2 | T2], T1], Acc)
  if (items.length === 2 && rest === NIL && c(A)) {
    return tail(mergel, cons(run(rmerge2_1(B, A.h, A.t, NIL)), Acc), NIL);
  }
  if (items.length === 1 && rest === NIL) return tail(mergel, cons(reverseBif(A, NIL), Acc), NIL);
  if (L === NIL) return tail(mergel, Acc, NIL);
  throw noClause;
}

// ---------------------------------------------------------------------------
// umerge/2, rumerge/2

function umerge2_1(T1: Cell, T2: Cell, M: Cell, HdM: unknown, H2: unknown): Cell {
  return umerge2(1, T1, T2, M, HdM, H2, undefined);
}

function umerge2_2(T1: Cell, T2: unknown, M: Cell, H1: unknown): Cell {
  return umerge2(2, T1, T2, M, undefined, undefined, H1);
}

/** State 1: `umerge2_1(T1, T2, M, HdM, H2)`; state 2: `umerge2_2(T1, T2, M, H1)`. */
function umerge2(state: 1 | 2, T1: Cell, T2: unknown, M: Cell, HdM: unknown, H2: unknown, H1: unknown): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (le(h1, H2)) {
          M = cons(h1, M);
          HdM = h1;
        } else {
          if (!eq(H2, HdM)) M = cons(H2, M);
          state = 2;
          H1 = h1;
        }
        continue;
      }
      if (eq(H2, HdM)) return reverseOnto(T2 as Cell, M);
      return reverseOnto(T2 as Cell, cons(H2, M));
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (le(H1, h2)) {
        state = 1;
        M = cons(H1, M);
        HdM = H1;
        H2 = h2;
      } else {
        M = cons(h2, M);
      }
      continue;
    }
    if (T2 === NIL) return reverseOnto(T1, cons(H1, M));
    throw noClause;
  }
}

function rumerge2_1(T1: unknown, T2: Cell, M: Cell, H2: unknown): Cell {
  return rumerge2(1, T1, T2, M, H2, undefined, undefined);
}

function rumerge2_2(T1: Cell, T2: Cell, M: Cell, H2M: unknown, H1: unknown): Cell {
  return rumerge2(2, T1, T2, M, undefined, H2M, H1);
}

/** State 1: `rumerge2_1(T1, T2, M, H2)`; state 2: `rumerge2_2(T1, T2, M, H2M, H1)`. */
function rumerge2(
  state: 1 | 2,
  T1: unknown,
  T2: Cell,
  M: Cell,
  H2: unknown,
  H2M: unknown,
  H1: unknown,
): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (le(h1, H2)) {
          state = 2;
          H2M = H2;
          H1 = h1;
        } else {
          M = cons(h1, M);
        }
        continue;
      }
      if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
      throw noClause;
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (le(H1, h2)) {
        M = cons(H2M, M);
        H2M = h2;
      } else {
        M = eq(H1, H2M) ? cons(H1, M) : cons(H1, cons(H2M, M));
        state = 1;
        H2 = h2;
      }
      continue;
    }
    if (eq(H1, H2M)) return reverseOnto(T1 as Cell, cons(H1, M));
    return reverseOnto(T1 as Cell, cons(H1, cons(H2M, M)));
  }
}

/** `umerge(L1, T2)`. */
export function umerge(L1: unknown, T2: unknown): unknown {
  if (L1 === NIL) return T2;
  if (c(L1)) return reverseOnto(run(umerge2_2(L1.t, T2, NIL, L1.h)) as Cell, NIL);
  throw noClause;
}

/** `rumerge(T1, L2)`. */
export function rumerge(T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (c(L2)) return reverseOnto(run(rumerge2_1(T1, L2.t, NIL, L2.h)) as Cell, NIL);
  throw noClause;
}

// ---------------------------------------------------------------------------
// umerge3/3, rumerge3/3

function umerge3_1(
  T1: unknown,
  HdM: unknown,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3: unknown,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (le(H1, H2)) return tail(umerge3_12, T1.t, H1, T2, H2, M, T3, H3, HdM);
    if (eq(H2, HdM)) return tail(umerge3_2, T1.t, H1, T2, H2, M, T3, H3);
    return tail(umerge3_21, T1.t, H1, T2, H2, M, T3, H3, HdM);
  }
  if (T1 === NIL) {
    if (eq(H2, HdM)) return tail(umerge2_1, T2, T3, M, HdM, H3);
    if (le(H2, H3)) return tail(umerge2_1, T2, T3, cons(H2, M), H2, H3);
    if (eq(H3, HdM)) return tail(umerge2_2, T2, T3, M, H2);
    return tail(umerge2_2, T2, T3, cons(H3, M), H2);
  }
  throw noClause;
}

function umerge3_2(T1: Cell, H1: unknown, T2: Cell, HdM: unknown, M: Cell, T3: Cell, H3: unknown): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (le(H1, H2)) return tail(umerge3_12, T1, H1, T2.t, H2, M, T3, H3, HdM);
    return tail(umerge3_21, T1, H1, T2.t, H2, M, T3, H3, HdM);
  }
  if (le(H1, H3)) return tail(umerge2_1, T1, T3, cons(H1, M), H1, H3);
  if (eq(H3, HdM)) return tail(umerge2_2, T1, T3, M, H1);
  return tail(umerge2_2, T1, T3, cons(H3, M), H1);
}

function umerge3_12(
  T1: Cell,
  H1: unknown,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3: unknown,
  HdM: unknown,
): unknown {
  if (le(H1, H3)) return tail(umerge3_1, T1, H1, T2, H2, cons(H1, M), T3, H3);
  if (eq(H3, HdM)) return tail(umerge3_12_3, T1, H1, T2, H2, M, T3);
  return tail(umerge3_12_3, T1, H1, T2, H2, cons(H3, M), T3);
}

function umerge3_12_3(T1: Cell, H1: unknown, T2: Cell, H2: unknown, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H1, H3)) return tail(umerge3_1, T1, H1, T2, H2, cons(H1, M), T3.t, H3);
    return tail(umerge3_12_3, T1, H1, T2, H2, cons(H3, M), T3.t);
  }
  return tail(umerge2_1, T1, T2, cons(H1, M), H1, H2);
}

function umerge3_21(
  T1: Cell,
  H1: unknown,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3: unknown,
  HdM: unknown,
): unknown {
  if (le(H2, H3)) return tail(umerge3_2, T1, H1, T2, H2, cons(H2, M), T3, H3);
  if (eq(H3, HdM)) return tail(umerge3_21_3, T1, H1, T2, H2, M, T3);
  return tail(umerge3_21_3, T1, H1, T2, H2, cons(H3, M), T3);
}

function umerge3_21_3(T1: Cell, H1: unknown, T2: Cell, H2: unknown, M: Cell, T3: Cell): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H2, H3)) return tail(umerge3_2, T1, H1, T2, H2, cons(H2, M), T3.t, H3);
    return tail(umerge3_21_3, T1, H1, T2, H2, cons(H3, M), T3.t);
  }
  return tail(umerge2_2, T1, T2, cons(H2, M), H1);
}

function rumerge3_1(T1: unknown, T2: Cell, H2: unknown, M: Cell, T3: Cell, H3: unknown): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (le(H1, H2)) return tail(rumerge3_12a, T1.t, H1, T2, H2, M, T3, H3);
    if (le(H1, H3)) return tail(rumerge3_21_3, T1.t, T2, H2, M, T3, H3, H1);
    return tail(rumerge3_1, T1.t, T2, H2, cons(H1, M), T3, H3);
  }
  if (T1 === NIL) {
    if (le(H2, H3)) return tail(rumerge2_2, T2, T3, M, H3, H2);
    return tail(rumerge2_1, T2, T3, cons(H2, M), H3);
  }
  throw noClause;
}

function rumerge3_12a(T1: Cell, H1: unknown, T2: Cell, H2: unknown, M: Cell, T3: Cell, H3: unknown): unknown {
  if (le(H2, H3)) return tail(rumerge3_12_3, T1, T2, H2, M, T3, H3, H1);
  return tail(rumerge3_2, T1, T2, H2, M, T3, H3, H1);
}

function rumerge3_2(T1: Cell, T2: Cell, H2M: unknown, M: Cell, T3: Cell, H3: unknown, H1: unknown): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (le(H1, H2)) return tail(rumerge3_12b, T1, H1, T2.t, H2, M, T3, H3, H2M);
    if (eq(H1, H2M)) return tail(rumerge3_1, T1, T2.t, H2, cons(H1, M), T3, H3);
    if (le(H1, H3)) return tail(rumerge3_21_3, T1, T2.t, H2, cons(H2M, M), T3, H3, H1);
    return tail(rumerge3_1, T1, T2.t, H2, cons(H1, cons(H2M, M)), T3, H3);
  }
  if (eq(H1, H2M)) return tail(rumerge2_1, T1, T3, cons(H1, M), H3);
  if (le(H1, H3)) return tail(rumerge2_2, T1, T3, cons(H2M, M), H3, H1);
  return tail(rumerge2_1, T1, T3, cons(H1, cons(H2M, M)), H3);
}

function rumerge3_12b(
  T1: Cell,
  H1: unknown,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3: unknown,
  H2M: unknown,
): unknown {
  if (le(H2, H3)) return tail(rumerge3_12_3, T1, T2, H2, cons(H2M, M), T3, H3, H1);
  return tail(rumerge3_2, T1, T2, H2, cons(H2M, M), T3, H3, H1);
}

function rumerge3_12_3(
  T1: Cell,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3M: unknown,
  H1: unknown,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H2, H3)) return tail(rumerge3_12_3, T1, T2, H2, cons(H3M, M), T3.t, H3, H1);
    if (eq(H2, H3M)) return tail(rumerge3_2, T1, T2, H2, M, T3.t, H3, H1);
    return tail(rumerge3_2, T1, T2, H2, cons(H3M, M), T3.t, H3, H1);
  }
  if (eq(H2, H3M)) return tail(rumerge2_2, T1, T2, M, H2, H1);
  return tail(rumerge2_2, T1, T2, cons(H3M, M), H2, H1);
}

function rumerge3_21_3(
  T1: Cell,
  T2: Cell,
  H2: unknown,
  M: Cell,
  T3: Cell,
  H3M: unknown,
  H1: unknown,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    if (le(H1, H3)) return tail(rumerge3_21_3, T1, T2, H2, cons(H3M, M), T3.t, H3, H1);
    if (eq(H1, H3M)) return tail(rumerge3_1, T1, T2, H2, cons(H1, M), T3.t, H3);
    return tail(rumerge3_1, T1, T2, H2, cons(H1, cons(H3M, M)), T3.t, H3);
  }
  if (eq(H1, H3M)) return tail(rumerge2_1, T1, T2, cons(H1, M), H2);
  return tail(rumerge2_1, T1, T2, cons(H1, cons(H3M, M)), H2);
}

/** `umerge3(L1, L2, L3)`. */
export function umerge3(L1: unknown, L2: unknown, L3: unknown): unknown {
  if (L2 === NIL) return umerge(L1, L3);
  if (L3 === NIL) return umerge(L1, L2);
  if (c(L2) && c(L3)) {
    const step = umerge3_1(L1, firstHdM(L2.h, L3.h), L2.t, L2.h, NIL, L3.t, L3.h);
    return reverseOnto(run(step) as Cell, NIL);
  }
  throw noClause;
}

/** `rumerge3(L1, L2, L3)`. */
export function rumerge3(L1: unknown, L2: unknown, L3: unknown): unknown {
  if (L2 === NIL) return rumerge(L1, L3);
  if (L3 === NIL) return rumerge(L1, L2);
  if (c(L2) && c(L3)) return reverseOnto(run(rumerge3_1(L1, L2.t, L2.h, NIL, L3.t, L3.h)) as Cell, NIL);
  throw noClause;
}

// ---------------------------------------------------------------------------
// umerge/1

export type Order = 'asc' | 'desc';

export function umergel(L: unknown, Acc: Cell, O: Order): unknown {
  const { items, rest } = take(L, 3);
  const [A, B, C] = items;
  // umergel([[] | L], Acc, O)
  if (items.length >= 1 && A === NIL) return tail(umergel, (L as Cons).t, Acc, O);
  if (items.length === 3 && O === 'asc' && c(B) && c(C)) {
    const merged = run(umerge3_1(A, firstHdM(B.h, C.h), B.t, B.h, NIL, C.t, C.h));
    return tail(umergel, rest, cons(merged, Acc), O);
  }
  if (items.length === 3 && O === 'desc' && c(A) && c(B)) {
    const merged = run(umerge3_1(C, firstHdM(B.h, A.h), B.t, B.h, NIL, A.t, A.h));
    return tail(umergel, rest, cons(merged, Acc), O);
  }
  // umergel([A, [] | L], Acc, O)
  if (items.length >= 2 && B === NIL) return tail(umergel, cons(A, ((L as Cons).t as Cons).t), Acc, O);
  // umergel([A, B, [] | L], Acc, O)
  if (items.length === 3 && C === NIL) return tail(umergel, cons(A, cons(B, rest as Cell)), Acc, O);
  if (items.length >= 2 && O === 'asc' && c(A)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(umergel, after2, cons(run(umerge2_2(A.t, B, NIL, A.h)), Acc), O);
  }
  if (items.length >= 2 && O === 'desc' && c(B)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(umergel, after2, cons(run(umerge2_2(B.t, A, NIL, B.h)), Acc), O);
  }
  if (items.length === 1 && rest === NIL) {
    if (Acc === NIL) return A;
    return tail(rumergel, cons(reverseBif(A, NIL), Acc), NIL, O);
  }
  if (L === NIL) return Acc === NIL ? NIL : tail(rumergel, Acc, NIL, O);
  throw noClause;
}

export function rumergel(L: unknown, Acc: Cell, O: Order): unknown {
  const { items, rest } = take(L, 3);
  const [A, B, C] = items;
  if (items.length === 3 && O === 'asc' && c(A) && c(B)) {
    return tail(rumergel, rest, cons(run(rumerge3_1(C, B.t, B.h, NIL, A.t, A.h)), Acc), O);
  }
  if (items.length === 3 && O === 'desc' && c(B) && c(C)) {
    return tail(rumergel, rest, cons(run(rumerge3_1(A, B.t, B.h, NIL, C.t, C.h)), Acc), O);
  }
  if (items.length >= 2 && O === 'asc' && c(A)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(rumergel, after2, cons(run(rumerge2_1(B, A.t, NIL, A.h)), Acc), O);
  }
  if (items.length >= 2 && O === 'desc' && c(B)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(rumergel, after2, cons(run(rumerge2_1(A, B.t, NIL, B.h)), Acc), O);
  }
  if (items.length === 1 && rest === NIL) return tail(umergel, cons(reverseBif(A, NIL), Acc), NIL, O);
  if (L === NIL) return tail(umergel, Acc, NIL, O);
  throw noClause;
}

// ---------------------------------------------------------------------------
// keymerge/3, rkeymerge/3, ukeymerge/3, rukeymerge/3: the same merges on the Ith elements.

const KEYMERGE = 'lists:keymerge/3';

export function keymerge2_1(I: number, T1: unknown, E2: unknown, H2: unknown, T2: Cell, M: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = element(KEYMERGE, I, H1);
    if (le(E1, E2)) return tail(keymerge2_1, I, T1.t, E2, H2, T2, cons(H1, M));
    return tail(keymerge2_2, I, T1.t, E1, H2, T2, M, H1);
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

export function keymerge2_2(
  I: number,
  T1: Cell,
  E1: unknown,
  HdM: unknown,
  T2: Cell,
  M: Cell,
  H1: unknown,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = element(KEYMERGE, I, H2);
    if (le(E1, E2)) return tail(keymerge2_1, I, T1, E2, H2, T2.t, cons(H1, cons(HdM, M)));
    return tail(keymerge2_2, I, T1, E1, H2, T2.t, cons(HdM, M), H1);
  }
  return reverseOnto(T1, cons(H1, cons(HdM, M)));
}

export function rkeymerge2_1(I: number, T1: unknown, E2: unknown, H2: unknown, T2: Cell, M: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = element('lists:rkeymerge/3', I, H1);
    if (le(E1, E2)) return tail(rkeymerge2_2, I, E1, T1.t, H2, T2, M, H1);
    return tail(rkeymerge2_1, I, T1.t, E2, H2, T2, cons(H1, M));
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

export function rkeymerge2_2(
  I: number,
  E1: unknown,
  T1: Cell,
  HdM: unknown,
  T2: Cell,
  M: Cell,
  H1: unknown,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = element('lists:rkeymerge/3', I, H2);
    if (le(E1, E2)) return tail(rkeymerge2_2, I, E1, T1, H2, T2.t, cons(HdM, M), H1);
    return tail(rkeymerge2_1, I, T1, E2, H2, T2.t, cons(H1, cons(HdM, M)));
  }
  return reverseOnto(T1, cons(H1, cons(HdM, M)));
}

export function ukeymerge2_1(
  I: number,
  T1: Cell,
  E2: unknown,
  HdM: unknown,
  T2: Cell,
  M: Cell,
  H2: unknown,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = element('lists:ukeymerge/3', I, H1);
    if (le(E1, E2)) return tail(ukeymerge2_1, I, T1.t, E2, E1, T2, cons(H1, M), H2);
    if (eq(E2, HdM)) return tail(ukeymerge2_2, I, T1.t, E1, H1, T2, M);
    return tail(ukeymerge2_2, I, T1.t, E1, H1, T2, cons(H2, M));
  }
  if (eq(E2, HdM)) return reverseOnto(T2, M);
  return reverseOnto(T2, cons(H2, M));
}

export function ukeymerge2_2(I: number, T1: Cell, E1: unknown, H1: unknown, T2: unknown, M: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = element('lists:ukeymerge/3', I, H2);
    if (le(E1, E2)) return tail(ukeymerge2_1, I, T1, E2, E1, T2.t, cons(H1, M), H2);
    return tail(ukeymerge2_2, I, T1, E1, H1, T2.t, cons(H2, M));
  }
  if (T2 === NIL) return reverseOnto(T1, cons(H1, M));
  throw noClause;
}

export function rukeymerge2_1(I: number, T1: unknown, E2: unknown, T2: Cell, M: Cell, H2: unknown): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = element('lists:rukeymerge/3', I, H1);
    if (le(E1, E2)) return tail(rukeymerge2_2, I, T1.t, E1, T2, M, E2, H2, H1);
    return tail(rukeymerge2_1, I, T1.t, E2, T2, cons(H1, M), H2);
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

export function rukeymerge2_2(
  I: number,
  T1: Cell,
  E1: unknown,
  T2: Cell,
  M: Cell,
  E2M: unknown,
  H2M: unknown,
  H1: unknown,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = element('lists:rukeymerge/3', I, H2);
    if (le(E1, E2)) return tail(rukeymerge2_2, I, T1, E1, T2.t, cons(H2M, M), E2, H2, H1);
    if (eq(E1, E2M)) return tail(rukeymerge2_1, I, T1, E2, T2.t, cons(H1, M), H2);
    return tail(rukeymerge2_1, I, T1, E2, T2.t, cons(H1, cons(H2M, M)), H2);
  }
  if (eq(E1, E2M)) return reverseOnto(T1, cons(H1, M));
  return reverseOnto(T1, cons(H1, cons(H2M, M)));
}

/** `keymerge(I, T1, L2)` once `I` passed its guard. */
export function keymerge(I: number, T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (!c(L2)) return caseClause('lists:keymerge/3', L2);
  const E2 = element(KEYMERGE, I, L2.h);
  return reverseOnto(run(keymerge2_1(I, T1, E2, L2.h, L2.t, NIL)) as Cell, NIL);
}

/** `rkeymerge(I, T1, L2)`. */
export function rkeymerge(I: number, T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (!c(L2)) return caseClause('lists:rkeymerge/3', L2);
  const E2 = element('lists:rkeymerge/3', I, L2.h);
  return reverseOnto(run(rkeymerge2_1(I, T1, E2, L2.h, L2.t, NIL)) as Cell, NIL);
}

/** `ukeymerge(I, L1, T2)`. */
export function ukeymerge(I: number, L1: unknown, T2: unknown): unknown {
  if (L1 === NIL) return T2;
  if (!c(L1)) return caseClause('lists:ukeymerge/3', L1);
  const E1 = element('lists:ukeymerge/3', I, L1.h);
  return reverseOnto(run(ukeymerge2_2(I, L1.t, E1, L1.h, T2, NIL)) as Cell, NIL);
}

/** `rukeymerge(I, T1, L2)`. */
export function rukeymerge(I: number, T1: unknown, L2: unknown): unknown {
  if (L2 === NIL) return T1;
  if (!c(L2)) return caseClause('lists:rukeymerge/3', L2);
  const E2 = element('lists:rukeymerge/3', I, L2.h);
  return reverseOnto(run(rukeymerge2_1(I, T1, E2, L2.t, NIL, L2.h)) as Cell, NIL);
}
