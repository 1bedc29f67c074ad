// On a connected socket inet_drv ignores the destination given to send/3,4,5:
// the datagram goes to the connected peer, not to the address asked (Linux
// would honour it; inet_drv uses send(), not sendto()). From
// gen_udp_SUITE:implicit_inet6 (which allows either behaviour).
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, list, timer, ok, match, type List, type Port } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const B = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const C = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const [PA, PB, PC] = [ok(await inet.port(A)), ok(await inet.port(B)), ok(await inet.port(C))];
  match('ok', await gen_udp.connect(A, [127, 0, 0, 1], PB));
  io.format('send/4 to C: ~w~n', [await gen_udp.send(A, [127, 0, 0, 1], PC, Buffer.from('meant for C'))]);
  io.format('send/3 to C: ~w~n', [await gen_udp.send(A, [[127, 0, 0, 1], PC], Buffer.from('also for C'))]);
  io.format('send/3 map to C: ~w~n', [
    await gen_udp.send(A, { family: 'inet', addr: [127, 0, 0, 1], port: PC }, Buffer.from('map for C')),
  ]);
  io.format('send/5 to C: ~w~n', [
    await gen_udp.send(A, [127, 0, 0, 1], PC, list(), Buffer.from('send/5 for C')),
  ]);
  io.format('send/4 to port 0: ~w~n', [await gen_udp.send(A, [127, 0, 0, 1], 0, Buffer.from('port 0'))]);
  await timer.sleep(30);
  io.format('C got: ~w~n', [await gen_udp.recv(C, 0, 0)]);
  io.format('B got: ~p~n', [from(PA, await drain_recv(B))]);
  for (const X of [A, B, C]) match('ok', await gen_udp.close(X));
}

function from(PA: number, Datagrams: List): List {
  return list(
    ...(Datagrams as unknown[][])
      .filter(([IP, P]) => (IP as number[]).join('.') === '127.0.0.1' && P === PA)
      .map(([, , D]) => D),
  );
}

async function drain_recv(S: Port): Promise<List> {
  const R = await gen_udp.recv(S, 0, 0);
  if (R[0] === 'ok') return list(R[1], ...(await drain_recv(S)));
  return list();
}
