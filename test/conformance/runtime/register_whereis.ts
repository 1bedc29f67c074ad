// register/whereis/registered/unregister.
import {
  self,
  send,
  spawn,
  register,
  unregister,
  whereis,
  registered,
  process_info,
  receive,
  on,
  io,
} from 'erlts';

export default async function main(): Promise<void> {
  const P = spawn(async () => receive(on('stop', () => 'ok')));
  io.format('whereis before: ~p~n', [whereis('conf_reg')]);
  io.format('register: ~p~n', [register('conf_reg', P)]);
  io.format('whereis is the pid: ~p~n', [whereis('conf_reg') === P]);
  io.format('in registered(): ~p~n', [registered().includes('conf_reg')]);
  io.format('~p~n', [process_info(P, 'registered_name')]);
  io.format('unregister: ~p~n', [unregister('conf_reg')]);
  io.format('whereis after: ~p~n', [whereis('conf_reg')]);
  io.format('in registered(): ~p~n', [registered().includes('conf_reg')]);
  io.format('~p~n', [process_info(P, 'registered_name')]);
  register('conf_me', self());
  io.format('registered self: ~p~n', [whereis('conf_me') === self()]);
  unregister('conf_me');
  send(P, 'stop');
}
