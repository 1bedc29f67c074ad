// The peer calling back into this node: rpc:call and erpc:call from the peer to functions of a
// module this node exports (code.register_module, as the Erlang side's loaded module), their
// results and failures as the peer sees them, and a spawn from the peer onto this node. Not
// asked: a call of another arity (a JS function takes any number of arguments) and a call of
// erlang's BIFs (an erlts node exports registered modules only, docs/distribution.md).
import {
  _,
  after,
  code,
  error,
  exit,
  io,
  is_list,
  is_pid,
  is_tuple,
  list,
  node,
  on,
  receive,
  self,
  send,
  throw as throw_,
  type Pid,
} from 'erlts';
import * as rpc from 'erlts/rpc';
import { peer } from './peer/peer.js';

/** What the peer calls back on this node (the driver), as the Erlang side's module exports. */
const dcb_rpc_callback = {
  double: (X: number | bigint) => (typeof X === 'bigint' ? 2n * X : 2 * X),
  fail: (Reason: unknown) => error(Reason),
  toss: (Ball: unknown) => throw_(Ball),
  quit: (Reason: unknown) => exit(Reason),
  whoami: () => node(),
  notify: (To: Pid) => send(To, ['notified', node(), self() !== To]),
};

/** The peer's view of a call back: rpc's result, an error shown by its reason only. */
function show(What: string, R: unknown): void {
  if (
    is_tuple(R) &&
    R[0] === 'from_peer' &&
    is_tuple(R[1]) &&
    R[1][0] === 'badrpc' &&
    is_tuple(R[1][1]) &&
    R[1][1][0] === 'EXIT' &&
    is_tuple(R[1][1][1]) &&
    R[1][1][1].length === 2 &&
    is_list(R[1][1][1][1]) &&
    R[1][1][1][1].length > 0
  ) {
    io.format('~w: badrpc EXIT ~w~n', [What, R[1][1][1][0]]);
  } else {
    io.format('~w: ~w~n', [What, R]);
  }
}

function back(Peer: string, F: string, A: unknown[]): Promise<unknown> {
  return rpc.call(Peer, 'dist_peer_b', 'call_back', [node(), 'dcb_rpc_callback', F, list(...A)]);
}

export default async function main(): Promise<void> {
  code.register_module('dcb_rpc_callback', dcb_rpc_callback);
  try {
    await scenario();
  } finally {
    code.unregister_module('dcb_rpc_callback');
  }
}

async function scenario(): Promise<void> {
  const Peer = peer();
  show('double', await back(Peer, 'double', [21]));
  show('whoami', await back(Peer, 'whoami', []));
  show('big', await back(Peer, 'double', [1n << 80n]));
  show('fail', await back(Peer, 'fail', ['oops']));
  show('toss', await back(Peer, 'toss', ['ball']));
  show('quit', await back(Peer, 'quit', ['bye']));
  show('no_function', await back(Peer, 'nope', []));
  show(
    'no_module',
    await rpc.call(Peer, 'dist_peer_b', 'call_back', [node(), 'no_such_module_here', 'f', list()]),
  );
  show('erpc', await rpc.call(Peer, 'erpc', 'call', [node(), 'dcb_rpc_callback', 'double', list(5)]));
  show(
    'erpc_throw',
    await rpc.call(Peer, 'erlang', 'apply', [
      'erpc',
      'call',
      list(node(), 'dcb_rpc_callback', 'toss', list('high')),
    ]),
  );
  const Self = self();
  const Spawned = await rpc.call(Peer, 'erlang', 'spawn', [node(), 'dcb_rpc_callback', 'notify', list(Self)]);
  io.format('spawned here: ~w ~w~n', [is_pid(Spawned), is_pid(Spawned) && node(Spawned) === node()]);
  await receive(
    on(['notified', _, _], ([, N, Other]) => io.format('notified: ~w ~w~n', [N, Other])),
    after(2000, () => io.format('not notified~n')),
  );
}
