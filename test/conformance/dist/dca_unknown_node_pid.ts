// A pid of a node that does not exist (decoded from the external term format): link/1 gives
// `noconnection`, monitor/2 a `noconnection` DOWN; exit/2, unlink/1 and sends do nothing.
import {
  _,
  after,
  binary_to_term,
  exit,
  io,
  link,
  monitor,
  node,
  nodes,
  on,
  process_flag,
  receive,
  send,
  spawn_monitor,
  unlink,
  type Pid,
} from 'erlts';
import { termEquals } from '../../../runtime/internal/terms.js';
import { peer } from './peer/peer.js';

export default async function main(): Promise<void> {
  const Peer = peer();
  const Host = Peer.split('@')[1] ?? '';
  const Nobody = Buffer.from(`dca_nobody@${Host}`, 'utf8');
  const word = (n: number): Buffer => {
    const b = Buffer.alloc(4);
    b.writeUInt32BE(n);
    return b;
  };
  const Fake = binary_to_term(
    Buffer.concat([Buffer.from([131, 88, 119, Nobody.length]), Nobody, word(7), word(0), word(1)]),
  ) as Pid;
  io.format('node: ~w~n', [node(Fake) === Nobody.toString('utf8')]);
  io.format('send: ~w~n', [send(Fake, 'hello')]);
  io.format('exit/2: ~w~n', [exit(Fake, 'foo')]);
  io.format('unlink: ~w~n', [unlink(Fake)]);
  const Ref = monitor('process', Fake);
  await receive(
    on(['DOWN', Ref, 'process', _, _], ([, , , O, I]) =>
      io.format('monitor: DOWN ~w ~w~n', [termEquals(O, Fake), I]),
    ),
    after(2000, () => io.format('no DOWN~n')),
  );
  process_flag('trap_exit', true);
  io.format('link: ~w~n', [link(Fake)]);
  await receive(
    on(['EXIT', Fake, _], ([, , R]) => io.format('EXIT ~w~n', [R])),
    after(2000, () => io.format('no EXIT~n')),
  );
  process_flag('trap_exit', false);
  const [L, LRef] = spawn_monitor(async () => {
    link(Fake);
    await receive(on('never'));
  });
  await receive(
    on(['DOWN', LRef, 'process', L, _], ([, , , , R2]) => io.format('not trapping: DOWN ~w~n', [R2])),
    after(2000, () => io.format('no DOWN~n')),
  );
  io.format('in nodes(): ~w~n', [nodes().includes(Nobody.toString('utf8'))]);
  await receive(
    on(_, (Other) => io.format('unexpected ~w~n', [Other])),
    after(50, () => io.format('nothing else~n')),
  );
}
