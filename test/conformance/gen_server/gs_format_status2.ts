// The old format_status/2: what sys:get_status shows for normal (a list of
// sections, or a term put in [{data, [{"State", T}]}]), what the terminate
// report shows for terminate, and a format_status/2 that crashes.
import * as erlang from 'erlts';
import { _, io, list, logger, monitor, on, receive, timer, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as sys from 'erlts/sys';
import * as self_ from './gs_format_status2.js';

export const MODULE = 'gs_format_status2';

const str = (s: string) => list(...Buffer.from(s));

export default async function main(): Promise<void> {
  const [, P1] = (await gen_server.start(self_, 'sections', [])) as ['ok', Pid];
  p((await sys.get_status(P1))[3][4]);
  const [, P2] = (await gen_server.start(self_, 'term', [])) as ['ok', Pid];
  p((await sys.get_status(P2))[3][4]);
  const [, P3] = (await gen_server.start(self_, 'crash', [])) as ['ok', Pid];
  p((await sys.get_status(P3))[3][4]);
  logger.add_handler('gfs_cap', log);
  for (const P of [P1, P2, P3]) {
    const M = monitor('process', P);
    gen_server.cast(P, 'stop');
    await receive(on(['DOWN', M, _, _, _], () => timer.sleep(5)));
  }
  logger.remove_handler('gfs_cap');
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

function log(Event: logger.LogEvent): void {
  const m = /\*\* When Server state == ([^\n]*)/.exec(Event.text);
  if (m !== null) io.format('report state: ~ts~n', [Buffer.from(m[1] ?? '')]);
}

export function init(Kind: string): ['ok', string] {
  return ['ok', Kind];
}
export function handle_call(_: unknown, _From: unknown, S: unknown): ['reply', 'ok', unknown] {
  return ['reply', 'ok', S];
}
export function handle_cast(_: 'stop', S: unknown): ['stop', 'oops', unknown] {
  return ['stop', 'oops', S];
}
export function format_status(Opt: string, [, S]: [unknown, unknown]): unknown {
  if (S === 'crash') return erlang.error('bad');
  if (Opt === 'normal' && S === 'sections')
    return list(['data', list([str('Mine'), 'sections'])], ['data', list([str('More'), 1])]);
  if (Opt === 'normal') return ['shown', S];
  return ['terminating', S];
}
