/**
 * erlts/sim: explored runs per second of a 10-process scenario (a counter server, eight clients
 * that each add one with a call, and the scenario's own process checking the sum).
 * Prints one JSON line: {"runsPerSec": ...}. Run in a fresh process per measurement.
 *   node --conditions=erlts-source --import tsx bench/cases/sim.ts explore
 */
import { _, on, receive, self, send, spawn, type Pid } from 'erlts';
import { explore } from 'erlts/sim';

const runs = 500;

async function server(n: number): Promise<number> {
  return receive(
    on(['add', _, _], ([, from, k]) => {
      send(from as Pid, ['sum', n + (k as number)]);
      return server(n + (k as number));
    }),
    on(['get', _], ([, from]) => {
      send(from as Pid, ['sum', n]);
      return server(n);
    }),
  );
}

async function scenario(): Promise<number> {
  const me = self();
  const counter = spawn(server, 0);
  for (let i = 0; i < 8; i++) {
    spawn(async () => {
      send(counter, ['add', self(), 1]);
      await receive(on(['sum', _]));
      send(me, 'done');
    });
  }
  for (let i = 0; i < 8; i++) await receive(on('done'));
  send(counter, ['get', me]);
  const sum = await receive(on(['sum', _], ([, s]) => s as number));
  if (sum !== 8) throw new Error(`sum ${sum}`);
  return sum;
}

const started = performance.now();
const r = await explore({ runs, seed: 1 }, scenario);
if (r.failure !== null) throw r.failure;
console.log(JSON.stringify({ runsPerSec: r.runs / ((performance.now() - started) / 1000) }));
process.exit(0);
