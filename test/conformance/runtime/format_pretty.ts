// ~p breaks a long nested term over lines, as io_lib_pretty does.
import { list, io } from 'erlts';

/** An Erlang string: a list of character codes. */
const str = (s: string) => list(...Buffer.from(s, 'latin1'));

/** lists:seq(From, To). */
const seq = (From: number, To: number) => list(...Array.from({ length: To - From + 1 }, (_v, i) => From + i));

export default async function main(): Promise<void> {
  const Long = [
    'config',
    list(
      ['name', str('a fairly long server name')],
      ['port', 8080],
      ['options', list('binary', ['active', false], ['packet', 4], ['reuseaddr', true])],
      [
        'handlers',
        {
          accept: ['handler_module', 'accept_fun', 2],
          close: ['handler_module', 'close_fun', 1],
        },
      ],
      ['payload', Buffer.from('some binary payload that is long')],
    ),
  ];
  io.format('~p~n', [Long]);
  const Deep = list(
    list(1, list(2, list(3, list(4, list(5, list(6, list(7, list(8, list(9, list(10)))))))))),
    seq(1, 40),
  );
  io.format('~p~n', [Deep]);
  io.format('~w~n', [Deep]);
  io.format('prefix: ~p~n', [
    ['a_long_atom_name', 'another_long_atom_name', 'yet_another_long_atom', 'more'],
  ]);
}
