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

/**
 * @param {import('erlts/socket').Socket} Sock
 * @returns {Promise<readonly ['aborted' | 'error', unknown]>}
 */
async function reader(Sock) {
  return case_(
    await socket.recv(Sock, 0, 'nowait'),
    on(['ok', is(is_binary)], async ([, Data]) => {
      io.format('reader: recv(Sock, 0, nowait) -> ~p, echoing it~n', [['ok', Data]]);
      match('ok', await socket.send(Sock, Data));
      return reader(Sock);
    }),
    on(['select', ['select_info', 'recv', _]], ([, SelectInfo]) => {
      const [, , SelectHandle] = SelectInfo;
      io.format('reader: recv(Sock, 0, nowait) -> ~p~n', [['select', SelectInfo]]);
      return receive(
        on(['$socket', Sock, 'select', SelectHandle], (Select) => {
          io.format('reader: got ~p~n', [Select]);
          return reader(Sock);
        }),
        on(['$socket', Sock, 'abort', [SelectHandle, _]], (Abort) => {
          const [, , , [, Reason]] = Abort;
          io.format('reader: got ~p~n', [Abort]);
          return /** @type {const} */ (['aborted', Reason]);
        }),
      );
    }),
    on(['error', _], ([, Reason]) => /** @type {const} */ (['error', Reason])),
  );
}

/**
 * @param {import('erlts/socket').Socket} CSock
 * @param {Buffer} Msg
 */
async function client(CSock, Msg) {
  match('ok', await socket.send(CSock, Msg));
  match(['ok', Msg], await socket.recv(CSock, Msg.length));
  io.format('client: sent ~p, got it back~n', [Msg]);
}

async function demo() {
  const LSock = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LSock, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LSock));
  const { port: Port } = ok(await socket.sockname(LSock));
  io.format('listening on port ~b~n', [Port]);
  const Demo = self();
  spawn(async () => {
    const Sock = ok(await socket.accept(LSock));
    send(Demo, ['accepted', Sock]);
    send(Demo, ['reader_done', await reader(Sock)]);
  });
  const CSock = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(CSock, { family: 'inet', addr: 'loopback', port: Port }));
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
  match('ok', await socket.close(CSock));
  return match('ok', await socket.close(LSock));
}

await run(demo);
