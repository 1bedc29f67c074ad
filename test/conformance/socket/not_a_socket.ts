// Calls given something that is not a socket raise badarg, as does a
// negative recv length.
import * as socket from 'erlts/socket';
import { io, make_ref, self, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const A = socket as unknown as Record<string, (...args: unknown[]) => unknown>;
  await try_('close ref', () => A.close!(make_ref()));
  await try_('recv pid', () => A.recv!(self(), 0));
  await try_('send atom socket', () => A.send!('foo', Buffer.from('x')));
  await try_('sockname tuple', () => A.sockname!(['$socket', 'foo']));
  await try_('monitor ref', () => A.monitor!(make_ref()));
  await try_('recv -1', () => A.recv!(S, -1, 100));
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

async function try_(What: string, Fun: () => unknown): Promise<void> {
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
