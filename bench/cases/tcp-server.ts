/**
 * The Node servers of the tcp benchmarks, each an echo server in a process of its own:
 *   erlts-once    gen_tcp, one erlts process per connection, {active, once}
 *   erlts-passive gen_tcp, one erlts process per connection, recv(S, 0) then send
 *   erlts-socket  erlts/socket, one erlts process per connection, recv(S, 0, nowait) select loop
 *   bare          node:net, socket.on('data', d => socket.write(d))
 * bench/erl/erlts_tcp_bench.erl is the same server in Erlang. It listens on 127.0.0.1,
 * port 0, with nodelay and a backlog of 1024, prints {"port": N}, then answers the load
 * client's commands, one line each on stdin, with a JSON line: `conns` (connections
 * accepted so far) and `mem` (heapUsed after two full collections). It exits when stdin
 * closes. Started by bench/cases/tcp-client.ts:
 *   node --expose-gc .bench/cases/tcp-server.js <erlts-once|erlts-passive|bare>
 */
import * as net from 'node:net';
import type { Port } from 'erlts';
import type { Socket } from 'erlts/socket';
import type { listen_option as GenTcpListenOption } from 'erlts/gen_tcp';
import { createInterface } from 'node:readline';

const [kind = 'bare'] = process.argv.slice(2);
const gc = (globalThis as { gc?: () => void }).gc;
let conns = 0;

function heapUsed(): number {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed;
}

function bareServer(): Promise<number> {
  const server = net.createServer({ noDelay: true }, (socket) => {
    conns++;
    socket.on('data', (d) => socket.write(d));
    socket.on('error', () => socket.destroy());
  });
  return new Promise((resolve) => {
    server.listen({ port: 0, host: '127.0.0.1', backlog: 1024 }, () => {
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

async function erltsServer(active: 'once' | false): Promise<number> {
  // Imported here so the bare server runs without erlts's promise hooks installed.
  const { _, on, receive, spawn, run } = await import('erlts');
  const gen_tcp = await import('erlts/gen_tcp');
  const inet = await import('erlts/inet');
  type Socket = Port;

  // The acceptor serves the connection it accepts, after starting the next acceptor
  // (Programming Erlang's par_connect), and the loop is inline, as Erlang's tail call:
  //   loop(S) -> receive {tcp, S, Data} -> gen_tcp:send(S, Data),
  //                                        inet:setopts(S, [{active, once}]), loop(S);
  //                      {tcp_closed, S} -> ok end.
  const onceAcceptor = async (LS: Socket): Promise<void> => {
    const r = await gen_tcp.accept(LS);
    if (r[0] !== 'ok') return;
    spawn(onceAcceptor, LS);
    conns++;
    const S = r[1];
    for (;;) {
      const data = await receive(
        on(['tcp', S, _], ([, , d]) => d as Buffer),
        on(['tcp_closed', S], () => null),
        on(['tcp_error', S, _], () => null),
      );
      if (data === null) break;
      await gen_tcp.send(S, data);
      await inet.setopts(S, [['active', 'once']]);
    }
    await gen_tcp.close(S);
  };

  //   loop(S) -> case gen_tcp:recv(S, 0) of {ok, Data} -> gen_tcp:send(S, Data), loop(S);
  //                                         {error, _} -> gen_tcp:close(S) end.
  const passiveAcceptor = async (LS: Socket): Promise<void> => {
    const r = await gen_tcp.accept(LS);
    if (r[0] !== 'ok') return;
    spawn(passiveAcceptor, LS);
    conns++;
    const S = r[1];
    for (;;) {
      const d = await gen_tcp.recv(S, 0);
      if (d[0] !== 'ok') break;
      await gen_tcp.send(S, d[1]);
    }
    await gen_tcp.close(S);
  };

  let ready!: (port: number) => void;
  const port = new Promise<number>((resolve) => (ready = resolve));
  // The listener's owner lives as long as the server.
  void run(async () => {
    const opts: GenTcpListenOption[] = [
      'binary',
      ['active', active],
      ['backlog', 1024],
      ['nodelay', true],
      ['reuseaddr', true],
      ['ip', [127, 0, 0, 1]],
    ];
    const l = await gen_tcp.listen(0, opts);
    if (l[0] !== 'ok') throw new Error(`listen: ${String(l[1])}`);
    const LS = l[1];
    const p = await inet.port(LS);
    if (p[0] !== 'ok' || typeof p[1] !== 'number') throw new Error(`inet:port: ${String(p[1])}`);
    spawn(active === 'once' ? onceAcceptor : passiveAcceptor, LS);
    ready(p[1]);
    await receive();
  });
  return port;
}

async function socketServer(): Promise<number> {
  const { _, on, receive, spawn, run } = await import('erlts');
  const socket = await import('erlts/socket');
  type S = Socket;
  // The socket usage guide's asynchronous loop: recv(S, 0, nowait), and on select wait for
  // the select message and recv again.
  async function loop(S: S): Promise<void> {
    for (;;) {
      const r = await socket.recv(S, 0, 'nowait');
      if (r[0] === 'ok') {
        await socket.send(S, r[1]);
        continue;
      }
      if (r[0] === 'select') {
        const handle = r[1][2];
        const next = await receive(
          on(['$socket', S, 'select', handle], () => 'again'),
          on(['$socket', S, 'abort', _], () => 'stop'),
        );
        if (next === 'again') continue;
      }
      await socket.close(S);
      return;
    }
  }
  async function acceptor(LS: S): Promise<void> {
    const r = await socket.accept(LS);
    if (r[0] !== 'ok') return;
    spawn(acceptor, LS);
    conns++;
    await socket.setopt(r[1], ['tcp', 'nodelay'], true);
    await loop(r[1]);
  }
  let ready: (port: number) => void = () => undefined;
  const port = new Promise<number>((resolve) => (ready = resolve));
  void run(async () => {
    const o = await socket.open('inet', 'stream', 'tcp');
    if (o[0] !== 'ok') throw new Error(`open: ${String(o[1])}`);
    const LS = o[1];
    await socket.bind(LS, { family: 'inet', addr: [127, 0, 0, 1], port: 0 });
    await socket.listen(LS, 1024);
    const n = await socket.sockname(LS);
    if (n[0] !== 'ok' || !('port' in n[1])) throw new Error('sockname');
    spawn(acceptor, LS);
    ready(n[1].port ?? 0);
    await receive();
  });
  return port;
}

const port =
  kind === 'erlts-socket'
    ? await socketServer()
    : kind === 'bare'
      ? await bareServer()
      : kind === 'erlts-once'
        ? await erltsServer('once')
        : kind === 'erlts-passive'
          ? await erltsServer(false)
          : null;
if (port === null) throw new Error(`unknown server kind: ${kind}`);

console.log(JSON.stringify({ port }));
const commands = createInterface({ input: process.stdin });
commands.on('line', (line) => {
  if (line === 'conns') console.log(JSON.stringify({ conns }));
  else if (line === 'mem') console.log(JSON.stringify({ heap: heapUsed() }));
});
commands.on('close', () => process.exit(0));
