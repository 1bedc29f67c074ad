/**
 * OTP 25's keysort/2 and ukeysort/2, ported clause for clause from lists.erl (see cells.ts),
 * for the inputs where a stable sort by key would not give OTP's answer: keys that compare
 * equal without being `=:=` (a float past 2^53 and the bigint of its value), which OTP's
 * natural merge sort may reorder or, in ukeysort, keep the later of. term-sorting.ts says why
 * sorting.ts tries the stable sort first.
 *
 * The `D` arguments OTP threads through its three-way key merges are never read, so they are
 * left out; every other argument keeps its Erlang name and place.
 */
import { Cons, NIL, cons, reverseOnto, run, tail, type Cell } from './cells.js';
import { element, eq, le, lt } from './clauses.js';
import {
  keymerge2_1,
  keymerge2_2,
  rkeymerge2_1,
  rkeymerge2_2,
  rukeymerge2_1,
  rukeymerge2_2,
  ukeymerge2_1,
  ukeymerge2_2,
  type Order,
} from './merging.js';

const c = (x: unknown): x is Cons => x instanceof Cons;
const gt = (a: unknown, b: unknown): boolean => lt(b, a);
const E = (I: number, t: unknown): unknown => element('lists:keysort/2', I, t);

/** A first "last key output" that equals no key (OTP's improper `[H2 | H3]`). */
const noKey = Symbol('no key');

function three(a: unknown, b: unknown, d: unknown): Cell {
  return cons(a, cons(b, cons(d, NIL)));
}

// ---------------------------------------------------------------------------
// keysort/2

/** `keysort(I, L)` of cells, once I passed its guard. */
export function keysort(I: number, L: Cell): Cell {
  if (!c(L) || !c(L.t)) return L;
  const X = L.h;
  const Y = L.t.h;
  const T = L.t.t;
  const EX = E(I, X);
  const EY = E(I, Y);
  if (le(EX, EY)) {
    if (T === NIL) return L;
    if (c(T) && T.t === NIL) {
      const Z = T.h;
      const EZ = E(I, Z);
      if (le(EY, EZ)) return L;
      if (le(EX, EZ)) return three(X, Z, Y);
      return three(Z, X, Y);
    }
    if (eq(X, Y)) return run(keysort_1(I, Y, EY, T, cons(X, NIL))) as Cell;
    return run(keysplit_1(I, X, EX, Y, EY, T, NIL, NIL)) as Cell;
  }
  if (T === NIL) return cons(Y, cons(X, NIL));
  if (c(T) && T.t === NIL) {
    const Z = T.h;
    const EZ = E(I, Z);
    if (le(EX, EZ)) return cons(Y, cons(X, T));
    if (le(EY, EZ)) return three(Y, Z, X);
    return three(Z, Y, X);
  }
  return run(keysplit_2(I, X, EX, Y, EY, T, NIL, NIL)) as Cell;
}

function keysort_1(I: number, X: unknown, EX: unknown, L: Cell, R: Cell): unknown {
  if (c(L)) {
    const Y = L.h;
    if (eq(X, Y)) return tail(keysort_1, I, Y, EX, L.t, cons(X, R));
    const EY = E(I, Y);
    if (le(EX, EY)) return tail(keysplit_1, I, X, EX, Y, EY, L.t, R, NIL);
    return tail(keysplit_2, I, X, EX, Y, EY, L.t, R, NIL);
  }
  return reverseOnto(R, cons(X, NIL));
}

function keysplit_1(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  L: Cell,
  R: Cell,
  Rs: Cell,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (le(EY, EZ)) return tail(keysplit_1, I, Y, EY, Z, EZ, L.t, cons(X, R), Rs);
    if (le(EX, EZ)) return tail(keysplit_1, I, Z, EZ, Y, EY, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(keysplit_1, I, X, EX, Y, EY, L.t, cons(Z, NIL), Rs);
    return tail(keysplit_1_1, I, X, EX, Y, EY, EZ, R, Rs, Z, L.t);
  }
  return tail(rkeymergel, I, cons(cons(Y, cons(X, R)), Rs), NIL, 'asc');
}

function keysplit_1_1(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  ES: unknown,
  R: Cell,
  Rs: Cell,
  S: unknown,
  L: Cell,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (le(EY, EZ)) return tail(keysplit_1_1, I, Y, EY, Z, EZ, ES, cons(X, R), Rs, S, L.t);
    if (le(EX, EZ)) return tail(keysplit_1_1, I, Z, EZ, Y, EY, ES, cons(X, R), Rs, S, L.t);
    if (le(ES, EZ)) return tail(keysplit_1, I, S, ES, Z, EZ, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    return tail(keysplit_1, I, Z, EZ, S, ES, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(rkeymergel, I, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, 'asc');
}

function keysplit_2(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  L: Cell,
  R: Cell,
  Rs: Cell,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (gt(EY, EZ)) return tail(keysplit_2, I, Y, EY, Z, EZ, L.t, cons(X, R), Rs);
    if (gt(EX, EZ)) return tail(keysplit_2, I, Z, EZ, Y, EY, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(keysplit_2, I, X, EX, Y, EY, L.t, cons(Z, NIL), Rs);
    return tail(keysplit_2_1, I, X, EX, Y, EY, EZ, R, Rs, Z, L.t);
  }
  return tail(keymergel, I, cons(cons(Y, cons(X, R)), Rs), NIL, 'desc');
}

function keysplit_2_1(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  ES: unknown,
  R: Cell,
  Rs: Cell,
  S: unknown,
  L: Cell,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (gt(EY, EZ)) return tail(keysplit_2_1, I, Y, EY, Z, EZ, ES, cons(X, R), Rs, S, L.t);
    if (gt(EX, EZ)) return tail(keysplit_2_1, I, Z, EZ, Y, EY, ES, cons(X, R), Rs, S, L.t);
    if (gt(ES, EZ)) return tail(keysplit_2, I, S, ES, Z, EZ, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    return tail(keysplit_2, I, Z, EZ, S, ES, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(keymergel, I, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL, 'desc');
}

/** The first three elements of a list of runs, and how many there are (up to three). */
function first3(L: Cell): [unknown, unknown, unknown, number, Cell] {
  if (!c(L)) return [undefined, undefined, undefined, 0, L];
  if (!c(L.t)) return [L.h, undefined, undefined, 1, L.t];
  if (!c(L.t.t)) return [L.h, L.t.h, undefined, 2, L.t.t];
  return [L.h, L.t.h, L.t.t.h, 3, L.t.t.t];
}

function keymergel(I: number, L: Cell, Acc: Cell, O: Order): unknown {
  const [A, B, C, n, rest] = first3(L);
  if (n === 3 && O === 'asc' && c(B) && c(C)) {
    const M = run(keymerge3_1(I, A as Cell, NIL, E(I, B.h), B.h, B.t, E(I, C.h), C.h, C.t));
    return tail(keymergel, I, rest, cons(M, Acc), O);
  }
  if (n === 3 && O === 'desc' && c(A) && c(B)) {
    const M = run(keymerge3_1(I, C as Cell, NIL, E(I, B.h), B.h, B.t, E(I, A.h), A.h, A.t));
    return tail(keymergel, I, rest, cons(M, Acc), O);
  }
  const after2 = n >= 2 ? ((L as Cons).t as Cons).t : NIL;
  if (n >= 2 && O === 'asc' && c(B)) {
    return tail(keymergel, I, after2, cons(run(keymerge2_1(I, A, E(I, B.h), B.h, B.t, NIL)), Acc), O);
  }
  if (n >= 2 && O === 'desc' && c(A)) {
    return tail(keymergel, I, after2, cons(run(keymerge2_1(I, B, E(I, A.h), A.h, A.t, NIL)), Acc), O);
  }
  if (n === 1) {
    if (Acc === NIL) return A;
    return tail(rkeymergel, I, cons(reverseOnto(A as Cell, NIL), Acc), NIL, O);
  }
  return tail(rkeymergel, I, Acc, NIL, O);
}

function rkeymergel(I: number, L: Cell, Acc: Cell, O: Order): unknown {
  const [A, B, C, n, rest] = first3(L);
  if (n === 3 && O === 'asc' && c(A) && c(B)) {
    const M = run(rkeymerge3_1(I, C as Cell, NIL, E(I, B.h), B.h, B.t, E(I, A.h), A.h, A.t));
    return tail(rkeymergel, I, rest, cons(M, Acc), O);
  }
  if (n === 3 && O === 'desc' && c(B) && c(C)) {
    const M = run(rkeymerge3_1(I, A as Cell, NIL, E(I, B.h), B.h, B.t, E(I, C.h), C.h, C.t));
    return tail(rkeymergel, I, rest, cons(M, Acc), O);
  }
  const after2 = n >= 2 ? ((L as Cons).t as Cons).t : NIL;
  if (n >= 2 && O === 'asc' && c(A)) {
    return tail(rkeymergel, I, after2, cons(run(rkeymerge2_1(I, B, E(I, A.h), A.h, A.t, NIL)), Acc), O);
  }
  if (n >= 2 && O === 'desc' && c(B)) {
    return tail(rkeymergel, I, after2, cons(run(rkeymerge2_1(I, A, E(I, B.h), B.h, B.t, NIL)), Acc), O);
  }
  if (n === 1) return tail(keymergel, I, cons(reverseOnto(A as Cell, NIL), Acc), NIL, O);
  return tail(keymergel, I, Acc, NIL, O);
}

// keymerge3: three-way merges of ascending runs (rkeymerge3: of descending ones).

function keymerge3_1(
  I: number,
  T1: Cell,
  M: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = E(I, H1);
    if (le(E1, E2)) return tail(keymerge3_12, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
    return tail(keymerge3_21, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
  }
  if (le(E2, E3)) return tail(keymerge2_1, I, T2, E3, H3, T3, cons(H2, M));
  return tail(keymerge2_2, I, T2, E2, H3, T3, M, H2);
}

function keymerge3_2(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  T2: Cell,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = E(I, H2);
    if (le(E1, E2)) return tail(keymerge3_12, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M);
    return tail(keymerge3_21, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M);
  }
  if (le(E1, E3)) return tail(keymerge2_1, I, T1, E3, H3, T3, cons(H1, M));
  return tail(keymerge2_2, I, T1, E1, H3, T3, M, H1);
}

function keymerge3_12(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E1, E3)) return tail(keymerge3_1, I, T1, cons(H1, M), E2, H2, T2, E3, H3, T3);
  return tail(keymerge3_12_3, I, E1, H1, T1, E2, H2, T2, T3, cons(H3, M));
}

function keymerge3_12_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  T3: Cell,
  M: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E1, E3)) return tail(keymerge3_1, I, T1, cons(H1, M), E2, H2, T2, E3, H3, T3.t);
    return tail(keymerge3_12_3, I, E1, H1, T1, E2, H2, T2, T3.t, cons(H3, M));
  }
  return tail(keymerge2_1, I, T1, E2, H2, T2, cons(H1, M));
}

function keymerge3_21(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E2, E3)) return tail(keymerge3_2, I, E1, H1, T1, T2, cons(H2, M), E3, H3, T3);
  return tail(keymerge3_21_3, I, E1, H1, T1, E2, H2, T2, T3, cons(H3, M));
}

function keymerge3_21_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  T3: Cell,
  M: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E2, E3)) return tail(keymerge3_2, I, E1, H1, T1, T2, cons(H2, M), E3, H3, T3.t);
    return tail(keymerge3_21_3, I, E1, H1, T1, E2, H2, T2, T3.t, cons(H3, M));
  }
  return tail(keymerge2_2, I, T1, E1, H2, T2, M, H1);
}

function rkeymerge3_1(
  I: number,
  T1: Cell,
  M: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = E(I, H1);
    if (le(E1, E2)) return tail(rkeymerge3_12, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
    return tail(rkeymerge3_21, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
  }
  if (le(E2, E3)) return tail(rkeymerge2_2, I, E2, T2, H3, T3, M, H2);
  return tail(rkeymerge2_1, I, T2, E3, H3, T3, cons(H2, M));
}

function rkeymerge3_2(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  T2: Cell,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = E(I, H2);
    if (le(E1, E2)) return tail(rkeymerge3_12, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M);
    return tail(rkeymerge3_21, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M);
  }
  if (le(E1, E3)) return tail(rkeymerge2_2, I, E1, T1, H3, T3, M, H1);
  return tail(rkeymerge2_1, I, T1, E3, H3, T3, cons(H1, M));
}

function rkeymerge3_12(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E2, E3)) return tail(rkeymerge3_12_3, I, E1, H1, T1, E2, H2, T2, T3, cons(H3, M));
  return tail(rkeymerge3_2, I, E1, H1, T1, T2, cons(H2, M), E3, H3, T3);
}

function rkeymerge3_12_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  T3: Cell,
  M: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E2, E3)) return tail(rkeymerge3_12_3, I, E1, H1, T1, E2, H2, T2, T3.t, cons(H3, M));
    return tail(rkeymerge3_2, I, E1, H1, T1, T2, cons(H2, M), E3, H3, T3.t);
  }
  return tail(rkeymerge2_2, I, E1, T1, H2, T2, M, H1);
}

function rkeymerge3_21(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E1, E3)) return tail(rkeymerge3_21_3, I, E1, H1, T1, E2, H2, T2, T3, cons(H3, M));
  return tail(rkeymerge3_1, I, T1, cons(H1, M), E2, H2, T2, E3, H3, T3);
}

function rkeymerge3_21_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  T3: Cell,
  M: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E1, E3)) return tail(rkeymerge3_21_3, I, E1, H1, T1, E2, H2, T2, T3.t, cons(H3, M));
    return tail(rkeymerge3_1, I, T1, cons(H1, M), E2, H2, T2, E3, H3, T3.t);
  }
  return tail(rkeymerge2_1, I, T1, E2, H2, T2, cons(H1, M));
}

// ---------------------------------------------------------------------------
// ukeysort/2

/** `ukeysort(I, L)` of cells, once I passed its guard. */
export function ukeysort(I: number, L: Cell): Cell {
  if (!c(L) || !c(L.t)) return L;
  const X = L.h;
  const Y = L.t.h;
  const T = L.t.t;
  const EX = E(I, X);
  const EY = E(I, Y);
  const single = c(T) && T.t === NIL;
  if (eq(EX, EY)) return run(ukeysort_1(I, X, EX, T)) as Cell;
  if (lt(EX, EY)) {
    if (T === NIL) return L;
    if (single) {
      const Z = T.h;
      const EZ = E(I, Z);
      if (eq(EY, EZ)) return cons(X, cons(Y, NIL));
      if (lt(EY, EZ)) return three(X, Y, Z);
      if (eq(EZ, EX)) return cons(X, cons(Y, NIL));
      if (le(EX, EZ)) return three(X, Z, Y);
      return three(Z, X, Y);
    }
    return run(ukeysplit_1(I, X, EX, Y, EY, T, NIL, NIL)) as Cell;
  }
  if (T === NIL) return cons(Y, cons(X, NIL));
  if (single) {
    const Z = T.h;
    const EZ = E(I, Z);
    if (eq(EX, EZ)) return cons(Y, cons(X, NIL));
    if (lt(EX, EZ)) return three(Y, X, Z);
    if (eq(EY, EZ)) return cons(Y, cons(X, NIL));
    if (le(EY, EZ)) return three(Y, Z, X);
    return three(Z, Y, X);
  }
  return run(ukeysplit_2(I, Y, EY, T, cons(X, NIL))) as Cell;
}

function ukeysort_1(I: number, X: unknown, EX: unknown, L: Cell): unknown {
  if (c(L)) {
    const Y = L.h;
    const EY = E(I, Y);
    if (eq(EX, EY)) return tail(ukeysort_1, I, X, EX, L.t);
    if (lt(EX, EY)) return tail(ukeysplit_1, I, X, EX, Y, EY, L.t, NIL, NIL);
    return tail(ukeysplit_2, I, Y, EY, L.t, cons(X, NIL));
  }
  return cons(X, NIL);
}

function ukeysplit_1(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  L: Cell,
  R: Cell,
  Rs: Cell,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (eq(EY, EZ)) return tail(ukeysplit_1, I, X, EX, Y, EY, L.t, R, Rs);
    if (lt(EY, EZ)) return tail(ukeysplit_1, I, Y, EY, Z, EZ, L.t, cons(X, R), Rs);
    if (eq(EX, EZ)) return tail(ukeysplit_1, I, X, EX, Y, EY, L.t, R, Rs);
    if (lt(EX, EZ)) return tail(ukeysplit_1, I, Z, EZ, Y, EY, L.t, cons(X, R), Rs);
    if (R === NIL) return tail(ukeysplit_1, I, X, EX, Y, EY, L.t, cons(Z, NIL), Rs);
    return tail(ukeysplit_1_1, I, X, EX, Y, EY, L.t, R, Rs, Z, EZ);
  }
  return tail(rukeymergel, I, cons(cons(Y, cons(X, R)), Rs), NIL);
}

function ukeysplit_1_1(
  I: number,
  X: unknown,
  EX: unknown,
  Y: unknown,
  EY: unknown,
  L: Cell,
  R: Cell,
  Rs: Cell,
  S: unknown,
  ES: unknown,
): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (eq(EY, EZ)) return tail(ukeysplit_1_1, I, X, EX, Y, EY, L.t, R, Rs, S, ES);
    if (lt(EY, EZ)) return tail(ukeysplit_1_1, I, Y, EY, Z, EZ, L.t, cons(X, R), Rs, S, ES);
    if (eq(EX, EZ)) return tail(ukeysplit_1_1, I, X, EX, Y, EY, L.t, R, Rs, S, ES);
    if (lt(EX, EZ)) return tail(ukeysplit_1_1, I, Z, EZ, Y, EY, L.t, cons(X, R), Rs, S, ES);
    if (eq(ES, EZ)) return tail(ukeysplit_1_1, I, X, EX, Y, EY, L.t, R, Rs, S, ES);
    if (lt(ES, EZ)) return tail(ukeysplit_1, I, S, ES, Z, EZ, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
    return tail(ukeysplit_1, I, Z, EZ, S, ES, L.t, NIL, cons(cons(Y, cons(X, R)), Rs));
  }
  return tail(rukeymergel, I, cons(cons(S, NIL), cons(cons(Y, cons(X, R)), Rs)), NIL);
}

function ukeysplit_2(I: number, Y: unknown, EY: unknown, L: Cell, R: Cell): unknown {
  if (c(L)) {
    const Z = L.h;
    const EZ = E(I, Z);
    if (eq(EY, EZ)) return tail(ukeysplit_2, I, Y, EY, L.t, R);
    if (lt(EY, EZ)) return tail(ukeysplit_1, I, Y, EY, Z, EZ, L.t, NIL, cons(reverseOnto(R, NIL), NIL));
    return tail(ukeysplit_2, I, Z, EZ, L.t, cons(Y, R));
  }
  return cons(Y, R);
}

function ukeymergel(I: number, L: Cell, Acc: Cell): unknown {
  const [A, B, C, n, rest] = first3(L);
  if (n === 3 && c(B) && c(C)) {
    const M = run(ukeymerge3_1(I, A as Cell, noKey, E(I, B.h), B.h, B.t, NIL, E(I, C.h), C.h, C.t));
    return tail(ukeymergel, I, rest, cons(M, Acc));
  }
  if (n >= 2 && c(A)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(ukeymergel, I, after2, cons(run(ukeymerge2_2(I, A.t, E(I, A.h), A.h, B, NIL)), Acc));
  }
  if (n === 1) {
    if (Acc === NIL) return A;
    return tail(rukeymergel, I, cons(reverseOnto(A as Cell, NIL), Acc), NIL);
  }
  return tail(rukeymergel, I, Acc, NIL);
}

function rukeymergel(I: number, L: Cell, Acc: Cell): unknown {
  const [A, B, C, n, rest] = first3(L);
  if (n === 3 && c(A) && c(B)) {
    const M = run(rukeymerge3_1(I, C as Cell, E(I, B.h), B.h, B.t, NIL, E(I, A.h), A.h, A.t));
    return tail(rukeymergel, I, rest, cons(M, Acc));
  }
  if (n >= 2 && c(A)) {
    const after2 = ((L as Cons).t as Cons).t;
    return tail(rukeymergel, I, after2, cons(run(rukeymerge2_1(I, B, E(I, A.h), A.t, NIL, A.h)), Acc));
  }
  if (n === 1) return tail(ukeymergel, I, cons(reverseOnto(A as Cell, NIL), Acc), NIL);
  return tail(ukeymergel, I, Acc, NIL);
}

function ukeymerge3_1(
  I: number,
  T1: Cell,
  HdM: unknown,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = E(I, H1);
    if (le(E1, E2)) return tail(ukeymerge3_12, I, E1, T1.t, H1, E2, H2, T2, E3, H3, T3, M, HdM);
    if (eq(E2, HdM)) return tail(ukeymerge3_2, I, E1, T1.t, H1, T2, HdM, M, E3, H3, T3);
    return tail(ukeymerge3_21, I, E1, T1.t, H1, E2, H2, T2, E3, H3, T3, M, HdM);
  }
  if (eq(E2, HdM)) return tail(ukeymerge2_1, I, T2, E3, HdM, T3, M, H3);
  if (le(E2, E3)) return tail(ukeymerge2_1, I, T2, E3, E2, T3, cons(H2, M), H3);
  if (eq(E3, HdM)) return tail(ukeymerge2_2, I, T2, E2, H2, T3, M);
  return tail(ukeymerge2_2, I, T2, E2, H2, T3, cons(H3, M));
}

function ukeymerge3_2(
  I: number,
  E1: unknown,
  T1: Cell,
  H1: unknown,
  T2: Cell,
  HdM: unknown,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = E(I, H2);
    if (le(E1, E2)) return tail(ukeymerge3_12, I, E1, T1, H1, E2, H2, T2.t, E3, H3, T3, M, HdM);
    return tail(ukeymerge3_21, I, E1, T1, H1, E2, H2, T2.t, E3, H3, T3, M, HdM);
  }
  if (le(E1, E3)) return tail(ukeymerge2_1, I, T1, E3, E1, T3, cons(H1, M), H3);
  if (eq(E3, HdM)) return tail(ukeymerge2_2, I, T1, E1, H1, T3, M);
  return tail(ukeymerge2_2, I, T1, E1, H1, T3, cons(H3, M));
}

function ukeymerge3_12(
  I: number,
  E1: unknown,
  T1: Cell,
  H1: unknown,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
  HdM: unknown,
): unknown {
  if (le(E1, E3)) return tail(ukeymerge3_1, I, T1, E1, E2, H2, T2, cons(H1, M), E3, H3, T3);
  if (eq(E3, HdM)) return tail(ukeymerge3_12_3, I, E1, T1, H1, E2, H2, T2, M, T3);
  return tail(ukeymerge3_12_3, I, E1, T1, H1, E2, H2, T2, cons(H3, M), T3);
}

function ukeymerge3_12_3(
  I: number,
  E1: unknown,
  T1: Cell,
  H1: unknown,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  T3: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E1, E3)) return tail(ukeymerge3_1, I, T1, E1, E2, H2, T2, cons(H1, M), E3, H3, T3.t);
    return tail(ukeymerge3_12_3, I, E1, T1, H1, E2, H2, T2, cons(H3, M), T3.t);
  }
  return tail(ukeymerge2_1, I, T1, E2, E1, T2, cons(H1, M), H2);
}

function ukeymerge3_21(
  I: number,
  E1: unknown,
  T1: Cell,
  H1: unknown,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
  HdM: unknown,
): unknown {
  if (le(E2, E3)) return tail(ukeymerge3_2, I, E1, T1, H1, T2, E2, cons(H2, M), E3, H3, T3);
  if (eq(E3, HdM)) return tail(ukeymerge3_21_3, I, E1, T1, H1, E2, H2, T2, M, T3);
  return tail(ukeymerge3_21_3, I, E1, T1, H1, E2, H2, T2, cons(H3, M), T3);
}

function ukeymerge3_21_3(
  I: number,
  E1: unknown,
  T1: Cell,
  H1: unknown,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  T3: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E2, E3)) return tail(ukeymerge3_2, I, E1, T1, H1, T2, E2, cons(H2, M), E3, H3, T3.t);
    return tail(ukeymerge3_21_3, I, E1, T1, H1, E2, H2, T2, cons(H3, M), T3.t);
  }
  return tail(ukeymerge2_2, I, T1, E1, H1, T2, cons(H2, M));
}

function rukeymerge3_1(
  I: number,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T1)) {
    const H1 = T1.h;
    const E1 = E(I, H1);
    if (le(E1, E2)) return tail(rukeymerge3_12a, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
    return tail(rukeymerge3_21a, I, E1, H1, T1.t, E2, H2, T2, E3, H3, T3, M);
  }
  if (le(E2, E3)) return tail(rukeymerge2_2, I, T2, E2, T3, M, E3, H3, H2);
  return tail(rukeymerge2_1, I, T2, E3, T3, cons(H2, M), H3);
}

function rukeymerge3_12a(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E2, E3)) return tail(rukeymerge3_12_3, I, E1, H1, T1, E2, H2, T2, M, E3, H3, T3);
  return tail(rukeymerge3_2, I, E1, H1, T1, T2, H2, E2, M, E3, H3, T3);
}

function rukeymerge3_21a(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
): unknown {
  if (le(E1, E3)) return tail(rukeymerge3_21_3, I, E1, H1, T1, E2, H2, T2, M, E3, H3, T3);
  return tail(rukeymerge3_1, I, T1, E2, H2, T2, cons(H1, M), E3, H3, T3);
}

function rukeymerge3_2(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  T2: Cell,
  H2M: unknown,
  E2M: unknown,
  M: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
): unknown {
  if (c(T2)) {
    const H2 = T2.h;
    const E2 = E(I, H2);
    if (le(E1, E2)) return tail(rukeymerge3_12b, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M, H2M);
    if (eq(E1, E2M)) return tail(rukeymerge3_1, I, T1, E2, H2, T2.t, cons(H1, M), E3, H3, T3);
    return tail(rukeymerge3_21b, I, E1, H1, T1, E2, H2, T2.t, E3, H3, T3, M, H2M);
  }
  if (eq(E1, E2M)) return tail(rukeymerge2_1, I, T1, E3, T3, cons(H1, M), H3);
  if (le(E1, E3)) return tail(rukeymerge2_2, I, T1, E1, T3, cons(H2M, M), E3, H3, H1);
  return tail(rukeymerge2_1, I, T1, E3, T3, cons(H1, cons(H2M, M)), H3);
}

function rukeymerge3_12b(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
  H2M: unknown,
): unknown {
  if (le(E2, E3)) return tail(rukeymerge3_12_3, I, E1, H1, T1, E2, H2, T2, cons(H2M, M), E3, H3, T3);
  return tail(rukeymerge3_2, I, E1, H1, T1, T2, H2, E2, cons(H2M, M), E3, H3, T3);
}

function rukeymerge3_21b(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  E3: unknown,
  H3: unknown,
  T3: Cell,
  M: Cell,
  H2M: unknown,
): unknown {
  if (le(E1, E3)) return tail(rukeymerge3_21_3, I, E1, H1, T1, E2, H2, T2, cons(H2M, M), E3, H3, T3);
  return tail(rukeymerge3_1, I, T1, E2, H2, T2, cons(H1, cons(H2M, M)), E3, H3, T3);
}

function rukeymerge3_12_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  E3M: unknown,
  H3M: unknown,
  T3: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E2, E3)) return tail(rukeymerge3_12_3, I, E1, H1, T1, E2, H2, T2, cons(H3M, M), E3, H3, T3.t);
    if (eq(E2, E3M)) return tail(rukeymerge3_2, I, E1, H1, T1, T2, H2, E2, M, E3, H3, T3.t);
    return tail(rukeymerge3_2, I, E1, H1, T1, T2, H2, E2, cons(H3M, M), E3, H3, T3.t);
  }
  if (eq(E2, E3M)) return tail(rukeymerge2_2, I, T1, E1, T2, M, E2, H2, H1);
  return tail(rukeymerge2_2, I, T1, E1, T2, cons(H3M, M), E2, H2, H1);
}

function rukeymerge3_21_3(
  I: number,
  E1: unknown,
  H1: unknown,
  T1: Cell,
  E2: unknown,
  H2: unknown,
  T2: Cell,
  M: Cell,
  E3M: unknown,
  H3M: unknown,
  T3: Cell,
): unknown {
  if (c(T3)) {
    const H3 = T3.h;
    const E3 = E(I, H3);
    if (le(E1, E3)) return tail(rukeymerge3_21_3, I, E1, H1, T1, E2, H2, T2, cons(H3M, M), E3, H3, T3.t);
    if (eq(E1, E3M)) return tail(rukeymerge3_1, I, T1, E2, H2, T2, cons(H1, M), E3, H3, T3.t);
    return tail(rukeymerge3_1, I, T1, E2, H2, T2, cons(H1, cons(H3M, M)), E3, H3, T3.t);
  }
  if (eq(E1, E3M)) return tail(rukeymerge2_1, I, T1, E2, T2, cons(H1, M), H2);
  return tail(rukeymerge2_1, I, T1, E2, T2, cons(H1, cons(H3M, M)), H2);
}
