// gen_tcp and inet functions given something that is not a socket (an
// atom, an integer) or a bad length: OTP 25 fails with function_clause.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, self, ok, match, type Port } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const foo = 'foo' as unknown as Port;
  const Calls: [string, () => unknown][] = [
    ['send', () => gen_tcp.send(foo, 'x')],
    ['recv', () => gen_tcp.recv(42 as unknown as Port, 0)],
    ['accept', () => gen_tcp.accept(foo)],
    ['close', () => gen_tcp.close(foo)],
    ['controlling_process', () => gen_tcp.controlling_process(foo, self())],
    ['setopts', () => inet.setopts(foo, [])],
    ['getopts', () => inet.getopts(foo, ['active'])],
    ['sockname', () => inet.sockname(foo)],
    ['port', () => inet.port(foo)],
    ['recv_negative_length', () => gen_tcp.recv(S, -1)],
    ['recv_atom_length', () => gen_tcp.recv(S, 'foo' as unknown as number)],
  ];
  for (const [Name, Fun] of Calls) io.format('~w: ~w~n', [Name, await result(Fun)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function result(Fun: () => unknown): Promise<unknown> {
  try {
    return await Fun();
  } catch (e) {
    const [Class, Reason] = classOf(e);
    return ['raised', Class, Reason];
  }
}
