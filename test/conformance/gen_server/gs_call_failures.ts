// Every way gen_server:call/2,3 fails, and the exit reason the caller gets:
// noproc for a name and for a dead pid, {nodedown, N}, calling_self,
// timeout (and the late reply dropped), and the server's own reason.
import * as erlang from 'erlts';
import {
  _,
  after,
  exit,
  io,
  is_process_alive,
  list,
  on,
  receive,
  self,
  spawn,
  timer,
  type List,
} from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './gs_call_failures.js';

export const MODULE = 'gs_call_failures';

export default async function main(): Promise<void> {
  p(await catch_(() => gen_server.call('nobody', 'hello')));
  p(await catch_(() => gen_server.call('nobody', 'hello', 100)));
  const [, Pid] = (await gen_server.start(self_, list(), [])) as ['ok', erlang.Pid];
  await gen_server.stop(Pid);
  p(await catch_(() => gen_server.call(Pid, 'hello')));
  p(await catch_(() => gen_server.call(['nobody', 'other@host'], 'hello')));
  const [, Pid2] = (await gen_server.start(self_, list(), [])) as ['ok', erlang.Pid];
  p(await gen_server.call(Pid2, 'self_call'));
  p(await catch_(() => gen_server.call(Pid2, ['sleep', 100], 30)));
  await timer.sleep(150);
  p(await drain());
  p(await catch_(() => gen_server.call(Pid2, ['exit', 'boom'])));
  p(is_process_alive(Pid2));
  const [, Pid3] = (await gen_server.start(self_, list(), [])) as ['ok', erlang.Pid];
  p(await catch_(() => gen_server.call(Pid3, ['exit', ['shutdown', 'bye']], 'infinity')));
  const [, Pid4] = (await gen_server.start(self_, list(), [])) as ['ok', erlang.Pid];
  const [, [, Where]] = (await catch_(() => gen_server.call(Pid4, 'divide'))) as [string, [unknown, unknown]];
  p(Where);
  const [, Pid5] = (await gen_server.start(self_, list(), [])) as ['ok', erlang.Pid];
  spawn(async () => {
    await timer.sleep(20);
    exit(Pid5, 'kill');
  });
  p(await catch_(() => gen_server.call(Pid5, ['sleep', 200])));
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}

export function init(_: unknown): ['ok', List] {
  return ['ok', list()];
}

export async function handle_call(
  Req: unknown,
  _From: gen_server.From,
  S: List,
): Promise<readonly unknown[]> {
  if (Req === 'self_call') return ['reply', await catch_(() => gen_server.call(self(), 'x')), S];
  if (Array.isArray(Req) && Req[0] === 'sleep') {
    await timer.sleep(Req[1] as number);
    return ['reply', 'late', S];
  }
  if (Array.isArray(Req) && Req[0] === 'exit') return exit(Req[1]);
  if (Req === 'divide') return S.length === 0 ? erlang.error('badarith') : ['reply', 1, S];
  return erlang.error('function_clause');
}

export function handle_cast(_: unknown, S: unknown): ['noreply', unknown] {
  return ['noreply', S];
}
