/** Options on live sockets: inheritance, read-back, and errors for malformed ones. */
import { expect } from 'chai';
import { ErlangError, ExitException, after, list, on, receive } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { setDeviceWriter } from '../../runtime/internal/io.js';
import { closeAll, listener, ok, pair } from './support.js';

describe('gen_tcp options on sockets', () => {
  it('gives accepted sockets the listen socket options', async () => {
    const lopts: gen_tcp.listen_option[] = [
      'binary',
      ['packet', 2],
      ['active', 'once'],
      ['nodelay', true],
      ['send_timeout', 1234],
      ['exit_on_close', false],
    ];
    const [c, s, ls] = await pair([], lopts);
    expect(
      ok(await inet.getopts(s, ['mode', 'packet', 'active', 'nodelay', 'send_timeout', 'exit_on_close'])),
    ).to.deep.equal([
      ['mode', 'binary'],
      ['packet', 2],
      ['active', 'once'],
      ['nodelay', true],
      ['send_timeout', 1234],
      ['exit_on_close', false],
    ]);
    expect(await inet.setopts(ls, [['packet', 4]])).to.equal('ok');
    expect(ok(await inet.getopts(ls, ['packet']))).to.deep.equal([['packet', 4]]);
    await closeAll(c, s, ls);
  });

  it('reads back what Node cannot apply, as given (buffer sizes doubled, as Linux reports them)', async () => {
    const opts: gen_tcp.option[] = [
      ['recbuf', 65536],
      ['sndbuf', 32768],
      ['priority', 3],
      ['tos', 16],
      ['delay_send', true],
      ['linger', [true, 5]],
      ['high_msgq_watermark', 100000],
    ];
    const [c, s, ls] = await pair(opts);
    expect(
      ok(
        await inet.getopts(c, [
          'recbuf',
          'sndbuf',
          'priority',
          'tos',
          'delay_send',
          'linger',
          'high_msgq_watermark',
        ]),
      ),
    ).to.deep.equal([['recbuf', 131072], ['sndbuf', 65536], ...opts.slice(2)]);
    await closeAll(c, s, ls);
  });

  it('exits with badarg for a malformed option in listen and connect, with its name, as OTP', async () => {
    let caught: unknown;
    try {
      // @ts-expect-error: no such option, and at runtime badarg
      await gen_tcp.listen(0, [['activ', true]]);
    } catch (e) {
      caught = e;
    }
    expect(ExitException.is(caught) && caught.reason).to.equal('badarg');
    expect(String(caught)).to.match(/activ/);
    caught = undefined;
    try {
      // @ts-expect-error: no such packet type, and at runtime badarg
      await gen_tcp.connect([127, 0, 0, 1], 1, [['packet', 3]]);
    } catch (e) {
      caught = e;
    }
    expect(ExitException.is(caught) && caught.reason).to.equal('badarg');
    expect(String(caught)).to.match(/packet/);
  });

  it('gives einval for a malformed option in setopts, applying none of the list', async () => {
    const [c, s, ls] = await pair(['binary']);
    expect(await inet.setopts(c, [['packet', 2], ['nodelay', 'yes'] as never])).to.deep.equal([
      'error',
      'einval',
    ]);
    expect(ok(await inet.getopts(c, ['packet', 'nodelay']))).to.deep.equal([
      ['packet', 0],
      ['nodelay', false],
    ]);
    expect(await inet.setopts(c, [['ip', [127, 0, 0, 1]] as never])).to.deep.equal(['error', 'einval']);
    await closeAll(c, s, ls);
  });

  it('exits with function_clause when connect is given options that are not a list, null included, as OTP', async () => {
    const [ls, port] = await listener();
    const raised = async (f: () => Promise<unknown>): Promise<unknown> => {
      try {
        return ['returned', await f()];
      } catch (e) {
        if (ExitException.is(e)) return ['exit', e.reason];
        if (ErlangError.is(e)) return ['error', e.reason];
        throw e;
      }
    };
    const addr = { family: 'inet', addr: [127, 0, 0, 1], port } as const;
    for (const opts of [null, 'foo', 5, {}, Buffer.alloc(0)]) {
      const bad = opts as unknown as readonly gen_tcp.connect_option[];
      expect(await raised(() => gen_tcp.connect('localhost', port, bad))).to.deep.equal([
        'exit',
        'function_clause',
      ]);
      expect(await raised(() => gen_tcp.connect([127, 0, 0, 1], port, bad, 1000))).to.deep.equal([
        'exit',
        'function_clause',
      ]);
      expect(await raised(() => gen_tcp.connect(addr, bad))).to.deep.equal(['exit', 'function_clause']);
    }
    // OTP checks the timeout first: gen_tcp:connect({127,0,0,1}, P, foo, -1) is error:badarg.
    expect(
      await raised(() => gen_tcp.connect([127, 0, 0, 1], port, 'foo' as unknown as [], -1)),
    ).to.deep.equal(['error', 'badarg']);
    await closeAll(ls);
  });

  it('gives einval for a list where the {active, V} tuple belongs, on connected and listen sockets', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false]], [['active', false]]);
    for (const sock of [c, ls]) {
      for (const v of [true, 'once', 5]) {
        expect(await inet.setopts(sock, [list('active', v) as never])).to.deep.equal(['error', 'einval']);
        expect(await inet.setopts(sock, list(list('active', v)) as never)).to.deep.equal(['error', 'einval']);
      }
      expect(ok(await inet.getopts(sock, ['active']))).to.deep.equal([['active', false]]);
    }
    // Still passive: what the peer sends stays for recv.
    expect(await gen_tcp.send(s, 'x')).to.equal('ok');
    expect(await gen_tcp.recv(c, 0, 1000)).to.deep.equal(['ok', Buffer.from('x')]);
    await closeAll(c, s, ls);
  });

  it('answers for option values that contain themselves or whose toString throws, as OTP for their nearest terms', async () => {
    const o: Record<string, unknown> = {};
    o.self = o;
    const fn = (): number => 1;
    fn.toString = () => {
      throw new Error('toString called');
    };
    const raised = async (f: () => Promise<unknown>): Promise<unknown> => {
      try {
        return ['returned', await f()];
      } catch (e) {
        return ExitException.is(e) ? ['exit', e.reason] : e;
      }
    };
    // OTP: listen(0, [{ip, #{self => #{}}}]) is {error, einval} (its bind refuses the map);
    // connect exits badarg; setopts answers einval; a fun as a value is badarg / einval.
    expect(await gen_tcp.listen(0, [['ip', o as never]])).to.deep.equal(['error', 'einval']);
    expect(await raised(() => gen_tcp.connect('localhost', 1, [['ip', o as never]]))).to.deep.equal([
      'exit',
      'badarg',
    ]);
    expect(await raised(() => gen_tcp.listen(0, [['packet', fn as never]]))).to.deep.equal([
      'exit',
      'badarg',
    ]);
    const [c, s, ls] = await pair();
    expect(await inet.setopts(c, [['packet', o as never]])).to.deep.equal(['error', 'einval']);
    expect(await inet.setopts(c, [['packet', fn as never]])).to.deep.equal(['error', 'einval']);
    await closeAll(c, s, ls);
  });

  it('binds to the address and port given', async () => {
    const ls = ok(await gen_tcp.listen(0, [['ip', [127, 0, 0, 1]]]));
    const [ip] = ok(await inet.sockname(ls));
    expect(ip).to.deep.equal([127, 0, 0, 1]);
    const any = ok(await gen_tcp.listen(0, []));
    expect(ok(await inet.sockname(any))[0]).to.deep.equal([0, 0, 0, 0]);
    const six = ok(await gen_tcp.listen(0, ['inet6', ['ip', 'loopback']]));
    expect(ok(await inet.sockname(six))[0]).to.deep.equal([0, 0, 0, 0, 0, 0, 0, 1]);
    await closeAll(ls, any, six);
  });

  it('counts bytes and packets in getstat', async () => {
    const [c, s, ls] = await pair(['binary', ['active', false]]);
    await gen_tcp.send(s, 'hello');
    await gen_tcp.recv(c, 0, 1000);
    const stats = Object.fromEntries(ok(await inet.getstat(c)) as [string, number][]);
    expect(Object.keys(stats)).to.deep.equal([
      'recv_oct',
      'recv_cnt',
      'recv_max',
      'recv_avg',
      'recv_dvi',
      'send_oct',
      'send_cnt',
      'send_max',
      'send_avg',
      'send_pend',
    ]);
    expect([stats['recv_oct'], stats['recv_cnt'], stats['recv_max'], stats['recv_avg']]).to.deep.equal([
      5, 1, 5, 5,
    ]);
    const sent = Object.fromEntries(
      ok(await inet.getstat(s, ['send_oct', 'send_cnt'])) as [string, number][],
    );
    expect(sent).to.deep.equal({ send_oct: 5, send_cnt: 1 });
    expect(await inet.getstat(s, ['bogus' as never])).to.deep.equal(['error', 'einval']);
    await closeAll(c, s, ls);
  });

  it('monitors a socket: DOWN normal on close, noproc when already closed, none after cancel', async () => {
    const [c, s, ls] = await pair();
    const ref = inet.monitor(c);
    const ref2 = inet.monitor(s);
    expect(inet.cancel_monitor(ref2)).to.equal(true);
    await gen_tcp.close(c);
    expect(
      await receive(
        on(['DOWN', ref, 'port', c, 'normal'], () => 'down'),
        after(200, () => 'none'),
      ),
    ).to.equal('down');
    const ref3 = inet.monitor(c);
    expect(
      await receive(
        on(['DOWN', ref3, 'port', c, 'noproc'], () => 'noproc'),
        after(200, () => 'none'),
      ),
    ).to.equal('noproc');
    await gen_tcp.close(s);
    expect(
      await receive(
        on(['DOWN', ref2, 'port', s, 'normal'], () => 'down'),
        after(50, () => 'none'),
      ),
    ).to.equal('none');
    await closeAll(ls);
  });

  it('describes a socket with info', async () => {
    const [c, s, ls] = await pair();
    const info = await inet.info(ls);
    expect(info['states']).to.deep.equal(['listen', 'open']);
    expect((await inet.info(c))['states']).to.deep.equal(['connected', 'open']);
    expect(Object.keys(info).sort()).to.deep.equal([
      'counters',
      'input',
      'links',
      'memory',
      'monitors',
      'output',
      'owner',
      'states',
    ]);
    await closeAll(c, s, ls);
  });

  it('lists open sockets with i(), as OTP prints them', async () => {
    const [c, s, ls] = await pair();
    let out = '';
    const old = setDeviceWriter('standard_io', (text) => (out += text));
    try {
      expect(await inet.i()).to.equal('ok');
    } finally {
      setDeviceWriter('standard_io', old);
    }
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).to.match(
      /^Port\s+Module\s+Recv\s+Sent\s+Owner\s+Local Address\s+Foreign Address\s+State\s+Type/,
    );
    const port = ok(await inet.port(ls));
    expect(lines.some((l) => /inet_tcp .*:\d+ .*LN:O .*STREAM/.test(l) && l.includes(`:${port} `))).to.equal(
      true,
    );
    expect(lines.filter((l) => l.includes('CONNECTED(O)')).length).to.be.at.least(2);
    await closeAll(c, s, ls);
  });
});
