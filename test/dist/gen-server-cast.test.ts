/**
 * gen_server:cast/2 and abcast/3 to `{Name, Node}` of another node: the `{'$gen_cast', Msg}`
 * reaches the process registered there (an erl process here), as OTP sends it.
 */
import { expect } from 'chai';
import * as gen_server from 'erlts/gen_server';
import { node, run } from 'erlts';
import * as net_kernel from '../../net_kernel/index.js';
import { EpmdServer } from '../../net_kernel/internal/epmd-server.js';
import { ErlNode, haveErlang, noErlang } from './support.js';

const COOKIE = 'cast-cookie';

describe('gen_server casts to another node', function () {
  this.timeout(60_000);
  let epmd: EpmdServer;
  let e: ErlNode;

  before(async function () {
    if (!haveErlang) {
      console.log(`      ${noErlang}`);
      this.skip();
    }
    const s = await EpmdServer.listen({ port: 0, address: '127.0.0.1' });
    if (!(s instanceof EpmdServer)) throw new Error(s.error);
    epmd = s;
    expect(
      (await net_kernel.start('ts_cast', { cookie: COOKIE, epmd_port: epmd.port, epmd: 'client' }))[0],
    ).to.equal('ok');
    e = await ErlNode.start({ sname: 'beam_cast', cookie: COOKIE, epmdPort: epmd.port });
    // A process that takes two casts, then hands them over on {dump, From}.
    await e.eval(`register(sink, spawn(fun() -> receive {'$gen_cast', _} = A -> receive {'$gen_cast', _} = B ->
      receive {dump, From} -> From ! [A, B] end end end end))`);
    // Connections stay up once made, as in OTP: made here, they are no test's leak.
    expect(await net_kernel.connect_node(e.node)).to.equal(true);
  });
  after(async () => {
    await e?.stop();
    await net_kernel.stop();
    await epmd?.close();
  });

  it("delivers {'$gen_cast', Msg} to {Name, Node} on an erl node, cast and abcast alike", async () => {
    const got = await run(async () => {
      expect(gen_server.cast(['sink', e.node], ['put', 'color', 'blue'])).to.equal('ok');
      expect(gen_server.abcast([e.node, node()], 'sink', 'ping')).to.equal('abcast');
      return e.eval(`sink ! {dump, self()}, receive L -> L after 5000 -> timeout end`);
    });
    expect(got).to.equal(`[{'$gen_cast',{put,color,blue}},{'$gen_cast',ping}]`);
  });
});
