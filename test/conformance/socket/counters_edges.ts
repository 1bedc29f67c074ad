// socket:info/1's counters around the edges: an accept or recv that times
// out, a nowait accept or recv cancelled, a recv that times out with part
// of its length or with nothing, a zero timeout; a package per completed
// read, a peek's bytes counted again when they are read.
import * as socket from 'erlts/socket';
import { io, list, timer, error, receive, on, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  io.format('accept 30: ~w~n', [await socket.accept(LS, 30)]);
  p('accept timeout', LS);
  io.format('accept 0: ~w~n', [await socket.accept(LS, 0)]);
  p('accept zero', LS);
  const R = await socket.accept(LS, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  match('ok', await socket.cancel(LS, R[1]));
  p('accept cancelled', LS);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  p('accepted', LS);
  io.format('recv 30: ~w~n', [await socket.recv(S, 0, 30)]);
  p('recv timeout', S);
  io.format('recv 0: ~w~n', [await socket.recv(S, 0, 0)]);
  p('recv zero', S);
  const RI = await socket.recv(S, 0, 'nowait');
  if (RI[0] !== 'select') return error(['badmatch', RI]);
  match('ok', await socket.cancel(S, RI[1]));
  p('recv cancelled', S);
  match('ok', await socket.send(C, Buffer.from('ab')));
  await timer.sleep(20);
  io.format('recv 5 30: ~w~n', [await socket.recv(S, 5, 30)]);
  p('recv partial timeout', S);
  match('ok', await socket.send(C, Buffer.from('cd')));
  await timer.sleep(20);
  io.format('recv 5 0: ~w~n', [await socket.recv(S, 5, 0)]);
  p('recv partial zero', S);
  match('ok', await socket.send(C, Buffer.from('efghi')));
  await timer.sleep(20);
  io.format('recv 5: ~w~n', [await socket.recv(S, 5, 1000)]);
  p('recv whole', S);
  match('ok', await socket.send(C, Buffer.from('jk')));
  await timer.sleep(20);
  io.format('recv 0: ~w~n', [await socket.recv(S, 0, 1000)]);
  p('recv what is there', S);
  const RN = await socket.recv(S, 0, 'nowait');
  if (RN[0] !== 'select') return error(['badmatch', RN]);
  match('ok', await socket.send(C, Buffer.from('fgh')));
  await receive(on(['$socket', S, 'select', _], () => 'ok'));
  io.format('recv retried: ~w~n', [await socket.recv(S, 0, 'nowait')]);
  p('recv retried', S);
  match('ok', await socket.send(C, Buffer.from('ijkl')));
  await timer.sleep(20);
  io.format('peek: ~w~n', [await socket.recv(S, 0, ['peek'], 1000)]);
  p('peek', S);
  io.format('recvmsg: ~w~n', [await socket.recvmsg(S, 2, 0, [], 1000)]);
  p('recvmsg', S);
  io.format('recvfrom: ~w~n', [await socket.recvfrom(S, 0, [], 1000)]);
  p('recvfrom', S);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

function p(N: string, S: socket.Socket): void {
  const Cs = socket.info(S)['counters'] as Record<string, unknown>;
  const keys = [
    'read_tries',
    'read_waits',
    'read_fails',
    'read_pkg',
    'read_byte',
    'read_pkg_max',
    'acc_tries',
    'acc_waits',
    'acc_fails',
    'acc_success',
  ];
  const M: Record<string, unknown> = {};
  for (const K of keys.sort()) M[K] = Cs[K];
  io.format('~s: ~w~n', [list(...Buffer.from(N, 'latin1')), M]);
}
