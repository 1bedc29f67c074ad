// @ts-check
// A registered server answering calls, the pattern gen_server is made of:
// each request carries a fresh reference and the reply is matched on it.
//   node examples/counter_server.js
//
// start() -> register(counter, spawn(fun() -> loop(0) end)).
// loop(N) ->
//     receive
//         {call, From, Ref, increment} -> From ! {Ref, N + 1}, loop(N + 1);
//         {call, From, Ref, read}      -> From ! {Ref, N}, loop(N);
//         stop -> ok
//     end.
// call(Request) ->
//     Ref = make_ref(),
//     counter ! {call, self(), Ref, Request},
//     receive {Ref, Reply} -> Reply after 1000 -> exit(timeout) end.
import { _, after, exit, io, make_ref, on, receive, register, run, self, send, spawn } from 'erlts';

/**
 * @param {number} N
 * @returns {Promise<'ok'>}
 */
async function loop(N) {
  return receive(
    on(['call', _, _, 'increment'], ([, From, Ref]) => {
      send(/** @type {import('erlts').Pid} */ (From), [Ref, N + 1]);
      return loop(N + 1);
    }),
    on(['call', _, _, 'read'], ([, From, Ref]) => {
      send(/** @type {import('erlts').Pid} */ (From), [Ref, N]);
      return loop(N);
    }),
    on('stop', () => /** @type {const} */ ('ok')),
  );
}

function start() {
  return register(
    'counter',
    spawn(() => loop(0)),
  );
}

/** @param {string} Request */
async function call(Request) {
  const Ref = make_ref();
  send('counter', ['call', self(), Ref, Request]);
  return receive(
    on([Ref, _], ([, Reply]) => Reply),
    after(1000, () => exit('timeout')),
  );
}

await run(async () => {
  start();
  for (let i = 0; i < 3; i++) await call('increment');
  io.format('counter is ~p~n', [await call('read')]);
  send('counter', 'stop');
});
