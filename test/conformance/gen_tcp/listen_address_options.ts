// gen_tcp:listen/2's address options, as inet:list_opt/3 reads them: ip,
// ifaddr and port fill one slot in list order (a later ip or port goes into
// an address map), only the final address is judged (exit badarg for one
// that is none), an ifaddr map is checked and completed at once (error
// {invalid, _}), and the driver refuses a bad map when it binds: einval,
// or the error its encoding raises.
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import { io, list, ok, match, type Port } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

export default async function main(): Promise<void> {
  const L = [127, 0, 0, 1];
  const L6 = [0, 0, 0, 0, 0, 0, 0, 1];
  const M = { family: 'inet', addr: L };
  const M0 = { ...M, port: 0 };
  const Cases: unknown[][] = [
    // ip maps
    [['ip', M0]],
    [['ip', M]],
    [['ip', { family: 'inet', addr: 'any' }]],
    [['ip', { addr: L, port: 0 }]],
    [['ip', { family: 'inet', port: 0 }]],
    [['ip', { ...M0, x: 1 }]],
    [['ip', { family: 'inet', addr: 'any', port: 0 }]],
    [['ip', { family: 'inet', addr: 'loopback', port: 0 }]],
    [['ip', { ...M0, addr: 'foo' }]],
    [['ip', { ...M0, addr: list(127, 0, 0, 1) }]],
    [['ip', { ...M0, addr: [1, 2, 3] }]],
    [['ip', { ...M0, addr: [256, 0, 0, 1] }]],
    [['ip', { ...M0, addr: ['a', 'b', 'c', 'd'] }]],
    [['ip', { ...M0, addr: L6 }]],
    [['ip', { ...M, port: -1 }]],
    [['ip', { ...M, port: 65536 }]],
    [['ip', { ...M, port: 'foo' }]],
    [['ip', { ...M0, family: 'foo' }]],
    [['ip', { ...M, addr: 'foo' }]],
    [['ip', { ...M, addr: 'foo', port: 'foo' }]],
    [['ip', { family: 'inet6', addr: L6, port: 0 }]],
    [['ip', { family: 'inet6', addr: L6, port: 0, flowinfo: 0, scope_id: 0 }]],
    [['ip', { family: 'inet6', addr: L6, port: 'foo', flowinfo: 0, scope_id: 0 }]],
    [['ip', { family: 'inet6', addr: L6, port: 0, flowinfo: 'foo', scope_id: 0 }]],
    [['ip', { family: 'inet6', addr: L, port: 0, flowinfo: 0, scope_id: 0 }]],
    ['inet', ['ip', { family: 'inet6', addr: L6, port: 0, flowinfo: 0, scope_id: 0 }]],
    ['inet6', ['ip', M0]],
    // the slot, in list order
    [
      ['ip', M],
      ['port', 0],
    ],
    [
      ['port', 0],
      ['ip', M],
    ],
    [
      ['ip', M],
      ['ip', L],
    ],
    [
      ['ip', M0],
      ['ip', L],
    ],
    [
      ['ip', M0],
      ['ip', 'any'],
    ],
    [
      ['ip', M0],
      ['ip', 'foo'],
    ],
    [
      ['ip', M0],
      ['ip', L6],
    ],
    [
      ['ip', 'foo'],
      ['ip', L],
    ],
    [
      ['ip', L],
      ['ip', 'foo'],
    ],
    [
      ['ip', 'foo'],
      ['ifaddr', L],
    ],
    [
      ['ifaddr', 'foo'],
      ['ip', L],
    ],
    [
      ['ip', L],
      ['ifaddr', M0],
    ],
    [
      ['port', -1],
      ['ip', M0],
    ],
    [
      ['ip', M0],
      ['port', -1],
    ],
    [
      ['port', 'foo'],
      ['port', 0],
    ],
    [
      ['port', 0],
      ['port', 'foo'],
    ],
    // ifaddr maps
    [['ifaddr', M0]],
    [['ifaddr', M]],
    [['ifaddr', { family: 'inet' }]],
    [['ifaddr', { family: 'inet6' }]],
    [
      ['ifaddr', { family: 'inet6' }],
      ['port', 0],
    ],
    [['ifaddr', {}]],
    [['ifaddr', { addr: L }]],
    [['ifaddr', { ...M0, x: 1 }]],
    [['ifaddr', { family: 'inet', x: 1, y: 2 }]],
    [['ifaddr', { family: 'inet6', x: 1 }]],
    [['ifaddr', { ...M0, flowinfo: 0 }]],
    [['ifaddr', { ...M0, addr: 'foo' }]],
    [['ifaddr', { ...M0, addr: [1, 2, 3, 4, 5] }]],
    [['ifaddr', { ...M, port: 70000 }]],
    [['ifaddr', { family: 'foo' }]],
    [['ifaddr', { family: 'foo', x: 1 }]],
    [['ifaddr', { family: 'unspec' }]],
    [['ifaddr', { family: 'local' }]],
    [['ifaddr', { family: 'local', path: 42 }]],
    [['ifaddr', { family: 'local', path: Buffer.from('/tmp/erlts_no_such_dir/s') }]],
    ['local', ['ifaddr', { family: 'local', path: Buffer.from('/tmp/erlts_no_such_dir/s') }]],
    ['inet', ['ifaddr', { family: 'inet6' }]],
    [
      ['ifaddr', { family: 'inet6' }],
      ['ip', L],
    ],
    [
      ['ifaddr', { family: 'inet' }],
      ['ip', L6],
    ],
    [
      ['ifaddr', M0],
      ['ip', 'foo'],
    ],
    // an IPv6 address or map opens an inet6 socket
    [
      ['ip', L6],
      ['ipv6_v6only', true],
    ],
    [
      ['ifaddr', { family: 'inet6' }],
      ['tclass', 1],
    ],
    ['inet', ['ip', L6]],
    ['inet6', ['ip', L]],
    ['inet6', ['ip', 'any']],
    [
      ['ip', L],
      ['ip', L6],
    ],
    [
      ['ip', L6],
      ['ip', L],
    ],
    [
      ['ip', L6],
      ['ip', 'foo'],
      ['ip', 'loopback'],
    ],
    ['local', ['ip', L]],
    ['inet', ['ifaddr', ['local', Buffer.from('/tmp/erlts_no_such_dir/s')]]],
    [
      ['ifaddr', ['local', Buffer.from('/tmp/erlts_no_such_dir/s')]],
      ['ip', L],
    ],
    // which error comes first
    [
      ['ifaddr', {}],
      ['active', 'maybe'],
    ],
    [
      ['active', 'maybe'],
      ['ifaddr', {}],
    ],
    [
      ['ip', {}],
      ['active', 'maybe'],
    ],
    [
      ['ip', 'foo'],
      ['active', 'maybe'],
    ],
    [
      ['ip', {}],
      ['packet', 3],
    ],
    [
      ['ip', {}],
      ['tclass', 1],
    ],
  ];
  for (const Opts of Cases) {
    io.format('~w: ~w~n', [list(...Opts), await try_(() => gen_tcp.listen(0, Opts as never))]);
  }
}

/** The result, with the bound address for ok, or the class and reason raised. */
async function try_(F: () => Promise<readonly ['ok', Port] | readonly ['error', string]>): Promise<unknown> {
  try {
    const Result = await F();
    if (Result[0] !== 'ok') return Result;
    const S = Result[1];
    const [Addr] = ok(await inet.sockname(S));
    match('ok', await gen_tcp.close(S));
    return ['ok', Addr];
  } catch (e) {
    return classOf(e);
  }
}
