// @ts-check
// The client and server at the top of the gen_tcp manual page, line by line:
// a client connects, sends "Some Data" and closes; the server accepts, reads
// until the peer closes, and returns the binary.
//   node examples/tcp_client_server.js         (on a port the system picks)
//   node examples/tcp_client_server.js 5678    (on the manual page's port)
//
// client() ->
//     SomeHostInNet = "localhost", % to make it runnable on one machine
//     {ok, Sock} = gen_tcp:connect(SomeHostInNet, 5678, [binary, {packet, 0}]),
//     ok = gen_tcp:send(Sock, "Some Data"),
//     ok = gen_tcp:close(Sock).
//
// server() ->
//     {ok, LSock} = gen_tcp:listen(5678, [binary, {packet, 0}, {active, false}]),
//     {ok, Sock} = gen_tcp:accept(LSock),
//     {ok, Bin} = do_recv(Sock, []),
//     ok = gen_tcp:close(Sock),
//     ok = gen_tcp:close(LSock),
//     Bin.
//
// do_recv(Sock, Bs) ->
//     case gen_tcp:recv(Sock, 0) of
//         {ok, B} -> do_recv(Sock, [Bs, B]);
//         {error, closed} -> {ok, list_to_binary(Bs)}
//     end.
//
// The port is a parameter here (5678 on the page), and the server tells the demo
// which port it listens on, since with port 0 the system picks one.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { _, after, case_, exit, io, match, ok, on, receive, run, self, send } from 'erlts';

/** @param {number} PortNo */
async function client(PortNo) {
  const SomeHostInNet = 'localhost'; // to make it runnable on one machine
  const Sock = ok(await gen_tcp.connect(SomeHostInNet, PortNo, ['binary', ['packet', 0]]));
  match('ok', await gen_tcp.send(Sock, 'Some Data'));
  return match('ok', await gen_tcp.close(Sock));
}

/**
 * @param {number} LPort
 * @param {import('erlts').Pid} Parent told `{listening, Port}` once the socket listens
 * @returns {Promise<Buffer>}
 */
async function server(LPort, Parent) {
  const LSock = ok(await gen_tcp.listen(LPort, ['binary', ['packet', 0], ['active', false]]));
  const Port = ok(await inet.port(LSock));
  send(Parent, ['listening', Port]);
  const Sock = ok(await gen_tcp.accept(LSock));
  const Bin = ok(await do_recv(Sock, []));
  match('ok', await gen_tcp.close(Sock));
  match('ok', await gen_tcp.close(LSock));
  return Bin;
}

/**
 * @param {import('erlts').Port} Sock
 * @param {unknown[]} Bs the binaries read so far, as a deep list
 * @returns {Promise<readonly ['ok', Buffer]>}
 */
async function do_recv(Sock, Bs) {
  return case_(
    await gen_tcp.recv(Sock, 0),
    on(['ok', _], ([, B]) => do_recv(Sock, [Bs, B])),
    on(['error', 'closed'], () => /** @type {const} */ (['ok', list_to_binary(Bs)])),
  );
}

/**
 * erlang:list_to_binary/1 for a deep list of binaries.
 * @param {unknown[]} Bs
 * @returns {Buffer}
 */
function list_to_binary(Bs) {
  return Buffer.concat(/** @type {Buffer[]} */ (Bs.flat(Infinity)));
}

const LPort = Number(process.argv[2] ?? 0);

await run(async () => {
  const Demo = self();
  const Server = run(server, LPort, Demo);
  const Port = await receive(
    on(['listening', _], ([, P]) => /** @type {number} */ (P)),
    after(5000, () => exit('no_server')),
  );
  io.format('server listening on port ~b~n', [Port]);
  await client(Port);
  io.format('client sent "Some Data" and closed its socket~n');
  io.format('server returned ~p~n', [await Server]);
});
