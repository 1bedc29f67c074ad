// @ts-check
// AtomVM's TCP echo server on OTP's socket module, ported line by line.
//
//   Source:  https://github.com/atomvm/AtomVM/blob/8e2d42f4d2f4d59101d7394de8085e3c02c1ddcc/examples/erlang/tcp_socket_server.erl
//   Repository atomvm/AtomVM, path examples/erlang/tcp_socket_server.erl,
//   commit 8e2d42f4d2f4d59101d7394de8085e3c02c1ddcc.
//   The original's header:
//     This file is part of AtomVM.
//
//     Copyright 2023 Fred Dushin <fred@dushin.net>
//
//     Licensed under the Apache License, Version 2.0 (the "License");
//     you may not use this file except in compliance with the License.
//     You may obtain a copy of the License at
//
//        http://www.apache.org/licenses/LICENSE-2.0
//
//     Unless required by applicable law or agreed to in writing, software
//     distributed under the License is distributed on an "AS IS" BASIS,
//     WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
//     See the License for the specific language governing permissions and
//     limitations under the License.
//
//     SPDX-License-Identifier: Apache-2.0 OR LGPL-2.1-or-later
//
//   This file is a port of it (a derived work), used under Apache-2.0 as erlts itself is, and
//   changed as listed below.
//
// The server opens a listening socket with reuseaddr and a zero linger (so a close resets the
// connection), and lets a process accept on it. Each accepting process, once it has a connection,
// spawns the next acceptor and echoes what it receives, printing each step, until recv gives an
// error.
//   node examples/ported/tcp_socket_server.js        (port 44404, as the original)
//   node examples/ported/tcp_socket_server.js 0      (a port the system picks, shown on the first line)
// then:   nc localhost 44404
//
// What differs from the Erlang: the port may be given on the command line (the line marked
// "added"); timer:sleep(infinity) is timer.sleep(Infinity), JS's infinity; the results of the
// sockname and peername calls in one io:format are awaited one after the other.
import * as socket from 'erlts/socket';
import { _, case_, io, ok, on, run, spawn, timer } from 'erlts';
import { fileURLToPath } from 'node:url';

/** @typedef {import('erlts/socket').Socket} Socket */

// -module(tcp_socket_server).
// -export([start/0]).

const PORT = Number(process.argv[2] ?? 44404); // added: the original binds port 44404

// -spec start() -> no_return().
// start() ->
//     {ok, ListeningSocket} = socket:open(inet, stream, tcp),
//
//     ok = socket:setopt(ListeningSocket, {socket, reuseaddr}, true),
//     ok = socket:setopt(ListeningSocket, {socket, linger}, #{onoff => true, linger => 0}),
//
//     ok = socket:bind(ListeningSocket, #{family => inet, addr => any, port => 44404}),
//     ok = socket:listen(ListeningSocket),
//     io:format("Listening on ~p.~n", [socket:sockname(ListeningSocket)]),
//
//     spawn(fun() -> accept(ListeningSocket) end),
//
//     timer:sleep(infinity).
export async function start() {
  const ListeningSocket = await ok(socket.open('inet', 'stream', 'tcp'));

  await ok(socket.setopt(ListeningSocket, ['socket', 'reuseaddr'], true));
  await ok(socket.setopt(ListeningSocket, ['socket', 'linger'], { onoff: true, linger: 0 }));

  await ok(socket.bind(ListeningSocket, { family: 'inet', addr: 'any', port: PORT }));
  await ok(socket.listen(ListeningSocket));
  io.format('Listening on ~p.~n', [await socket.sockname(ListeningSocket)]);

  spawn(() => accept(ListeningSocket));

  return timer.sleep(Infinity);
}

// accept(ListeningSocket) ->
//     io:format("Waiting to accept connection...~n"),
//     case socket:accept(ListeningSocket) of
//         {ok, ConnectedSocket} ->
//             io:format("Accepted connection.  local: ~p peer: ~p~n", [
//                 socket:sockname(ConnectedSocket), socket:peername(ConnectedSocket)
//             ]),
//             spawn(fun() -> accept(ListeningSocket) end),
//             echo(ConnectedSocket);
//         {error, Reason} ->
//             io:format("An error occurred accepting connection: ~p~n", [Reason])
//     end.
/** @param {Socket} ListeningSocket */
async function accept(ListeningSocket) {
  io.format('Waiting to accept connection...~n');
  return case_(
    await socket.accept(ListeningSocket),
    on(['ok', _], async ([, S]) => {
      const ConnectedSocket = /** @type {Socket} */ (S);
      io.format('Accepted connection.  local: ~p peer: ~p~n', [
        await socket.sockname(ConnectedSocket),
        await socket.peername(ConnectedSocket),
      ]);
      spawn(() => accept(ListeningSocket));
      return echo(ConnectedSocket);
    }),
    on(['error', _], ([, Reason]) => io.format('An error occurred accepting connection: ~p~n', [Reason])),
  );
}

// -spec echo(ConnectedSocket :: socket:socket()) -> no_return().
// echo(ConnectedSocket) ->
//     io:format("Waiting to receive data...~n"),
//     case socket:recv(ConnectedSocket) of
//         {ok, Data} ->
//             io:format("Received data ~p from ~p.  Echoing back...~n", [
//                 Data, socket:peername(ConnectedSocket)
//             ]),
//             case socket:send(ConnectedSocket, Data) of
//                 ok ->
//                     io:format("All data was sent~n");
//                 {ok, Rest} ->
//                     io:format("Some data was sent.  Remaining: ~p~n", [Rest]);
//                 {error, Reason} ->
//                     io:format("An error occurred sending data: ~p~n", [Reason])
//             end,
//             echo(ConnectedSocket);
//         {error, Reason} ->
//             io:format("An error occurred waiting on a connected socket: ~p~n", [Reason])
//     end.
/**
 * @param {Socket} ConnectedSocket
 * @returns {Promise<'ok'>}
 */
async function echo(ConnectedSocket) {
  io.format('Waiting to receive data...~n');
  return case_(
    await socket.recv(ConnectedSocket),
    on(['ok', _], async ([, Data]) => {
      io.format('Received data ~p from ~p.  Echoing back...~n', [
        Data,
        await socket.peername(ConnectedSocket),
      ]);
      case_(
        await socket.send(ConnectedSocket, Data),
        on('ok', () => io.format('All data was sent~n')),
        on(['ok', _], ([, Rest]) => io.format('Some data was sent.  Remaining: ~p~n', [Rest])),
        on(['error', _], ([, Reason]) => io.format('An error occurred sending data: ~p~n', [Reason])),
      );
      return echo(ConnectedSocket);
    }),
    on(['error', _], ([, Reason]) =>
      io.format('An error occurred waiting on a connected socket: ~p~n', [Reason]),
    ),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(start);
