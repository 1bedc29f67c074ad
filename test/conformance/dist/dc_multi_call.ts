import { io, node, process_info, self, timer } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  io.format('~p~n', [
    await gen_server.multi_call([Peer, node(), 'nobody@nohost'], 'dist_peer_srv', ['echo', 'hi']),
  ]);
  io.format('~p~n', [await gen_server.multi_call([Peer], 'dist_peer_srv', ['echo', 'again'], 1000)]);
  io.format('~p~n', [await gen_server.multi_call([Peer], 'no_such_server', ['echo', 'hi'], 1000)]);
  io.format('~p~n', [await gen_server.multi_call([Peer], 'dist_peer_srv', ['sleep', 300], 50)]);
  await timer.sleep(400);
  io.format('mailbox: ~p~n', [process_info(self(), 'messages')]);
}
