// @ts-check
// The OTP Design Principles' supervisor (supervisor chapter), a literal port: ch_sup supervises
// the ch3 channel server (examples/ch3.js). Run it to see ch3 crash and come back with a new pid:
//   node examples/ch_sup.js
//
// -module(ch_sup).
// -behaviour(supervisor).
// -export([start_link/0]).
// -export([init/1]).
//
// start_link() -> supervisor:start_link({local, ch_sup}, ch_sup, []).
//
// init(_Args) ->
//     SupFlags = #{strategy => one_for_one, intensity => 1, period => 5},
//     ChildSpecs = [#{id => ch3,
//                     start => {ch3, start_link, []},
//                     restart => permanent,
//                     shutdown => brutal_kill,
//                     type => worker,
//                     modules => [ch3]}],
//     {ok, {SupFlags, ChildSpecs}}.
import { fileURLToPath } from 'node:url';
import { _, exit, io, monitor, on, receive, run, timer, unlink, whereis } from 'erlts';
import * as supervisor from 'erlts/supervisor';
import * as ch3 from './ch3.js';
import * as ch_sup from './ch_sup.js';

export const MODULE = 'ch_sup';

export const start_link = () => supervisor.start_link(['local', 'ch_sup'], ch_sup, []);

/** @param {unknown} _Args */
export function init(_Args) {
  const SupFlags = { strategy: 'one_for_one', intensity: 1, period: 5 };
  const ChildSpecs = [
    {
      id: 'ch3',
      start: [ch3, 'start_link', []],
      restart: 'permanent',
      shutdown: 'brutal_kill',
      type: 'worker',
      modules: [ch3],
    },
  ];
  return ['ok', [SupFlags, ChildSpecs]];
}

/** A short session: start, which_children, a crash of ch3 and its restart with a new pid. */
async function main() {
  const [, Sup] = /** @type {[string, import('erlts').Pid]} */ (await start_link());
  io.format('ch_sup started: ~p~n', [Sup === whereis('ch_sup')]);
  const [Id, Pid1, Type] = /** @type {supervisor.ChildInfo} */ (
    (await supervisor.which_children('ch_sup'))[0]
  );
  io.format('child ~p is a ~p: ~p~n', [Id, Type, Pid1]);
  io.format('alloc: ~p, alloc: ~p~n', [await ch3.alloc(), await ch3.alloc()]);
  io.format('crashing ch3~n', []);
  exit(/** @type {import('erlts').Pid} */ (Pid1), 'kill');
  await timer.sleep(50);
  const [, Pid2] = /** @type {supervisor.ChildInfo} */ ((await supervisor.which_children('ch_sup'))[0]);
  io.format('ch3 restarted: ~p, new pid: ~p~n', [Pid2 !== Pid1, Pid2]);
  io.format('fresh state, alloc: ~p~n', [await ch3.alloc()]);
  io.format('~p~n', [await supervisor.count_children('ch_sup')]);
  unlink(Sup);
  const Ref = monitor('process', Sup);
  exit(Sup, 'shutdown');
  await receive(
    on(['DOWN', Ref, 'process', Sup, _], ([, , , , Why]) => io.format('ch_sup stopped: ~p~n', [Why])),
  );
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run(main);
