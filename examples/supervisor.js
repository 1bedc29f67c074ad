// @ts-check
// A hand-made supervisor: it traps exits, and restarts its worker each time
// the worker crashes, until the restart limit is reached.
//   node examples/supervisor.js
//
// start() -> spawn(fun() -> process_flag(trap_exit, true), supervise(start_worker(), 0) end).
// supervise(Worker, Restarts) ->
//     receive
//         {'EXIT', Worker, normal} -> io:format("worker done~n");
//         {'EXIT', Worker, Reason} when Restarts < 3 ->
//             io:format("worker ~p died: ~p, restarting~n", [Worker, Reason]),
//             supervise(start_worker(), Restarts + 1);
//         {'EXIT', Worker, Reason} -> io:format("giving up: ~p~n", [Reason]), exit(shutdown)
//     end.
import { _, exit, io, on, process_flag, receive, run, spawn_link, timer } from 'erlts';

let attempts = 0;

/** A worker that crashes on its first two runs and then finishes its job. */
async function worker() {
  attempts += 1;
  await timer.sleep(10);
  if (attempts < 3) exit(['failed_attempt', attempts]);
  io.format('worker finished on attempt ~b~n', [attempts]);
}

function start_worker() {
  return spawn_link(worker);
}

/**
 * @param {import('erlts').Pid} Worker
 * @param {number} Restarts
 * @returns {Promise<void>}
 */
async function supervise(Worker, Restarts) {
  return receive(
    on(['EXIT', Worker, 'normal'], () => {
      io.format('worker done~n');
    }),
    on(
      ['EXIT', Worker, _],
      () => Restarts < 3,
      async ([, , Reason]) => {
        io.format('worker ~p died: ~p, restarting~n', [Worker, Reason]);
        return supervise(start_worker(), Restarts + 1);
      },
    ),
    on(['EXIT', Worker, _], ([, , Reason]) => {
      io.format('giving up: ~p~n', [Reason]);
      exit('shutdown');
    }),
  );
}

await run(async () => {
  process_flag('trap_exit', true);
  await supervise(start_worker(), 0);
});
