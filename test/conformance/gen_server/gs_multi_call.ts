// multi_call and abcast on this node and a node that is not there: replies
// and bad nodes, a name nobody has here, and a server that dies on the call.
import { after, io, is_process_alive, node, on, receive, send, self, _, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as self_ from './gs_multi_call.js';

export const MODULE = 'gs_multi_call';

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(['local', 'gmc_name'], self_, self(), [])) as ['ok', Pid];
  p(await gen_server.multi_call('gmc_name', 'ping'));
  p(await gen_server.multi_call([node(), 'other@host'], 'gmc_name', 'ping'));
  p(await gen_server.multi_call([node()], 'gmc_name', 'ping', 1000));
  p(await gen_server.multi_call([node()], 'nobody_here', 'ping'));
  p(gen_server.abcast('gmc_name', 'hello'));
  p(gen_server.abcast([node(), 'other@host'], 'gmc_name', 'again'));
  p(gen_server.abcast('nobody_here', 'hello'));
  p(
    await receive(
      on(['cast', _], ([, C1]) => C1),
      after(100, () => 'none'),
    ),
  );
  p(
    await receive(
      on(['cast', _], ([, C2]) => C2),
      after(100, () => 'none'),
    ),
  );
  p(await gen_server.multi_call([node()], 'gmc_name', 'die'));
  p(is_process_alive(P));
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

export function init(Parent: Pid): ['ok', Pid] {
  return ['ok', Parent];
}
export function handle_call(Req: unknown, _From: unknown, S: unknown): readonly unknown[] {
  return Req === 'ping' ? ['reply', 'pong', S] : ['stop', 'normal', S];
}
export function handle_cast(Msg: unknown, Parent: Pid): ['noreply', Pid] {
  send(Parent, ['cast', Msg]);
  return ['noreply', Parent];
}
