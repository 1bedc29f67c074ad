/**
 * Evaluates a segment's size expression: integers, bound variables, interpolated values and
 * `+ - * div rem`, as a guard expression would. Anything that is not an integer (a float, an
 * atom, a Buffer, a division by zero) makes the size invalid: a pattern then fails to match,
 * and a construction raises badarg, as in Erlang.
 */
import type { SizeExpr } from './program.js';

/** The result for a size that is no integer: never a valid size. */
export const invalidSize = Number.NaN;

/** A term as an integer for arithmetic: a safe number, or NaN for anything else. */
function integerOf(value: unknown): number {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? value : invalidSize;
  if (typeof value === 'bigint') {
    // A size past 2^53 bits can never fit: treat it as too large rather than exact.
    return value > 9007199254740991n
      ? Number.MAX_SAFE_INTEGER
      : value < -9007199254740991n
        ? -1
        : Number(value);
  }
  return invalidSize;
}

/**
 * The value of a size expression.
 * @param e - the expression
 * @param slots - the pattern's variables bound so far
 * @param values - the template's interpolated values
 * @returns an integer (possibly negative, which the caller rejects), or NaN when the
 *   expression is not an integer
 */
export function evaluateSize(e: SizeExpr, slots: readonly unknown[], values: readonly unknown[]): number {
  switch (e.kind) {
    case 'integer':
      return integerOf(e.value);
    case 'slot':
      return integerOf(slots[e.slot]);
    case 'hole':
      return integerOf(values[e.index]);
    case 'neg':
      return -evaluateSize(e.operand, slots, values);
    case 'op': {
      const a = evaluateSize(e.left, slots, values);
      const b = evaluateSize(e.right, slots, values);
      let r: number;
      switch (e.op) {
        case '+':
          r = a + b;
          break;
        case '-':
          r = a - b;
          break;
        case '*':
          r = a * b;
          break;
        case 'div':
          r = b === 0 ? invalidSize : Math.trunc(a / b);
          break;
        case 'rem':
          r = b === 0 ? invalidSize : a % b;
          break;
      }
      return Number.isSafeInteger(r) || Number.isNaN(r) ? r : Math.sign(r) * Number.MAX_SAFE_INTEGER;
    }
  }
}
