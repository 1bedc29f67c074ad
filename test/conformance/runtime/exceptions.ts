// try/catch sees the three classes; catch turns them into values.
import * as erlang from 'erlts';
import { exit, is_list, io } from 'erlts';
import { catch_, classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  for (const F of [
    () => erlang.error('badarg'),
    () => erlang.error(['custom', 1]),
    () => exit('bye'),
    () => exit(['shutdown', 'x']),
    () => erlang.throw('ball'),
    () => erlang.throw(['nested', erlang.list(1, 2)]),
    () => 'fine',
  ]) {
    show(F);
  }
  io.format('catch throw: ~p~n', [await catch_(() => erlang.throw('ball'))]);
  io.format('catch exit: ~p~n', [await catch_(() => exit('bye'))]);
  const [, [Why, Stack]] = (await catch_(() => erlang.error('oops'))) as ['EXIT', [unknown, unknown]];
  io.format('catch error: ~p (stack is a list: ~p)~n', [Why, is_list(Stack)]);
  io.format('catch value: ~p~n', [await catch_(() => 'ok')]);
}

function show(F: () => unknown): void {
  let V: unknown;
  try {
    V = F();
  } catch (e) {
    const [Class, R] = classOf(e);
    if (Class === 'error') io.format('error ~p~n', [R]);
    else if (Class === 'exit') io.format('exit ~p~n', [R]);
    else io.format('throw ~p~n', [R]);
    return;
  }
  io.format('value ~p~n', [V]);
}
