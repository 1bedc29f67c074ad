// @ts-check
// AtomVM's small HTTP server, ported line by line: a list-mode gen_tcp server whose parser walks
// each request a character at a time.
//
//   Source:  https://github.com/atomvm/AtomVM/blob/2afc92edc29be76074cc36188852c704abba572d/libs/eavmlib/src/http_server.erl
//   Repository atomvm/AtomVM, path libs/eavmlib/src/http_server.erl,
//   commit 2afc92edc29be76074cc36188852c704abba572d.
//   The original's header:
//     This file is part of AtomVM.
//
//     Copyright 2019-2022 Davide Bettio <davide@uninstall.it>
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
// start_server(Port, Router) listens in list mode ({active, true}, packets as lists of bytes) and
// lets a process accept; each accepting process spawns the next one and parses its connection's
// request line, headers and body with a state machine that carries over from packet to packet.
// When a request is complete it calls Module:handle_req(Method, PathTokens, Conn) of the first
// route whose path matches (or is "*"); the handler answers with reply/3, which sends the status
// line, headers and body and closes the connection. parse_query_string/1 decodes a form body.
// The original is a library; the handler module at the end (hello_handler) is added, so the
// server has something to serve:
//   node examples/ported/http_server.js           (port 8080)
//   node examples/ported/http_server.js 8088
// then:   curl -i http://localhost:8080/   or   curl -i http://localhost:8080/echo/hi
//
// What differs from the Erlang: erlts patterns have no list cells, so a head [C | Tail] is the
// pattern cons(C) (a non-empty list whose first element matches C, a helper) and the body takes
// the list apart as [C, ...Tail]; a list built as [C | Acc] is list(C, ...Acc), which copies;
// Erlang's $c is $('c') (a helper); functions of one name and several arities (loop/1,2, reply/3,4,
// parse_query_string/1,4, split/1,3, reverse/1,2) are one `fun` with a clause per arity;
// `Path == Target` on two strings is string:equal/2; erlang:display/1 is a helper. Each parser
// step is a JS call (JS does not run a synchronous tail call in constant stack), and each
// list(C, ...Acc) spreads the field read so far: a request line, header line or body of more
// than about 2,000 characters exhausts the stack and ends the connection's process, where the
// Erlang runs in constant space.
import * as gen_tcp from 'erlts/gen_tcp';
import * as proplists from 'erlts/proplists';
import * as string from 'erlts/string';
import * as binary from 'erlts/binary';
import {
  _,
  bin,
  case_,
  fun,
  io,
  io_lib,
  is,
  is_integer,
  is_list,
  is_port,
  list,
  match,
  ok,
  on,
  receive,
  run,
  spawn,
} from 'erlts';
import { fileURLToPath } from 'node:url';

/** @typedef {import('erlts').Port} Port */

// -module(http_server).
// -export([start_server/2, reply/3, reply/4, parse_query_string/1]).
// (the export statement is at the end of the file)

// start_server(Port, Router) ->
//     case gen_tcp:listen(Port, []) of
//         {ok, ListenSocket} ->
//             spawn(fun() -> accept(ListenSocket, Router) end);
//         Error ->
//             erlang:display(Error)
//     end.
/**
 * @param {number} Port
 * @param {unknown[]} Router
 */
async function start_server(Port, Router) {
  return case_(
    await gen_tcp.listen(Port, []),
    on(['ok', is(is_port)], ([, ListenSocket]) => spawn(() => accept(ListenSocket, Router))),
    on(_, (Error) => display(Error)),
  );
}

// accept(ListenSocket, Router) ->
//     case gen_tcp:accept(ListenSocket) of
//         {ok, _Socket} ->
//             spawn(fun() -> accept(ListenSocket, Router) end),
//             loop(Router);
//         Error ->
//             erlang:display(Error)
//     end.
/**
 * @param {Port} ListenSocket
 * @param {unknown[]} Router
 * @returns {Promise<unknown>}
 */
async function accept(ListenSocket, Router) {
  return case_(
    await gen_tcp.accept(ListenSocket),
    on(['ok', _], () => {
      spawn(() => accept(ListenSocket, Router));
      return loop(Router);
    }),
    on(_, (Error) => display(Error)),
  );
}

/** @type {(...args: any) => Promise<any>} */
const loop = fun(
  // loop(Router) ->
  //     loop(Router, {waiting_request_line, [], []}).
  on([_], ([Router]) => loop(Router, ['waiting_request_line', list(), list()])),

  // loop(Router, OldStateAndData) ->
  //     receive
  //         {tcp_closed, _Socket} ->
  //             ok;
  //         {tcp, Socket, Packet} ->
  //             case parse_http(Packet, OldStateAndData) of
  //                 {got_request, RequestData} ->
  //                     Conn = [{socket, Socket} | RequestData],
  //                     Method = proplists:get_value(method, Conn),
  //                     PathTokens = proplists:get_value(uri, Conn),
  //                     {ok, Module} = find_route(Method, PathTokens, Router),
  //                     {ok, _UpdatedConn} = Module:handle_req(Method, split(PathTokens), Conn),
  //                     ok;
  //                 {need_more, StateAndData} ->
  //                     loop(Router, StateAndData)
  //             end
  //     end.
  on([_, _], ([Router, OldStateAndData]) =>
    receive(
      on(['tcp_closed', _], () => 'ok'),
      on(['tcp', _, _], ([, Socket, Packet]) =>
        case_(
          parse_http(Packet, OldStateAndData),
          on(['got_request', is(is_list)], async ([, RequestData]) => {
            const Conn = list(['socket', Socket], ...RequestData);
            const Method = proplists.get_value('method', Conn);
            const PathTokens = proplists.get_value('uri', Conn);
            const Module = /** @type {{ handle_req: Function }} */ (
              ok(find_route(Method, PathTokens, Router))
            );
            ok(await Module.handle_req(Method, split(PathTokens), Conn));
            return 'ok';
          }),
          on(['need_more', _], ([, StateAndData]) => loop(Router, StateAndData)),
        ),
      ),
    ),
  ),
);

/** @type {(...args: any) => any} */
const find_route = fun(
  // find_route(_Method, _Path, []) ->
  //     {error, 404};
  on([_, _, []], () => ['error', 404]),

  // find_route(Method, Path, [{Target, Mod, _Opts} | T]) ->
  //     if
  //         Path == Target ->
  //             {ok, Mod};
  //         Target == "*" ->
  //             {ok, Mod};
  //         true ->
  //             find_route(Method, Path, T)
  //     end.
  on([_, _, cons([_, _, _])], ([Method, Path, [[Target, Mod], ...T]]) => {
    if (string.equal(/** @type {string} */ (Path), Target)) {
      return ['ok', Mod];
    } else if (string.equal(Target, '*')) {
      return ['ok', Mod];
    } else {
      return find_route(Method, Path, T);
    }
  }),
);

/** @type {(...args: any) => Promise<any>} */
const reply = fun(
  // reply(StatusCode, ReplyBody, Conn) ->
  //     {ok, Conn} = reply(
  //         StatusCode, ReplyBody, [<<"Content-Type: text/html\r\nConnection: close\r\n">>], Conn
  //     ),
  //     Socket = proplists:get_value(socket, Conn),
  //     gen_tcp:close(Socket),
  //     ClosedConn = [{closed, true} | Conn],
  //     {ok, ClosedConn}.
  on([_, _, is(is_list)], async ([StatusCode, ReplyBody, Conn]) => {
    match(
      ['ok', Conn],
      await reply(StatusCode, ReplyBody, list(bin`"Content-Type: text/html\r\nConnection: close\r\n"`), Conn),
    );
    const Socket = proplists.get_value('socket', Conn);
    await gen_tcp.close(/** @type {Port} */ (Socket));
    const ClosedConn = list(['closed', true], ...Conn);
    return ['ok', ClosedConn];
  }),

  // reply(StatusCode, ReplyBody, ReplyHeaders, Conn) ->
  //     Socket = proplists:get_value(socket, Conn),
  //     ReplyList =
  //         case is_list(ReplyBody) of
  //             true -> ReplyBody;
  //             false -> [ReplyBody]
  //         end,
  //     FullReply = [
  //         [
  //             <<"HTTP/1.1 ">>,
  //             code_to_status_string(StatusCode),
  //             <<"\r\n">>,
  //             ReplyHeaders,
  //             <<"\r\n">>
  //         ]
  //         | ReplyList
  //     ],
  //     case send_reply(Socket, FullReply) of
  //         ok ->
  //             {ok, Conn};
  //         {error, _} ->
  //             gen_tcp:close(Socket),
  //             ClosedConn = [{closed, true} | Conn],
  //             {ok, ClosedConn}
  //     end.
  on([_, _, _, is(is_list)], async ([StatusCode, ReplyBody, ReplyHeaders, Conn]) => {
    const Socket = /** @type {Port} */ (proplists.get_value('socket', Conn));
    const ReplyList = case_(
      is_list(ReplyBody),
      on(true, () => /** @type {unknown[]} */ (ReplyBody)),
      on(false, () => list(ReplyBody)),
    );
    const FullReply = list(
      list(bin`"HTTP/1.1 "`, code_to_status_string(StatusCode), bin`"\r\n"`, ReplyHeaders, bin`"\r\n"`),
      ...ReplyList,
    );
    return case_(
      await send_reply(Socket, FullReply),
      on('ok', () => ['ok', Conn]),
      on(['error', _], async () => {
        await gen_tcp.close(Socket);
        const ClosedConn = list(['closed', true], ...Conn);
        return ['ok', ClosedConn];
      }),
    );
  }),
);

/** @type {(...args: any) => any} */
const send_reply = fun(
  // send_reply(Socket, [Chunk | Tail]) ->
  //     case gen_tcp:send(Socket, Chunk) of
  //         ok -> send_reply(Socket, Tail);
  //         {error, _} = ErrorTuple -> ErrorTuple
  //     end;
  on([is(is_port), cons(_)], async ([Socket, [Chunk, ...Tail]]) =>
    case_(
      await gen_tcp.send(Socket, Chunk),
      on('ok', () => send_reply(Socket, Tail)),
      on(['error', _], (ErrorTuple) => ErrorTuple),
    ),
  ),
  // send_reply(_Socket, []) ->
  //     ok.
  on([_, []], () => 'ok'),
);

const code_to_status_string = fun(
  // code_to_status_string(200) ->
  //     <<"200 OK">>;
  on([200], () => bin`"200 OK"`),
  // code_to_status_string(Code) ->
  //     [erlang:integer_to_binary(Code), <<" NotOK">>].
  on([_], ([Code]) => list(Buffer.from(String(Code)), bin`" NotOK"`)),
);

/** @type {(...args: any) => any} */
const parse_query_string = fun(
  // parse_query_string(L) ->
  //     parse_query_string(L, key, [], []).
  on([_], ([L]) => parse_query_string(L, 'key', list(), list())),

  // parse_query_string([$+ | Tail], State, Acc, Data) ->
  //     parse_query_string([$\s | Tail], State, Acc, Data);
  on([cons($('+')), _, _, _], ([[, ...Tail], State, Acc, Data]) =>
    parse_query_string(list($(' '), ...Tail), State, Acc, Data),
  ),
  // parse_query_string([$%, Hex1, Hex2 | Tail], State, Acc, Data) ->
  //     Char = (hex_char_to_n(Hex1) bsl 4) bor hex_char_to_n(Hex2),
  //     parse_query_string([Char | Tail], State, Acc, Data);
  on([cons($('%'), _, _), _, _, _], ([[, Hex1, Hex2, ...Tail], State, Acc, Data]) => {
    const Char = (hex_char_to_n(Hex1) << 4) | hex_char_to_n(Hex2);
    return parse_query_string(list(Char, ...Tail), State, Acc, Data);
  }),
  // parse_query_string([$& | Tail], value, Acc, [LastKey | Data]) ->
  //     NewData = [{LastKey, reverse(Acc)} | Data],
  //     parse_query_string(Tail, key, [], NewData);
  on([cons($('&')), 'value', _, cons(_)], ([[, ...Tail], , Acc, [LastKey, ...Data]]) => {
    const NewData = list([LastKey, reverse(Acc)], ...Data);
    return parse_query_string(Tail, 'key', list(), NewData);
  }),
  // parse_query_string([$= | Tail], key, Acc, Data) ->
  //     parse_query_string(Tail, value, [], [reverse(Acc) | Data]);
  on([cons($('=')), 'key', _, is(is_list)], ([[, ...Tail], , Acc, Data]) =>
    parse_query_string(Tail, 'value', list(), list(reverse(Acc), ...Data)),
  ),
  // parse_query_string([], value, Acc, [LastKey | Data]) ->
  //     [{LastKey, reverse(Acc)} | Data];
  on([[], 'value', _, cons(_)], ([, , Acc, [LastKey, ...Data]]) => list([LastKey, reverse(Acc)], ...Data)),
  // parse_query_string([C | Tail], State, Acc, Data) ->
  //     parse_query_string(Tail, State, [C | Acc], Data).
  on([cons(_), _, is(is_list), _], ([[C, ...Tail], State, Acc, Data]) =>
    parse_query_string(Tail, State, list(C, ...Acc), Data),
  ),
);

/** @type {(...args: any) => number} */
const hex_char_to_n = fun(
  // hex_char_to_n(N) when N >= $0 andalso N =< $9 ->
  //     N - $0;
  on(
    [is(is_integer)],
    ([N]) => N >= $('0') && N <= $('9'),
    ([N]) => Number(N) - $('0'),
  ),
  // hex_char_to_n(N) when N >= $a andalso N =< $f ->
  //     (N - $a) + 10;
  on(
    [is(is_integer)],
    ([N]) => N >= $('a') && N <= $('f'),
    ([N]) => Number(N) - $('a') + 10,
  ),
  // hex_char_to_n(N) when N >= $A andalso N =< $F ->
  //     (N - $A) + 10.
  on(
    [is(is_integer)],
    ([N]) => N >= $('A') && N <= $('F'),
    ([N]) => Number(N) - $('A') + 10,
  ),
);

/** @type {(...args: any) => any} */
const split = fun(
  // split(L) ->
  //     Tokens = split(L, [], []),
  //     TrimmedTokens =
  //         case Tokens of
  //             [[] | T] -> T;
  //             AlreadyTrimmed -> AlreadyTrimmed
  //         end,
  //     [_H | T2] = reverse(TrimmedTokens),
  //     T2.
  on([_], ([L]) => {
    const Tokens = split(L, list(), list());
    const TrimmedTokens = case_(
      Tokens,
      on(cons([]), ([, ...T]) => T),
      on(_, (AlreadyTrimmed) => AlreadyTrimmed),
    );
    const [_H, ...T2] = match(cons(_), reverse(TrimmedTokens));
    return list(...T2);
  }),

  // split([], TokenAcc, Acc) ->
  //     [reverse(TokenAcc) | Acc];
  on([[], _, is(is_list)], ([, TokenAcc, Acc]) => list(reverse(TokenAcc), ...Acc)),
  // split([$/ | T], TokenAcc, Acc) ->
  //     split(T, [], [reverse(TokenAcc) | Acc]);
  on([cons($('/')), _, is(is_list)], ([[, ...T], TokenAcc, Acc]) =>
    split(T, list(), list(reverse(TokenAcc), ...Acc)),
  ),
  // split([H | T], TokenAcc, Acc) ->
  //     split(T, [H | TokenAcc], Acc).
  on([cons(_), is(is_list), _], ([[H, ...T], TokenAcc, Acc]) => split(T, list(H, ...TokenAcc), Acc)),
);

/** @type {(...args: any) => any} */
const parse_http = fun(
  // parse_http([], {waiting_body, [], Data}) ->
  //     {got_request, Data};
  on([[], ['waiting_body', [], _]], ([, [, , Data]]) => ['got_request', Data]),
  // parse_http([], {in_body, Acc, Data}) ->
  //     {got_request, [{body_chunk, reverse(Acc)} | Data]};
  on([[], ['in_body', _, is(is_list)]], ([, [, Acc, Data]]) => [
    'got_request',
    list(['body_chunk', reverse(Acc)], ...Data),
  ]),
  // parse_http([], StateAndData) ->
  //     {need_more, StateAndData};
  on([[], _], ([, StateAndData]) => ['need_more', StateAndData]),
  // parse_http([$\n | Tail], {{waiting_lf, NextState}, [], Data}) ->
  //     parse_http(Tail, {NextState, [], Data});
  on([cons($('\n')), [['waiting_lf', _], [], _]], ([[, ...Tail], [[, NextState], , Data]]) =>
    parse_http(Tail, [NextState, list(), Data]),
  ),
  // parse_http([C | Tail], {waiting_request_line, [], []}) ->
  //     parse_http(Tail, {in_method, [C], []});
  on([cons(_), ['waiting_request_line', [], []]], ([[C, ...Tail]]) =>
    parse_http(Tail, ['in_method', list(C), list()]),
  ),
  // parse_http([$\s | Tail], {in_method, Acc, []}) ->
  //     parse_http(Tail, {waiting_uri, [], [{method, reverse(Acc)}]});
  on([cons($(' ')), ['in_method', _, []]], ([[, ...Tail], [, Acc]]) =>
    parse_http(Tail, ['waiting_uri', list(), list(['method', reverse(Acc)])]),
  ),
  // parse_http([C | Tail], {in_method, Acc, []}) ->
  //     parse_http(Tail, {in_method, [C | Acc], []});
  on([cons(_), ['in_method', is(is_list), []]], ([[C, ...Tail], [, Acc]]) =>
    parse_http(Tail, ['in_method', list(C, ...Acc), list()]),
  ),
  // parse_http([C | Tail], {waiting_uri, [], Data}) ->
  //     parse_http(Tail, {in_uri, [C], Data});
  on([cons(_), ['waiting_uri', [], _]], ([[C, ...Tail], [, , Data]]) =>
    parse_http(Tail, ['in_uri', list(C), Data]),
  ),
  // parse_http([$\s | Tail], {in_uri, Acc, Data}) ->
  //     parse_http(Tail, {waiting_http_version, [], [{uri, reverse(Acc)} | Data]});
  on([cons($(' ')), ['in_uri', _, is(is_list)]], ([[, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, ['waiting_http_version', list(), list(['uri', reverse(Acc)], ...Data)]),
  ),
  // parse_http([C | Tail], {in_uri, Acc, Data}) ->
  //     parse_http(Tail, {in_uri, [C | Acc], Data});
  on([cons(_), ['in_uri', is(is_list), _]], ([[C, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, ['in_uri', list(C, ...Acc), Data]),
  ),
  // parse_http([C | Tail], {waiting_http_version, [], Data}) ->
  //     parse_http(Tail, {in_http_version, [C], Data});
  on([cons(_), ['waiting_http_version', [], _]], ([[C, ...Tail], [, , Data]]) =>
    parse_http(Tail, ['in_http_version', list(C), Data]),
  ),
  // parse_http([$\r | Tail], {in_http_version, Acc, Data}) ->
  //     parse_http(Tail, {{waiting_lf, waiting_headers}, [], [{http_version, reverse(Acc)} | Data]});
  on([cons($('\r')), ['in_http_version', _, is(is_list)]], ([[, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, [
      ['waiting_lf', 'waiting_headers'],
      list(),
      list(['http_version', reverse(Acc)], ...Data),
    ]),
  ),
  // parse_http([C | Tail], {in_http_version, Acc, Data}) ->
  //     parse_http(Tail, {in_http_version, [C | Acc], Data});
  on([cons(_), ['in_http_version', is(is_list), _]], ([[C, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, ['in_http_version', list(C, ...Acc), Data]),
  ),
  // parse_http([$\r | Tail], {waiting_headers, [], Data}) ->
  //     parse_http(Tail, {{waiting_lf, waiting_body}, [], Data});
  on([cons($('\r')), ['waiting_headers', [], _]], ([[, ...Tail], [, , Data]]) =>
    parse_http(Tail, [['waiting_lf', 'waiting_body'], list(), Data]),
  ),
  // parse_http([C | Tail], {waiting_headers, [], Data}) ->
  //     parse_http(Tail, {in_header, [C], Data});
  on([cons(_), ['waiting_headers', [], _]], ([[C, ...Tail], [, , Data]]) =>
    parse_http(Tail, ['in_header', list(C), Data]),
  ),
  // parse_http([$\r | Tail], {in_header, Acc, Data}) ->
  //     parse_http(Tail, {{waiting_lf, waiting_headers}, [], [{header, reverse(Acc)} | Data]});
  on([cons($('\r')), ['in_header', _, is(is_list)]], ([[, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, [['waiting_lf', 'waiting_headers'], list(), list(['header', reverse(Acc)], ...Data)]),
  ),
  // parse_http([C | Tail], {in_header, Acc, Data}) ->
  //     parse_http(Tail, {in_header, [C | Acc], Data});
  on([cons(_), ['in_header', is(is_list), _]], ([[C, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, ['in_header', list(C, ...Acc), Data]),
  ),
  // parse_http([C | Tail], {waiting_body, [], Data}) ->
  //     parse_http(Tail, {in_body, [C], Data});
  on([cons(_), ['waiting_body', [], _]], ([[C, ...Tail], [, , Data]]) =>
    parse_http(Tail, ['in_body', list(C), Data]),
  ),
  // parse_http([C | Tail], {in_body, Acc, Data}) ->
  //     parse_http(Tail, {in_body, [C | Acc], Data});
  on([cons(_), ['in_body', is(is_list), _]], ([[C, ...Tail], [, Acc, Data]]) =>
    parse_http(Tail, ['in_body', list(C, ...Acc), Data]),
  ),
  // parse_http([C | Tail], {_, _Acc, Data}) ->
  //     erlang:display({consume, [C]}),
  //     parse_http(Tail, {consume, [], Data});
  on([cons(_), [_, _, _]], ([[C, ...Tail], [, _Acc, Data]]) => {
    display(['consume', list(C)]);
    return parse_http(Tail, ['consume', list(), Data]);
  }),
  // parse_http(Input, StateTuple) ->
  //     erlang:display({cannot_process, Input, StateTuple}).
  on([_, _], ([Input, StateTuple]) => display(['cannot_process', Input, StateTuple])),
);

/** @type {(...args: any) => any} */
const reverse = fun(
  // reverse(L) -> reverse(L, []).
  on([_], ([L]) => reverse(L, list())),

  // reverse([], Acc) ->
  //     Acc;
  on([[], _], ([, Acc]) => Acc),
  // reverse([H | T], Acc) ->
  //     reverse(T, [H | Acc]).
  on([cons(_), is(is_list)], ([[H, ...T], Acc]) => reverse(T, list(H, ...Acc))),
);

export { start_server, reply, parse_query_string };

// ---- Helpers: not in the original ----

/**
 * The pattern `[H1, H2, ... | _]`: a list (any array) with at least as many elements as heads,
 * the first ones matching the heads. erlts patterns have no list cells.
 * @param {...unknown} Hs
 */
function cons(...Hs) {
  /** @type {(L: unknown) => L is any[]} */
  const Heads = (L) =>
    Array.isArray(L) &&
    L.length >= Hs.length &&
    case_(
      L.slice(0, Hs.length),
      on(Hs, () => true),
      on(_, () => false),
    );
  return is(Heads);
}

/**
 * Erlang's character literal: `$a` is `$('a')`, the code point.
 * @param {string} C
 */
function $(C) {
  return /** @type {number} */ (C.codePointAt(0));
}

/**
 * erlang:display/1: the term on standard output, and `true`.
 * @param {unknown} Term
 */
function display(Term) {
  io.format('~p~n', [Term]);
  return true;
}

// ---- An added handler module (not in the original), for the demo and the tests ----
// A handler is a module with handle_req(Method, PathTokens, Conn); here an object, as erlts takes
// a callback module. Its last clause is AtomVM's system_info_server.erl's; the same module in Erlang is
// test/fixtures/ported/hello_handler.erl, which the tests run with the original under erl.
//
// handle_req("GET", [], Conn) ->
//     http_server:reply(200, <<"<h1>hello</h1>">>, Conn);
// handle_req("GET", ["echo", Word], Conn) ->
//     http_server:reply(200, ["you said ", Word], Conn);
// handle_req("POST", ["form"], Conn) ->
//     Params = http_server:parse_query_string(proplists:get_value(body_chunk, Conn)),
//     http_server:reply(200, binary:list_to_bin(io_lib:format("~p", [Params])), Conn);
// handle_req(Method, Path, Conn) ->
//     io:format("Method: ~p Path: ~p~n", [Method, Path]),
//     Body = <<"<html><body><h1>Not Found</h1></body></html>">>,
//     http_server:reply(404, Body, Conn).
const hello_handler = {
  handle_req: fun(
    on([str('GET'), [], _], ([, , Conn]) => reply(200, bin`"<h1>hello</h1>"`, Conn)),
    on([str('GET'), [str('echo'), _], _], ([, [, Word], Conn]) => reply(200, list('you said ', Word), Conn)),
    on([str('POST'), [str('form')], is(is_list)], ([, , Conn]) => {
      const Params = parse_query_string(proplists.get_value('body_chunk', Conn));
      return reply(200, binary.list_to_bin(io_lib.format('~p', [Params])), Conn);
    }),
    on([_, _, _], ([Method, Path, Conn]) => {
      io.format('Method: ~p Path: ~p~n', [Method, Path]);
      const Body = bin`"<html><body><h1>Not Found</h1></body></html>"`;
      return reply(404, Body, Conn);
    }),
  ),
};

/**
 * An Erlang string literal as a list of character codes, for patterns.
 * @param {string} S
 */
function str(S) {
  return list(...[...S].map($));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await run(async () => {
    const Port = Number(process.argv[2] ?? 8080);
    // http_server:start_server(Port, [{"*", hello_handler, []}])
    const Acceptor = await start_server(Port, list(['*', hello_handler, list()]));
    io.format('http_server listening on port ~b, acceptor ~p~n', [Port, Acceptor]);
    // The listening socket belongs to this process, as to the shell that calls start_server.
    return receive();
  });
}
