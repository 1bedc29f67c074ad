// handle_continue runs before the next message, from init and every callback;
// a timeout in a return sends handle_info(timeout) when no message comes, and
// a message that comes first cancels it; bad returns end the server with
// {bad_return_value, V} from handle_call, handle_cast, handle_info. collect/0 waits 250 ms for
// events: margins of 220 ms over the 30 ms timeouts, so a loaded machine keeps the order.
import { _, after, io, list, monitor, on, receive, send, self, type List, type Pid } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './gs_continue_timeout.js';

export const MODULE = 'gs_continue_timeout';

type R = readonly unknown[];

export default async function main(): Promise<void> {
  const [, P] = (await gen_server.start(self_, self(), [])) as ['ok', Pid];
  send(P, 'first');
  p(await collect());
  p(await gen_server.call(P, ['timeout', 30]));
  p(await collect());
  p(await gen_server.call(P, ['timeout', 100]));
  send(P, 'early');
  p(await collect());
  gen_server.cast(P, ['continue_then', 20]);
  p(await collect());
  send(P, ['noreply_timeout', 0]);
  p(await collect());
  const Bad = async (Send: (S: Pid) => unknown): Promise<unknown> => {
    const [, S] = (await gen_server.start(self_, self(), [])) as ['ok', Pid];
    await collect();
    const M = monitor('process', S);
    await Send(S);
    return receive(
      on(['DOWN', M, _, _, _], ([, , , , Reason]) => Reason),
      after(200, () => 'none'),
    );
  };
  p(await Bad((S) => catch_(() => gen_server.call(S, 'bad'))));
  p(await Bad((S) => gen_server.cast(S, 'bad')));
  p(await Bad((S) => send(S, 'bad')));
  p(await Bad((S) => send(S, 'bad_continue')));
}

function p(X: unknown): void {
  io.format('~p~n', [X]);
}

async function collect(): Promise<List> {
  return receive(
    on(['event', _], async ([, E]) => list(E, ...(await collect()))),
    after(250, () => list()),
  );
}

export function init(Parent: Pid): R {
  return ['ok', Parent, ['continue', 'from_init']];
}

export function handle_continue(C: unknown, Parent: Pid): R {
  if (C === 'from_init') {
    send(Parent, ['event', ['continue', 'from_init']]);
    return ['noreply', Parent];
  }
  if (C === 'bad') return 'bad_from_continue' as unknown as R;
  send(Parent, ['event', 'continued']);
  return ['noreply', Parent, (C as [string, number])[1]];
}

export function handle_call(Req: unknown, _From: unknown, Parent: Pid): R {
  if (Req === 'bad') return ['reply'];
  const T = (Req as [string, number])[1];
  return ['reply', ['armed', T], Parent, T];
}

export function handle_cast(Req: unknown, Parent: Pid): R {
  if (Req === 'bad') return ['noreply'];
  return ['noreply', Parent, ['continue', ['then_timeout', (Req as [string, number])[1]]]];
}

export function handle_info(Msg: unknown, Parent: Pid): R {
  if (Msg === 'timeout') {
    send(Parent, ['event', 'timeout']);
    return ['noreply', Parent];
  }
  if (Array.isArray(Msg) && Msg[0] === 'noreply_timeout') return ['noreply', Parent, Msg[1]];
  if (Msg === 'bad') return ['stop'];
  if (Msg === 'bad_continue') return ['noreply', Parent, ['continue', 'bad']];
  send(Parent, ['event', ['info', Msg]]);
  return ['noreply', Parent];
}
