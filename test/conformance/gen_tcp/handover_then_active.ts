// The usual hand-over of an accepted socket: accept in passive mode, hand
// the socket to a worker, the worker sets {active, once} and gets what was
// already waiting in the socket; the acceptor's exit does not close it.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  _,
  list,
  spawn,
  self,
  send,
  is_process_alive,
  timer,
  ok,
  match,
  type Pid,
  type Port,
} from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const Self = self();
  const Acceptor = spawn(async () => {
    const S = ok(await gen_tcp.accept(LS));
    const Worker = spawn(worker, Self);
    match('ok', await gen_tcp.controlling_process(S, Worker));
    send(Worker, ['socket', S]);
  });
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  match('ok', await gen_tcp.send(C, Buffer.from('early')));
  await receive(on(['worker_got', _], ([, M1]) => io.format('worker: ~w~n', [M1])));
  io.format('acceptor alive: ~w~n', [is_process_alive(Acceptor)]);
  match('ok', await gen_tcp.send(C, Buffer.from('late')));
  await receive(on(['worker_got', _], ([, M2]) => io.format('worker: ~w~n', [M2])));
  io.format('~p~n', [await gen_tcp.recv(C, 17, 1000)]);
  match('ok', await gen_tcp.close(C));
  await receive(on(['worker_got', _], ([, M3]) => io.format('worker: ~w~n', [M3])));
  match('ok', await gen_tcp.close(LS));
}

async function worker(Parent: Pid): Promise<void> {
  const S = await receive(on(['socket', _], ([, Sock]) => Sock as Port));
  await timer.sleep(30);
  await loop(Parent, S);
}

async function loop(Parent: Pid, S: Port): Promise<void> {
  match('ok', await inet.setopts(S, [['active', 'once']]));
  await receive(
    on(['tcp', S, _], async (M) => {
      send(Parent, ['worker_got', M]);
      match('ok', await gen_tcp.send(S, list(Buffer.from('got '), M[2])));
      await loop(Parent, S);
    }),
    on(['tcp_closed', S], (M) => send(Parent, ['worker_got', M])),
  );
}
