// exit/2 from a process of the peer to driver processes: `normal` is ignored by one that does not
// trap exits, another reason kills it, `kill` kills it as `killed`; one that traps gets an EXIT
// message from the peer's pid.
import {
  _,
  after,
  io,
  list,
  node,
  on,
  process_flag,
  receive,
  self,
  send,
  spawn_monitor,
  type Pid,
} from 'erlts';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Self = self();
  for (const Reason of ['normal', 'foo', 'kill', ['shutdown', 'x']]) {
    const [L, Ref] = spawn_monitor(async () => receive(on('ping', () => send(Self, ['pong', self()]))));
    io.format('rpc exit(L, ~w): ~w~n', [Reason, await rpc.call(Peer, 'erlang', 'exit', list(L, Reason))]);
    await receive(
      on(['DOWN', Ref, 'process', L, _], ([, , , , R]) => io.format('  DOWN ~w~n', [R])),
      after(100, async () => {
        send(L, 'ping');
        await receive(on(['pong', L], () => io.format('  alive~n')));
      }),
    );
  }
  process_flag('trap_exit', true);
  for (const Reason of ['normal', 'foo', ['a', 'b']]) {
    io.format('trapping, rpc exit(self(), ~w): ~w~n', [
      Reason,
      await rpc.call(Peer, 'erlang', 'exit', list(Self, Reason)),
    ]);
    await receive(
      on(['EXIT', _, _], ([, From, R]) =>
        io.format('  EXIT from the peer ~w: ~w~n', [node(From as Pid) === Peer, R]),
      ),
      after(2000, () => io.format('  no EXIT~n')),
    );
  }
  process_flag('trap_exit', false);
}
