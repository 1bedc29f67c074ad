/**
 * The socket face of erlts/fp on real loopback sockets: the blocking calls as TaskEithers,
 * their {error, Reason} the Left, and the nowait forms refused with badarg.
 */
import { expect } from 'chai';
import * as E from 'fp-ts/lib/Either.js';
import * as TE from 'fp-ts/lib/TaskEither.js';
import { pipe } from 'fp-ts/lib/function.js';
import { ErlangError, make_ref } from 'erlts';
import type * as socket from 'erlts/socket';
type Socket = socket.Socket;
import * as fp from 'erlts/fp';
import { rejection, right } from './support.js';

/** A listening stream socket on loopback, and its port. */
async function listener(): Promise<[Socket, number]> {
  const LS = right(await fp.socket.open('inet', 'stream', 'tcp')());
  right(await fp.socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 })());
  right(await fp.socket.listen(LS)());
  const { port } = right(await fp.socket.sockname(LS)()) as { port: number };
  return [LS, port];
}

async function pair(): Promise<[Socket, Socket, Socket, number]> {
  const [LS, Port] = await listener();
  const C = right(await fp.socket.open('inet', 'stream')());
  right(await fp.socket.connect(C, { family: 'inet', addr: 'loopback', port: Port }, 2000)());
  const S = right(await fp.socket.accept(LS, 2000)());
  return [C, S, LS, Port];
}

async function closeAll(...sockets: Socket[]): Promise<void> {
  for (const s of sockets) await fp.socket.close(s)();
}

describe('erlts/fp socket', () => {
  it('opens, binds, listens, connects, accepts, sends and receives', async () => {
    const [C, S, LS, Port] = await pair();
    expect(await fp.socket.send(C, Buffer.from('hello'))()).to.deep.equal(E.right(undefined));
    expect(await fp.socket.recv(S, 5, 2000)()).to.deep.equal(E.right(Buffer.from('hello')));
    expect(right(await fp.socket.peername(C)())).to.deep.include({ family: 'inet', port: Port });
    await closeAll(C, S, LS);
  });

  it('gives left(econnrefused) for a closed port, left(timeout) and left(closed) as recv gives them', async () => {
    const [LS, Port] = await listener();
    const [C, S] = await (async () => {
      const c = right(await fp.socket.open('inet', 'stream')());
      right(await fp.socket.connect(c, { family: 'inet', addr: 'loopback', port: Port }, 2000)());
      return [c, right(await fp.socket.accept(LS, 2000)())];
    })();
    expect(await fp.socket.recv(S, 1, 20)()).to.deep.equal(E.left('timeout'));
    // Two of the three bytes wanted, then the peer closes: the Left carries what was read.
    right(await fp.socket.send(C, Buffer.from('ab'))());
    right(await fp.socket.close(C)());
    expect(await fp.socket.recv(S, 3, 2000)()).to.deep.equal(E.left(['closed', Buffer.from('ab')]));
    expect(await fp.socket.close(C)()).to.deep.equal(E.left('closed'));
    await closeAll(S, LS);
    const D = right(await fp.socket.open('inet', 'stream')());
    expect(
      await fp.socket.connect(D, { family: 'inet', addr: 'loopback', port: Port }, 2000)(),
    ).to.deep.equal(E.left('econnrefused'));
    await closeAll(D);
  });

  it('gives the bare {invalid, {integer_range, B}} of listen as its Left', async () => {
    const LS = right(await fp.socket.open('inet', 'stream')());
    expect(await fp.socket.listen(LS, 2 ** 31)()).to.deep.equal(
      E.left(['invalid', ['integer_range', 2 ** 31]]),
    );
    await closeAll(LS);
    expect(await fp.socket.listen(LS)()).to.deep.equal(E.left('closed'));
  });

  it('gives {invalid, ...} of an unknown domain as open’s Left', async () => {
    const r = await fp.socket.open('nonsense' as 'inet', 'stream')();
    expect(E.isLeft(r) && r.left).to.deep.equal(['invalid', ['domain', 'nonsense']]);
  });

  it('sends and receives datagrams with sendto and recvfrom', async () => {
    const A = right(await fp.socket.open('inet', 'dgram')());
    const B = right(await fp.socket.open('inet', 'dgram')());
    const run = pipe(
      fp.socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }),
      TE.chain(() => fp.socket.bind(B, { family: 'inet', addr: 'loopback', port: 0 })),
      TE.chain(() => fp.socket.sockname(A)),
      TE.chain((To) => fp.socket.sendto(B, Buffer.from('dgram'), To as socket.sockaddr)),
      TE.chain(() => fp.socket.recvfrom(A, 0, 2000)),
    );
    const [Source, Data] = right(await run());
    expect(Data).to.deep.equal(Buffer.from('dgram'));
    expect(Source).to.deep.equal(right(await fp.socket.sockname(B)()));
    expect(await fp.socket.recvfrom(A, 0, 20)()).to.deep.equal(E.left('timeout'));
    await closeAll(A, B);
  });

  it('sets and reads options, and gives the option error as the Left', async () => {
    const [C, S, LS] = await pair();
    expect(await fp.socket.setopt(C, ['tcp', 'nodelay'], true)()).to.deep.equal(E.right(undefined));
    expect(await fp.socket.getopt(C, ['tcp', 'nodelay'])()).to.deep.equal(E.right(true));
    expect(await fp.socket.setopt(C, 'socket', 'keepalive', true)()).to.deep.equal(E.right(undefined));
    expect(await fp.socket.getopt(C, 'socket', 'keepalive')()).to.deep.equal(E.right(true));
    expect(await fp.socket.getopt(C, ['socket', 'type'])()).to.deep.equal(E.right('stream'));
    const unknown = await fp.socket.getopt(C, ['tcp', 'nonsense'] as never)();
    expect(E.isLeft(unknown) && unknown.left).to.deep.equal([
      'invalid',
      ['socket_option', ['tcp', 'nonsense']],
    ]);
    expect(await fp.socket.shutdown(C, 'write')()).to.deep.equal(E.right(undefined));
    expect(await fp.socket.recv(S, 0, 2000)()).to.deep.equal(E.left('closed'));
    await closeAll(C, S, LS);
  });

  it('takes no nowait form: nowait or a select handle raises badarg when the task runs', async () => {
    const [C, S, LS] = await pair();
    const calls = [
      fp.socket.accept(LS, 'nowait' as never),
      fp.socket.recv(S, 0, 'nowait' as never),
      fp.socket.recv(S, 0, [], make_ref() as never),
      fp.socket.send(C, 'nowait', 'nowait' as never),
      fp.socket.recvfrom(S, 0, 'nowait' as never),
    ];
    for (const task of calls) {
      const e = await rejection(task);
      expect(ErlangError.is(e) && e.reason, String(e)).to.equal('badarg');
      expect((e as Error).message).to.match(/^erlts\/fp socket:\w+\/\d: the face takes no nowait form/);
    }
    // The string "nowait" as data is data.
    expect(await fp.socket.send(C, 'nowait')()).to.deep.equal(E.right(undefined));
    expect(await fp.socket.recv(S, 6, 2000)()).to.deep.equal(E.right(Buffer.from('nowait')));
    await closeAll(C, S, LS);
  });
});
