/**
 * Error messages render their values one way, through the term writer
 * (describe() in runtime/internal/errors.ts): in Erlang syntax, to a depth
 * limit, and never throwing, whatever a hostile value does when read.
 */
import { expect } from 'chai';
import { ErlangError, error, io_lib, list, register, run, self, spawn } from 'erlts';
import { describe as describeTerm } from '../../runtime/internal/errors.js';

/** What `fn` raised; fails the test when it returned. */
function raised(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected an exception');
}

/** Asserts `fn` raised badarg (an ErlangError, not a RangeError or TypeError) and gives its message. */
function badargMessage(fn: () => unknown): string {
  const e = raised(fn);
  expect(ErlangError.is(e), `raised ${String(e)}`).to.equal(true);
  expect((e as ErlangError).reason).to.equal('badarg');
  return (e as ErlangError).message;
}

/** A Proxy for which every trap throws: its handler throws when asked for any trap. */
function throwingProxy(): object {
  const handler = new Proxy(
    {},
    {
      get: () => {
        throw new Error('no trap for you');
      },
    },
  );
  return new Proxy({}, handler);
}

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({ a: 1 }, {});
  revoke();
  return proxy;
}

function cyclicObject(): object {
  const o: Record<string, unknown> = { tag: 'loop' };
  o.self = o;
  return o;
}

function cyclicList(): unknown[] {
  const l: unknown[] = list(1);
  l.push(l);
  return l;
}

class Unprintable {
  toString(): string {
    throw new Error('toString must not be called');
  }
}

const hostile: [string, () => unknown, RegExp][] = [
  ['an object containing itself', cyclicObject, /got #\{self => #\{self => .*\.\.\./],
  ['a list containing itself', cyclicList, /got \[1,\[1,\[1,.*\.\.\./],
  ['a class instance whose toString throws', () => new Unprintable(), /got #Object<Unprintable>$/],
  [
    'a plain object whose toString throws',
    () => ({
      toString: (): string => {
        throw new Error('no');
      },
    }),
    /got #\{toString => #Fun<erlts\.0\.\d+>\}$/,
  ],
  [
    'an object whose getter throws',
    () =>
      Object.defineProperty({}, 'x', {
        enumerable: true,
        get: () => {
          throw new Error('getter');
        },
      }),
    /got #Object<\?>$/,
  ],
  ['a Proxy that throws on every trap', throwingProxy, /got #Object<\?>$/],
  ['a revoked Proxy', revokedProxy, /got #Object<\?>$/],
  [
    'a null-prototype object',
    () => Object.assign(Object.create(null) as object, { b: 2, a: 1 }),
    /got #\{a => 1,b => 2\}$/,
  ],
  [
    'an Error whose message is a throwing getter',
    () =>
      Object.defineProperty(new Error(), 'message', {
        get: () => {
          throw new Error('getter');
        },
      }),
    /got #Object<\?>$/,
  ],
  [
    'an Error with a symbol for a name',
    () => Object.assign(new Error('m'), { name: Symbol('n') }),
    /got #Error<Error: m>$/,
  ],
];

describe('error messages (describe)', function () {
  describe('through a real BIF: register(Value, self()) raises badarg naming the value', function () {
    for (const [what, make, expected] of hostile) {
      it(`for ${what}`, function () {
        const message = badargMessage(() => register(make(), self()));
        expect(message).to.match(/^erlang:register\/2: the name must be an atom/);
        expect(message).to.match(expected);
      });
    }
  });

  it('renders in Erlang syntax: tuples, lists, atoms quoted as Erlang quotes them', function () {
    expect(describeTerm(['ok', list(1, 2)])).to.equal('{ok,[1,2]}');
    expect(describeTerm('foo')).to.equal('foo');
    expect(describeTerm('Foo')).to.equal("'Foo'");
    expect(describeTerm('hello world')).to.equal("'hello world'");
    expect(describeTerm(['é', '☃'])).to.equal("{é,'☃'}");
    expect(describeTerm(new TypeError('bad'))).to.equal('#Error<TypeError: bad>');
    expect(describeTerm(1n)).to.equal('1');
    expect(describeTerm(undefined)).to.equal('undefined');
  });

  it('limits depth and cuts long text to 120 characters with ...', function () {
    const deep = [[[[[[[[[['x']]]]]]]]]];
    expect(describeTerm(deep)).to.equal('{{{{{{{{...}}}}}}}}');
    const long = describeTerm(list(...Array.from({ length: 5 }, () => 'a'.repeat(60))));
    expect(long.length).to.equal(120);
    expect(long.endsWith('...')).to.equal(true);
    const astral = describeTerm(`${'a'.repeat(115)}😀😀😀`);
    expect(astral.endsWith('...')).to.equal(true);
    expect(astral).to.not.match(/[\ud800-\udbff]\.\.\.$/);
  });

  it('gives every hostile value a message from error/1 too, never another exception', function () {
    for (const [what, make] of hostile) {
      const e = raised(() => error(make()));
      expect(ErlangError.is(e), what).to.equal(true);
      expect((e as ErlangError).message, what).to.match(/^erlang error: /);
    }
  });

  it('names a hostile value in a process exit reason', async function () {
    const reason = cyclicObject();
    let caught: unknown;
    try {
      await run(async () => error(reason));
    } catch (e) {
      caught = e;
    }
    expect((caught as Error).message).to.match(/exited: \{#\{self => #\{self => /);
  });

  it('spawn names a bad function in Erlang syntax, quoting reserved words', function () {
    expect(badargMessage(() => spawn(['not', 'a', 'fun'] as never))).to.match(/got \{'not',a,'fun'\}$/);
  });
});

describe('the term writer with hostile values', function () {
  it('raises badarg, not RangeError, for ~w and ~p of a value containing itself', function () {
    for (const control of ['~w', '~p', '~tp']) {
      for (const value of [cyclicObject(), cyclicList()]) {
        expect(badargMessage(() => io_lib.format(control, [value]))).to.match(/contains itself/);
      }
    }
    expect(badargMessage(() => io_lib.format('~s', [cyclicList()]))).to.match(/contains itself/);
  });

  it('prints a value containing itself to a depth limit (~W, ~P)', function () {
    expect(io_lib.format('~W', [cyclicList(), 4])).to.equal('[1,[1|...]]');
    expect(io_lib.format('~P', [cyclicObject(), 3])).to.equal('#{self => #{self => #{...},...},tag => loop}');
  });

  it('prints what it cannot read as #Object<?> inside a term, and never calls toString', function () {
    const text = io_lib.format('~w ~p', [
      ['ok', throwingProxy(), revokedProxy()],
      ['x', new Unprintable()],
    ]);
    expect(text).to.equal('{ok,#Object<?>,#Object<?>} {x,#Object<Unprintable>}');
  });

  it('raises badarg for ~s of a hostile value', function () {
    expect(badargMessage(() => io_lib.format('~s', [throwingProxy()]))).to.match(/~s expects a string/);
  });
});
