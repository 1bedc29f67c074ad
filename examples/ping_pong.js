// @ts-check
// The ping-pong of Erlang's Getting Started guide (tut15), line by line.
//   node examples/ping_pong.js
//
// -module(tut15).
// ping(0, Pong_PID) -> Pong_PID ! finished, io:format("ping finished~n", []);
// ping(N, Pong_PID) ->
//     Pong_PID ! {ping, self()},
//     receive pong -> io:format("Ping received pong~n", []) end,
//     ping(N - 1, Pong_PID).
// pong() ->
//     receive
//         finished -> io:format("Pong finished~n", []);
//         {ping, Ping_PID} -> io:format("Pong received ping~n", []), Ping_PID ! pong, pong()
//     end.
// start() -> Pong_PID = spawn(tut15, pong, []), spawn(tut15, ping, [3, Pong_PID]).
import { io, is, is_pid, on, receive, self, send, spawn } from 'erlts';

/**
 * @param {number} N
 * @param {import('erlts').Pid} Pong_PID
 * @returns {Promise<void>}
 */
async function ping(N, Pong_PID) {
  if (N === 0) {
    send(Pong_PID, 'finished');
    io.format('ping finished~n', []);
    return;
  }
  send(Pong_PID, ['ping', self()]);
  await receive(on('pong', () => io.format('Ping received pong~n', [])));
  return ping(N - 1, Pong_PID);
}

/** @returns {Promise<void>} */
async function pong() {
  return receive(
    on('finished', () => {
      io.format('Pong finished~n', []);
    }),
    on(['ping', is(is_pid)], async ([, Ping_PID]) => {
      io.format('Pong received ping~n', []);
      send(Ping_PID, 'pong');
      return pong();
    }),
  );
}

function start() {
  const Pong_PID = spawn(pong);
  return spawn(ping, 3, Pong_PID);
}

start();
