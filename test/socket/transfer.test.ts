/**
 * erlts/socket's data path: partial sends and reads with their rest, message flags,
 * sendmsg/recvmsg, connected datagram sockets, and what supports() says of them.
 */
import { expect } from 'chai';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErlangError, after, on, receive, self, send, spawn, timer, _ } from 'erlts';
import * as socket from 'erlts/socket';
import { closeAll, ok, pair } from '../support/socket-pairs.js';

type S = socket.Socket;
type SelectInfo = socket.SelectInfo;

/** Reads everything the socket gets until `total` bytes came. */
async function readAll(s: S, total: number): Promise<Buffer> {
  const parts: Buffer[] = [];
  let got = 0;
  while (got < total) {
    const b = ok(await socket.recv(s, 0, 5000));
    parts.push(b);
    got += b.length;
  }
  return Buffer.concat(parts);
}

function pattern(n: number): Buffer {
  const b = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) b[i] = (i * 7 + (i >> 10)) & 0xff;
  return b;
}

async function selectMessage(s: S, handle: unknown, ms = 5000): Promise<string> {
  return receive(
    on(['$socket', s, 'select', handle], () => 'select'),
    after(ms, () => 'none'),
  );
}

describe('socket data path', () => {
  it('gives {error, {timeout, RestData}} for a send the peer does not take in time', async () => {
    const [c, s, ls] = await pair();
    const data = pattern(32 * 1024 * 1024);
    const r = await socket.send(c, data, 200);
    expect(r[0]).to.equal('error');
    const [reason, rest] = (r as readonly ['error', readonly [string, Buffer]])[1];
    expect(reason).to.equal('timeout');
    expect(rest.length).to.be.greaterThan(0).and.lessThan(data.length);
    // RestData is the tail of Data, and exactly what the peer did not get.
    const sent = data.length - rest.length;
    expect(rest.equals(data.subarray(sent))).to.equal(true);
    const got = await readAll(s, sent);
    expect(got.length).to.equal(sent);
    expect(got.equals(data.subarray(0, sent))).to.equal(true);
    expect(await socket.recv(s, 0, 100)).to.deep.equal(['error', 'timeout']);
    await closeAll(c, s, ls);
  });

  it('sends what fits with nowait, returns the rest with a select info, and selects when it may go on', async () => {
    const [c, s, ls] = await pair();
    const data = pattern(16 * 1024 * 1024);
    const r = await socket.send(c, data, 'nowait');
    expect(r[0]).to.equal('ok');
    const [rest, info] = (r as readonly ['ok', readonly [Buffer, SelectInfo]])[1];
    expect(info[0]).to.equal('select_info');
    expect(info[1]).to.equal('send');
    expect(rest.length).to.be.greaterThan(0).and.lessThan(data.length);
    expect((socket.info(c) as { num_writers: number }).num_writers).to.equal(1);
    const me = self();
    // The peer reads in another process; the writer waits for its select message.
    spawn(async () => send(me, ['read', await readAll(s, data.length)]));
    let left = rest;
    let handle = info[2];
    for (;;) {
      expect(await selectMessage(c, handle)).to.equal('select');
      const again = await socket.send(c, left, 'nowait');
      if (again === 'ok') break;
      if (again[0] === 'select') handle = again[1][2];
      else {
        const [more, i2] = (again as readonly ['ok', readonly [Buffer, SelectInfo]])[1];
        left = more;
        handle = i2[2];
      }
    }
    const got = await receive(on(['read', _], ([, b]) => b as Buffer));
    expect(got.equals(data)).to.equal(true);
    await closeAll(c, s, ls);
  });

  it('cancels a nowait send: no select message comes', async () => {
    const [c, s, ls] = await pair();
    const r = await socket.send(c, pattern(16 * 1024 * 1024), 'nowait');
    const info = (r as readonly ['ok', readonly [Buffer, SelectInfo]])[1][1];
    expect(await socket.cancel(c, info)).to.equal('ok');
    await readAll(s, 1);
    expect(await selectMessage(c, info[2], 300)).to.equal('none');
    await closeAll(c, s, ls);
  });

  it('returns part of a nowait recv at once with a select info, then the rest after the select message', async () => {
    const [c, s, ls] = await pair();
    await socket.send(c, 'ab');
    await timer.sleep(30);
    const r = await socket.recv(s, 4, 'nowait');
    expect(r[0]).to.equal('ok');
    const [part, info] = (r as readonly ['ok', readonly [Buffer, SelectInfo]])[1];
    expect(part.toString()).to.equal('ab');
    expect(info[1]).to.equal('recv');
    await socket.send(c, 'cdef');
    expect(await selectMessage(s, info[2])).to.equal('select');
    expect(await socket.recv(s, 2, 'nowait')).to.deep.equal(['ok', Buffer.from('cd')]);
    expect(await socket.recv(s, 0, 'nowait')).to.deep.equal(['ok', Buffer.from('ef')]);
    await closeAll(c, s, ls);
  });

  it('hands back the bytes a recv had when the socket closes under it', async () => {
    const [c, s, ls] = await pair();
    const me = self();
    spawn(async () => send(me, ['recv', await socket.recv(s, 10)]));
    await socket.send(c, 'abc');
    await timer.sleep(30);
    spawn(async () => socket.close(s));
    expect(await receive(on(['recv', _], ([, x]) => x))).to.deep.equal([
      'error',
      ['closed', Buffer.from('abc')],
    ]);
    await closeAll(c, ls);
  });

  it('puts the data of a cancelled recv back, after its select message', async () => {
    const [c, s, ls] = await pair();
    const r = await socket.recv(s, 3, 'nowait');
    const info = (r as readonly ['select', SelectInfo])[1];
    await socket.send(c, 'xyz');
    expect(await selectMessage(s, info[2])).to.equal('select');
    expect(await socket.cancel(s, info)).to.equal('ok');
    expect(await socket.recv(s, 0, 1000)).to.deep.equal(['ok', Buffer.from('xyz')]);
    await closeAll(c, s, ls);
  });

  it('peeks at stream and datagram data without taking it', async () => {
    const [c, s, ls] = await pair();
    await socket.send(c, 'hello');
    expect(await socket.recv(s, 5, ['peek'], 1000)).to.deep.equal(['ok', Buffer.from('hello')]);
    expect(await socket.recv(s, 2, [], 1000)).to.deep.equal(['ok', Buffer.from('he')]);
    expect(await socket.recv(s, 0, ['peek'], 1000)).to.deep.equal(['ok', Buffer.from('llo')]);
    expect(await socket.recv(s, 0, 1000)).to.deep.equal(['ok', Buffer.from('llo')]);
    const u = ok(await socket.open('inet', 'dgram', 'udp'));
    expect(await socket.bind(u, 'loopback')).to.equal('ok');
    const addr = ok(await socket.sockname(u));
    await socket.sendto(u, 'one', addr);
    await socket.sendto(u, 'two', addr);
    expect(ok(await socket.recvfrom(u, 0, ['peek'], 1000))[1]).to.deep.equal(Buffer.from('one'));
    expect(ok(await socket.recvfrom(u, 0, 1000))[1]).to.deep.equal(Buffer.from('one'));
    expect(ok(await socket.recvfrom(u, 0, 1000))[1]).to.deep.equal(Buffer.from('two'));
    await closeAll(c, s, ls, u);
  });

  it('holds data sent with more until a send without it', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.send(c, 'ab', ['more'])).to.equal('ok');
    expect(await socket.recv(s, 0, 60)).to.deep.equal(['error', 'timeout']);
    expect(await socket.send(c, 'cd')).to.equal('ok');
    expect(await socket.recv(s, 4, 1000)).to.deep.equal(['ok', Buffer.from('abcd')]);
    await closeAll(c, s, ls);
  });

  it('refuses unknown flags as OTP, and flags Node cannot honour with enotsup', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.send(c, 'x', ['foo'] as never)).to.deep.equal([
      'error',
      ['invalid', ['msg_flag', 'foo']],
    ]);
    expect(await socket.recv(s, 0, ['bar'] as never, 10)).to.deep.equal([
      'error',
      ['invalid', ['msg_flag', 'bar']],
    ]);
    expect(await socket.send(c, 'x', ['oob'])).to.deep.equal(['error', 'enotsup']);
    expect(await socket.send(c, 'x', [4])).to.deep.equal(['error', 'enotsup']);
    expect(await socket.recv(s, 0, ['oob'], 10)).to.deep.equal(['error', 'enotsup']);
    expect(await socket.recv(s, 0, ['peek'], 10)).to.deep.equal(['error', 'timeout']);
    expect(socket.supports('msg_flags')).to.deep.include.members([
      ['peek', true],
      ['more', true],
      ['nosignal', true],
      ['oob', false],
      ['errqueue', false],
    ]);
    expect(socket.is_supported('msg_flags', 'peek')).to.equal(true);
    expect(socket.is_supported('msg_flags', 'oob')).to.equal(false);
    await closeAll(c, s, ls);
  });

  it('sends and receives msg maps; ancillary data is enotsup', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.sendmsg(c, { iov: [Buffer.from('ab'), Buffer.from('cde')] })).to.equal('ok');
    expect(await socket.recvmsg(s, 3, 0, 1000)).to.deep.equal([
      'ok',
      { ctrl: [], flags: [], iov: [Buffer.from('abc')] },
    ]);
    expect(await socket.recvmsg(s, 1000)).to.deep.equal([
      'ok',
      { ctrl: [], flags: [], iov: [Buffer.from('de')] },
    ]);
    expect(
      await socket.sendmsg(c, {
        iov: [Buffer.from('x')],
        ctrl: [{ level: 'socket', type: 'timestamp', data: 0 }],
      }),
    ).to.deep.equal(['error', 'enotsup']);
    const u = ok(await socket.open('inet', 'dgram', 'udp'));
    expect(await socket.bind(u, 'loopback')).to.equal('ok');
    const addr = ok(await socket.sockname(u));
    expect(await socket.sendmsg(u, { addr, iov: [Buffer.from('truncated')] })).to.equal('ok');
    expect(await socket.recvmsg(u, 5, 0, [], 1000)).to.deep.equal([
      'ok',
      { addr, ctrl: [], flags: ['trunc'], iov: [Buffer.from('trunc')] },
    ]);
    await closeAll(c, s, ls, u);
  });

  it('connects a datagram socket: send and recv without addresses, peername', async () => {
    const a = ok(await socket.open('inet', 'dgram', 'udp'));
    const b = ok(await socket.open('inet', 'dgram', 'udp'));
    expect(await socket.bind(b, 'loopback')).to.equal('ok');
    const bAddr = ok(await socket.sockname(b));
    expect(await socket.send(a, 'x')).to.deep.equal(['error', 'edestaddrreq']);
    expect(await socket.connect(a, bAddr)).to.equal('ok');
    expect(ok(await socket.peername(a))).to.deep.equal(bAddr);
    expect(await socket.send(a, 'hi')).to.equal('ok');
    const [from, data] = ok(await socket.recvfrom(b, 0, 1000));
    expect(data).to.deep.equal(Buffer.from('hi'));
    expect(await socket.sendto(b, 'back', from)).to.equal('ok');
    expect(await socket.recv(a, 0, 1000)).to.deep.equal(['ok', Buffer.from('back')]);
    await closeAll(a, b);
  });

  it('reports options as OTP 25 shapes them in supports', () => {
    expect(socket.supports('options')).to.deep.include([['tcp', 'nodelay'], true]);
    expect(socket.supports('options', 'tcp')).to.deep.include(['nodelay', true]);
    expect(socket.is_supported('options', ['tcp', 'nodelay'])).to.equal(true);
    expect(socket.supports().map(([k]) => k)).to.deep.equal([
      'ioctl_requests',
      'ioctl_flags',
      'options',
      'msg_flags',
      'protocols',
      'sctp',
      'ipv6',
      'local',
      'netns',
      'sendfile',
    ]);
  });

  describe('sendfile', () => {
    let dir = '';
    let path = '';
    const content = pattern(24 * 1024 * 1024);
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'erlts-sendfile-'));
      path = join(dir, 'data.bin');
      writeFileSync(path, content);
    });
    // mocha's after: erlts's `after` is receive's timeout clause.
    globalThis.after(() => rmSync(dir, { recursive: true, force: true }));

    it('sends a whole file from a FileHandle, and a slice from a descriptor', async () => {
      const [c, s, ls] = await pair();
      const fh = await openFile(path);
      const me = self();
      spawn(async () => send(me, ['read', await readAll(s, content.length + 100)]));
      expect(await socket.sendfile(c, fh)).to.deep.equal(['ok', content.length]);
      await fh.close();
      const fd = openSync(path, 'r');
      expect(await socket.sendfile(c, fd, 1000, 100, 'infinity')).to.deep.equal(['ok', 100]);
      closeSync(fd);
      const got = await receive(on(['read', _], ([, b]) => b as Buffer));
      expect(got.equals(Buffer.concat([content, content.subarray(1000, 1100)]))).to.equal(true);
      await closeAll(c, s, ls);
    });

    it('gives {error, {timeout, BytesSent}} when the peer does not take the file in time', async () => {
      const [c, s, ls] = await pair();
      const fh = await openFile(path);
      const r = await socket.sendfile(c, fh, 0, 0, 200);
      await fh.close();
      const [reason, sent] = (r as readonly ['error', readonly [string, number]])[1];
      expect(reason).to.equal('timeout');
      expect(sent).to.be.greaterThan(0).and.lessThan(content.length);
      const got = await readAll(s, sent);
      expect(got.equals(content.subarray(0, sent))).to.equal(true);
      expect(await socket.recv(s, 0, 100)).to.deep.equal(['error', 'timeout']);
      await closeAll(c, s, ls);
    });

    it('goes on with the select info after a nowait sendfile selects', async () => {
      const [c, s, ls] = await pair();
      const fh = await openFile(path);
      const me = self();
      let offset = 0;
      let r = await socket.sendfile(c, fh, 0, 0, 'nowait');
      // Nobody read yet: the socket's buffers are full. Now the peer reads.
      spawn(async () => send(me, ['read', await readAll(s, content.length)]));
      let rounds = 0;
      while (!(r[0] === 'ok' && typeof r[1] === 'number')) {
        const [n, info] =
          r[0] === 'ok'
            ? (r[1] as readonly [number, SelectInfo])
            : [0, (r as readonly ['select', SelectInfo])[1]];
        offset += n;
        expect(info[1]).to.equal('sendfile');
        expect(await selectMessage(c, info[2])).to.equal('select');
        r = await socket.sendfile(c, info, offset, 0, 'nowait');
        rounds++;
      }
      offset += r[1];
      await fh.close();
      expect(rounds).to.be.greaterThan(0);
      expect(offset).to.equal(content.length);
      const got = await receive(on(['read', _], ([, b]) => b as Buffer));
      expect(got.equals(content)).to.equal(true);
      await closeAll(c, s, ls);
    });

    it('raises badarg for what is not a file', async () => {
      const [c, s, ls] = await pair();
      let raised: unknown;
      try {
        await socket.sendfile(c, 'data.bin' as unknown as number);
      } catch (e) {
        raised = e;
      }
      expect((raised as ErlangError).reason).to.equal('badarg');
      expect(socket.is_supported('sendfile')).to.equal(true);
      await closeAll(c, s, ls);
    });
  });

  it('reads and sets the options Node has by native level and number', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.getopt_native(c, ['tcp', 1], 'boolean')).to.deep.equal(['ok', false]);
    expect(await socket.setopt_native(c, [6, 1], 1)).to.equal('ok');
    expect(await socket.getopt(c, ['tcp', 'nodelay'])).to.deep.equal(['ok', true]);
    expect(await socket.getopt_native(c, ['socket', 3], 4)).to.deep.equal(['ok', Buffer.from([1, 0, 0, 0])]);
    expect(await socket.getopt_native(c, ['socket', 7], 'integer')).to.deep.equal(['error', 'enoprotoopt']);
    expect(await socket.setopt_native(c, ['socket', 3], 2)).to.deep.equal(['error', 'enoprotoopt']);
    await closeAll(c, s, ls);
  });
});
