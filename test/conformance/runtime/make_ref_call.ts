// The call pattern: a fresh ref in the request, a receive on {Ref, Reply}
// that skips unrelated messages and stale replies, which stay in order.
// Terms holding refs print with ~w: an Erlang ref's text length varies from run to
// run, so ~p would break lines at different places.
import {
  self,
  send,
  spawn,
  make_ref,
  receive,
  on,
  after,
  _,
  is,
  is_pid,
  is_reference,
  list,
  io,
  type List,
  type Pid,
} from 'erlts';

export default async function main(): Promise<void> {
  const Server = spawn(server);
  const Stale = make_ref();
  send(self(), 'unrelated1');
  send(self(), [Stale, 'stale_reply']);
  send(self(), 'unrelated2');
  const R1 = await call(Server, ['add', 1, 2]);
  const R2 = await call(Server, ['add', 10, 20]);
  io.format('replies: ~p ~p~n', [R1, R2]);
  io.format('refs differ: ~p~n', [make_ref() !== make_ref()]);
  io.format('left: ~w~n', [await drain()]);
  io.format('timeout: ~p~n', [await call(Server, 'ignore_me')]);
  send(Server, 'stop');
}

async function call(Server: Pid, Request: unknown): Promise<unknown> {
  const Ref = make_ref();
  send(Server, ['call', self(), Ref, Request]);
  return receive(
    on([Ref, _], ([, Reply]) => Reply),
    after(50, () => 'timeout'),
  );
}

async function server(): Promise<void> {
  await receive(
    on(['call', is(is_pid), is(is_reference), ['add', _, _]], async ([, From, Ref, [, A, B]]) => {
      send(From, 'unrelated_noise');
      send(From, [Ref, (A as number) + (B as number)]);
      await server();
    }),
    on(['call', _, _, _], () => server()),
    on('stop', () => 'ok'),
  );
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
