/**
 * The gen_udp face of erlts/fp on real loopback datagrams: each call's ok is its Right, its
 * {error, Reason} its Left, composed with fp-ts's pipe and chain; bad arguments stay raised.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ExitException, type Port } from 'erlts';
import * as fp from 'erlts/fp';
import { rejection, right } from './support.js';

const LOOPBACK = [127, 0, 0, 1] as const;

async function openPassive(): Promise<[Port, number]> {
  const S = right(await fp.gen_udp.open(0, ['binary', ['active', false]])());
  const P = right(await fp.inet.port(S)());
  return [S, P];
}

describe('erlts/fp gen_udp', () => {
  it('opens, sends and receives: each ok a Right, the datagram with its source', async () => {
    const [R, RP] = await openPassive();
    const [S, SP] = await openPassive();
    expect(await fp.gen_udp.send(S, LOOPBACK, RP, 'hello')()).to.deep.equal(E.right(undefined));
    expect(await fp.gen_udp.recv(R, 0, 1000)()).to.deep.equal(
      E.right([[127, 0, 0, 1], SP, Buffer.from('hello')]),
    );
    await fp.gen_udp.close(R)();
    await fp.gen_udp.close(S)();
  });

  it('composes an echo round trip with pipe and chain, through connect and send/2', async () => {
    const [R, RP] = await openPassive();
    const [S, SP] = await openPassive();
    const roundTrip = pipe(
      fp.gen_udp.connect(S, LOOPBACK, RP),
      TE.chainW(() => fp.gen_udp.send(S, 'ping')),
      TE.chainW(() => fp.gen_udp.recv(R, 0, 1000)),
      TE.chainW(([IP, Port, Data]) => fp.gen_udp.send(R, [IP, Port], Data)),
      TE.chainW(() => fp.gen_udp.recv(S, 0, 1000)),
      TE.map(([, From, Data]) => [From, String(Data)]),
    );
    expect(await roundTrip()).to.deep.equal(E.right([RP, 'ping']));
    expect(SP).to.be.a('number');
    await fp.gen_udp.close(R)();
    await fp.gen_udp.close(S)();
  });

  it('gives Lefts for what gen_udp answers as errors: timeout, emsgsize, closed', async () => {
    const [R, RP] = await openPassive();
    expect(await fp.gen_udp.recv(R, 0, 10)()).to.deep.equal(E.left('timeout'));
    expect(await fp.gen_udp.send(R, LOOPBACK, RP, Buffer.alloc(65508))()).to.deep.equal(E.left('emsgsize'));
    expect(await fp.gen_udp.send(R, 'not connected')()).to.deep.equal(E.left('einval'));
    await fp.gen_udp.close(R)();
    expect(await fp.gen_udp.send(R, LOOPBACK, RP, 'x')()).to.deep.equal(E.left('closed'));
    expect(await fp.gen_udp.close(R)()).to.deep.equal(E.right(undefined));
  });

  it('keeps a bad argument raised, as the Erlang call raises it', async () => {
    const e = await rejection(fp.gen_udp.open(0, ['bogus'] as never));
    expect(e).to.be.instanceOf(ExitException);
    expect((e as ExitException).reason).to.equal('badarg');
  });
});
