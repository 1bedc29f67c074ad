import { expect } from 'chai';
import {
  _,
  ErlangError,
  bin,
  case_,
  fun,
  is,
  is_integer,
  is_list,
  list,
  is_pid,
  match,
  ok,
  on,
  receive,
  run,
  self,
  send,
  spawn_monitor,
} from 'erlts';
import { capturingReports } from '../support/processes.js';

/** A pattern for JS numbers, typed number (is_number's integers may be bigints). */
const num = is((v: unknown): v is number => typeof v === 'number');

/** What `fn` raised: its reason and message. */
function raised(fn: () => unknown): { reason: unknown; message: string } {
  try {
    fn();
  } catch (e) {
    expect(ErlangError.is(e), `raised ${String(e)}`).to.equal(true);
    return { reason: (e as ErlangError).reason, message: (e as Error).message };
  }
  throw new Error('nothing raised');
}

describe('match (Pattern = Expr)', () => {
  it('returns the value when literals, arrays, objects, _ and is(...) match it', () => {
    expect(match(['ok', _], ['ok', 5])).to.deep.equal(['ok', 5]);
    expect(match({ a: 1, b: is(is_integer) }, { a: 1, b: 2, c: 3 })).to.deep.equal({ a: 1, b: 2, c: 3 });
    expect(match(Buffer.from('ab'), Buffer.from('ab'))).to.deep.equal(Buffer.from('ab'));
    expect(match('ok', 'ok')).to.equal('ok');
  });

  it('raises {badmatch, Value} naming the value, as = does', () => {
    const { reason, message } = raised(() => match(['ok', _], ['error', 'closed']));
    expect(reason).to.deep.equal(['badmatch', ['error', 'closed']]);
    expect(message).to.equal('match/2: no match of right hand side value {error,closed}');
    expect(raised(() => match([_, _], [1])).reason).to.deep.equal(['badmatch', [1]]);
    expect(raised(() => match({ a: 1 }, { a: 2 })).reason).to.deep.equal(['badmatch', { a: 2 }]);
  });

  it('gives the bindings of a bin pattern in its place', () => {
    const Frame = Buffer.from([0, 0, 0, 2, 7, 9, 1]);
    const { Len, Data, Rest } = match(
      bin<{ Len: number; Data: Buffer; Rest: Buffer }>`Len:32, Data:Len/binary, Rest/binary`,
      Frame,
    );
    expect([Len, [...Data], [...Rest]]).to.deep.equal([2, [7, 9], [1]]);
    const [tag, { Id }] = match(
      ['data', bin<{ Id: number }>`Id:16, _/binary`],
      ['data', Buffer.from([1, 2, 3])],
    );
    expect([tag, Id]).to.deep.equal(['data', 258]);
    const nested = match({ frame: bin<{ X: number }>`X:8` }, { frame: Buffer.from([5]), other: 1 });
    expect(nested).to.deep.equal({ frame: { X: 5 }, other: 1 });
    expect(raised(() => match(bin<{ X: number }>`X:16`, Buffer.from([1]))).reason).to.deep.equal([
      'badmatch',
      Buffer.from([1]),
    ]);
  });

  it('keeps a list a list when it binds in place', () => {
    const got = match([_, bin<{ A: number }>`A:8`], list('x', Buffer.from([7])));
    expect(is_list(got)).to.equal(true);
    expect([...got]).to.deep.equal(['x', { A: 7 }]);
  });

  it('leaves the matched value itself unchanged when it binds in place', () => {
    const value = ['data', Buffer.from([1, 2])] as const;
    match(['data', bin<{ A: number }>`A:8, _/binary`], value);
    expect(Buffer.isBuffer(value[1])).to.equal(true);
  });
});

describe('ok ({ok, X} = Expr)', () => {
  it('returns X from {ok, X}, ok itself, and the rest of a longer ok tuple', () => {
    expect(ok(['ok', 42] as ['ok', number] | ['error', string])).to.equal(42);
    expect(ok('ok' as 'ok' | ['error', 'closed'])).to.equal('ok');
    expect(ok(['ok', 'a', Buffer.from('r')])).to.deep.equal(['a', Buffer.from('r')]);
  });

  it('raises {badmatch, Result} for anything else', () => {
    const { reason, message } = raised(() => ok(['error', 'eaddrinuse']));
    expect(reason).to.deep.equal(['badmatch', ['error', 'eaddrinuse']]);
    expect(message).to.equal('ok/1: no match of right hand side value {error,eaddrinuse}');
    expect(raised(() => ok(['ok'])).reason).to.deep.equal(['badmatch', ['ok']]);
    expect(raised(() => ok(undefined)).reason).to.deep.equal(['badmatch', undefined]);
  });

  it('waits for a promise and matches what it gives', async () => {
    expect(await ok(Promise.resolve(['ok', 1] as const))).to.equal(1);
    const error = await ok(Promise.resolve(['error', 'timeout'] as const)).catch((e: unknown) => e);
    expect((error as ErlangError).reason).to.deep.equal(['badmatch', ['error', 'timeout']]);
  });

  it('makes a process exit with {{badmatch, V}, Stack}, as an Erlang process does', async () => {
    const [reason, reports] = await capturingReports(() =>
      run(async () => {
        const [, ref] = spawn_monitor(() => ok(['error', 'closed']));
        return receive(on(['DOWN', ref, 'process', _, _], ([, , , , R]) => R));
      }),
    );
    expect((reason as unknown[])[0]).to.deep.equal(['badmatch', ['error', 'closed']]);
    expect(reports[0]?.text).to.contain('{badmatch,{error,closed}}');
  });
});

describe('case_ (case Expr of ... end)', () => {
  it('runs the first clause whose pattern and guard take the value', () => {
    const classify = (v: unknown): unknown =>
      case_(
        v,
        on(
          ['ok', is(is_integer)],
          ([, N]) => N > 10,
          ([, N]) => ['big', N],
        ),
        on(['ok', is(is_integer)], ([, N]) => ['small', N]),
        on(['error', _], ([, R]) => R),
      );
    expect(classify(['ok', 20])).to.deep.equal(['big', 20]);
    expect(classify(['ok', 2])).to.deep.equal(['small', 2]);
    expect(classify(['error', 'closed'])).to.equal('closed');
  });

  it('returns the value for a clause without a body, and bin bindings in place', () => {
    expect(case_(['x', 1], on(['x', _]))).to.deep.equal(['x', 1]);
    expect(
      case_(
        Buffer.from([3, 4]),
        on(bin<{ A: number; B: number }>`A:8, B:8`, ({ A, B }) => A + B),
      ),
    ).to.equal(7);
  });

  it('raises {case_clause, Value} when no clause takes it', () => {
    const { reason, message } = raised(() =>
      case_(
        ['error', 'x'],
        on(['ok', _], () => 1),
      ),
    );
    expect(reason).to.deep.equal(['case_clause', ['error', 'x']]);
    expect(message).to.equal('case_: no case clause matching {error,x}');
  });

  it('raises badarg, naming it, for an argument that is not a clause', () => {
    expect(raised(() => case_(1, on(1), 'oops' as never)).message).to.equal(
      'case_: argument 3 must be a clause made by on(...), got oops',
    );
    expect(raised(() => (case_ as (v: unknown) => unknown)(1)).reason).to.equal('badarg');
  });
});

describe('fun (a function of several clauses)', () => {
  const area = fun(
    on([['square', num]], ([[, S]]) => S * S),
    on(
      [['circle', num]],
      ([[, R]]) => R >= 0,
      ([[, R]]) => Math.round(3.14159 * R * R),
    ),
  );

  it('runs the first clause that takes the arguments', () => {
    expect(area(['square', 3])).to.equal(9);
    expect(area(['circle', 1])).to.equal(3);
  });

  it('raises function_clause when no clause takes them (guard, arity or pattern)', () => {
    const { reason, message } = raised(() => area(['circle', -1]));
    expect(reason).to.equal('function_clause');
    expect(message).to.equal('fun: no function clause matching ({circle,-1})');
    expect(raised(() => (area as (...a: unknown[]) => unknown)(['square', 1], 2)).reason).to.equal(
      'function_clause',
    );
  });

  it('takes several arguments and dispatches on each', () => {
    const add = fun(
      on([is(is_integer), is(is_integer)], ([A, B]) => Number(A) + Number(B)),
      on([_, _], ([A, B]) => ['badarith', A, B]),
    );
    expect(add(1, 2)).to.equal(3);
    expect(add('a', 2)).to.deep.equal(['badarith', 'a', 2]);
  });

  it('raises badarg for a clause whose pattern is no argument list', () => {
    expect(raised(() => fun(on('x', () => 1))).message).to.equal(
      "fun: clause 1's pattern must be an array of the arguments, got x",
    );
  });
});

describe('receive with a bin pattern', () => {
  it('gives guard and body the bindings in place of the binary', async () => {
    const got = await run(async () => {
      send(self(), ['tcp', 'S', Buffer.from([0, 1, 9])]);
      send(self(), ['tcp', 'S', Buffer.from([0, 2, 8, 7])]);
      return receive(
        on(
          ['tcp', _, bin<{ Len: number; Body: Buffer }>`Len:16, Body/binary`],
          ([, , { Len, Body }]) => Len === 2 && Body.length === 2,
          ([, , { Len, Body }]) => [Len, [...Body]],
        ),
      );
    });
    expect(got).to.deep.equal([2, [8, 7]]);
  });

  it('without a body gives the message with the bindings in place', async () => {
    const got = await run(async () => {
      send(self(), ['n', Buffer.from([1, 0])]);
      return receive(on(['n', bin<{ N: number }>`N:16/little`]));
    });
    expect(got).to.deep.equal(['n', { N: 1 }]);
  });

  it('leaves non-matching binaries in the mailbox', async () => {
    const got = await run(async () => {
      send(self(), Buffer.from([1]));
      send(self(), Buffer.from([1, 2]));
      const first = await receive(on(bin<{ A: number }>`A:16`, ({ A }) => A));
      return [first, await receive(on(is(is_pid)), on(_))];
    });
    expect(got).to.deep.equal([258, Buffer.from([1])]);
  });
});
