// A connected datagram socket: send and recv without addresses, peername
// gives the peer; an unconnected one cannot send (edestaddrreq) and has no
// peer (enotconn). sendmsg and recvmsg with addresses; trunc in flags.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const A = ok(await socket.open('inet', 'dgram', 'udp'));
  const B = ok(await socket.open('inet', 'dgram', 'udp'));
  match('ok', await socket.bind(A, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.bind(B, { family: 'inet', addr: 'loopback', port: 0 }));
  const AA = ok(await socket.sockname(A));
  const BA = ok(await socket.sockname(B));
  io.format('~w~n', [await socket.send(A, Buffer.from('x'))]);
  io.format('~w~n', [await socket.peername(A)]);
  io.format('~w~n', [await socket.connect(A, BA)]);
  const P = ok(await socket.peername(A));
  io.format('peer is B: ~w~n', [same(P, BA)]);
  io.format('~w~n', [await socket.send(A, Buffer.from('hello'))]);
  const [From, Data] = ok(await socket.recvfrom(B, 0, 1000));
  io.format('~w ~w~n', [same(From, AA), Data]);
  io.format('~w~n', [
    await socket.sendmsg(B, { addr: AA, iov: [Buffer.from('he'), Buffer.from('llo there')] }),
  ]);
  const { addr: MA, iov: Iov, flags: Fl, ctrl: Ct } = ok(await socket.recvmsg(A, 5, 0, [], 1000));
  io.format('~w ~w ~w ~w~n', [same(MA, BA), Iov, Fl, Ct]);
  io.format('~w~n', [await socket.sendmsg(B, { iov: [Buffer.from('x')] })]);
  match('ok', await socket.sendto(B, Buffer.from('again'), AA));
  io.format('~w~n', [await socket.recv(A, 0, 1000)]);
  for (const X of [A, B]) match('ok', await socket.close(X));
}

/** Erlang's =:= on two sockaddr maps. */
function same(X: unknown, Y: unknown): boolean {
  return JSON.stringify(X) === JSON.stringify(Y);
}
