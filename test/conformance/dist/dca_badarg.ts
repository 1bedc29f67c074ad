// What a pid of the peer cannot be given to: is_process_alive/1, register/2, process_info/1,2
// raise badarg (they only take this node's processes).
import {
  after,
  io,
  is_process_alive,
  list,
  monitor,
  on,
  process_info,
  receive,
  register,
  self,
  send,
  spawn,
  whereis,
} from 'erlts';
import { classOf } from '../erlang-exceptions.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const P = await spawn(Peer, 'dist_peer', 'echo', list());
  io.format('is_process_alive: ~w~n', [try_(() => is_process_alive(P))]);
  io.format('register: ~w~n', [try_(() => register('dca_remote', P))]);
  io.format('whereis after: ~w~n', [whereis('dca_remote')]);
  io.format('process_info/1: ~w~n', [try_(() => process_info(P))]);
  io.format('process_info/2: ~w~n', [try_(() => process_info(P, 'status'))]);
  io.format('monitor of {Name, Node} with a pid name: ~w~n', [
    try_(() => monitor('process', [P, Peer] as unknown as [string, string])),
  ]);
  send(P, [self(), 'yes']);
  io.format('it still answers: ~w~n', [
    await receive(
      on([P, 'yes'], () => 'yes'),
      after(2000, () => 'no'),
    ),
  ]);
  send(P, 'stop');
}

function try_(f: () => unknown): unknown {
  try {
    return ['ok', f()];
  } catch (e) {
    return classOf(e);
  }
}
