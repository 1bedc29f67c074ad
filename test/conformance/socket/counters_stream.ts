// socket:info/1's try, wait and fail counters of stream sockets through
// blocking calls that wait, nowait calls that select and their retries,
// a timeout, and a send that fills the buffers.
import * as socket from 'erlts/socket';
import { io, receive, on, _, self, send, spawn, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  match('select', (await socket.accept(LS, 'nowait'))[0]);
  p('accept nowait', LS);
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  await receive(on(['$socket', LS, 'select', _], () => 'ok'));
  const S = ok(await socket.accept(LS, 'nowait'));
  p('accept retried', LS);
  const Self = self();
  spawn(async () => {
    await timer.sleep(50);
    const C2 = ok(await socket.open('inet', 'stream', 'tcp'));
    match('ok', await socket.connect(C2, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
    send(Self, ['c2', C2]);
  });
  const S2 = ok(await socket.accept(LS));
  p('accept waited', LS);
  match('select', (await socket.recv(S, 0, 'nowait'))[0]);
  p('recv nowait', S);
  match('ok', await socket.send(C, Buffer.from('abc')));
  await receive(on(['$socket', S, 'select', _], () => 'ok'));
  match('ok', (await socket.recv(S, 0, 'nowait'))[0]);
  p('recv retried', S);
  spawn(async () => {
    await timer.sleep(50);
    await socket.send(C, Buffer.from('d'));
  });
  match('ok', (await socket.recv(S, 0))[0]);
  p('recv waited', S);
  match('timeout', (await socket.recv(S, 0, 30))[1]);
  p('recv timeout', S);
  match('ok', await socket.send(C, Buffer.from('x'), 1000));
  p('send', C);
  await receive(on(['c2', _], () => 'ok'));
  spawn(async () => {
    await socket.recv(S, 0, 'nowait');
    await timer.sleep(200);
  });
  await timer.sleep(20);
  match('select', (await socket.recv(S, 0, 'nowait'))[0]);
  p('second reader', S);
  for (const X of [C, S2, LS]) match('ok', await socket.close(X));
  await socket.close(S);
}

function p(N: string, S: socket.Socket): void {
  const { counters: Cs } = socket.info(S) as { counters: Record<string, number> };
  const keys = ['read_tries', 'read_waits', 'read_fails', 'write_tries', 'write_waits', 'write_fails'];
  const all = [...keys, 'acc_tries', 'acc_waits', 'acc_fails', 'acc_success'];
  io.format('~s: ~w~n', [N, Object.fromEntries(all.map((K) => [K, Cs[K]]))]);
}
