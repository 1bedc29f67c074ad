// The error report of a gen_server that terminates abnormally, as logger
// formats it, captured by a handler: for a crash in handle_call (with the
// client), a bad return from handle_cast, a {stop, R} from handle_info, and
// format_status/1 shaping it. No report for normal, shutdown, {shutdown, _}.
// Lines that differ by design (stacks, heap sizes) are left out in both.
import * as erlang from 'erlts';
import { _, after, exit, io, list, logger, monitor, on, receive, send, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './gs_terminate_report.js';

export const MODULE = 'gs_terminate_report';

export default async function main(): Promise<void> {
  logger.add_handler('gs_cap', log);
  const [, P1] = (await gen_server.start(['local', 'gs_rep'], self_, 'plain', [])) as ['ok', Pid];
  await catch_(() => gen_server.call('gs_rep', ['crash', list(1, 2, 3)]));
  await wait(P1);
  const [, P2] = (await gen_server.start(self_, 'plain', [])) as ['ok', Pid];
  gen_server.cast(P2, 'bad');
  await wait(P2);
  const [, P3] = (await gen_server.start(self_, 'plain', [])) as ['ok', Pid];
  send(P3, ['stop', ['shutdown', 'quiet']]);
  await wait(P3);
  const [, P4] = (await gen_server.start(self_, 'plain', [])) as ['ok', Pid];
  send(P4, ['stop', 'normal']);
  await wait(P4);
  const [, P5] = (await gen_server.start(self_, 'formatted', [])) as ['ok', Pid];
  send(P5, ['stop', ['oops', list(...Buffer.from('text'))]]);
  await wait(P5);
  const [, P7] = (await gen_server.start(self_, 'plain', [])) as ['ok', Pid];
  send(P7, ['error', 'badarg']);
  await wait(P7);
  logger.remove_handler('gs_cap');
}

async function wait(P: Pid): Promise<void> {
  const Ref = monitor('process', P);
  await receive(
    on(['DOWN', Ref, _, _, _], () => timer.sleep(5)),
    after(200, () => 'ok'),
  );
}

function log(Event: logger.LogEvent): void {
  io.format('-- ~p~n', [Event.level]);
  for (const L of Event.text.split('\n')) if (keep(L)) io.format('~ts~n', [Buffer.from(trim(L), 'utf8')]);
}

// Stacks differ by design: frames, the client's stack, heap and stack sizes.
function keep(L: string): boolean {
  return !(
    ['      in ', '    heap_size', '    stack_size', '    reductions', '** ['].some((P) => L.startsWith(P)) ||
    /^ +[['{]/.test(L)
  );
}

function trim(L: string): string {
  const i = L.indexOf('[{');
  return i < 0 ? L : L.slice(0, i);
}

export function init(Kind: unknown): ['ok', unknown] {
  return ['ok', [Kind, list('a', 'b')]];
}

export function handle_call(Req: [string, unknown], _From: unknown, S: unknown): never {
  return exit(['crashed', Req[1], S]);
}

export function handle_cast(_Req: 'bad', _S: unknown): readonly unknown[] {
  return 'no_tuple' as unknown as readonly unknown[]; // a bad return, on purpose
}

export function handle_info(Info: unknown, S: unknown): readonly unknown[] {
  const [tag, R] = Info as [string, unknown];
  if (tag === 'stop') return ['stop', R, S];
  return erlang.error(R);
}

export function format_status(Status: { state: unknown }): unknown {
  const [Kind] = Status.state as [unknown];
  return Kind === 'formatted' ? { ...Status, state: 'hidden' } : Status;
}
