// sockname of dgram sockets: an unbound one is the wildcard address with
// port 0 until a sendto binds it implicitly to an ephemeral port; bound to
// loopback or any it is that address with a port the system picked;
// peername of an unconnected one is enotconn.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const U = ok(await socket.open('inet', 'dgram', 'udp'));
  io.format('unbound: ~w~n', [await socket.sockname(U)]);
  io.format('peername: ~w~n', [await socket.peername(U)]);
  const L = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(L, { family: 'inet', addr: 'loopback', port: 0 }));
  const LA = ok(await socket.sockname(L));
  const { port: LP } = LA as { port: number };
  io.format('loopback: ~w ~w~n', [maps_remove('port', LA), LP > 0]);
  const W = ok(await socket.open('inet', 'dgram'));
  match('ok', await socket.bind(W, 'any'));
  const WA = ok(await socket.sockname(W));
  const { port: WP } = WA as { port: number };
  io.format('any: ~w ~w~n', [maps_remove('port', WA), WP > 0]);
  match('ok', await socket.sendto(U, Buffer.from('x'), LA));
  const UA = ok(await socket.sockname(U));
  const { port: UP } = UA as { port: number };
  io.format('after sendto: ~w ~w~n', [maps_remove('port', UA), UP > 0]);
  const [Src] = ok(await socket.recvfrom(L, 0, 1000));
  const { port: SrcP } = Src as { port: number };
  io.format('source port: ~w~n', [SrcP === UP]);
  for (const X of [U, L, W]) match('ok', await socket.close(X));
}

/** maps:remove(Key, Map). */
function maps_remove(Key: string, Map: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(Map).filter(([K]) => K !== Key));
}
