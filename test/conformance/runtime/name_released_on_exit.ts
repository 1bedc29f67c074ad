// A registered name is released when its process exits, and can be taken again.
import { send, spawn, spawn_monitor, register, whereis, exit, receive, on, timer, io } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [P, Ref] = spawn_monitor(async () => receive(on('stop', () => 'ok')));
  register('conf_short', P);
  io.format('registered: ~p~n', [whereis('conf_short') === P]);
  send(P, 'stop');
  await receive(on(['DOWN', Ref, 'process', P, 'normal'], () => 'ok'));
  io.format('after exit: ~p~n', [whereis('conf_short')]);
  const Q = spawn(async () => receive(on('stop', () => 'ok')));
  io.format('register again: ~p~n', [register('conf_short', Q)]);
  exit(Q, 'kill');
  await timer.sleep(20);
  io.format('after kill: ~p~n', [whereis('conf_short')]);
  let sent = false;
  try {
    send('conf_short', 'hello');
    sent = true;
  } catch (e) {
    const [C, R] = classOf(e);
    io.format('send to the released name: ~p:~p~n', [C, R]);
  }
  if (sent) io.format('sent~n');
}
