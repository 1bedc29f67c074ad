import { expect } from 'chai';
import { ErlangError } from '../../runtime/internal/errors.js';
import { format } from '../../runtime/internal/io-lib-format.js';
import { list } from '../../runtime/internal/terms.js';
import { printTerm } from '../../runtime/internal/io-lib-pretty.js';
import { writeTerm } from '../../runtime/internal/io-lib-write.js';
import { cases } from './format-cases.js';
import { erlangAvailable, runInErlang, toErlang, type ErlResult } from './format-erl.js';

/** Runs `format` and reports what it printed or that it threw badarg. */
function local(fmt: string, args: readonly unknown[]): ErlResult {
  try {
    return { ok: true, text: format(fmt, args) };
  } catch (e) {
    if (ErlangError.is(e) && e.reason === 'badarg') return { ok: false, error: 'error:badarg' };
    throw e;
  }
}

function expectBadarg(fmt: string, args: readonly unknown[], message: RegExp): void {
  let thrown: unknown;
  try {
    format(fmt, args);
  } catch (e) {
    thrown = e;
  }
  expect(ErlangError.is(thrown), `format(${JSON.stringify(fmt)}) should throw`).to.equal(true);
  const err = thrown as ErlangError;
  expect(err.reason).to.equal('badarg');
  expect(err.message).to.match(message);
}

describe('io_lib:format against erl', function () {
  this.timeout(60_000);
  let answers: ErlResult[] = [];

  before(function () {
    if (!erlangAvailable()) {
      console.log(
        '    erl/escript is not installed (not on PATH): skipping the differential io_lib:format tests',
      );
      this.skip();
    }
    answers = runInErlang(cases);
  });

  it(`has a corpus of at least 150 cases (${cases.length})`, function () {
    expect(cases.length).to.be.at.least(150);
  });

  cases.forEach((c, i) => {
    const args = c.erlArgs ?? `[${c.args.map((a) => toErlang(a)).join(', ')}]`;
    it(`#${i} io_lib:format(${JSON.stringify(c.fmt)}, ${args.length > 60 ? args.slice(0, 57) + '...' : args})`, function () {
      const expected = answers[i];
      if (expected === undefined) throw new Error(`erl gave no answer for case ${i}`);
      const actual = local(c.fmt, c.args);
      if (expected.ok) {
        expect(actual).to.deep.equal(expected);
      } else {
        // Erlang reports every failure of io_lib:format as badarg.
        expect(expected.error).to.equal('error:badarg');
        expect(actual).to.deep.equal({ ok: false, error: 'error:badarg' });
      }
    });
  });
});

describe('io_lib:format', function () {
  it('prints tuples with braces and lists with brackets', function () {
    expect(format('~w', [['ok', list(1, 2)]])).to.equal('{ok,[1,2]}');
  });

  it('prints a list of printable codes as a string under ~p but not ~w', function () {
    expect(format('~p ~w', [list(97, 98), list(97, 98)])).to.equal('"ab" [97,98]');
  });

  it('breaks long terms relative to the column where ~p starts', function () {
    const text = format('xx: ~p', [list(...Array.from({ length: 30 }, (_, i) => i * 1000))]);
    const lines = text.split('\n');
    expect(lines.length).to.be.greaterThan(1);
    for (const line of lines.slice(1)) expect(line.startsWith('     ')).to.equal(true);
  });

  it('prints functions and errors in documented forms', function () {
    const f = (): void => undefined;
    expect(format('~w', [f])).to.match(/^#Fun<erlts\.0\.\d+>$/);
    expect(format('~w', [f])).to.equal(format('~p', [f]));
    expect(format('~w', [new TypeError('bad\nthing')])).to.equal('#Error<TypeError: bad\\nthing>');
  });

  it('prints JS Maps with keys in Erlang term order', function () {
    const m = new Map<unknown, unknown>([
      ['b', 1],
      [2, 'x'],
      [['t'], 3],
      ['a', 2],
    ]);
    expect(writeTerm(m)).to.equal('#{2 => x,a => 2,b => 1,{t} => 3}');
  });

  it('prints floats the shortest way that reads back', function () {
    expect(format('~w ~w ~w ~w', [0.1, 1.5e300, 1e-10, 123456789.123])).to.equal(
      '0.1 1.5e300 1.0e-10 123456789.123',
    );
  });

  it('accepts integers for ~f, ~e and ~g since JS has no 1.0', function () {
    expect(format('~.1f ~.2e ~g', [1, 2, 3])).to.equal('1.0 2.0e+0 3.00000');
  });

  it('exposes printTerm with a line length and a column', function () {
    expect(printTerm(list(1, 2, 3), 1, 80, -1, 'latin1')).to.equal('[1,2,3]');
    expect(printTerm(list(111, 107), 1, 80, -1, 'latin1', false)).to.equal('[111,107]');
    expect(printTerm(['a', 'b'], 1, 80, 0, 'latin1')).to.equal('...');
  });

  it('is linear enough for large terms', function () {
    const big = list(...Array.from({ length: 20000 }, (_, i) => ['item', i, list(i, i + 1)]));
    const started = Date.now();
    const text = format('~p', [big]);
    expect(text.length).to.be.greaterThan(20000 * 10);
    expect(Date.now() - started).to.be.lessThan(3000);
  });

  describe('badarg', function () {
    it('names the control and the value for a wrong argument type', function () {
      expectBadarg('~b', ['x'], /~b expects an integer, got x/);
      expectBadarg('~e', [list()], /~e expects a float/);
      expectBadarg('~c', ['a'], /~c expects an integer, got a/);
      expectBadarg('~W', ['a', 'b'], /~W expects an integer depth, got b/);
    });

    it('reports too few and too many arguments', function () {
      expectBadarg('~w ~w', [1], /too few arguments/);
      expectBadarg('~w', [1, 2], /too many arguments: 1 left over/);
    });

    it('rejects unknown controls and a format ending in ~', function () {
      expectBadarg('~q', [1], /unknown control sequence ~q/);
      expectBadarg('abc~', [], /ends inside a control sequence/);
    });

    it('rejects characters above 255 under ~s and points to ~ts', function () {
      expectBadarg('~s', ['☃'], /use ~ts/);
      expect(format('~ts', ['☃'])).to.equal('☃');
    });

    it('rejects bad precisions, bases and adjustments', function () {
      expectBadarg('~.1e', [1.5], /precision of at least 2/);
      expectBadarg('~.37b', [1], /base must be 2\.\.36/);
      expectBadarg('~-5p', ['a'], /cannot be left adjusted/);
      expectBadarg('~.*w', [-1, 'a'], /negative/);
      expectBadarg('~5.6c', [97], /less than the precision/);
    });

    it('rejects a pad character that is not a character code', function () {
      expectBadarg('~5..*w', ['x', 1], /pad character/);
    });

    it('rejects non-string arguments to the format itself', function () {
      expectBadarg(1 as unknown as string, [], /format must be a string/);
    });
  });
});
