// docs/matching.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import { _, bin, case_, fun, is, is_atom, is_port, match, ok, on } from 'erlts';

// {ok, LSock} = gen_tcp:listen(0, [binary, {active, false}]),
const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
// {ok, Client} = gen_tcp:connect("localhost", 7000, [binary]),  (ok takes the promise too)
const Client = await ok(gen_tcp.connect('localhost', 7000, ['binary']));
// {ok, Sock} = gen_tcp:accept(LSock),
const [, Sock] = match(['ok', is(is_port)], await gen_tcp.accept(LSock));
// ok = gen_tcp:send(Client, <<0, 5, "hello">>),
match('ok', await gen_tcp.send(Client, bin`0, 5, "hello"`));

// case gen_tcp:recv(Sock, 0) of
//   {ok, <<Len:16, Body/binary>>} -> {Len, Body};
//   {error, closed} -> closed
// end
const Got = case_(
  await gen_tcp.recv(Sock, 0),
  on(['ok', bin<{ Len: number; Body: Buffer }>`Len:16, Body/binary`], ([, { Len, Body }]) => [Len, Body]),
  on(['error', 'closed'], () => 'closed' as const),
);

// greet(en) -> "hello";
// greet(fr) -> "bonjour";
// greet(Lang) when is_atom(Lang) -> "?".
const greet = fun(
  on(['en'], () => 'hello'),
  on(['fr'], () => 'bonjour'),
  on([is(is_atom)], () => '?'),
);
void [Got, greet('fr')];
