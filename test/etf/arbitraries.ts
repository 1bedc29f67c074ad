/**
 * fast-check arbitraries for terms of every kind DESIGN §2 has, nested, in the canonical JS form
 * binary_to_term gives back (integers as numbers while safe, integral floats boxed, `true` and
 * `false` as booleans), so that a term that goes to erl and back can be compared with termEquals.
 */
import fc from 'fast-check';
import { BitString, ImproperList, List, float, make_fun, term_to_binary } from 'erlts';

function toList<T>(items: readonly T[]): List<T> {
  const l = new List<T>();
  for (const x of items) l.push(x);
  return l;
}

const maxSafe = BigInt(Number.MAX_SAFE_INTEGER);
const normal = (v: bigint): number | bigint => (v >= -maxSafe && v <= maxSafe ? Number(v) : v);
const boxed = (x: number): unknown => (Number.isSafeInteger(x) || Object.is(x, -0) ? new Number(x) : x);
const asAtom = (s: string): unknown => (s === 'true' ? true : s === 'false' ? false : s);

const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Strings that are atoms: at most 255 code points, no lone surrogates, not the pool's names. */
const atomText = fc
  .oneof(
    {
      arbitrary: fc.constantFrom(
        'ok',
        'error',
        'undefined',
        'null',
        '',
        'EXIT',
        'hello world',
        "it's",
        'a\nb',
      ),
      weight: 3,
    },
    { arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 12 }), weight: 4 },
    {
      arbitrary: fc.string({
        unit: fc.integer({ min: 0, max: 255 }).map((c) => String.fromCharCode(c)),
        maxLength: 12,
      }),
      weight: 3,
    },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 3 },
    {
      arbitrary: fc.constantFrom(
        'a'.repeat(255),
        'é'.repeat(255),
        '中'.repeat(85),
        '中'.repeat(86),
        '😀'.repeat(64),
      ),
      weight: 1,
    },
  )
  .filter((s) => [...s].length <= 255 && !loneSurrogate.test(s) && !s.startsWith('$erlts_pool'));

const atom = fc.oneof(
  { arbitrary: atomText.map(asAtom), weight: 10 },
  { arbitrary: fc.constantFrom<unknown>(true, false, null, undefined), weight: 1 },
);

const integer = fc.oneof(
  { arbitrary: fc.integer({ min: 0, max: 255 }), weight: 12 },
  { arbitrary: fc.integer(), weight: 9 },
  { arbitrary: fc.maxSafeInteger(), weight: 6 },
  { arbitrary: fc.bigInt({ min: -(2n ** 200n), max: 2n ** 200n }).map(normal), weight: 4 },
  { arbitrary: fc.bigInt({ min: -(2n ** 2100n), max: 2n ** 2100n }).map(normal), weight: 1 },
  {
    arbitrary: fc.constantFrom<unknown>(
      256,
      -1,
      2 ** 31 - 1,
      2 ** 31,
      -(2 ** 31),
      -(2 ** 31) - 1,
      2 ** 32,
      2 ** 53 - 1,
      -(2 ** 53 - 1),
      2n ** 53n,
      -(2n ** 64n),
      2n ** 2040n - 1n,
      2n ** 2040n,
    ),
    weight: 1,
  },
);

const floatArb = fc.oneof(
  { arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(boxed), weight: 4 },
  { arbitrary: fc.integer({ min: -1_000_000, max: 1_000_000 }).map((n) => float(n)), weight: 2 },
  {
    arbitrary: fc.constantFrom<unknown>(new Number(-0), float(0), 2 ** 60, 1e300, 5e-324, 0.1, -1.5),
    weight: 1,
  },
);

const binary = fc.oneof(
  { arbitrary: fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b)), weight: 30 },
  { arbitrary: fc.uint8Array({ minLength: 256, maxLength: 300 }).map((b) => Buffer.from(b)), weight: 1 },
);

const bitstring = fc
  .tuple(fc.uint8Array({ minLength: 1, maxLength: 10 }), fc.integer({ min: 1, max: 7 }))
  .map(([b, bits]) => new BitString(b, (b.length - 1) * 8 + bits));

const byteString = fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 30 }).map(toList);

const exportFuns = fc.constantFrom<unknown>(
  make_fun('lists', 'map', 2),
  make_fun('erlang', 'self', 0),
  make_fun('Mod X', 'fün', 255),
  make_fun('m', '中', 3),
);

/**
 * The key that decides whether two map keys are one Erlang term: erlts's encoding is canonical,
 * but for -0.0, which is 0.0 as a key (0.0 =:= -0.0 in OTP 25).
 */
const keyId = (k: unknown): string =>
  term_to_binary(k).toString('hex').replaceAll('468000000000000000', '460000000000000000');

/**
 * Terms of every kind, nested to depth 4.
 * @param pool - pids, references, ports and BEAM funs, made by erl and decoded by erlts
 */
export function termArbitrary(pool: readonly unknown[]): fc.Arbitrary<unknown> {
  const fromPool = fc.constantFrom(...pool);
  const leaf: fc.Arbitrary<unknown> = fc.oneof(
    { arbitrary: atom, weight: 6 },
    { arbitrary: integer, weight: 6 },
    { arbitrary: floatArb, weight: 3 },
    { arbitrary: binary, weight: 3 },
    { arbitrary: bitstring, weight: 1 },
    { arbitrary: byteString, weight: 2 },
    { arbitrary: fromPool, weight: 2 },
    { arbitrary: exportFuns, weight: 1 },
  );
  const { term } = fc.letrec((tie) => ({
    term: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      { arbitrary: leaf, weight: 10 },
      { arbitrary: tie('tuple'), weight: 3 },
      { arbitrary: tie('list'), weight: 3 },
      { arbitrary: tie('improper'), weight: 1 },
      { arbitrary: tie('object'), weight: 2 },
      { arbitrary: tie('map'), weight: 2 },
      { arbitrary: tie('large'), weight: 1 },
    ),
    tuple: fc.array(tie('term'), { maxLength: 5 }),
    list: fc.array(tie('term'), { maxLength: 5 }).map(toList),
    improper: fc
      .tuple(
        fc.array(tie('term'), { minLength: 1, maxLength: 4 }),
        fc.oneof(
          leaf.filter((t) => !(t instanceof List)),
          tie('tuple'),
        ),
      )
      .map(([head, tail]) => new ImproperList(head, tail)),
    object: fc.dictionary(atomText, tie('term'), { maxKeys: 5 }),
    map: fc
      .uniqueArray(fc.tuple(tie('term'), tie('term')), { maxLength: 5, selector: ([k]) => keyId(k) })
      .map((pairs) => new Map(pairs)),
    large: fc.oneof(
      fc.array(fc.integer({ min: -1, max: 300 }), { minLength: 256, maxLength: 270 }),
      fc.dictionary(atomText, fc.integer(), { minKeys: 33, maxKeys: 40 }),
      fc
        .uniqueArray(fc.tuple(leaf, fc.integer()), {
          minLength: 33,
          maxLength: 40,
          selector: ([k]) => keyId(k),
        })
        .map((pairs) => new Map(pairs)),
      fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 300, maxLength: 400 }).map(toList),
    ),
  }));
  return term;
}

/** Whether a term holds a map of more than 32 keys, which OTP 25 writes in its hash order. */
export function hasLargeMap(t: unknown): boolean {
  if (t instanceof Map)
    return (
      t.size > 32 || [...(t as Map<unknown, unknown>)].some(([k, v]) => hasLargeMap(k) || hasLargeMap(v))
    );
  if (Array.isArray(t)) return t.some(hasLargeMap);
  if (t instanceof ImproperList) return t.head.some(hasLargeMap) || hasLargeMap(t.tail);
  if (t !== null && typeof t === 'object' && !(t instanceof Uint8Array) && !(t instanceof Number)) {
    const proto: unknown = Object.getPrototypeOf(t);
    if (proto === Object.prototype || proto === null) {
      const values = Object.values(t);
      return values.length > 32 || values.some(hasLargeMap);
    }
  }
  return false;
}
