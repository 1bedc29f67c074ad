// An inet6 listener on ::1 and a client connecting to it; addresses read
// back as 8-tuples, and the inet6 option reads back too.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { catch_ } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(
    await gen_tcp.listen(0, ['inet6', ['ip', [0, 0, 0, 0, 0, 0, 0, 1]], 'binary', ['active', false]]),
  );
  const Port = ok(await inet.port(LS));
  const [LAddr] = ok(await inet.sockname(LS));
  io.format('listen address: ~w~n', [LAddr]);
  const C = ok(await gen_tcp.connect([0, 0, 0, 0, 0, 0, 0, 1], Port, ['inet6', 'binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const [PAddr, PPort] = ok(await inet.peername(C));
  io.format('peer: ~w, same port: ~w~n', [PAddr, PPort === Port]);
  const [SAddr] = ok(await inet.peername(S));
  io.format('client seen from the server: ~w~n', [SAddr]);
  match('ok', await gen_tcp.send(C, Buffer.from('six')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('inet4 address on an inet6 socket: ~w~n', [
    ((await catch_(() => gen_tcp.connect([127, 0, 0, 1], Port, ['inet6']))) as unknown[])[0],
  ]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
