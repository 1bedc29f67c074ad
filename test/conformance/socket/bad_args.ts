// Arguments of the wrong shape: a bad timeout, a negative length, a
// sockaddr with a bad address, and a term that is not a socket.
import * as socket from 'erlts/socket';
import { io, make_ref, self, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const A = socket as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  await try_('accept -1', () => A.accept!(LS, -1));
  await try_('accept foo', () => A.accept!(LS, 'foo'));
  await try_('recv -1', () => A.recv!(S, -1, 100));
  await try_('recv foo', () => A.recv!(S, 0, 'foo'));
  await try_('connect addr', () => A.connect!(C, { family: 'inet', addr: 'foo', port: 1 }));
  await try_('bind addr', () => A.bind!(C, { family: 'inet', addr: 'foo', port: 0 }));
  await try_('send integer', () => A.send!(C, 42));
  await try_('close ref', () => A.close!(make_ref()));
  await try_('recv pid', () => A.recv!(self(), 0));
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

async function try_(What: string, Fun: () => Promise<unknown>): Promise<void> {
  try {
    const R = await Fun();
    io.format('~s: returned ~w~n', [list(...Buffer.from(What, 'latin1')), R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~s: ~w:~w~n', [list(...Buffer.from(What, 'latin1')), Class, Reason]);
  }
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}
