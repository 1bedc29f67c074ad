/**
 * global on a node that is not distributed: the names and locks are this node's, at once, with
 * OTP's answers and errors (the cluster is test/dist/global.test.ts's).
 */
import { expect } from 'chai';
import { _, after, exit, is_process_alive, on, receive, run, self, spawn, type Pid } from 'erlts';
import * as global from 'erlts/global';
import * as gen_server from 'erlts/gen_server';

function holder(): Pid {
  return spawn(async () => {
    await receive(on('stop'));
  });
}

describe('global on a node alone', () => {
  it('registers, finds, sends to and unregisters a name', async () => {
    await run(async () => {
      const p = spawn(async () => {
        const m = await receive(
          on(_, (x) => x),
          after(5000, () => 'timeout'),
        );
        await receive(on('stop'));
        return m;
      });
      expect(await global.register_name(['db', 1], p)).to.equal('yes');
      expect(global.whereis_name(['db', 1])).to.equal(p);
      expect([...global.registered_names()]).to.deep.equal([['db', 1]]);
      expect(global.send(['db', 1], 'hello')).to.equal(p);
      const q = holder();
      expect(await global.register_name(['db', 1], q)).to.equal('no');
      expect(await global.re_register_name(['db', 1], q)).to.equal('yes');
      expect(global.whereis_name(['db', 1])).to.equal(q);
      expect(await global.unregister_name(['db', 1])).to.equal('ok');
      expect(await global.unregister_name(['db', 1])).to.equal('ok');
      expect(global.whereis_name(['db', 1])).to.equal('undefined');
      p.send('stop');
      q.send('stop');
    });
  });

  it('frees a name when its process dies, and refuses a second name for a process', async () => {
    await run(async () => {
      const p = holder();
      expect(await global.register_name('mortal', p)).to.equal('yes');
      expect(await global.register_name('second', p)).to.equal('no');
      exit(p, 'kill');
      expect(is_process_alive(p)).to.equal(false);
      expect(global.whereis_name('mortal')).to.equal('undefined');
      expect([...global.registered_names()]).to.deep.equal([]);
    });
  });

  it('exits {badarg, {Name, Msg}} when sending to a name nobody has', async () => {
    await run(async () => {
      expect(() => global.send('nobody', 'x'))
        .to.throw()
        .with.property('reason')
        .deep.equal(['badarg', ['nobody', 'x']]);
    });
  });

  it('raises function_clause for a pid that is not a pid, a bad method, a bad lock id', async () => {
    await run(async () => {
      for (const call of [
        () => global.register_name('x', 'not_a_pid' as unknown as Pid),
        () => global.register_name('x', self(), 42 as never),
        () => global.set_lock('not_a_pair' as never),
        () => global.set_lock(['r', self()], 'nodes' as never),
        () => global.set_lock(['r', self()], [], -1),
      ]) {
        let reason: unknown;
        try {
          await call();
        } catch (e) {
          reason = (e as { reason?: unknown }).reason;
        }
        expect(reason).to.equal('function_clause');
      }
    });
  });

  it('locks: one requester at a time, the same requester from several processes, trans', async () => {
    await run(async () => {
      expect(await global.set_lock(['res', 'me'])).to.equal(true);
      const other = await run(async () => global.set_lock(['res', 'other'], undefined, 0));
      expect(other).to.equal(false);
      const same = await run(async () => {
        const r = await global.set_lock(['res', 'me'], undefined, 0);
        await global.del_lock(['res', 'me']);
        return r;
      });
      expect(same).to.equal(true);
      expect(await global.trans(['res', 'other'], () => 'ran', undefined, 0)).to.equal('aborted');
      expect(await global.del_lock(['res', 'me'])).to.equal(true);
      expect(await global.trans(['res', 'other'], () => 'ran', undefined, 0)).to.equal('ran');
      expect(await global.set_lock(['res', 'third'], undefined, 0)).to.equal(true);
      await global.del_lock(['res', 'third']);
    });
  });

  it('a lock whose holder died is free', async () => {
    await run(async () => {
      const [pid] = await run(async () => [self(), await global.set_lock(['gone', self()])]);
      expect(is_process_alive(pid)).to.equal(false);
      expect(await global.set_lock(['gone', 'new'], undefined, 0)).to.equal(true);
      await global.del_lock(['gone', 'new']);
    });
  });

  it('names a gen_server {global, Name}: started, called, already_started, stopped', async () => {
    const mod = {
      init: () => ['ok', 0],
      handle_call: (_r: unknown, _f: unknown, n: number) => ['reply', n + 1, n + 1],
      handle_cast: (_r: unknown, n: number) => ['noreply', n],
    };
    await run(async () => {
      const [ok, pid] = (await gen_server.start(['global', 'counter'], mod, [], [])) as ['ok', Pid];
      expect(ok).to.equal('ok');
      expect(global.whereis_name('counter')).to.equal(pid);
      expect(await gen_server.call(['global', 'counter'], 'next')).to.equal(1);
      expect(await gen_server.start(['global', 'counter'], mod, [], [])).to.deep.equal([
        'error',
        ['already_started', pid],
      ]);
      await gen_server.stop(['global', 'counter']);
      expect(global.whereis_name('counter')).to.equal('undefined');
    });
  });
});
