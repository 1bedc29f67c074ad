/** Active modes: true, false, once and N, with tcp_passive, and recv on active sockets. */
import { expect } from 'chai';
import { flush } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { closeAll, messages, ok, pair, sleep } from './support.js';

function text(msgs: unknown[]): unknown[] {
  return msgs.map((m) => (m as unknown[]).map((x) => (Buffer.isBuffer(x) ? x.toString() : x)));
}

describe('gen_tcp active modes', () => {
  it('delivers {tcp, S, Data} in active true and nothing in passive mode', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false]]);
    await gen_tcp.send(s, 'abc');
    await sleep(30);
    expect(flush()).to.deep.equal([]);
    expect(await inet.setopts(c, [['active', true]])).to.equal('ok');
    expect(text(await messages())).to.deep.equal([['tcp', c, 'abc']]);
    await closeAll(c, s, ls);
  });

  it('delivers one packet per {active, once}, then waits for the next setopts', async () => {
    const [c, s, ls] = await pair(['binary', ['active', 'once'], ['packet', 2]], ['binary', ['packet', 2]]);
    for (const m of ['a', 'b', 'c']) await gen_tcp.send(s, m);
    await sleep(30);
    expect(text(flush())).to.deep.equal([['tcp', c, 'a']]);
    expect(ok(await inet.getopts(c, ['active']))).to.deep.equal([['active', false]]);
    await inet.setopts(c, [['active', 'once']]);
    expect(text(flush())).to.deep.equal([['tcp', c, 'b']]);
    await inet.setopts(c, [['active', 'once']]);
    expect(text(flush())).to.deep.equal([['tcp', c, 'c']]);
    await closeAll(c, s, ls);
  });

  it('counts {active, N} down and sends tcp_passive at zero', async () => {
    const [c, s, ls] = await pair(['binary', ['active', 2], ['packet', 1]], ['binary', ['packet', 1]]);
    for (const m of ['1', '2', '3']) await gen_tcp.send(s, m);
    await sleep(30);
    expect(text(flush())).to.deep.equal([
      ['tcp', c, '1'],
      ['tcp', c, '2'],
      ['tcp_passive', c],
    ]);
    expect(await inet.setopts(c, [['active', 1]])).to.equal('ok');
    expect(text(flush())).to.deep.equal([
      ['tcp', c, '3'],
      ['tcp_passive', c],
    ]);
    await closeAll(c, s, ls);
  });

  it('adds {active, N} settings, bounds the sum, and turns passive at or below zero', async () => {
    const [c, s, ls] = await pair([['active', false]]);
    expect(await inet.setopts(c, [['active', 5]])).to.equal('ok');
    expect(await inet.setopts(c, [['active', 3]])).to.equal('ok');
    expect(ok(await inet.getopts(c, ['active']))).to.deep.equal([['active', 8]]);
    expect(await inet.setopts(c, [['active', 32767]])).to.deep.equal(['error', 'einval']);
    expect(await inet.setopts(c, [['active', 32768]])).to.deep.equal(['error', 'einval']);
    expect(await inet.setopts(c, [['active', -32769]])).to.deep.equal(['error', 'einval']);
    expect(ok(await inet.getopts(c, ['active']))).to.deep.equal([['active', 8]]);
    expect(await inet.setopts(c, [['active', -8]])).to.equal('ok');
    expect(ok(await inet.getopts(c, ['active']))).to.deep.equal([['active', false]]);
    expect(flush()).to.deep.equal([['tcp_passive', c]]);
    await closeAll(c, s, ls);
  });

  it('sends tcp_passive at connect for {active, 0}', async () => {
    const [c, s, ls] = await pair([['active', 0]]);
    expect(flush()).to.deep.equal([['tcp_passive', c]]);
    expect(ok(await inet.getopts(c, ['active']))).to.deep.equal([['active', false]]);
    await closeAll(c, s, ls);
  });

  it('sends tcp_passive for a listen socket with {active, 0}, and to each acceptor', async () => {
    const [c, s, ls] = await pair([], [['active', 0]]);
    expect(flush()).to.deep.equal([
      ['tcp_passive', ls],
      ['tcp_passive', s],
    ]);
    await closeAll(c, s, ls);
  });

  it('answers recv on an active socket with einval', async () => {
    const [c, s, ls] = await pair([['active', true]]);
    expect(await gen_tcp.recv(c, 0, 100)).to.deep.equal(['error', 'einval']);
    await inet.setopts(c, [['active', 'once']]);
    expect(await gen_tcp.recv(c, 0, 100)).to.deep.equal(['error', 'einval']);
    await closeAll(c, s, ls);
  });

  it('gives a passive socket whose peer closed exactly one tcp_closed when made active', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false]]);
    await gen_tcp.send(s, 'x');
    await gen_tcp.close(s);
    await sleep(30);
    expect(flush()).to.deep.equal([]);
    expect(await inet.setopts(c, [['active', true]])).to.equal('ok');
    expect(text(await messages())).to.deep.equal([
      ['tcp', c, 'x'],
      ['tcp_closed', c],
    ]);
    expect(await inet.setopts(c, [['active', true]])).to.deep.equal(['error', 'einval']);
    await sleep(30);
    expect(flush()).to.deep.equal([]);
    await closeAll(c, ls);
  });

  it('uses {deliver, port} message shapes', async () => {
    const [c, s, ls] = await pair(['binary', ['deliver', 'port']]);
    await gen_tcp.send(s, 'hi');
    await gen_tcp.close(s);
    const msgs = await messages();
    expect(msgs.length).to.equal(2);
    expect((msgs[0] as unknown[])[0]).to.equal(c);
    // inet_drv's port data is a list of bytes, even in binary mode.
    expect([...(((msgs[0] as unknown[])[1] as unknown[])[1] as number[])]).to.deep.equal([104, 105]);
    expect(msgs[1]).to.deep.equal(['tcp_closed', c]);
    await closeAll(c, ls);
  });
});
