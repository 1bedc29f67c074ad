// Malformed option lists that erlts once let through or crashed on. A list where
// a tuple belongs ([active, true] is no {active, true}) is einval from setopts,
// even alone (the {active, V} fast path), and badarg from listen and connect.
// A map as {ip, Map} is einval from listen (its bind refuses it) and badarg from
// connect; a map or a fun as {packet, V} is badarg / einval. Options that are
// not a list make connect exit with function_clause. This twin gives values
// no Erlang term can be: a map that contains itself, a fun whose printing
// throws, and null for the atom.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match, type Port } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

// The options are malformed on purpose: the typed signatures refuse them at compile time.
const listen_ = gen_tcp.listen as (P: number, Opts: readonly unknown[]) => ReturnType<typeof gen_tcp.listen>;
const connect_ = gen_tcp.connect as (...Args: unknown[]) => ReturnType<typeof gen_tcp.connect>;
const setopts_ = inet.setopts as (S: Port, Opts: readonly unknown[]) => ReturnType<typeof inet.setopts>;

export default async function main(): Promise<void> {
  const LS = ok(await listen_(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await connect_([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  io.format('setopts [[active, true]]: ~w~n', [await setopts_(C, [list('active', true)])]);
  io.format('setopts [[active, once]]: ~w~n', [await setopts_(C, [list('active', 'once')])]);
  io.format('setopts listen [[active, true]]: ~w~n', [await setopts_(LS, [list('active', true)])]);
  io.format('setopts [{packet, 2}, [active, true]]: ~w~n', [
    await setopts_(C, [['packet', 2], list('active', true)]),
  ]);
  io.format('unchanged: ~w ~w~n', [
    await inet.getopts(C, ['active', 'packet']),
    await inet.getopts(LS, ['active']),
  ]);
  io.format('listen [[active, true]]: ~w~n', [await try_(() => listen_(0, [list('active', true)]))]);
  io.format('connect [[active, true]]: ~w~n', [
    await try_(() => connect_([127, 0, 0, 1], Port, [list('active', true)])),
  ]);
  // #{self => #{}} in the Erlang twin: here the map contains itself.
  const Self: Record<string, unknown> = {};
  Self.self = Self;
  io.format('listen {ip, Map}: ~w~n', [await try_(() => listen_(0, [['ip', Self]]))]);
  io.format('connect {ip, Map}: ~w~n', [await try_(() => connect_('localhost', Port, [['ip', Self]]))]);
  io.format('listen {packet, Map}: ~w~n', [await try_(() => listen_(0, [['packet', Self]]))]);
  io.format('setopts {packet, Map}: ~w~n', [await setopts_(C, [['packet', Self]])]);
  // A fun, whose toString throws: an error message must not call it.
  const Fun = (): string => 'ok';
  Fun.toString = (): string => {
    throw new Error('toString called');
  };
  io.format('listen {packet, Fun}: ~w~n', [await try_(() => listen_(0, [['packet', Fun]]))]);
  io.format('connect {packet, Fun}: ~w~n', [
    await try_(() => connect_([127, 0, 0, 1], Port, [['packet', Fun]])),
  ]);
  io.format('setopts {packet, Fun}: ~w~n', [await setopts_(C, [['packet', Fun]])]);
  // [foo, undefined] in the Erlang twin: null is JS's undefined atom, and no list.
  for (const NotAList of ['foo', null] as unknown as (readonly unknown[])[]) {
    io.format('connect options ~w: ~w ~w~n', [
      NotAList ?? 'undefined',
      await try_(() => connect_('localhost', Port, NotAList)),
      await try_(() => connect_({ family: 'inet', addr: [127, 0, 0, 1], port: Port }, NotAList, 1000)),
    ]);
  }
  for (const X of [C, S, LS]) match('ok', await gen_tcp.close(X));
}

/** The result, or the class and the head of the reason of what was raised. */
async function try_(F: () => Promise<readonly ['ok', Port] | readonly ['error', string]>): Promise<unknown> {
  try {
    const Result = await F();
    if (Result[0] === 'ok') {
      match('ok', await gen_tcp.close(Result[1]));
      return 'ok';
    }
    return Result;
  } catch (e) {
    return classOf(e);
  }
}
