/**
 * OTP 25's case mappings (Unicode 14), from the tables in case-data.ts that were read out of
 * erl itself. The JS engine's toUpperCase would follow Node's Unicode version instead, and it
 * has neither titlecase nor case folding.
 */
import { caseData } from './case-data.js';

/** One of OTP's four case mappings. */
export type CaseKind = keyof typeof caseData;

type Table = Map<number, number | readonly number[]>;

const tables = new Map<CaseKind, Table>();

function table(kind: CaseKind): Table {
  let t = tables.get(kind);
  if (t !== undefined) return t;
  t = new Map();
  const { runs, multi } = caseData[kind];
  for (let r = 0; r + 3 < runs.length; r += 4) {
    const [first, count, stride, delta] = runs.slice(r, r + 4) as [number, number, number, number];
    for (let k = 0; k < count; k++) t.set(first + k * stride, first + k * stride + delta);
  }
  for (const [cp, to] of multi) t.set(cp, to);
  tables.set(kind, t);
  return t;
}

/**
 * Maps every code point, as string:uppercase/lowercase/casefold do.
 * @param kind - the mapping
 * @param cps - the text
 * @returns the mapped text; one code point may become several (`ß` uppercases to `SS`)
 */
export function mapCase(kind: CaseKind, cps: readonly number[]): number[] {
  const t = table(kind);
  const out: number[] = [];
  for (const cp of cps) {
    const to = t.get(cp);
    if (to === undefined) out.push(cp);
    else if (typeof to === 'number') out.push(to);
    else out.push(...to);
  }
  return out;
}

/**
 * Titlecases the first code point, as string:titlecase/1: the rest stays as it is.
 * @param cps - the text
 * @returns the text with its first code point titlecased
 */
export function titlecaseFirst(cps: readonly number[]): number[] {
  if (cps.length === 0) return [];
  return [...mapCase('titlecase', cps.slice(0, 1)), ...cps.slice(1)];
}
