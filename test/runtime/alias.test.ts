/**
 * Aliases (erlang:alias/1, unalias/1, monitor/3 with `{alias, Mode}`), as OTP 24+ has them: a
 * reference that works as a send destination while active, so a reply sent after its caller
 * gave up is dropped instead of reaching the mailbox.
 */
import { expect } from 'chai';
import {
  ErlangError,
  _,
  after,
  alias,
  demonitor,
  exit,
  monitor,
  on,
  receive,
  run,
  send,
  spawn,
  unalias,
  type Ref,
} from 'erlts';
import { idle } from '../support/processes.js';

const next = (ms = 20): Promise<unknown> =>
  receive(
    on(_, (m) => m),
    after(ms, () => 'none'),
  );

describe('aliases', () => {
  it('a message sent to an active alias reaches its process; after unalias it is dropped', async () => {
    const got = await run(async () => {
      const a = alias();
      send(a, ['hi', a]);
      const first = await next();
      const wasActive = unalias(a);
      send(a, 'late');
      return [first, wasActive, await next(), unalias(a)];
    });
    const [first, ...rest] = got as [[string, Ref], ...unknown[]];
    expect(first[0]).to.equal('hi');
    expect(rest).to.deep.equal([true, 'none', false]);
  });

  it('another process can send to the alias; alias([reply]) ends at the first message', async () => {
    const got = await run(async () => {
      const a = alias(['reply']);
      spawn(() => {
        send(a, 'one');
        send(a, 'two');
      });
      return [await next(), await next()];
    });
    expect(got).to.deep.equal(['one', 'none']);
  });

  it('monitor/3 {alias, demonitor}: the alias ends with demonitor and with the DOWN', async () => {
    const got = await run(async () => {
      const target = spawn(idle);
      const m1 = monitor('process', target, [['alias', 'demonitor']]);
      send(m1, 'while monitored');
      const first = await next();
      demonitor(m1);
      send(m1, 'after demonitor');
      const second = await next();
      const m2 = monitor('process', target, [['alias', 'demonitor']]);
      exit(target, 'kill');
      const down = await receive(on(['DOWN', m2, 'process', _, _], ([, , , , r]) => r));
      send(m2, 'after DOWN');
      return [first, second, down, await next()];
    });
    expect(got).to.deep.equal(['while monitored', 'none', 'killed', 'none']);
  });

  it('monitor/3 {alias, explicit_unalias}: the alias outlives the monitor', async () => {
    const got = await run(async () => {
      const target = spawn(idle);
      const m = monitor('process', target, [['alias', 'explicit_unalias']]);
      demonitor(m);
      send(m, 'still');
      const first = await next();
      unalias(m);
      exit(target, 'kill');
      return first;
    });
    expect(got).to.equal('still');
  });

  it('an alias of a process that exited is inactive', async () => {
    const got = await run(async () => {
      const a = await new Promise<Ref>((resolve) => {
        spawn(() => resolve(alias()));
      });
      send(a, 'to the dead');
      return 'ok';
    });
    expect(got).to.equal('ok');
  });

  it('bad arguments raise badarg naming what was wrong', async () => {
    const errors = await run(() => {
      const out: string[] = [];
      const target = spawn(idle);
      for (const f of [
        () => alias(['forever' as 'reply']),
        () => unalias('ref' as unknown as Ref),
        () => monitor('process', target, [['alias', 'sometimes' as 'demonitor']]),
      ]) {
        try {
          f();
        } catch (e) {
          if (ErlangError.is(e)) out.push(`${String(e.reason)}: ${e.message}`);
        }
      }
      exit(target, 'kill');
      return out;
    });
    expect(errors).to.have.length(3);
    expect(errors[0]).to.match(/^badarg: erlang:alias\/1: unknown option forever/);
    expect(errors[1]).to.match(/^badarg: erlang:unalias\/1: expected a reference/);
    expect(errors[2]).to.match(/^badarg: erlang:monitor\/3: unknown option \{alias,sometimes\}/);
  });
});
