// The other framed packet types read whole packets, header included, from
// bytes sent in pieces: sunrm, tpkt, asn1 and fcgi; what follows the
// packet stays in the socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, timer, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const b = (...parts: (number[] | string)[]): Buffer =>
    Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
  const Cases: [inet.packet_type, Buffer][] = [
    ['sunrm', b([0x80, 0, 0, 5], 'hello')],
    ['tpkt', b([3, 0, 0, 9], 'hello')],
    ['asn1', b([0x04, 5], 'hello')],
    ['asn1', b([0x30, 0x81, 3, 1, 2, 3])],
    ['fcgi', b([1, 5, 0, 1, 0, 5, 2, 0], 'hello', [0, 0])],
  ];
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  for (const [Type, Packet] of Cases) {
    const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
    const S = ok(await gen_tcp.accept(LS));
    match('ok', await inet.setopts(S, [['packet', Type]]));
    const Size = Packet.length;
    const All = Buffer.concat([Packet, Buffer.from('next')]);
    const First = All.subarray(0, 3);
    const Rest = All.subarray(3);
    match('ok', await gen_tcp.send(C, First));
    await timer.sleep(10);
    match('ok', await gen_tcp.send(C, Rest));
    const Got = ok(await gen_tcp.recv(S, 0, 1000)) as Buffer;
    io.format('~w: sent ~w, got ~w, a prefix: ~w~n', [
      Type,
      Size,
      Got.length,
      Packet.subarray(0, Got.length).equals(Got),
    ]);
    match(
      'ok',
      await inet.setopts(S, [
        ['packet', 'raw'],
        ['active', 'once'],
      ]),
    );
    await receive(
      on(['tcp', S, _], ([, , After]) => io.format('then: ~p~n', [After])),
      after(1000, () => io.format('nothing~n')),
    );
    match('ok', await gen_tcp.close(C));
    match('ok', await gen_tcp.close(S));
  }
  match('ok', await gen_tcp.close(LS));
}
