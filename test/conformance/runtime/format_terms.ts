// io:format ~p and ~w of nested terms.
import { list, io } from 'erlts';

/** An Erlang string: a list of character codes. */
const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  const Terms = [
    ['ok', list(1, 2, 3)],
    ['a', ['b', ['c', list()]]],
    list(),
    [],
    str('hello'),
    list(104, 105),
    list(1, 2, 300),
    Buffer.from('bin'),
    Buffer.from([1, 2, 3]),
    Buffer.from([]),
    { a: 1, b: list('x', 'y'), c: { d: Buffer.from('e') } },
    {},
    list('EXIT', 'Caps', 'a b', '', 'a-b', 'ok', 'ok?', 'aB', 'a_b', 'a@b', 'Ok', true, false, 'undefined'),
    list(3.14, 0.1, -2.5e-5, 1.5e300, 0.1 + 0.2, 123456789.5, 1.0e-10, -0.75),
    list(0, -1, 42, 123456789012, -99999),
    ['tuple', str('string'), Buffer.from('binary'), list('list')],
  ];
  for (const T of Terms) io.format('~p | ~w~n', [T, T]);
  io.format('~s and ~s~n', [str('chars'), Buffer.from('binary chars')]);
  io.format('~p~n', [list([str('key'), Buffer.from('value')], [str('other'), list(1, [2, str('three')])])]);
}
