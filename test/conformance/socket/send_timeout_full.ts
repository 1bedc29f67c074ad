// send with a timeout to a peer that does not read: once the buffers are
// full the send gives up with {error, {timeout, Rest}}, Rest being what
// was not sent.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  const Data = Buffer.alloc(16 * 1024 * 1024, 'x');
  const R = (await socket.send(C, Data, 200)) as unknown;
  const E = R as readonly ['error', readonly ['timeout', Buffer]];
  if (Array.isArray(R) && R[0] === 'error' && Array.isArray(E[1]) && E[1][0] === 'timeout') {
    const Rest = E[1][1];
    io.format('timeout, rest smaller: ~w ~w~n', [Rest.length > 0, Rest.length < Data.length]);
  } else {
    io.format('~w~n', [R]);
  }
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

async function listener(): Promise<[socket.Socket, number]> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  return [LS, Port];
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const [LS, Port] = await listener();
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}
