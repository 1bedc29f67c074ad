// README.md, code block 5, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import assert from 'node:assert/strict';
import { spawn, self, send, receive, on, is, is_pid, _ } from 'erlts';
import { assert_receive } from 'erlts/mocha';

// echo() -> receive {echo, From, Msg} -> From ! Msg, echo() end.
async function echo(): Promise<never> {
  return receive(
    on(['echo', is(is_pid), _], ([, From, Msg]) => {
      send(From, Msg);
      return echo();
    }),
  );
}

describe('echo', () => {
  it('echoes (and forgets to stop the server)', async () => {
    const Pid = spawn(echo);
    send(Pid, ['echo', self(), 'hi']);
    assert.equal(await assert_receive('hi', 1000), 'hi');
  });
});
