// gen_tcp:connect/3 with a sockaddr map whose addr is the atom loopback:
// OTP 25 accepts only an address tuple there (inet_tcp:do_connect has no
// clause for it, so the call exits with function_clause).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  let R: unknown;
  try {
    const Result = await gen_tcp.connect(
      { family: 'inet', addr: 'loopback' as never, port: Port },
      ['binary'],
      1000,
    );
    if (Result[0] === 'ok') {
      await gen_tcp.close(Result[1]);
      R = 'ok';
    } else R = Result;
  } catch (e) {
    R = classOf(e);
  }
  io.format('~w~n', [R]);
  match('ok', await gen_tcp.close(LS));
}
