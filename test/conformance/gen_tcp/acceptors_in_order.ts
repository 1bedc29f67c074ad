// Several processes waiting in accept on one listen socket are served in
// the order they started waiting; each owns the socket it accepted.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, _, spawn, self, send, timer, ok, match, type Pid, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 1]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Acceptors: Pid[] = [];
  for (const N of [1, 2, 3]) {
    const P = spawn(acceptor, Self, LS, N);
    await timer.sleep(20);
    Acceptors.push(P);
  }
  const Clients: Port[] = [];
  for (const I of [10, 20, 30]) {
    const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 1]]));
    match('ok', await gen_tcp.send(C, String(I)));
    await timer.sleep(20);
    Clients.push(C);
  }
  for (const N of [1, 2, 3]) {
    await receive(
      on(['served', N, _, _], ([, , Data, IsOwner]) =>
        io.format('acceptor ~w got ~w, controlling_process to itself: ~w~n', [N, Data, IsOwner]),
      ),
    );
  }
  for (const A of Acceptors) send(A, 'stop');
  for (const C of Clients) match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
}

async function acceptor(Parent: Pid, LS: Port, N: number): Promise<void> {
  const S = ok(await gen_tcp.accept(LS));
  const Data = ok(await gen_tcp.recv(S, 0, 1000));
  const IsOwner = await gen_tcp.controlling_process(S, self());
  send(Parent, ['served', N, Data, IsOwner]);
  await receive(on('stop', () => 'ok'));
  match('ok', await gen_tcp.close(S));
}
