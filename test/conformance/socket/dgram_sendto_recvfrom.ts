// socket:sendto/3 and recvfrom/3 on inet dgram sockets: the receiver gets
// the data with the sender's sockaddr map as its source, replies to that
// source, and each datagram keeps its edges (an empty one too, and iodata
// sent as one).
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [A, SA] = await bound();
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.sendto(B, Buffer.from('hello world'), SA));
  const [Src, Data] = ok(await socket.recvfrom(A, 0, 1000));
  const { port: BPort } = ok(await socket.sockname(B)) as { port: number };
  io.format('~w~n', [Data]);
  io.format('~w~n', [maps_remove('port', Src)]);
  io.format("source port is B's: ~w~n", [(Src as { port: number }).port === BPort]);
  match('ok', await socket.sendto(A, Buffer.from('back'), Src));
  const [Src2, Data2] = ok(await socket.recvfrom(B, 0, 1000));
  io.format('~w ~w~n', [Data2, same(Src2, SA)]);
  match('ok', await socket.sendto(B, Buffer.from('one'), SA));
  match('ok', await socket.sendto(B, Buffer.alloc(0), SA));
  match('ok', await socket.sendto(B, [Buffer.from('tw'), list(...Buffer.from('o', 'latin1'))], SA));
  for (let I = 1; I <= 3; I++) {
    const [, D] = ok(await socket.recvfrom(A, 0, 1000));
    io.format('~w~n', [D]);
  }
  io.format('~w~n', [await socket.recvfrom(A, 0, 50)]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}

/** maps:remove(Key, Map). */
function maps_remove(Key: string, Map: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(Map).filter(([K]) => K !== Key));
}

/** `=:=` on two sockaddr maps. */
function same(X: object, Y: object): boolean {
  return JSON.stringify(Object.entries(X).sort()) === JSON.stringify(Object.entries(Y).sort());
}
