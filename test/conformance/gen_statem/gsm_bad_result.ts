// Bad results and actions: the exit reasons OTP builds for them.
import * as gen_statem from 'erlts/gen_statem';
import { _, io, list, logger, monitor, on, receive, type Pid } from 'erlts';
import * as self_ from './gsm_bad_result.js';

export default async function main(): Promise<void> {
  logger.remove_handler('default');
  try {
    for (const Bad of [
      'garbage',
      ['next_state', 's', 'd', list(['bogus', 1])],
      ['keep_state', 'd', list(['reply', 'notfrom', 'x'])],
      ['keep_state', 'd', list(['timeout', -1, 'x'])],
      ['keep_state', 'd', list(['next_event', 'nosuch', 'x'])],
      ['stop_and_reply', 'normal', list('bad')],
      ['keep_state', 'd', list(['state_timeout', 10, 'x', list(['abs', 'maybe'])])],
    ]) {
      const [, P] = (await gen_statem.start(self_, list(), [])) as [string, Pid];
      const M = monitor('process', P);
      gen_statem.cast(P, Bad);
      await receive(
        on(['DOWN', M, 'process', P, [_, _]], ([, , , , [Reason]]) => io.format('~w~n', [Reason])),
      );
    }
  } finally {
    logger.add_handler('default', logger.default_handler);
  }
}
export const callback_mode = () => 'handle_event_function';
export const init = () => ['ok', 's', list()];
export const handle_event = (_T: unknown, Result: unknown) => Result;
