// getopt_native/setopt_native by level and number: TCP_NODELAY and
// SO_KEEPALIVE as integer, boolean or bytes; SO_TYPE and SO_DOMAIN read;
// an unknown option, a bad value spec and a bad value.
import * as socket from 'erlts/socket';
import { io, ok, match } from 'erlts';

export default async function main(): Promise<void> {
  const S = ok(await socket.open('inet', 'stream', 'tcp'));
  const P = (X: unknown): void => {
    io.format('~w~n', [X]);
  };
  P(await socket.getopt_native(S, 'foo' as never, 'integer'));
  P(await socket.getopt_native(S, ['tcp', 1], 'foo' as never));
  P(await socket.getopt_native(S, ['tcp', 1], 4));
  P(await socket.getopt_native(S, ['socket', 3], 'integer'));
  P(await socket.getopt_native(S, [1, 39], 'integer'));
  P(await socket.getopt_native(S, ['socket', 9], 'boolean'));
  P(await socket.setopt_native(S, ['socket', 9], true));
  P(await socket.getopt_native(S, ['socket', 9], 'boolean'));
  P(await socket.setopt_native(S, ['tcp', 1], Buffer.from([1, 0, 0, 0])));
  P(await socket.getopt_native(S, ['tcp', 1], 'integer'));
  P(await socket.getopt(S, ['tcp', 'nodelay']));
  P(await socket.setopt_native(S, ['tcp', 1], 'foo' as never));
  P(await socket.setopt_native(S, ['foo' as never, 1], 1));
  P(await socket.getopt_native(S, ['tcp', 9999], 'integer'));
  P(await socket.setopt_native(S, ['tcp', 9999], 1));
  match('ok', await socket.close(S));
  P(await socket.getopt_native(S, ['tcp', 1], 'integer'));
}
