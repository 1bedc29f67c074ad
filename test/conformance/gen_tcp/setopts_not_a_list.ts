// inet:setopts/2 with options that are not a list raises error
// {bad_generator, Opts}, on a connected and on a listen socket (its list
// comprehension over them fails), and changes nothing.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const NotLists = ['foo', { active: true }, 42, Buffer.from('binary'), 'undefined'];
  for (const NotAList of NotLists) {
    io.format('setopts options ~w: ~w ~w~n', [
      NotAList,
      await try_(() => inet.setopts(C, NotAList as never)),
      await try_(() => inet.setopts(LS, NotAList as never)),
    ]);
  }
  io.format('unchanged: ~w~n', [await inet.getopts(C, ['active', 'mode'])]);
  for (const X of [C, S, LS]) match('ok', await gen_tcp.close(X));
}

/** The result, or the class and reason of what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return classOf(e);
  }
}
