// @ts-check
// The Examples section of the gen_tcp manual page, line by line: a server made
// of Num worker processes that all accept on one listening socket, each
// serving its connection with {active, once} and {packet, 2}, and the simple
// client that sends one message and reads the answer.
//   node examples/acceptor_pool.js          (3 acceptors on a port the system picks)
//   node examples/acceptor_pool.js 5 5678   (Num acceptors on port LPort)
//
// start(Num,LPort) ->
//     case gen_tcp:listen(LPort,[{active, false},{packet,2}]) of
//         {ok, ListenSock} ->
//             start_servers(Num,ListenSock),
//             {ok, Port} = inet:port(ListenSock),
//             Port;
//         {error,Reason} ->
//             {error,Reason}
//     end.
//
// start_servers(0,_) ->
//     ok;
// start_servers(Num,LS) ->
//     spawn(?MODULE,server,[LS]),
//     start_servers(Num-1,LS).
//
// server(LS) ->
//     case gen_tcp:accept(LS) of
//         {ok,S} ->
//             loop(S),
//             server(LS);
//         Other ->
//             io:format("accept returned ~w - goodbye!~n",[Other]),
//             ok
//     end.
//
// loop(S) ->
//     inet:setopts(S,[{active,once}]),
//     receive
//         {tcp,S,Data} ->
//             Answer = process(Data), % Not implemented in this example
//             gen_tcp:send(S,Answer),
//             loop(S);
//         {tcp_closed,S} ->
//             io:format("Socket ~w closed [~w]~n",[S,self()]),
//             ok
//     end.
//
// client(PortNo,Message) ->
//     {ok,Sock} = gen_tcp:connect("localhost",PortNo,[{active,false},
//                                                     {packet,2}]),
//     gen_tcp:send(Sock,Message),
//     A = gen_tcp:recv(Sock,0),
//     gen_tcp:close(Sock),
//     A.
//
// The page leaves process/1 out; here it upper-cases the request.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { _, after, case_, exit, io, is, is_port, list, ok, on, receive, run, self, send, spawn } from 'erlts';

/**
 * @param {number} Num
 * @param {number} LPort
 * @returns {Promise<number | readonly ['error', unknown]>}
 */
async function start(Num, LPort) {
  return case_(
    await gen_tcp.listen(LPort, [
      ['active', false],
      ['packet', 2],
    ]),
    on(['ok', is(is_port)], async ([, ListenSock]) => {
      start_servers(Num, ListenSock);
      const Port = ok(await inet.port(ListenSock));
      return Port;
    }),
    on(['error', _], ([, Reason]) => /** @type {const} */ (['error', Reason])),
  );
}

/**
 * @param {number} Num
 * @param {import('erlts').Port} LS
 * @returns {'ok'}
 */
function start_servers(Num, LS) {
  if (Num === 0) return 'ok';
  spawn(server, LS);
  return start_servers(Num - 1, LS);
}

/**
 * @param {import('erlts').Port} LS
 * @returns {Promise<'ok'>}
 */
async function server(LS) {
  return case_(
    await gen_tcp.accept(LS),
    on(['ok', is(is_port)], async ([, S]) => {
      await loop(S);
      return server(LS);
    }),
    on(_, (Other) => {
      io.format('accept returned ~w - goodbye!~n', [Other]);
      return /** @type {const} */ ('ok');
    }),
  );
}

/**
 * @param {import('erlts').Port} S
 * @returns {Promise<'ok'>}
 */
async function loop(S) {
  await inet.setopts(S, [['active', 'once']]);
  return receive(
    on(['tcp', S, _], async ([, , Data]) => {
      const Answer = process_data(/** @type {number[]} */ (Data));
      await gen_tcp.send(S, Answer);
      return loop(S);
    }),
    on(['tcp_closed', S], () => {
      io.format('Socket ~w closed [~w]~n', [S, self()]);
      return /** @type {const} */ ('ok');
    }),
  );
}

/**
 * process(Data) of the page (a name JS keeps for Node's `process`): the request in
 * upper case. Data is a string, a list of bytes, as the socket is in list mode.
 * @param {number[]} Data
 */
function process_data(Data) {
  return list(...Data.map((C) => (C >= 0x61 && C <= 0x7a ? C - 32 : C)));
}

/**
 * @param {number} PortNo
 * @param {string} Message
 */
async function client(PortNo, Message) {
  const Sock = ok(
    await gen_tcp.connect('localhost', PortNo, [
      ['active', false],
      ['packet', 2],
    ]),
  );
  await gen_tcp.send(Sock, Message);
  const A = await gen_tcp.recv(Sock, 0);
  await gen_tcp.close(Sock);
  return A;
}

// The demo: start the pool, then more clients at once than there are acceptors, so some
// wait in the listen queue until an acceptor is free. When the demo's process ends, the
// listening socket it owns closes, and each acceptor's accept returns {error,closed}.
const Num = Number(process.argv[2] ?? 3);
const LPort = Number(process.argv[3] ?? 0);
const Messages = ['hello', 'one port, many acceptors', 'active once', 'packet 2', 'goodbye'];
await run(async () => {
  const Port = await start(Num, LPort);
  if (typeof Port !== 'number') return exit(Port);
  io.format('~b acceptors listening on port ~b~n', [Num, Port]);
  const Demo = self();
  const Clients = Messages.map((Message) =>
    spawn(async () => send(Demo, [self(), await client(Port, Message)])),
  );
  for (const [I, Client] of Clients.entries()) {
    const Answer = await receive(
      on([Client, _], ([, A]) => A),
      after(5000, () => exit('no_answer')),
    );
    io.format('client(Port, "~s") -> ~p~n', [Messages[I], Answer]);
  }
});
