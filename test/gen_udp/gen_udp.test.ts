/**
 * gen_udp over real loopback datagrams: delivery in each active mode, the receive buffer's
 * bound (a passive socket keeps what its kernel buffer holds and drops the rest), ownership,
 * connected sockets, the deliver and header forms, bad input, and a simulated run.
 * test/conformance/gen_udp compares the same behaviours with erl line by line.
 */
import { expect } from 'chai';
import { spawn as spawnNode } from 'node:child_process';
import * as dgram from 'node:dgram';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ErlangError,
  ExitException,
  List,
  _,
  after,
  exit,
  monitor,
  on,
  receive,
  self,
  send,
  spawn,
  type Port,
} from 'erlts';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { simulate } from 'erlts/sim';

const LOOPBACK = [127, 0, 0, 1] as const;
const fdChild = join(dirname(fileURLToPath(import.meta.url)), 'fixtures', 'fdopen-child.ts');

/** Node's handle of a datagram socket (kept behind a symbol): what child_process passes as a descriptor. */
function handleOf(u: dgram.Socket): { fd: number } {
  const state = Object.getOwnPropertySymbols(u).find((k) => k.description === 'state symbol');
  return ((u as unknown as Record<symbol, unknown>)[state as symbol] as { handle: { fd: number } }).handle;
}

function fdOf(u: dgram.Socket): number {
  return handleOf(u).fd;
}

function ok<T>(r: readonly ['ok', T] | readonly ['error', unknown]): T {
  if (r[0] !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r[1];
}

async function portOf(s: Port): Promise<number> {
  return ok(await inet.port(s));
}

/** Every message in the mailbox now, after `ms` for the loopback to deliver. */
async function messages(ms = 30): Promise<unknown[]> {
  await receive(after(ms, () => undefined));
  const out: unknown[] = [];
  for (;;) {
    const m = await receive(
      on(_, (x) => x),
      after(0, () => null),
    );
    if (m === null) return out;
    out.push(m);
  }
}

describe('gen_udp', () => {
  it('sends a datagram and receives it whole on a passive socket, with its source', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['active', false]]));
    const s = ok(await gen_udp.open(0, ['binary']));
    expect(await gen_udp.send(s, LOOPBACK, await portOf(r), 'hello')).to.equal('ok');
    const [ip, port, data] = ok(await gen_udp.recv(r, 0, 1000));
    expect(ip).to.deep.equal([127, 0, 0, 1]);
    expect(port).to.equal(await portOf(s));
    expect(data).to.deep.equal(Buffer.from('hello'));
    expect(await gen_udp.recv(r, 0, 0)).to.deep.equal(['error', 'timeout']);
    await gen_udp.close(r);
    await gen_udp.close(s);
  });

  it('gives list-mode data as a list of bytes, and {header, N} as N bytes then the rest', async () => {
    const l = ok(await gen_udp.open(0, ['list', ['active', false]]));
    const h = ok(await gen_udp.open(0, ['binary', ['header', 2], ['active', false]]));
    const s = ok(await gen_udp.open(0));
    await gen_udp.send(s, LOOPBACK, await portOf(l), 'abc');
    await gen_udp.send(s, LOOPBACK, await portOf(h), 'abcde');
    const [, , ld] = ok(await gen_udp.recv(l, 0, 1000));
    const [, , hd] = ok(await gen_udp.recv(h, 0, 1000));
    expect(ld).to.be.instanceOf(List);
    expect([...(ld as List<number>)]).to.deep.equal([97, 98, 99]);
    expect([...(hd as List<unknown>)]).to.deep.equal([97, 98, Buffer.from('cde')]);
    for (const x of [l, h, s]) await gen_udp.close(x);
  });

  it('delivers {udp, S, IP, Port, Data} in {active, N}, then udp_passive, and resumes with the queue', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['active', 2]]));
    const s = ok(await gen_udp.open(0, ['binary']));
    const rp = await portOf(r);
    for (const m of ['1', '2', '3', '4']) await gen_udp.send(s, LOOPBACK, rp, m);
    const first = await messages();
    expect(first).to.have.length(3);
    expect(first[0]).to.deep.equal(['udp', r, [127, 0, 0, 1], await portOf(s), Buffer.from('1')]);
    expect(first[2]).to.deep.equal(['udp_passive', r]);
    expect(await inet.getopts(r, ['active'])).to.deep.equal(['ok', new List(['active', false])]);
    await inet.setopts(r, [['active', true]]);
    const rest = (await messages()) as unknown[][];
    expect(rest.map((m) => String(m[4]))).to.deep.equal(['3', '4']);
    await gen_udp.close(r);
    await gen_udp.close(s);
  });

  it('keeps what the receive buffer holds on a passive socket and drops the rest, as the kernel does', async () => {
    const small = ok(await gen_udp.open(0, ['binary', ['active', false]]));
    const big = ok(await gen_udp.open(0, ['binary', ['active', false], ['recbuf', 65536]]));
    const s = ok(await gen_udp.open(0, ['binary']));
    const count = async (r: Port): Promise<number> => {
      const rp = await portOf(r);
      for (let i = 0; i < 2000; i++) await gen_udp.send(s, LOOPBACK, rp, Buffer.alloc(10));
      await receive(after(100, () => undefined));
      let n = 0;
      while ((await gen_udp.recv(r, 0, 0))[0] === 'ok') n++;
      return n;
    };
    // OTP 25 on Linux keeps 19 and 157 of 2000 (test/conformance/gen_udp/udp_kernel_queue_limit).
    expect(await count(small)).to.be.within(15, 25);
    expect(await count(big)).to.be.within(140, 175);
    for (const x of [small, big, s]) await gen_udp.close(x);
  });

  it('lets timers and sockets run while a process loops on send (the turn budget preempts it)', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['active', 1], ['recbuf', 1 << 20]]));
    const s = ok(await gen_udp.open(0));
    const rp = await portOf(r);
    const t0 = Date.now();
    // Each send completes in a nextTick: without the budget this loop would hold the event loop.
    const sender = spawn(async () => {
      while (Date.now() - t0 < 1500) await gen_udp.send(s, LOOPBACK, rp, 'x');
    });
    const firstAfter = await receive(
      on(['udp', r, _, _, _], () => Date.now() - t0),
      after(1000, () => 'starved'),
    );
    expect(firstAfter).to.be.a('number').below(500);
    const ref = monitor('process', sender);
    await receive(on(['DOWN', ref, _, _, _]));
    await gen_udp.close(r);
    await gen_udp.close(s);
    await messages(0);
  });

  it('cuts a datagram longer than buffer, and counts what it kept', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['active', false], ['buffer', 4]]));
    const s = ok(await gen_udp.open(0));
    await gen_udp.send(s, LOOPBACK, await portOf(r), '0123456789');
    expect(ok(await gen_udp.recv(r, 100, 1000))[2]).to.deep.equal(Buffer.from('0123'));
    expect(await inet.getstat(r, ['recv_oct', 'recv_cnt'])).to.deep.equal([
      'ok',
      new List(['recv_oct', 4], ['recv_cnt', 1]),
    ]);
    await gen_udp.close(r);
    await gen_udp.close(s);
  });

  it('refuses a datagram above 65507 bytes with emsgsize, and one to port 0 with einval', async () => {
    const s = ok(await gen_udp.open(0));
    expect(await gen_udp.send(s, LOOPBACK, 9, Buffer.alloc(65508))).to.deep.equal(['error', 'emsgsize']);
    expect(await gen_udp.send(s, LOOPBACK, 0, 'x')).to.deep.equal(['error', 'einval']);
    expect(await gen_udp.send(s, 'x')).to.deep.equal(['error', 'einval']); // not connected
    await gen_udp.close(s);
  });

  it('filters by peer once connected, sends to it, and reports its ICMP refusal', async () => {
    const a = ok(await gen_udp.open(0, ['binary', ['active', false]]));
    const b = ok(await gen_udp.open(0, ['binary']));
    const c = ok(await gen_udp.open(0, ['binary']));
    expect(await gen_udp.connect(a, LOOPBACK, await portOf(b))).to.equal('ok');
    expect(ok(await inet.peername(a))).to.deep.equal([[127, 0, 0, 1], await portOf(b)]);
    await gen_udp.send(c, LOOPBACK, await portOf(a), 'from c');
    await gen_udp.send(b, LOOPBACK, await portOf(a), 'from b');
    expect(ok(await gen_udp.recv(a, 0, 1000))[2]).to.deep.equal(Buffer.from('from b'));
    expect(await gen_udp.recv(a, 0, 30)).to.deep.equal(['error', 'timeout']);
    // The destination of send/4 on a connected socket is ignored, as inet_drv's send(2).
    await gen_udp.close(b);
    expect(await gen_udp.send(a, LOOPBACK, await portOf(c), 'to the closed peer')).to.equal('ok');
    expect(await gen_udp.recv(a, 0, 1000)).to.deep.equal(['error', 'econnrefused']);
    await gen_udp.close(a);
    await gen_udp.close(c);
  });

  it('gives {S, {data, Raw}} with {deliver, port}: family, port and address before the datagram', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['deliver', 'port']]));
    const s = ok(await gen_udp.open(0));
    const sp = await portOf(s);
    await gen_udp.send(s, LOOPBACK, await portOf(r), 'dp');
    const [m] = await messages();
    expect(m).to.deep.equal([r, ['data', Buffer.from([1, sp >> 8, sp & 255, 127, 0, 0, 1, 100, 112])]]);
    await gen_udp.close(r);
    await gen_udp.close(s);
  });

  it('moves queued {udp, ...} messages with controlling_process, and leaves udp_passive', async () => {
    const r = ok(await gen_udp.open(0, ['binary', ['active', 1]]));
    const s = ok(await gen_udp.open(0));
    await gen_udp.send(s, LOOPBACK, await portOf(r), 'moved');
    await receive(after(30, () => undefined));
    const me = self();
    const p = spawn(async () => {
      await receive(on('go'));
      send(me, ['got', await messages(0)]);
      await receive(on('stop'));
    });
    expect(await gen_udp.controlling_process(r, p)).to.equal('ok');
    send(p, 'go');
    const got = (await receive(on(['got', _], ([, g]) => g))) as unknown[][];
    expect(got.map((m) => m[0])).to.deep.equal(['udp']);
    expect(await messages(0)).to.deep.equal([['udp_passive', r]]);
    expect((await inet.info(r))['owner']).to.equal(p);
    send(p, 'stop');
    await gen_udp.close(r);
    await gen_udp.close(s);
  });

  it("closes the socket when its owner dies, with the owner's reason in the port DOWN", async () => {
    const me = self();
    const owner = spawn(async () => {
      send(me, ['socket', ok(await gen_udp.open(0))]);
      await receive(on('never'));
    });
    const s = await receive(on(['socket', _], ([, x]) => x as Port));
    const ref = inet.monitor(s);
    exit(owner, 'boom');
    const down = await receive(on(['DOWN', ref, _, s, _], (m) => m));
    expect(down).to.deep.equal(['DOWN', ref, 'port', s, 'boom']);
    expect(await inet.sockname(s)).to.deep.equal(['error', 'einval']);
    expect(await gen_udp.send(s, LOOPBACK, 9, 'x')).to.deep.equal(['error', 'closed']);
  });

  it('answers bad input as OTP does and ends only the calling process', async () => {
    const s = ok(await gen_udp.open(0));
    const caught = async (f: () => unknown): Promise<unknown> => {
      try {
        await f();
        return 'returned';
      } catch (e) {
        if (e instanceof ExitException) return ['exit', e.reason];
        if (e instanceof ErlangError) return ['error', e.reason];
        throw e;
      }
    };
    expect(await caught(() => gen_udp.open(0, ['bogus'] as never))).to.deep.equal(['exit', 'badarg']);
    expect(await caught(() => gen_udp.open(70000))).to.deep.equal(['exit', 'badarg']);
    expect(await caught(() => gen_udp.send('nope' as never, LOOPBACK, 9, 'x'))).to.deep.equal([
      'error',
      'function_clause',
    ]);
    expect(await caught(() => gen_udp.send(s, [127, 0, 0, 256] as never, 9, 'x'))).to.deep.equal([
      'exit',
      'badarg',
    ]);
    expect(await gen_udp.send(s, LOOPBACK, 9, [256] as never)).to.deep.equal(['error', 'einval']);
    // In a process, the exit ends that process only.
    const me = self();
    const p = spawn(async () => {
      await gen_udp.open(0, [['active', 'sometimes']] as never);
      send(me, 'unreachable');
    });
    const ref = monitor('process', p);
    expect(await receive(on(['DOWN', ref, _, _, _], ([, , , , why]) => why))).to.equal('badarg');
    expect(await gen_udp.send(s, LOOPBACK, await portOf(s), 'still fine')).to.equal('ok');
    await gen_udp.close(s);
  });

  it('opens an inherited UDP descriptor with fdopen, and refuses one this process watches', async () => {
    const u = dgram.createSocket('udp4');
    await new Promise<void>((r) => u.bind(0, '127.0.0.1', () => r()));
    const { port } = u.address();
    // This process's event loop watches u's descriptor: libuv refuses a second handle on it.
    expect(await gen_udp.fdopen(fdOf(u), [])).to.deep.equal(['error', 'eexist']);
    const child = spawnNode(process.execPath, ['--import', 'tsx', '--conditions=erlts-source', fdChild], {
      stdio: ['ignore', 'pipe', 'inherit', handleOf(u) as never],
    });
    let out = '';
    child.stdout?.setEncoding('utf8').on('data', (d: string) => (out += d));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    while (!out.includes('\n')) await new Promise((r) => setTimeout(r, 20));
    u.close(); // the child holds it now
    expect(JSON.parse(out)).to.deep.equal({ port });
    const s = ok(await gen_udp.open(0, ['binary', ['active', false]]));
    await gen_udp.send(s, LOOPBACK, port, 'via fd');
    expect(ok(await gen_udp.recv(s, 0, 5000))[2]).to.deep.equal(Buffer.from('via fd'));
    await exited;
    await gen_udp.close(s);
  });

  it('shares a port between sockets with reuseport where Node can (22.12+), else says enotsup', async () => {
    const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);
    const a = await gen_udp.open(0, [['reuseport', true]]);
    if (major < 22 || (major === 22 && minor < 12)) {
      expect(a).to.deep.equal(['error', 'enotsup']);
      return;
    }
    const s1 = ok(a);
    const b = ok(await gen_udp.open(await portOf(s1), [['reuseport', true]]));
    expect(await portOf(b)).to.equal(await portOf(s1));
    await gen_udp.close(s1);
    await gen_udp.close(b);
  });

  it('runs under simulate with the same schedule and trace for the same seed', async () => {
    const scenario = async (): Promise<void> => {
      const r = ok(await gen_udp.open(0, ['binary', ['active', 3]]));
      const me = self();
      const rp = await portOf(r);
      for (let i = 0; i < 3; i++) {
        spawn(async () => {
          const s = ok(await gen_udp.open(0));
          await gen_udp.send(s, LOOPBACK, rp, `client ${i}`);
          await gen_udp.close(s);
        });
      }
      const got: string[] = [];
      for (let i = 0; i < 3; i++)
        got.push(await receive(on(['udp', r, _, _, _], ([, , , , d]) => String(d))));
      send(me, got.length);
      await gen_udp.close(r);
    };
    const first = await simulate({ seed: 7 }, scenario);
    const second = await simulate({ seed: 7 }, scenario);
    expect(second.schedule).to.deep.equal(first.schedule);
    // The system picks the clients' ports anew each run: the trace is the same but for them.
    const masked = (t: string): string => t.replace(/\},\d+,/g, '},Port,');
    expect(masked(second.trace.toString())).to.equal(masked(first.trace.toString()));
  });
});
