// mode list delivers a datagram as a list of bytes (an empty one as []);
// {header, N} in binary mode delivers the first N bytes as a list in front of
// a binary of the rest, [B1, ..., BN | Rest], and a datagram of N bytes or
// less as a plain list. In list mode header changes nothing. (erlts has no
// improper lists: the twins print {Bytes, Tail}, the tail being the binary.)
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const R = ok(await gen_udp.open(0, ['list', ['active', false]]));
  const RP = ok(await inet.port(R));
  const Send = async (D: Buffer): Promise<unknown> => {
    match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, D));
    return ok(await gen_udp.recv(R, 0, 1000))[2];
  };
  io.format('list: ~p ~p ~w~n', [
    await Send(Buffer.from('abc')),
    await Send(Buffer.alloc(0)),
    await Send(Buffer.from([0, 200, 255])),
  ]);
  match('ok', await inet.setopts(R, [['header', 2]]));
  io.format('list, header 2: ~p~n', [await Send(Buffer.from('abcde'))]);
  match('ok', await inet.setopts(R, ['binary']));
  io.format('binary, header 2: ~w ~w ~w ~w~n', [
    parts(await Send(Buffer.from('abcde'))),
    parts(await Send(Buffer.from('ab'))),
    parts(await Send(Buffer.from('a'))),
    parts(await Send(Buffer.alloc(0))),
  ]);
  match(
    'ok',
    await inet.setopts(R, [
      ['header', 1],
      ['active', 'once'],
    ]),
  );
  match('ok', await gen_udp.send(S, [127, 0, 0, 1], RP, Buffer.from('act')));
  await receive(
    on(['udp', R, _, _, _], ([, , , , D]) => io.format('active, header 1: ~w~n', [parts(D)])),
    after(1000, () => io.format('nothing~n')),
  );
  io.format('~w~n', [await inet.getopts(R, ['mode', 'header'])]);
  match('ok', await inet.setopts(R, [['header', 0]]));
  io.format('header 0: ~p~n', [await Send(Buffer.from('abc'))]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}

/** A list of bytes and its tail: {"ab", <<"cde">>} for [$a, $b | <<"cde">>] (in erlts, the last element). */
function parts(D: unknown): unknown {
  const Items = [...(D as unknown[])];
  const Tail = Items.length > 0 && Buffer.isBuffer(Items[Items.length - 1]) ? Items.pop() : list();
  return [list(...Items), Tail];
}
