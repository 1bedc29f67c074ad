/**
 * Model-based test of the socket lifecycle: every simple path of the xstate machine the
 * ports run on (inet/internal/tcp/lifecycle.ts) is walked on real sockets, and after each
 * step the socket must behave as the state the machine says it is in.
 */
import { expect } from 'chai';
import { getSimplePaths } from 'xstate/graph';
import * as gen_tcp from 'erlts/gen_tcp';
import * as inet from 'erlts/inet';
import {
  initialTcpState,
  nextTcpState,
  tcpEvents,
  tcpLifecycle,
  type TcpEvent,
  type TcpState,
} from '../../inet/internal/tcp/lifecycle.js';
import { closeAll, listener, ok } from './support.js';

const paths = getSimplePaths(tcpLifecycle, { events: tcpEvents.map((type) => ({ type })) });
const opts: gen_tcp.option[] = ['binary', ['active', false], ['exit_on_close', false]];

/** The socket under test, its peer, and whatever else the walk opened. */
interface World {
  subject?: gen_tcp.socket;
  peer?: gen_tcp.socket;
  connecting?: Promise<readonly unknown[]>;
  refused: boolean;
  others: gen_tcp.socket[];
}

async function step(w: World, event: TcpEvent, next: readonly string[]): Promise<void> {
  switch (event) {
    case 'LISTEN':
      w.subject = ok(await gen_tcp.listen(0, [['ip', [127, 0, 0, 1]], ...opts]));
      return;
    case 'CONNECT': {
      const [ls, port] = await listener(opts);
      w.others.push(ls);
      // A connect that the path fails next goes to a port nobody listens on.
      w.refused = next[0] === 'CLOSE';
      if (w.refused) await gen_tcp.close(ls);
      w.connecting = gen_tcp.connect([127, 0, 0, 1], port, opts);
      if (!w.refused) w.peer = ok(await gen_tcp.accept(ls, 2000));
      return;
    }
    case 'CONNECTED':
      w.subject = ok(await (w.connecting as Promise<readonly ['ok', gen_tcp.socket]>));
      return;
    case 'ACCEPTED': {
      const [ls, port] = await listener(opts);
      w.others.push(ls);
      w.peer = ok(await gen_tcp.connect([127, 0, 0, 1], port, opts));
      w.subject = ok(await gen_tcp.accept(ls, 2000));
      return;
    }
    case 'SHUTDOWN_WRITE':
      expect(await gen_tcp.shutdown(w.subject as gen_tcp.socket, 'write')).to.equal('ok');
      return;
    case 'PEER_EOF':
      expect(await gen_tcp.shutdown(w.peer as gen_tcp.socket, 'write')).to.equal('ok');
      expect(await gen_tcp.recv(w.subject as gen_tcp.socket, 0, 2000)).to.deep.equal(['error', 'closed']);
      return;
    case 'CLOSE':
      if (w.subject === undefined) {
        const r = w.connecting === undefined ? null : await w.connecting;
        if (r !== null) expect(r).to.deep.equal(['error', 'econnrefused']);
      } else await gen_tcp.close(w.subject);
      return;
  }
}

async function readsFromPeer(w: World): Promise<void> {
  await gen_tcp.send(w.peer as gen_tcp.socket, 'to subject');
  expect(String(ok(await gen_tcp.recv(w.subject as gen_tcp.socket, 0, 2000)))).to.equal('to subject');
}

async function writesToPeer(w: World): Promise<void> {
  expect(await gen_tcp.send(w.subject as gen_tcp.socket, 'to peer')).to.equal('ok');
  expect(String(ok(await gen_tcp.recv(w.peer as gen_tcp.socket, 0, 2000)))).to.equal('to peer');
}

async function check(w: World, state: TcpState): Promise<void> {
  const s = w.subject as gen_tcp.socket;
  switch (state) {
    case 'open':
      expect(w.subject).to.equal(undefined);
      return;
    case 'connecting': {
      const pending = await Promise.race([w.connecting, Promise.resolve('pending')]);
      if (!w.refused) expect(pending === 'pending' || (pending as unknown[])[0] === 'ok').to.equal(true);
      return;
    }
    case 'listening':
      expect((await inet.info(s))['states']).to.deep.equal(['listen', 'open']);
      expect(await inet.peername(s)).to.deep.equal(['error', 'enotconn']);
      return;
    case 'connected':
      expect((await inet.info(s))['states']).to.deep.equal(['connected', 'open']);
      await writesToPeer(w);
      await readsFromPeer(w);
      return;
    case 'write_closed':
      expect(await gen_tcp.send(s, 'x')).to.deep.equal(['error', 'closed']);
      await readsFromPeer(w);
      return;
    case 'read_closed':
      await writesToPeer(w);
      expect(await gen_tcp.recv(s, 0, 2000)).to.deep.equal(['error', 'closed']);
      return;
    case 'shut':
      expect(await gen_tcp.send(s, 'x')).to.deep.equal(['error', 'closed']);
      expect(await gen_tcp.recv(s, 0, 2000)).to.deep.equal(['error', 'closed']);
      return;
    case 'closed':
      if (w.subject === undefined) return;
      expect((await inet.info(s))['states']).to.deep.equal(['closed']);
      expect(await gen_tcp.send(s, 'x')).to.deep.equal(['error', 'closed']);
      return;
  }
}

describe('gen_tcp lifecycle (model-based, every simple path of the machine)', () => {
  it('has paths to every state of the machine', () => {
    const reached = new Set(paths.map((p) => p.state.value));
    expect([...reached].sort()).to.deep.equal(
      [
        'closed',
        'connected',
        'connecting',
        'listening',
        'open',
        'read_closed',
        'shut',
        'write_closed',
      ].sort(),
    );
  });

  for (const path of paths) {
    const names = path.steps.slice(1).map((s) => s.event.type);
    it(`${names.join(' → ') || '(start)'} → ${String(path.state.value)}`, async () => {
      const w: World = { refused: false, others: [] };
      let state: TcpState = initialTcpState;
      try {
        for (let i = 0; i < names.length; i++) {
          const event = names[i] as TcpEvent;
          await step(w, event, names.slice(i + 1));
          state = nextTcpState(state, event) as TcpState;
          await check(w, state);
        }
        expect(state).to.equal(path.state.value);
      } finally {
        const late = w.subject === undefined && w.connecting !== undefined ? await w.connecting : null;
        if (late !== null && late[0] === 'ok') w.others.push(late[1] as gen_tcp.socket);
        const open = [w.subject, w.peer, ...w.others].filter((s): s is gen_tcp.socket => s !== undefined);
        await closeAll(...open);
      }
    });
  }
});
