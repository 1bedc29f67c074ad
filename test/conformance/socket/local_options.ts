// Options of a local stream socket and of the other kinds, by level: a
// local socket's protocol reads as default, its buffers as Linux's; an
// option of a level the socket does not have (tcp on a local or datagram
// socket, ip on a local one, ipv6 on an inet one, udp on a stream) is
// enotsup, as the NIF answers.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';

type Opt = socket.option;

export default async function main(): Promise<void> {
  const L = ok(await socket.open('local', 'stream'));
  for (const O of opts()) await get_('local', L, O);
  for (const [O, V] of [
    [['tcp', 'nodelay'], true],
    [['socket', 'keepalive'], true],
    [['ip', 'tos'], 0],
    [['socket', 'rcvbuf'], 4096],
    [['socket', 'linger'], { onoff: true, linger: 0 }],
    [['socket', 'reuseaddr'], true],
    [['socket', 'broadcast'], true],
    [['ip', 'ttl'], 5],
    [['ipv6', 'v6only'], true],
    [['socket', 'priority'], 1],
  ] as const) {
    io.format('local set ~w: ~w~n', [O, await socket.setopt(L, O, V)]);
  }
  for (const O of [
    ['socket', 'keepalive'],
    ['socket', 'rcvbuf'],
    ['socket', 'linger'],
    ['socket', 'reuseaddr'],
    ['socket', 'broadcast'],
  ] as const) {
    await get_('local after', L, O);
  }
  match('ok', await socket.close(L));
  const D = ok(await socket.open('inet', 'dgram'));
  for (const O of [
    ['tcp', 'nodelay'],
    ['socket', 'keepalive'],
    ['socket', 'acceptconn'],
    ['socket', 'linger'],
    ['ipv6', 'v6only'],
    ['socket', 'broadcast'],
  ] as const) {
    await get_('dgram', D, O);
  }
  match('ok', await socket.close(D));
  const I = ok(await socket.open('inet', 'stream'));
  for (const O of [
    ['ipv6', 'v6only'],
    ['socket', 'broadcast'],
    ['socket', 'rcvbuf'],
    ['socket', 'sndbuf'],
  ] as const) {
    await get_('inet', I, O);
  }
  io.format('inet set ~w~n', [await socket.setopt(I, ['ipv6', 'v6only'], true)]);
  match('ok', await socket.close(I));
  const I6 = ok(await socket.open('inet6', 'stream'));
  for (const O of [
    ['ip', 'tos'],
    ['ip', 'ttl'],
    ['ipv6', 'v6only'],
    ['tcp', 'nodelay'],
  ] as const) {
    await get_('inet6', I6, O);
  }
  io.format('inet6 set ~w~n', [await socket.setopt(I6, ['ip', 'tos'], 0)]);
  match('ok', await socket.close(I6));
  const D6 = ok(await socket.open('inet6', 'dgram'));
  for (const O of [
    ['ip', 'ttl'],
    ['ipv6', 'v6only'],
    ['tcp', 'nodelay'],
  ] as const) {
    await get_('dgram6', D6, O);
  }
  match('ok', await socket.close(D6));
}

function opts(): Opt[] {
  return [
    ['socket', 'type'],
    ['socket', 'domain'],
    ['socket', 'protocol'],
    ['socket', 'acceptconn'],
    ['socket', 'reuseaddr'],
    ['socket', 'keepalive'],
    ['socket', 'linger'],
    ['socket', 'rcvbuf'],
    ['socket', 'sndbuf'],
    ['socket', 'broadcast'],
    ['socket', 'priority'],
    ['socket', 'debug'],
    ['socket', 'dontroute'],
    ['socket', 'oobinline'],
    ['tcp', 'nodelay'],
    ['ip', 'tos'],
    ['ip', 'ttl'],
    ['ipv6', 'v6only'],
    ['otp', 'debug'],
    ['otp', 'iow'],
    ['otp', 'rcvbuf'],
    ['otp', 'use_registry'],
  ];
}

async function get_(What: string, S: socket.Socket, O: Opt): Promise<void> {
  io.format('~s ~w: ~w~n', [list(...Buffer.from(What, 'latin1')), O, await socket.getopt(S, O)]);
}
