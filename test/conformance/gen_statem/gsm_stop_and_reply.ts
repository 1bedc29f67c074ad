// stop_and_reply: the replies go out before terminate runs, then the machine exits (sorted:
// the other caller's forward races the EXIT).
import * as gen_statem from 'erlts/gen_statem';
import * as lists from 'erlts/lists';
import { _, after, io, list, on, process_flag, receive, self, send, spawn, timer, type Pid } from 'erlts';
import * as self_ from './gsm_stop_and_reply.js';

export default async function main(): Promise<void> {
  process_flag('trap_exit', true);
  const [, P] = (await gen_statem.start_link(self_, self(), [])) as [string, Pid];
  const Self = self();
  spawn(async () => send(Self, ['other', await gen_statem.call(P, 'wait')]));
  await timer.sleep(20);
  io.format('~p~n', [await gen_statem.call(P, 'stop')]);
  io.format('~p~n', [lists.sort(await flush())]);
}
async function flush(): Promise<unknown[]> {
  const out: unknown[] = [];
  for (;;) {
    const m = await receive(
      on(_, (x) => ({ x })),
      after(100, () => null),
    );
    if (m === null) return list(...out);
    out.push(m.x);
  }
}
export const callback_mode = () => 'handle_event_function';
export const init = (Parent: Pid) => ['ok', 's', [Parent, list()]];
export function handle_event(T: unknown, C: unknown, _S: unknown, D: [Pid, unknown[]]): unknown {
  const [, From] = T as [string, gen_statem.From];
  const [Parent, Fs] = D;
  if (C === 'wait') return ['keep_state', [Parent, list(From, ...Fs)]];
  return ['stop_and_reply', ['shutdown', 'done'], list(...[From, ...Fs].map((F) => ['reply', F, 'bye'])), D];
}
export function terminate(Reason: unknown, State: unknown, [Parent]: [Pid]): unknown {
  return send(Parent, ['terminate', Reason, State]);
}
