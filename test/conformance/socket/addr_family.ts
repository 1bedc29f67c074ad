// Addresses of another family than the socket's, on bind, connect, sendto
// and sendmsg: an inet socket says eafnosupport, or einval for an address
// too short to be a sockaddr_in (a short local path); an inet6 socket says
// einval for an inet address (shorter than a sockaddr_in6), except a
// datagram socket's connect and sendto, which take it as v4-mapped; a
// local socket says einval; any and loopback are for bind only.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

type Call = (...a: unknown[]) => Promise<unknown>;
const A = socket as unknown as Record<string, Call>;

export default async function main(): Promise<void> {
  const Kinds = [
    ['inet', 'stream'],
    ['inet6', 'stream'],
    ['inet', 'dgram'],
    ['inet6', 'dgram'],
    ['local', 'stream'],
  ] as const;
  const L = ok(await socket.open('inet', 'stream'));
  match('ok', await socket.bind(L, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(L));
  const { port: Port } = ok(await socket.sockname(L)) as { port: number };
  for (const [D, T] of Kinds)
    for (const [Name, Addr] of addrs(0))
      if (!(D === 'local' && isLocal(Addr))) await try_('bind', D, T, Name, (S) => A.bind!(S, Addr));
  for (const [D, T] of Kinds)
    for (const [Name, Addr] of addrs(Port))
      if (!(D === 'local' && isLocal(Addr))) await try_('connect', D, T, Name, (S) => A.connect!(S, Addr));
  for (const D of ['inet', 'inet6'] as const)
    for (const [Name, Addr] of addrs(9))
      await try_('sendto', D, 'dgram', Name, (S) => A.sendto!(S, Buffer.from('x'), Addr));
  for (const D of ['inet', 'inet6'] as const)
    for (const [Name, Addr] of addrs(9))
      if (typeof Addr === 'object')
        await try_('sendmsg', D, 'dgram', Name, (S) =>
          A.sendmsg!(S, { iov: [Buffer.from('x')], addr: Addr }),
        );
  match('ok', await socket.close(L));
}

function isLocal(Addr: unknown): boolean {
  return typeof Addr === 'object' && (Addr as { family: string }).family === 'local';
}

function addrs(Port: number): [string, unknown][] {
  return [
    ['inet_tuple', { family: 'inet', addr: [127, 0, 0, 1], port: Port }],
    ['inet_any', { family: 'inet', addr: 'any', port: Port }],
    ['inet_loopback', { family: 'inet', addr: 'loopback', port: Port }],
    ['inet6_tuple', { family: 'inet6', addr: [0, 0, 0, 0, 0, 0, 0, 1], port: Port }],
    ['inet6_any', { family: 'inet6', addr: 'any', port: Port }],
    ['inet6_loopback', { family: 'inet6', addr: 'loopback', port: Port }],
    ['inet6_mapped', { family: 'inet6', addr: [0, 0, 0, 0, 0, 0xffff, 0x7f00, 1], port: Port }],
    ['local_short', { family: 'local', path: list(...Buffer.from('/tmp/erlts', 'latin1')) }],
    ['local_long', { family: 'local', path: list(...Buffer.alloc(30, 'a')) }],
    ['any', 'any'],
    ['loopback', 'loopback'],
    ['integer', 42],
  ];
}

async function try_(
  Op: string,
  D: socket.domain,
  T: socket.type,
  Name: string,
  Fun: (S: socket.Socket) => Promise<unknown>,
): Promise<void> {
  const S = ok(await socket.open(D, T));
  try {
    const R = await Fun(S);
    io.format('~w ~w ~w ~w: ~w~n', [Op, D, T, Name, R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~w ~w ~w ~w: ~w:~w~n', [Op, D, T, Name, Class, Reason]);
  }
  match('ok', await socket.close(S));
}
