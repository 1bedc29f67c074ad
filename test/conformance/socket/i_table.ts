// socket:i/1,2: the columns asked for, each as wide as its widest cell;
// header names from the keys; blanks for unknown keys; nothing printed
// when no socket is chosen; function_clause and badarg for bad arguments.
// Only inet6 sockets are listed: this scenario's own.
import * as socket from 'erlts/socket';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

// i/1,2 given what OTP's clauses refuse: untyped, as an Erlang caller is.
const i_ = socket.i as (...Args: unknown[]) => Promise<'ok'>;

export default async function main(): Promise<void> {
  const [LS, C, S] = await pair();
  match('ok', await socket.i('inet6', ['domain', 'type', 'protocol']));
  match('ok', await socket.i('inet6', ['domain', 'foo', 'ab_cD', 'a_', 'a__b']));
  io.format('empty keys:~n');
  match('ok', await socket.i('inet6', []));
  io.format('none:~n');
  match('ok', await socket.i('seqpacket'));
  match('ok', await socket.i('sctp', ['domain']));
  match('ok', await socket.i('local'));
  await try_('i(foo)', () => i_('foo'));
  await try_('i(42)', () => i_(42));
  await try_('i(inet6, domain)', () => i_('inet6', 'domain'));
  await try_('i([domain], [type])', () => i_(['domain'], ['type']));
  await try_('i(raw, [domain])', () => i_('raw', ['domain']));
  await try_('i(seqpacket, [1])', () => i_('seqpacket', [1]));
  await try_('i(inet6, [1])', () => i_('inet6', [1]));
  await try_("i(inet6, [''])", () => i_('inet6', ['']));
  for (const X of [C, S, LS]) match('ok', await socket.close(X));
}

async function try_(What: string, Fun: () => unknown): Promise<void> {
  try {
    const R = await Fun();
    io.format('~s: returned ~w~n', [list(...Buffer.from(What, 'latin1')), R]);
  } catch (e) {
    const [Class, Reason] = classOf(e);
    io.format('~s: ~w:~w~n', [list(...Buffer.from(What, 'latin1')), Class, Reason]);
  }
}

async function pair(): Promise<[socket.Socket, socket.Socket, socket.Socket]> {
  const LS = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet6', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const { port: Port } = ok(await socket.sockname(LS)) as { port: number };
  const C = ok(await socket.open('inet6', 'stream', 'tcp'));
  match('ok', await socket.connect(C, { family: 'inet6', addr: 'loopback', port: Port }));
  const S = ok(await socket.accept(LS, 1000));
  return [LS, C, S];
}
