/**
 * Call-pattern benchmark: a request carrying a fresh ref, the reply matched on
 * that ref, with `queued` unrelated messages sitting in the caller's mailbox.
 * Prints one JSON line: {"usPerCall": ...}.
 *   node --conditions=erlts-source --import tsx bench/cases/call.ts erlts queued calls
 */
import { _, exit, make_ref, on, receive, run, self, send, spawn, type Pid, type Ref } from 'erlts';

const [, queuedArg = '0', callsArg = '100000'] = process.argv.slice(2);
const queued = Number(queuedArg);
const calls = Number(callsArg);

const usPerCall = await run(async () => {
  const server = spawn(async () => {
    for (;;) {
      await receive(
        on(['call', _, _, 'ping'], ([, from, ref]) => {
          send(from as Pid, ['reply', ref, 'pong']);
        }),
      );
    }
  });
  const me = self();
  for (let i = 0; i < queued; i++) send(me, ['unrelated', i]);
  const call = async (): Promise<void> => {
    const ref: Ref = make_ref();
    send(server, ['call', me, ref, 'ping']);
    await receive(on(['reply', ref, 'pong']));
  };
  for (let i = 0; i < 1000; i++) await call();
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call();
  const elapsed = performance.now() - started;
  exit(server, 'kill');
  return (elapsed * 1000) / calls;
});
console.log(JSON.stringify({ usPerCall }));
process.exit(0);
