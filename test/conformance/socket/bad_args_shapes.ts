// The shapes of the trailing arguments of the data calls, as socket.erl's
// guards and the NIF check them: Flags must be a list when a Timeout
// follows (badarg), a flag that is neither an atom nor a non-negative
// integer raises {invalid, {msg_flags, Flags}}, an unknown atom is returned
// as {invalid, {msg_flag, F}}, a timeout is checked ({invalid, {timeout,
// T}}); recvmsg's forms; sendfile's offset and count; open's options;
// cancel's select info; which_sockets' filter; and inet:getaddr/3's
// timeout.
import * as fs from 'node:fs/promises';
import * as socket from 'erlts/socket';
import * as inet from 'erlts/inet';
import { io, list, ok, match } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const A = socket as unknown as Record<string, (...args: unknown[]) => unknown>;

export default async function main(): Promise<void> {
  const LS = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
  match('ok', await socket.listen(LS));
  const LA = ok(await socket.sockname(LS));
  const C = ok(await socket.open('inet', 'stream', 'tcp'));
  match('ok', await socket.connect(C, LA));
  const S = ok(await socket.accept(LS, 1000));
  const U = ok(await socket.open('inet', 'dgram'));
  match('ok', await socket.bind(U, { family: 'inet', addr: 'loopback', port: 0 }));
  const UA = ok(await socket.sockname(U));
  const D = Buffer.from('x');
  await try_('send 70000 100', () => A.send!(C, D, 70000, 100));
  await try_('send foo 100', () => A.send!(C, D, 'foo', 100));
  await try_('send [] foo', () => A.send!(C, D, list(), 'foo'));
  await try_('send foo', () => A.send!(C, D, 'foo'));
  await try_('send -1', () => A.send!(C, D, -1));
  await try_('send 1.5', () => A.send!(C, D, 1.5));
  await try_('send map', () => A.send!(C, D, {}));
  await try_('send [] -1', () => A.send!(C, D, list(), -1));
  await try_('send [foo]', () => A.send!(C, D, list('foo')));
  await try_('send [-1]', () => A.send!(C, D, list(-1)));
  await try_('send [1.5]', () => A.send!(C, D, list(1.5)));
  await try_('send [{x}]', () => A.send!(C, D, list(['x'])));
  await try_('send [foo, -1]', () => A.send!(C, D, list('foo', -1)));
  await try_('send [-1, foo]', () => A.send!(C, D, list(-1, 'foo')));
  await try_('send [2147483648]', () => A.send!(C, D, list(2147483648)));
  await try_('send 0 infinity', () => A.send!(C, D, 0, 'infinity'));
  await try_('send [] 5', () => A.send!(C, D, list(), 5));
  await try_('recv 0 5 100', () => A.recv!(S, 0, 5, 100));
  await try_('recv 0 foo 100', () => A.recv!(S, 0, 'foo', 100));
  await try_('recv 0 [] foo', () => A.recv!(S, 0, list(), 'foo'));
  await try_('recv foo', () => A.recv!(S, 'foo'));
  await try_('recv 1.5', () => A.recv!(S, 1.5));
  await try_('recv 0 -1', () => A.recv!(S, 0, -1));
  await try_('recv 0 1.5', () => A.recv!(S, 0, 1.5));
  await try_('recv 0 [foo] 100', () => A.recv!(S, 0, list('foo'), 100));
  await try_('recv 0 [{x}] 0', () => A.recv!(S, 0, list(['x']), 0));
  await try_('recv [] 0', () => A.recv!(S, list(), 0));
  await try_('recv [foo]', () => A.recv!(S, list('foo')));
  await try_('recv [] foo', () => A.recv!(S, list(), 'foo'));
  await try_('recv [] 5 100', () => A.recv!(S, list(), 5, 100));
  await try_('sendto 5 100', () => A.sendto!(U, D, UA, 5, 100));
  await try_('sendto [] foo', () => A.sendto!(U, D, UA, list(), 'foo'));
  await try_('sendto foo', () => A.sendto!(U, D, UA, 'foo'));
  await try_('sendto -1', () => A.sendto!(U, D, UA, -1));
  await try_('sendto [foo]', () => A.sendto!(U, D, UA, list('foo')));
  await try_('sendto foo 100', () => A.sendto!(U, D, UA, 'foo', 100));
  await try_('sendto [-1]', () => A.sendto!(U, D, UA, list(-1)));
  await try_('recvfrom 0 5 100', () => A.recvfrom!(U, 0, 5, 100));
  await try_('recvfrom 0 [] foo', () => A.recvfrom!(U, 0, list(), 'foo'));
  await try_('recvfrom foo', () => A.recvfrom!(U, 'foo'));
  await try_('recvfrom -1', () => A.recvfrom!(U, -1));
  await try_('recvfrom 1.5', () => A.recvfrom!(U, 1.5));
  await try_('recvfrom 0 foo', () => A.recvfrom!(U, 0, 'foo'));
  await try_('recvfrom 0 -1', () => A.recvfrom!(U, 0, -1));
  await try_('recvfrom 0 [foo] 0', () => A.recvfrom!(U, 0, list('foo'), 0));
  await try_('recvfrom [foo]', () => A.recvfrom!(U, list('foo')));
  await try_('recvfrom [] 0', () => A.recvfrom!(U, list(), 0));
  await try_('sendmsg 5 100', () => A.sendmsg!(C, { iov: [D] }, 5, 100));
  await try_('sendmsg [] foo', () => A.sendmsg!(C, { iov: [D] }, list(), 'foo'));
  await try_('sendmsg foo', () => A.sendmsg!(C, { iov: [D] }, 'foo'));
  await try_('sendmsg -1', () => A.sendmsg!(C, { iov: [D] }, -1));
  await try_('sendmsg [foo]', () => A.sendmsg!(C, { iov: [D] }, list('foo')));
  await try_('sendmsg [1.5]', () => A.sendmsg!(C, { iov: [D] }, list(1.5)));
  await try_('sendmsg foo msg', () => A.sendmsg!(C, 'foo'));
  await try_('sendmsg no iov', () => A.sendmsg!(C, {}));
  await try_('recvmsg foo', () => A.recvmsg!(S, 'foo'));
  await try_('recvmsg -1', () => A.recvmsg!(S, -1));
  await try_('recvmsg 0 0 5 100', () => A.recvmsg!(S, 0, 0, 5, 100));
  await try_('recvmsg 0 0 [] foo', () => A.recvmsg!(S, 0, 0, list(), 'foo'));
  await try_('recvmsg -1 0 [] 0', () => A.recvmsg!(S, -1, 0, list(), 0));
  await try_('recvmsg 0 -1 [] 0', () => A.recvmsg!(S, 0, -1, list(), 0));
  await try_('recvmsg 1.5 0 [] 0', () => A.recvmsg!(S, 1.5, 0, list(), 0));
  await try_('recvmsg [] foo', () => A.recvmsg!(S, list(), 'foo'));
  await try_('recvmsg 5 foo', () => A.recvmsg!(S, 5, 'foo'));
  await try_('recvmsg foo 0', () => A.recvmsg!(S, 'foo', 0));
  await try_('recvmsg 0 0 foo', () => A.recvmsg!(S, 0, 0, 'foo'));
  await try_('recvmsg 0 0 [foo]', () => A.recvmsg!(S, 0, 0, list('foo')));
  await try_('recvmsg 0 0 0', () => A.recvmsg!(S, 0, 0, 0));
  await try_('recvmsg foo 0 0', () => A.recvmsg!(S, 'foo', 0, 0));
  await try_('recvmsg -1 0 0', () => A.recvmsg!(S, -1, 0, 0));
  await try_('recvmsg [foo] 0', () => A.recvmsg!(S, list('foo'), 0));
  await try_('recvmsg 0 0 [] -1', () => A.recvmsg!(S, 0, 0, list(), -1));
  await try_('accept 1.5', () => A.accept!(LS, 1.5));
  await try_('accept []', () => A.accept!(LS, list()));
  const C2 = ok(await socket.open('inet', 'stream', 'tcp'));
  await try_('connect foo', () => A.connect!(C2, LA, 'foo'));
  await try_('connect -1', () => A.connect!(C2, LA, -1));
  await try_('connect 1.5', () => A.connect!(C2, LA, 1.5));
  await try_('connect []', () => A.connect!(C2, LA, list()));
  match('ok', await socket.close(C2));
  const F = await fs.open('/etc/hosts');
  await try_('sendfile offset foo', () => A.sendfile!(C, F, 'foo', 0, 'infinity'));
  await try_('sendfile offset -1', () => A.sendfile!(C, F, -1, 0, 'infinity'));
  await try_('sendfile count foo', () => A.sendfile!(C, F, 0, 'foo', 'infinity'));
  await try_('sendfile count -1', () => A.sendfile!(C, F, 0, -1, 'infinity'));
  await try_('sendfile timeout foo', () => A.sendfile!(C, F, 0, 0, 'foo'));
  await try_('sendfile timeout -1', () => A.sendfile!(C, F, 0, 0, -1));
  await try_('sendfile timeout 1.5', () => A.sendfile!(C, F, 0, 0, 1.5));
  await try_('sendfile/3 foo', () => A.sendfile!(C, F, 'foo'));
  await try_('sendfile/4 foo', () => A.sendfile!(C, F, 0, 'foo'));
  await try_('sendfile file foo', () => A.sendfile!(C, 'foo', 0, 0, 'infinity'));
  await F.close();
  await try_('open/4 []', () => A.open!('inet', 'stream', 'tcp', list()));
  await try_('open/4 [1]', () => A.open!('inet', 'stream', 'tcp', list(1)));
  await try_('cancel foo', () => A.cancel!(S, 'foo'));
  await try_('cancel {x, y, z}', () => A.cancel!(S, ['x', 'y', 'z']));
  await try_('cancel {select_info, recv, 1}', () => A.cancel!(S, ['select_info', 'recv', 1]));
  await try_('which_sockets foo', () => A.which_sockets!('foo'));
  await try_('which_sockets ip', () => A.which_sockets!('ip'));
  await try_('which_sockets fun/2', () => A.which_sockets!((_a: unknown, _b: unknown) => true));
  await try_('which_sockets sctp', () => A.which_sockets!('sctp'));
  await try_('use_registry 1', () => A.use_registry!(1));
  await try_('cancel_monitor foo', () => A.cancel_monitor!('foo'));
  await try_('listen foo', () => A.listen!(LS, 'foo'));
  await try_('listen 2147483648', () => A.listen!(LS, 2147483648));
  await try_('getaddr timeout map', () =>
    inet.getaddr(list(...Buffer.from('localhost', 'latin1')), 'inet', Object.create(null)),
  );
  for (const X of [C, S, LS, U]) match('ok', await socket.close(X));
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
