/**
 * The Node servers of the udp benchmarks, each a datagram echo server in a process of its own,
 * one erlts process owning the socket:
 *   erlts-active  gen_udp, {active, 100} re-armed on {udp_passive, S}
 *   erlts-true    gen_udp, {active, true}
 *   erlts-passive gen_udp, recv(S, 0) then send
 *   bare          node:dgram, socket.on('message', (m, r) => socket.send(m, r.port, r.address))
 * bench/erl/erlts_udp_bench.erl is the same server in Erlang. It binds 127.0.0.1, port 0,
 * with a receive buffer of 256 KiB, prints {"port": N}, and exits when stdin closes. Started by bench/cases/udp-client.ts:
 *   node .bench/cases/udp-server.js <erlts-active|erlts-true|erlts-passive|bare>
 */
import * as dgram from 'node:dgram';
import type { open_option } from 'erlts/gen_udp';
import { createInterface } from 'node:readline';

const [kind = 'bare'] = process.argv.slice(2);

/** How many datagrams an {active, N} server takes before it re-arms. */
const ACTIVE_N = 100;
/**
 * Every server's SO_RCVBUF (the kernel doubles it): gen_udp's default, OTP's 8 KiB (16 KiB in
 * the kernel), holds 19 datagrams of 64 bytes, fewer than the load client keeps in flight, and
 * a server a moment behind would drop datagrams.
 */
const RECBUF = 256 * 1024;

function bareServer(): Promise<number> {
  const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: RECBUF });
  socket.on('message', (m, r) => socket.send(m, r.port, r.address));
  socket.on('error', () => undefined);
  return new Promise((resolve) => {
    socket.bind(0, '127.0.0.1', () => resolve(socket.address().port));
  });
}

async function erltsServer(mode: 'active' | 'true' | 'passive'): Promise<number> {
  // Imported here so the bare server runs without erlts's promise hooks installed.
  const { _, on, receive, run } = await import('erlts');
  const gen_udp = await import('erlts/gen_udp');
  const inet = await import('erlts/inet');
  type Socket = import('erlts/gen_udp').socket;
  type Udp = import('erlts/gen_udp').udp_message;

  //   active_loop(S) ->
  //       receive
  //           {udp, S, IP, Port, Data} -> gen_udp:send(S, IP, Port, Data), active_loop(S);
  //           {udp_passive, S} -> inet:setopts(S, [{active, 100}]), active_loop(S)
  //       end.
  // ({active, true} has only the first clause.) The loop is inline, as Erlang's tail call.
  const activeLoop = async (S: Socket): Promise<void> => {
    for (;;) {
      const m = await receive(
        on(['udp', S, _, _, _], (msg) => msg as Udp),
        on(['udp_passive', S], () => null),
      );
      if (m === null) await inet.setopts(S, [['active', ACTIVE_N]]);
      else await gen_udp.send(S, m[2], m[3], m[4]);
    }
  };
  const trueLoop = async (S: Socket): Promise<void> => {
    for (;;) {
      const [, , IP, Port, Data] = await receive(on(['udp', S, _, _, _], (msg) => msg as Udp));
      await gen_udp.send(S, IP, Port, Data);
    }
  };
  //   passive_loop(S) ->
  //       {ok, {IP, Port, Data}} = gen_udp:recv(S, 0),
  //       gen_udp:send(S, IP, Port, Data),
  //       passive_loop(S).
  const passiveLoop = async (S: Socket): Promise<void> => {
    for (;;) {
      const r = await gen_udp.recv(S, 0);
      if (r[0] !== 'ok') return;
      const [IP, Port, Data] = r[1];
      await gen_udp.send(S, IP, Port, Data);
    }
  };

  let ready!: (port: number) => void;
  const port = new Promise<number>((resolve) => (ready = resolve));
  void run(async () => {
    const active = mode === 'active' ? ACTIVE_N : mode === 'true';
    const opts: open_option[] = ['binary', ['active', active], ['recbuf', RECBUF], ['ip', [127, 0, 0, 1]]];
    const o = await gen_udp.open(0, opts);
    if (o[0] !== 'ok') throw new Error(`open: ${String(o[1])}`);
    const S = o[1];
    const p = await inet.port(S);
    if (p[0] !== 'ok' || typeof p[1] !== 'number') throw new Error(`inet:port: ${String(p[1])}`);
    ready(p[1]);
    await (mode === 'active' ? activeLoop(S) : mode === 'true' ? trueLoop(S) : passiveLoop(S));
  });
  return port;
}

const port =
  kind === 'bare'
    ? await bareServer()
    : kind === 'erlts-active'
      ? await erltsServer('active')
      : kind === 'erlts-true'
        ? await erltsServer('true')
        : kind === 'erlts-passive'
          ? await erltsServer('passive')
          : null;
if (port === null) throw new Error(`unknown server kind: ${kind}`);

console.log(JSON.stringify({ port }));
createInterface({ input: process.stdin }).on('close', () => process.exit(0));
