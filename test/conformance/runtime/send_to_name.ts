// Sending to a registered name, and to {Name, node()}.
import { self, send, spawn, register, unregister, node, receive, on, _, io, type Pid } from 'erlts';

export default async function main(): Promise<void> {
  const Self = self();
  const P = spawn(() => echo(Self));
  register('conf_echo', P);
  send('conf_echo', ['hello', 1]);
  await receive(on(['echo', _], ([, M1]) => io.format('echo: ~p~n', [M1])));
  send(['conf_echo', node()], ['hello', 2]);
  await receive(on(['echo', _], ([, M2]) => io.format('echo: ~p~n', [M2])));
  io.format('send returns the message: ~p~n', [send('conf_echo', ['hello', 3])]);
  await receive(on(['echo', _], ([, M3]) => io.format('echo: ~p~n', [M3])));
  register('conf_self', self());
  send('conf_self', 'to_myself');
  await receive(on('to_myself', () => io.format('got to_myself~n')));
  unregister('conf_self');
  send('conf_echo', 'stop');
  await receive(on(['echo', 'stop'], () => 'ok'));
}

async function echo(To: Pid): Promise<void> {
  await receive(
    on('stop', () => send(To, ['echo', 'stop'])),
    on(_, async (M) => {
      send(To, ['echo', M]);
      await echo(To);
    }),
  );
}
