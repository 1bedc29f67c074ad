/** assert_receive and refute_receive: receive with a bound, failing with what the mailbox held. */
import { expect } from 'chai';
import { AssertionError } from 'node:assert';
import { ErlangError, _, flush, is, is_binary, list, run, self, send, send_after, spawn } from 'erlts';
import { assert_receive, refute_receive } from 'erlts/mocha';
import * as nodeTest from 'erlts/node-test';

async function failure(p: Promise<unknown>): Promise<string> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AssertionError) return e.message;
    throw e;
  }
  throw new Error('no assertion error');
}

async function badarg(p: () => Promise<unknown>): Promise<string> {
  try {
    await p();
  } catch (e) {
    if (ErlangError.is(e) && e.reason === 'badarg') return (e as Error).message;
    throw e;
  }
  throw new Error('no badarg');
}

describe('assert_receive', function () {
  afterEach(function () {
    flush();
  });

  it('takes the first matching message and leaves the others queued, in order', async function () {
    send(self(), 'a');
    send(self(), ['tcp', 1, Buffer.from('x')]);
    send(self(), 'b');
    const [, , data] = await assert_receive(['tcp', _, is(is_binary)]);
    expect(data).to.deep.equal(Buffer.from('x'));
    expect(flush()).to.deep.equal(['a', 'b']);
  });

  it('waits for a message that arrives later', async function () {
    send_after(20, self(), 'late');
    expect(await assert_receive('late', 1000)).to.equal('late');
  });

  it('fails naming the pattern, the time and what the mailbox held', async function () {
    send(self(), 'hello');
    send(self(), ['tcp_closed', list(1, 2)]);
    expect(await failure(assert_receive(['tcp', _, is(is_binary)], 10))).to.equal(
      'assert_receive: no message matching {tcp,_,is(is_binary)} within 10 ms; ' +
        'the mailbox holds 2 messages: hello, {tcp_closed,[1,2]}',
    );
    expect(flush()).to.have.length(2);
  });

  it('says when the mailbox is empty, and renders maps and lists in patterns', async function () {
    expect(await failure(assert_receive({ event: list('up', _) }, 0))).to.equal(
      'assert_receive: no message matching #{event => [up,_]} within 0 ms; the mailbox is empty',
    );
  });

  it('lists at most ten messages, each on one line', async function () {
    for (let i = 0; i < 12; i++) send(self(), i);
    const message = await failure(assert_receive('none', 0));
    expect(message).to.match(/holds 12 messages: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, \.\.\. \(2 more\)$/);
  });

  it('works in any process, on its own mailbox', async function () {
    const got = await run(async () => {
      send(self(), ['mine', 1]);
      return assert_receive(['mine', _], 100);
    });
    expect(got).to.deep.equal(['mine', 1]);
    expect(flush()).to.deep.equal([]);
  });

  it('refuses a timeout that is no integer number of milliseconds with badarg', async function () {
    for (const bad of [-1, 1.5, Infinity, 'infinity', 2 ** 32]) {
      expect(await badarg(() => assert_receive('x', bad as number))).to.match(
        /^assert_receive\/2: the timeout must be an integer number of milliseconds from 0 to 4294967295, got /,
      );
    }
  });

  it('is the same function in erlts/node-test', function () {
    expect(nodeTest.assert_receive).to.equal(assert_receive);
    expect(nodeTest.refute_receive).to.equal(refute_receive);
  });
});

describe('refute_receive', function () {
  afterEach(function () {
    flush();
  });

  it('gives ok when no matching message comes in time, leaving the others', async function () {
    send(self(), 'other');
    expect(await refute_receive('unwanted', 10)).to.equal('ok');
    expect(flush()).to.deep.equal(['other']);
  });

  it('fails naming the message that matched, and takes it', async function () {
    const pid = spawn(async () => {
      await Promise.resolve();
    });
    send(self(), ['EXIT', pid, 'boom']);
    expect(await failure(refute_receive(['EXIT', _, _]))).to.equal(
      `refute_receive: got {'EXIT',${String(pid)},boom}, which matches {'EXIT',_,_}, within 100 ms`,
    );
    expect(flush()).to.deep.equal([]);
  });

  it('fails on a message that arrives while it waits', async function () {
    send_after(10, self(), 'late');
    expect(await failure(refute_receive('late', 1000))).to.match(/^refute_receive: got late, /);
  });

  it('refuses a bad timeout with badarg', async function () {
    expect(await badarg(() => refute_receive('x', -5))).to.match(/^refute_receive\/2: the timeout must be/);
  });
});
