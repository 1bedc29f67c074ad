/**
 * erlts/fp's cost: a passive 64-byte echo over one loopback connection, client and server
 * each an erlts process, written with gen_tcp's results (`direct`), with erlts/fp's
 * TaskEithers composed by pipe and chain (`fp`), and with the same TaskEithers each run and
 * awaited in turn (`face`: the face's own cost, without fp-ts's composition); and the
 * conversion itself, fromResult and
 * toResult on a `{ok, X}` in a loop. Client and server share the Node process, so its CPU time
 * per round trip is the cost of both ends, steadier than wall time on a busy machine. Prints one
 * JSON line: {"usPerRoundTrip": ..., "cpuUsPerRoundTrip": ..., "nsPerConversion": ...}.
 *   node .bench/cases/fp.js direct|fp|face [roundTrips]
 */
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ok, run, spawn, type Port } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as fp from 'erlts/fp';

const [mode = 'fp', roundTripsArg = '20000'] = process.argv.slice(2);
const roundTrips = Number(roundTripsArg);
const payload = Buffer.alloc(64, 0x61);
const opts = ['binary', ['active', false], ['packet', 2]] as const;

/** The echo server's loop: recv, send back, until the client closes. */
async function echoDirect(S: Port): Promise<void> {
  for (;;) {
    const r = await gen_tcp.recv(S, 0);
    if (r[0] !== 'ok') return;
    await gen_tcp.send(S, r[1]);
  }
}

async function echoFp(S: Port): Promise<void> {
  const once = pipe(
    fp.gen_tcp.recv(S, 0),
    TE.chainW((Data) => fp.gen_tcp.send(S, Data)),
  );
  while (E.isRight(await once()));
}

async function echoFace(S: Port): Promise<void> {
  for (;;) {
    const r = await fp.gen_tcp.recv(S, 0)();
    if (E.isLeft(r)) return;
    await fp.gen_tcp.send(S, r.right)();
  }
}

/** One round trip from the client's side. */
function roundTripDirect(C: Port): () => Promise<void> {
  return async () => {
    ok(await gen_tcp.send(C, payload));
    ok(await gen_tcp.recv(C, 0));
  };
}

function roundTripFp(C: Port): () => Promise<void> {
  const once = pipe(
    fp.gen_tcp.send(C, payload),
    TE.chainW(() => fp.gen_tcp.recv(C, 0)),
  );
  return () => fp.runOrExit(once).then(() => undefined);
}

function roundTripFace(C: Port): () => Promise<void> {
  return async () => {
    await fp.runOrExit(fp.gen_tcp.send(C, payload));
    await fp.runOrExit(fp.gen_tcp.recv(C, 0));
  };
}

const modes = {
  direct: [echoDirect, roundTripDirect],
  fp: [echoFp, roundTripFp],
  face: [echoFace, roundTripFace],
} as const;
const [echo, roundTripOf] = modes[mode as keyof typeof modes];

const [usPerRoundTrip, cpuUsPerRoundTrip] = await run(async () => {
  const LS = ok(await gen_tcp.listen(0, [...opts, ['ip', [127, 0, 0, 1]]]));
  const Port = ok(await inet.port(LS));
  // The server ends when the client closes (recv's {error, closed}).
  spawn(async () => {
    const S = ok(await gen_tcp.accept(LS));
    await echo(S);
  });
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, opts));
  const roundTrip = roundTripOf(C);
  for (let i = 0; i < 1000; i++) await roundTrip();
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < roundTrips; i++) await roundTrip();
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await gen_tcp.close(C);
  return [(elapsed * 1000) / roundTrips, (used.user + used.system) / roundTrips];
});

// fromResult then toResult, as a face does per call and a caller going back to tuples does.
const conversions = 2_000_000;
const result = ['ok', payload] as readonly ['ok', Buffer] | readonly ['error', 'closed'];
let kept = 0;
const started = performance.now();
for (let i = 0; i < conversions; i++) {
  const back = fp.toResult(fp.fromResult(result));
  if (back[0] === 'ok') kept++;
}
const nsPerConversion = ((performance.now() - started) * 1e6) / conversions;
if (kept !== conversions) throw new Error('the conversions lost a result');

console.log(
  JSON.stringify({ usPerRoundTrip, cpuUsPerRoundTrip, nsPerConversion: mode === 'fp' ? nsPerConversion : 0 }),
);
process.exit(0);
