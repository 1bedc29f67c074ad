/**
 * Bad input gets the error Erlang gives, never a raw JS error: every entry point of erlts,
 * erlts/inet, erlts/gen_tcp and erlts/socket is called with hostile values in each argument
 * (a value that contains itself, one whose own toString or getters throw, a null-prototype
 * object, symbols, functions, bigints), and must answer with an Erlang-shaped result or raise
 * an Erlang exception (error, exit or throw class). (A Proxy whose traps throw, or a revoked
 * one, still makes some argument checks raise the engine's TypeError: not covered here.)
 */
import { expect } from 'chai';
import {
  ErlangError,
  ExitException,
  ThrownValue,
  io,
  io_lib,
  register,
  run,
  self,
  send,
  spawn,
  type Port,
} from 'erlts';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import * as socket from 'erlts/socket';

function hostiles(): [string, unknown][] {
  const cyclic: Record<string, unknown> = { a: 1 };
  cyclic['self'] = cyclic;
  const cyclicList: unknown[] = [1];
  cyclicList.push(cyclicList);
  return [
    ['a value that contains itself', cyclic],
    ['a list that contains itself', cyclicList],
    [
      'an object whose toString throws',
      {
        toString: () => {
          throw new Error('toString');
        },
      },
    ],
    [
      'an object whose getter throws',
      {
        get x(): number {
          throw new Error('getter');
        },
      },
    ],
    ['a null-prototype object', Object.create(null) as object],
    ['a symbol', Symbol('s')],
    ['a function', () => 1],
    ['a bigint', 2n ** 70n],
  ];
}

function isErlang(e: unknown): boolean {
  return ErlangError.is(e) || ExitException.is(e) || ThrownValue.is(e);
}

/** Calls `fn` and says how it ended: a result, or an Erlang exception, or what else it threw. */
async function outcome(fn: () => unknown): Promise<string> {
  try {
    await fn();
    return 'result';
  } catch (e) {
    if (isErlang(e)) return 'erlang';
    return `raw ${e instanceof Error ? `${e.name}: ${e.message}` : typeof e}`;
  }
}

describe('hostile arguments', function () {
  this.timeout(30_000);

  it('every entry point answers them the Erlang way', async function () {
    const problems = await run(async () => {
      const out: string[] = [];
      const [, ls] = (await gen_tcp.listen(0, ['binary', ['active', false], ['ip', [127, 0, 0, 1]]])) as [
        'ok',
        Port,
      ];
      const [, port] = (await inet.port(ls)) as ['ok', number];
      const [, c] = (await gen_tcp.connect([127, 0, 0, 1], port, ['binary', ['active', false]])) as [
        'ok',
        Port,
      ];
      const [, s] = (await gen_tcp.accept(ls, 2000)) as ['ok', Port];
      const [, sock] = (await socket.open('inet', 'stream', 'tcp')) as ['ok', socket.Socket];
      const calls: [string, (v: unknown) => unknown][] = [
        ['register(V, self())', (v) => register(v, self())],
        ['send(V, msg)', (v) => send(v as string, 'x')],
        ['spawn(V)', (v) => spawn(v as () => void)],
        ['io_lib.format(V, [])', (v) => io_lib.format(v as string, [])],
        ['io_lib.format("~p", [V])', (v) => io_lib.format('~p~n', [v])],
        ['io_lib.format("~s", [V])', (v) => io_lib.format('~s', [v])],
        ['io.format(V)', (v) => io.format('standard_error', v as string, [])],
        ['inet.parse_address(V)', (v) => inet.parse_address(v as string)],
        ['inet.ntoa(V)', (v) => inet.ntoa(v)],
        ['inet.getaddr(localhost, inet, V)', (v) => inet.getaddr('localhost', 'inet', v)],
        ['inet.gethostbyname(V)', (v) => inet.gethostbyname(v)],
        ['inet.setopts(S, [V])', (v) => inet.setopts(s, [v as never])],
        ['inet.setopts(S, [{packet, V}])', (v) => inet.setopts(s, [['packet', v as never]])],
        ['inet.setopts(S, V)', (v) => inet.setopts(s, v as never)],
        ['inet.getopts(S, V)', (v) => inet.getopts(s, v as never)],
        ['inet.getstat(S, V)', (v) => inet.getstat(s, v as never)],
        ['gen_tcp.listen(0, [V])', (v) => gen_tcp.listen(0, [v as never])],
        ['gen_tcp.listen(0, [{ip, V}])', (v) => gen_tcp.listen(0, [['ip', v as never]])],
        ['gen_tcp.listen(V, [])', (v) => gen_tcp.listen(v as number, [])],
        ['gen_tcp.connect(V, P, [])', (v) => gen_tcp.connect(v as never, port, [], 500)],
        ['gen_tcp.connect(H, P, [V])', (v) => gen_tcp.connect([127, 0, 0, 1], port, [v as never], 500)],
        ['gen_tcp.connect(H, P, V)', (v) => gen_tcp.connect([127, 0, 0, 1], port, v as never, 500)],
        ['gen_tcp.send(S, V)', (v) => gen_tcp.send(c, v)],
        ['gen_tcp.recv(S, V)', (v) => gen_tcp.recv(c, v as number, 0)],
        ['gen_tcp.recv(S, 0, V)', (v) => gen_tcp.recv(c, 0, v as number)],
        ['gen_tcp.accept(LS, V)', (v) => gen_tcp.accept(ls, v as number)],
        ['gen_tcp.controlling_process(S, V)', (v) => gen_tcp.controlling_process(c, v as never)],
        ['socket.open(V, stream)', (v) => socket.open(v as never, 'stream')],
        ['socket.open(inet, stream, tcp, V)', (v) => socket.open('inet', 'stream', 'tcp', v as never)],
        ['socket.bind(S, V)', (v) => socket.bind(sock, v as socket.sockaddr)],
        ['socket.connect(S, V)', (v) => socket.connect(sock, v as socket.sockaddr, 100)],
        ['socket.send(S, V)', (v) => socket.send(sock, v)],
        ['socket.send(S, D, V, 100)', (v) => socket.send(sock, 'x', v as never, 100)],
        ['socket.recv(S, V)', (v) => socket.recv(sock, v as number, 0)],
        ['socket.recv(S, 0, V)', (v) => socket.recv(sock, 0, v as number)],
        ['socket.setopt(S, V, 1)', (v) => socket.setopt(sock, v as never, 1 as never)],
        [
          'socket.setopt(S, {socket, rcvbuf}, V)',
          (v) => socket.setopt(sock, ['socket', 'rcvbuf'], v as never),
        ],
        ['socket.getopt(S, V)', (v) => socket.getopt(sock, v as never)],
        ['socket.sendto(S, D, V)', (v) => socket.sendto(sock, 'x', v as socket.sockaddr, 100)],
        ['socket.which_sockets(V)', (v) => socket.which_sockets(v as never)],
        ['socket.cancel(S, V)', (v) => socket.cancel(sock, v as never)],
      ];
      for (const [what, call] of calls) {
        for (const [name, value] of hostiles()) {
          const how = await outcome(() => call(value));
          if (how !== 'result' && how !== 'erlang') out.push(`${what} with ${name}: ${how}`);
        }
      }
      for (const x of [c, s, ls]) await gen_tcp.close(x);
      await socket.close(sock);
      return out;
    });
    expect(problems).to.deep.equal([]);
  });
});
