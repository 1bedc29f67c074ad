// put/get/erase return values.
import { self, send, spawn, put, get, erase, receive, on, _, list, io } from 'erlts';

/** An Erlang string: a list of character codes. */
const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  io.format('put new: ~p~n', [put('key', 1)]);
  io.format('put again: ~p~n', [put('key', 2)]);
  io.format('get: ~p~n', [get('key')]);
  io.format('get missing: ~p~n', [get('missing')]);
  io.format('put tuple key: ~p~n', [put(['tuple', 'key'], list('a', 'list'))]);
  io.format('get tuple key: ~p~n', [get(['tuple', 'key'])]);
  io.format('entries: ~p~n', [get().length]);
  io.format('erase: ~p~n', [erase('key')]);
  io.format('erase again: ~p~n', [erase('key')]);
  io.format('get erased: ~p~n', [get('key')]);
  put('other', str('text'));
  io.format('erase all: ~p~n', [erase().length]);
  io.format('after erase(): ~p~n', [get()]);
  const Self = self();
  spawn(() => send(Self, ['child_sees', get('key')]));
  put('key', 'parent_value');
  await receive(on(['child_sees', _], ([, V]) => io.format("a child's dictionary is its own: ~p~n", [V])));
}
