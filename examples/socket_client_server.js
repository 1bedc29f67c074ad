// @ts-check
// The client and server at the end of the socket manual page, line by line: the
// client connects, sends <<"hello">>, shuts down its writing side and matches the
// same binary coming back; the server accepts one connection, sends back what it
// reads, and closes.
//   node examples/socket_client_server.js                           (a demo: both, on loopback, port 0)
//   node examples/socket_client_server.js server 127.0.0.1 5678     (then, in another terminal:)
//   node examples/socket_client_server.js client 127.0.0.1 5678
//
// client(SAddr, SPort) ->
//    {ok, Sock} = socket:open(inet, stream, tcp),
//    ok = socket:connect(Sock, #{family => inet,
//                                addr   => SAddr,
//                                port   => SPort}),
//    Msg = <<"hello">>,
//    ok = socket:send(Sock, Msg),
//    ok = socket:shutdown(Sock, write),
//    {ok, Msg} = socket:recv(Sock),
//    ok = socket:close(Sock).
//
// server(Addr, Port) ->
//    {ok, LSock} = socket:open(inet, stream, tcp),
//    ok = socket:bind(LSock, #{family => inet,
//                              port   => Port,
//                              addr   => Addr}),
//    ok = socket:listen(LSock),
//    {ok, Sock} = socket:accept(LSock),
//    {ok, Msg} = socket:recv(Sock),
//    ok = socket:send(Sock, Msg),
//    ok = socket:close(Sock),
//    ok = socket:close(LSock).
//
// The client returning ok means its {ok, Msg} = socket:recv(Sock) matched: the
// server sent back exactly <<"hello">>. The server takes a third argument, Parent,
// and after socket:listen tells it the port it listens on, since with port 0 the
// system picks one (the two lines marked "added"):
//    {ok, #{port := LPort}} = socket:sockname(LSock),
//    Parent ! {listening, LPort},
import * as socket from 'erlts/socket';
import * as inet from 'erlts/inet';
import { _, after, exit, io, match, ok, on, receive, run, self, send } from 'erlts';

/**
 * @param {import('erlts/inet').ip4_address | 'any' | 'loopback'} SAddr
 * @param {number} SPort
 */
async function client(SAddr, SPort) {
  const Sock = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(Sock, { family: 'inet', addr: SAddr, port: SPort }));
  const Msg = Buffer.from('hello');
  match('ok', await socket.send(Sock, Msg));
  match('ok', await socket.shutdown(Sock, 'write'));
  match(['ok', Msg], await socket.recv(Sock));
  return match('ok', await socket.close(Sock));
}

/**
 * @param {import('erlts/inet').ip4_address | 'any' | 'loopback'} Addr
 * @param {number} Port
 * @param {import('erlts').Pid} Parent told `{listening, LPort}` once the socket listens (the added line)
 */
async function server(Addr, Port, Parent) {
  const LSock = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LSock, { family: 'inet', port: Port, addr: Addr }));
  match('ok', await socket.listen(LSock));
  const { port: LPort } = ok(await socket.sockname(LSock)); // added
  send(Parent, ['listening', LPort]); // added
  const Sock = ok(await socket.accept(LSock));
  const Msg = ok(await socket.recv(Sock));
  match('ok', await socket.send(Sock, Msg));
  match('ok', await socket.close(Sock));
  return match('ok', await socket.close(LSock));
}

/**
 * An address argument: `any`, `loopback` or an IPv4 address such as 127.0.0.1.
 * @param {string | undefined} Arg
 * @returns {import('erlts/inet').ip4_address | 'any' | 'loopback'}
 */
function addr_arg(Arg = 'loopback') {
  if (Arg === 'any' || Arg === 'loopback') return Arg;
  const Parsed = inet.parse_address(Arg);
  if (Parsed[0] !== 'ok' || Parsed[1].length !== 4) return exit(['bad_address', Arg]);
  return Parsed[1];
}

/**
 * Runs `server(Addr, Port)` in a process of its own, and prints the port it listens on.
 * @param {import('erlts/inet').ip4_address | 'any' | 'loopback'} Addr
 * @param {number} Port
 * @returns {Promise<readonly [number, Promise<unknown>]>} the port, and what the server will return
 */
async function start_server(Addr, Port) {
  const Server = run(server, Addr, Port, self());
  const LPort = await receive(
    on(['listening', _], ([, P]) => /** @type {number} */ (P)),
    after(5000, () => exit('no_server')),
  );
  io.format('server listening on port ~b~n', [LPort]);
  return [LPort, Server];
}

const [Mode, A, P] = process.argv.slice(2);

await run(async () => {
  if (Mode === undefined) {
    // The demo: the server on loopback, on a port the system picks, and one client.
    const [LPort, Server] = await start_server('loopback', 0);
    io.format('client({127,0,0,1}, ~b) -> ~p~n', [LPort, await client([127, 0, 0, 1], LPort)]);
    io.format('server(loopback, 0) -> ~p~n', [await Server]);
  } else if (Mode === 'server') {
    const Addr = addr_arg(A);
    const Port = Number(P ?? 0);
    const [, Server] = await start_server(Addr, Port);
    io.format('server(~w, ~b) -> ~p~n', [Addr, Port, await Server]);
  } else if (Mode === 'client' && P !== undefined) {
    const SAddr = addr_arg(A);
    const SPort = Number(P);
    io.format('client(~w, ~b) -> ~p~n', [SAddr, SPort, await client(SAddr, SPort)]);
  } else {
    io.format('usage: node examples/socket_client_server.js [server [Addr] [Port] | client SAddr SPort]~n');
    process.exitCode = 2;
  }
});
