// A client reading an HTTP response with {packet, http_bin}: the status
// line, the headers, http_eoh, then the body in raw mode; a malformed
// header line gives http_error.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  const Port = ok(await inet.port(LS));
  const C = ok(
    await gen_tcp.connect([127, 0, 0, 1], Port, ['binary', ['active', false], ['packet', 'http_bin']]),
  );
  const S = ok(await gen_tcp.accept(LS));
  match(
    'ok',
    await gen_tcp.send(
      S,
      Buffer.from('HTTP/1.1 404 Not Found\r\ncontent-type: text/plain\r\n' + 'Content-Length: 2\r\n\r\nhi'),
    ),
  );
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await inet.setopts(C, [['packet', 'raw']]));
  io.format('~p~n', [await gen_tcp.recv(C, 2, 1000)]);
  match('ok', await inet.setopts(C, [['packet', 'httph_bin']]));
  match('ok', await gen_tcp.send(S, Buffer.from('no colon here\r\n')));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 50)]);
  match('ok', await gen_tcp.send(S, Buffer.from('\r\n')));
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  io.format('~p~n', [await gen_tcp.recv(C, 0, 1000)]);
  match('ok', await gen_tcp.close(C));
  match('ok', await gen_tcp.close(S));
  match('ok', await gen_tcp.close(LS));
}
