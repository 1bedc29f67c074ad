/**
 * Inputs for the bit-syntax differential test: binaries to build and binaries to match, each
 * written once as a `bin` template (its raw text and interpolated values) from which the same
 * Erlang expression is derived, since the template syntax is Erlang's. Hand tables cover the
 * edges by name; fast-check (fixed seeds, so the corpus is the same every run) covers the
 * combinations of type, size, unit, sign and endianness.
 */
import fc from 'fast-check';
import { bin } from 'erlts';
import { erlBinary, toErlang } from '../support/erlang.js';

/** A template: the raw text around each interpolation, and the interpolated values. */
export interface Template {
  readonly chunks: readonly string[];
  readonly values: readonly unknown[];
  /** Erlang source for each value, where toErlang's reading would be wrong (a float 2.0). */
  readonly erlValues?: readonly string[];
}

/** A binary to build: `bin` of the template against erl's `<<...>>` of the same text. */
export interface BuildCase {
  readonly name: string;
  readonly erl: string;
  readonly template: Template;
}

/** A binary to match: `matchBinary` against erl's `case Input of <<...>> -> ...`. */
export interface MatchCase {
  readonly name: string;
  readonly erl: string;
  readonly template: Template;
  readonly input: Buffer;
}

/** A tag that captures a template instead of running it. */
export const t = (strings: TemplateStringsArray, ...values: unknown[]): Template => ({
  chunks: [...strings.raw],
  values,
});

/** The Erlang source of a float, always with a dot or exponent and the sign of zero. */
export function floatText(x: number): string {
  if (Object.is(x, -0)) return '-0.0';
  if (Number.isSafeInteger(x)) return `${x}.0`;
  return toErlang(x);
}

/** The template's text with each interpolation replaced by `hole(i)`. */
function weave(template: Template, hole: (i: number) => string): string {
  return template.chunks.reduce((text, chunk, i) => (i === 0 ? chunk : `${text}${hole(i - 1)}${chunk}`), '');
}

function erlValue(template: Template, i: number): string {
  const v = template.values[i];
  return template.erlValues?.[i] ?? (Object.is(v, -0) ? '-0.0' : toErlang(v));
}

/** Erlang's `<<...>>` around a template's text, unless it already has them. */
function brackets(text: string): string {
  return text.trim().startsWith('<<') ? text : `<<${text}>>`;
}

/** Every variable a pattern text names (outside strings and char literals), `_` ones too. */
function allVariables(text: string): string[] {
  const bare = text.replace(/"(?:[^"\\]|\\.)*"/g, '""').replace(/\$\\?./g, '0');
  return [...bare.matchAll(/(?<![\w@#])[A-Z_][A-Za-z0-9_@]*/g)].map((m) => m[0]);
}

/** The variables a match reports (not `_`, not `_Name`), in order, once each. */
export function patternVariables(text: string): string[] {
  return [...new Set(allVariables(text).filter((v) => !v.startsWith('_')))];
}

function buildCase(template: Template, name?: string): BuildCase {
  const text = brackets(weave(template, (i) => `(${erlValue(template, i)})`));
  return { name: name ?? text, erl: text, template };
}

function matchCase(template: Template, input: Buffer, name?: string): MatchCase {
  const text = brackets(weave(template, (i) => `H${i}`));
  const binds = template.values.map((_, i) => `H${i} = ${erlValue(template, i)}, `).join('');
  const vars = patternVariables(template.chunks.join(' '));
  const map = `#{${vars.map((v) => `'${v}' => ${v}`).join(', ')}}`;
  return {
    name: name ?? `${brackets(weave(template, (i) => `\${${erlValue(template, i)}}`))} = ${erlBinary(input)}`,
    erl: `${binds}case ${erlBinary(input)} of ${text} -> {ok, ${map}}; _ -> nomatch end`,
    template,
    input,
  };
}

const bytes = (...b: number[]): Buffer => Buffer.from(b);

// ---------------------------------------------------------------------------------------------
// Construction: hand table

const handBuild: Template[] = [
  t``,
  t`1, 2, 3`,
  t`1, 2:16, "abc", ${-1}:8/signed`,
  t`${0x01020304}:32, ${5}:16/little, ${Buffer.from('hello')}/binary`,
  t`"abc":16/little`,
  t`"ab"/utf16-little`,
  t`"é€😀"/utf8`,
  t`"é€😀"/utf16`,
  t`"é€😀"/utf32-little`,
  t`"é€"`,
  t`"ab" "cd", $z, $\n, $\x{41}, 16#FF, 2#1010, 36#Z`,
  t`1_000:16`,
  t`${0xabc}:12/little, 0:4`,
  t`${0xabcde}:20/little, 0:4`,
  t`1:1, ${0xabcd}:16/little, 0:7`,
  t`1:1, ${0xabc}:12/little, 0:3`,
  t`${-1}:16/little-signed, 3.5:32/float`,
  t`${300}:8/signed`,
  t`${-129}:8`,
  t`${2 ** 53}:64`,
  t`${2n ** 53n}:64`,
  t`${2n ** 64n - 1n}:64`,
  t`${2n ** 64n}:64`,
  t`${-(2n ** 63n)}:64/signed`,
  t`${-(2n ** 64n)}:64`,
  t`${2n ** 100n + 12345n}:128/little`,
  t`${-1}:128/signed`,
  t`${Number.MAX_SAFE_INTEGER}:53, 0:3`,
  t`${Number.MIN_SAFE_INTEGER}:54/signed, 0:2`,
  t`${1}:0, 7`,
  t`${1.5}:8`,
  t`${'foo'}:8`,
  t`${Buffer.from([1])}:8`,
  t`${1}:64/float`,
  t`${2n ** 70n}:64/float`,
  t`${2n ** 1100n}:64/float`,
  t`${2n ** 1100n}:32/float`,
  t`${2n ** 200n}:32/float`,
  t`${1e300}:32/float`,
  t`${3.4028235677973366e38}:32/float`,
  t`${3.4028234663852886e38}:32/float`,
  t`${1e-50}:32/float`,
  t`1.5:16/float, ${65504}:16/float, ${65519.99}:16/float, ${65520}:16/float`,
  t`${1 + 2 ** -11}:16/float, ${1 + 2 ** -11 + 2 ** -30}:16/float, ${1 + 3 * 2 ** -11}:16/float`,
  t`${6e-8}:16/float, ${2.98e-8}:16/float, ${2 ** -25}:16/float, ${2 ** -24}:16/float, ${-(2 ** -14)}:16/float`,
  t`${1e-10}:16/float, ${-1e10}:16/float`,
  t`${1.5}:0/float`,
  t`${1.5}:8/float`,
  t`${1.5}/float-little`,
  t`${1.5}:4/float-unit:16`,
  t`${-0.0}:64/float`,
  t`${'foo'}/float`,
  t`${Buffer.from([1, 2, 3])}:2/binary`,
  t`${Buffer.from([1, 2, 3])}:4/binary`,
  t`${Buffer.from([1, 2, 3])}/binary-unit:16`,
  t`${Buffer.from([1, 2, 3, 4])}/binary-unit:16`,
  t`${Buffer.from([1, 2, 3])}:2/binary-unit:4`,
  t`${Buffer.from([1, 2, 3])}:3/bits, 0:5`,
  t`${Buffer.from([1, 2, 3])}/bits`,
  t`${Buffer.from([1, 2, 3])}/bytes`,
  t`${Buffer.from([1, 2, 3])}:0/binary`,
  t`1:4, ${Buffer.from([0xab, 0xcd])}/binary, 2:4`,
  t`1:3, ${Buffer.from([0xff, 0x00, 0xff])}:20/bits, 0:1`,
  t`${5}/binary`,
  t`"ab"/binary`,
  t`${0xd800}/utf8`,
  t`${0x110000}/utf8`,
  t`${-1}/utf8`,
  t`${0xdfff}/utf16`,
  t`${0x10ffff}/utf16-little, ${0x10ffff}/utf32-little, ${0x10ffff}/utf8`,
  t`${65}/utf8-signed`,
  t`${1.5}/utf8`,
  t`1:4`,
  t`${1}:${-1}`,
  t`${1}:${'foo'}`,
  t`${1}:${1.5}`,
  t`${7}:(${2} * 4)`,
  t`${7}:(16 div 2), ${3}:(10 rem 4), ${1}:(-2 + 8), 0:2`,
  t`${7}:${8n}`,
  t`<<1, 2>>`,
];

// ---------------------------------------------------------------------------------------------
// Generators shared by both directions

type Piece = string | { readonly value: unknown; readonly erl?: string };

function assemble(pieces: readonly Piece[]): Template {
  const chunks = [''];
  const values: unknown[] = [];
  const erlValues: string[] = [];
  for (const p of pieces) {
    if (typeof p === 'string') chunks[chunks.length - 1] += p;
    else {
      values.push(p.value);
      erlValues.push(p.erl ?? toErlang(p.value));
      chunks.push('');
    }
  }
  return { chunks, values, erlValues };
}

const pow2 = (n: number): bigint => 1n << BigInt(n);
/** An integer as DESIGN §2 has it: a number when safe, else a bigint. */
const term = (v: bigint): number | bigint =>
  v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;

const intWidths = [
  0, 1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 15, 16, 17, 23, 24, 25, 31, 32, 33, 40, 47, 48, 49, 52, 53,
];
const wideWidths = [54, 56, 63, 64, 65, 72, 96, 128];
const widthArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...intWidths) },
  { weight: 1, arbitrary: fc.constantFrom(...wideWidths) },
);

/** Integers near the edges of an `n`-bit field, and some anywhere. */
function integerArb(n: number): fc.Arbitrary<bigint> {
  const edges = [0n, 1n, -1n, pow2(n) - 1n, pow2(n), -pow2(n), n > 0 ? pow2(n - 1) : 0n];
  edges.push(n > 0 ? pow2(n - 1) - 1n : 0n, n > 0 ? -pow2(n - 1) : 0n, n > 0 ? -pow2(n - 1) - 1n : 0n);
  edges.push(pow2(53) - 1n, pow2(53), -pow2(53), pow2(64) - 1n, pow2(63), -pow2(63));
  return fc.oneof(
    fc.constantFrom(...edges),
    fc.bigInt({ min: -pow2(n + 1), max: pow2(n + 1) }),
    fc.bigInt({ min: 0n, max: pow2(n) > 0n ? pow2(n) - 1n : 0n }),
  );
}

const endianArb = fc.constantFrom<string[]>([], [], ['big'], ['little'], ['native']);
const signArb = fc.constantFrom<string[]>([], [], ['signed'], ['unsigned']);

function specText(specs: readonly string[]): string {
  return specs.length === 0 ? '' : `/${specs.join('-')}`;
}

/** A segment of generated construction and its width (null: it should raise badarg). */
interface GenSegment {
  readonly pieces: Piece[];
  readonly bits: number | null;
}

/** An integer literal's text, sometimes in another base or as a char. */
function intLiteral(v: bigint, style: number): string {
  if (v >= 0n && style === 1) return `16#${v.toString(16).toUpperCase()}`;
  if (v >= 0n && style === 2) return `2#${v.toString(2)}`;
  if (v >= 97n && v <= 122n && style === 3) return `$${String.fromCharCode(Number(v))}`;
  return v.toString();
}

const buildInteger: fc.Arbitrary<GenSegment> = widthArb.chain((n) =>
  fc
    .record({
      value: fc.oneof(
        { weight: 12, arbitrary: integerArb(n).map((v): unknown => term(v)) },
        { weight: 1, arbitrary: fc.constantFrom<unknown>(1.5, 'foo', Buffer.from([1]), -0.25) },
      ),
      unit: fc.constantFrom(1, 1, 1, 2, 4, 8),
      sign: signArb,
      endian: endianArb,
      explicitType: fc.boolean(),
      valueForm: fc.constantFrom('hole', 'hole', 'literal'),
      literalStyle: fc.integer({ min: 0, max: 4 }),
      sizeForm: fc.constantFrom('literal', 'literal', 'hole', 'expr', 'default'),
    })
    .map(({ value, unit, sign, endian, explicitType, valueForm, literalStyle, sizeForm }) => {
      const size = Math.floor(n / unit);
      const bits = size * unit;
      const specs = [...(explicitType ? ['integer'] : []), ...sign, ...endian];
      const pieces: Piece[] = [];
      const isInt = typeof value === 'number' ? Number.isSafeInteger(value) : typeof value === 'bigint';
      if (valueForm === 'literal' && isInt) pieces.push(intLiteral(BigInt(value as number), literalStyle));
      else pieces.push({ value });
      if (sizeForm === 'default' && unit === 1) {
        pieces.push(specText(specs));
        return { pieces, bits: isInt ? 8 : null };
      }
      if (unit !== 1) specs.push(`unit:${unit}`);
      if (sizeForm === 'hole') pieces.push(':', { value: size });
      else if (sizeForm === 'expr') pieces.push(`:(${size + 3} - `, { value: 3 }, ')');
      else pieces.push(`:${size}`);
      pieces.push(specText(specs));
      return { pieces, bits: isInt ? bits : null };
    }),
);

const halfExact = fc
  .record({ k: fc.integer({ min: -2047, max: 2047 }), e: fc.integer({ min: -24, max: 5 }) })
  .map(({ k, e }) => k * 2 ** e);
const floatSpecials = [
  0,
  -0,
  1,
  -1.5,
  0.1,
  65504,
  65519.99,
  65520,
  65536,
  1e-8,
  5.960464477539063e-8,
  2.98e-8,
  2 ** -25,
  3.4028234663852886e38,
  3.4028235677973366e38,
  1.1754943508222875e-38,
  1e-45,
  1e300,
  -1e300,
  5e-324,
  2.2250738585072014e-308,
  Number.MAX_VALUE,
  2 ** 53,
  123456789,
];
const floatValueArb: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(...floatSpecials),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.double({ min: -70000, max: 70000, noNaN: true }),
  halfExact,
  fc.float({ noNaN: true, noDefaultInfinity: true }).map((x) => Math.fround(x)),
);

const buildFloat: fc.Arbitrary<GenSegment> = fc
  .record({
    value: fc.oneof(
      { weight: 10, arbitrary: floatValueArb.map((x): unknown => x) },
      {
        weight: 1,
        arbitrary: fc.constantFrom<unknown>(7, -3n, 2n ** 70n, 2n ** 1100n, 'foo', Buffer.from([1])),
      },
    ),
    width: fc.oneof(
      { weight: 12, arbitrary: fc.constantFrom(16, 32, 64) },
      { weight: 1, arbitrary: fc.constantFrom(0, 8, 24, 128) },
    ),
    endian: endianArb,
    sign: fc.constantFrom<string[]>([], [], ['signed']),
    form: fc.constantFrom('literal', 'hole', 'hole', 'unit', 'default'),
  })
  .map(({ value, width, endian, sign, form }) => {
    const specs = ['float', ...endian, ...sign];
    const ok =
      (typeof value === 'number' && Number.isFinite(value)) ||
      (typeof value === 'bigint' && value < 2n ** 1000n);
    const pieces: Piece[] = [];
    if (form === 'literal' && typeof value === 'number') pieces.push(floatText(value));
    else pieces.push({ value, ...(typeof value === 'number' ? { erl: floatText(value) } : {}) });
    let bits = width;
    if (form === 'default') bits = 64;
    else if (form === 'unit' && width % 16 === 0 && width > 0) {
      pieces.push(`:${width / 16}`);
      specs.push('unit:16');
    } else if (form === 'hole') pieces.push(':', { value: width });
    else pieces.push(`:${width}`);
    pieces.push(specText(specs));
    return { pieces, bits: ok && (bits === 16 || bits === 32 || bits === 64) ? bits : null };
  });

const binaryTypes: [string[], number][] = [
  [['binary'], 8],
  [['bytes'], 8],
  [['bits'], 1],
  [['bitstring'], 1],
  [['binary', 'unit:1'], 1],
  [['binary', 'unit:4'], 4],
  [['binary', 'unit:16'], 16],
  [['bits', 'unit:1'], 1],
];

const buildBinary: fc.Arbitrary<GenSegment> = fc
  .record({
    value: fc.oneof(
      { weight: 10, arbitrary: fc.uint8Array({ maxLength: 6 }).map((a): unknown => Buffer.from(a)) },
      { weight: 1, arbitrary: fc.constantFrom<unknown>(5, 'foo', 1.5) },
    ),
    type: fc.constantFrom(...binaryTypes),
    sizeFraction: fc.option(fc.double({ min: 0, max: 1.1, noNaN: true }), { freq: 2 }),
    sizeHole: fc.boolean(),
  })
  .map(({ value, type: [specs, unit], sizeFraction, sizeHole }) => {
    // Mostly a size the binary has, sometimes one past it.
    const length = value instanceof Uint8Array ? value.length : 2;
    const size =
      sizeFraction === null
        ? null
        : Math.floor(((length * 8) / unit) * sizeFraction + (sizeFraction > 1 ? 1 : 0));
    const pieces: Piece[] = [{ value }];
    let bits: number | null;
    if (!(value instanceof Uint8Array)) bits = null;
    else if (size === null) bits = (value.length * 8) % unit === 0 ? value.length * 8 : null;
    else bits = size * unit <= value.length * 8 ? size * unit : null;
    if (size !== null) pieces.push(':', ...(sizeHole ? [{ value: size }] : [`${size}`]));
    pieces.push(specText(specs));
    return { pieces, bits };
  });

const codePointSpecials = [
  0, 0x24, 0x7f, 0x80, 0xe9, 0x7ff, 0x800, 0xd7ff, 0xe000, 0xfffd, 0xfffe, 0xffff, 0x10000, 0x1f600, 0x10fffe,
  0x10ffff,
];
const codePointArb = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...codePointSpecials) },
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff) },
  { weight: 1, arbitrary: fc.constantFrom(0xd800, 0xdbff, 0xdc00, 0xdfff, 0x110000, -1, 2 ** 32) },
);

function utfBytes(type: string, cp: number): number {
  if (type === 'utf8') return Buffer.byteLength(String.fromCodePoint(cp));
  return type === 'utf16' ? (cp < 0x10000 ? 2 : 4) : 4;
}

const validCodePoint = (cp: number): boolean => cp >= 0 && cp <= 0x10ffff && (cp < 0xd800 || cp > 0xdfff);

const buildUtf: fc.Arbitrary<GenSegment> = fc
  .record({
    cp: codePointArb,
    type: fc.constantFrom('utf8', 'utf16', 'utf32'),
    endian: endianArb,
    literal: fc.boolean(),
  })
  .map(({ cp, type, endian, literal }) => {
    const pieces: Piece[] = [literal ? `${cp}` : { value: cp }, specText([type, ...endian])];
    return { pieces, bits: validCodePoint(cp) ? 8 * utfBytes(type, cp) : null };
  });

const stringChars = ['a', 'Z', '0', ' ', 'é', 'ÿ', '€', '😀', '\u{10ffff}'];
const buildString: fc.Arbitrary<GenSegment> = fc
  .record({
    chars: fc.array(fc.constantFrom(...stringChars), { maxLength: 4 }),
    spec: fc.constantFrom(
      '',
      '/utf8',
      '/utf16',
      '/utf32-little',
      ':16',
      ':16/little',
      ':4',
      '/float',
      ':32/float',
    ),
  })
  .map(({ chars, spec }) => {
    const text = chars
      .map((c) => (c.codePointAt(0)! < 128 ? c : `\\x{${c.codePointAt(0)!.toString(16)}}`))
      .join('');
    const per = (c: string): number => {
      const cp = c.codePointAt(0)!;
      if (spec.startsWith('/utf')) return 8 * utfBytes(spec.slice(1, 6), cp);
      if (spec.startsWith(':16')) return 16;
      if (spec === ':4') return 4;
      if (spec === '/float') return 64;
      if (spec === ':32/float') return 32;
      return 8;
    };
    return { pieces: [`"${text}"${spec}`], bits: chars.reduce((s, c) => s + per(c), 0) };
  });

const buildSegment = fc.oneof(
  { weight: 6, arbitrary: buildInteger },
  { weight: 3, arbitrary: buildFloat },
  { weight: 3, arbitrary: buildBinary },
  { weight: 2, arbitrary: buildUtf },
  { weight: 1, arbitrary: buildString },
);

const buildTemplate: fc.Arbitrary<Template> = fc
  .record({
    segments: fc.array(buildSegment, { minLength: 1, maxLength: 4 }),
    pad: fc.integer({ min: 0, max: 9 }),
  })
  .map(({ segments, pad }) => {
    const pieces: Piece[] = [];
    segments.forEach((s, i) => pieces.push(...(i > 0 ? [', '] : []), ...s.pieces));
    const total = segments.reduce<number | null>(
      (sum, s) => (sum === null || s.bits === null ? null : sum + s.bits),
      0,
    );
    // Mostly pad to whole bytes, so most cases build; the rest check the bitstring badarg.
    if (total !== null && total % 8 !== 0 && pad > 0) pieces.push(`, 0:${8 - (total % 8)}`);
    return assemble(pieces);
  });

// ---------------------------------------------------------------------------------------------
// Matching: hand table

const handMatch: [Template, Buffer][] = [
  [t`X:8`, bytes(255)],
  [t`-1:8/signed`, bytes(255)],
  [t`-1:8, X/binary`, bytes(255)],
  [t`${-1}:8, X/binary`, bytes(255)],
  [t`${'foo'}:8, X/binary`, bytes(1)],
  [t`${1.5}:8, X/binary`, bytes(1)],
  [t`${0.1}:32/float, X/binary`, bytes(0x3d, 0xcc, 0xcc, 0xcd)],
  [t`${-1}:8/signed`, bytes(255)],
  [t`X:8/float`, bytes(1)],
  [t`X:24/float`, bytes(1, 2, 3)],
  [t`X:4/float-unit:8`, bytes(1, 2, 3, 4)],
  [t`X:64/float`, bytes(0x7f, 0xf8, 0, 0, 0, 0, 0, 0)],
  [t`X:64/float`, bytes(0x7f, 0xf0, 0, 0, 0, 0, 0, 0)],
  [t`_:64/float`, bytes(0xff, 0xf0, 0, 0, 0, 0, 0, 0)],
  [t`X:64/float`, bytes(0x80, 0, 0, 0, 0, 0, 0, 0)],
  [t`X:64/float`, bytes(0, 0, 0, 0, 0, 0, 0, 1)],
  [t`X:32/float`, bytes(0x7f, 0x80, 0, 0)],
  [t`X:32/float`, bytes(0x7f, 0x7f, 0xff, 0xff)],
  [t`X:32/float-little`, bytes(0, 0, 0xc0, 0x3f)],
  [t`X:16/float`, bytes(0x7c, 0)],
  [t`X:16/float`, bytes(0xfc, 0)],
  [t`X:16/float`, bytes(0x7e, 0)],
  [t`X:16/float`, bytes(0, 1)],
  [t`X:16/float`, bytes(0x7b, 0xff)],
  [t`X:16/float-little`, bytes(0xff, 0x7b)],
  [t`1.5:32/float`, bytes(0x3f, 0xc0, 0, 0)],
  [t`${1.5}:32/float`, bytes(0x3f, 0xc0, 0, 0)],
  [t`A:4, R/bits`, bytes(1, 2)],
  [t`A:4, _/bits`, bytes(1, 2)],
  [t`A:4, R/binary`, bytes(1, 2)],
  [t`A:4, R:4/bits`, bytes(0x12)],
  [t`A:4, R:1/binary, _:4`, bytes(0x12, 0x34)],
  [t`A:3, R:2/binary, B:5`, bytes(0xff, 0x00, 0xff)],
  [t`C/utf8`, bytes(192, 128)],
  [t`C/utf8`, bytes(237, 160, 128)],
  [t`C/utf8`, bytes(0xf4, 0x90, 0x80, 0x80)],
  [t`C/utf8`, bytes(0xf4, 0x8f, 0xbf, 0xbf)],
  [t`C/utf8`, bytes(0xe0, 0x80, 0x80)],
  [t`C/utf8`, bytes(0xe2, 0x82)],
  [t`C/utf8`, bytes(0x80)],
  [t`C/utf8`, bytes(0xff)],
  [t`C/utf8, R/binary`, Buffer.from('€uro')],
  [t`C/utf8, R/binary`, Buffer.from('😀!')],
  [t`A:4, C/utf8, B:4`, bytes(0x1c, 0x3a, 0x92)],
  [t`C/utf16`, bytes(0xd8, 0x00)],
  [t`C/utf16`, bytes(0xd8, 0x00, 0xdc, 0x00)],
  [t`C/utf16`, bytes(0xdc, 0x00)],
  [t`C/utf16`, bytes(0xd8, 0x00, 0x00, 0x41)],
  [t`C/utf16-little`, bytes(0x3d, 0xd8, 0x00, 0xde)],
  [t`C/utf16`, bytes(0xff, 0xff)],
  [t`C/utf32`, bytes(0, 0, 0xd8, 0)],
  [t`C/utf32`, bytes(0, 0x11, 0, 0)],
  [t`C/utf32`, bytes(0, 0x10, 0xff, 0xff)],
  [t`C/utf32-little`, bytes(0xff, 0xff, 0x10, 0)],
  [t`$a/utf8, R/binary`, Buffer.from('abc')],
  [t`${0xe9}/utf8`, Buffer.from('é')],
  [t`"ab", R/binary`, Buffer.from('abc')],
  [t`"ab"`, Buffer.from('abc')],
  [t`"ab"/utf16`, bytes(0, 97, 0, 98)],
  [t`"é€"/utf8`, Buffer.from('é€')],
  [t`"é€"/utf32-little`, bytes(0xe9, 0, 0, 0, 0xac, 0x20, 0, 0)],
  [t`"é"`, bytes(0xe9)],
  [t`A:1/binary, A:1/binary, _/binary`, bytes(1, 2, 3)],
  [t`A:1/binary, A:1/binary, _/binary`, bytes(1, 1, 3)],
  [t`A:8, A:8`, bytes(7, 7)],
  [t`A:8, A:8`, bytes(7, 8)],
  [t`_A:8, _A:8`, bytes(7, 8)],
  [t`_A:8, _A:8`, bytes(7, 7)],
  [t`_A:8, B:_A/binary`, bytes(2, 7, 8)],
  [t`L, D:L/binary, R/binary`, bytes(3, 1, 2, 3, 4)],
  [t`L, D:L/binary, R/binary`, bytes(3, 1, 2)],
  [t`L:32, Data:L/binary, Rest/binary`, bytes(0, 0, 0, 2, 9, 9)],
  [t`L:16/little, Data:L/bytes`, bytes(2, 0, 9, 9)],
  [t`L:8, D:(L*8)/bits`, bytes(2, 1, 2)],
  [t`L:8, D:(L - 1)/binary`, bytes(3, 1, 2)],
  [t`L:8, D:(L - 1)/binary`, bytes(0)],
  [t`L:8, D:(L div 2)/binary, _/binary`, bytes(5, 1, 2, 3)],
  [t`L:8, D:(L rem 3)/binary`, bytes(5, 1, 2)],
  [t`L:8, D:(-L + 2)/binary`, bytes(1, 7)],
  [t`L:4, D:L, _:4`, bytes(0x3a, 0xbc)],
  [t`L:8, D:L/binary-unit:16`, bytes(1, 1, 2)],
  [t`L:8, D:L/binary-unit:16`, bytes(1, 1)],
  [t`S:8/signed, D:S/binary`, bytes(0xff)],
  [t`A:1/binary, B:A/binary`, bytes(1, 2)],
  [t`_:8, R/binary-unit:16`, bytes(1, 2, 3)],
  [t`_:8, R/binary-unit:16`, bytes(1, 2)],
  [t`R:2/binary-unit:4, _/bits`, bytes(1, 2, 3)],
  [t`A:8/little-signed`, bytes(1)],
  [t`A:24/little`, bytes(1, 2, 3)],
  [t`A:12/little, _:12`, bytes(1, 2, 3)],
  [t`A:3/little-unit:4, _:12`, bytes(1, 2, 3)],
  [t`A:12/little-signed, B:4/signed`, bytes(0xff, 0xff)],
  [t`A:64`, bytes(255, 255, 255, 255, 255, 255, 255, 255)],
  [t`A:64/signed`, bytes(255, 255, 255, 255, 255, 255, 255, 255)],
  [t`A:64/signed`, bytes(128, 0, 0, 0, 0, 0, 0, 0)],
  [t`A:64/little`, bytes(0, 0, 0, 0, 0, 0, 32, 0)],
  [t`A:64/little`, bytes(1, 0, 0, 0, 0, 0, 32, 0)],
  [t`A:53, _:3`, bytes(255, 255, 255, 255, 255, 255, 255)],
  [t`A:54/signed, _:2`, bytes(128, 0, 0, 0, 0, 0, 0)],
  [t`A:128/little-signed`, Buffer.alloc(16, 0xfe)],
  [t`A:72, B:0, C:0/signed`, Buffer.alloc(9, 0xa5)],
  [t`${2n ** 64n - 1n}:64`, Buffer.alloc(8, 255)],
  [t`${2 ** 53}:64, X/binary`, bytes(0, 0x20, 0, 0, 0, 0, 0, 0)],
  [t`${2n ** 53n}:64`, bytes(0, 0x20, 0, 0, 0, 0, 0, 0)],
  [t`${5n}:8`, bytes(5)],
  [t`18446744073709551615:64`, Buffer.alloc(8, 255)],
  [t`-9223372036854775808:64/signed`, bytes(128, 0, 0, 0, 0, 0, 0, 0)],
  [t`16#FF, $a, 2#11`, bytes(255, 97, 3)],
  [t`${Buffer.from('hi')}:2/binary, R/binary`, Buffer.from('ho!')],
  [t`${Buffer.from('hi')}:1/binary, R/binary`, Buffer.from('hi!')],
  [t`X:8, ${Buffer.from('x')}/binary`, Buffer.from('ax')],
  [t`X:${16}, Y:(${1} + 7)`, bytes(1, 2, 3)],
  [t`X:${-1}`, bytes(1)],
  [t`X:${'a'}`, bytes(1)],
  [t`X:${1.5}`, bytes(1)],
  [t`X:${2n}/binary`, bytes(1, 2)],
  [t`<<X:8, Y:8>>`, bytes(1, 2)],
  [t``, bytes()],
  [t``, bytes(0)],
  [t`_/binary`, bytes()],
  [t`X/binary`, bytes()],
  [t`X:8`, bytes()],
  [t`X:8`, bytes(1, 2)],
  [t`X:16`, bytes(1)],
];

// ---------------------------------------------------------------------------------------------
// Matching: generated patterns with inputs built to (mostly) fit them

/** A pattern segment plan: its pattern pieces and the construction pieces of its content. */
interface MatchPlan {
  readonly pattern: Piece[];
  readonly content: Piece[];
}

type Operand = 'bind' | 'skip' | 'under' | 'literal' | 'hole' | 'wrong';
const operandArb = fc.constantFrom<Operand>(
  'bind',
  'bind',
  'bind',
  'skip',
  'under',
  'literal',
  'hole',
  'wrong',
);

function operandText(op: Operand, name: string, literal: string, value: unknown, erl?: string): Piece[] {
  switch (op) {
    case 'bind':
      return [name];
    case 'skip':
      return ['_'];
    case 'under':
      return [`_${name}`];
    case 'literal':
      return [literal];
    default:
      return [erl === undefined ? { value } : { value, erl }];
  }
}

const matchInteger = fc
  .record({
    n: widthArb,
    signed: fc.boolean(),
    endian: endianArb,
    unit: fc.constantFrom(1, 1, 1, 2, 4),
    op: operandArb,
  })
  .chain((r) => {
    const lo = r.signed ? (r.n > 0 ? -pow2(r.n - 1) : 0n) : 0n;
    const hi = r.signed ? (r.n > 0 ? pow2(r.n - 1) - 1n : 0n) : pow2(r.n) - 1n;
    const edges = [lo, hi, 0n, lo + 1n < hi ? lo + 1n : lo, hi > 0n ? hi - 1n : hi];
    return fc.record({
      r: fc.constant(r),
      v: fc.oneof(fc.constantFrom(...edges), fc.bigInt({ min: lo, max: hi })),
      asBig: fc.boolean(),
    });
  })
  .map(({ r: { n, signed, endian, unit, op }, v, asBig }) => (name: string): MatchPlan => {
    const size = Math.floor(n / unit);
    const bits = size * unit;
    const specs = [...(signed ? ['signed'] : []), ...endian, ...(unit > 1 ? [`unit:${unit}`] : [])];
    const lo = signed ? (bits > 0 ? -pow2(bits - 1) : 0n) : 0n;
    const hi = signed ? (bits > 0 ? pow2(bits - 1) - 1n : 0n) : pow2(bits) - 1n;
    const value = v < lo ? lo : v > hi ? hi : v;
    const expected = op === 'wrong' ? value + 1n : value;
    // An interpolated integer may come as a bigint even when small (5n): both must match.
    const holeValue = asBig ? expected : term(expected);
    return {
      pattern: [
        ...operandText(op, name, expected.toString(), holeValue, expected.toString()),
        `:${size}${specText(specs)}`,
      ],
      content: [{ value: term(value) }, `:${bits}${specText([...(signed ? ['signed'] : []), ...endian])}`],
    };
  });

const rawFloatBits: [number, bigint][] = [
  [16, 0x7c00n],
  [16, 0xfc00n],
  [16, 0x7e01n],
  [16, 0x0001n],
  [16, 0x8000n],
  [32, 0x7f800000n],
  [32, 0xffc00000n],
  [32, 0x00000001n],
  [64, 0x7ff0000000000000n],
  [64, 0xfff8000000000000n],
  [64, 0x0000000000000001n],
  [64, 0x8000000000000000n],
];

const matchFloat = fc
  .record({
    width: fc.constantFrom<16 | 32 | 64>(16, 32, 64),
    endian: endianArb,
    op: operandArb,
    x: floatValueArb,
    h: halfExact,
    raw: fc.option(fc.constantFrom(...rawFloatBits), { freq: 5 }),
    form: fc.constantFrom('plain', 'plain', 'unit', 'default'),
  })
  .map(({ width, endian, op, x, h, raw, form }) => (name: string): MatchPlan => {
    let n: number = width;
    let sizeText = `:${width}`;
    const specs = ['float', ...endian];
    if (form === 'unit') {
      sizeText = `:${width / 8}`;
      specs.push('unit:8');
    } else if (form === 'default') {
      n = 64;
      sizeText = '';
    }
    const little = endian.includes('little') || endian.includes('native');
    if (raw !== null) {
      const [rn, bits] = raw;
      return {
        pattern: [
          ...operandText(op === 'literal' || op === 'hole' || op === 'wrong' ? 'bind' : op, name, '', 0),
          sizeText,
          specText(specs),
        ],
        content: [
          `${bits}:${rn}${little ? '/little' : ''}`,
          ...(rn < n ? [`, 0:${n - rn}`] : rn > n ? [] : []),
        ],
      };
    }
    // A value the width holds exactly, so a literal of it matches.
    const value = n === 16 ? h : n === 32 ? Math.fround(x) : x;
    const fits = Number.isFinite(value) && !(n === 32 && Math.abs(value) > 3.4028234663852886e38);
    const v = fits ? value : 1.25;
    const expected = op === 'wrong' ? (v === 0 ? 1 : -v) : v;
    return {
      pattern: [
        ...operandText(op, name, floatText(expected), expected, floatText(expected)),
        sizeText,
        specText(specs),
      ],
      content: [{ value: v, erl: floatText(v) }, `:${n}${specText(['float', ...endian])}`],
    };
  });

const matchBinaryPlan = fc
  .record({
    data: fc.uint8Array({ maxLength: 5 }),
    type: fc.constantFrom('binary', 'bytes', 'bits', 'binary-unit:16', 'bits-unit:1'),
    op: fc.constantFrom<Operand>('bind', 'bind', 'skip', 'under', 'hole', 'wrong'),
  })
  .map(({ data, type, op }) => (name: string): MatchPlan => {
    let content = Buffer.from(data);
    let size = content.length;
    if (type === 'bits' || type === 'bits-unit:1') size = content.length * 8;
    if (type === 'binary-unit:16') {
      content = Buffer.concat([content, content]);
      size = data.length;
    }
    const expected = op === 'wrong' ? Buffer.concat([content, Buffer.from([0])]).subarray(1) : content;
    return {
      pattern: [...operandText(op, name, '', expected), `:${size}/${type}`],
      content: [{ value: content }, '/binary'],
    };
  });

const invalidUtf: [string, number[]][] = [
  ['utf8', [0xc0, 0x80]],
  ['utf8', [0xed, 0xa0, 0x80]],
  ['utf8', [0xf4, 0x90, 0x80, 0x80]],
  ['utf8', [0xe2, 0x28, 0xa1]],
  ['utf8', [0xf8, 0x88, 0x80, 0x80]],
  ['utf16', [0xd8, 0x00, 0x00, 0x41]],
  ['utf16', [0xdc, 0x00]],
  ['utf32', [0x00, 0x00, 0xd8, 0x00]],
  ['utf32', [0x00, 0x11, 0x00, 0x00]],
];

const matchUtf = fc
  .record({
    cp: codePointArb.filter(validCodePoint),
    type: fc.constantFrom('utf8', 'utf16', 'utf32'),
    endian: endianArb,
    op: operandArb,
    invalid: fc.option(fc.constantFrom(...invalidUtf), { freq: 6 }),
  })
  .map(({ cp, type, endian, op, invalid }) => (name: string): MatchPlan => {
    if (invalid !== null) {
      const [itype, b] = invalid;
      return {
        pattern: [name, `/${itype}`],
        content: [{ value: Buffer.from(b) }, '/binary'],
      };
    }
    const expected = op === 'wrong' ? (cp === 0x41 ? 0x42 : 0x41) : cp;
    const literal =
      expected >= 0x61 && expected <= 0x7a ? `$${String.fromCharCode(expected)}` : `${expected}`;
    return {
      pattern: [...operandText(op, name, literal, expected), specText([type, ...endian])],
      content: [{ value: cp }, specText([type, ...endian])],
    };
  });

const lengthPrefixed = fc
  .record({
    k: fc.integer({ min: 0, max: 5 }),
    lie: fc.option(fc.integer({ min: -1, max: 2 }), { freq: 4 }),
    form: fc.constantFrom('binary', 'bytes-le16', 'int4', 'bits-expr', 'minus-one', 'unit16', 'skip', 'hole'),
  })
  .map(({ k, lie, form }) => (name: string): MatchPlan => {
    const said = Math.max(0, k + (lie ?? 0));
    const data = (n: number): Piece => ({
      value: Buffer.from(Array.from({ length: n }, (_, i) => (i * 37 + k) & 0xff)),
    });
    const L = `${name}L`;
    const D = `${name}D`;
    switch (form) {
      case 'bytes-le16':
        return {
          pattern: [`${L}:16/little, ${D}:${L}/bytes`],
          content: [`${said}:16/little, `, data(k), '/binary'],
        };
      case 'int4':
        return { pattern: [`${L}:4, ${D}:${L}`], content: [`${said}:4, ${(k * 5) % 2 ** k}:${k}`] };
      case 'bits-expr':
        return { pattern: [`${L}:8, ${D}:(${L} * 8)/bits`], content: [`${said}, `, data(k), '/binary'] };
      case 'minus-one':
        return {
          pattern: [`${L}:8, ${D}:(${L} - 1)/binary`],
          content: [`${said}, `, data(Math.max(0, k - 1)), '/binary'],
        };
      case 'unit16':
        return {
          pattern: [`${L}:8, ${D}:${L}/binary-unit:16`],
          content: [`${said}, `, data(2 * k), '/binary'],
        };
      case 'skip':
        return { pattern: [`${L}:8, _:${L}/binary`], content: [`${said}, `, data(k), '/binary'] };
      case 'hole':
        return { pattern: [`${D}:`, { value: said }, '/binary'], content: [data(k), '/binary'] };
      default:
        return { pattern: [`${L}:8, ${D}:${L}/binary`], content: [`${said}, `, data(k), '/binary'] };
    }
  });

const repeated = fc
  .record({ v: fc.integer({ min: 0, max: 255 }), same: fc.boolean(), binary: fc.boolean() })
  .map(({ v, same, binary }) => (name: string): MatchPlan => {
    const w = same ? v : (v + 1) % 256;
    return binary
      ? { pattern: [`${name}:1/binary, ${name}:1/binary`], content: [`${v}, ${w}`] }
      : { pattern: [`${name}:8, ${name}:8`], content: [`${v}, ${w}`] };
  });

const stringPlan = fc
  .record({
    s: fc.constantFrom('ab', 'é', '€x', ''),
    type: fc.constantFrom('', '/utf8', '/utf16', '/utf32-little'),
    same: fc.boolean(),
  })
  .map(({ s, type, same }) => (): MatchPlan => {
    const text = [...s]
      .map((c) => (c.codePointAt(0)! < 128 ? c : `\\x{${c.codePointAt(0)!.toString(16)}}`))
      .join('');
    const other = same ? text : `${text}z`;
    return { pattern: [`"${text}"${type}`], content: [`"${other}"${type}`] };
  });

const tailPlan = fc.constantFrom(
  'Rest/binary',
  'Rest/bits',
  'Rest/bytes',
  '_/binary',
  '_/bits',
  'Rest/binary-unit:16',
  null,
);

const matchTemplate = fc
  .record({
    plans: fc.array(
      fc.oneof(
        { weight: 6, arbitrary: matchInteger },
        { weight: 3, arbitrary: matchFloat },
        { weight: 3, arbitrary: matchBinaryPlan },
        { weight: 3, arbitrary: matchUtf },
        { weight: 2, arbitrary: lengthPrefixed },
        { weight: 1, arbitrary: repeated },
        { weight: 1, arbitrary: stringPlan },
      ),
      { minLength: 1, maxLength: 4 },
    ),
    tail: tailPlan,
    tailBytes: fc.uint8Array({ maxLength: 4 }),
    mutation: fc.option(fc.record({ kind: fc.constantFrom('drop', 'append', 'flip'), at: fc.nat() }), {
      freq: 5,
    }),
  })
  .map(({ plans, tail: tailChoice, tailBytes, mutation }): [Template, Buffer] => {
    let tail = tailChoice;
    const pattern: Piece[] = [];
    const content: Piece[] = [];
    plans.forEach((plan, i) => {
      const p = plan(`V${i}`);
      if (i > 0) {
        pattern.push(', ');
        content.push(', ');
      }
      pattern.push(...p.pattern);
      content.push(...p.content);
    });
    // A template without a variable is built, not matched (see DEVIATIONS.md): give each a variable.
    const named = pattern.some((p) => typeof p === 'string' && allVariables(p).length > 0);
    if (tail === null && !named) tail = 'Rest/bits';
    if (tail !== null) {
      pattern.push(`, ${tail}`);
      content.push(', ', { value: Buffer.from(tailBytes) }, '/binary');
    }
    const built = assemble(content);
    // Content that is not whole bytes is padded (the pattern then meets bits it does not expect).
    let input: Buffer | null = null;
    for (let pad = 0; input === null; pad++) {
      const chunks = [...built.chunks.slice(0, -1), `${built.chunks.at(-1)}${pad === 0 ? '' : `, 0:${pad}`}`];
      try {
        input = bin(
          Object.assign([...chunks], { raw: chunks }) as unknown as TemplateStringsArray,
          ...built.values,
        );
      } catch (e) {
        if (pad === 7) throw e;
      }
    }
    if (mutation !== null && input.length > 0) {
      const at = mutation.at % input.length;
      if (mutation.kind === 'drop') input = input.subarray(0, input.length - 1);
      else if (mutation.kind === 'append') input = Buffer.concat([input, Buffer.from([at & 0xff])]);
      else {
        input = Buffer.from(input);
        input[at] = input[at]! ^ (1 << (mutation.at % 8));
      }
    }
    return [assemble(pattern), input];
  });

// ---------------------------------------------------------------------------------------------

/** Binaries to build: the hand table, then generated templates. */
export const buildCases: BuildCase[] = [
  ...handBuild.map((template) => buildCase(template)),
  ...fc.sample(buildTemplate, { seed: 20250101, numRuns: 800 }).map((template) => buildCase(template)),
];

/** Binaries to match: the hand table, then generated patterns and inputs. */
export const matchCases: MatchCase[] = [
  ...handMatch.map(([template, input]) => matchCase(template, input)),
  ...fc
    .sample(matchTemplate, { seed: 20250102, numRuns: 800 })
    .map(([template, input]) => matchCase(template, input)),
];
