// socket:info/1's rstates and wstates through a socket's life: bound,
// listening, accepting, connecting, connected, and the sticky selected
// flag a call that had to wait leaves; closing and closed at the end.
import * as socket from 'erlts/socket';
import { io, receive, on, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const O = ok(await socket.open('inet', 'stream', 'tcp'));
  p('open', O);
  match('ok', await socket.bind(O, { family: 'inet', addr: 'loopback', port: 0 }));
  p('bound', O);
  match('ok', await socket.listen(O));
  p('listening', O);
  const { port: Port } = ok(await socket.sockname(O)) as { port: number };
  match('select', (await socket.accept(O, 'nowait'))[0]);
  p('accepting', O);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match(
    'select',
    (await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }, 'nowait'))[0],
  );
  p('connecting', C);
  await receive(on(['$socket', C, 'select', _], () => 'ok'));
  match('ok', await socket.connect(C));
  p('connected', C);
  await receive(on(['$socket', O, 'select', _], () => 'ok'));
  p('accept selected', O);
  const S = ok(await socket.accept(O, 'nowait'));
  p('accepted', S);
  p('listen after', O);
  match('select', (await socket.recv(S, 0, 'nowait'))[0]);
  p('reading', S);
  match('ok', await socket.send(C, Buffer.from('x')));
  await receive(on(['$socket', S, 'select', _], () => 'ok'));
  match('ok', (await socket.recv(S, 0, 'nowait'))[0]);
  p('read done', S);
  const U = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(U, { family: 'inet', addr: 'loopback', port: 0 }));
  p('udp bound', U);
  match('ok', await socket.connect(U, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  p('udp connected', U);
  match('ok', await socket.close(C));
  p('closed', C);
  for (const X of [S, O, U]) match('ok', await socket.close(X));
}

function p(N: string, S: socket.Socket): void {
  const { rstates: R, wstates: W } = socket.info(S) as { rstates: unknown; wstates: unknown };
  io.format('~s: ~w ~w~n', [N, R, W]);
}
