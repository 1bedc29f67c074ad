// badarg for a send to an unknown name and for the register/unregister
// misuses; whereis of an unknown name is undefined.
import { send, spawn, spawn_monitor, register, unregister, whereis, node, receive, on, _, io } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

/** Erlang's `try Expr of _ -> OnValue catch C:R -> OnError(C, R) end`. */
function tryOf(expr: () => unknown, onValue: () => void, onError: (C: string, R: unknown) => void): void {
  let ok = false;
  try {
    expr();
    ok = true;
  } catch (e) {
    const [C, R] = classOf(e);
    onError(C, R);
  }
  if (ok) onValue();
}

export default async function main(): Promise<void> {
  tryOf(
    () => send('conf_unknown', 'hello'),
    () => io.format('sent~n'),
    (C1, R1) => io.format('send to unknown name: ~p:~p~n', [C1, R1]),
  );
  io.format('whereis unknown: ~p~n', [whereis('conf_unknown')]);
  const P = spawn(async () => receive(on('stop', () => 'ok')));
  const Q = spawn(async () => receive(on('stop', () => 'ok')));
  register('conf_taken', P);
  tryOf(
    () => register('conf_taken', Q),
    () => io.format('registered twice~n'),
    (C2, R2) => io.format('register a taken name: ~p:~p~n', [C2, R2]),
  );
  tryOf(
    () => register('conf_other', P),
    () => io.format('registered a pid twice~n'),
    (C3, R3) => io.format('register a registered pid: ~p:~p~n', [C3, R3]),
  );
  tryOf(
    () => unregister('conf_unknown'),
    () => io.format('unregistered~n'),
    (C4, R4) => io.format('unregister unknown: ~p:~p~n', [C4, R4]),
  );
  tryOf(
    () => register('undefined', Q),
    () => io.format('registered undefined~n'),
    (C5, R5) => io.format('register undefined: ~p:~p~n', [C5, R5]),
  );
  const [Dead, Ref] = spawn_monitor(() => 'ok');
  await receive(on(['DOWN', Ref, 'process', Dead, _], () => 'ok'));
  tryOf(
    () => register('conf_dead', Dead),
    () => io.format('registered a dead pid~n'),
    (C6, R6) => io.format('register a dead pid: ~p:~p~n', [C6, R6]),
  );
  io.format('send to unknown {name, node}: ~p~n', [send(['conf_unknown', node()], 'hello')]);
  io.format('whereis taken is P: ~p~n', [whereis('conf_taken') === P]);
  unregister('conf_taken');
  send(P, 'stop');
  send(Q, 'stop');
}
