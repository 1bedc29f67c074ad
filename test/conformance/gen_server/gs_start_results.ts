// What gen_server:start/start_link/start_monitor return: {ok, Pid},
// {error, {already_started, Pid}}, ignore, {error, R} for {stop, R}, an init
// that crashes (error, exit) or returns a bad value, and a thrown result.
import * as erlang from 'erlts';
import {
  _,
  after,
  exit,
  io,
  is_reference,
  on,
  process_flag,
  receive,
  timer,
  whereis,
  type Pid,
  type Ref,
} from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as sys from 'erlts/sys';
import * as self_ from './gs_start_results.js';

export const MODULE = 'gs_start_results';

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(['local', 'gsr_name'], self_, 'ok', [])) as ['ok', Pid];
  const Again = (await gen_server.start(['local', 'gsr_name'], self_, 'ok', [])) as [string, [string, Pid]];
  p(Again[0] === 'error' && Again[1][0] === 'already_started' && Again[1][1] === P);
  p(await gen_server.start(self_, 'ignore', []));
  p(await gen_server.start(self_, ['stop', 'why'], []));
  p(await gen_server.start(self_, 'bad', []));
  const [, [R]] = (await gen_server.start(self_, ['error', 'oops'], [])) as ['error', [unknown, unknown]];
  p(R);
  p(await gen_server.start(self_, ['exit', 'bye'], []));
  const [, P2] = (await gen_server.start(self_, ['throw', ['ok', 'thrown']], [])) as ['ok', Pid];
  p(await sys.get_state(P2));
  p(await gen_server.start(self_, ['throw', 'ignore'], []));
  p(whereis('gsr_other'));
  p(await gen_server.start(['local', 'gsr_other'], self_, ['stop', 'why'], []));
  p(whereis('gsr_other'));
  process_flag('trap_exit', true);
  p(await gen_server.start_link(self_, ['stop', 'why'], []));
  p(
    await receive(
      on(['EXIT', _, _], ([, , R2]) => R2),
      after(100, () => 'none'),
    ),
  );
  p(await gen_server.start_link(self_, 'ignore', []));
  p(
    await receive(
      on(['EXIT', _, _], ([, , R3]) => R3),
      after(100, () => 'none'),
    ),
  );
  const [, [P3, Ref]] = (await gen_server.start_monitor(self_, 'ok', [])) as ['ok', [Pid, Ref]];
  p(is_reference(Ref));
  await gen_server.stop(P3);
  p(
    await receive(
      on(['DOWN', Ref, 'process', P3, _], ([, , , , R4]) => R4),
      after(100, () => 'none'),
    ),
  );
  p(await gen_server.start_monitor(self_, ['stop', 'why'], []));
  p(
    await receive(
      on(['DOWN', _, 'process', _, _], ([, , , , R5]) => R5),
      after(100, () => 'none'),
    ),
  );
  p(await gen_server.start(self_, 'sleep', [['timeout', 50]]));
  p((await gen_server.start(self_, 'ok', [['timeout', 50]])) !== ('error' as unknown));
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export async function init(Arg: unknown): Promise<readonly unknown[] | 'ignore'> {
  if (Arg === 'ok') return ['ok', 'state'];
  if (Arg === 'ignore') return 'ignore';
  if (Arg === 'bad') return ['okay', 'state'];
  if (Arg === 'sleep') {
    await timer.sleep(200);
    return ['ok', 'state'];
  }
  const [tag, X] = Arg as [string, unknown];
  if (tag === 'stop') return ['stop', X];
  if (tag === 'error') return erlang.error(X);
  if (tag === 'exit') return exit(X);
  return erlang.throw(X);
}

export function handle_call(_: unknown, _From: unknown, S: unknown): ['reply', 'ok', unknown] {
  return ['reply', 'ok', S];
}

export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
