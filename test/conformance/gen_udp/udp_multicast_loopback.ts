// Multicast over the loopback interface: a socket that joins 239.1.2.3 on
// 127.0.0.1 (add_membership at open) receives what a socket with
// {multicast_if, {127,0,0,1}} sends to that group, from the sender's
// address and port; after drop_membership it receives nothing. multicast_ttl
// and multicast_loop read back as set; add/drop_membership cannot be read
// (einval), and a malformed membership is einval. From
// gen_udp_SUITE:otp_18323_opts_processing.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const Group = [239, 1, 2, 3] as const;
  const R = ok(
    await gen_udp.open(0, ['binary', ['active', false], ['add_membership', [Group, [127, 0, 0, 1]]]]),
  );
  const RP = ok(await inet.port(R));
  const S = ok(
    await gen_udp.open(0, [
      'binary',
      ['active', false],
      ['multicast_if', [127, 0, 0, 1]],
      ['multicast_ttl', 2],
      ['multicast_loop', true],
    ]),
  );
  const SP = ok(await inet.port(S));
  io.format('~w~n', [await inet.getopts(S, ['multicast_ttl', 'multicast_loop'])]);
  io.format('send: ~w~n', [await gen_udp.send(S, Group, RP, Buffer.from('to the group'))]);
  const [IP, P, D] = ok(await gen_udp.recv(R, 0, 1000));
  io.format('received: ~w ~w ~p~n', [IP, P === SP, D]);
  io.format('drop: ~w~n', [await inet.setopts(R, [['drop_membership', [Group, [127, 0, 0, 1]]]])]);
  match('ok', await gen_udp.send(S, Group, RP, Buffer.from('after drop')));
  io.format('after drop: ~w~n', [await gen_udp.recv(R, 0, 50)]);
  io.format('join again: ~w~n', [await inet.setopts(R, [['add_membership', [Group, [127, 0, 0, 1]]]])]);
  match('ok', await gen_udp.send(S, Group, RP, Buffer.from('again')));
  io.format('received: ~p~n', [ok(await gen_udp.recv(R, 0, 1000))[2]]);
  match(
    'ok',
    await inet.setopts(S, [
      ['multicast_ttl', 5],
      ['multicast_loop', false],
    ]),
  );
  io.format('~w~n', [await inet.getopts(S, ['multicast_ttl', 'multicast_loop'])]);
  io.format('getopts add_membership: ~w~n', [await inet.getopts(R, ['add_membership'] as never)]);
  io.format('malformed: ~w ~w~n', [
    await inet.setopts(R, [['add_membership', [Group]]] as never),
    await inet.setopts(R, [['add_membership', 'foo']] as never),
  ]);
  io.format('bad multicast_loop: ~w~n', [await inet.setopts(S, [['multicast_loop', 'foo']] as never)]);
  match('ok', await gen_udp.close(S));
  match('ok', await gen_udp.close(R));
}
