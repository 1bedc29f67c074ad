/**
 * receive: clause order, guards, the save queue, after, and per-sender order. The cases that wait
 * on an after timer run on virtual time (erlts/sim), except the first after case, which keeps the
 * real clock's path covered.
 */
import { expect } from 'chai';
import fc from 'fast-check';
import {
  ImproperList,
  _,
  after,
  flush,
  is,
  is_pid,
  list,
  make_ref,
  monotonic_time,
  on,
  process_info,
  receive,
  run,
  self,
  send,
  spawn,
  type Pid,
} from 'erlts';
import { simulate } from 'erlts/sim';

describe('receive', () => {
  it('takes messages oldest first when every message matches', async () => {
    const got = await run(async () => {
      for (const n of [1, 2, 3]) send(self(), n);
      return [await receive(), await receive(), await receive()];
    });
    expect(got).to.deep.equal([1, 2, 3]);
  });

  it('leaves messages that match no clause in the mailbox, in order', async () => {
    const got = await run(async () => {
      send(self(), ['a', 1]);
      send(self(), ['b', 2]);
      send(self(), ['a', 3]);
      const b = await receive(on(['b', _], ([, n]) => n));
      const rest = flush();
      return [b, rest];
    });
    expect(got).to.deep.equal([
      2,
      [
        ['a', 1],
        ['a', 3],
      ],
    ]);
  });

  it('tries clauses in order for each message, oldest message first', async () => {
    const got = await run(async () => {
      send(self(), 'second');
      send(self(), 'first');
      // The oldest message decides, even though a later clause names the other one.
      return receive(
        on('first', () => 'took first'),
        on('second', () => 'took second'),
      );
    });
    expect(got).to.equal('took second');
  });

  it('applies guards, and a guard that throws counts as false', async () => {
    const got = await run(async () => {
      send(self(), 5);
      send(self(), 50);
      const big = await receive(
        on(
          _,
          (n) => (n as { x: number }).x > 1,
          () => 'never',
        ),
        on(
          is((v): v is number => typeof v === 'number'),
          (n) => n > 10,
          (n) => n,
        ),
      );
      return [big, flush()];
    });
    expect(got).to.deep.equal([50, [5]]);
  });

  it('matches Buffers by bytes, objects by keys, and pids by identity', async () => {
    const got = await run(async () => {
      const me = self();
      send(self(), Buffer.from('hi'));
      send(self(), { family: 'inet', port: 80, extra: true });
      send(self(), ['from', me]);
      const b = await receive(on(Buffer.from('hi'), () => 'buffer'));
      const o = await receive(on({ family: 'inet' }, (m) => m.port));
      const p = await receive(on(['from', is(is_pid)], ([, pid]) => pid === me));
      return [b, o, p];
    });
    expect(got).to.deep.equal(['buffer', 80, true]);
  });

  it('matches an improper list element by element and tail by tail, as [alias | Ref]', async () => {
    const got = await run(async () => {
      const ref = make_ref();
      send(self(), [new ImproperList(['alias'], make_ref()), 'other']);
      send(self(), [new ImproperList(['alias', 'x'], ref), 'longer']);
      send(self(), [new ImproperList(['alias'], ref), 'mine']);
      const m = await receive(on([new ImproperList(['alias'], ref), _], ([, r]) => r));
      const any = await receive(on([new ImproperList([_], _), _], ([, r]) => r));
      return [m, any, flush().length];
    });
    expect(got).to.deep.equal(['mine', 'other', 1]);
  });

  it('waits for a matching message that arrives later', async () => {
    const got = await run(async () => {
      const me = self();
      spawn(() => {
        send(me, 'noise');
        send(me, ['answer', 42]);
      });
      const answer = await receive(
        on(['answer', _], ([, n]) => n),
        after(1000, () => 'timeout'),
      );
      return [answer, flush()];
    });
    expect(got).to.deep.equal([42, ['noise']]);
  });

  it('after 0 polls: returns the timeout body when nothing matches, without waiting', async () => {
    const got = await run(async () => {
      send(self(), 'other');
      const first = await receive(
        on('wanted'),
        after(0, () => 'empty'),
      );
      send(self(), 'wanted');
      const second = await receive(
        on('wanted'),
        after(0, () => 'empty'),
      );
      return [first, second, flush()];
    });
    expect(got).to.deep.equal(['empty', 'wanted', ['other']]);
  });

  it('fires after(ms) when no message comes, and gives the atom timeout without a body', async () => {
    const started = performance.now();
    const got = await run(() => receive(after(30)));
    expect(got).to.equal('timeout');
    expect(performance.now() - started).to.be.at.least(25);
  });

  it('does not fire after(ms) once a message has been taken', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const me = self();
      spawn(() => send(me, 'quick'));
      const first = await receive(
        on('quick'),
        after(50, () => 'timeout'),
      );
      // If the first timer were still armed it could not reach this receive; make sure of it.
      const second = await receive(after(80, () => 'quiet'));
      return [first, second];
    });
    expect(r.result).to.deep.equal(['quick', 'quiet']);
    // The message came at once; only the second receive's 80 ms passed.
    expect(r.virtualMs).to.equal(80);
  });

  it('waits forever with after(Infinity) until a message comes', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const me = self();
      spawn(async () => {
        await receive(after(20));
        send(me, 'late');
      });
      return receive(
        on('late', () => ['late', monotonic_time('millisecond')]),
        after(Infinity, () => 'never'),
      );
    });
    expect(r.result).to.deep.equal(['late', 20]);
  });

  it('runs clause bodies as the receiving process, awaiting async bodies', async () => {
    const got = await run(async () => {
      const me = self();
      spawn(() => send(me, 'go'));
      return receive(
        on('go', async () => {
          await receive(after(1));
          return self() === me;
        }),
      );
    });
    expect(got).to.equal(true);
  });

  it('rejects with the error a clause body throws', async () => {
    const err = await run(async () => {
      send(self(), 'x');
      try {
        await receive(
          on('x', () => {
            throw new Error('body failed');
          }),
        );
        return 'no error';
      } catch (error) {
        return (error as Error).message;
      }
    });
    expect(err).to.equal('body failed');
  });

  it('raises timeout_value for a negative or fractional timeout', async () => {
    for (const bad of [-1, 1.5, Number.NaN]) {
      expect(() => after(bad))
        .to.throw(/timeout must be an integer/)
        .with.property('reason', 'timeout_value');
    }
  });

  it('raises badarg for an argument that is not a clause, naming it', async () => {
    const reason = await run(async () => {
      try {
        await receive('oops' as never);
        return 'accepted';
      } catch (error) {
        return [(error as { reason: unknown }).reason, (error as Error).message];
      }
    });
    expect(reason).to.deep.equal([
      'badarg',
      'receive/1: argument 1 must be a clause made by on(...) or after(...), got oops',
    ]);
  });

  it('raises badarg when after() is not the last clause', async () => {
    const reason = await run(async () => {
      try {
        await receive(after(0) as never, on(_));
        return 'accepted';
      } catch (error) {
        return (error as { reason: unknown }).reason;
      }
    });
    expect(reason).to.equal('badarg');
  });

  it('refuses a second concurrent receive in the same process', async () => {
    const r = await simulate({ seed: 1 }, async () => {
      const first = receive(after(20, () => 'first'));
      const second = await receive(after(0)).catch((error: { reason: unknown }) => error.reason);
      return [await first, second];
    });
    expect(r.result).to.deep.equal(['first', 'badarg']);
    expect(r.virtualMs).to.equal(20);
  });

  it('works from outside any process, as the shell', async () => {
    send(self(), 'to the shell');
    expect(await receive(on('to the shell'), after(100))).to.equal('to the shell');
  });

  it('flush() returns what it removed as a list', async () => {
    const got = await run(() => {
      send(self(), 1);
      send(self(), ['two']);
      return flush();
    });
    expect(got).to.deep.equal(list(1, ['two']));
    expect(got).to.be.instanceOf(Array);
  });

  it('a reply awaited with a fresh ref skips messages queued before the ref was made', async () => {
    const got = await run(async () => {
      const me = self();
      for (let i = 0; i < 1000; i++) send(me, ['unrelated', i]);
      const server = spawn(async () => {
        const [from, ref] = (await receive()) as [Pid, unknown];
        send(from, ['reply', ref, 'pong']);
      });
      const ref = make_ref();
      send(server, [me, ref]);
      const reply = await receive(
        on(['reply', ref, _], ([, , r]) => r),
        after(1000, () => 'timeout'),
      );
      const [, left] = process_info(me, 'message_queue_len') as [string, number];
      flush();
      return [reply, left];
    });
    expect(got).to.deep.equal(['pong', 1000]);
  });

  it('keeps the mark right when the marked message itself is taken', async () => {
    const got = await run(async () => {
      send(self(), 'before');
      const ref = make_ref(); // mark is after 'before'
      const first = await receive(on('before')); // removes the mark node
      send(self(), ['r', ref]);
      const r = await receive(
        on(['r', ref], ([, x]) => x === ref),
        after(0, () => 'lost'),
      );
      return [first, r];
    });
    expect(got).to.deep.equal(['before', true]);
  });

  it('keeps per-sender order and takes exactly the matching messages (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('a', 'b', 'c'), fc.nat(100)), { maxLength: 40 }),
        fc.constantFrom('a', 'b', 'c'),
        async (msgs, wanted) => {
          const got = await run(async () => {
            for (const m of msgs) send(self(), m);
            const taken: unknown[] = [];
            for (;;) {
              const m = await receive(
                on([wanted, _]),
                after(0, () => null),
              );
              if (m === null) break;
              taken.push(m);
            }
            return [taken, [...flush()]];
          });
          expect(got[0]).to.deep.equal(msgs.filter(([k]) => k === wanted));
          expect(got[1]).to.deep.equal(msgs.filter(([k]) => k !== wanted));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('keeps the order of every sender among messages from many senders (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.nat(5), { minLength: 1, maxLength: 6 }),
        fc.array(fc.boolean(), { maxLength: 30 }),
        async (counts, yields) => {
          const got = await run(async () => {
            const me = self();
            counts.forEach((count, sender) => {
              spawn(async () => {
                for (let i = 0; i < count; i++) {
                  send(me, ['msg', sender, i]);
                  // Interleave the senders differently run by run.
                  if (yields[(sender * 7 + i) % Math.max(1, yields.length)]) await receive(after(0));
                }
                send(me, ['done', sender]);
              });
            });
            for (let s = 0; s < counts.length; s++) await receive(on(['done', _]), after(1000));
            return [...flush()];
          });
          counts.forEach((count, sender) => {
            const mine = got.filter((m) => (m as unknown[])[1] === sender).map((m) => (m as unknown[])[2]);
            expect(mine).to.deep.equal(Array.from({ length: count }, (_v, i) => i));
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('types the body argument from the pattern', async () => {
    const got = await run(async () => {
      send(self(), ['tcp', 'S', Buffer.from('data')]);
      return receive(
        on(['tcp', _, is((v): v is Buffer => Buffer.isBuffer(v))], ([tag, , data]) => {
          const t: 'tcp' = tag;
          // @ts-expect-error: the first element is the literal 'tcp', not a number
          const wrong: number = tag;
          void wrong;
          return `${t}:${data.toString()}`;
        }),
      );
    });
    expect(got).to.equal('tcp:data');
  });
});
