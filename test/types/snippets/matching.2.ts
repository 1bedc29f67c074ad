// docs/matching.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import { type Port, is, is_pid, match, ok, on, receive, send } from 'erlts';

// loop(Count) ->
//   receive
//     {ping, From} -> From ! pong, loop(Count + 1);
//     {count, From} -> From ! Count, loop(Count);
//     stop -> ok
//   end.
function loop(Count: number): Promise<'ok'> {
  return receive(
    on(['ping', is(is_pid)], ([, From]) => {
      send(From, 'pong');
      return loop(Count + 1);
    }),
    on(['count', is(is_pid)], ([, From]) => {
      send(From, Count);
      return loop(Count);
    }),
    on('stop', () => 'ok' as const),
  );
}

// echo(S) ->
//   {ok, Data} = gen_tcp:recv(S, 0),
//   ok = gen_tcp:send(S, Data),
//   echo(S).
async function echo(S: Port): Promise<never> {
  const Data = ok(await gen_tcp.recv(S, 0));
  match('ok', await gen_tcp.send(S, Data));
  return echo(S);
}
void [loop, echo];
