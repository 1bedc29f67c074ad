// socket:info/1 of a dgram socket: its domain, type, protocol, owner and
// kind, the counter names, and the try counters and reader count as
// recvfrom and sendto calls move them.
import * as socket from 'erlts/socket';
import { io, error, list, self, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  const I0 = socket.info(A);
  io.format('~w~n', [
    maps_with(
      ['domain', 'type', 'protocol', 'ctype', 'num_acceptors', 'num_readers', 'num_writers', 'wstates'],
      I0,
    ),
  ]);
  io.format('owner: ~w~n', [I0['owner'] === self()]);
  io.format('keys: ~w~n', [list(...Object.keys(I0).sort())]);
  io.format('counters: ~w~n', [list(...Object.keys(I0['counters'] as object).sort())]);
  io.format('~w~n', [counters(A)]);
  match('ok', await socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(A));
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.sendto(B, Buffer.from('abc'), SA));
  match('ok', await socket.sendto(B, Buffer.from('defgh'), SA));
  ok(await socket.recvfrom(A, 0, 1000));
  ok(await socket.recv(A, 0, 1000));
  const T = await socket.recvfrom(A, 0, 0);
  if (T[0] !== 'error' || T[1] !== 'timeout') error(['badmatch', T]);
  io.format('A: ~w~n', [counters(A)]);
  io.format('B: ~w~n', [counters(B)]);
  const R = await socket.recvfrom(A, 0, 'nowait');
  if (R[0] !== 'select') return error(['badmatch', R]);
  const SI = R[1];
  io.format('pending: ~w~n', [maps_with(['num_readers', 'num_writers'], socket.info(A))]);
  match('ok', await socket.cancel(A, SI));
  io.format('cancelled: ~w~n', [maps_with(['num_readers', 'num_writers'], socket.info(A))]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

function counters(S: socket.Socket): Record<string, unknown> {
  return maps_with(
    ['read_tries', 'read_fails', 'write_tries', 'write_fails', 'write_waits', 'acc_tries', 'acc_success'],
    socket.info(S)['counters'],
  );
}

/** maps:with(Keys, Map). */
function maps_with(Keys: readonly string[], Map: object): Record<string, unknown> {
  return Object.fromEntries(Object.entries(Map).filter(([K]) => Keys.includes(K)));
}
