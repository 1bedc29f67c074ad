import { expect } from 'chai';
import fc from 'fast-check';
import { ErlangError, bin, io_lib, isBinPattern, matchBinary, type BinPattern } from 'erlts';
import { erlangAvailable, evalInErlang, noErlang, type ErlOutcome } from '../support/erlang.js';
import { buildCases, matchCases, type Template } from './bits-cases.js';

/** Runs `bin` on a captured template, as the tag call would. */
function run(template: Template): unknown {
  const chunks = [...template.chunks];
  const strings = Object.assign([...chunks], { raw: chunks }) as unknown as TemplateStringsArray;
  return (bin as (s: TemplateStringsArray, ...v: unknown[]) => unknown)(strings, ...template.values);
}

/** A term as comparable text: Buffers as hex, bigints marked, keys sorted, -0 as 0. */
function tagged(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // JSON.stringify hands toJSON's result; the holder still has the Buffer itself.
    const original = this[key];
    if (typeof original === 'bigint') return { big: original.toString() };
    if (original instanceof Uint8Array) return { bin: Buffer.from(original).toString('hex') };
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) {
      return Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)));
    }
    return v;
  });
}

function outcome(fn: () => unknown): string {
  try {
    return `ok ${tagged(fn())}`;
  } catch (e) {
    if (ErlangError.is(e)) return `error:${String(e.reason)}`;
    return `crash ${String(e)}`;
  }
}

function erlOutcome(o: ErlOutcome): string {
  return o.ok ? `ok ${tagged(o.value)}` : `${o.class}:${String(o.reason)}`;
}

const badarg = (fn: () => unknown, message: RegExp): void => {
  let thrown: unknown;
  try {
    fn();
  } catch (e) {
    thrown = e;
  }
  expect(ErlangError.is(thrown), `raises ErlangError, got ${String(thrown)}`).to.equal(true);
  expect((thrown as ErlangError).reason).to.equal('badarg');
  expect((thrown as ErlangError).message).to.match(message);
};

const b = (...bytes: number[]): Buffer => Buffer.from(bytes);

describe('bit syntax (bin, matchBinary)', () => {
  describe('against real erl', function () {
    this.timeout(120_000);

    it(`builds what erl's <<...>> builds for ${buildCases.length} templates`, function () {
      if (!erlangAvailable()) this.skip();
      expect(buildCases.length).to.be.greaterThanOrEqual(500);
      const expected = evalInErlang(buildCases.map((c) => c.erl));
      const mismatches: string[] = [];
      let bitstrings = 0;
      buildCases.forEach((c, i) => {
        const want = expected[i]!;
        let w = erlOutcome(want);
        // A bitstring that is not whole bytes has no JS form: erlts raises badarg (DEVIATIONS.md).
        if (want.ok && typeof want.value === 'string' && want.value.startsWith('<<')) {
          w = 'error:badarg';
          bitstrings++;
        }
        const g = outcome(() => run(c.template));
        if (w !== g) mismatches.push(`${c.name}\n    erl:   ${w}\n    erlts: ${g}`);
      });
      expect(
        mismatches,
        `${mismatches.length} mismatches:\n${mismatches.slice(0, 25).join('\n')}`,
      ).to.deep.equal([]);
      expect(bitstrings, 'some cases build a bitstring').to.be.greaterThan(0);
    });

    it(`matches as erl's case <<...>> matches for ${matchCases.length} patterns and inputs`, function () {
      if (!erlangAvailable()) this.skip();
      expect(matchCases.length).to.be.greaterThanOrEqual(500);
      const expected = evalInErlang(matchCases.map((c) => c.erl));
      const mismatches: string[] = [];
      let matched = 0;
      let bitstrings = 0;
      const isBitstring = (v: unknown): boolean => typeof v === 'string' && v.startsWith('<<');
      matchCases.forEach((c, i) => {
        const want = expected[i]!;
        let w = erlOutcome(want);
        // A bitstring that is not whole bytes has no JS form: erlts does not match (DEVIATIONS.md).
        if (
          want.ok &&
          Array.isArray(want.value) &&
          Object.values(want.value[1] as object).some(isBitstring)
        ) {
          w = 'ok "nomatch"';
          bitstrings++;
        }
        const g = outcome(() => {
          const m = matchBinary(run(c.template) as BinPattern, c.input);
          return m === null ? 'nomatch' : ['ok', m];
        });
        if (w.startsWith('ok ["ok"')) matched++;
        if (w !== g) mismatches.push(`${c.name}\n    erl:   ${w}\n    erlts: ${g}`);
      });
      expect(
        mismatches,
        `${mismatches.length} mismatches:\n${mismatches.slice(0, 25).join('\n')}`,
      ).to.deep.equal([]);
      // The corpus is only worth something if both outcomes are common.
      expect(matched, 'cases that match').to.be.greaterThan(matchCases.length / 4);
      expect(bitstrings, 'cases that would bind a bitstring').to.be.greaterThan(0);
      expect(matchCases.length - matched, 'cases that do not match').to.be.greaterThan(matchCases.length / 5);
    });

    if (!erlangAvailable()) it.skip(noErlang);
  });

  describe('building', () => {
    it('builds a Buffer from a template without variables', () => {
      const Id = 0x01020304;
      const Len = 5;
      const Rest = Buffer.from('hello');
      const frame = bin`${Id}:32, ${Len}:16/little, ${Rest}/binary`;
      expect(Buffer.isBuffer(frame)).to.equal(true);
      expect(frame).to.deep.equal(Buffer.concat([b(1, 2, 3, 4, 5, 0), Rest]));
    });

    it('accepts <<...>> around the segments, so a port may keep its brackets', () => {
      expect(bin`<<1, 2:16>>`).to.deep.equal(b(1, 0, 2));
    });

    it('returns a fresh Buffer each time for a constant template', () => {
      const make = (): Buffer => bin`"abc"`;
      const first = make();
      first[0] = 0;
      expect(make()).to.deep.equal(Buffer.from('abc'));
    });

    it('compiles a template once and evaluates it with each call’s values', () => {
      const frame = (n: number): Buffer => bin`${n}:16, ${n + 1}:8/little`;
      for (let i = 0; i < 300; i++) expect(frame(i)).to.deep.equal(b(i >> 8, i & 0xff, (i + 1) & 0xff));
    });

    it('wraps integers to the size, as Erlang does', () => {
      expect(bin`${-1}:16, ${256}:8, ${-129}:8/signed`).to.deep.equal(b(255, 255, 0, 127));
    });

    it('takes integers past 2^53 as bigints and refuses unsafe numbers, which are floats', () => {
      expect(bin`${2n ** 64n - 1n}:64`).to.deep.equal(Buffer.alloc(8, 255));
      badarg(
        () => bin`${2 ** 60}:64`,
        /segment 1 \(\$\{…\}:64\): .* is not an integer \(a number past 2\^53 is a float in erlts: pass a bigint\)/,
      );
    });

    it('builds utf8, utf16 and utf32 from code points and from strings', () => {
      expect(bin`${0x1f600}/utf8`).to.deep.equal(Buffer.from('😀'));
      expect(bin`"€"/utf16-little`).to.deep.equal(Buffer.from('€', 'utf16le'));
      expect(bin`${0x10ffff}/utf32`).to.deep.equal(b(0, 0x10, 0xff, 0xff));
    });

    it('builds half, single and double floats', () => {
      expect(bin`1.5:16/float, 1.5:32/float, 1.5/float`).to.deep.equal(
        b(0x3e, 0, 0x3f, 0xc0, 0, 0, 0x3f, 0xf8, 0, 0, 0, 0, 0, 0),
      );
    });

    it('reads native as the machine’s byte order', () => {
      const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
      expect(bin`${1}:16/native`).to.deep.equal(little ? b(1, 0) : b(0, 1));
    });
  });

  describe('matching', () => {
    it('makes a pattern from a template with variables and binds them', () => {
      const P = bin<{ Len: number; Data: Buffer; Rest: Buffer }>`Len:32, Data:Len/binary, Rest/binary`;
      expect(isBinPattern(P)).to.equal(true);
      expect(P.variables).to.deep.equal(['Len', 'Data', 'Rest']);
      const m = matchBinary(P, b(0, 0, 0, 3, 1, 2, 3, 4, 5));
      expect(m).to.deep.equal({ Len: 3, Data: b(1, 2, 3), Rest: b(4, 5) });
      expect(matchBinary(P, b(0, 0, 0, 9, 1))).to.equal(null);
    });

    it('matches interpolated values as bound variables', () => {
      const magic = 0xcafe;
      const P = bin<{ Body: Buffer }>`${magic}:16, Body/binary`;
      expect(matchBinary(P, b(0xca, 0xfe, 1))).to.deep.equal({ Body: b(1) });
      expect(matchBinary(P, b(0xca, 0xff, 1))).to.equal(null);
    });

    it('binds nothing for _ and _Name, but a repeated _Name must match itself', () => {
      const P = bin<Record<string, never>>`_:8, _Skip:8, _Skip:8`;
      expect(matchBinary(P, b(1, 2, 2))).to.deep.equal({});
      expect(matchBinary(P, b(1, 2, 3))).to.equal(null);
    });

    it('returns integers past 2^53 as bigints', () => {
      const P = bin<{ X: bigint; Y: number }>`X:64, Y:64`;
      expect(matchBinary(P, Buffer.concat([Buffer.alloc(8, 255), Buffer.alloc(8, 0)]))).to.deep.equal({
        X: 2n ** 64n - 1n,
        Y: 0,
      });
    });

    it('fails to match rather than bind a bitstring that is not whole bytes', () => {
      expect(matchBinary(bin<{ A: number }>`A:4, Rest/bits`, b(0x12, 0x34))).to.equal(null);
      expect(matchBinary(bin<{ A: number }>`A:4, _/bits`, b(0x12, 0x34))).to.deep.equal({ A: 1 });
    });

    it('does not match a value that is not a binary, and accepts any Uint8Array', () => {
      const P = bin<{ X: number }>`X:8`;
      expect(matchBinary(P, 'a')).to.equal(null);
      expect(matchBinary(P, [1])).to.equal(null);
      expect(matchBinary(P, new Uint8Array([7]))).to.deep.equal({ X: 7 });
    });

    it('matches a Buffer pattern (a template without variables) by bytes', () => {
      expect(matchBinary(bin`1, 2`, b(1, 2))).to.deep.equal({});
      expect(matchBinary(bin`1, 2`, b(1, 3))).to.equal(null);
    });

    it('prints a pattern in Erlang syntax, with its interpolated values', () => {
      const magic = 51966;
      expect(io_lib.format('~p', [bin<{ Body: Buffer }>`${magic}:16, Body/binary`])).to.equal(
        '<<51966:16, Body/binary>>',
      );
    });

    // A template without variables is built, even where it serves as a pattern (DEVIATIONS.md).
    it('builds a variable-free template used as a pattern, so values wrap and bad ones raise', () => {
      expect(matchBinary(bin`-1:8`, b(255))).to.deep.equal({});
      badarg(() => bin`${'foo'}:8`, /foo is not an integer/);
    });

    it('matches 1 and 1.0 alike, where Erlang tells them apart (one JS number type)', () => {
      expect(matchBinary(bin<{ X: number }>`${1}:64/float, X/binary`, bin`1.0:64/float`)).to.deep.equal({
        X: b(),
      });
    });
  });

  describe('bad input', () => {
    it('raises badarg naming an unknown type specifier', () => {
      badarg(() => bin`X:16/littel`, /bin: segment 1 \(X:16\/littel\): unknown type specifier littel/);
    });

    it('raises badarg for conflicting specifiers', () => {
      badarg(() => bin`X:16/big-little`, /conflicting type specifiers big and little/);
      badarg(() => bin`X:16/integer-float`, /conflicting type specifiers integer and float/);
      badarg(() => bin`X:2/bits-unit:16`, /conflicting type specifiers bits and unit:16/);
    });

    it('raises badarg for a bad unit, and a unit without a size', () => {
      badarg(() => bin`X:2/unit:0`, /unit:0 is out of range/);
      badarg(() => bin`X:2/unit:257`, /unit:257 is out of range/);
      badarg(() => bin`X/integer-unit:8`, /a unit may be given only with a size/);
      badarg(() => bin`X/unit:${8}`, /the unit must be an integer literal/);
    });

    it('raises badarg for a size or unit on a utf segment', () => {
      badarg(() => bin`X:8/utf8`, /neither size nor unit may be given for a utf8 segment/);
      badarg(() => bin`X/utf16-unit:8`, /neither size nor unit/);
    });

    it('raises badarg for a size variable not bound earlier in the pattern', () => {
      badarg(() => bin`Data:Len/binary, Len:8`, /variable Len is unbound/);
      badarg(() => bin`${Buffer.from('x')}:Len/binary`, /variable Len is unbound.*\$\{…\}/);
    });

    it('raises badarg for a binary without size before the end of a pattern', () => {
      badarg(
        () => bin`A/binary, B:8`,
        /a binary field without size is only allowed at the end of a binary pattern/,
      );
    });

    it('raises badarg for a typed literal string in a pattern', () => {
      badarg(
        () => bin`"ab":16, X/binary`,
        /a literal string in a binary pattern must not have a type or a size/,
      );
      badarg(() => bin`"ab"/little, X/binary`, /a literal string in a binary pattern/);
    });

    it('raises badarg naming a syntax error', () => {
      badarg(() => bin`X:8 Y:8`, /expected , between segments, got "Y"/);
      badarg(() => bin`X:8,`, /segment 2 .*expected a value, got the end of the template/);
      badarg(() => bin`foo:8`, /expected a value, got "foo" \(an atom has no place in a binary/);
      badarg(() => bin`X:abc`, /bad size "abc"/);
      badarg(() => bin`"abc`, /unterminated string/);
      badarg(() => bin`"a${1}b"`, /unterminated string .*cannot go inside a string literal/);
      badarg(() => bin`X:8/`, /expected a type specifier, got the end of the template/);
      badarg(() => bin`X:8 ; Y`, /unexpected character ";"/);
      badarg(() => bin`<<X:8`, /expected >> to close <</);
      badarg(() => bin`X:(Len + )`, /cannot go in a size expression/);
    });

    it('raises badarg when called as a function instead of as a tag', () => {
      badarg(() => (bin as unknown as (s: unknown) => unknown)('X:8'), /bin is a template tag/);
    });

    it('raises badarg naming the segment for a value of the wrong type', () => {
      badarg(() => bin`${1.5}:8`, /segment 1 \(\$\{…\}:8\): 1\.5 is not an integer/);
      badarg(
        () => bin`1, ${Buffer.from('x')}:8`,
        /segment 2 .*is not an integer \(a binary goes in a \/binary segment\)/,
      );
      badarg(() => bin`${'ok'}/float`, /ok is not a float/);
      badarg(() => bin`${5}/binary`, /5 is not a binary/);
      badarg(() => bin`${0xd800}/utf8`, /55296 is not a Unicode code point/);
    });

    it('raises badarg for a binary shorter than its size, or not a multiple of its unit', () => {
      badarg(() => bin`${Buffer.from([1, 2])}:3/binary`, /the size is 24 bits but the binary has only 16/);
      badarg(
        () => bin`${Buffer.from([1, 2, 3])}/binary-unit:16`,
        /24 bits are not a multiple of the unit 16/,
      );
    });

    it('raises badarg for a bad size, and a float that is not 16, 32 or 64 bits', () => {
      badarg(() => bin`1:${-1}`, /the size must be a non-negative integer, got -1/);
      badarg(() => bin`1:${'x'}`, /the size must be a non-negative integer, got a non-integer/);
      badarg(() => bin`1.0:24/float`, /a float is 16, 32 or 64 bits, not 24/);
    });

    it('raises badarg for a result that is not whole bytes', () => {
      badarg(() => bin`1:4`, /the segments make 4 bits, not whole bytes/);
    });

    it('raises badarg for a pattern that bin did not make', () => {
      badarg(() => matchBinary({} as BinPattern, b()), /matchBinary: the pattern must be made by bin/);
      badarg(
        () => matchBinary('X:8' as unknown as BinPattern, 'x'),
        /matchBinary: the pattern must be made by bin/,
      );
    });
  });

  describe('properties', () => {
    const specArb = fc.record({
      n: fc.integer({ min: 0, max: 130 }),
      signed: fc.boolean(),
      endian: fc.constantFrom('big', 'little'),
      offset: fc.integer({ min: 0, max: 7 }),
    });

    it('reads back every integer it writes, wrapped to the size, at any bit offset', () => {
      fc.assert(
        fc.property(
          specArb,
          fc.bigInt({ min: -(2n ** 131n), max: 2n ** 131n }),
          ({ n, signed, endian, offset }, v) => {
            const pad = (8 - ((offset + n) % 8)) % 8;
            const spec = `${signed ? 'signed' : 'unsigned'}-${endian}`;
            const built = run({
              chunks: ['0:', ', ', ':', `/${spec}, 0:`, ''],
              values: [offset, v, n, pad],
            }) as Buffer;
            const P = run({
              chunks: ['_:', ', X:', `/${spec}, _:`, ''],
              values: [offset, n, pad],
            }) as BinPattern<{ X: unknown }>;
            const wrapped = n === 0 ? 0n : signed ? BigInt.asIntN(n, v) : BigInt.asUintN(n, v);
            const want =
              wrapped >= -(2n ** 53n) + 1n && wrapped <= 2n ** 53n - 1n ? Number(wrapped) : wrapped;
            expect(matchBinary(P, built)).to.deep.equal({ X: want });
          },
        ),
      );
    });

    it('reads back every float a width holds exactly', () => {
      fc.assert(
        fc.property(
          fc.double({ noNaN: true, noDefaultInfinity: true }),
          fc.constantFrom('big', 'little'),
          (x, e) => {
            const P64 = run({ chunks: [`X:64/float-${e}`], values: [] }) as BinPattern<{ X: number }>;
            expect(matchBinary(P64, run({ chunks: ['', `:64/float-${e}`], values: [x] }))).to.deep.equal({
              X: x,
            });
            const f = Math.fround(x);
            if (Number.isFinite(f)) {
              const P32 = run({ chunks: [`X:32/float-${e}`], values: [] }) as BinPattern<{ X: number }>;
              expect(matchBinary(P32, run({ chunks: ['', `:32/float-${e}`], values: [f] }))).to.deep.equal({
                X: f,
              });
            }
          },
        ),
      );
    });

    it('reads back every code point in utf8, utf16 and utf32', () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff),
          fc.constantFrom('utf8', 'utf16', 'utf32', 'utf16-little', 'utf32-little'),
          (cp, type) => {
            const built = run({ chunks: ['', `/${type}`], values: [cp] }) as Buffer;
            if (type === 'utf8') expect(built).to.deep.equal(Buffer.from(String.fromCodePoint(cp)));
            if (type === 'utf16-little')
              expect(built).to.deep.equal(Buffer.from(String.fromCodePoint(cp), 'utf16le'));
            const P = run({ chunks: [`C/${type}`], values: [] }) as BinPattern<{ C: number }>;
            expect(matchBinary(P, built)).to.deep.equal({ C: cp });
          },
        ),
      );
    });

    it('splits a length-prefixed frame it built back into its parts', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 40 }), fc.uint8Array({ maxLength: 10 }), (data, rest) => {
          const frame = bin`${data.length}:16/little, ${Buffer.from(data)}/binary, ${Buffer.from(rest)}/binary`;
          const m = matchBinary(
            bin<{ L: number; D: Buffer; R: Buffer }>`L:16/little, D:L/binary, R/binary`,
            frame,
          );
          expect(m).to.deep.equal({ L: data.length, D: Buffer.from(data), R: Buffer.from(rest) });
        }),
      );
    });
  });
});
