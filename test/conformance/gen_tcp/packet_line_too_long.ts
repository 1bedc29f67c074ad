// {packet, line} with packet_size: a line longer than packet_size is
// {error, emsgsize}, a shorter one passes.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(
    await gen_tcp.listen(0, ['binary', ['active', false], ['packet', 'line'], ['packet_size', 8]]),
  );
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, Buffer.from('short\n')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.send(C, Buffer.from('0123456789abcdefghij\nxy\n')));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
