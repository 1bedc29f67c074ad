/**
 * The gen_tcp face of erlts/fp on real loopback sockets: each call's ok is its Right, its
 * {error, Reason} its Left, composed with fp-ts's pipe and chain; bad arguments stay raised.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ErlangError, ExitException, after, on, port_info, receive, self, spawn } from 'erlts';
import * as fp from 'erlts/fp';
import { closeAll, listener, pair, rejection, right } from './support.js';

describe('erlts/fp gen_tcp', () => {
  it('listens, connects, accepts, sends and receives: each ok a Right', async () => {
    const [C, S, LS] = await pair();
    expect(await fp.gen_tcp.send(C, 'hello')()).to.deep.equal(E.right(undefined));
    const Data = right(await fp.gen_tcp.recv(S, 5, 2000)());
    expect(Buffer.isBuffer(Data) && Data.toString()).to.equal('hello');
    await closeAll(C, S, LS);
  });

  it('composes with pipe and chain: an echo round trip as one TaskEither', async () => {
    const [C, S, LS] = await pair();
    const echoOnce = pipe(
      fp.gen_tcp.send(C, 'ping'),
      TE.chain(() => fp.gen_tcp.recv(S, 0, 2000)),
      TE.chain((Data) => fp.gen_tcp.send(S, Data as Buffer)),
      TE.chain(() => fp.gen_tcp.recv(C, 0, 2000)),
      TE.map((Data) => String(Data)),
    );
    expect(await echoOnce()).to.deep.equal(E.right('ping'));
    await closeAll(C, S, LS);
  });

  it('gives left(econnrefused) for a connect to a closed port', async () => {
    const [LS, Port] = await listener();
    await closeAll(LS);
    expect(await fp.gen_tcp.connect('localhost', Port, [], 2000)()).to.deep.equal(E.left('econnrefused'));
    expect(
      await fp.gen_tcp.connect({ family: 'inet', addr: [127, 0, 0, 1], port: Port }, [], 2000)(),
    ).to.deep.equal(E.left('econnrefused'));
  });

  it('gives left(timeout) for an accept that times out, and left(closed) on a closed socket', async () => {
    const [LS] = await listener();
    expect(await fp.gen_tcp.accept(LS, 20)()).to.deep.equal(E.left('timeout'));
    await closeAll(LS);
    expect(await fp.gen_tcp.accept(LS, 20)()).to.deep.equal(E.left('closed'));
    expect(await fp.gen_tcp.send(LS, 'x')()).to.deep.equal(E.left('closed'));
    expect(await fp.gen_tcp.recv(LS, 0, 20)()).to.deep.equal(E.left('closed'));
  });

  it('stops a chain at its first Left: what follows never runs', async () => {
    const [LS, Port] = await listener();
    await closeAll(LS);
    let ran = false;
    const r = await pipe(
      fp.gen_tcp.connect([127, 0, 0, 1], Port, [], 2000),
      TE.chain((S) => {
        ran = true;
        return fp.gen_tcp.send(S, 'never');
      }),
    )();
    expect(r).to.deep.equal(E.left('econnrefused'));
    expect(ran).to.equal(false);
  });

  it('shuts down a direction, and gives left(enotconn) on a listening socket', async () => {
    const [C, S, LS] = await pair();
    expect(await fp.gen_tcp.shutdown(C, 'write')()).to.deep.equal(E.right(undefined));
    expect(await fp.gen_tcp.recv(S, 0, 2000)()).to.deep.equal(E.left('closed'));
    expect(await fp.gen_tcp.shutdown(LS, 'write')()).to.deep.equal(E.left('enotconn'));
    await closeAll(C, S, LS);
  });

  it('hands a socket over; the task acts as the process that runs it', async () => {
    const [C, S, LS] = await pair();
    const Me = self();
    const Other = spawn(async () => {
      // Not the owner, handing it to itself: the face's Left is the function's own
      // {error, not_owner}. (Naming the owner would be ok from any process, as OTP.)
      const r = await fp.gen_tcp.controlling_process(S, self())();
      Me.send(['tried', r]);
      await receive(on('stop'), after(5000));
    });
    expect(
      await receive(
        on(['tried', E.left('not_owner')], () => 'ok'),
        after(2000),
      ),
    ).to.equal('ok');
    expect(await fp.gen_tcp.controlling_process(S, Other)()).to.deep.equal(E.right(undefined));
    expect(port_info(S, 'connected')).to.deep.equal(['connected', Other]);
    Other.send('stop');
    await receive(after(20));
    await closeAll(C, S, LS);
  });

  it('keeps bad arguments raised, as gen_tcp raises them, when the task runs', async () => {
    const [C, S, LS] = await pair();
    const task = fp.gen_tcp.recv(S, -1);
    const e = await rejection(task);
    expect(ErlangError.is(e) && e.reason).to.equal('function_clause');
    const notPid = await rejection(fp.gen_tcp.controlling_process(S, 'me' as never));
    expect(ErlangError.is(notPid) && notPid.reason).to.equal('badarg');
    // gen_tcp:listen/2 exits with badarg for a port out of range, as OTP's does: raised too.
    const badPort = await rejection(fp.gen_tcp.listen(-1));
    expect(ExitException.is(badPort) && badPort.reason).to.equal('badarg');
    await closeAll(C, S, LS);
  });
});
