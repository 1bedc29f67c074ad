// proc_lib:start/start_link/start_monitor: what init_ack gives, a child that
// dies before it acks, a timeout, init_ack/2 and a second init_ack.
import {
  _,
  after,
  exit,
  io,
  is_reference,
  list,
  on,
  process_flag,
  receive,
  self,
  timer,
  type List,
  type Pid,
} from 'erlts';
import * as proc_lib from 'erlts/proc_lib';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './pl_start_results.js';

export const MODULE = 'pl_start_results';

export default async function main(): Promise<void> {
  p(await proc_lib.start(self_, 'ack', ['hello']));
  p(await proc_lib.start(self_, 'die', ['oops']));
  p(await proc_lib.start(self_, 'slow', [], 50));
  p(await proc_lib.start(self_, 'twice', []));
  p(
    await receive(
      on(['ack', _, _], ([, , Second]) => ['second', Second]),
      after(50, () => 'none'),
    ),
  );
  p(await proc_lib.start(self_, 'ack2', [self()]));
  process_flag('trap_exit', true);
  p(await proc_lib.start_link(self_, 'ack', ['linked']));
  p(await proc_lib.start_link(self_, 'die', ['oops']));
  p(await drain());
  p(await proc_lib.start_link(self_, 'slow', [], 50));
  // The linked child that acked ends 100 ms after its start: wait for its EXIT rather than race
  // it (a drain's 20 ms missed it on a slow run); the timed-out child's EXIT is flushed.
  p(
    await receive(
      on(['EXIT', _, 'normal'], (E) => list(E)),
      after(1000, () => list()),
    ),
  );
  p(await drain());
  const [R1, M1] = await proc_lib.start_monitor(self_, 'ack', ['monitored']);
  p([R1, is_reference(M1)]);
  const [R2, M2] = await proc_lib.start_monitor(self_, 'die', ['oops']);
  p(R2);
  p(
    await receive(
      on(['DOWN', M2, 'process', _, _], ([, , , , R]) => ['down', R]),
      after(100, () => 'none'),
    ),
  );
  const [R3, M3] = await proc_lib.start_monitor(self_, 'slow', [], 50);
  p(R3);
  p(
    await receive(
      on(['DOWN', M3, 'process', _, _], ([, , , , R4]) => ['down', R4]),
      after(100, () => 'none'),
    ),
  );
  const [, [Why]] = (await catch_(() =>
    proc_lib.start(self_, list(...Buffer.from('ack')) as unknown as string, []),
  )) as [string, [unknown]];
  p(Why);
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(20, () => list()),
  );
}

export async function ack(X: unknown): Promise<unknown> {
  proc_lib.init_ack(['ok', X]);
  return receive(
    on('stop', () => 'ok'),
    after(100, () => 'ok'),
  );
}
export function die(R: unknown): never {
  return exit(R);
}
export function slow(): Promise<unknown> {
  return timer.sleep(500);
}
export function twice(): 'ok' {
  proc_lib.init_ack('one');
  return proc_lib.init_ack('two');
}
export function ack2(Parent: Pid): 'ok' {
  return proc_lib.init_ack(Parent, ['via_ack2', self() !== Parent]);
}
