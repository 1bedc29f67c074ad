/** erlts/socket, datagram sockets over node:dgram: sendto, recvfrom, nowait, close. */
import { expect } from 'chai';
import { after, on, receive } from 'erlts';
import * as socket from 'erlts/socket';

type S = socket.Socket;

function ok<R extends readonly unknown[]>(r: R): R extends readonly ['ok', infer X] ? X : never {
  if (r[0] !== 'ok') throw new Error(`expected ok, got ${String(r)}`);
  return r[1] as never;
}

async function bound(): Promise<[S, socket.sockaddr]> {
  const s = ok(await socket.open('inet', 'dgram', 'udp'));
  expect(await socket.bind(s, { family: 'inet', addr: 'loopback', port: 0 })).to.equal('ok');
  return [s, ok(await socket.sockname(s))];
}

describe('socket (dgram)', () => {
  it('sends with sendto and receives the source and data with recvfrom', async () => {
    const [a, addr] = await bound();
    const b = ok(await socket.open('inet', 'dgram'));
    expect(ok(await socket.sockname(b))).to.deep.equal({ family: 'inet', addr: [0, 0, 0, 0], port: 0 });
    expect(await socket.sendto(b, 'hello world', addr)).to.equal('ok');
    const [src, data] = ok(await socket.recvfrom(a, 0, 1000));
    expect(String(data)).to.equal('hello world');
    expect(src).to.deep.include({ family: 'inet', addr: [127, 0, 0, 1] });
    expect((src as { port: number }).port).to.equal((ok(await socket.sockname(b)) as { port: number }).port);
    await socket.close(a);
    await socket.close(b);
  });

  it('cuts a datagram to the buffer size, and times out', async () => {
    const [a, addr] = await bound();
    const b = ok(await socket.open('inet', 'dgram'));
    await socket.sendto(b, 'hello world', addr);
    expect(String(ok(await socket.recvfrom(a, 5, 1000))[1])).to.equal('hello');
    expect(await socket.recvfrom(a, 0, 30)).to.deep.equal(['error', 'timeout']);
    await socket.close(a);
    await socket.close(b);
  });

  it('selects for recvfrom nowait, and aborts it on close', async () => {
    const [a, addr] = await bound();
    const b = ok(await socket.open('inet', 'dgram'));
    const r = (await socket.recvfrom(a, 0, 'nowait')) as readonly ['select', readonly unknown[]];
    expect(r[0]).to.equal('select');
    await socket.sendto(b, 'x', addr);
    expect(
      await receive(
        on(['$socket', a, 'select', r[1][2]], () => 'sel'),
        after(1000, () => 'none'),
      ),
    ).to.equal('sel');
    expect(String(ok(await socket.recvfrom(a, 0, 'nowait'))[1])).to.equal('x');
    const r2 = (await socket.recvfrom(a, 0, 'nowait')) as readonly ['select', readonly unknown[]];
    await socket.close(a);
    expect(
      await receive(
        on(['$socket', a, 'abort', [r2[1][2], 'closed']], () => 'abort'),
        after(1000, () => 'none'),
      ),
    ).to.equal('abort');
    expect(await socket.recvfrom(a, 0, 10)).to.deep.equal(['error', 'closed']);
    await socket.close(b);
  });

  it('raises {invalid, {sockaddr, Dest}} for a bad destination, as OTP', async () => {
    const b = ok(await socket.open('inet', 'dgram'));
    let raised: unknown;
    try {
      await socket.sendto(b, 'x', 'foo' as never);
    } catch (e) {
      raised = e;
    }
    expect((raised as { reason?: unknown }).reason).to.deep.equal(['invalid', ['sockaddr', 'foo']]);
    await socket.close(b);
  });

  it('refuses what Node cannot do with the error OTP gives for an unsupported protocol', async () => {
    expect(await socket.open('local', 'dgram')).to.deep.equal(['error', 'eprotonosupport']);
    expect(await socket.open('inet', 'seqpacket')).to.deep.equal(['error', 'eprotonosupport']);
  });
});
