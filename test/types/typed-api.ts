// Type-level tests of the typed gen_tcp, gen_udp, inet and socket APIs: `npm run typecheck` compiles
// this file (nothing runs it). Each `@ts-expect-error` line must fail to compile, or the type
// check fails: a misspelt option, a value of the wrong type, an option where the call takes
// none; the `Equal` checks pin the result types. At runtime the same mistakes get OTP's
// badarg or {error, einval} (test/gen_tcp/options.test.ts, test/socket/socket.test.ts).
import * as gen_tcp from 'erlts/gen_tcp';
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import * as socket from 'erlts/socket';
import {
  _,
  bin,
  case_,
  fun,
  is,
  is_binary,
  is_integer,
  is_atom,
  is_float,
  is_port,
  match,
  ok,
  on,
  receive,
  type List,
  type Port,
} from 'erlts';

type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
function expectType<A, B>(_proof: Equal<A, B>): void {}

export async function gen_tcp_options(): Promise<void> {
  // @ts-expect-error: 'activ' is no option
  await gen_tcp.listen(0, [['activ', 'once']]);
  // @ts-expect-error: no such packet type
  await gen_tcp.listen(0, [['packet', 3]]);
  // @ts-expect-error: active is a boolean, once or an integer
  await gen_tcp.listen(0, ['binary', ['active', 'twice']]);
  // @ts-expect-error: a bare atom that is no option
  await gen_tcp.listen(0, ['binray']);
  // @ts-expect-error: backlog is for listen only
  await gen_tcp.connect('localhost', 80, [['backlog', 5]]);
  // @ts-expect-error: an IP tuple has four or eight numbers
  await gen_tcp.listen(0, [['ip', [127, 0, 0]]]);
  // @ts-expect-error: connect's sockaddr map takes an address tuple, not loopback (OTP 25)
  await gen_tcp.connect({ family: 'inet', addr: 'loopback', port: 80 }, []);

  // What OTP takes compiles, inet_backend included.
  await gen_tcp.listen(0, [
    ['inet_backend', 'inet'],
    'binary',
    ['active', 'once'],
    ['packet', 'line'],
    ['ip', 'loopback'],
    ['ifaddr', { family: 'inet', addr: [127, 0, 0, 1], port: 0 }],
    ['linger', [true, 0]],
    ['send_timeout', 'infinity'],
    ['raw', 6, 1, Buffer.alloc(4)],
    ['backlog', 128],
  ]);
  await gen_tcp.connect([127, 0, 0, 1], 80, ['list', ['line_delimiter', 0x3b], ['ip', [127, 0, 0, 1]]], 1000);
  await gen_tcp.connect('localhost', 80, [['packet', 4]]);
  await gen_tcp.connect(['local', '/tmp/sock'], 0, ['local']);
  const Opts: gen_tcp.listen_option[] = ['binary', ['reuseaddr', true]];
  await gen_tcp.listen(0, Opts);
}

export async function gen_tcp_results(): Promise<void> {
  const Listen = await gen_tcp.listen(0, ['binary']);
  if (Listen[0] === 'ok') expectType<(typeof Listen)[1], Port>(true);
  else expectType<(typeof Listen)[1], gen_tcp.Reason>(true);
  // A result is no socket before its tag is checked.
  // @ts-expect-error: Port | Reason
  await gen_tcp.accept(Listen[1]);
  if (Listen[0] !== 'ok') return;
  const Accept = await gen_tcp.accept(Listen[1], 1000);
  if (Accept[0] !== 'ok') return;
  const S = Accept[1];
  const Recv = await gen_tcp.recv(S, 0, 1000);
  if (Recv[0] === 'ok') expectType<(typeof Recv)[1], gen_tcp.packet>(true);
  expectType<Awaited<ReturnType<typeof gen_tcp.shutdown>>, 'ok' | readonly ['error', 'closed' | 'enotconn']>(
    true,
  );
}

export async function inet_options(S: gen_tcp.socket): Promise<void> {
  await inet.setopts(S, [['active', 'once']]);
  await inet.setopts(S, ['binary', ['packet', 2], ['line_delimiter', 10], ['dontroute', true]]);
  // @ts-expect-error: 'activ' is no option
  await inet.setopts(S, [['activ', 'once']]);
  // @ts-expect-error: the family cannot be set on an open socket
  await inet.setopts(S, ['inet6']);
  // @ts-expect-error: ip is an option of listen and connect only
  await inet.setopts(S, [['ip', [127, 0, 0, 1]]]);
  // @ts-expect-error: nodelay takes a boolean
  await inet.setopts(S, [['nodelay', 1]]);
  // @ts-expect-error: no such option to read
  await inet.getopts(S, ['activ']);

  const Got = await inet.getopts(S, ['active', 'packet']);
  if (Got[0] === 'ok') {
    expectType<
      (typeof Got)[1],
      List<
        readonly ['active', boolean | 'once' | number] | readonly ['packet', Exclude<inet.packet_type, 'raw'>]
      >
    >(true);
  }
  const Name = await inet.sockname(S);
  if (Name[0] === 'ok') expectType<(typeof Name)[1], inet.returned_address>(true);
  const Stat = await inet.getstat(S, ['recv_oct']);
  if (Stat[0] === 'ok') expectType<(typeof Stat)[1], List<readonly ['recv_oct', number]>>(true);
  // @ts-expect-error: no such counter
  await inet.getstat(S, ['recv_octets']);
}

export async function tcp_messages(S: gen_tcp.socket): Promise<void> {
  // receive {tcp, S, Data} when is_binary(Data) -> Data; {tcp_closed, S} -> closed end
  const Data = await receive(
    on(['tcp', S, is(is_binary)], ([, , D]) => D),
    on(['tcp_closed', S], () => 'closed' as const),
  );
  expectType<typeof Data, Uint8Array | 'closed'>(true);
  void Data;
  const Message: gen_tcp.message = ['tcp', S, Buffer.from('x')];
  const Binary: gen_tcp.tcp_message<Buffer> = ['tcp', S, Buffer.from('x')];
  // @ts-expect-error: a binary-mode message carries a Buffer
  const Wrong: gen_tcp.tcp_message<Buffer> = ['tcp', S, 'x'];
  void [Message, Binary, Wrong];
}

export async function socket_options(S: socket.Socket): Promise<void> {
  await socket.setopt(S, ['tcp', 'nodelay'], true);
  await socket.setopt(S, 'tcp', 'nodelay', true);
  await socket.setopt(S, ['socket', 'linger'], { onoff: true, linger: 0 });
  await socket.setopt(S, ['otp', 'rcvbuf'], [2, 1024]);
  // @ts-expect-error: nodelay takes a boolean
  await socket.setopt(S, ['tcp', 'nodelay'], 1);
  // @ts-expect-error: no such option
  await socket.setopt(S, ['tcp', 'nodely'], true);
  // @ts-expect-error: no such level
  await socket.setopt(S, 'tpc', 'nodelay', true);
  // @ts-expect-error: the controlling process is a pid
  await socket.setopt(S, ['otp', 'controlling_process'], 'self');
  const Type = await socket.getopt(S, ['socket', 'type']);
  if (Type[0] === 'ok') expectType<(typeof Type)[1], socket.type>(true);
  const Linger = await socket.getopt(S, 'socket', 'linger');
  if (Linger[0] === 'ok') expectType<(typeof Linger)[1], socket.linger | 'abort'>(true);
  const Native = await socket.getopt_native(S, ['tcp', 1], 'integer');
  if (Native[0] === 'ok') expectType<(typeof Native)[1], number>(true);
}

export async function socket_results(LS: socket.Socket): Promise<void> {
  // @ts-expect-error: no such domain
  await socket.open('inet4', 'stream', 'tcp');
  const Accept = await socket.accept(LS);
  expectType<typeof Accept, readonly ['ok', socket.Socket] | readonly ['error', socket.reason]>(true);
  void Accept;
  const Nowait = await socket.accept(LS, 'nowait');
  expectType<
    typeof Nowait,
    readonly ['ok', socket.Socket] | socket.Select | readonly ['error', socket.reason]
  >(true);
  void Nowait;
  const From = await socket.recvfrom(LS, 0, 1000);
  if (From[0] === 'ok') expectType<(typeof From)[1], readonly [socket.sockaddr_recv, Buffer]>(true);
  const Msg = await socket.recvmsg(LS, 1000);
  if (Msg[0] === 'ok') expectType<(typeof Msg)[1], socket.msg_recv>(true);
  const Name = await socket.sockname(LS);
  if (Name[0] === 'ok') {
    const { port: Port } = Name[1];
    expectType<typeof Port, number | undefined>(true);
    await socket.connect(LS, { family: 'inet', addr: 'loopback', port: Port });
  }
  // @ts-expect-error: an inet address is a four-number tuple
  await socket.bind(LS, { family: 'inet', addr: [127, 0, 0], port: 0 });
}

export async function matching(Host: string): Promise<void> {
  // {ok, LSock} = gen_tcp:listen(...): ok narrows the result to its ok case.
  const LSock = ok(await gen_tcp.listen(0, ['binary', ['active', false]]));
  expectType<typeof LSock, Port>(true);
  const Sock = await ok(gen_tcp.accept(LSock));
  expectType<typeof Sock, Port>(true);
  expectType<ReturnType<typeof ok<'ok' | readonly ['error', 'closed']>>, 'ok'>(true);
  // A result with no ok case has no value to take.
  expectType<ReturnType<typeof ok<readonly ['error', 'closed']>>, never>(true);
  // {ok, S} = ...: match types the value from the pattern.
  const [, S] = match(['ok', is(is_port)], await gen_tcp.connect(Host, 80, []));
  expectType<typeof S, Port>(true);
  const { Len, Rest } = match(bin<{ Len: number; Rest: Buffer }>`Len:32, Rest/binary`, Buffer.alloc(4));
  expectType<[typeof Len, typeof Rest], [number, Buffer]>(true);
  const [, , Frame] = match(['tcp', _, bin<{ Id: number }>`Id:8, _/binary`], null);
  expectType<typeof Frame, { Id: number }>(true);
  // case_ gives the union of its bodies' results.
  const R = case_(
    await gen_tcp.recv(Sock, 0),
    on(['ok', _], () => 'data' as const),
    on(['error', _], () => 'error' as const),
  );
  expectType<typeof R, 'data' | 'error'>(true);
  void [S, Len, Rest, Frame, R];
  // fun takes the argument lists its clauses match.
  const area = fun(
    on([['square', is(is_float)]], ([[, Side]]) => Side * Side),
    on([['circle', is(is_float)]], ([[, Radius]]) => 3 * Radius * Radius),
  );
  expectType<ReturnType<typeof area>, number>(true);
  area(['square', 2.5]);
  // @ts-expect-error: no clause takes a triangle
  area(['triangle', 2.5]);
  const greet = fun(
    on(['en'], () => 'hello'),
    on(['fr'], () => 'bonjour'),
    on([is(is_atom)], () => '?'),
  );
  greet('en');
  expectType<Parameters<typeof greet>, ['en'] | ['fr'] | [string | boolean | null | undefined]>(true);
}

export async function gen_udp_options(S: gen_udp.socket): Promise<void> {
  // @ts-expect-error: 'activ' is no option
  await gen_udp.open(0, [['activ', 'once']]);
  // @ts-expect-error: packet is no gen_udp:open/2 option (OTP exits badarg)
  await gen_udp.open(0, [['packet', 2]]);
  // @ts-expect-error: backlog is gen_tcp's
  await gen_udp.open(0, [['backlog', 5]]);
  // @ts-expect-error: a membership is {Group, Interface}
  await gen_udp.open(0, [['add_membership', [239, 1, 2, 3]]]);
  // What OTP takes compiles.
  await gen_udp.open(0, [
    ['inet_backend', 'inet'],
    'binary',
    ['active', 100],
    ['ip', 'loopback'],
    ['recbuf', 65536],
    ['broadcast', true],
    ['multicast_ttl', 4],
    [
      'add_membership',
      [
        [239, 1, 2, 3],
        [127, 0, 0, 1],
      ],
    ],
    ['reuseport', true],
  ]);
  await gen_udp.open(0, [
    'inet6',
    ['ipv6_v6only', true],
    ['ifaddr', { family: 'inet6', addr: 'any', port: 0 }],
  ]);
  // Every send form of OTP's.
  await gen_udp.send(S, 'ping');
  await gen_udp.send(S, [[127, 0, 0, 1], 9], 'ping');
  await gen_udp.send(S, { family: 'inet', addr: [127, 0, 0, 1], port: 9 }, 'ping');
  await gen_udp.send(S, ['inet', ['loopback', 9]], 'ping');
  await gen_udp.send(S, [127, 0, 0, 1], 9, 'ping');
  await gen_udp.send(S, 'localhost', 'domain', 'ping');
  await gen_udp.send(S, [[127, 0, 0, 1], 9], [], 'ping');
  await gen_udp.send(S, [127, 0, 0, 1], 9, [], 'ping');
  // @ts-expect-error: send/6 does not exist
  await gen_udp.send(S, [127, 0, 0, 1], 9, [], 'ping', 'pong');
  const R = await gen_udp.recv(S, 0, 1000);
  if (R[0] === 'ok') {
    const [IP, Port, Data] = R[1];
    expectType<typeof IP, inet.ip_address>(true);
    expectType<typeof Port, number>(true);
    expectType<typeof Data, gen_udp.data>(true);
    void [IP, Port, Data];
  }
  // A message pattern types the fields its guards check.
  await receive(
    on(['udp', S, is(inet.is_ip_address), is(is_integer), is(is_binary)], ([, , IP, Port, Data]) =>
      gen_udp.send(S, IP, Port, Data),
    ),
    on(['udp_passive', S], () => inet.setopts(S, [['active', 100]])),
  );
}
