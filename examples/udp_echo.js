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
import { _, after, error, exit, io, on, receive, run, self, send, spawn } from 'erlts';

/**
 * Erlang's matches `ok = Expr` and `{ok, X} = Expr`: the value when it is `ok` or
 * `{ok, ...}`, and otherwise a `{badmatch, Value}` error, as in Erlang.
 * @template T
 * @param {T} Value
 * @returns {Extract<T, 'ok' | readonly ['ok', ...unknown[]]>}
 */
function match_ok(Value) {
  if (Value === 'ok' || (Array.isArray(Value) && Value[0] === 'ok')) {
    return /** @type {Extract<T, 'ok' | readonly ['ok', ...unknown[]]>} */ (Value);
  }
  return error(['badmatch', Value]);
}

/**
 * Whether two sockaddr maps are equal, as Erlang's `=:=` on them: same keys, and
 * the same values (the address compared element by element).
 * @param {import('erlts/socket').sockaddr} A
 * @param {import('erlts/socket').sockaddr} B
 */
function same_sockaddr(A, B) {
  return JSON.stringify(Object.entries(A).sort()) === JSON.stringify(Object.entries(B).sort());
}

/**
 * @param {import('erlts/socket').Socket} Sock
 * @returns {Promise<readonly ['error', unknown]>}
 */
async function server(Sock) {
  // Erlang's server is tail-recursive; an async JS function that returns server(Sock)
  // is not (each call would wait on the next), so the recursion becomes a for loop.
  for (;;) {
    const Result = await socket.recvfrom(Sock);
    if (Result[0] === 'ok') {
      const [Source, Data] = Result[1];
      // string:uppercase/1 on a binary; the demo's datagrams are ASCII.
      match_ok(
        await socket.sendto(Sock, Buffer.from(Data.toString('latin1').toUpperCase(), 'latin1'), Source),
      );
      continue;
    }
    if (Result[0] === 'error') return ['error', Result[1]];
    return error(['case_clause', Result]);
  }
}

/**
 * @param {import('erlts/socket').Socket} Sock
 * @param {import('erlts/socket').sockaddr} SAddr
 * @param {Buffer} Msg
 */
async function client(Sock, SAddr, Msg) {
  match_ok(await socket.sendto(Sock, Msg, SAddr));
  // {ok, {SAddr, Reply}}: the reply must come from the server's own address.
  const Back = await socket.recvfrom(Sock, 0, 1000);
  if (Back[0] !== 'ok' || !same_sockaddr(Back[1][0], SAddr)) error(['badmatch', Back]);
  const [, [, Reply]] = /** @type {readonly ['ok', readonly [unknown, Buffer]]} */ (Back);
  io.format('client: sent ~p, got ~p~n', [Msg, Reply]);
}

async function demo() {
  const [, SSock] = match_ok(await socket.open('inet', 'dgram', 'udp'));
  match_ok(await socket.bind(SSock, { family: 'inet', addr: 'loopback', port: 0 }));
  const [, SAddr] = match_ok(await socket.sockname(SSock));
  const { port: Port } = /** @type {{ port: number }} */ (SAddr);
  io.format('echo server on port ~b~n', [Port]);
  const Demo = self();
  spawn(async () => send(Demo, ['server_done', await server(SSock)]));
  const [, CSock] = match_ok(await socket.open('inet', 'dgram', 'udp'));
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
  return match_ok(await socket.close(CSock));
}

await run(demo);
