// Every call on a socket closed by its owner: send, recv, accept,
// shutdown and controlling_process say closed, the inet functions einval,
// and close again is ok. From gen_tcp_misc_SUITE:closed_socket.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, self, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(LS));
  io.format('send: ~w~n', [await gen_tcp.send(C, 'data')]);
  io.format('recv: ~w~n', [await gen_tcp.recv(C, 0)]);
  io.format('recv 17 on listen: ~w~n', [await gen_tcp.recv(LS, 17)]);
  io.format('send on listen: ~w~n', [await gen_tcp.send(LS, 'data')]);
  io.format('accept: ~w~n', [await gen_tcp.accept(LS)]);
  io.format('shutdown: ~w~n', [await gen_tcp.shutdown(C, 'write')]);
  io.format('controlling_process: ~w~n', [await gen_tcp.controlling_process(C, self())]);
  io.format('sockname: ~w~n', [await inet.sockname(C)]);
  io.format('peername: ~w~n', [await inet.peername(C)]);
  io.format('port: ~w~n', [await inet.port(C)]);
  io.format('listen sockname: ~w~n', [await inet.sockname(LS)]);
  io.format('listen port: ~w~n', [await inet.port(LS)]);
  io.format('close: ~w ~w~n', [await gen_tcp.close(C), await gen_tcp.close(LS)]);
  io.format('mailbox: ~w~n', [await drain()]);
  match('ok', await gen_tcp.close(S));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
