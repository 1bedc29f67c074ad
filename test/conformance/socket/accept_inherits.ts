// A socket accept makes takes the options set on its listening socket
// (linger, keepalive, nodelay, reuseaddr, the receive buffer, {otp, rcvbuf},
// {otp, iow}), but not the priority.
import * as socket from 'erlts/socket';
import { io, match, ok } from 'erlts';

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  for (const [Opt, Value] of options()) match('ok', await socket.setopt(LS, Opt, Value as never));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS));
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet', addr: [127, 0, 0, 1], port: Port ?? 0 }));
  const S = ok(await socket.accept(LS));
  for (const [Opt] of options()) io.format('~w ~w~n', [Opt, await socket.getopt(S, Opt)]);
  io.format('~w ~w~n', ['acceptconn', await socket.getopt(S, ['socket', 'acceptconn'])]);
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

function options(): [socket.option, unknown][] {
  return [
    [['socket', 'linger'], { onoff: true, linger: 0 }],
    [['socket', 'keepalive'], true],
    [['tcp', 'nodelay'], true],
    [['socket', 'reuseaddr'], true],
    [['socket', 'rcvbuf'], 50000],
    [['otp', 'rcvbuf'], 1000],
    [['otp', 'iow'], true],
    [['socket', 'priority'], 3],
  ];
}
