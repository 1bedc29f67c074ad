/** erlts/socket, stream sockets: the calls, nowait/select/abort, monitors and the registry. */
import { expect } from 'chai';
import { Ref, after, exit, flush, make_ref, on, receive, self, send, spawn, _ } from 'erlts';
import * as socket from 'erlts/socket';
import { capturingReports } from '../support/processes.js';
import { closeAll, listening, ok, pair } from '../support/socket-pairs.js';

type S = socket.Socket;

describe('socket (stream)', () => {
  it('refuses bad domains, types and protocols with invalid', async () => {
    expect(await socket.open('foo' as never, 'stream', 'tcp')).to.deep.equal([
      'error',
      ['invalid', ['domain', 'foo']],
    ]);
    expect(await socket.open('inet', 'foo' as never, 'tcp')).to.deep.equal([
      'error',
      ['invalid', ['type', 'foo']],
    ]);
    expect(await socket.open('inet', 'stream', 'foo')).to.deep.equal([
      'error',
      ['invalid', ['protocol', 'foo']],
    ]);
  });

  it('prints as OTP prints a socket', async () => {
    const s = ok(await socket.open('inet', 'stream', 'tcp'));
    expect(String(s)).to.match(/^\{'\$socket',#Ref<[0-9.]+>\}$/);
    await socket.close(s);
  });

  it('binds to port 0 and reports the real port in sockname', async () => {
    const [ls, port] = await listening();
    expect(port).to.be.greaterThan(0);
    expect(ok(await socket.sockname(ls))).to.deep.equal({ family: 'inet', addr: [127, 0, 0, 1], port });
    await closeAll(ls);
  });

  it('connects, accepts, and moves exact lengths with recv', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.send(c, 'hello world')).to.equal('ok');
    expect(String(ok(await socket.recv(s, 5, 1000)))).to.equal('hello');
    expect(String(ok(await socket.recv(s, 0, 1000)))).to.equal(' world');
    expect(ok(await socket.peername(s))).to.deep.include({ family: 'inet', addr: [127, 0, 0, 1] });
    await closeAll(c, s, ls);
  });

  it('gives the bytes read so far with a timeout', async () => {
    const [c, s, ls] = await pair();
    await socket.send(c, 'abc');
    await receive(after(20));
    const r = await socket.recv(s, 10, 50);
    expect(r[0]).to.equal('error');
    expect((r[1] as readonly unknown[])[0]).to.equal('timeout');
    expect(String((r[1] as readonly unknown[])[1])).to.equal('abc');
    expect(await socket.recv(s, 0, 0)).to.deep.equal(['error', 'timeout']);
    await closeAll(c, s, ls);
  });

  it('answers recv nowait with select, then a select message, then the data', async () => {
    const [c, s, ls] = await pair();
    const r = await socket.recv(s, 0, 'nowait');
    expect(r[0]).to.equal('select');
    const [, [tag, kind, handle]] = r as readonly ['select', readonly [string, string, Ref]];
    expect([tag, kind]).to.deep.equal(['select_info', 'recv']);
    expect(handle).to.be.instanceOf(Ref);
    await socket.send(c, 'late');
    expect(
      await receive(
        on(['$socket', s, 'select', handle], () => 'selected'),
        after(1000, () => 'none'),
      ),
    ).to.equal('selected');
    expect(String(ok(await socket.recv(s, 0, 'nowait')))).to.equal('late');
    await closeAll(c, s, ls);
  });

  it('uses the caller own ref as the select handle', async () => {
    const [c, s, ls] = await pair();
    const mine = make_ref();
    const r = await socket.recv(s, 0, mine);
    expect(r).to.deep.equal(['select', ['select_info', 'recv', mine]]);
    await socket.send(c, 'x');
    expect(
      await receive(
        on(['$socket', s, 'select', mine], () => 'yes'),
        after(1000, () => 'no'),
      ),
    ).to.equal('yes');
    expect(String(ok(await socket.recv(s, 0, mine)))).to.equal('x');
    await closeAll(c, s, ls);
  });

  it('selects for accept and for connect', async () => {
    const [ls, port] = await listening();
    const a = await socket.accept(ls, 'nowait');
    expect(a[0]).to.equal('select');
    const ah = (a as readonly ['select', readonly unknown[]])[1][2];
    const c = ok(await socket.open('inet', 'stream', 'tcp'));
    const r = await socket.connect(c, { family: 'inet', addr: [127, 0, 0, 1], port }, 'nowait');
    expect(r[0]).to.equal('select');
    const ch = (r as readonly ['select', readonly unknown[]])[1][2];
    const got = new Set<string>();
    for (let i = 0; i < 2; i++) {
      const which: string = await receive(
        on(['$socket', ls, 'select', ah], () => 'accept'),
        on(['$socket', c, 'select', ch], () => 'connect'),
        after(1000, () => 'none'),
      );
      got.add(which);
    }
    expect([...got].sort()).to.deep.equal(['accept', 'connect']);
    expect(await socket.connect(c)).to.equal('ok');
    const s = ok(await socket.accept(ls, 'nowait'));
    await socket.send(c, 'hi');
    expect(String(ok(await socket.recv(s, 2, 1000)))).to.equal('hi');
    await closeAll(c, s, ls);
  });

  it('aborts pending nowait calls when another process closes the socket', async () => {
    const [c, s, ls] = await pair();
    const r = await socket.recv(s, 0, 'nowait');
    const handle = (r as readonly ['select', readonly unknown[]])[1][2];
    const mon = socket.monitor(s);
    const me = self();
    spawn(async () => send(me, ['closed', await socket.close(s)]));
    const msgs: unknown[] = [];
    for (let i = 0; i < 3; i++)
      msgs.push(
        await receive(
          on(_, (m) => m),
          after(1000, () => 'none'),
        ),
      );
    expect(msgs).to.deep.include(['$socket', s, 'abort', [handle, 'closed']]);
    expect(msgs).to.deep.include(['DOWN', mon, 'socket', s, 'closed']);
    expect(msgs).to.deep.include(['closed', 'ok']);
    expect(await socket.recv(s, 0, 10)).to.deep.equal(['error', 'closed']);
    const late = socket.monitor(s);
    expect(
      await receive(
        on(['DOWN', late, 'socket', s, 'nosock'], () => 'down'),
        after(100, () => 'none'),
      ),
    ).to.equal('down');
    await closeAll(c, ls);
  });

  it('cancels a pending select, and refuses an unknown one', async () => {
    const [c, s, ls] = await pair();
    const r = (await socket.recv(s, 0, 'nowait')) as readonly ['select', socket.SelectInfo];
    expect(await socket.cancel(s, r[1])).to.equal('ok');
    expect(await socket.cancel(s, r[1])).to.deep.equal(['error', ['invalid', r[1]]]);
    await closeAll(c, s, ls);
  });

  it('closes the socket when its owner dies', async () => {
    const [ls, port] = await listening();
    const me = self();
    const owner = spawn(async () => {
      const c = ok(await socket.open('inet', 'stream', 'tcp'));
      await socket.connect(c, { family: 'inet', addr: [127, 0, 0, 1], port });
      send(me, ['sock', c]);
      await receive(on('never'));
    });
    const c = (await receive(on(['sock', _], ([, x]) => x))) as S;
    const s = ok(await socket.accept(ls, 1000));
    const mon = socket.monitor(c);
    await capturingReports(async () => {
      exit(owner, 'kill');
      expect(
        await receive(
          on(['DOWN', mon, 'socket', c, _], () => 'down'),
          after(1000, () => 'none'),
        ),
      ).to.equal('down');
    });
    expect(await socket.recv(s, 0, 1000)).to.deep.equal(['error', 'closed']);
    await closeAll(s, ls);
  });

  it('keeps the registry: number_of and which_sockets with filters', async () => {
    const before = socket.number_of();
    const [c, s, ls] = await pair();
    expect(socket.number_of()).to.equal(before + 3);
    expect(socket.which_sockets()).to.include.members([c, s, ls]);
    expect(socket.which_sockets('inet')).to.include.members([c, s, ls]);
    expect(socket.which_sockets('inet6')).to.not.include(c);
    expect(socket.which_sockets(self())).to.include.members([c, s, ls]);
    // A fun gets each socket's info map, as socket:info/1 gives it.
    const listening = socket.which_sockets((i: { rstates: string[] }) => i.rstates.includes('listening'));
    expect(listening).to.include(ls).and.not.include(c);
    const hidden = ok(await socket.open('inet', 'stream', 'tcp', { use_registry: false }));
    expect(socket.which_sockets()).to.not.include(hidden);
    await closeAll(c, s, ls, hidden);
    expect(socket.number_of()).to.equal(before);
    expect(flush()).to.deep.equal([]);
  });

  it('queues readers from several processes and serves them in order', async () => {
    const [c, s, ls] = await pair();
    const me = self();
    for (const name of ['first', 'second']) {
      spawn(async () => send(me, [name, await socket.recv(s, 3, 1000)]));
      await receive(after(10));
    }
    await socket.send(c, 'onetwo');
    const got = [await receive(on([_, _], (m) => m)), await receive(on([_, _], (m) => m))].map(([n, r]) => [
      n,
      String((r as unknown[])[1]),
    ]);
    expect(got).to.deep.equal([
      ['first', 'one'],
      ['second', 'two'],
    ]);
    await closeAll(c, s, ls);
  });

  it('lets a recv go on after cancel, and aborts its own pending nowait on a synchronous call', async () => {
    const [c, s, ls] = await pair();
    const r = (await socket.recv(s, 0, 'nowait')) as readonly ['select', socket.SelectInfo];
    expect(await socket.cancel(s, r[1])).to.equal('ok');
    await socket.send(c, 'after cancel');
    expect(String(ok(await socket.recv(s, 0, 1000)))).to.equal('after cancel');
    const r2 = (await socket.recv(s, 0, 'nowait')) as readonly ['select', readonly unknown[]];
    const sync = socket.recv(s, 0, 1000);
    expect(
      await receive(
        on(['$socket', s, 'abort', [r2[1][2], 'cancelled']], () => 'aborted'),
        after(100, () => 'none'),
      ),
    ).to.equal('aborted');
    await socket.send(c, 'sync');
    expect(String(ok(await sync))).to.equal('sync');
    await closeAll(c, s, ls);
  });

  it('reads and sets options as OTP 25 answers them', async () => {
    const [c, s, ls] = await pair();
    expect(await socket.getopt(c, ['socket', 'type'])).to.deep.equal(['ok', 'stream']);
    expect(await socket.getopt(c, ['socket', 'domain'])).to.deep.equal(['ok', 'inet']);
    expect(await socket.getopt(c, ['socket', 'protocol'])).to.deep.equal(['ok', 'tcp']);
    expect(await socket.getopt(ls, ['socket', 'acceptconn'])).to.deep.equal(['ok', true]);
    expect(await socket.setopt(c, ['tcp', 'nodelay'], true)).to.equal('ok');
    expect(await socket.getopt(c, ['tcp', 'nodelay'])).to.deep.equal(['ok', true]);
    expect(await socket.setopt(c, ['socket', 'keepalive'], 'yes' as never)).to.deep.equal([
      'error',
      ['invalid', ['socket_option', ['socket', 'keepalive'], 'yes']],
    ]);
    // @ts-expect-error: no such option; at runtime {error, {invalid, {socket_option, Opt}}}
    expect(await socket.setopt(c, ['socket', 'foo'], 1)).to.deep.equal([
      'error',
      ['invalid', ['socket_option', ['socket', 'foo']]],
    ]);
    expect(await socket.setopt(c, ['socket', 'rcvbuf'], 65536)).to.equal('ok');
    expect(await socket.getopt(c, ['socket', 'rcvbuf'])).to.deep.equal(['ok', 131072]);
    expect(await socket.getopt(c, ['otp', 'controlling_process'])).to.deep.equal(['ok', self()]);
    await closeAll(c, s, ls);
  });

  it('hands a socket on with setopt controlling_process, only from its owner', async () => {
    const [c, s, ls] = await pair();
    const me = self();
    const other = spawn(async () => {
      send(me, ['tried', await socket.setopt(c, ['otp', 'controlling_process'], self())]);
      await receive(on('stop'), after(2000));
    });
    expect(await receive(on(['tried', _], ([, r]) => r))).to.deep.equal(['error', ['invalid', 'not_owner']]);
    expect(await socket.setopt(c, ['otp', 'controlling_process'], other)).to.equal('ok');
    expect(await socket.getopt(c, ['otp', 'controlling_process'])).to.deep.equal(['ok', other]);
    expect(await socket.setopt(c, ['otp', 'controlling_process'], me)).to.deep.equal([
      'error',
      ['invalid', 'not_owner'],
    ]);
    const mon = socket.monitor(c);
    send(other, 'stop');
    expect(
      await receive(
        on(['DOWN', mon, 'socket', c, 'closed'], () => 'down'),
        after(1000, () => 'none'),
      ),
    ).to.equal('down');
    await closeAll(s, ls);
  });

  it('counts in info, and says the truth in supports and is_supported', async () => {
    const [c, s, ls] = await pair();
    await socket.send(c, 'hello');
    await socket.recv(s, 5, 1000);
    const i = socket.info(s) as { counters: Record<string, number>; type: string; owner: unknown };
    expect([i.counters['read_byte'], i.counters['read_pkg'], i.type, i.owner]).to.deep.equal([
      5,
      1,
      'stream',
      self(),
    ]);
    expect((socket.info(c) as { counters: Record<string, number> }).counters['write_byte']).to.equal(5);
    expect(socket.is_supported('options', 'tcp', 'nodelay')).to.equal(true);
    expect(socket.is_supported('options', 'socket', 'priority')).to.equal(false);
    expect(socket.is_supported('ipv6')).to.equal(true);
    expect(socket.is_supported('sctp')).to.equal(false);
    await closeAll(c, s, ls);
  });
});
