// @ts-check
// jiangmiao/proxy's "simple, fast, encrypted" SOCKS5 proxy, ported line by line.
//
//   Source:  https://github.com/jiangmiao/proxy/blob/0456bbf9789f6a255af913f5f596c7e1ae8fd6f2/proxy.erl
//   Repository jiangmiao/proxy, path proxy.erl, commit 0456bbf9789f6a255af913f5f596c7e1ae8fd6f2.
//   MIT License, the repository's LICENCE:
//
//     Copyright (c) 2012 JiangMiao
//
//     Permission is hereby granted, free of charge, to any person obtaining a copy of
//     this software and associated documentation files (the "Software"), to deal in
//     the Software without restriction, including without limitation the rights to
//     use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of
//     the Software, and to permit persons to whom the Software is furnished to do so,
//     subject to the following conditions:
//
//     The above copyright notice and this permission notice shall be included in all
//     copies or substantial portions of the Software.
//
//     THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
//     IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS
//     FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
//     COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER
//     IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
//     CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
//
//   This file is a port of it (a derived work), changed as listed below.
//
// Two servers in one program. The front (port 5050) takes SOCKS5 clients and passes their bytes,
// each XORed with 0x66 ("flipped"), to the back (port 5051) after a password exchange; the back
// unflips them, speaks SOCKS5 (CONNECT to an IPv4 address or a domain name), connects to the
// remote server and relays both ways. Two processes relay each connection, one per direction;
// when either side closes, both print what ended them and the connection's process closes both
// sockets. The original's comments are in Chinese; they are kept, with a translation.
//   node examples/ported/proxy.js                                (ports 5050 and 5051)
//   FRONT_PORT=1080 BACK_PORT=1081 node examples/ported/proxy.js
// then:   curl --socks5 127.0.0.1:5050 http://example.com/
//
// What differs from the Erlang: the two ports may be given in the environment, and each server
// says when it listens (the lines marked "added"); Erlang's flip/1, flip/2 and flip/3 (functions
// of one name and several arities) are one `fun` with a clause per arity, as are flip_recv/2,3;
// flip/3's recursion over each byte is lists:reverse/2 of lists:map/2 (JS does not run a
// synchronous tail call in constant stack, and a chunk may hold 64 KiB); the variables the case
// in socks5_handshake binds in both branches come out of case_ as a pair; `catch Error:Reason`
// reads the class and reason with a helper; `is(is_port)` and the like stand where the Erlang
// heads have plain variables, so the clause bodies are typed (they take every value the
// program passes).
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as lists from 'erlts/lists';
import * as binary from 'erlts/binary';
import {
  ErlangError,
  ExitException,
  ThrownValue,
  _,
  bin,
  case_,
  exit,
  fun,
  io,
  is,
  is_binary,
  is_integer,
  is_list,
  is_pid,
  is_port,
  list,
  match,
  ok,
  on,
  receive,
  run,
  self,
  send,
  spawn,
} from 'erlts';
import { fileURLToPath } from 'node:url';

/** @typedef {import('erlts').Port} Port */
/** @typedef {import('erlts').Pid} Pid */

// %% 简单高速加密的 socks5 代理服务器           (a simple, fast, encrypted socks5 proxy server)
// %%
// %% Client - 客户端：如浏览器                   (the client: a browser, say)
// %% Front  - 代理前端：从浏览器等客户端接收数据，简单加密后转发给后端
// %%                                            (proxy front: takes data from the client, encrypts
// %%                                             it simply and passes it on to the back)
// %% Back   - 代理后端：从前端接收数据，解密后等同于Socks5服务器
// %%                                            (proxy back: takes data from the front, decrypts
// %%                                             it, and is then a plain Socks5 server)
// %% Remote - 远程服务器：需要请求的目标服务器   (the remote server the client asks for)
// %%
// %% Client 与 Front  为本地通信                 (client and front talk locally)
// %% Back   与 Remote 为本地通信                 (back and remote talk locally)
// %% Front  与 Back   为异地加密通信             (front and back talk encrypted, over a distance)
// %%
// %% 加密算法为 字节 异或 0x66 (01100110)        (the cipher: each byte XOR 0x66 (01100110))
//
// -module(proxy).
// -export([
//     start/0
// ]).
//
// -export([
//     back_start/0,
//     back_accept/1,
//     back_process/1,
//
//     front_start/0,
//     front_accept/1,
//     front_process/1,
//     forward/4,
//     flip/1,
//     flip_recv/2, flip_recv/3,
//     flip_send/2
// ]).
// (the export statement is at the end of the file)

// -define(FRONT_PORT, 5050).
// -define(BACK_PORT, 5051).
// -define(CONNECT_TIMEOUT, 5000).
const FRONT_PORT = Number(process.env['FRONT_PORT'] ?? 5050); // (or $FRONT_PORT: added)
const BACK_PORT = Number(process.env['BACK_PORT'] ?? 5051); // (or $BACK_PORT: added)
const CONNECT_TIMEOUT = 5000;

// %% socks constants
// -define(IPV4, 1).
// -define(DOMAIN, 3).
// -define(CONNECT, 1).
// -define(VERSION, 5).
const IPV4 = 1;
const DOMAIN = 3;
const CONNECT = 1;
const VERSION = 5;

/** @type {(...args: [Uint8Array] | [Uint8Array, number | bigint] | [Uint8Array, number | bigint, unknown[]]) => any} */
const flip = fun(
  // flip(L) ->
  //     flip(L, 16#66).
  on([is(is_binary)], ([L]) => flip(L, 0x66)),

  // flip(L, V) ->
  //     R = flip(L, V, []),
  //     list_to_binary(lists:reverse(R)).
  on([is(is_binary), is(is_integer)], ([L, V]) => {
    const R = flip(L, V, list());
    return Buffer.from(lists.reverse(R));
  }),

  // flip(<<X, L/binary>>, V, R) ->
  //     flip(L, V, [X bxor V|R]);
  //
  // flip(<<>>, _, R) ->
  //     R.
  on([is(is_binary), is(is_integer), is(is_list)], ([L, V, R]) =>
    lists.reverse(
      lists.map((/** @type {number} */ X) => X ^ Number(V), binary.bin_to_list(L)),
      R,
    ),
  ),
);

/** @type {(...args: [Port, number | bigint] | [Port, number | bigint, unknown]) => Promise<any>} */
const flip_recv = fun(
  // flip_recv(Client, Length) ->
  //     flip_recv(Client, Length, infinity).
  on([is(is_port), is(is_integer)], ([Client, Length]) => flip_recv(Client, Length, 'infinity')),

  // flip_recv(Client, Length, Timeout) ->
  //     {ok, Data} = gen_tcp:recv(Client, Length, Timeout),
  //     {ok, flip(Data)}.
  on([is(is_port), is(is_integer), _], async ([Client, Length, Timeout]) => {
    const Data = await ok(gen_tcp.recv(Client, Number(Length), /** @type {number | 'infinity'} */ (Timeout)));
    return ['ok', flip(/** @type {Buffer} */ (Data))];
  }),
);

// flip_send(Client, Data) ->
//     gen_tcp:send(Client, flip(Data)).
/**
 * @param {Port} Client
 * @param {Uint8Array} Data
 */
function flip_send(Client, Data) {
  return gen_tcp.send(Client, flip(Data));
}

/** @type {(Way: 'flip_recv' | 'flip_send', Client: Port, Remote: Port, From: Pid) => Promise<never>} */
const forward = fun(
  // forward(flip_recv, Client, Remote, From) ->
  //     try
  //         {ok, Packet} = flip_recv(Client, 0),
  //         ok = gen_tcp:send(Remote, Packet)
  //     catch
  //         Error:Reason ->
  //             io:format("Client: ~p ~p ~p.~n", [Client, Error, Reason]),
  //             From ! {close},
  //             exit({Error, Reason})
  //     end,
  //     forward(flip_recv, Client, Remote, From);
  on(['flip_recv', is(is_port), is(is_port), is(is_pid)], async ([, Client, Remote, From]) => {
    try {
      const Packet = await ok(flip_recv(Client, 0));
      await ok(gen_tcp.send(Remote, Packet));
    } catch (E) {
      const [Error, Reason] = class_reason(E);
      io.format('Client: ~p ~p ~p.~n', [Client, Error, Reason]);
      send(From, ['close']);
      exit([Error, Reason]);
    }
    return forward('flip_recv', Client, Remote, From);
  }),

  // forward(flip_send, Client, Remote, From) ->
  //     try
  //         {ok, Packet} = gen_tcp:recv(Client, 0),
  //         ok = flip_send(Remote, Packet)
  //     catch
  //         Error:Reason ->
  //             io:format("Client: ~p ~p ~p.~n", [Client, Error, Reason]),
  //             From ! {close},
  //             exit({Error, Reason})
  //     end,
  //     forward(flip_send, Client, Remote, From).
  on(['flip_send', is(is_port), is(is_port), is(is_pid)], async ([, Client, Remote, From]) => {
    try {
      const Packet = await ok(gen_tcp.recv(Client, 0));
      await ok(flip_send(Remote, /** @type {Buffer} */ (Packet)));
    } catch (E) {
      const [Error, Reason] = class_reason(E);
      io.format('Client: ~p ~p ~p.~n', [Client, Error, Reason]);
      send(From, ['close']);
      exit([Error, Reason]);
    }
    return forward('flip_send', Client, Remote, From);
  }),
);

// %% back，接受front的连接与认证，并接收加密的包解密后当作普通包处理。
// %%   (the back accepts the front's connections and password, and takes the encrypted packets,
// %%    decrypted, as ordinary ones)
// %% back -- remote，Raw
// %% remote -- back，Raw
// %% back -- front，Flip
// back_start() ->
//     {ok, Socket} = gen_tcp:listen(?BACK_PORT, [{reuseaddr, true},
//                                                {active, false},
//                                                binary]),
//     back_accept(Socket).
async function back_start() {
  const Socket = await ok(gen_tcp.listen(BACK_PORT, [['reuseaddr', true], ['active', false], 'binary']));
  io.format('back listening on port ~b~n', [BACK_PORT]); // added
  return back_accept(Socket);
}

// back_accept(Socket) ->
//     {ok, Client} = gen_tcp:accept(Socket),
//     spawn(?MODULE, back_process, [Client]),
//     back_accept(Socket).
/**
 * @param {Port} Socket
 * @returns {Promise<never>}
 */
async function back_accept(Socket) {
  const Client = await ok(gen_tcp.accept(Socket));
  spawn(back_process, Client);
  return back_accept(Socket);
}

// back_process(Front) ->
//     try
//         From = self(),
//
//         {ok, <<"abcd1234">>} = flip_recv(Front, 8),
//         flip_send(Front, <<"ok">>),
//
//         {ok, Remote} = socks5_handshake(Front),
//         spawn(?MODULE, forward, [flip_recv, Front, Remote, From]),
//         spawn(?MODULE, forward, [flip_send, Remote, Front, From]),
//
//         receive
//             {close} ->
//                 gen_tcp:close(Front),
//                 gen_tcp:close(Remote)
//         end
//     catch
//         _:_ ->
//             gen_tcp:close(Front)
//     end.
/** @param {Port} Front */
async function back_process(Front) {
  try {
    const From = self();

    match(['ok', bin`"abcd1234"`], await flip_recv(Front, 8));
    await flip_send(Front, bin`"ok"`);

    const Remote = await ok(socks5_handshake(Front));
    spawn(forward, 'flip_recv', Front, Remote, From);
    spawn(forward, 'flip_send', Remote, Front, From);

    return await receive(
      on(['close'], async () => {
        await gen_tcp.close(Front);
        return gen_tcp.close(Remote);
      }),
    );
  } catch {
    return gen_tcp.close(Front);
  }
}

// %% front，与back连接采用自定义协议，与客户端连接采用socks5
// %%   (the front talks its own protocol with the back, and socks5 with the client)
// %% client -- front，socks5 接收                (socks5 in)
// %% front -- back，Flip
// %% back -- front，Flip
// %% front -- client，Raw
// front_start() ->
//     {ok, Socket} = gen_tcp:listen(?FRONT_PORT, [{reuseaddr, true},
//                                                 {active, false},
//                                                 binary]),
//     front_accept(Socket).
async function front_start() {
  const Socket = await ok(gen_tcp.listen(FRONT_PORT, [['reuseaddr', true], ['active', false], 'binary']));
  io.format('front listening on port ~b~n', [FRONT_PORT]); // added
  return front_accept(Socket);
}

// front_accept(Socket) ->
//     {ok, Client} = gen_tcp:accept(Socket),
//     spawn(?MODULE, front_process, [Client]),
//     front_accept(Socket).
/**
 * @param {Port} Socket
 * @returns {Promise<never>}
 */
async function front_accept(Socket) {
  const Client = await ok(gen_tcp.accept(Socket));
  spawn(front_process, Client);
  return front_accept(Socket);
}

// front_process(Client) ->
//     try
//         From = self(),
//
//         {ok, Back} = gen_tcp:connect("127.0.0.1", ?BACK_PORT, [{active, false},
//                                                                  binary]),
//         flip_send(Back, <<"abcd1234">>),
//         {ok, <<"ok">>} = flip_recv(Back, 2),
//
//         spawn(?MODULE, forward, [flip_send, Client, Back, From]),
//         spawn(?MODULE, forward, [flip_recv, Back, Client, From]),
//
//         receive
//             {close} ->
//                 gen_tcp:close(Client),
//                 gen_tcp:close(Back)
//         end
//     catch
//         _:_ ->
//             gen_tcp:close(Client)
//     end.
/** @param {Port} Client */
async function front_process(Client) {
  try {
    const From = self();

    const Back = await ok(gen_tcp.connect('127.0.0.1', BACK_PORT, [['active', false], 'binary']));
    await flip_send(Back, bin`"abcd1234"`);
    match(['ok', bin`"ok"`], await flip_recv(Back, 2));

    spawn(forward, 'flip_send', Client, Back, From);
    spawn(forward, 'flip_recv', Back, Client, From);

    return await receive(
      on(['close'], async () => {
        await gen_tcp.close(Client);
        return gen_tcp.close(Back);
      }),
    );
  } catch {
    return gen_tcp.close(Client);
  }
}

// start() ->
//     spawn(?MODULE, back_start, []),
//     spawn(?MODULE, front_start, []),
//     receive
//         {close} ->
//             exit({done})
//     end.
async function start() {
  spawn(back_start);
  spawn(front_start);
  return receive(on(['close'], () => exit(['done'])));
}

// socks5_handshake(Client) ->
//     {ok, <<?VERSION:8, Nmethods:8>>} = flip_recv(Client, 2),
//     {ok, _Methods} = flip_recv(Client, Nmethods),
//     ok = flip_send(Client, <<5, 0>>),
//
//     {ok, <<?VERSION:8, ?CONNECT:8, _Rsv:8, AType:8>>} = flip_recv(Client, 4),
//     case AType of
//         ?IPV4 ->
//             {ok, <<AddressBin:32, Port:16>>} = flip_recv(Client, 6),
//             Address = list_to_tuple(binary_to_list(<<AddressBin:32>>)),
//             io:format("~p ~p.~n", [Client, Address]);
//         ?DOMAIN ->
//             {ok, <<DomainLen:8>>} = flip_recv(Client, 1),
//             {ok, DomainBin} = flip_recv(Client, DomainLen),
//             Domain = binary_to_list(DomainBin),
//             io:format("~p ~p.~n", [Client, Domain]),
//             {ok, Address} = inet:getaddr(Domain, inet),
//             {ok, <<Port:16>>} = flip_recv(Client, 2)
//     end,
//     {ok, Remote} = gen_tcp:connect(Address, Port, [{active, false}, binary], ?CONNECT_TIMEOUT),
//     ok = flip_send(Client, <<5, 0, 0, 1, 0:32, 0:16 >>),
//     {ok, Remote}.
/**
 * @param {Port} Client
 * @returns {Promise<['ok', Port]>}
 */
async function socks5_handshake(Client) {
  const [, { Nmethods }] = match(['ok', binp`${VERSION}:8, Nmethods:8`], await flip_recv(Client, 2));
  await ok(flip_recv(Client, Nmethods));
  await ok(flip_send(Client, bin`5, 0`));

  const [, { AType }] = match(
    ['ok', binp`${VERSION}:8, ${CONNECT}:8, _Rsv:8, AType:8`],
    await flip_recv(Client, 4),
  );
  const [Address, Port] = await case_(
    AType,
    on(IPV4, async () => {
      const [, { AddressBin, Port }] = match(
        ['ok', binp`AddressBin:32, Port:16`],
        await flip_recv(Client, 6),
      );
      const Address = [...binary.bin_to_list(bin`${AddressBin}:32`)];
      io.format('~p ~p.~n', [Client, Address]);
      return [Address, Port];
    }),
    on(DOMAIN, async () => {
      const [, { DomainLen }] = match(['ok', binp`DomainLen:8`], await flip_recv(Client, 1));
      const DomainBin = await ok(flip_recv(Client, DomainLen));
      const Domain = binary.bin_to_list(/** @type {Buffer} */ (DomainBin));
      io.format('~p ~p.~n', [Client, Domain]);
      const Address = await ok(inet.getaddr(Domain, 'inet'));
      const [, { Port }] = match(['ok', binp`Port:16`], await flip_recv(Client, 2));
      return [Address, Port];
    }),
  );
  const Remote = await ok(gen_tcp.connect(Address, Port, [['active', false], 'binary'], CONNECT_TIMEOUT));
  await ok(flip_send(Client, bin`5, 0, 0, 1, 0:32, 0:16`));
  return ['ok', Remote];
}

export {
  start,
  back_start,
  back_accept,
  back_process,
  front_start,
  front_accept,
  front_process,
  forward,
  flip,
  flip_recv,
  flip_send,
};

// ---- Helpers: not in the original ----

/**
 * `catch Class:Reason`: the Erlang class and reason of a caught exception (erlts raises
 * `error/1`, `exit/1` and `throw/1` as three classes; anything else a JS function throws is an
 * error whose reason is the exception itself).
 * @param {unknown} E
 * @returns {[string, unknown]}
 */
function class_reason(E) {
  if (ErlangError.is(E)) return ['error', E.reason];
  if (ExitException.is(E)) return ['exit', E.reason];
  if (ThrownValue.is(E)) return ['throw', E.value];
  return ['error', E];
}

/**
 * `bin` typed for patterns: a JS file cannot give `bin` the type argument (`bin<{ Len: number }>`)
 * a TypeScript file uses, so this is `bin` with bindings of any type.
 */
const binp =
  /** @type {(s: TemplateStringsArray, ...v: unknown[]) => import('erlts').BinPattern<Record<string, any>>} */ (
    bin
  );

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(start);
