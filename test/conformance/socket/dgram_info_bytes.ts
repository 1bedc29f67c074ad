// socket:info/1's byte and packet counters of dgram sockets after two
// datagrams (3 and 5 bytes) are sent by one and read by the other.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(A));
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.sendto(B, Buffer.from('abc'), SA));
  match('ok', await socket.sendto(B, Buffer.from('defgh'), SA));
  ok(await socket.recvfrom(A, 0, 1000));
  ok(await socket.recvfrom(A, 0, 1000));
  io.format('A: ~w~n', [counters(A)]);
  io.format('B: ~w~n', [counters(B)]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

function counters(S: socket.Socket): Record<string, unknown> {
  return maps_with(
    ['read_byte', 'read_pkg', 'write_byte', 'write_pkg', 'write_pkg_max'],
    socket.info(S)['counters'],
  );
}

/** maps:with(Keys, Map). */
function maps_with(Keys: readonly string[], Map: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(Map).filter(([K]) => Keys.includes(K)));
}
