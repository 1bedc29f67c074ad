// Terms sent to the peer and back through rpc (dist_peer_b:id/1): UTF-8 atoms, integers across
// the small/big boundaries, floats with and without an integral value, lists proper and improper,
// tuples, binaries and bitstrings, nested maps with keys of any kind, pids, refs, export funs.
import { BitString, ImproperList, float, io, list, make_fun, make_ref, self } from 'erlts';
import * as rpc from 'erlts/rpc';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Terms = list(
    'h\u00e9llo',
    '\u00fcn\u00efc\u00f6d\u00e9',
    '\u65e5\u672c',
    '\u0430\u0442\u043e\u043c',
    'with space',
    '',
    true,
    'undefined',
    0,
    255,
    256,
    -1,
    134217727,
    134217728,
    -134217729,
    2 ** 31,
    (1n << 63n) - 1n,
    -(1n << 63n),
    1n << 64n,
    1n << 100n,
    -(1n << 100n),
    1n << 1000n,
    float(1),
    float(-2),
    float(0),
    2.5,
    -0.1,
    1.0e300,
    1.0e-300,
    float(123456789),
    float(9007199254740992),
    list(97, 98, 99),
    list(),
    list(1, list(116, 119, 111), 'three'),
    new ImproperList(['a'], 'b'),
    new ImproperList([1, 2], 3),
    [],
    ['a'],
    ['a', ['b', ['c']]],
    Buffer.alloc(0),
    Buffer.from([1, 2, 3]),
    Buffer.from('h\u00e9llo', 'utf8'),
    new BitString(Buffer.from([0b0010_0000]), 3),
    new BitString(Buffer.from([255, 0x70]), 12),
    {},
    { a: 1 },
    { a: { b: list(1, { c: ['d'] }) } },
    new Map<unknown, unknown>([
      [1, float(2)],
      [list(115, 116, 114), Buffer.from('bin')],
      [['t'], list('x')],
    ]),
    self(),
    make_ref(),
    make_fun('lists', 'sum', 1),
    make_fun('erlang', 'node', 0),
  );
  for (const T of Terms) {
    const Back = await rpc.call(Peer, 'dist_peer_b', 'id', [T]);
    io.format('~w ~w~n', [termEquals(Back, T), Back]);
  }
  io.format('all at once: ~w~n', [termEquals(await rpc.call(Peer, 'dist_peer_b', 'id', [Terms]), Terms)]);
}
