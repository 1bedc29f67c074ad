/**
 * The erlts nodes of the distribution benchmarks (BENCH_ONLY=dist), each an OS process of its
 * own, started by bench/cases/dist-client.ts; bench/erl/erlts_dist_bench.erl is the same code
 * in Erlang, and its header says what is measured (a windowed stream of binaries to a counting
 * sink, and round trips through an echo process, 64 B and 64 KiB).
 *
 *   node .bench/cases/dist-node.js echo <name> <cookie> <epmdPort>
 *     registers erlts_dist_bench, prints "@@ready Node", stops when stdin closes;
 *   node .bench/cases/dist-node.js drive <name> <cookie> <epmdPort> <echoNode> <case>...
 *     measures each case (stream64, rtt64, stream64k, rtt64k) against the echo node, prints
 *     one JSON line of rates and exits.
 *
 * Both start distribution with EPMD `ensure`: the EPMD on `epmdPort` when one runs (the bench's
 * real epmd), else the echo node serves one and the driver finds it.
 */
import {
  _,
  after,
  is,
  is_binary,
  node,
  on,
  receive,
  register,
  run,
  self,
  send,
  spawn,
  type Pid,
} from 'erlts';
import * as net_kernel from 'erlts/net_kernel';
import * as net_adm from 'erlts/net_adm';

const [role = 'echo', name = 'bench', cookie = 'erlts_bench', epmdPort = '4369', echoNode = '', ...cases] =
  process.argv.slice(2);

const WINDOW_BYTES = 256 * 1024;
const WINDOWS_IN_FLIGHT = 4;
const STREAM_SECS = 1.5;
const RTT_SECS = 1.0;
/** BENCH_DIST_SECS: longer (or shorter) runs, to profile. */
const SCALE = Number(process.env.BENCH_DIST_SECS ?? 1);

// server() ->
//     receive
//         {sink, From, Window} -> From ! {sink, spawn(fun() -> sink(From, Window, 0) end)};
//         {echo, From} -> From ! {echo, spawn(fun echo_loop/0)}
//     end,
//     server().
async function server(): Promise<never> {
  for (;;) {
    await receive(
      on(['sink', _, _], ([, From, Window]) =>
        send(From as Pid, ['sink', spawn(sink, From as Pid, Window as number)]),
      ),
      on(['echo', _], ([, From]) => send(From as Pid, ['echo', spawn(echoLoop)])),
    );
  }
}

// sink(From, Window, N) ->
//     receive
//         B when is_binary(B) ->
//             N1 = N + 1,
//             case N1 rem Window of 0 -> From ! {ack, N1}; _ -> ok end,
//             sink(From, Window, N1);
//         done -> From ! {counted, N}, sink(From, Window, 0);
//         stop -> ok
//     end.
async function sink(From: Pid, Window: number): Promise<void> {
  let N = 0;
  for (;;) {
    const m = await receive(
      on(is(is_binary), () => 'bin' as const),
      on('done'),
      on('stop'),
    );
    if (m === 'bin') {
      N++;
      if (N % Window === 0) send(From, ['ack', N]);
    } else if (m === 'done') {
      send(From, ['counted', N]);
      N = 0;
    } else return;
  }
}

// echo_loop() ->
//     receive
//         {From, Msg} -> From ! Msg, echo_loop();
//         stop -> ok
//     end.
async function echoLoop(): Promise<void> {
  for (;;) {
    const m = await receive(on([_, _]), on('stop'));
    if (m === 'stop') return;
    const [From, Msg] = m as [Pid, unknown];
    send(From, Msg);
  }
}

/** Messages per second of one stream of `N` binaries to `Sink`. */
async function timedStream(Sink: Pid, Bin: Buffer, N: number, Window: number): Promise<number> {
  const t0 = performance.now();
  // send_all(Sink, Bin, N, Window, Sent): at most WINDOWS_IN_FLIGHT windows unacknowledged.
  for (let Sent = 1; Sent <= N; Sent++) {
    send(Sink, Bin);
    if (Sent % Window === 0 && Sent >= WINDOWS_IN_FLIGHT * Window) await receive(on(['ack', _]));
  }
  send(Sink, 'done');
  const C = await receive(on(['counted', _], ([, c]) => c));
  const secs = (performance.now() - t0) / 1000;
  if (C !== N) throw new Error(`the sink counted ${String(C)} of ${N}`);
  // flush_acks()
  while (
    (await receive(
      on(['ack', _]),
      after(0, () => 'none'),
    )) !== 'none'
  );
  return N / secs;
}

async function stream(Size: number, Warm: number, suffix: string): Promise<Record<string, number>> {
  const Bin = Buffer.alloc(Size, 'a');
  const Window = Math.max(1, Math.floor(WINDOW_BYTES / Size));
  send(['erlts_dist_bench', echoNode], ['sink', self(), Window]);
  const Sink = await receive(on(['sink', _], ([, s]) => s as Pid));
  const rate0 = await timedStream(Sink, Bin, Warm, Window);
  const rate1 = await timedStream(Sink, Bin, Math.max(Warm, Math.round(rate0 / 4)), Window);
  const N = Math.max(Warm, Math.round(rate1 * STREAM_SECS * SCALE));
  const rate = await timedStream(Sink, Bin, N, Window);
  send(Sink, 'stop');
  return { [`msgsPerSec${suffix}`]: rate, [`streamCount${suffix}`]: N };
}

/** Round trips per second of `N` sequential echoes of `Bin`. */
async function timedRtt(Echo: Pid, Bin: Buffer, N: number): Promise<number> {
  const t0 = performance.now();
  const me = self();
  for (let i = 0; i < N; i++) {
    send(Echo, [me, Bin]);
    await receive(on(is(is_binary)));
  }
  return N / ((performance.now() - t0) / 1000);
}

async function rtt(Size: number, Warm: number, suffix: string): Promise<Record<string, number>> {
  const Bin = Buffer.alloc(Size, 'a');
  send(['erlts_dist_bench', echoNode], ['echo', self()]);
  const Echo = await receive(on(['echo', _], ([, e]) => e as Pid));
  const rate0 = await timedRtt(Echo, Bin, Warm);
  const rate1 = await timedRtt(Echo, Bin, Math.max(Warm, Math.round(rate0 / 4)));
  const N = Math.max(Warm, Math.round(rate1 * RTT_SECS * SCALE));
  const rate = await timedRtt(Echo, Bin, N);
  send(Echo, 'stop');
  return { [`roundTripsPerSec${suffix}`]: rate, [`rttCount${suffix}`]: N };
}

const measures: Record<string, () => Promise<Record<string, number>>> = {
  stream64: () => stream(64, 20_000, '64'),
  stream64k: () => stream(65_536, 300, '64k'),
  rtt64: () => rtt(64, 3000, '64'),
  rtt64k: () => rtt(65_536, 300, '64k'),
};

const started = await net_kernel.start(name, { cookie, epmd_port: Number(epmdPort), epmd: 'ensure' });
if (started[0] !== 'ok') {
  process.stderr.write(`dist-node: net_kernel:start failed: ${String(started[1])}\n`);
  process.exit(1);
}

if (role === 'echo') {
  register('erlts_dist_bench', spawn(server));
  console.log(`@@ready ${node()}`);
  process.stdin.resume();
  process.stdin.on('end', () => void net_kernel.stop().then(() => process.exit(0)));
} else {
  const result = await run(async () => {
    if ((await net_adm.ping(echoNode)) !== 'pong') throw new Error(`${echoNode} does not answer`);
    const out: Record<string, number> = {};
    for (const c of cases) {
      const measure = measures[c];
      if (measure === undefined) throw new Error(`unknown case ${c}`);
      Object.assign(out, await measure());
    }
    return out;
  });
  console.log(JSON.stringify(result));
  await net_kernel.stop();
  process.exit(0);
}
