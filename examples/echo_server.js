// @ts-check
// An echo server, one process per connection: the listening process accepts,
// spawns a process for the new connection and hands it the socket; that
// process sends back whatever it receives, {active, once} at a time.
//   node examples/echo_server.js           (port 7000, or $PORT)
//   node examples/echo_server.js 7007      (0: a port the system picks)
// then, in other terminals:   nc localhost 7000
//
// start(Port) ->
//     {ok, LSock} = gen_tcp:listen(Port, [binary, {active, false}, {reuseaddr, true}]),
//     {ok, LPort} = inet:port(LSock),
//     io:format("echo server listening on port ~b~n", [LPort]),
//     accept_loop(LSock).
//
// accept_loop(LSock) ->
//     {ok, Sock} = gen_tcp:accept(LSock),
//     Pid = spawn(fun() -> echo(Sock) end),
//     ok = gen_tcp:controlling_process(Sock, Pid),
//     accept_loop(LSock).
//
// echo(Sock) ->
//     {ok, {IP, Port}} = inet:peername(Sock),
//     io:format("~w serves ~s:~b~n", [self(), inet:ntoa(IP), Port]),
//     loop(Sock).
//
// loop(Sock) ->
//     inet:setopts(Sock, [{active, once}]),
//     receive
//         {tcp, Sock, Data} ->
//             gen_tcp:send(Sock, Data),
//             loop(Sock);
//         {tcp_closed, Sock} ->
//             io:format("~w: connection closed~n", [self()])
//     end.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { _, io, match, ok, on, receive, run, self, spawn } from 'erlts';

/** @param {number} Port */
async function start(Port) {
  const LSock = ok(await gen_tcp.listen(Port, ['binary', ['active', false], ['reuseaddr', true]]));
  const LPort = ok(await inet.port(LSock));
  io.format('echo server listening on port ~b~n', [LPort]);
  return accept_loop(LSock);
}

/**
 * @param {import('erlts').Port} LSock
 * @returns {Promise<never>}
 */
async function accept_loop(LSock) {
  const Sock = ok(await gen_tcp.accept(LSock));
  const Pid = spawn(echo, Sock);
  match('ok', await gen_tcp.controlling_process(Sock, Pid));
  return accept_loop(LSock);
}

/**
 * @param {import('erlts').Port} Sock
 * @returns {Promise<'ok'>}
 */
async function echo(Sock) {
  const [IP, Port] = ok(await inet.peername(Sock));
  io.format('~w serves ~s:~b~n', [self(), inet.ntoa(IP), Port]);
  return loop(Sock);
}

/**
 * @param {import('erlts').Port} Sock
 * @returns {Promise<'ok'>}
 */
async function loop(Sock) {
  await inet.setopts(Sock, [['active', 'once']]);
  return receive(
    on(['tcp', Sock, _], async ([, , Data]) => {
      await gen_tcp.send(Sock, Data);
      return loop(Sock);
    }),
    on(['tcp_closed', Sock], () => io.format('~w: connection closed~n', [self()])),
  );
}

await run(start, Number(process.argv[2] ?? process.env['PORT'] ?? 7000));
