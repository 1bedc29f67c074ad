// README.md, code block 6, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import { test } from 'node:test';
import { spawn, self, send, exit, receive, on, is, is_pid, _ } from 'erlts';
import { erltsHooks, assert_receive } from 'erlts/node-test';

erltsHooks();

async function echo(): Promise<never> {
  return receive(
    on(['echo', is(is_pid), _], ([, From, Msg]) => {
      send(From, Msg);
      return echo();
    }),
  );
}

test('echoes', async () => {
  const Pid = spawn(echo);
  send(Pid, ['echo', self(), 'hi']);
  await assert_receive('hi');
  exit(Pid, 'kill');
});
