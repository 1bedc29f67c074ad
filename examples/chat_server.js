// @ts-check
// A line-based chat server: one process per client, and a room process that
// passes each line a client sends to every other client. Clients read lines
// with {packet, line} and {active, once}; the room monitors them, so a client
// that disconnects (or crashes) leaves the room.
//   node examples/chat_server.js           (port 7001, or $PORT)
//   node examples/chat_server.js 7007      (0: a port the system picks)
// then, in several terminals:   nc localhost 7001
// Each client first gives a name, then every line it types goes to the others.
//
// start(Port) ->
//     Room = spawn(fun() -> room([]) end),
//     {ok, LSock} = gen_tcp:listen(Port, [binary, {packet, line}, {active, false},
//                                         {reuseaddr, true}]),
//     {ok, LPort} = inet:port(LSock),
//     io:format("chat server listening on port ~b~n", [LPort]),
//     accept_loop(LSock, Room).
//
// accept_loop(LSock, Room) ->
//     {ok, Sock} = gen_tcp:accept(LSock),
//     Pid = spawn(fun() -> login(Sock, Room) end),
//     ok = gen_tcp:controlling_process(Sock, Pid),
//     accept_loop(LSock, Room).
//
// login(Sock, Room) ->
//     ok = gen_tcp:send(Sock, "Your name?\n"),
//     inet:setopts(Sock, [{active, once}]),
//     receive
//         {tcp, Sock, Line} ->
//             Room ! {join, self(), string:trim(Line)},
//             client(Sock, Room);
//         {tcp_closed, Sock} -> ok
//     end.
//
// client(Sock, Room) ->
//     inet:setopts(Sock, [{active, once}]),
//     receive
//         {tcp, Sock, Line} -> Room ! {line, self(), Line}, client(Sock, Room);
//         {tcp_closed, Sock} -> ok;
//         {chat, Text} -> gen_tcp:send(Sock, Text), client(Sock, Room)
//     end.
//
// room(Members) ->
//     receive
//         {join, Pid, Name} ->
//             monitor(process, Pid),
//             io:format("~s joined~n", [Name]),
//             Joined = [{Pid, Name} | Members],
//             broadcast(Joined, ["* ", Name, " joined\n"]),
//             room(Joined);
//         {line, Pid, Line} ->
//             case lists:keyfind(Pid, 1, Members) of
//                 {Pid, Name} -> broadcast(lists:keydelete(Pid, 1, Members), [Name, ": ", Line]);
//                 false -> ignore
//             end,
//             room(Members);
//         {'DOWN', _Ref, process, Pid, _Reason} ->
//             {Pid, Name} = lists:keyfind(Pid, 1, Members),
//             io:format("~s left~n", [Name]),
//             Rest = lists:keydelete(Pid, 1, Members),
//             broadcast(Rest, ["* ", Name, " left\n"]),
//             room(Rest)
//     end.
//
// broadcast(Members, Text) -> [Pid ! {chat, Text} || {Pid, _} <- Members], ok.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as lists from 'erlts/lists';
import * as string from 'erlts/string';
import {
  _,
  case_,
  io,
  is,
  is_binary,
  is_pid,
  match,
  monitor,
  ok,
  on,
  receive,
  run,
  send,
  self,
  spawn,
} from 'erlts';

/** @typedef {import('erlts').Pid} Pid */
/** @typedef {import('erlts').Port} Port */
/** @typedef {readonly [Pid, Uint8Array]} Member  {Pid, Name} */

/** @param {number} Port */
async function start(Port) {
  const Room = spawn(room, []);
  const LSock = ok(
    await gen_tcp.listen(Port, ['binary', ['packet', 'line'], ['active', false], ['reuseaddr', true]]),
  );
  const LPort = ok(await inet.port(LSock));
  io.format('chat server listening on port ~b~n', [LPort]);
  return accept_loop(LSock, Room);
}

/**
 * @param {Port} LSock
 * @param {Pid} Room
 * @returns {Promise<never>}
 */
async function accept_loop(LSock, Room) {
  const Sock = ok(await gen_tcp.accept(LSock));
  const Pid = spawn(login, Sock, Room);
  match('ok', await gen_tcp.controlling_process(Sock, Pid));
  return accept_loop(LSock, Room);
}

/**
 * @param {Port} Sock
 * @param {Pid} Room
 * @returns {Promise<'ok'>}
 */
async function login(Sock, Room) {
  match('ok', await gen_tcp.send(Sock, 'Your name?\n'));
  await inet.setopts(Sock, [['active', 'once']]);
  return receive(
    on(['tcp', Sock, is(is_binary)], ([, , Line]) => {
      send(Room, ['join', self(), string.trim(Line)]);
      return client(Sock, Room);
    }),
    on(['tcp_closed', Sock], () => /** @type {const} */ ('ok')),
  );
}

/**
 * @param {Port} Sock
 * @param {Pid} Room
 * @returns {Promise<'ok'>}
 */
async function client(Sock, Room) {
  await inet.setopts(Sock, [['active', 'once']]);
  return receive(
    on(['tcp', Sock, _], ([, , Line]) => {
      send(Room, ['line', self(), Line]);
      return client(Sock, Room);
    }),
    on(['tcp_closed', Sock], () => /** @type {const} */ ('ok')),
    on(['chat', _], async ([, Text]) => {
      await gen_tcp.send(Sock, Text);
      return client(Sock, Room);
    }),
  );
}

/**
 * @param {readonly Member[]} Members
 * @returns {Promise<never>}
 */
function room(Members) {
  return receive(
    on(['join', is(is_pid), is(is_binary)], ([, Pid, Name]) => {
      monitor('process', Pid);
      io.format('~s joined~n', [Name]);
      /** @type {readonly Member[]} */
      const Joined = [[Pid, Name], ...Members];
      broadcast(Joined, ['* ', Name, ' joined\n']);
      return room(Joined);
    }),
    on(['line', is(is_pid), _], ([, Pid, Line]) => {
      case_(
        lists.keyfind(Pid, 1, Members),
        on([Pid, _], ([, Name]) => broadcast(lists.keydelete(Pid, 1, Members), [Name, ': ', Line])),
        on(false, () => 'ignore'),
      );
      return room(Members);
    }),
    on(['DOWN', _, 'process', is(is_pid), _], ([, , , Pid]) => {
      const [, Name] = match([Pid, _], lists.keyfind(Pid, 1, Members));
      io.format('~s left~n', [Name]);
      const Rest = lists.keydelete(Pid, 1, Members);
      broadcast(Rest, ['* ', Name, ' left\n']);
      return room(Rest);
    }),
  );
}

/**
 * @param {readonly Member[]} Members
 * @param {unknown[]} Text iodata
 */
function broadcast(Members, Text) {
  for (const [Pid] of Members) send(Pid, ['chat', Text]);
  return 'ok';
}

await run(start, Number(process.argv[2] ?? process.env['PORT'] ?? 7001));
