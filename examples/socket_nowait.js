// @ts-check
// The socket usage guide's asynchronous calls, as an echo loop: recv(Sock, 0, nowait)
// either has data at once, or answers {select, SelectInfo} and the reader waits for
// {'$socket', Sock, select, SelectHandle} before calling recv again. It must also be
// prepared for {'$socket', Sock, abort, {SelectHandle, Reason}}: at the end of the
// demo another process closes the socket while the reader waits, and the reader is
// told so with Reason = closed.
//   node examples/socket_nowait.js
//
// reader(Sock) ->
//     case socket:recv(Sock, 0, nowait) of
//         {ok, Data} ->
//             io:format("reader: recv(Sock, 0, nowait) -> ~p, echoing it~n", [{ok, Data}]),
//             ok = socket:send(Sock, Data),
//             reader(Sock);
//         {select, {select_info, recv, SelectHandle} = SelectInfo} ->
//             io:format("reader: recv(Sock, 0, nowait) -> ~p~n", [{select, SelectInfo}]),
//             receive
//                 {'$socket', Sock, select, SelectHandle} = Select ->
//                     io:format("reader: got ~p~n", [Select]),
//                     reader(Sock);
//                 {'$socket', Sock, abort, {SelectHandle, Reason}} = Abort ->
//                     io:format("reader: got ~p~n", [Abort]),
//                     {aborted, Reason}
//             end;
//         {error, Reason} ->
//             {error, Reason}
//     end.
//
// client(CSock, Msg) ->
//     ok = socket:send(CSock, Msg),
//     {ok, Msg} = socket:recv(CSock, byte_size(Msg)),
//     io:format("client: sent ~p, got it back~n", [Msg]).
//
// demo() ->
//     {ok, LSock} = socket:open(inet, stream, tcp),
//     ok = socket:bind(LSock, #{family => inet, addr => loopback, port => 0}),
//     ok = socket:listen(LSock),
//     {ok, #{port := Port}} = socket:sockname(LSock),
//     io:format("listening on port ~b~n", [Port]),
//     Demo = self(),
//     spawn(fun() ->
//               {ok, Sock} = socket:accept(LSock),
//               Demo ! {accepted, Sock},
//               Demo ! {reader_done, reader(Sock)}
//           end),
//     {ok, CSock} = socket:open(inet, stream, tcp),
//     ok = socket:connect(CSock, #{family => inet, addr => loopback, port => Port}),
//     Sock = receive {accepted, S} -> S end,
//     client(CSock, <<"hello">>),
//     client(CSock, <<"nowait world">>),
//     io:format("demo: socket:close(Sock) -> ~p~n", [socket:close(Sock)]),
//     receive {reader_done, Result} -> io:format("reader(Sock) -> ~p~n", [Result]) end,
//     ok = socket:close(CSock),
//     ok = socket:close(LSock).
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
 * @param {import('erlts/socket').Socket} Sock
 * @returns {Promise<readonly ['aborted' | 'error', unknown]>}
 */
async function reader(Sock) {
  // Erlang's reader is tail-recursive; an async JS function that returns reader(Sock) is
  // not (each call would wait on the next), so the recursion becomes a for loop.
  for (;;) {
    const Result = await socket.recv(Sock, 0, 'nowait');
    if (Result[0] === 'ok') {
      io.format('reader: recv(Sock, 0, nowait) -> ~p, echoing it~n', [Result]);
      match_ok(await socket.send(Sock, Result[1]));
      continue;
    }
    if (Result[0] === 'select' && Result[1][0] === 'select_info' && Result[1][1] === 'recv') {
      const SelectHandle = Result[1][2];
      io.format('reader: recv(Sock, 0, nowait) -> ~p~n', [Result]);
      /** @type {readonly ['continue'] | readonly ['aborted', unknown]} */
      const Next = await receive(
        on(['$socket', Sock, 'select', SelectHandle], (Select) => {
          io.format('reader: got ~p~n', [Select]);
          return /** @type {const} */ (['continue']);
        }),
        on(['$socket', Sock, 'abort', [SelectHandle, _]], (Abort) => {
          io.format('reader: got ~p~n', [Abort]);
          return /** @type {const} */ (['aborted', Abort[3][1]]);
        }),
      );
      if (Next[0] === 'continue') continue;
      return Next;
    }
    if (Result[0] === 'error') return ['error', Result[1]];
    return error(['case_clause', Result]);
  }
}

/**
 * @param {import('erlts/socket').Socket} CSock
 * @param {Buffer} Msg
 */
async function client(CSock, Msg) {
  match_ok(await socket.send(CSock, Msg));
  const Back = await socket.recv(CSock, Msg.length);
  if (Back[0] !== 'ok' || !Back[1].equals(Msg)) error(['badmatch', Back]);
  io.format('client: sent ~p, got it back~n', [Msg]);
}

async function demo() {
  const [, LSock] = match_ok(await socket.open('inet', 'stream', 'tcp'));
  match_ok(await socket.bind(LSock, { family: 'inet', addr: 'loopback', port: 0 }));
  match_ok(await socket.listen(LSock));
  const [, { port: Port }] = /** @type {readonly ['ok', { port: number }]} */ (
    match_ok(await socket.sockname(LSock))
  );
  io.format('listening on port ~b~n', [Port]);
  const Demo = self();
  spawn(async () => {
    const [, Sock] = match_ok(await socket.accept(LSock));
    send(Demo, ['accepted', Sock]);
    send(Demo, ['reader_done', await reader(Sock)]);
  });
  const [, CSock] = match_ok(await socket.open('inet', 'stream', 'tcp'));
  match_ok(await socket.connect(CSock, { family: 'inet', addr: 'loopback', port: Port }));
  const Sock = await receive(
    on(['accepted', _], ([, S]) => /** @type {import('erlts/socket').Socket} */ (S)),
    after(5000, () => exit('no_connection')),
  );
  await client(CSock, Buffer.from('hello'));
  await client(CSock, Buffer.from('nowait world'));
  // Closed by this process, not by the reader that owns it: the reader's pending
  // recv is aborted.
  io.format('demo: socket:close(Sock) -> ~p~n', [await socket.close(Sock)]);
  await receive(
    on(['reader_done', _], ([, Result]) => io.format('reader(Sock) -> ~p~n', [Result])),
    after(5000, () => exit('no_abort')),
  );
  match_ok(await socket.close(CSock));
  return match_ok(await socket.close(LSock));
}

await run(demo);
