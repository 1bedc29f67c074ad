import { AsyncLocalStorage } from 'node:async_hooks';
import { expect } from 'chai';
import {
  ErlangError,
  Pid,
  _,
  after,
  erase,
  exit,
  get,
  get_keys,
  is_process_alive,
  list,
  make_ref,
  on,
  process_flag,
  process_info,
  processes,
  put,
  receive,
  register,
  registered,
  run,
  self,
  send,
  spawn,
  spawn_link,
  spawn_monitor,
  unregister,
  whereis,
} from 'erlts';
import { idle } from '../support/processes.js';

describe('processes', () => {
  it('spawn returns a pid that prints as <0.N.0> and runs the function with its arguments', async () => {
    const got = await run(async () => {
      const me = self();
      const pid = spawn((a: number, b: number) => send(me, ['sum', a + b]), 2, 3);
      const sum = await receive(
        on(['sum', _], ([, s]) => s),
        after(500),
      );
      return [String(pid), sum];
    });
    expect(got[0]).to.match(/^<0\.\d+\.\d+>$/);
    expect(got[1]).to.equal(5);
  });

  it('the spawner goes on first: the child starts on a later turn', async () => {
    const got = await run(async () => {
      const order: string[] = [];
      const me = self();
      spawn(() => {
        order.push('child');
        send(me, 'started');
      });
      order.push('parent');
      await receive(on('started'), after(500));
      return order;
    });
    expect(got).to.deep.equal(['parent', 'child']);
  });

  it('self() is the process itself across awaits of foreign promises', async () => {
    const got = await run(async () => {
      const me = self();
      const other = spawn(idle);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const afterTimer = self() === me;
      await Promise.all([Promise.resolve(1), new Promise((r) => setImmediate(r))]);
      const afterAll = self() === me;
      send(other, 'stop');
      return [afterTimer, afterAll];
    });
    expect(got).to.deep.equal([true, true]);
  });

  it('keeps self() right while AsyncLocalStorage is used too, and keeps its store right', async () => {
    const als = new AsyncLocalStorage<string>();
    const got = await als.run('outer', () =>
      run(async () => {
        const me = self();
        const inner = await als.run('inner', async () => {
          await receive(after(1));
          return [als.getStore(), self() === me];
        });
        await new Promise((resolve) => setTimeout(resolve, 1));
        return [...inner, als.getStore(), self() === me];
      }),
    );
    expect(got).to.deep.equal(['inner', true, 'outer', true]);
  });

  it('concurrent processes each see their own self()', async () => {
    const got = await run(async () => {
      const me = self();
      for (let i = 0; i < 20; i++) {
        spawn(async () => {
          const mine = self();
          await new Promise((r) => setTimeout(r, Math.random() * 5));
          await receive(after(1));
          send(me, self() === mine);
        });
      }
      const results: unknown[] = [];
      for (let i = 0; i < 20; i++) results.push(await receive(on(_), after(500)));
      return results.every((r) => r === true);
    });
    expect(got).to.equal(true);
  });

  it('the shell outside any process has a pid, and pid.send reaches it', async () => {
    const shell = self();
    expect(shell).to.be.instanceOf(Pid);
    shell.send('hello shell');
    expect(await receive(on('hello shell'), after(100))).to.equal('hello shell');
    const inside = await run(() => self());
    expect(inside).to.not.equal(shell);
  });

  it('sending to a dead pid is silent, to an unregistered name is badarg, to a non-pid is badarg', async () => {
    const [dead, ref] = spawn_monitor(() => undefined);
    await receive(on(['DOWN', ref, _, _, _]), after(500));
    expect(send(dead, 'lost')).to.equal('lost');
    expect(() => send('no_such_name', 'x')).to.throw(ErlangError, /no process is registered as no_such_name/);
    expect(() => send(42 as never, 'x')).to.throw(ErlangError, /must be a pid or a registered name, got 42/);
  });

  it('spawn raises badarg for something that is not a function', () => {
    expect(() => spawn('nope' as never)).to.throw(ErlangError, /must be a function, got nope/);
  });

  it('is_process_alive and processes() track life and death', async () => {
    const pid = spawn(idle);
    expect(is_process_alive(pid)).to.equal(true);
    expect([...processes()]).to.include(pid);
    exit(pid, 'kill');
    expect(is_process_alive(pid)).to.equal(false);
    expect([...processes()]).to.not.include(pid);
    expect(() => is_process_alive('x' as never)).to.throw(ErlangError, /expected a pid/);
  });

  it('spawn_link links both ways and spawn_monitor gives [Pid, Ref]', async () => {
    const got = await run(async () => {
      const pid = spawn_link(idle);
      const [, links] = process_info(pid, 'links') as [string, Pid[]];
      const [mpid, ref] = spawn_monitor(idle);
      const [, monitoredBy] = process_info(mpid, 'monitored_by') as [string, Pid[]];
      const me = self();
      send(pid, 'stop');
      send(mpid, 'stop');
      await receive(on(['DOWN', ref, _, _, _]), after(500));
      return [links.includes(me), monitoredBy.includes(me)];
    });
    expect(got).to.deep.equal([true, true]);
  });

  it('process_info reports queue, messages, trap_exit, status and registered_name', async () => {
    const got = await run(async () => {
      const pid = spawn(async () => {
        process_flag('trap_exit', true);
        await receive(on('stop'), after(2000));
      });
      send(pid, 'a');
      send(pid, ['b']);
      await receive(after(5));
      const info = [
        process_info(pid, 'message_queue_len'),
        process_info(pid, 'messages'),
        process_info(pid, 'trap_exit'),
        process_info(pid, 'status'),
        process_info(pid, 'registered_name'),
      ];
      register('info_target', pid);
      info.push(process_info(pid, 'registered_name'));
      send(pid, 'stop');
      await receive(after(5));
      info.push(process_info(pid, 'status'));
      return info;
    });
    expect(got).to.deep.equal([
      ['message_queue_len', 2],
      ['messages', list('a', ['b'])],
      ['trap_exit', true],
      ['status', 'waiting'],
      list(),
      ['registered_name', 'info_target'],
      'undefined',
    ]);
  });

  it('process_info raises badarg for an unknown item', () => {
    expect(() => process_info(self(), 'bogus' as never)).to.throw(ErlangError, /unknown item bogus/);
  });

  it('process_flag supports trap_exit and returns the old value', async () => {
    const got = await run(() => [process_flag('trap_exit', true), process_flag('trap_exit', false)]);
    expect(got).to.deep.equal([false, true]);
    expect(() => process_flag('priority' as never, true)).to.throw(ErlangError, /unsupported flag/);
  });

  it('the process dictionary: put, get, erase, get_keys, with term-equal keys', async () => {
    const got = await run(() => [
      put('a', 1),
      put('a', 2),
      put(['k', 1], 'tuple key'),
      get(['k', 1]),
      get('missing'),
      get_keys(2),
      erase('a'),
      erase('a'),
      get(),
      erase(),
      get(),
    ]);
    expect(got).to.deep.equal([
      'undefined',
      1,
      'undefined',
      'tuple key',
      'undefined',
      list('a'),
      2,
      'undefined',
      list([['k', 1], 'tuple key']),
      list([['k', 1], 'tuple key']),
      list(),
    ]);
  });

  it('make_ref gives distinct refs printing as #Ref<...>', () => {
    const a = make_ref();
    const b = make_ref();
    expect(a).to.not.equal(b);
    expect(String(a)).to.match(/^#Ref<0\.\d+\.\d+\.\d+>$/);
  });
});

describe('registered names', () => {
  it('register, whereis, registered, send by name, unregister', async () => {
    const got = await run(async () => {
      const me = self();
      const pid = spawn(async () => {
        const m = await receive(on(_), after(500));
        send(me, ['echo', m]);
      });
      const r = register('echo_by_name', pid);
      const where = whereis('echo_by_name');
      const listed = registered().includes('echo_by_name');
      send('echo_by_name', 'hi');
      const echoed = await receive(
        on(['echo', _], ([, m]) => m),
        after(500),
      );
      return [r, where === pid, listed, echoed];
    });
    expect(got).to.deep.equal([true, true, true, 'hi']);
  });

  it('a name is released when its process exits', async () => {
    const pid = spawn(idle);
    register('released_on_exit', pid);
    exit(pid, 'kill');
    expect(whereis('released_on_exit')).to.equal('undefined');
    const again = spawn(idle);
    expect(register('released_on_exit', again)).to.equal(true);
    expect(unregister('released_on_exit')).to.equal(true);
    expect(whereis('released_on_exit')).to.equal('undefined');
    send(again, 'stop');
  });

  it('raises badarg for a taken name, a named pid, a dead pid, undefined, and unknown unregister', async () => {
    const a = spawn(idle);
    const b = spawn(idle);
    register('taken_name', a);
    expect(() => register('taken_name', b)).to.throw(ErlangError, /already registered/);
    expect(() => register('another_name', a)).to.throw(ErlangError, /already registered as taken_name/);
    expect(() => register('undefined', b)).to.throw(ErlangError, /cannot be registered/);
    expect(() => register(42, b)).to.throw(ErlangError, /must be an atom/);
    exit(b, 'kill');
    expect(() => register('dead_one', b)).to.throw(ErlangError, /is not alive/);
    expect(() => unregister('never_registered')).to.throw(ErlangError, /no process is registered/);
    exit(a, 'kill');
  });
});
