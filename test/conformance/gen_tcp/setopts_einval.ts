// setopts rejects a malformed option with {error, einval} and applies
// nothing of the list; options that only open can set, getopts of an
// unknown name, and either call on a closed socket are einval too.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  const Bad: unknown[] = [
    list(['active', 'maybe']),
    list(['packet', 3]),
    list(['mode', 'text']),
    list('bogus'),
    list(['nodelay', 1]),
    list(['packet_size', -1]),
    list(['linger', [true, -1]]),
    list(['header', -1]),
    list(['send_timeout', -5]),
    list(['ip', [127, 0, 0, 1]]),
    list(['port', 80]),
    list('inet6'),
    list(['backlog', 5]),
    list(['active', true], ['packet', 7]),
  ];
  for (const Opts of Bad) io.format('~w: ~w~n', [Opts, await inet.setopts(C, Opts as never)]);
  io.format('unchanged: ~w~n', [await inet.getopts(C, ['active', 'packet'])]);
  io.format('getopts bogus: ~w~n', [await inet.getopts(C, ['active', 'bogus' as never])]);
  match('ok', await gen_tcp.close(C));
  io.format('closed setopts: ~w~n', [await inet.setopts(C, [['active', true]])]);
  io.format('closed getopts: ~w~n', [await inet.getopts(C, ['active'])]);
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
