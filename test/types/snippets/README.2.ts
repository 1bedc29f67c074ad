// README.md, code block 2, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { type Port, _, match, ok, on, receive, run, spawn } from 'erlts';

// start() ->
//     {ok, LSock} = gen_tcp:listen(7000, [binary, {active, false}, {reuseaddr, true}]),
//     accept_loop(LSock).
async function start(): Promise<never> {
  const LSock = ok(await gen_tcp.listen(7000, ['binary', ['active', false], ['reuseaddr', true]]));
  return accept_loop(LSock);
}

// accept_loop(LSock) ->
//     {ok, Sock} = gen_tcp:accept(LSock),
//     Pid = spawn(fun() -> loop(Sock) end),
//     ok = gen_tcp:controlling_process(Sock, Pid),
//     accept_loop(LSock).
async function accept_loop(LSock: Port): Promise<never> {
  const Sock = ok(await gen_tcp.accept(LSock));
  const Pid = spawn(() => loop(Sock));
  match('ok', await gen_tcp.controlling_process(Sock, Pid));
  return accept_loop(LSock);
}

// loop(Sock) ->
//     inet:setopts(Sock, [{active, once}]),
//     receive
//         {tcp, Sock, Data} -> gen_tcp:send(Sock, Data), loop(Sock);
//         {tcp_closed, Sock} -> ok
//     end.
async function loop(Sock: Port): Promise<'ok'> {
  await inet.setopts(Sock, [['active', 'once']]);
  return receive(
    on(['tcp', Sock, _], async ([, , Data]) => {
      await gen_tcp.send(Sock, Data);
      return loop(Sock);
    }),
    on(['tcp_closed', Sock], () => 'ok' as const),
  );
}

await run(start);
