/** erlang:ports/0 and erlang:port_info/2 over gen_tcp's ports, compared with OTP where it can be. */
import { expect } from 'chai';
import { ErlangError, List, port_info, ports, run, self, spawn, exit, receive, type Port } from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { erlangAvailable, evalInErlang, noErlang } from '../support/erlang.js';

const loopback = ['ip', [127, 0, 0, 1]] as const;

async function listen(): Promise<Port> {
  const r = await gen_tcp.listen(0, ['binary', ['active', false], loopback]);
  if (r[0] !== 'ok') throw new Error(`listen: ${String(r[1])}`);
  return r[1];
}

function badarg(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (ErlangError.is(e) && e.reason === 'badarg') return (e as Error).message;
    throw e;
  }
  throw new Error('no badarg');
}

describe('erlang:ports/0 and port_info/2', function () {
  it('lists the open gen_tcp ports, oldest first, and drops a closed one', async function () {
    const ls = await listen();
    const [, portNo] = (await inet.port(ls)) as ['ok', number];
    const [, c] = (await gen_tcp.connect([127, 0, 0, 1], portNo, ['binary'])) as ['ok', Port];
    const [, s] = (await gen_tcp.accept(ls, 2000)) as ['ok', Port];
    const mine = ports().filter((p) => [ls, c, s].includes(p));
    expect(ports()).to.be.instanceOf(List);
    expect(mine).to.deep.equal([ls, c, s]);
    await gen_tcp.close(c);
    expect(ports()).not.to.include(c);
    await gen_tcp.close(s);
    await gen_tcp.close(ls);
    expect(ports().filter((p) => [ls, c, s].includes(p))).to.deep.equal([]);
  });

  it('drops the ports of a process that dies', async function () {
    const owner = spawn(async () => {
      await receive();
    });
    const ls = await listen();
    await gen_tcp.controlling_process(ls, owner);
    expect(ports()).to.include(ls);
    exit(owner, 'kill');
    expect(ports()).not.to.include(ls);
  });

  it('gives the controlling process as connected, following controlling_process', async function () {
    const ls = await listen();
    expect(port_info(ls, 'connected')).to.deep.equal(['connected', self()]);
    const other = spawn(async () => {
      await receive();
    });
    await gen_tcp.controlling_process(ls, other);
    expect(port_info(ls, 'connected')).to.deep.equal(['connected', other]);
    exit(other, 'kill');
  });

  it('gives the id printed in #Port<0.N> and the driver name "tcp_inet"', async function () {
    const ls = await listen();
    const [, id] = port_info(ls, 'id') as ['id', number];
    expect(String(ls)).to.equal(`#Port<0.${id}>`);
    expect(port_info(ls, 'name')).to.deep.equal(['name', List.from('tcp_inet', (ch) => ch.charCodeAt(0))]);
    expect(port_info(ls, 'name')[1]).to.be.instanceOf(List);
    await gen_tcp.close(ls);
  });

  it('answers undefined for a closed port, whatever the item, and badarg otherwise', async function () {
    const ls = await listen();
    expect(badarg(() => port_info(ls, 'memory' as 'id'))).to.equal(
      'erlang:port_info/2: unknown item memory; erlts knows connected, id, name',
    );
    await gen_tcp.close(ls);
    expect(port_info(ls, 'connected')).to.equal('undefined');
    expect(port_info(ls, 'memory' as 'id')).to.equal('undefined');
    expect(badarg(() => port_info(self(), 'connected'))).to.equal(
      `erlang:port_info/2: expected a port, got ${String(self())}`,
    );
  });

  it('works from any process', async function () {
    const ls = await listen();
    const seen = await run(async () => port_info(ls, 'connected'));
    expect(seen).to.deep.equal(['connected', self()]);
    await gen_tcp.close(ls);
  });

  describe('against OTP', function () {
    before(function () {
      if (!erlangAvailable()) {
        console.log(`      ${noErlang}`);
        this.skip();
      }
    });

    it('gives the same shapes and errors as erlang:port_info/2', async function () {
      const open = '{ok, L} = gen_tcp:listen(0, [])';
      const [name, closed, closedUnknown, unknown, notPort, connected] = evalInErlang([
        `begin ${open}, erlang:port_info(L, name) end`,
        `begin ${open}, gen_tcp:close(L), erlang:port_info(L, connected) end`,
        `begin ${open}, gen_tcp:close(L), erlang:port_info(L, foo) end`,
        `begin ${open}, erlang:port_info(L, foo) end`,
        `erlang:port_info(self(), connected)`,
        `begin ${open}, {connected, P} = erlang:port_info(L, connected), P =:= self() end`,
      ]);
      const ls = await listen();
      expect(name).to.deep.equal({ ok: true, value: port_info(ls, 'name') });
      expect(unknown).to.deep.equal({ ok: false, class: 'error', reason: 'badarg' });
      expect(badarg(() => port_info(ls, 'foo' as 'id'))).to.match(/unknown item foo/);
      expect(connected).to.deep.equal({ ok: true, value: true });
      await gen_tcp.close(ls);
      expect(closed).to.deep.equal({ ok: true, value: port_info(ls, 'connected') });
      expect(closedUnknown).to.deep.equal({ ok: true, value: port_info(ls, 'foo' as 'id') });
      expect(notPort).to.deep.equal({ ok: false, class: 'error', reason: 'badarg' });
    });
  });
});
