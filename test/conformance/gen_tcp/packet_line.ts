// {packet, line}: each recv or message is one line, newline included,
// however the bytes were split; line_delimiter picks another byte.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, timer, ok, match, type List } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', false], ['packet', 'line']]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match('ok', await gen_tcp.send(C, 'first\nsecond\nthi'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 50)]);
  match('ok', await gen_tcp.send(C, 'rd\n\n'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['line_delimiter', 0x3b], 'binary']));
  io.format('~w~n', [await inet.getopts(S, ['packet', 'line_delimiter' as never])]);
  match('ok', await gen_tcp.send(C, 'a;b\nc;'));
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match(
    'ok',
    await inet.setopts(S, [
      ['line_delimiter', 0x0a],
      ['active', true],
    ]),
  );
  match('ok', await gen_tcp.send(C, 'x\ny\n'));
  await timer.sleep(30);
  io.format('~w~n', [await drain()]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
