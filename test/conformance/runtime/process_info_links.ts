// process_info links, trap_exit and registered_name.
import {
  self,
  send,
  spawn_link,
  link,
  unlink,
  register,
  unregister,
  process_flag,
  process_info,
  receive,
  on,
  _,
  io,
} from 'erlts';

export default async function main(): Promise<void> {
  io.format('~p~n', [process_info(self(), 'trap_exit')]);
  process_flag('trap_exit', true);
  io.format('~p~n', [process_info(self(), 'trap_exit')]);
  io.format('~p~n', [process_info(self(), 'registered_name')]);
  register('conf_info', self());
  io.format('~p~n', [process_info(self(), 'registered_name')]);
  io.format('~p~n', [process_info(self(), 'links')]);
  const P = spawn_link(async () => receive(on('stop', () => 'ok')));
  io.format('~p~n', [process_info(self(), 'links')]);
  io.format('~p~n', [process_info(P, 'links')]);
  io.format('unlink: ~p~n', [unlink(P)]);
  io.format('~p~n', [process_info(self(), 'links')]);
  io.format('~p~n', [process_info(P, 'links')]);
  link(P);
  send(P, 'stop');
  await receive(on(['EXIT', P, _], (M) => io.format('~p~n', [M])));
  io.format('~p~n', [process_info(self(), 'links')]);
  unregister('conf_info');
  io.format('~p~n', [process_info(self(), 'registered_name')]);
}
