// socket:open/2,3,4 over domains, types and protocols: an unknown protocol
// name is {invalid, {protocol, P}}, a known one of another type is the
// kernel's eprotonosupport; numbers go to the kernel as they are; a
// protocol neither atom nor integer, or options not a map, raise. (Left
// out: what Linux makes and Node cannot, such as local datagram sockets.)
import * as socket from 'erlts/socket';
import { io, list, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const Protocols = [
    'tcp',
    'udp',
    'sctp',
    'ip',
    'default',
    'foo',
    0,
    6,
    17,
    132,
    -1,
    99,
    300,
    'IP',
    'TCP',
    'UDP',
    'ipv6',
    2147483647,
  ];
  for (const D of ['inet', 'inet6', 'local'])
    for (const T of ['stream', 'dgram'])
      for (const P of Protocols) if (!(D === 'local' && T === 'dgram')) await try_([D, T, P]);
  for (const P of ['tcp', 'udp', 'sctp', 'foo', 6, 17]) await try_(['local', 'dgram', P]);
  for (const A of [
    ['local', 'stream', 'icmp'],
    ['local', 'stream', 1],
    [2, 'stream', 0],
    [10, 'dgram', 0],
    [1, 'stream', 0],
    [99, 'stream', 'default'],
    [0, 'stream', 'default'],
    ['unspec', 'stream', 'default'],
    ['inet', 1, 'default'],
    ['inet', 2, 'default'],
    ['inet', 4, 'default'],
    ['inet', 11, 'default'],
    ['inet', 99, -1],
    ['local', 4, 'default'],
    ['local', 99, -1],
    [1.5, 'stream', 'default'],
    ['inet', 1.5, 'default'],
    [2147483648, 'stream', 'default'],
    ['foo', 'bar', 'baz'],
    ['foo', 'bar', 'tcp'],
    ['inet', 'bar', 'tcp'],
    ['inet', 'stream', ['tcp']],
    ['inet', 'stream', 1.5],
    ['inet', 'stream', list(...Buffer.from('tcp', 'latin1'))],
    ['inet', 'stream', 2147483648],
    ['inet', 'stream', 'tcp', list(1)],
    ['inet', 'stream', 'tcp', 'foo'],
    ['inet', 'stream', ['x'], list()],
    ['foo', 'stream', 'tcp', list()],
    ['inet', 'stream', { use_registry: false }],
    ['inet', 'stream', 'tcp', { foo: 1 }],
    ['inet', {}],
    ['inet', list(1)],
    ['inet', 'stream'],
    ['inet6', 'dgram'],
  ]) {
    await try_(A);
  }
}

async function try_(Args: unknown[]): Promise<void> {
  const A = socket as unknown as Record<string, (...a: unknown[]) => ReturnType<typeof socket.open>>;
  try {
    const R = await A.open!(...Args);
    if (R[0] === 'ok') {
      const S = R[1];
      const { protocol: P } = socket.info(S);
      io.format('~w: ok ~w ~w~n', [list(...Args), P, await socket.getopt(S, ['socket', 'protocol'])]);
      match('ok', await socket.close(S));
    } else io.format('~w: ~w~n', [list(...Args), R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~w: ~w:~w~n', [list(...Args), Class, Reason]);
  }
}
