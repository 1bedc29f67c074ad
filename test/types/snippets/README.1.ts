// README.md, code block 1, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import {
  spawn,
  spawn_link,
  self,
  send,
  receive,
  on,
  after,
  _,
  is,
  is_pid,
  run,
  io,
  exit,
  process_flag,
} from 'erlts';

// pong() -> receive {ping, From} when is_pid(From) -> From ! pong, pong(); stop -> ok end.
async function pong(): Promise<string> {
  return receive(
    on(['ping', is(is_pid)], ([, From]) => {
      send(From, 'pong');
      return pong();
    }),
    on('stop', () => 'ok'),
  );
}

await run(async () => {
  const Pong = spawn(pong);
  send(Pong, ['ping', self()]);
  const Reply = await receive(
    on('pong'),
    after(1000, () => 'timeout'),
  );
  io.format('got ~p from ~p~n', [Reply, Pong]);
  send(Pong, 'stop');

  // A process trapping exits gets {'EXIT', Pid, Reason} from a linked process that dies.
  process_flag('trap_exit', true);
  const Worker = spawn_link(() => exit('boom'));
  const Reason = await receive(
    on(['EXIT', Worker, _], ([, , R]) => R),
    after(1000),
  );
  io.format('~p exited: ~p~n', [Worker, Reason]);
});
