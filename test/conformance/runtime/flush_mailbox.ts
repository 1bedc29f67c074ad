// flush() empties the mailbox and gives what it removed, oldest first.
import { self, send, flush, list, io } from 'erlts';

/** An Erlang string: a list of character codes. */
const str = (s: string) => list(...Buffer.from(s, 'latin1'));

export default async function main(): Promise<void> {
  send(self(), 'one');
  send(self(), ['two', 2]);
  send(self(), str('three'));
  io.format('~p~n', [flush()]);
  io.format('~p~n', [flush()]);
  send(self(), 'again');
  io.format('~p~n', [flush()]);
}
