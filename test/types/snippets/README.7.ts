// README.md, code block 7, kept here by test/types/doc-snippets.test.ts so that
// `npm run typecheck` compiles it (ERLTS_WRITE_SNIPPETS=1 rewrites this file).
import assert from 'node:assert/strict';
import { _, after, on, receive, self, send, spawn, type Pid } from 'erlts';
import { check, simulate } from 'erlts/sim';

it('gives up after 30 s of silence, in a few ms of wall time', async () => {
  const r = await simulate({ seed: 1 }, () =>
    receive(
      on('ping', () => 'pong'),
      after(30_000, () => 'gave up'),
    ),
  );
  assert.equal(r.result, 'gave up');
  assert.equal(r.virtualMs, 30_000);
});

// counter(N) -> receive {add, From, K} -> From ! {sum, N + K}, counter(N + K) end.
async function counter(n: number): Promise<never> {
  return receive(
    on(['add', _, _], ([, from, k]) => {
      send(from as Pid, ['sum', n + (k as number)]);
      return counter(n + (k as number));
    }),
  );
}

async function twoClients(): Promise<void> {
  const me = self();
  const c = spawn(counter, 0);
  for (let i = 0; i < 2; i++) {
    spawn(async () => {
      send(c, ['add', self(), 1]);
      send(me, await receive(on(['sum', _], ([, sum]) => sum)));
    });
  }
  const sums = [await receive(on(_, (x) => x)), await receive(on(_, (x) => x))];
  assert.deepEqual(sums.sort(), [1, 2]);
}

it('adds every update in any interleaving', () => check({ runs: 1000, seed: 1 }, twoClients));
