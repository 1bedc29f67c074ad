// spawn_monitor gives {Pid, Ref}; the DOWN carries each kind of exit.
// Terms holding refs print with ~w: an Erlang ref's text length varies from run to
// run, so ~p would break lines at different places.
import * as erlang from 'erlts';
import { self, spawn_monitor, exit, is_pid, is_reference, process_info, receive, on, _, io } from 'erlts';

export default async function main(): Promise<void> {
  const [P1, R1] = spawn_monitor(() => 'ok');
  io.format('pid and ref: ~p ~p~n', [is_pid(P1), is_reference(R1)]);
  await receive(on(['DOWN', R1, 'process', P1, _], (M1) => io.format('~w~n', [M1])));
  const [P2, R2] = spawn_monitor(() => exit(['shutdown', 'bye']));
  await receive(on(['DOWN', R2, 'process', P2, _], (M2) => io.format('~w~n', [M2])));
  const [P3, R3] = spawn_monitor(() => erlang.error('oops'));
  await receive(
    on(['DOWN', R3, 'process', P3, [_, _]], ([, , , , [Why3]]) => io.format('error: ~p~n', [Why3])),
  );
  const [P4, R4] = spawn_monitor(() => erlang.throw('ball'));
  await receive(
    on(['DOWN', R4, 'process', P4, [_, _]], ([, , , , [Why4]]) => io.format('throw: ~p~n', [Why4])),
  );
  const [P5, R5] = spawn_monitor(async () => receive(on('never', () => 'ok')));
  exit(P5, 'kill');
  await receive(on(['DOWN', R5, 'process', P5, _], ([, , , , Why5]) => io.format('killed: ~p~n', [Why5])));
  io.format('not linked: ~p~n', [process_info(self(), 'links')]);
}
