// The exit reasons of failed calls: noproc (name, dead pid), timeout, calling_self is not
// reachable here, and a machine that dies during the call.
import * as gen_statem from 'erlts/gen_statem';
import { flush as _flush, io, is_pid, list, timer, after, on, receive, _, type Pid } from 'erlts';
import { catch_ } from '../erlang-exceptions.js';
import * as self_ from './gsm_call_fail.js';

export default async function main(): Promise<void> {
  show(await catch_(() => gen_statem.call('nobody_here', 'hello')));
  show(await catch_(() => gen_statem.call('nobody_here', 'hello', 100)));
  const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
  show(await catch_(() => gen_statem.call(P, ['sleep', 200], 50)));
  show(await catch_(() => gen_statem.call(P, ['die', ['shutdown', 'died']])));
  show(await catch_(() => gen_statem.call(P, 'hello', ['clean_timeout', 10])));
  io.format('~p~n', [await flush()]);
}
function show(r: unknown): void {
  const [, [Reason, [, , [Ref, Req, T]]]] = r as [string, [unknown, [string, string, unknown[]]]];
  io.format('~w ~w ~w ~w~n', [Reason, is_pid(Ref) || Ref, Req, T]);
}
async function flush(): Promise<unknown> {
  const out: unknown[] = [];
  for (;;) {
    const m = await receive(
      on(_, (x) => ({ x })),
      after(250, () => null),
    );
    if (m === null) return list(...out);
    out.push(m.x);
  }
}
void _flush;
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export async function handle_event(T: unknown, C: unknown): Promise<unknown> {
  const [, From] = T as [string, gen_statem.From];
  const [tag, arg] = C as [string, unknown];
  if (tag === 'sleep') {
    await timer.sleep(arg as number);
    return ['keep_state_and_data', ['reply', From, 'late']];
  }
  return ['stop', arg];
}
