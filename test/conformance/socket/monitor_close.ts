// socket:monitor/1: a DOWN message with socket and closed when the socket
// is closed (by any process), one per monitor; cancel_monitor stops it;
// monitoring a socket already closed gives DOWN at once (its Info,
// closed in OTP 25 and nosock in the manual, is not compared).
import * as socket from 'erlts/socket';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  timer,
  self,
  spawn,
  send,
  is_reference,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const M1 = socket.monitor(S);
  const M2 = socket.monitor(S);
  const M3 = socket.monitor(S);
  io.format('~w ~w~n', [is_reference(M1), M1 !== M2]);
  io.format('cancel: ~w~n', [socket.cancel_monitor(M3)]);
  io.format('cancel again: ~w~n', [socket.cancel_monitor(M3)]);
  const Self = self();
  spawn(async () => {
    match('ok', await socket.close(S));
    send(Self, 'closed');
  });
  await receive(on('closed', () => 'ok'));
  await timer.sleep(20);
  const Msgs = await drain();
  const Downs = Msgs.filter(
    (X) => Array.isArray(X) && X[0] === 'DOWN' && X[2] === 'socket' && X[3] === S && X[4] === 'closed',
  );
  const DownRefs = new Set(Downs.map((X) => (X as unknown[])[1]));
  io.format('DOWN: ~w ~w ~w~n', [
    Msgs.length,
    Downs.length,
    DownRefs.size === 2 && DownRefs.has(M1) && DownRefs.has(M2),
  ]);
  const M4 = socket.monitor(S);
  await receive(
    on(['DOWN', M4, 'socket', S, _], ([, , , , Info]) =>
      io.format('already closed: ~w~n', [typeof Info === 'string']),
    ),
    after(1000, () => io.format('no DOWN~n')),
  );
  const MC = socket.monitor(C);
  match('ok', await socket.close(C));
  await receive(
    on(['DOWN', MC, 'socket', C, _], (D) => io.format('~w~n', [D])),
    after(1000, () => io.format('no DOWN~n')),
  );
  io.format('cancel after DOWN: ~w~n', [socket.cancel_monitor(MC)]);
  match('ok', await socket.close(LS));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
