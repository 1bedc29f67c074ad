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

export function fmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (Fun(H1, H2)) return tail(fmerge2_1, T1.t, H2, Fun, T2, cons(H1, M));
    return tail(fmerge2_2, H1, T1.t, Fun, T2, cons(H2, M));
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

function fmerge2_2(H1: unknown, T1: Cell, Fun: Le, T2: Cell, M: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (Fun(H1, H2)) return tail(fmerge2_1, T1, H2, Fun, T2.t, cons(H1, M));
    return tail(fmerge2_2, H1, T1, Fun, T2.t, cons(H2, M));
  }
  return reverseOnto(T1, cons(H1, M));
}

export function rfmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (Fun(H1, H2)) return tail(rfmerge2_2, H1, T1.t, Fun, T2, cons(H2, M));
    return tail(rfmerge2_1, T1.t, H2, Fun, T2, cons(H1, M));
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

function rfmerge2_2(H1: unknown, T1: Cell, Fun: Le, T2: Cell, M: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (Fun(H1, H2)) return tail(rfmerge2_2, H1, T1, Fun, T2.t, cons(H2, M));
    return tail(rfmerge2_1, T1, H2, Fun, T2.t, cons(H1, M));
  }
  return reverseOnto(T1, cons(H1, M));
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

function ufmerge2_1(T1: Cell, H2: unknown, Fun: Le, T2: Cell, M: Cell, HdM: unknown): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (Fun(H1, H2)) return tail(ufmerge2_1, T1.t, H2, Fun, T2, cons(H1, M), H1);
    if (Fun(H2, HdM)) return tail(ufmerge2_2, H1, T1.t, Fun, T2, M);
    return tail(ufmerge2_2, H1, T1.t, Fun, T2, cons(H2, M));
  }
  if (Fun(H2, HdM)) return reverseOnto(T2, M);
  return reverseOnto(T2, cons(H2, M));
}

export function ufmerge2_2(H1: unknown, T1: Cell, Fun: Le, T2: unknown, M: Cell): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (Fun(H1, H2)) return tail(ufmerge2_1, T1, H2, Fun, T2.t, cons(H1, M), H1);
    return tail(ufmerge2_2, H1, T1, Fun, T2.t, cons(H2, M));
  }
  if (T2 === NIL) return reverseOnto(T1, cons(H1, M));
  throw noClause;
}

export function rufmerge2_1(T1: unknown, H2: unknown, Fun: Le, T2: Cell, M: Cell): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    if (Fun(H1, H2)) return tail(rufmerge2_2, H1, T1.t, Fun, T2, M, H2);
    return tail(rufmerge2_1, T1.t, H2, Fun, T2, cons(H1, M));
  }
  if (T1 === NIL) return reverseOnto(T2, cons(H2, M));
  throw noClause;
}

function rufmerge2_2(H1: unknown, T1: Cell, Fun: Le, T2: Cell, M: Cell, H2M: unknown): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    if (Fun(H1, H2)) return tail(rufmerge2_2, H1, T1, Fun, T2.t, cons(H2M, M), H2);
    if (Fun(H2M, H1)) return tail(rufmerge2_1, T1, H2, Fun, T2.t, cons(H1, M));
    return tail(rufmerge2_1, T1, H2, Fun, T2.t, cons(H1, cons(H2M, M)));
  }
  if (Fun(H2M, H1)) return reverseOnto(T1, cons(H1, M));
  return reverseOnto(T1, cons(H1, cons(H2M, M)));
}
