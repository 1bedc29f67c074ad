// get_keys/1 finds a value by =:=, however the value was made: a list, a tuple,
// a binary or a map built anew still finds the keys that hold an equal one.
import { put, get_keys, list, io } from 'erlts';

export default function main(): void {
  put('a', list(1, 2));
  put('b', ['x', Buffer.from('y')]);
  put('c', list(1, 2));
  put('d', { k: list('v') });
  put('e', 1);
  const Ks = get_keys(list(1, 2));
  io.format('list value: ~p keys, a ~p, c ~p~n', [Ks.length, Ks.includes('a'), Ks.includes('c')]);
  io.format('tuple value: ~p~n', [get_keys(['x', Buffer.from('y')])]);
  io.format('map value: ~p~n', [get_keys({ k: list('v') })]);
  io.format('integer value: ~p~n', [get_keys(1)]);
  io.format('a tuple is not a list: ~p~n', [get_keys([1, 2])]);
  io.format('absent value: ~p~n', [get_keys(list(2, 1))]);
}
