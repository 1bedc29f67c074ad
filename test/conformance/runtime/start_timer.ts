// erlang:start_timer/3 delivers {timeout, TimerRef, Msg}.
import { self, start_timer, receive, on, after, _, list, io } from 'erlts';

export default async function main(): Promise<void> {
  const TRef = start_timer(20, self(), 'ping');
  io.format('timer ref: ~p~n', [TRef]);
  await receive(
    on(['timeout', TRef, _], (M) => io.format('~p~n', [M])),
    after(500, () => io.format('no timeout message~n')),
  );
  const T2 = start_timer(10, self(), ['nested', list(1, 2)]);
  await receive(on(['timeout', _, _], ([, R, Msg]) => io.format('same ref: ~p, msg: ~p~n', [R === T2, Msg])));
}
