import { stringOf } from './chardata.js';

/**
 * The number readers behind string:to_integer/1 and string:to_float/1: ports of the BIFs
 * string:list_to_integer/1 and string:list_to_float/1 over code points.
 */

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;

/**
 * Reads `[+-]digits` from `cps[0..limit)`.
 * @returns the integer (a bigint past 2^53) and how many code points it took, or null
 */
export function readInteger(cps: readonly number[], limit: number): [number | bigint, number] | null {
  let i = 0;
  if (cps[0] === 43 || cps[0] === 45) i++;
  const digits = i;
  while (i < limit && isDigit(cps[i])) i++;
  if (i === digits) return null;
  const text = stringOf(cps, 0, i);
  const big = BigInt(text);
  const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
  return [safe ? Number(big) : big, i];
}

/**
 * Reads an Erlang float from `cps[0..limit)`: `[+-]digits(.|,)digits`, then an exponent
 * `(e|E)[+-]digits` if one is complete. Like the BIF it fails on a float out of range (it reads
 * one that underflows as 0.0).
 * @returns the float and how many code points it took, or null
 */
export function readFloat(cps: readonly number[], limit: number): [number, number] | null {
  let i = 0;
  if (cps[0] === 43 || cps[0] === 45) i++;
  const intStart = i;
  while (i < limit && isDigit(cps[i])) i++;
  if (i === intStart || i >= limit || (cps[i] !== 46 && cps[i] !== 44)) return null;
  const point = i++;
  const fracStart = i;
  while (i < limit && isDigit(cps[i])) i++;
  if (i === fracStart) return null;
  let end = i;
  if (i < limit && (cps[i] === 101 || cps[i] === 69)) {
    let j = i + 1;
    if (j < limit && (cps[j] === 43 || cps[j] === 45)) j++;
    const expStart = j;
    while (j < limit && isDigit(cps[j])) j++;
    if (j > expStart) end = j;
  }
  const chars = cps.slice(0, end);
  chars[point] = 46;
  const value = Number(stringOf(chars));
  if (!Number.isFinite(value)) return null;
  return [value, end];
}
