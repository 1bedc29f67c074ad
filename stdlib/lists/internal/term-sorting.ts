/**
 * OTP 25's sort/1 and usort/1, ported clause for clause from lists.erl (see cells.ts), for the
 * inputs where a plain stable sort would not give OTP's answer.
 *
 * Why both: in term order `1 == 1.0` but `1 =/= 1.0`, and OTP's sort/1 is not stable for such
 * elements (it moves them by its natural merge sort, which sees them as equal), nor does
 * usort/1 always keep the first of them. JS numbers have no `1.0`, but a float past 2^53 and a
 * bigint of the same value are such a pair, and so are tuples and lists that hold them. Such
 * pairs are rare, so sorting.ts sorts with the engine's stable sort and checks the result: when
 * no two neighbours compare equal without being `=:=`, every correct sort gives that list and
 * it is OTP's; otherwise it runs these ports.
 *
 * The split functions cut the input into ascending runs (split_1, usplit_1) or descending ones
 * (split_2, usplit_2); mergel/rmergel and umergel/rumergel (merging.ts) merge the runs.
 */
import { Cons, NIL, cons, reverseOnto, run, tail, type Cell } from './cells.js';
import { eq, le, lt } from './clauses.js';
import { mergel, rmergel, rumergel, umergel } from './merging.js';

const c = (x: unknown): x is Cons => x instanceof Cons;
const ge = (a: unknown, b: unknown): boolean => le(b, a);
const gt = (a: unknown, b: unknown): boolean => lt(b, a);

/** `[A, B, C]` as cells. */
function three(a: unknown, b: unknown, d: unknown): Cell {
  return cons(a, cons(b, cons(d, NIL)));
}

// ---------------------------------------------------------------------------
// sort/1

/** `sort(L0)` of cells: OTP's first clauses, which settle lists of up to three at once. */
export function sort(L0: Cell): Cell {
  if (!c(L0) || !c(L0.t)) return L0;
  const X = L0.h;
  const Y = L0.t.h;
  const L = L0.t.t;
  if (le(X, Y)) {
    if (L === NIL) return L0;
    if (c(L) && L.t === NIL) {
      const Z = L.h;
      if (le(Y, Z)) return L0;
      if (le(X, Z)) return three(X, Z, Y);
      return three(Z, X, Y);
    }
    if (eq(X, Y)) return run(sort_1(Y, L, cons(X, NIL))) as Cell;
    return run(split_1(X, Y, L, NIL, NIL)) as Cell;
  }
  if (L === NIL) return cons(Y, cons(X, NIL));
  if (c(L) && L.t === NIL) {
    const Z = L.h;
    if (le(X, Z)) return cons(Y, cons(X, L));
    if (le(Y, Z)) return three(Y, Z, X);
    return three(Z, Y, X);
  }
  return run(split_2(X, Y, L, NIL, NIL)) as Cell;
}

function sort_1(X: unknown, L: Cell, R: Cell): unknown {
  if (c(L)) {
    const Y = L.h;
    if (eq(X, Y)) return tail(sort_1, Y, L.t, cons(X, R));
    if (lt(X, Y)) return tail(split_1, X, Y, L.t, R, NIL);
    return tail(split_2, X, Y, L.t, R, NIL);
  }
  return reverseOnto(R, cons(X, NIL));
}

function split_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (ge(Z, Y)) return tail(split_1, Y, Z, L.t, cons(X, R), Rs);
    if (ge(Z, X)) return tail(split_1, Z, Y, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(split_1, X, Y, L.t, cons(Z, NIL), Rs);
    return tail(split_1_1, X, Y, L.t, R, Rs, Z);
  }
  return tail(rmergel, cons(cons(Y, cons(X, R)), Rs), NIL);
}

function split_1_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (ge(Z, Y)) return tail(split_1_1, Y, Z, L.t, cons(X, R), Rs, S);
    if (ge(Z, X)) return tail(split_1_1, Z, Y, L.t, cons(X, R), Rs, S);
    if (le(S, Z)) return tail(split_1, S, Z, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    return tail(split_1, Z, S, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(rmergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL);
}

function split_2(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (le(Z, Y)) return tail(split_2, Y, Z, L.t, cons(X, R), Rs);
    if (le(Z, X)) return tail(split_2, Z, Y, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(split_2, X, Y, L.t, cons(Z, NIL), Rs);
    return tail(split_2_1, X, Y, L.t, R, Rs, Z);
  }
  return tail(mergel, cons(cons(Y, cons(X, R)), Rs), NIL);
}

function split_2_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (le(Z, Y)) return tail(split_2_1, Y, Z, L.t, cons(X, R), Rs, S);
    if (le(Z, X)) return tail(split_2_1, Z, Y, L.t, cons(X, R), Rs, S);
    if (gt(S, Z)) return tail(split_2, S, Z, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    return tail(split_2, Z, S, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(mergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL);
}

// ---------------------------------------------------------------------------
// usort/1

/** `usort(L0)` of cells. */
export function usort(L0: Cell): Cell {
  if (!c(L0) || !c(L0.t)) return L0;
  const X = L0.h;
  const Y = L0.t.h;
  const L = L0.t.t;
  const single = c(L) && L.t === NIL;
  if (lt(X, Y)) {
    if (L === NIL) return L0;
    if (single) {
      const Z = L.h;
      if (lt(Y, Z)) return L0;
      if (eq(Y, Z)) return cons(X, cons(Y, NIL));
      if (lt(Z, X)) return three(Z, X, Y);
      if (eq(Z, X)) return cons(X, cons(Y, NIL));
      return three(X, Z, Y);
    }
    return run(usplit_1(X, Y, L, NIL, NIL)) as Cell;
  }
  if (gt(X, Y)) {
    if (L === NIL) return cons(Y, cons(X, NIL));
    if (single) {
      const Z = L.h;
      if (lt(X, Z)) return cons(Y, cons(X, L));
      if (eq(X, Z)) return cons(Y, cons(X, NIL));
      if (lt(Z, Y)) return three(Z, Y, X);
      if (eq(Z, Y)) return cons(Y, cons(X, NIL));
      return three(Y, Z, X);
    }
    return run(usplit_2(X, Y, L, NIL, NIL)) as Cell;
  }
  return run(usort_1(X, L)) as Cell;
}

function usort_1(X: unknown, L: Cell): unknown {
  if (c(L)) {
    const Y = L.h;
    if (eq(X, Y)) return tail(usort_1, X, L.t);
    if (lt(X, Y)) return tail(usplit_1, X, Y, L.t, NIL, NIL);
    return tail(usplit_2, X, Y, L.t, NIL, NIL);
  }
  return cons(X, NIL);
}

function usplit_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (gt(Z, Y)) return tail(usplit_1, Y, Z, L.t, cons(X, R), Rs);
    if (eq(Z, Y)) return tail(usplit_1, X, Y, L.t, R, Rs);
    if (gt(Z, X)) return tail(usplit_1, Z, Y, L.t, cons(X, R), Rs);
    if (eq(Z, X)) return tail(usplit_1, X, Y, L.t, R, Rs);
    if (R === NIL) return tail(usplit_1, X, Y, L.t, cons(Z, NIL), Rs);
    return tail(usplit_1_1, X, Y, L.t, R, Rs, Z);
  }
  return tail(rumergel, cons(cons(Y, cons(X, R)), Rs), NIL, 'asc');
}

function usplit_1_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (gt(Z, Y)) return tail(usplit_1_1, Y, Z, L.t, cons(X, R), Rs, S);
    if (eq(Z, Y)) return tail(usplit_1_1, X, Y, L.t, R, Rs, S);
    if (gt(Z, X)) return tail(usplit_1_1, Z, Y, L.t, cons(X, R), Rs, S);
    if (eq(Z, X)) return tail(usplit_1_1, X, Y, L.t, R, Rs, S);
    if (gt(Z, S)) return tail(usplit_1, S, Z, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    if (eq(Z, S)) return tail(usplit_1_1, X, Y, L.t, R, Rs, S);
    return tail(usplit_1, Z, S, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(rumergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, 'asc');
}

function usplit_2(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    if (lt(Z, Y)) return tail(usplit_2, Y, Z, L.t, cons(X, R), Rs);
    if (eq(Z, Y)) return tail(usplit_2, X, Y, L.t, R, Rs);
    if (lt(Z, X)) return tail(usplit_2, Z, Y, L.t, cons(X, R), Rs);
    if (eq(Z, X)) return tail(usplit_2, X, Y, L.t, R, Rs);
    if (R === NIL) return tail(usplit_2, X, Y, L.t, cons(Z, NIL), Rs);
    return tail(usplit_2_1, X, Y, L.t, R, Rs, Z);
  }
  return tail(umergel, cons(cons(Y, cons(X, R)), Rs), NIL, 'desc');
}

function usplit_2_1(X: unknown, Y: unknown, L: Cell, R: Cell, Rs: Cell, S: unknown): unknown {
  if (c(L)) {
    const Z = L.h;
    if (lt(Z, Y)) return tail(usplit_2_1, Y, Z, L.t, cons(X, R), Rs, S);
    if (eq(Z, Y)) return tail(usplit_2_1, X, Y, L.t, R, Rs, S);
    if (lt(Z, X)) return tail(usplit_2_1, Z, Y, L.t, cons(X, R), Rs, S);
    if (eq(Z, X)) return tail(usplit_2_1, X, Y, L.t, R, Rs, S);
    if (lt(Z, S)) return tail(usplit_2, S, Z, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    if (eq(Z, S)) return tail(usplit_2_1, X, Y, L.t, R, Rs, S);
    return tail(usplit_2, Z, S, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(umergel, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, 'desc');
}
