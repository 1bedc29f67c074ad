// The NIF's read buffer, {otp, rcvbuf} (8192 bytes by default): a datagram
// read with no size is cut to it (recvmsg flags trunc), a stream read of
// what is there takes at most it ({N, Size}: N buffers of Size); a size
// given wins. setopt/4 sets it as setopt/3 does; default resets it; 0, -1,
// 1.5 and {0, 1024} are invalid.
import * as socket from 'erlts/socket';
import { io, list, timer, ok, match, type List } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [R, RA] = await bound();
  const W = ok(await socket.open('inet', 'dgram', 'udp'));
  const Big = Buffer.alloc(10000, 'x');
  const Sizes = async (Label: string, Read: () => Promise<unknown>): Promise<void> => {
    match('ok', await socket.sendto(W, Big, RA));
    io.format('~s: ~w~n', [str(Label), await Read()]);
  };
  await Sizes('recvfrom 0', async () => ok(await socket.recvfrom(R, 0, 1000))[1].length);
  await Sizes('recv 0', async () => ok(await socket.recv(R, 0, 1000)).length);
  await Sizes('recvmsg', async () => msg(ok(await socket.recvmsg(R, 1000))));
  await Sizes('recvfrom 20000', async () => ok(await socket.recvfrom(R, 20000, 1000))[1].length);
  io.format('setopt/4 100: ~w~n', [await socket.setopt(R, 'otp', 'rcvbuf', 100)]);
  io.format('getopt/3: ~w~n', [await socket.getopt(R, 'otp', 'rcvbuf')]);
  await Sizes('recvfrom 0 at 100', async () => ok(await socket.recvfrom(R, 0, 1000))[1].length);
  await Sizes('recvfrom 5000 at 100', async () => ok(await socket.recvfrom(R, 5000, 1000))[1].length);
  await Sizes('recv 0 at 100', async () => ok(await socket.recv(R, 0, 1000)).length);
  await Sizes('recvmsg 0 0 at 100', async () => msg(ok(await socket.recvmsg(R, 0, 0, 1000))));
  match('ok', await socket.setopt(R, ['otp', 'rcvbuf'], [2, 1024]));
  io.format('getopt {2, 1024}: ~w~n', [await socket.getopt(R, ['otp', 'rcvbuf'])]);
  await Sizes('recvfrom 0 at {2, 1024}', async () => ok(await socket.recvfrom(R, 0, 1000))[1].length);
  match('ok', await socket.setopt(R, ['otp', 'rcvbuf'], 20000));
  await Sizes('recvfrom 0 at 20000', async () => ok(await socket.recvfrom(R, 0, 1000))[1].length);
  io.format('default: ~w ~w~n', [
    await socket.setopt(R, ['otp', 'rcvbuf'], 'default'),
    await socket.getopt(R, ['otp', 'rcvbuf']),
  ]);
  const Setopt = socket.setopt as (...Args: unknown[]) => Promise<unknown>;
  for (const V of [0, -1, 1.5, [0, 1024], [1, 0], ['a', 1], list(2, 1024), 'foo']) {
    io.format('setopt ~w: ~w~n', [V, await Setopt(R, ['otp', 'rcvbuf'], V)]);
  }
  io.format('setopt/4 bad: ~w ~w~n', [
    await Setopt(R, 'foo', 'rcvbuf', 1),
    await Setopt(R, 'socket', 'reuseaddr', 1),
  ]);
  io.format('setopt/4 then getopt: ~w ~w~n', [
    await socket.setopt(R, 'socket', 'reuseaddr', true),
    await socket.getopt(R, ['socket', 'reuseaddr']),
  ]);
  io.format('setopt/4 not a socket: ~w~n', [await catch_(() => Setopt('foo', 'socket', 'reuseaddr', true))]);
  io.format('setopt/4 level not an atom: ~w~n', [
    await catch_(() => Setopt(R, str('socket'), 'reuseaddr', true)),
  ]);
  await stream();
  for (const X of [R, W]) match('ok', await socket.close(X));
}

async function stream(): Promise<void> {
  const L = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(L, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(L));
  const LA = ok(await socket.sockname(L));
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, LA));
  const A = ok(await socket.accept(L));
  match('ok', await socket.send(C, Buffer.alloc(60000, 'y')));
  await timer.sleep(100);
  const S1 = ok(await socket.recv(A, 0, 1000));
  io.format('stream recv 0: ~w~n', [S1.length]);
  match('ok', await socket.setopt(A, 'otp', 'rcvbuf', 1000));
  const S2 = ok(await socket.recv(A, 0, 1000));
  const [, S3] = ok(await socket.recvfrom(A, 0, 1000));
  const M = ok(await socket.recvmsg(A, 1000));
  io.format('stream at 1000: ~w ~w ~w~n', [S2.length, S3.length, msg(M)]);
  match('ok', await socket.setopt(A, ['otp', 'rcvbuf'], [3, 1000]));
  const S4 = ok(await socket.recv(A, 0, ['peek'], 1000));
  const S5 = ok(await socket.recv(A, 0, 1000));
  const S6 = ok(await socket.recv(A, 5000, 1000));
  io.format('stream at {3, 1000}: ~w ~w ~w~n', [S4.length, S5.length, S6.length]);
  for (const X of [A, C, L]) match('ok', await socket.close(X));
}

function msg({ iov, flags }: socket.msg_recv): [List<number>, unknown] {
  return [list(...iov.map((B) => B.length)), flags];
}

async function bound(): Promise<[socket.Socket, socket.sockaddr]> {
  const S = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(S, { family: 'inet', addr: 'loopback', port: 0 }));
  const SA = ok(await socket.sockname(S));
  return [S, SA];
}

async function catch_(F: () => unknown): Promise<unknown> {
  try {
    return ['returned', await F()];
  } catch (e) {
    return classOf(e);
  }
}

function str(S: string): List<number> {
  return list(...Buffer.from(S, 'latin1'));
}
