// Type-level tests of erlts/fp: `npm run typecheck` compiles this file (nothing runs it). The
// conversions' types follow the result's shapes; each face's Left is exactly the union of
// reasons its wrapped function declares (derived, so the `Equal` checks against the wrapped
// function's own result type hold by construction and fail if the derivation breaks); each
// `@ts-expect-error` line must fail to compile.
import type { Either } from 'fp-ts/lib/Either.js';
import type { Option } from 'fp-ts/lib/Option.js';
import type { TaskEither } from 'fp-ts/lib/TaskEither.js';
import type { List, Pid, Port } from 'erlts';
import type * as gen_tcp from 'erlts/gen_tcp';
import type * as gen_udp from 'erlts/gen_udp';
import type * as inet from 'erlts/inet';
import type * as socket from 'erlts/socket';
import * as fp from 'erlts/fp';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<A, B>(_proof: Equal<A, B>): void {}

declare const LS: Port;
declare const S: socket.Socket;

export function conversions(): void {
  const Value = fp.fromResult(null as unknown as readonly ['ok', number] | readonly ['error', 'closed']);
  expectType<typeof Value, Either<'closed', number>>(true);
  const Bare = fp.fromResult(null as unknown as 'ok' | readonly ['error', 'einval']);
  expectType<typeof Bare, Either<'einval', undefined>>(true);
  const Both = fp.fromResult(null as unknown as 'ok' | readonly ['ok', Port] | readonly ['error', 'a' | 'b']);
  expectType<typeof Both, Either<'a' | 'b', Port | undefined>>(true);
  const Literal = fp.fromResult(['ok', 42]);
  expectType<typeof Literal, Either<never, 42>>(true);
  // @ts-expect-error: no result
  fp.fromResult(['maybe', 1]);
  // @ts-expect-error: a longer tuple is no result here
  fp.fromResult(['ok', 1, 2]);

  expectType<ReturnType<typeof fp.toResult<'e', number>>, readonly ['ok', number] | readonly ['error', 'e']>(
    true,
  );
  expectType<ReturnType<typeof fp.toResult<'e', undefined>>, 'ok' | readonly ['error', 'e']>(true);
  expectType<ReturnType<typeof fp.toResult<'e', void>>, 'ok' | readonly ['error', 'e']>(true);
  expectType<
    ReturnType<typeof fp.toResult<'e', number | undefined>>,
    'ok' | readonly ['ok', number] | readonly ['error', 'e']
  >(true);
  expectType<
    ReturnType<typeof fp.toResult<'e', unknown>>,
    'ok' | readonly ['ok', unknown] | readonly ['error', 'e']
  >(true);
  // @ts-expect-error: no Either
  fp.toResult(['ok', 1]);

  const Found = fp.fromUndefinedAtom(null as unknown as Pid | 'undefined');
  expectType<typeof Found, Option<Pid>>(true);
  expectType<ReturnType<typeof fp.toUndefinedAtom<Pid>>, Pid | 'undefined'>(true);

  void [Value, Bare, Both, Literal, Found];
  const Lifted = fp.liftResult(
    async (_n: number) => null as unknown as readonly ['ok', string] | readonly ['error', 'x'],
  );
  expectType<typeof Lifted, (_n: number) => TaskEither<'x', string>>(true);
  void Lifted;
}

/** The face of a gen_tcp/inet/socket function F, from F's own declared result. */
type Derived<F extends (...args: never[]) => Promise<fp.Result>> = TaskEither<
  fp.Failure<Awaited<ReturnType<F>>>,
  fp.Success<Awaited<ReturnType<F>>>
>;

export function gen_tcp_face(): void {
  expectType<ReturnType<typeof fp.gen_tcp.listen>, TaskEither<gen_tcp.Reason, Port>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.accept>, TaskEither<gen_tcp.Reason, Port>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.connect>, TaskEither<gen_tcp.Reason, Port>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.recv>, Derived<typeof gen_tcp.recv>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.recv>, TaskEither<fp.Failure<gen_tcp.RecvResult>, gen_tcp.packet>>(
    true,
  );
  expectType<ReturnType<typeof fp.gen_tcp.send>, TaskEither<fp.Failure<gen_tcp.SendResult>, undefined>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.close>, TaskEither<never, undefined>>(true);
  expectType<ReturnType<typeof fp.gen_tcp.shutdown>, TaskEither<'closed' | 'enotconn', undefined>>(true);
  expectType<
    ReturnType<typeof fp.gen_tcp.controlling_process>,
    TaskEither<'not_owner' | 'closed' | 'badarg', undefined>
  >(true);
  // The options are gen_tcp's, typed as there.
  // @ts-expect-error: 'activ' is no option
  fp.gen_tcp.listen(0, [['activ', 'once']]);
  // @ts-expect-error: connect's sockaddr map takes an address tuple
  fp.gen_tcp.connect({ family: 'inet', addr: 'loopback', port: 80 }, []);
  fp.gen_tcp.connect({ family: 'inet', addr: [127, 0, 0, 1], port: 80 }, [], 1000);
}

export function inet_face(): void {
  const Got = fp.inet.getopts(LS, ['active']);
  expectType<typeof Got, TaskEither<'einval', inet.socket_optvals<'active'>>>(true);
  expectType<ReturnType<typeof fp.inet.peername>, TaskEither<'einval' | 'enotconn', inet.returned_address>>(
    true,
  );
  expectType<ReturnType<typeof fp.inet.port>, TaskEither<'einval', number>>(true);
  const Stat = fp.inet.getstat(LS, ['recv_oct']);
  expectType<typeof Stat, TaskEither<'einval', List<readonly ['recv_oct', number]>>>(true);
  expectType<
    ReturnType<typeof fp.inet.getaddr>,
    TaskEither<'einval' | 'nxdomain' | 'eafnosupport' | 'timeout', number[]>
  >(true);
  expectType<ReturnType<typeof fp.inet.parse_address>, Either<'einval', inet.ip_address>>(true);
  expectType<ReturnType<typeof fp.inet.parse_ipv4_address>, Either<'einval', inet.ip4_address>>(true);
  expectType<ReturnType<typeof fp.inet.ntoa>, Either<'einval', string>>(true);
  expectType<ReturnType<typeof fp.inet.gethostname>, Either<never, string>>(true);
  // @ts-expect-error: no such counter
  fp.inet.getstat(LS, ['recv_octets']);
  void [Got, Stat];
}

export function socket_face(): void {
  expectType<ReturnType<typeof fp.socket.open>, TaskEither<socket.reason, socket.Socket>>(true);
  expectType<ReturnType<typeof fp.socket.accept>, TaskEither<socket.reason, socket.Socket>>(true);
  expectType<ReturnType<typeof fp.socket.recv>, TaskEither<socket.reason, Buffer>>(true);
  expectType<ReturnType<typeof fp.socket.send>, TaskEither<socket.reason, undefined>>(true);
  expectType<
    ReturnType<typeof fp.socket.recvfrom>,
    TaskEither<socket.reason, readonly [socket.sockaddr_recv, Buffer]>
  >(true);
  expectType<
    ReturnType<typeof fp.socket.listen>,
    TaskEither<socket.reason | readonly ['invalid', readonly ['integer_range', number]], undefined>
  >(true);
  const NoDelay = fp.socket.getopt(S, ['tcp', 'nodelay']);
  expectType<typeof NoDelay, TaskEither<socket.reason, boolean>>(true);
  const Type = fp.socket.getopt(S, 'socket', 'type');
  expectType<typeof Type, TaskEither<socket.reason, socket.type>>(true);
  void [NoDelay, Type];
  fp.socket.setopt(S, ['tcp', 'nodelay'], true);
  fp.socket.setopt(S, 'socket', 'keepalive', true);
  // @ts-expect-error: nodelay takes a boolean
  fp.socket.setopt(S, ['tcp', 'nodelay'], 1);
  // The blocking forms only: no nowait, no select handle.
  // @ts-expect-error: nowait
  fp.socket.recv(S, 0, 'nowait');
  // @ts-expect-error: nowait
  fp.socket.accept(S, 'nowait');
  // @ts-expect-error: nowait after flags
  fp.socket.send(S, 'data', [], 'nowait');
}

export function gen_server_and_erlang(): void {
  const Call = fp.gen_server.call('ch3', 'alloc');
  expectType<typeof Call, TaskEither<fp.gen_server.call_exit, unknown>>(true);
  fp.gen_server.call('ch3', 'alloc', 'infinity');
  expectType<ReturnType<typeof fp.erlang.whereis>, Option<Pid>>(true);
  const Owner = fp.erlang.port_info(LS, 'connected');
  expectType<typeof Owner, Option<readonly ['connected', Pid]>>(true);
  const Len = fp.erlang.process_info(null as unknown as Pid, 'message_queue_len');
  expectType<typeof Len, Option<['message_queue_len', unknown]>>(true);
  // runOrExit gives the Right.
  const Sock = fp.runOrExit(fp.gen_tcp.accept(LS));
  expectType<typeof Sock, Promise<Port>>(true);
  void [Call, Owner, Len, Sock];
}

export function gen_udp_face(U: gen_udp.socket): void {
  expectType<ReturnType<typeof fp.gen_udp.open>, TaskEither<gen_udp.Reason, Port>>(true);
  expectType<ReturnType<typeof fp.gen_udp.open>, Derived<typeof gen_udp.open>>(true);
  expectType<ReturnType<typeof fp.gen_udp.recv>, Derived<typeof gen_udp.recv>>(true);
  expectType<ReturnType<typeof fp.gen_udp.close>, TaskEither<never, undefined>>(true);
  // Every send form gives the one Left of gen_udp.send's result.
  const Sent = fp.gen_udp.send(U, [127, 0, 0, 1], 9, 'x');
  expectType<typeof Sent, TaskEither<fp.Failure<gen_udp.SendResult>, undefined>>(true);
  expectType<typeof Sent, ReturnType<typeof fp.gen_udp.send>>(true);
  void Sent;
  void fp.gen_udp.send(U, 'to the peer');
  void fp.gen_udp.send(U, [[127, 0, 0, 1], 9], 'to a destination');
  void fp.gen_udp.send(U, { family: 'inet', addr: [127, 0, 0, 1], port: 9 }, [], 'with no ancillary data');
  void fp.gen_udp.connect(U, [127, 0, 0, 1], 9);
  void fp.gen_udp.connect(U, { family: 'inet', addr: 'loopback', port: 9 });
  // @ts-expect-error: recv takes a length
  void fp.gen_udp.recv(U);
}
