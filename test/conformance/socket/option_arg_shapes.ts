// Socket options of the wrong shape: getopt/2, setopt/3 and setopt_native/3
// throw {invalid, {socket_option, Opt}} for what is no {Level, Name} of two
// atoms (getopt_native returns it); setopt of the controlling process to a
// non-pid returns the error, to a dead process ok (and the socket, whose
// owner is dead, closes).
import * as socket from 'erlts/socket';
import { io, io_lib, list, self, spawn, monitor, receive, on, _, ok } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'stream', 'tcp'));
  const A = socket as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  for (const O of [
    'foo',
    ['a'],
    ['a', 'b', 'c'],
    42,
    list(1),
    list('socket', 'type'),
    [1, 2],
    ['socket', 1],
    ['foo', 'bar'],
    ['socket', 'foo'],
  ]) {
    await try_(io_lib.format('getopt ~w', [O]), () => A.getopt!(S, O));
  }
  for (const O of [
    'foo',
    ['a'],
    ['a', 'b', 'c'],
    42,
    list(1),
    [1, 2],
    ['socket', 1],
    ['foo', 'bar'],
    ['socket', 'foo'],
  ]) {
    await try_(io_lib.format('setopt ~w', [O]), () => A.setopt!(S, O, 1));
  }
  for (const O of ['foo', ['a'], ['a', 'b', 'c'], 42]) {
    await try_(io_lib.format('setopt_native ~w', [O]), () => A.setopt_native!(S, O, 1));
  }
  await try_('getopt_native foo', () => A.getopt_native!(S, 'foo', 'integer'));
  await try_('getopt/3 socket type', () => A.getopt!(S, 'socket', 'type'));
  await try_('getopt/3 foo bar', () => A.getopt!(S, 'foo', 'bar'));
  await try_('controlling_process foo', () => A.setopt!(S, ['otp', 'controlling_process'], 'foo'));
  const Self = self();
  const Dead = spawn(() => 'ok');
  const Ref = monitor('process', Dead);
  await receive(on(['DOWN', Ref, 'process', Dead, _]));
  await try_('controlling_process dead', () => A.setopt!(S, ['otp', 'controlling_process'], Dead));
  const Owner = await socket.getopt(S, ['otp', 'controlling_process']);
  io.format('then: ~w ~w~n', [Owner[0] === 'ok' && Owner[1] === Self, await socket.close(S)]);
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
