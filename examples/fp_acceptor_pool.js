// @ts-check
// The acceptor pool of the gen_tcp manual page (examples/acceptor_pool.js has it line by
// line), written for fp-ts with erlts/fp: each call a TaskEither whose Left is the call's
// {error, Reason}, the steps composed with pipe and TE.chainW (TE.chain that widens the Left
// to the union of both steps' reasons; fp-ts 2.14+ also calls it flatMap), and a Left that
// nothing handles ending the process with that reason (runOrExit), as a failed match would.
//   node examples/fp_acceptor_pool.js          (3 acceptors on a port the system picks)
//   node examples/fp_acceptor_pool.js 5 5678   (Num acceptors on port LPort)
// fp-ts is an optional peer dependency of erlts: `npm install fp-ts` to run this in your
// project. It prints what acceptor_pool.js prints.
import * as E from 'fp-ts/lib/Either.js';
import * as T from 'fp-ts/lib/Task.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import * as fp from 'erlts/fp';
import { _, after, exit, io, list, on, receive, run, self, send, spawn } from 'erlts';

/**
 * The pool's listening socket, Num acceptors on it, and its port.
 *
 * start(Num,LPort) ->
 *     case gen_tcp:listen(LPort,[{active, false},{packet,2}]) of
 *         {ok, ListenSock} ->
 *             start_servers(Num,ListenSock),
 *             {ok, Port} = inet:port(ListenSock),
 *             Port;
 *         {error,Reason} ->
 *             {error,Reason}
 *     end.
 * @param {number} Num
 * @param {number} LPort
 */
function start(Num, LPort) {
  return pipe(
    fp.gen_tcp.listen(LPort, [
      ['active', false],
      ['packet', 2],
    ]),
    TE.chainW((ListenSock) => {
      start_servers(Num, ListenSock);
      return fp.inet.port(ListenSock);
    }),
  );
}

/**
 * start_servers(0,_) -> ok;
 * start_servers(Num,LS) -> spawn(?MODULE,server,[LS]), start_servers(Num-1,LS).
 * @param {number} Num
 * @param {import('erlts').Port} LS
 * @returns {'ok'}
 */
function start_servers(Num, LS) {
  if (Num === 0) return 'ok';
  spawn(server(LS));
  return start_servers(Num - 1, LS);
}

/**
 * An acceptor: serves one connection after another, until accept gives a Left.
 *
 * server(LS) ->
 *     case gen_tcp:accept(LS) of
 *         {ok,S} -> loop(S), server(LS);
 *         Other -> io:format("accept returned ~w - goodbye!~n",[Other]), ok
 *     end.
 * @param {import('erlts').Port} LS
 * @returns {T.Task<'ok'>}
 */
function server(LS) {
  return pipe(
    fp.gen_tcp.accept(LS),
    TE.chainW((S) => TE.fromTask(loop(S))),
    TE.matchE(
      (Reason) =>
        T.fromIO(() => {
          // toResult gives the Left back as Erlang prints it: {error,closed}.
          io.format('accept returned ~w - goodbye!~n', [fp.toResult(E.left(Reason))]);
          return /** @type {const} */ ('ok');
        }),
      () => server(LS),
    ),
  );
}

/**
 * One connection in {active, once}: each packet answered, until a step gives a Left (the peer
 * closed: `{tcp_closed, S}`).
 *
 * loop(S) ->
 *     inet:setopts(S,[{active,once}]),
 *     receive
 *         {tcp,S,Data} -> Answer = process(Data), gen_tcp:send(S,Answer), loop(S);
 *         {tcp_closed,S} -> io:format("Socket ~w closed [~w]~n",[S,self()]), ok
 *     end.
 * @param {import('erlts').Port} S
 * @returns {T.Task<'ok'>}
 */
function loop(S) {
  return pipe(
    fp.inet.setopts(S, [['active', 'once']]),
    TE.chainW(() => next_packet(S)),
    TE.chainW((Data) => fp.gen_tcp.send(S, process_data(Data))),
    TE.matchE(
      () =>
        T.fromIO(() => {
          io.format('Socket ~w closed [~w]~n', [S, self()]);
          return /** @type {const} */ ('ok');
        }),
      () => loop(S),
    ),
  );
}

/**
 * The receive of loop/1 as a TaskEither: `right(Data)` for `{tcp, S, Data}`, `left(closed)`
 * for `{tcp_closed, S}`.
 * @param {import('erlts').Port} S
 * @returns {TE.TaskEither<'closed', number[]>}
 */
function next_packet(S) {
  return () =>
    receive(
      on(['tcp', S, _], ([, , Data]) => E.right(/** @type {number[]} */ (Data))),
      on(['tcp_closed', S], () => E.left(/** @type {const} */ ('closed'))),
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
 * One request and its answer, `right(Answer)` or the Left of the step that failed; the socket
 * is closed whatever recv gave.
 *
 * client(PortNo,Message) ->
 *     {ok,Sock} = gen_tcp:connect("localhost",PortNo,[{active,false},{packet,2}]),
 *     gen_tcp:send(Sock,Message),
 *     A = gen_tcp:recv(Sock,0),
 *     gen_tcp:close(Sock),
 *     A.
 * @param {number} PortNo
 * @param {string} Message
 */
function client(PortNo, Message) {
  return pipe(
    fp.gen_tcp.connect('localhost', PortNo, [
      ['active', false],
      ['packet', 2],
    ]),
    TE.chainW((Sock) =>
      pipe(
        fp.gen_tcp.send(Sock, Message),
        TE.chainW(() => fp.gen_tcp.recv(Sock, 0)),
        T.chainFirst(() => fp.gen_tcp.close(Sock)),
      ),
    ),
  );
}

// The demo: start the pool, then more clients at once than there are acceptors, so some
// wait in the listen queue until an acceptor is free. When the demo's process ends, the
// listening socket it owns closes, and each acceptor's accept gives left(closed).
const Num = Number(process.argv[2] ?? 3);
const LPort = Number(process.argv[3] ?? 0);
const Messages = ['hello', 'one port, many acceptors', 'active once', 'packet 2', 'goodbye'];
await run(async () => {
  // {ok, Port} = start(Num, LPort): a Left exits the demo with its reason.
  const Port = await fp.runOrExit(start(Num, LPort));
  io.format('~b acceptors listening on port ~b~n', [Num, Port]);
  const Demo = self();
  const Clients = Messages.map((Message) =>
    spawn(async () => send(Demo, [self(), await client(Port, Message)()])),
  );
  for (const [I, Client] of Clients.entries()) {
    const Answer = await receive(
      on([Client, _], ([, A]) => /** @type {E.Either<unknown, unknown>} */ (A)),
      after(5000, () => exit('no_answer')),
    );
    io.format('client(Port, "~s") -> ~p~n', [Messages[I], fp.toResult(Answer)]);
  }
});
