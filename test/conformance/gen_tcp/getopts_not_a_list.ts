// inet:getopts/2 with a name that is not in a list: OTP 25 fails with
// function_clause (in prim_inet:getopts/2); the reason's head is printed.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { catch_ } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const [, [Reason]] = (await catch_(() => inet.getopts(LS, 'active' as never))) as [
    'EXIT',
    [unknown, unknown],
  ];
  io.format('getopts not a list: ~w~n', [Reason]);
  match('ok', await gen_tcp.close(LS));
}
