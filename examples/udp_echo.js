// @ts-check
// A UDP echo with socket:sendto and socket:recvfrom: a server process loops on
// recvfrom and sends each datagram back upper-cased to the address it came from;
// a client sends three datagrams and matches each reply as coming from the
// server's address. Datagrams keep their edges: each recvfrom gives one whole
// datagram, never two run together. At the end the demo closes the server's
// socket from its own process, which ends the server's pending recvfrom with
// {error, closed}.
//   node examples/udp_echo.js
//
// server(Sock) ->
//     case socket:recvfrom(Sock) of
//         {ok, {Source, Data}} ->
//             ok = socket:sendto(Sock, string:uppercase(Data), Source),
//             server(Sock);
//         {error, Reason} ->
//             {error, Reason}
//     end.
//
// client(Sock, SAddr, Msg) ->
//     ok = socket:sendto(Sock, Msg, SAddr),
//     {ok, {SAddr, Reply}} = socket:recvfrom(Sock, 0, 1000),
//     io:format("client: sent ~p, got ~p~n", [Msg, Reply]).
//
// demo() ->
//     {ok, SSock} = socket:open(inet, dgram, udp),
//     ok = socket:bind(SSock, #{family => inet, addr => loopback, port => 0}),
//     {ok, #{port := Port} = SAddr} = socket:sockname(SSock),
//     io:format("echo server on port ~b~n", [Port]),
//     Demo = self(),
//     spawn(fun() -> Demo ! {server_done, server(SSock)} end),
//     {ok, CSock} = socket:open(inet, dgram, udp),
//     client(CSock, SAddr, <<"hello">>),
//     client(CSock, SAddr, <<"each datagram comes back whole">>),
//     client(CSock, SAddr, <<"bye">>),
//     io:format("demo: socket:close(SSock) -> ~p~n", [socket:close(SSock)]),
//     receive {server_done, Result} -> io:format("server(SSock) -> ~p~n", [Result]) end,
//     ok = socket:close(CSock).
import * as socket from 'erlts/socket';
import * as string from 'erlts/string';
import {
  _,
  after,
  case_,
  exit,
  io,
  is,
  is_binary,
  match,
  ok,
  on,
  receive,
  run,
  self,
  send,
  spawn,
} from 'erlts';

/** @typedef {import('erlts/socket').sockaddr} sockaddr */

/**
 * @param {import('erlts/socket').Socket} Sock
 * @returns {Promise<readonly ['error', unknown]>}
 */
async function server(Sock) {
  return case_(
    await socket.recvfrom(Sock),
    on(['ok', [_, is(is_binary)]], async ([, [Source, Data]]) => {
      match('ok', await socket.sendto(Sock, string.uppercase(Data), /** @type {sockaddr} */ (Source)));
      return server(Sock);
    }),
    on(['error', _], ([, Reason]) => /** @type {const} */ (['error', Reason])),
  );
}

/**
 * @param {import('erlts/socket').Socket} Sock
 * @param {sockaddr} SAddr
 * @param {Buffer} Msg
 */
async function client(Sock, SAddr, Msg) {
  match('ok', await socket.sendto(Sock, Msg, SAddr));
  // SAddr is bound: the reply must come from the server's own address (a map pattern,
  // matching the family, addr and port that both maps have).
  const [, [, Reply]] = match(['ok', [SAddr, _]], await socket.recvfrom(Sock, 0, 1000));
  io.format('client: sent ~p, got ~p~n', [Msg, Reply]);
}

async function demo() {
  const SSock = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(SSock, { family: 'inet', addr: 'loopback', port: 0 }));
  const SAddr = ok(await socket.sockname(SSock));
  const { port: Port } = SAddr;
  io.format('echo server on port ~b~n', [Port]);
  const Demo = self();
  spawn(async () => send(Demo, ['server_done', await server(SSock)]));
  const CSock = ok(await socket.open('inet', 'dgram', 'udp'));
  await client(CSock, SAddr, Buffer.from('hello'));
  await client(CSock, SAddr, Buffer.from('each datagram comes back whole'));
  await client(CSock, SAddr, Buffer.from('bye'));
  // Closed by this process while the server waits in recvfrom: the server's call
  // returns {error, closed}.
  io.format('demo: socket:close(SSock) -> ~p~n', [await socket.close(SSock)]);
  await receive(
    on(['server_done', _], ([, Result]) => io.format('server(SSock) -> ~p~n', [Result])),
    after(5000, () => exit('no_server_done')),
  );
  return match('ok', await socket.close(CSock));
}

await run(demo);
