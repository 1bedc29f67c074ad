// process_info message_queue_len and messages, of self and of another process.
import { self, send, spawn, process_info, receive, on, list, timer, io } from 'erlts';

export default async function main(): Promise<void> {
  io.format('~p~n', [process_info(self(), 'message_queue_len')]);
  send(self(), 'one');
  send(self(), ['two', list(2)]);
  io.format('~p~n', [process_info(self(), 'message_queue_len')]);
  io.format('~p~n', [process_info(self(), 'messages')]);
  const P = spawn(async () => receive(on('go', () => 'ok')));
  send(P, 'a');
  send(P, 'b');
  await timer.sleep(20);
  io.format('~p~n', [process_info(P, ['message_queue_len', 'messages'])]);
  send(P, 'go');
  await timer.sleep(20);
  io.format('dead: ~p~n', [process_info(P, 'messages')]);
  await receive(on('one', () => 'ok'));
  io.format('~p~n', [process_info(self(), 'messages')]);
}
