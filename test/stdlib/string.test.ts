/**
 * erlts/string against OTP 25's string module: for every function, a few hundred generated
 * cases (fast-check samples over ASCII, Latin-1, multi-byte characters, combining marks, emoji,
 * regional indicators and CR LF), each run by erlts and, in one escript run per function, by
 * erl. A list or binary input must give erl's result term for term; a JS string input must give
 * the same text as erl does for its list of code points, and so must chardata nested in lists
 * and binaries (which erlts answers flat).
 */
import { inspect } from 'node:util';
import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, List, list } from 'erlts';
import * as string from 'erlts/string';
import { erlangAvailable, evalInErlang, noErlang, toErlang, type ErlOutcome } from '../support/erlang.js';
import { caseMappingsInErlang } from './string-case-oracle.js';

// ---------------------------------------------------------------------------
// Comparing results

/** Exact equality of terms: a List is not a tuple, Buffers by bytes, 1 and 1n equal. */
function same(a: unknown, b: unknown): boolean {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) {
    return Buffer.isBuffer(a) && Buffer.isBuffer(b) && a.equals(b);
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    return (
      a instanceof List === b instanceof List && a.length === b.length && a.every((x, i) => same(x, b[i]))
    );
  }
  if (typeof a === 'bigint' || typeof b === 'bigint') {
    const int = (x: unknown): x is number | bigint => typeof x === 'bigint' || Number.isSafeInteger(x);
    return int(a) && int(b) && BigInt(a) === BigInt(b);
  }
  if (typeof a === 'object' && typeof b === 'object' && a !== null && b !== null) {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => same((a as never)[k], (b as never)[k]));
  }
  return Object.is(a, b);
}

const show = (x: unknown): string => inspect(x, { depth: 8, breakLength: Infinity, compact: true });

function outcome(f: () => unknown): ErlOutcome {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    if (ErlangError.is(e)) return { ok: false, class: 'error', reason: e.reason };
    throw e;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

/** The atoms string functions answer with, which are no text. */
const atoms = new Set(['nomatch', 'error', 'no_integer', 'no_float', 'badarg']);

/** Chardata flattened to a List of code points; anything else (`nomatch`) as it is. */
function flat(v: unknown): unknown {
  if (typeof v === 'string' && atoms.has(v)) return v;
  if (typeof v === 'string') return list(...[...v].map((c) => c.codePointAt(0)));
  if (Buffer.isBuffer(v)) return flat(decoder.decode(v));
  if (Array.isArray(v)) {
    const out = new List<unknown>();
    for (const x of v) {
      const f = flat(x);
      if (Array.isArray(f)) out.push(...f);
      else out.push(f);
    }
    return out;
  }
  return v;
}

/** A grapheme as the List of its code points. */
const grapheme = (g: unknown): unknown => (typeof g === 'number' ? list(g) : flat(g));

/** How a function's result is compared once the input is a JS string or nested chardata. */
type Shape = 'chardata' | 'parts' | 'pair' | 'graphemes' | 'next' | 'scalar';

// The same normalisations in Erlang, applied to erl's result.
const N = 'fun(R) when is_list(R); is_binary(R) -> unicode:characters_to_list(R); (R) -> R end';
const G = 'fun(G) when is_integer(G) -> [G]; (G) -> G end';
const erlNorm: Record<Shape, (e: string) => string> = {
  chardata: (e) => `(${N})(${e})`,
  parts: (e) => `[(${N})(X) || X <- ${e}]`,
  pair: (e) => `(fun({A, B}) -> {(${N})(A), (${N})(B)} end)(${e})`,
  graphemes: (e) => `[(${G})(X) || X <- ${e}]`,
  next: (e) => `(fun([H|T]) -> {(${G})(H), (${N})(T)}; (R) -> R end)(${e})`,
  scalar: (e) => e,
};
const jsNorm: Record<Shape, (v: unknown) => unknown> = {
  chardata: flat,
  parts: (v) => list(...(v as unknown[]).map(flat)),
  pair: (v) => (v as unknown[]).map(flat),
  graphemes: (v) => list(...(v as unknown[]).map(grapheme)),
  next: (v) => (Array.isArray(v) && v.length === 2 ? [grapheme(v[0]), flat(v[1])] : v),
  scalar: (v) => v,
};
/** An improper `[H | T]` has no JS form: erl's is compared as the pair erlts returns. */
const exactNext = (e: string): string => `(fun([H|T]) -> {H, T}; (R) -> R end)(${e})`;

// ---------------------------------------------------------------------------
// Generating text

/** The units texts are made of: each is one or more code points. */
const units: readonly (readonly number[])[] = [
  ...[...'abcxyzABCXYZ019 '].map((c) => [c.codePointAt(0) as number]),
  [44], // ,
  [46], // .
  [45], // -
  [43], // +
  [101], // e
  [9],
  [10],
  [13],
  [13, 10],
  [233], // é
  [223], // ß
  [197], // Å
  [246], // ö
  [181], // µ
  [255], // ÿ
  [0xa0], // no-break space
  [0x85], // next line
  [0x2028], // line separator
  [0x2191], // ↑
  [0x4e2d], // 中
  [0xd55c], // 한
  [0x3b1], // α
  [0x3a3], // Σ
  [0x3c2], // ς
  [0x130], // İ
  [0x1c6], // ǆ
  [0xfb03], // ﬃ
  [101, 0x301], // e + combining acute
  [97, 0x30a], // a + combining ring
  [0x301], // a combining mark with nothing before it
  [0x1f44d], // 👍
  [0x1f44d, 0x1f3fd], // 👍🏽
  [0x1f469, 0x200d, 0x1f4bb], // 👩‍💻
  [0x1f1eb, 0x1f1f7], // 🇫🇷
  [0x1f1e9], // a lone regional indicator
];

const unit = fc.constantFrom(...units);
const text = fc.array(unit, { maxLength: 12 }).map((us) => us.flat());

/** How the text is handed over: the three forms, and chardata nested in lists and binaries. */
type Form = 'string' | 'list' | 'binary' | 'deep';
const forms: readonly Form[] = ['string', 'list', 'binary', 'deep'];

const utf8 = (cps: readonly number[]): Buffer => Buffer.from(String.fromCodePoint(...cps), 'utf8');

/** Chardata nesting lists and binaries, split at the cut points `cuts` draws. */
function deep(cps: readonly number[], seed: number): unknown {
  const out = new List<unknown>();
  let i = 0;
  let s = seed;
  while (i < cps.length) {
    s = (s * 1103515245 + 12345) & 0x7fffffff;
    const n = 1 + (s % 3);
    const part = cps.slice(i, i + n);
    const kind = (s >> 4) % 3;
    out.push(kind === 0 ? utf8(part) : kind === 1 ? list(...part) : list(utf8(part)));
    i += n;
  }
  if (seed % 2 === 0) out.push(list());
  return out;
}

/** A text in a form, as erlts takes it and as Erlang source. */
function input(cps: readonly number[], form: Form, seed = 7): { js: unknown; erl: string } {
  const js =
    form === 'string'
      ? String.fromCodePoint(...cps)
      : form === 'list'
        ? list(...cps)
        : form === 'binary'
          ? utf8(cps)
          : deep(cps, seed);
  return { js, erl: toErlang(form === 'string' ? list(...cps) : js) };
}

/** Separator graphemes: single code points and whole graphemes of several. */
const sepUnit = fc.constantFrom<number | readonly number[]>(
  32,
  44,
  46,
  97,
  120,
  10,
  13,
  233,
  0x2191,
  0x4e2d,
  [13, 10],
  [101, 0x301],
  [0x1f44d, 0x1f3fd],
  [0x1f1eb, 0x1f1f7],
);
const seps = fc.array(sepUnit, { maxLength: 4 });
const sepList = (ss: readonly (number | readonly number[])[]): List<unknown> =>
  list(...ss.map((s) => (typeof s === 'number' ? s : list(...s))));

// ---------------------------------------------------------------------------
// Running cases

interface Case {
  /** What the case is, for a failure message. */
  readonly label: string;
  /** The Erlang call. */
  readonly erl: string;
  readonly run: () => unknown;
  readonly shape: Shape;
  /** Compare normalised (a JS string or nested input) rather than term for term. */
  readonly loose: boolean;
  /**
   * For a binary or nested input, the same call on the text as a flat list. OTP's binary code
   * and its list code disagree now and then (a separator found by byte search inside a
   * grapheme, such as "\n" inside "\r\n"; an empty separator list given to
   * binary:compile_pattern); erlts has one answer for every form, the list code's.
   */
  readonly listErl?: string;
}

/** Cases for each form of one text. */
function formCases(
  cps: readonly number[],
  seed: number,
  label: string,
  shape: Shape,
  erl: (s: string) => string,
  call: (s: unknown) => unknown,
): Case[] {
  const listErl = erl(toErlang(list(...cps)));
  return forms.map((form) => {
    const s = input(cps, form, seed);
    return {
      label: `${label} ${form} ${show(s.js)}`,
      erl: erl(s.erl),
      run: () => call(s.js),
      shape,
      loose: form === 'string' || form === 'deep',
      ...(form === 'binary' || form === 'deep' ? { listErl } : {}),
    };
  });
}

/** Runs cases through erl in one escript run and through erlts; fails listing every mismatch. */
function agree(cases: readonly Case[]): void {
  const exprs = cases.flatMap((c) => [
    c.loose ? erlNorm[c.shape](c.erl) : c.shape === 'next' ? exactNext(c.erl) : c.erl,
    ...(c.listErl === undefined ? [] : [erlNorm[c.shape](c.listErl)]),
  ]);
  const results = evalInErlang(exprs);
  const mismatches: string[] = [];
  let next = 0;
  let otpDisagrees = 0;
  const differ = (actual: ErlOutcome, expected: ErlOutcome): boolean =>
    actual.ok !== expected.ok ||
    (actual.ok && expected.ok && !same(actual.value, expected.value)) ||
    (!actual.ok && !expected.ok && !same(actual.reason, expected.reason));
  for (const c of cases) {
    const expected = results[next++] as ErlOutcome;
    const byList = c.listErl === undefined ? undefined : (results[next++] as ErlOutcome);
    const actual = outcome(c.run);
    const normalised = (): ErlOutcome =>
      actual.ok ? { ok: true, value: jsNorm[c.shape](actual.value) } : actual;
    if (!differ(c.loose ? normalised() : actual, expected)) continue;
    if (byList !== undefined && !differ(normalised(), byList)) {
      otpDisagrees++;
      continue;
    }
    mismatches.push(`${c.label}\n      erl:   ${show(expected)}\n      erlts: ${show(actual)}`);
  }
  // The list code's answer stands in for erl's only now and then, or the check would be hollow.
  expect(otpDisagrees, 'cases where OTP answers a binary otherwise than its list').to.be.at.most(
    Math.max(2, cases.length / 20),
  );
  if (mismatches.length > 0) {
    expect.fail(
      `${mismatches.length} of ${cases.length} differ from erl:\n    ${mismatches.slice(0, 15).join('\n    ')}`,
    );
  }
}

const runs = 60;

/**
 * Cases for one function: `args` draws the arguments after the text; `call` makes the erlts
 * call and `erl` the Erlang one from the text in its form.
 */
function cases<A>(
  name: string,
  shape: Shape,
  args: fc.Arbitrary<A>,
  call: (s: unknown, a: A) => unknown,
  erl: (s: string, a: A) => string,
  seed: number,
): Case[] {
  const samples = fc.sample(fc.tuple(text, args, fc.nat()), { numRuns: runs, seed });
  return samples.flatMap(([cps, a, n]) =>
    formCases(
      cps,
      n,
      `${name} ${show(a)}`,
      shape,
      (s) => erl(s, a),
      (s) => call(s, a),
    ),
  );
}

const none = fc.constant(null);
/** Some JS values that are no chardata, and their Erlang source. */
const notChardata: readonly [unknown, string][] = [
  [42, '42'],
  [1.5, '1.5'],
  [{}, '#{}'],
  [true, 'true'],
];

// Code points fast-check draws among for the per-code-point sections.
const erlFloat = (x: number): string => toErlang(x);

describe('erlts/string', function () {
  this.timeout(120_000);

  before(function () {
    if (!erlangAvailable()) {
      console.log(`    ${noErlang}`);
      this.skip();
    }
  });

  describe('agrees with OTP 25 on generated text', () => {
    it('length/1, is_empty/1, to_graphemes/1 and reverse/1', () => {
      agree([
        ...cases(
          'length',
          'scalar',
          none,
          (s) => string.length(s as string),
          (s) => `string:length(${s})`,
          1,
        ),
        ...cases(
          'is_empty',
          'scalar',
          none,
          (s) => string.is_empty(s),
          (s) => `string:is_empty(${s})`,
          2,
        ),
        ...cases(
          'to_graphemes',
          'graphemes',
          none,
          (s) => string.to_graphemes(s as string),
          (s) => `string:to_graphemes(${s})`,
          3,
        ),
        ...cases(
          'reverse',
          'chardata',
          none,
          (s) => string.reverse(s as string),
          (s) => `string:reverse(${s})`,
          4,
        ),
      ]);
    });

    it('equal/2,3,4', () => {
      const norm = fc.constantFrom('none', 'nfc', 'nfd', 'nfkc', 'nfkd');
      const args = fc.tuple(text, fc.boolean(), norm, fc.boolean(), fc.integer({ min: 2, max: 4 }));
      agree(
        cases(
          'equal',
          'scalar',
          args,
          (s, [b, ic, n, fold, arity]) => {
            // Half the time compare with a changed copy: its case, or itself.
            const other = fold
              ? string.uppercase(s as string)
              : b.length > 0
                ? String.fromCodePoint(...b)
                : s;
            if (arity === 2) return string.equal(s as string, other as string);
            if (arity === 3) return string.equal(s as string, other as string, ic);
            return string.equal(s as string, other as string, ic, n);
          },
          (s, [b, ic, n, fold, arity]) => {
            const other = fold ? `string:uppercase(${s})` : b.length > 0 ? toErlang(list(...b)) : s;
            const extra = arity === 2 ? '' : arity === 3 ? `, ${ic}` : `, ${ic}, ${n}`;
            return `string:equal(${s}, ${other}${extra})`;
          },
          5,
        ),
      );
    });

    it('slice/2,3 and pad/2,3,4', () => {
      const len = fc.oneof(fc.nat(14), fc.constant('infinity' as const));
      const padArgs = fc.tuple(
        fc.integer({ min: -2, max: 16 }),
        fc.constantFrom('leading', 'trailing', 'both'),
        fc.constantFrom<number | readonly number[]>(120, 32, 0x2191, [101, 0x301]),
        fc.integer({ min: 2, max: 4 }),
      );
      agree([
        ...cases(
          'slice',
          'chardata',
          fc.tuple(fc.nat(14), len, fc.boolean()),
          (s, [start, l, two]) =>
            two ? string.slice(s as string, start) : string.slice(s as string, start, l),
          (s, [start, l, two]) =>
            two ? `string:slice(${s}, ${start})` : `string:slice(${s}, ${start}, ${l})`,
          6,
        ),
        ...cases(
          'pad',
          'chardata',
          padArgs,
          (s, [n, dir, c, arity]) => {
            const ch = typeof c === 'number' ? c : list(...c);
            if (arity === 2) return string.pad(s as string, n);
            if (arity === 3) return string.pad(s as string, n, dir);
            return string.pad(s as string, n, dir, ch);
          },
          (s, [n, dir, c, arity]) => {
            const ch = typeof c === 'number' ? String(c) : toErlang(list(...c));
            return arity === 2
              ? `string:pad(${s}, ${n})`
              : arity === 3
                ? `string:pad(${s}, ${n}, ${dir})`
                : `string:pad(${s}, ${n}, ${dir}, ${ch})`;
          },
          7,
        ),
      ]);
    });

    it('trim/1,2,3 and chomp/1', () => {
      const args = fc.tuple(
        fc.constantFrom('leading', 'trailing', 'both'),
        seps,
        fc.integer({ min: 1, max: 3 }),
      );
      agree([
        ...cases(
          'trim',
          'chardata',
          args,
          (s, [dir, ss, arity]) =>
            arity === 1
              ? string.trim(s as string)
              : arity === 2
                ? string.trim(s as string, dir as 'both')
                : string.trim(s as string, dir as 'both', sepList(ss) as never),
          (s, [dir, ss, arity]) =>
            arity === 1
              ? `string:trim(${s})`
              : arity === 2
                ? `string:trim(${s}, ${dir})`
                : `string:trim(${s}, ${dir}, ${toErlang(sepList(ss))})`,
          8,
        ),
        ...cases(
          'chomp',
          'chardata',
          none,
          (s) => string.chomp(s as string),
          (s) => `string:chomp(${s})`,
          9,
        ),
      ]);
    });

    it('take/2,3,4', () => {
      const args = fc.tuple(
        seps,
        fc.boolean(),
        fc.constantFrom('leading', 'trailing'),
        fc.integer({ min: 2, max: 4 }),
      );
      agree(
        cases(
          'take',
          'pair',
          args,
          (s, [ss, c, dir, arity]) =>
            arity === 2
              ? string.take(s as string, sepList(ss) as never)
              : arity === 3
                ? string.take(s as string, sepList(ss) as never, c)
                : string.take(s as string, sepList(ss) as never, c, dir as 'leading'),
          (s, [ss, c, dir, arity]) =>
            arity === 2
              ? `string:take(${s}, ${toErlang(sepList(ss))})`
              : arity === 3
                ? `string:take(${s}, ${toErlang(sepList(ss))}, ${c})`
                : `string:take(${s}, ${toErlang(sepList(ss))}, ${c}, ${dir})`,
          10,
        ),
      );
    });

    it('lexemes/2 and nth_lexeme/3', () => {
      agree([
        ...cases(
          'lexemes',
          'parts',
          seps,
          (s, ss) => string.lexemes(s as string, sepList(ss) as never),
          (s, ss) => `string:lexemes(${s}, ${toErlang(sepList(ss))})`,
          11,
        ),
        ...cases(
          'nth_lexeme',
          'chardata',
          fc.tuple(seps, fc.integer({ min: 1, max: 4 })),
          (s, [ss, n]) => string.nth_lexeme(s as string, n, sepList(ss) as never),
          (s, [ss, n]) => `string:nth_lexeme(${s}, ${n}, ${toErlang(sepList(ss))})`,
          12,
        ),
      ]);
    });

    // A needle is drawn from the units, or cut out of the text itself so that it is found.
    const needle = fc.tuple(
      fc.array(unit, { minLength: 1, maxLength: 2 }),
      fc.nat(),
      fc.nat(3),
      fc.boolean(),
    );
    const pick = (
      cps: readonly number[],
      [own, at, len, fromText]: [readonly (readonly number[])[], number, number, boolean],
    ): number[] => {
      if (fromText && cps.length > 0) {
        const i = at % cps.length;
        return cps.slice(i, i + 1 + len);
      }
      return own.flat();
    };
    function needleCases(
      name: string,
      shape: Shape,
      extra: fc.Arbitrary<string>,
      call: (s: unknown, n: unknown, x: string) => unknown,
      erl: (s: string, n: string, x: string) => string,
      seed: number,
    ): Case[] {
      const samples = fc.sample(fc.tuple(text, needle, extra, fc.nat(), fc.boolean()), {
        numRuns: runs,
        seed,
      });
      return samples.flatMap(([cps, nd, x, n, nBinary]) => {
        const ncps = pick(cps, nd);
        const nJs = nBinary ? utf8(ncps) : String.fromCodePoint(...ncps);
        const nErl = toErlang(nBinary ? nJs : list(...ncps));
        return formCases(
          cps,
          n,
          `${name} ${show(nJs)} ${x}`,
          shape,
          (s) => erl(s, nErl, x),
          (s) => call(s, nJs, x),
        );
      });
    }

    it('find/2,3, prefix/2, split/2,3 and replace/3,4', () => {
      const dir = fc.constantFrom('leading', 'trailing');
      const where = fc.constantFrom('leading', 'trailing', 'all');
      agree([
        ...needleCases(
          'find',
          'chardata',
          dir,
          (s, n, d) => string.find(s as string, n as string, d as 'leading'),
          (s, n, d) => `string:find(${s}, ${n}, ${d})`,
          13,
        ),
        ...needleCases(
          'prefix',
          'chardata',
          fc.constant(''),
          (s, n) => string.prefix(s as string, n as string),
          (s, n) => `string:prefix(${s}, ${n})`,
          14,
        ),
        ...needleCases(
          'split',
          'parts',
          where,
          (s, n, w) => string.split(s as string, n as string, w as 'all'),
          (s, n, w) => `string:split(${s}, ${n}, ${w})`,
          15,
        ),
        ...needleCases(
          'replace',
          'chardata',
          where,
          (s, n, w) => string.replace(s as string, n as string, list(95, 0x2191), w as 'all'),
          (s, n, w) => `string:replace(${s}, ${n}, [95, 16#2191], ${w})`,
          16,
        ),
      ]);
    });

    it('uppercase/1, lowercase/1, titlecase/1 and casefold/1', () => {
      agree(
        (['uppercase', 'lowercase', 'titlecase', 'casefold'] as const).flatMap((f, k) =>
          cases(
            f,
            'chardata',
            none,
            (s) => string[f](s as string),
            (s) => `string:${f}(${s})`,
            17 + k,
          ),
        ),
      );
    });

    it('to_integer/1 and to_float/1', () => {
      // Numbers in many shapes, with text around them.
      const digits = fc
        .array(fc.constantFrom(...'0123456789'), { minLength: 0, maxLength: 22 })
        .map((d) => d.join(''));
      const numeric = fc
        .tuple(
          fc.constantFrom('', '+', '-', '--', '+-'),
          digits,
          fc.constantFrom('', '.', ',', '..', '.,'),
          digits,
          fc.constantFrom('', 'e', 'E', 'e+', 'e-', 'E-'),
          fc.constantFrom('', '3', '07', '308', '309', '400', '-400'),
          fc.array(unit, { maxLength: 3 }).map((us) => String.fromCodePoint(...us.flat())),
        )
        .map((parts) => [...parts.join('')].map((c) => c.codePointAt(0) as number));
      const samples = fc.sample(fc.tuple(numeric, fc.nat()), { numRuns: runs * 2, seed: 21 });
      agree(
        samples.flatMap(([cps, n]) =>
          (['to_integer', 'to_float'] as const).flatMap((f) =>
            formCases(
              cps,
              n,
              f,
              'pair',
              (s) => `string:${f}(${s})`,
              (s) => string[f](s as string),
            ),
          ),
        ),
      );
    });

    it('next_codepoint/1 and next_grapheme/1', () => {
      agree([
        ...cases(
          'next_codepoint',
          'next',
          none,
          (s) => string.next_codepoint(s as string),
          (s) => `string:next_codepoint(${s})`,
          22,
        ),
        ...cases(
          'next_grapheme',
          'next',
          none,
          (s) => string.next_grapheme(s as string),
          (s) => `string:next_grapheme(${s})`,
          23,
        ),
      ]);
    });
  });

  it('maps case as OTP 25 does, code point by code point', () => {
    const tables = caseMappingsInErlang();
    const all = new List<number>();
    for (let cp = 0; cp <= 0x10ffff; cp++) if (cp < 0xd800 || cp > 0xdfff) all.push(cp);
    const mismatches: string[] = [];
    for (const kind of ['uppercase', 'lowercase', 'casefold'] as const) {
      // The mapping is per code point: mapping them all at once gives the mappings end to end.
      const changed = new Map(tables[kind]);
      const want = all.flatMap((cp) => changed.get(cp) ?? [cp]);
      const got = string[kind](all);
      if (got.length !== want.length || got.some((c, i) => c !== want[i])) {
        const cp = all.find((c) => [...string[kind](list(c))].join() !== (changed.get(c) ?? [c]).join());
        mismatches.push(`${kind}(${cp}): erl ${String(changed.get(cp ?? 0))}`);
      }
    }
    // titlecase/1 changes the first code point only: one call per code point, for those below
    // U+20000 (the planes with cased letters) and every one a mapping changes.
    const title = new Map(tables.titlecase);
    const cased = new Set([...tables.uppercase, ...tables.lowercase, ...tables.titlecase].map(([cp]) => cp));
    for (const cp of all) {
      if (cp >= 0x20000 && !cased.has(cp)) continue;
      const got = string.titlecase(list(cp));
      const want = title.get(cp) ?? [cp];
      if (got.length !== want.length || got.some((c, i) => c !== want[i])) {
        mismatches.push(`titlecase(${cp}): erl ${want.join()}, erlts ${got.join()}`);
        if (mismatches.length > 20) break;
      }
    }
    expect(mismatches).to.deep.equal([]);
  });

  it('raises OTP’s errors for what is no chardata and for bad arguments', () => {
    const calls: [string, (x: unknown) => unknown, (x: string) => string][] = [
      ['length', (x) => string.length(x as string), (x) => `string:length(${x})`],
      ['to_graphemes', (x) => string.to_graphemes(x as string), (x) => `string:to_graphemes(${x})`],
      ['reverse', (x) => string.reverse(x as string), (x) => `string:reverse(${x})`],
      ['slice', (x) => string.slice(x as string, 1), (x) => `string:slice(${x}, 1)`],
      ['pad', (x) => string.pad(x as string, 3), (x) => `string:pad(${x}, 3)`],
      ['trim', (x) => string.trim(x as string), (x) => `string:trim(${x})`],
      ['chomp', (x) => string.chomp(x as string), (x) => `string:chomp(${x})`],
      ['take', (x) => string.take(x as string, 'a'), (x) => `string:take(${x}, "a")`],
      ['lexemes', (x) => string.lexemes(x as string, ' '), (x) => `string:lexemes(${x}, " ")`],
      ['nth_lexeme', (x) => string.nth_lexeme(x as string, 1, ' '), (x) => `string:nth_lexeme(${x}, 1, " ")`],
      ['uppercase', (x) => string.uppercase(x as string), (x) => `string:uppercase(${x})`],
      ['lowercase', (x) => string.lowercase(x as string), (x) => `string:lowercase(${x})`],
      ['casefold', (x) => string.casefold(x as string), (x) => `string:casefold(${x})`],
      ['titlecase', (x) => string.titlecase(x as string), (x) => `string:titlecase(${x})`],
      ['find', (x) => string.find(x as string, 'a'), (x) => `string:find(${x}, "a")`],
      ['split', (x) => string.split(x as string, 'a'), (x) => `string:split(${x}, "a")`],
      ['prefix', (x) => string.prefix(x as string, 'a'), (x) => `string:prefix(${x}, "a")`],
      ['to_integer', (x) => string.to_integer(x as string), (x) => `string:to_integer(${x})`],
      ['to_float', (x) => string.to_float(x as string), (x) => `string:to_float(${x})`],
      ['is_empty', (x) => string.is_empty(x), (x) => `string:is_empty(${x})`],
    ];
    agree(
      calls.flatMap(([name, run, erl]) =>
        notChardata.map(([js, src]) => ({
          label: `${name}(${src})`,
          erl: erl(src),
          run: () => run(js),
          shape: 'scalar',
          loose: false,
        })),
      ),
    );
    // Arguments other than the text.
    const args: [string, () => unknown, string][] = [
      ['slice negative start', () => string.slice('abc', -1), 'string:slice("abc", -1)'],
      ['slice bad length', () => string.slice('abc', 1, -1), 'string:slice("abc", 1, -1)'],
      ['pad bad length', () => string.pad('abc', 'x' as never), 'string:pad("abc", x)'],
      ['trim bad direction', () => string.trim('abc', 'middle' as never), 'string:trim("abc", middle)'],
      ['take bad separators', () => string.take('abc', 5 as never), 'string:take("abc", 5)'],
      ['nth_lexeme zero', () => string.nth_lexeme('abc', 0, ' '), 'string:nth_lexeme("abc", 0, " ")'],
      ['lexemes bad separators', () => string.lexemes('a b', 5 as never), 'string:lexemes("a b", 5)'],
      ['find bad pattern', () => string.find('abc', 5 as never), 'string:find("abc", 5)'],
      ['prefix bad prefix', () => string.prefix('abc', 5 as never), 'string:prefix("abc", 5)'],
      ['split bad pattern', () => string.split('abc', 5 as never), 'string:split("abc", 5)'],
      [
        'equal bad case flag',
        () => string.equal('a', 'A', 'maybe' as never),
        'string:equal("a", "A", maybe)',
      ],
      ['invalid UTF-8', () => string.length(Buffer.from([255])), 'string:length(<<255>>)'],
      [
        'next_codepoint of invalid UTF-8',
        () => string.next_codepoint(Buffer.from([255, 1])),
        'string:next_codepoint(<<255,1>>)',
      ],
      [
        'next_grapheme of invalid UTF-8',
        () => string.next_grapheme(Buffer.from([97, 255])),
        'string:next_grapheme(<<97,255>>)',
      ],
    ];
    agree(args.map(([label, run, erl]) => ({ label, erl, run, shape: 'next', loose: false })));
    void erlFloat;
  });
});

describe('erlts/string without erl', () => {
  it('answers a JS string with JS strings', () => {
    expect(string.lexemes('abc de̊f', ' ')).to.deep.equal(list('abc', 'de̊f'));
    expect(string.pad('Hello', 9, 'both')).to.equal('  Hello  ');
    expect(string.replace('ab..cd..ef', '..', '__', 'all')).to.equal('ab__cd__ef');
    expect(string.reverse('ae\u0301b')).to.equal('be\u0301a');
    expect(string.to_graphemes('ae\u0301')).to.deep.equal(list('a', 'e\u0301'));
    expect(string.next_grapheme('e\u0301x')).to.deep.equal(['e\u0301', 'x']);
    expect(string.next_codepoint('')).to.deep.equal(list());
  });

  it('keeps a binary a binary and a list a list', () => {
    expect(string.trim(Buffer.from('  x  '))).to.deep.equal(Buffer.from('x'));
    expect(string.trim(list(32, 120, 32))).to.deep.equal(list(120));
    expect(string.take([97, 98, 99], 'a')).to.deep.equal([list(97), list(98, 99)]);
  });

  it('gives a plain array back as a List where OTP gives the text back untouched', () => {
    expect(string.pad([97], 2)).to.deep.equal(list(list(97), 32));
    expect(string.split([97], ',')).to.deep.equal(list(list(97)));
    expect(string.replace([97], ',', '-')).to.deep.equal(list(list(97)));
    expect(string.trim([97], 'both', [])).to.deep.equal(list(97));
  });

  it('segments long text in linear time (Intl.Segmenter alone slows down quadratically)', function () {
    this.timeout(10_000);
    // 380,000 code units: the segmenter over the whole text would take minutes on Node 20.
    const text = 'hello world, é👍🏽 '.repeat(20_000);
    expect(string.length(text)).to.equal(16 * 20_000);
    expect(string.slice(text, 16 * 19_999 + 14)).to.equal('👍🏽 ');
    expect(string.lexemes(text, ' ').length).to.equal(3 * 20_000);
  });

  it('names the bad value in its errors', () => {
    expect(() => string.length(42 as never))
      .to.throw(ErlangError)
      .with.property('message')
      .that.matches(/string:length\/1: .*42/);
    expect(() => string.slice('abc', -1)).to.throw(/Start must be a non-negative integer: -1/);
  });
});
