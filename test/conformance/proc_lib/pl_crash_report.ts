// proc_lib's crash report as logger formats it, captured by a handler: the
// class and the explanation of each common error reason, a long reason that
// wraps, a process with a registered name, messages, a dictionary and a
// linked neighbour. Stack lines and sizes differ by design and are left out.
import * as erlang from 'erlts';
import {
  _,
  exit,
  io,
  list,
  logger,
  monitor,
  on,
  put,
  receive,
  register,
  self,
  send,
  spawn_monitor,
  timer,
} from 'erlts';
import * as lists from 'erlts/lists';
import * as proc_lib from 'erlts/proc_lib';
import * as self_ from './pl_crash_report.js';

export const MODULE = 'pl_crash_report';

export default async function main(): Promise<void> {
  logger.add_handler('pl_cap', log);
  for (const [C, R] of [
    ['error', 'badarg'],
    ['error', 'badarith'],
    ['error', ['badmatch', list(1, 2)]],
    ['error', ['case_clause', ['a', 'b']]],
    ['error', 'if_clause'],
    ['error', ['try_clause', 'x']],
    ['error', ['badkey', 'k']],
    ['error', ['badmap', 'not_a_map']],
    ['error', ['badfun', 42]],
    ['error', 'noproc'],
    ['error', 'system_limit'],
    ['error', 'timeout_value'],
    ['error', ['some', 'other', 'reason']],
    ['exit', 'boom'],
    ['throw', 'oops'],
    ['exit', ['shutdown', 'quiet']],
    ['exit', lists.seq(1, 40)],
  ] as [string, unknown][])
    await run('crash', [C, R]);
  await run('crash_busy', []);
  logger.remove_handler('pl_cap');
}

async function run(F: string, A: unknown[]): Promise<void> {
  const [Pid, Ref] = spawn_monitor(async () => {
    const P = proc_lib.spawn(self_, F, A);
    const M = monitor('process', P);
    await receive(on(['DOWN', M, _, _, _], () => 'ok'));
  });
  await receive(on(['DOWN', Ref, 'process', Pid, _], () => timer.sleep(5)));
}

export function crash(Class: string, R: unknown): never {
  if (Class === 'error') return erlang.error(R);
  if (Class === 'exit') return exit(R);
  return erlang.throw(R);
}

export async function crash_busy(): Promise<never> {
  register('pl_busy', self());
  put('key', list('value', lists.seq(1, 30)));
  send(self(), ['hello', list(...Buffer.from('world'))]);
  send(self(), lists.seq(1, 25));
  proc_lib.spawn_link(self_, 'neighbour', []);
  await timer.sleep(20);
  return exit(['busy', lists.seq(1, 30)]);
}

export async function neighbour(): Promise<void> {
  await receive(on('stop', () => 'ok'));
}

function log(Event: logger.LogEvent): void {
  io.format('-- ~p~n', [Event.level]);
  for (const L of Event.text.split('\n')) {
    if (L.startsWith('      current_stacktrace')) break;
    if (keep(L)) io.format('~ts~n', [Buffer.from(L, 'utf8')]);
  }
}

// Stacks differ by design, and so do heap and stack sizes and reductions.
function keep(L: string): boolean {
  return ![
    '      in ',
    '    heap_size',
    '    stack_size',
    '    reductions',
    '        heap_size',
    '        stack_size',
    '        reductions',
    '        current_function',
    '      heap_size',
    '      stack_size',
    '      reductions',
  ].some((P) => L.startsWith(P));
}
