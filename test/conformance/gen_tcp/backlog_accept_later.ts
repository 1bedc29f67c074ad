// Connections made before anyone accepts wait in the backlog: connect
// succeeds at once, data can be sent, and later accepts take them in
// arrival order.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, timer, ok, match, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false], ['backlog', 5], ['packet', 1]]));
  const Port = ok(await inet.port(LS));
  const Clients: Port[] = [];
  for (const N of [1, 2, 3]) {
    const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 1]]));
    match('ok', await gen_tcp.send(C, [N]));
    await timer.sleep(10);
    Clients.push(C);
  }
  const Servers: Port[] = [];
  for (let I = 0; I < 3; I++) {
    const S = ok(await gen_tcp.accept(LS, 1000));
    io.format('accepted client ~w~n', [ok(await gen_tcp.recv(S, 0, 1000))]);
    Servers.push(S);
  }
  io.format('no more: ~w~n', [await gen_tcp.accept(LS, 30)]);
  for (const X of [...Clients, ...Servers]) match('ok', await gen_tcp.close(X));
  match('ok', await gen_tcp.close(LS));
}
