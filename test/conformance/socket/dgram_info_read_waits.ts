// socket:info/1's read_waits counter of a dgram socket after recvfrom
// calls that had to wait: with a timeout that expires, and with nowait.
import * as socket from 'erlts/socket';
import { io, error, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }));
  const T = await socket.recvfrom(A, 0, 20);
  if (T[0] !== 'error' || T[1] !== 'timeout') error(['badmatch', T]);
  io.format('after timeout: ~w~n', [counters(A)]);
  const R = await socket.recvfrom(A, 0, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  const SI = R[1];
  io.format('after nowait: ~w~n', [counters(A)]);
  match('ok', await socket.cancel(A, SI));
  io.format('after cancel: ~w~n', [counters(A)]);
  match('ok', await socket.close(A));
}

function counters(S: socket.Socket): Record<string, unknown> {
  return maps_with(['read_tries', 'read_waits', 'read_fails'], socket.info(S)['counters']);
}

/** maps:with(Keys, Map). */
function maps_with(Keys: readonly string[], Map: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(Map).filter(([K]) => Keys.includes(K)));
}
