// socket.Socket monitors from several processes: each monitoring process gets
// its own DOWN when the owner closes the socket; a monitor whose process
// has died is gone, and a cancelled one sends nothing.
import * as socket from 'erlts/socket';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  self,
  spawn,
  send,
  timer,
  is_process_alive,
  ok,
  match,
  type List,
} from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Self = self();
  const Watcher = async (N: number, Cancel: boolean): Promise<void> => {
    spawn(async () => {
      const M = socket.monitor(S);
      if (Cancel) socket.cancel_monitor(M);
      send(Self, ['ready', N]);
      await receive(
        on(['DOWN', M, 'socket', S, _], ([, , , , Info]) => send(Self, ['down', N, Info])),
        after(300, () => send(Self, ['nothing', N])),
      );
    });
    await receive(on(['ready', N], () => 'ok'));
  };
  await Watcher(1, false);
  await Watcher(2, true);
  await Watcher(3, false);
  const Dead = spawn(async () => {
    socket.monitor(S);
    send(Self, ['ready', 'dead']);
  });
  await receive(on(['ready', 'dead'], () => 'ok'));
  await timer.sleep(10);
  io.format('dead alive: ~w~n', [is_process_alive(Dead)]);
  match('ok', await socket.close(S));
  const Got: unknown[] = [];
  for (const K of [1, 2, 3]) {
    Got.push(
      await receive(
        on([_, K, _], ([Tag, , Info]) => [Tag, Info]),
        on([_, K], ([Tag]) => Tag),
      ),
    );
  }
  io.format('~w~n', [list(...Got)]);
  io.format('mailbox: ~w~n', [await drain()]);
  for (const X of [C, LS]) match('ok', await socket.close(X));
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
