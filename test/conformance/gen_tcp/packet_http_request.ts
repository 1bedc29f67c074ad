// {packet, http}: a request line, then headers (the socket moves to httph by
// itself), then http_eoh; the body is read after switching to raw. A header
// line is complete only once the next line shows it is not continued.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['list', ['active', false], ['packet', 'http']]));
  const Port = ok(await inet.port(LS));
  const C = ok(await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false]]));
  const S = ok(await gen_tcp.accept(LS));
  match(
    'ok',
    await gen_tcp.send(
      C,
      'GET /index.html?q=1 HTTP/1.1\r\nHost: example.com\r\n' +
        'Content-Length: 4\r\nX-Custom: a b\r\n\r\nbody',
    ),
  );
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(S, 0, 1000)]);
  match('ok', await inet.setopts(S, [['packet', 'raw']]));
  io.format('~p~n', [await gen_tcp.recv(S, 4, 1000)]);
  match(
    'ok',
    await inet.setopts(S, [
      ['packet', 'http_bin'],
      ['active', 'once'],
    ]),
  );
  match('ok', await gen_tcp.send(C, 'POST http://h:8080/p HTTP/1.0\r\n'));
  await receive(
    on(_, (M1) => io.format('~w~n', [M1])),
    after(1000, () => io.format('no message~n')),
  );
  match('ok', await inet.setopts(S, [['active', 'once']]));
  match('ok', await gen_tcp.send(C, 'Accept: */*\r\n'));
  await receive(
    on(_, (M2) => io.format('~w~n', [M2])),
    after(50, () => io.format('no message before the next line~n')),
  );
  match('ok', await gen_tcp.send(C, ' text/html\r\n\r\n'));
  await receive(
    on(_, (M3) => io.format('~w~n', [M3])),
    after(1000, () => io.format('no message~n')),
  );
  match('ok', await inet.setopts(S, [['active', 'once']]));
  await receive(
    on(_, (M4) => io.format('~w~n', [M4])),
    after(1000, () => io.format('no message~n')),
  );
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
