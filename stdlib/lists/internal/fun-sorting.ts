/**
 * OTP 25's sorts and merges under an ordering fun, ported clause for clause from lists.erl:
 * sort/2, usort/2, merge/3, umerge/3 and the reversed merges rmerge/3 and rumerge/3 (see
 * cells.ts for why over cons cells and tail calls).
 *
 * A port rather than `Array.prototype.sort`, because the result of a fun that is not an
 * ordering depends on the algorithm: `lists:sort(fun(A, B) -> A > B end, L)` (a strict order,
 * a common way to sort descending) leaves equal elements in an order that only OTP's own
 * natural merge sort gives. The split functions cut the input into ascending runs (fsplit_1)
 * or descending ones (fsplit_2), and fmergel/rfmergel merge the runs pairwise, each pass
 * reversing their direction.
 *
 * `Fun` here is the user's fun already wrapped: it returns a JS boolean, and raises
 * `{badfun, F}` or `{case_clause, V}` as OTP does when the fun is not a fun or returns
 * neither `true` nor `false`.
 */
import { Cons, NIL, cons, reverseOnto, run, tail, noClause, type Cell } from './cells.js';

/** The ordering fun: `Fun(A, B)` is true when A sorts before or with B. */
export type Le = (a: unknown, b: unknown) => boolean;

const c = (x: unknown): x is Cons => x instanceof Cons;

// ---------------------------------------------------------------------------
// sort/2

/** `sort(Fun, [X, Y | T])`, the clause that sorts (the others return the list as it is). */
export function sort2(Fun: Le, X: unknown, Y: unknown, T: Cell): unknown {
  if (Fun(X, Y)) return run(fsplit_1(Y, X, Fun, T, NIL, NIL));
  return run(fsplit_2(Y, X, Fun, T, NIL, NIL));
}

function fsplit_1(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (Fun(Y, Z)) return tail(fsplit_1, Z, Y, Fun, L.t, cons(X, R), Rs);
    if (Fun(X, Z)) return tail(fsplit_1, Y, Z, Fun, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(fsplit_1, Y, X, Fun, L.t, cons(Z, NIL), Rs);
    return tail(fsplit_1_1, Y, X, Fun, L.t, R, Rs, Z);
  }
  return tail(rfmergel, cons(cons(Y, cons(X, R)), Rs), NIL, Fun, 'asc');
}

function fsplit_1_1(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (Fun(Y, Z)) return tail(fsplit_1_1, Z, Y, Fun, L.t, cons(X, R), Rs, S);
    if (Fun(X, Z)) return tail(fsplit_1_1, Y, Z, Fun, L.t, cons(X, R), Rs, S);
    const run_ = cons(Y, cons(X, R));
    if (Fun(S, Z)) return tail(fsplit_1, Z, S, Fun, L.t, NIL, cons(run_, Rs));
    return tail(fsplit_1, S, Z, Fun, L.t, NIL, cons(run_, Rs));
  }
  return tail(rfmergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, Fun, 'asc');
}

function fsplit_2(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (!Fun(Y, Z)) return tail(fsplit_2, Z, Y, Fun, L.t, cons(X, R), Rs);
    if (!Fun(X, Z)) return tail(fsplit_2, Y, Z, Fun, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(fsplit_2, Y, X, Fun, L.t, cons(Z, NIL), Rs);
    return tail(fsplit_2_1, Y, X, Fun, L.t, R, Rs, Z);
  }
  return tail(fmergel, cons(cons(Y, cons(X, R)), Rs), NIL, Fun, 'desc');
}

function fsplit_2_1(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (!Fun(Y, Z)) return tail(fsplit_2_1, Z, Y, Fun, L.t, cons(X, R), Rs, S);
    if (!Fun(X, Z)) return tail(fsplit_2_1, Y, Z, Fun, L.t, cons(X, R), Rs, S);
    const run_ = cons(Y, cons(X, R));
    if (!Fun(S, Z)) return tail(fsplit_2, Z, S, Fun, L.t, NIL, cons(run_, Rs));
    return tail(fsplit_2, S, Z, Fun, L.t, NIL, cons(run_, Rs));
  }
  return tail(fmergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, Fun, 'desc');
}

type Order = 'asc' | 'desc';

function fmergel(L: Cell, Acc: Cell, Fun: Le, O: Order): unknown {
  if (c(L) && c(L.t)) {
    const A = L.h;
    const B = L.t.h;
    // fmergel([T1, [H2 | T2] | L], Acc, Fun, asc)
    if (O === 'asc' && c(B)) {
      return tail(fmergel, L.t.t, cons(run(fmerge2_1(A as Cell, B.h, Fun, B.t, NIL)), Acc), Fun, O);
    }
    // fmergel([[H2 | T2], T1 | L], Acc, Fun, desc)
    if (O === 'desc' && c(A)) {
      return tail(fmergel, L.t.t, cons(run(fmerge2_1(B as Cell, A.h, Fun, A.t, NIL)), Acc), Fun, O);
    }
  }
  if (c(L) && L.t === NIL) {
    if (Acc === NIL) return L.h;
    return tail(rfmergel, cons(reverseOnto(L.h as Cell, NIL), Acc), NIL, Fun, O);
  }
  if (L === NIL) return tail(rfmergel, Acc, NIL, Fun, O);
  throw noClause;
}

function rfmergel(L: Cell, Acc: Cell, Fun: Le, O: Order): unknown {
  if (c(L) && c(L.t)) {
    const A = L.h;
    const B = L.t.h;
    // rfmergel([[H2 | T2], T1 | L], Acc, Fun, asc)
    if (O === 'asc' && c(A)) {
      return tail(rfmergel, L.t.t, cons(run(rfmerge2_1(B as Cell, A.h, Fun, A.t, NIL)), Acc), Fun, O);
    }
    // rfmergel([T1, [H2 | T2] | L], Acc, Fun, desc)
    if (O === 'desc' && c(B)) {
      return tail(rfmergel, L.t.t, cons(run(rfmerge2_1(A as Cell, B.h, Fun, B.t, NIL)), Acc), Fun, O);
    }
  }
  if (c(L) && L.t === NIL) return tail(fmergel, cons(reverseOnto(L.h as Cell, NIL), Acc), NIL, Fun, O);
  if (L === NIL) return tail(fmergel, Acc, NIL, Fun, O);
  throw noClause;
}

// ---------------------------------------------------------------------------
// merge/3, rmerge/3

// Each pair of merge functions calls each other once per element, so it runs as one loop;
// each branch is one of their clauses.

export function fmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): Cell {
  return fmerge2(1, T1, H2, Fun, T2, M, undefined);
}

/** State 1: `fmerge2_1(T1, H2, Fun, T2, M)`; state 2: `fmerge2_2(H1, T1, Fun, T2, M)`. */
function fmerge2(state: 1 | 2, T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell, H1: unknown): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (Fun(h1, H2)) {
          M = cons(h1, M);
        } else {
          M = cons(H2, M);
          H1 = h1;
          state = 2;
        }
        continue;
      }
      if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
      throw noClause;
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (Fun(H1, h2)) {
        M = cons(H1, M);
        H2 = h2;
        state = 1;
      } else {
        M = cons(h2, M);
      }
      continue;
    }
    return reverseOnto(T1 as Cell, cons(H1, M));
  }
}

export function rfmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): Cell {
  return rfmerge2(1, T1, H2, Fun, T2, M, undefined);
}

/** State 1: `rfmerge2_1(T1, H2, Fun, T2, M)`; state 2: `rfmerge2_2(H1, T1, Fun, T2, M)`. */
function rfmerge2(state: 1 | 2, T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell, H1: unknown): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (Fun(h1, H2)) {
          M = cons(H2, M);
          H1 = h1;
          state = 2;
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
      if (Fun(H1, h2)) {
        M = cons(h2, M);
      } else {
        M = cons(H1, M);
        H2 = h2;
        state = 1;
      }
      continue;
    }
    return reverseOnto(T1 as Cell, cons(H1, M));
  }
}

// ---------------------------------------------------------------------------
// usort/2

/** `usort_1(Fun, X, [Y | L])`: usort/2 of a list of two or more elements. */
export function usort_1(Fun: Le, X: unknown, L0: Cell): unknown {
  let l = L0;
  // usort_1 calling itself while the next element equals X: a loop.
  for (;;) {
    const Y = (l as Cons).h;
    const L = (l as Cons).t;
    if (Fun(X, Y)) {
      if (Fun(Y, X)) {
        if (L === NIL) return cons(X, NIL);
        l = L;
        continue;
      }
      return run(ufsplit_1(Y, X, Fun, L, NIL, NIL));
    }
    return run(ufsplit_2(Y, L, Fun, cons(X, NIL)));
  }
}

function ufsplit_1(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (Fun(Y, Z)) {
      if (Fun(Z, Y)) return tail(ufsplit_1, Y, X, Fun, L.t, R, Rs);
      return tail(ufsplit_1, Z, Y, Fun, L.t, cons(X, R), Rs);
    }
    if (Fun(X, Z)) {
      if (Fun(Z, X)) return tail(ufsplit_1, Y, X, Fun, L.t, R, Rs);
      return tail(ufsplit_1, Y, Z, Fun, L.t, cons(X, R), Rs);
    }
    if (R === NIL) return tail(ufsplit_1, Y, X, Fun, L.t, cons(Z, NIL), Rs);
    return tail(ufsplit_1_1, Y, X, Fun, L.t, R, Rs, Z);
  }
  return tail(rufmergel, cons(cons(Y, cons(X, R)), Rs), NIL, Fun);
}

function ufsplit_1_1(Y: unknown, X: unknown, Fun: Le, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (Fun(Y, Z)) {
      if (Fun(Z, Y)) return tail(ufsplit_1_1, Y, X, Fun, L.t, R, Rs, S);
      return tail(ufsplit_1_1, Z, Y, Fun, L.t, cons(X, R), Rs, S);
    }
    if (Fun(X, Z)) {
      if (Fun(Z, X)) return tail(ufsplit_1_1, Y, X, Fun, L.t, R, Rs, S);
      return tail(ufsplit_1_1, Y, Z, Fun, L.t, cons(X, R), Rs, S);
    }
    if (Fun(S, Z)) {
      if (Fun(Z, S)) return tail(ufsplit_1_1, Y, X, Fun, L.t, R, Rs, S);
      return tail(ufsplit_1, Z, S, Fun, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    }
    return tail(ufsplit_1, S, Z, Fun, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(rufmergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, Fun);
}

function ufsplit_2(Y: unknown, L: Cell, Fun: Le, R: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (Fun(Y, Z)) {
      if (Fun(Z, Y)) return tail(ufsplit_2, Y, L.t, Fun, R);
      return tail(ufsplit_1, Z, Y, Fun, L.t, NIL, cons(reverseOnto(R, NIL), NIL));
    }
    return tail(ufsplit_2, Z, L.t, Fun, cons(Y, R));
  }
  return cons(Y, R);
}

function ufmergel(L: Cell, Acc: Cell, Fun: Le): unknown {
  // ufmergel([[H1 | T1], T2 | L], Acc, Fun)
  if (c(L) && c(L.t) && c(L.h)) {
    const A = L.h;
    return tail(ufmergel, L.t.t, cons(run(ufmerge2_2(A.h, A.t, Fun, L.t.h, NIL)), Acc), Fun);
  }
  if (c(L) && L.t === NIL) {
    if (Acc === NIL) return L.h;
    return tail(rufmergel, cons(reverseOnto(L.h as Cell, NIL), Acc), NIL, Fun);
  }
  if (L === NIL) return tail(rufmergel, Acc, NIL, Fun);
  throw noClause;
}

function rufmergel(L: Cell, Acc: Cell, Fun: Le): unknown {
  // rufmergel([[H2 | T2], T1 | L], Acc, Fun)
  if (c(L) && c(L.t) && c(L.h)) {
    const A = L.h;
    return tail(rufmergel, L.t.t, cons(run(rufmerge2_1(L.t.h, A.h, Fun, A.t, NIL)), Acc), Fun);
  }
  if (c(L) && L.t === NIL) return tail(ufmergel, cons(reverseOnto(L.h as Cell, NIL), Acc), NIL, Fun);
  if (L === NIL) return tail(ufmergel, Acc, NIL, Fun);
  throw noClause;
}

// ---------------------------------------------------------------------------
// umerge/3, rumerge/3

export function ufmerge2_2(H1: unknown, T1: Cell, Fun: Le, T2: unknown, M: Cell): Cell {
  return ufmerge2(2, T1, undefined, Fun, T2, M, undefined, H1);
}

/** State 1: `ufmerge2_1(T1, H2, Fun, T2, M, HdM)`; state 2: `ufmerge2_2(H1, T1, Fun, T2, M)`. */
function ufmerge2(
  state: 1 | 2,
  T1: Cell,
  H2: unknown,
  Fun: Le,
  T2: unknown,
  M: Cell,
  HdM: unknown,
  H1: unknown,
): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (Fun(h1, H2)) {
          M = cons(h1, M);
          HdM = h1;
        } else {
          if (!Fun(H2, HdM)) M = cons(H2, M);
          H1 = h1;
          state = 2;
        }
        continue;
      }
      if (Fun(H2, HdM)) return reverseOnto(T2 as Cell, M);
      return reverseOnto(T2 as Cell, cons(H2, M));
    }
    if (c(T2)) {
      const h2 = T2.h;
      T2 = T2.t;
      if (Fun(H1, h2)) {
        M = cons(H1, M);
        HdM = H1;
        H2 = h2;
        state = 1;
      } else {
        M = cons(h2, M);
      }
      continue;
    }
    if (T2 === NIL) return reverseOnto(T1, cons(H1, M));
    throw noClause;
  }
}

export function rufmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): Cell {
  return rufmerge2(1, T1, H2, Fun, T2, M, undefined, undefined);
}

/** State 1: `rufmerge2_1(T1, H2, Fun, T2, M)`; state 2: `rufmerge2_2(H1, T1, Fun, T2, M, H2M)`. */
function rufmerge2(
  state: 1 | 2,
  T1: unknown,
  H2: unknown,
  Fun: Le,
  T2: Cell,
  M: Cell,
  H1: unknown,
  H2M: unknown,
): Cell {
  for (;;) {
    if (state === 1) {
      if (c(T1)) {
        const h1 = T1.h;
        T1 = T1.t;
        if (Fun(h1, H2)) {
          H1 = h1;
          H2M = H2;
          state = 2;
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
      if (Fun(H1, h2)) {
        M = cons(H2M, M);
        H2M = h2;
      } else {
        M = Fun(H2M, H1) ? cons(H1, M) : cons(H1, cons(H2M, M));
        H2 = h2;
        state = 1;
      }
      continue;
    }
    if (Fun(H2M, H1)) return reverseOnto(T1 as Cell, cons(H1, M));
    return reverseOnto(T1 as Cell, cons(H1, cons(H2M, M)));
  }
}
