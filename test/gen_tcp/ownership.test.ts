/**
 * The controlling process (DESIGN §4): who owns a socket, who may hand it on, what moves
 * with it, and what the owner's death does; and the acceptor pool rules.
 * The accept timeout case runs on virtual time (erlts/sim), where the timeouts are exact.
 */
import { expect } from 'chai';
import { Pid, exit, flush, monotonic_time, on, receive, self, send, spawn, _, after, type Port } from 'erlts';
import { simulate } from 'erlts/sim';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { capturingReports } from '../support/processes.js';
import { closeAll, listener, messages, ok, pair, sleep } from './support.js';

describe('gen_tcp ownership', () => {
  it('makes the caller of connect and of accept the owner', async () => {
    const [c, s, ls] = await pair();
    const me = self();
    expect((await inet.info(c))['owner']).to.equal(me);
    expect((await inet.info(s))['owner']).to.equal(me);
    await closeAll(c, s, ls);
  });

  it('gives not_owner to a process that does not own the socket', async () => {
    const [c, s, ls] = await pair();
    const me = self();
    spawn(async () => send(me, ['r', await gen_tcp.controlling_process(c, self())]));
    expect(await receive(on(['r', _], ([, r]) => r))).to.deep.equal(['error', 'not_owner']);
    await closeAll(c, s, ls);
  });

  it('gives {error, badarg} for a dead pid and raises badarg for a non-pid', async () => {
    const [c, s, ls] = await pair();
    const dead = spawn(() => undefined);
    await sleep(5);
    expect(await gen_tcp.controlling_process(c, dead)).to.deep.equal(['error', 'badarg']);
    expect(() => gen_tcp.controlling_process(c, 'foo' as unknown as Pid)).to.throw(/badarg|not a pid/);
    await closeAll(c, s, ls);
  });

  it('moves the old owner queued socket messages to the new owner, in order', async () => {
    const [c, s, ls] = await pair(['binary']);
    await gen_tcp.send(s, 'one');
    await sleep(20);
    await gen_tcp.send(s, 'two');
    await sleep(20);
    send(self(), 'unrelated');
    const me = self();
    const p = spawn(async () => {
      await receive(on('go'));
      const got: unknown[] = [];
      for (;;) {
        const m = await receive(
          on(_, (x) => x),
          after(50, () => null),
        );
        if (m === null) break;
        got.push(m);
      }
      send(me, ['got', got]);
    });
    expect(await gen_tcp.controlling_process(c, p)).to.equal('ok');
    send(p, 'go');
    const got = (await receive(on(['got', _], ([, g]) => g))) as unknown[];
    expect(
      got.map((m) => (m as unknown[]).map((x) => (Buffer.isBuffer(x) ? x.toString() : x))),
    ).to.deep.equal([
      ['tcp', c, 'one'],
      ['tcp', c, 'two'],
    ]);
    expect(flush()).to.deep.equal(['unrelated']);
    await closeAll(c, s, ls);
  });

  it('closes the socket when its owner dies, and monitors see the owner exit reason', async () => {
    const [ls, port] = await listener();
    const me = self();
    const owner = spawn(async () => {
      const c = ok(await gen_tcp.connect([127, 0, 0, 1], port, ['binary']));
      send(me, ['sock', c]);
      await receive(on('die'));
      exit('boom');
    });
    const c = (await receive(on(['sock', _], ([, x]) => x))) as Port;
    const s = ok(await gen_tcp.accept(ls));
    await inet.setopts(s, [['active', true]]);
    const ref = inet.monitor(c);
    const [msgs] = await capturingReports(async () => {
      send(owner, 'die');
      return messages();
    });
    // OTP 25 tags this DOWN process: the port dies through its link to the owner.
    expect(msgs).to.deep.include(['DOWN', ref, 'process', c, 'boom']);
    expect(msgs).to.deep.include(['tcp_closed', s]);
    expect(await gen_tcp.send(c, 'x')).to.deep.equal(['error', 'closed']);
    await closeAll(s, ls);
  });

  it('lets any process recv on a passive socket', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false]]);
    const me = self();
    spawn(async () => send(me, ['r', await gen_tcp.recv(c, 0, 1000)]));
    await gen_tcp.send(s, 'hi');
    const r = (await receive(on(['r', _], ([, x]) => x))) as unknown[];
    expect(r[0]).to.equal('ok');
    expect(String(r[1])).to.equal('hi');
    await closeAll(c, s, ls);
  });
});

describe('gen_tcp accept pools', () => {
  async function acceptor(ls: Port, name: string, timeout: number | 'infinity' = 'infinity'): Promise<Pid> {
    const me = self();
    const pid = spawn(async () => {
      const r = await gen_tcp.accept(ls, timeout);
      send(me, [name, r[0] === 'ok' ? 'accepted' : r]);
      if (r[0] === 'ok') await gen_tcp.close(r[1]);
    });
    await sleep(10);
    return pid;
  }

  it('serves acceptors oldest first, skipping a killed one', async () => {
    const [ls, port] = await listener();
    await acceptor(ls, 'a');
    const b = await acceptor(ls, 'b');
    await acceptor(ls, 'c');
    exit(b, 'kill');
    const c1 = ok(await gen_tcp.connect([127, 0, 0, 1], port, []));
    expect(
      await receive(
        on([_, 'accepted'], ([n]) => n),
        after(1000, () => 'none'),
      ),
    ).to.equal('a');
    const c2 = ok(await gen_tcp.connect([127, 0, 0, 1], port, []));
    expect(
      await receive(
        on([_, 'accepted'], ([n]) => n),
        after(1000, () => 'none'),
      ),
    ).to.equal('c');
    await closeAll(c1, c2, ls);
  });

  it('times each acceptor out on its own timeout', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const [ls] = await listener();
      await acceptor(ls, 'short', 30);
      await acceptor(ls, 'long', 2000);
      expect(
        await receive(
          on(['short', _], ([, r]) => r),
          after(500, () => 'none'),
        ),
      ).to.deep.equal(['error', 'timeout']);
      // The short acceptor started at 0 and timed out at exactly 30 ms.
      expect(monotonic_time('millisecond')).to.equal(30);
      expect(
        await receive(
          on(['long', _]),
          after(50, () => 'still waiting'),
        ),
      ).to.equal('still waiting');
      await gen_tcp.close(ls);
      expect(await receive(on(['long', _], ([, r]) => r))).to.deep.equal(['error', 'closed']);
    });
    expect(r.virtualMs).to.equal(30 + 50);
  });

  it('fails every waiting acceptor with closed when the listen socket closes', async () => {
    const [ls] = await listener();
    await acceptor(ls, 'a');
    await acceptor(ls, 'b');
    await gen_tcp.close(ls);
    const got = [await receive(on([_, _], (m) => m)), await receive(on([_, _], (m) => m))];
    expect(got).to.deep.equal([
      ['a', ['error', 'closed']],
      ['b', ['error', 'closed']],
    ]);
    expect(await gen_tcp.accept(ls)).to.deep.equal(['error', 'closed']);
  });

  it('keeps a connection made before anyone accepts until accept takes it', async () => {
    const [ls, port] = await listener(['binary', ['active', false]]);
    const c = ok(await gen_tcp.connect([127, 0, 0, 1], port, ['binary']));
    await gen_tcp.send(c, 'early');
    await sleep(20);
    const s = ok(await gen_tcp.accept(ls, 1000));
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('early');
    await closeAll(c, s, ls);
  });
});
