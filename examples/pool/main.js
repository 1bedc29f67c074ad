// @ts-check
// An echo server the way production Erlang writes one: a supervision tree of gen_servers, a pool
// of acceptors under a simple_one_for_one supervisor, each handing its connection to a handler
// and starting the next acceptor. Try it with nc:
//   node examples/pool/main.js 5555 3     (port, acceptors; port 0 lets the system pick)
//   nc localhost 5555
//
// main([Port, Acceptors]) ->
//     {ok, LS} = gen_tcp:listen(Port, [binary, {active, false}, {reuseaddr, true}]),
//     {ok, _} = echo_sup:start_link(LS),
//     [{ok, _} = supervisor:start_child(acceptor_sup, []) || _ <- lists:seq(1, Acceptors)],
//     {ok, P} = inet:port(LS),
//     io:format("listening on port ~b with ~b acceptors~n", [P, Acceptors]),
//     receive after infinity -> ok end.
import { io, ok, receive, run } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as supervisor from 'erlts/supervisor';
import * as echo_sup from './echo_sup.js';

const [PortArg = '0', AcceptorsArg = '3'] = process.argv.slice(2);
const Acceptors = Number(AcceptorsArg);

await run(async () => {
  const LS = ok(await gen_tcp.listen(Number(PortArg), ['binary', ['active', false], ['reuseaddr', true]]));
  ok(await echo_sup.start_link(LS));
  for (let i = 0; i < Acceptors; i++) ok(await supervisor.start_child('acceptor_sup', []));
  io.format('listening on port ~b with ~b acceptors~n', [ok(await inet.port(LS)), Acceptors]);
  await receive(); // Serves until the node is stopped.
});
