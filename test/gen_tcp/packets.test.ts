/** Packet framing on a socket, list and binary modes, and recv(S, N) in raw mode. */
import { expect } from 'chai';
import * as net from 'node:net';
import { List, flush } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { closeAll, listener, messages, ok, pair, sleep } from './support.js';

/** A passive erlts socket fed raw bytes by a bare node:net peer. */
async function fedBy(
  opts: readonly gen_tcp.listen_option[],
): Promise<{ s: gen_tcp.socket; peer: net.Socket; ls: gen_tcp.socket }> {
  const [ls, port] = await listener([['active', false], ...opts]);
  const peer = net.connect({ host: '127.0.0.1', port });
  peer.on('error', () => undefined);
  const s = ok(await gen_tcp.accept(ls));
  return { s, peer, ls };
}

async function done(peer: net.Socket, ...sockets: gen_tcp.socket[]): Promise<void> {
  peer.destroy();
  await closeAll(...sockets);
}

describe('gen_tcp packets', () => {
  it('is in list mode by default, and list data is a list of bytes', async () => {
    const [c, s, ls] = await pair([['active', false]]);
    expect(ok(await inet.getopts(c, ['mode', 'packet']))).to.deep.equal([
      ['mode', 'list'],
      ['packet', 0],
    ]);
    await gen_tcp.send(s, [104, 105]);
    const data = ok(await gen_tcp.recv(c, 0, 1000));
    expect(data).to.be.instanceOf(List);
    expect([...(data as number[])]).to.deep.equal([104, 105]);
    await closeAll(c, s, ls);
  });

  for (const n of [1, 2, 4] as const) {
    it(`adds a ${n}-byte header on send and strips it on receive ({packet, ${n}})`, async () => {
      const { s, peer, ls } = await fedBy([]);
      const [ls2, port2] = await listener(['binary', ['packet', n], ['active', false]]);
      const c = ok(await gen_tcp.connect([127, 0, 0, 1], port2, ['binary', ['packet', n]]));
      const s2 = ok(await gen_tcp.accept(ls2));
      await gen_tcp.send(c, 'hello');
      expect(String(ok(await gen_tcp.recv(s2, 0, 1000)))).to.equal('hello');
      // The bytes on the wire carry the header.
      const raw = ok(await gen_tcp.connect([127, 0, 0, 1], port2, ['binary', ['active', false]]));
      const s3 = ok(await gen_tcp.accept(ls2));
      await gen_tcp.send(s3, 'xy');
      const wire = ok(await gen_tcp.recv(raw, n + 2, 1000)) as Buffer;
      expect([...wire.subarray(0, n)]).to.deep.equal([...Buffer.alloc(n - 1), 2]);
      await closeAll(c, s2, s3, raw, ls2);
      await done(peer, s, ls);
    });
  }

  it('gives emsgsize when a packet does not fit its header', async () => {
    const [c, s, ls] = await pair(['binary', ['packet', 1]]);
    expect(await gen_tcp.send(c, Buffer.alloc(256))).to.deep.equal(['error', 'emsgsize']);
    expect(await gen_tcp.send(c, Buffer.alloc(255))).to.equal('ok');
    await closeAll(c, s, ls);
  });

  it('reassembles packets split across reads and splits packets sharing a read', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['packet', 2]]);
    peer.write(Buffer.from([0, 3, 97]));
    await sleep(20);
    peer.write(Buffer.from([98, 99, 0, 1, 100, 0, 2, 101]));
    await sleep(20);
    peer.write(Buffer.from([102]));
    const got = [];
    for (let i = 0; i < 3; i++) got.push(String(ok(await gen_tcp.recv(s, 0, 1000))));
    expect(got).to.deep.equal(['abc', 'd', 'ef']);
    await done(peer, s, ls);
  });

  it('frames lines, with line_delimiter', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['packet', 'line']]);
    peer.write('one\ntwo\nthr');
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('one\n');
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('two\n');
    expect(await gen_tcp.recv(s, 0, 50)).to.deep.equal(['error', 'timeout']);
    expect(await inet.setopts(s, [['line_delimiter', 0x3b]])).to.equal('ok');
    peer.write('ee;four;');
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('three;');
    await done(peer, s, ls);
  });

  it('parses http, switching to headers after the request line', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['packet', 'http_bin'], ['active', true]]);
    peer.write('GET /index.html HTTP/1.1\r\nHost: example\r\n\r\n');
    const msgs = await messages();
    expect(
      msgs.map((m) => {
        const p = (m as unknown[])[2];
        return Array.isArray(p) ? p[0] : p;
      }),
    ).to.deep.equal(['http_request', 'http_header', 'http_eoh']);
    expect((msgs[0] as unknown[])[0]).to.equal('http');
    await done(peer, s, ls);
  });

  for (const [type, bytes, body] of [
    ['asn1', [0x04, 0x02, 0x41, 0x42], 4],
    ['sunrm', [0x80, 0, 0, 2, 0x41, 0x42], 6],
    ['cdr', [0x47, 0x49, 0x4f, 0x50, 1, 0, 0, 0, 0, 0, 0, 2, 0x41, 0x42], 14],
    ['fcgi', [1, 1, 0, 1, 0, 2, 0, 0, 0x41, 0x42], 10],
    ['tpkt', [3, 0, 0, 6, 0x41, 0x42], 6],
  ] as const) {
    it(`frames {packet, ${type}} on receive`, async () => {
      const { s, peer, ls } = await fedBy(['binary', ['packet', type]]);
      peer.write(Buffer.from([...bytes, ...bytes]));
      const a = ok(await gen_tcp.recv(s, 0, 1000)) as Buffer;
      const b = ok(await gen_tcp.recv(s, 0, 1000)) as Buffer;
      expect([a.length, b.length]).to.deep.equal([body, body]);
      expect([...a]).to.deep.equal([...bytes]);
      await done(peer, s, ls);
    });
  }

  it('gives emsgsize for a packet over packet_size: recv error, or tcp_error then tcp_closed', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['packet', 2], ['packet_size', 4]]);
    peer.write(Buffer.from([0, 10, ...Buffer.from('0123456789')]));
    expect(await gen_tcp.recv(s, 0, 1000)).to.deep.equal(['error', 'emsgsize']);
    await done(peer, s, ls);
    const active = await fedBy(['binary', ['packet', 2], ['packet_size', 4]]);
    await inet.setopts(active.s, [['active', true]]);
    active.peer.write(Buffer.from([0, 10, ...Buffer.from('0123456789')]));
    expect(await messages()).to.deep.equal([
      ['tcp_error', active.s, 'emsgsize'],
      ['tcp_closed', active.s],
    ]);
    expect(await gen_tcp.send(active.s, 'x')).to.deep.equal(['error', 'closed']);
    await done(active.peer, active.s, active.ls);
  });

  it('splits data with {header, N} in binary mode', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['header', 2]]);
    peer.write('abcd');
    await sleep(20);
    const data = ok(await gen_tcp.recv(s, 0, 1000)) as unknown[];
    expect(data.slice(0, 2)).to.deep.equal([97, 98]);
    expect(String(data[2])).to.equal('cd');
    await done(peer, s, ls);
  });

  it('reads exactly N bytes with recv(S, N), keeping the rest, and times out keeping partial data', async () => {
    const { s, peer, ls } = await fedBy(['binary']);
    peer.write('0123456789');
    expect(String(ok(await gen_tcp.recv(s, 4, 1000)))).to.equal('0123');
    expect(await gen_tcp.recv(s, 10, 50)).to.deep.equal(['error', 'timeout']);
    peer.write('abcd');
    expect(String(ok(await gen_tcp.recv(s, 10, 1000)))).to.equal('456789abcd');
    expect(await gen_tcp.recv(s, 5, 0)).to.deep.equal(['error', 'timeout']);
    await done(peer, s, ls);
  });

  it('answers recv(S, N) with closed when the peer closes first, and later with enotconn', async () => {
    const { s, peer, ls } = await fedBy(['binary']);
    peer.end('abc');
    await sleep(20);
    expect(await gen_tcp.recv(s, 10, 1000)).to.deep.equal(['error', 'closed']);
    expect(await gen_tcp.recv(s, 0, 100)).to.deep.equal(['error', 'enotconn']);
    await done(peer, s, ls);
  });

  it('returns what is buffered for recv(S, 0) after the peer closed, then closed', async () => {
    const { s, peer, ls } = await fedBy(['binary']);
    peer.end('abc');
    await sleep(20);
    expect(String(ok(await gen_tcp.recv(s, 0, 1000)))).to.equal('abc');
    expect(await gen_tcp.recv(s, 0, 1000)).to.deep.equal(['error', 'closed']);
    await done(peer, s, ls);
  });

  it('refuses a length with a packet type other than raw (einval)', async () => {
    const { s, peer, ls } = await fedBy(['binary', ['packet', 2]]);
    expect(await gen_tcp.recv(s, 5, 100)).to.deep.equal(['error', 'einval']);
    expect(flush()).to.deep.equal([]);
    await done(peer, s, ls);
  });
});
