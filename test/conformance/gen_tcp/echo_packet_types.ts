// gen_tcp_echo_SUITE in small: an echo server in its own process, driven
// with packets of several sizes for each {packet, N}, in active and
// passive mode; each echo comes back whole.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  io,
  receive,
  on,
  after,
  _,
  list,
  spawn,
  monitor,
  error,
  ok,
  match,
  type List,
  type Port,
} from 'erlts';

export default async function main(): Promise<void> {
  for (const Packet of [1, 2, 4] as const) for (const Active of [false, true]) await run(Packet, Active);
}

async function run(Packet: 1 | 2 | 4, Active: boolean): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['packet', Packet]]));
  const Port = ok(await inet.port(LS));
  const Server = spawn(echo_server, LS);
  const C = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', Active], ['packet', Packet]]),
  );
  const Sizes = Packet === 1 ? [0, 1, 100, 255] : [0, 1, 255, 256, 5000];
  const Echoed: List<[number, boolean]> = list();
  for (const Size of Sizes) {
    const Data = Buffer.alloc(Size, 'e');
    match('ok', await gen_tcp.send(C, Data));
    const Back = await recv(C, Active);
    Echoed.push([Size, Buffer.isBuffer(Back) && Back.equals(Data)]);
  }
  io.format('packet ~w, active ~w: ~w~n', [Packet, Active, Echoed]);
  match('ok', await gen_tcp.close(C));
  const Ref = monitor('process', Server);
  await receive(on(['DOWN', Ref, 'process', Server, _], ([, , , , Why]) => io.format('server: ~w~n', [Why])));
  match('ok', await gen_tcp.close(LS));
}

async function recv(C: Port, Active: boolean): Promise<unknown> {
  if (!Active) return ok(await gen_tcp.recv(C, 0, 1000));
  return receive(
    on(['tcp', C, _], ([, , D]) => D),
    after(1000, () => 'timeout'),
  );
}

async function echo_server(LS: Port): Promise<void> {
  const S = ok(await gen_tcp.accept(LS));
  await echo_loop(S);
}

async function echo_loop(S: Port): Promise<void> {
  const R = await gen_tcp.recv(S, 0, 1000);
  if (R[0] === 'ok') {
    match('ok', await gen_tcp.send(S, R[1]));
    return echo_loop(S);
  }
  if (R[1] === 'closed') {
    match('ok', await gen_tcp.close(S));
    return;
  }
  error(['case_clause', R]);
}
