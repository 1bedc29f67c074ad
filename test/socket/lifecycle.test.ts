/**
 * Model-based test of the socket module's lifecycles: every simple path of both xstate
 * machines the sockets run on (socket/internal/lifecycle.ts) is walked on real sockets, and
 * after each step the socket must behave as the state the machine says it is in.
 */
import { expect } from 'chai';
import { getShortestPaths, getSimplePaths } from 'xstate/graph';
import { _, after, on, receive } from 'erlts';
import * as socket from 'erlts/socket';
import type { Lifecycle } from '../../inet/internal/lifecycle.js';
import {
  dgramLifecycle,
  streamLifecycle,
  type DgramEvent,
  type DgramState,
  type StreamEvent,
  type StreamState,
} from '../../socket/internal/lifecycle.js';

type Sock = socket.Socket;
const loopback = { family: 'inet', addr: [127, 0, 0, 1], port: 0 } as const;

function ok<T>(r: readonly unknown[] | string): T {
  if (!Array.isArray(r) || r[0] !== 'ok') throw new Error(`expected {ok, _}, got ${String(r)}`);
  return r[1] as T;
}

async function portOf(s: Sock): Promise<number> {
  return ok<{ port: number }>(await socket.sockname(s)).port;
}

/** A listening socket on loopback, and its port. */
async function listener(): Promise<[Sock, number]> {
  const ls = ok<Sock>(await socket.open('inet', 'stream', 'tcp'));
  expect(await socket.bind(ls, loopback)).to.equal('ok');
  expect(await socket.listen(ls)).to.equal('ok');
  return [ls, await portOf(ls)];
}

// ---- stream sockets ----

interface StreamWorld {
  subject?: Sock;
  peer?: Sock;
  /** Where the subject connects, and the select handle of its nowait connect. */
  server?: Sock;
  handle?: unknown;
  others: Sock[];
}

async function subject(w: StreamWorld): Promise<Sock> {
  return (w.subject ??= ok<Sock>(await socket.open('inet', 'stream', 'tcp')));
}

async function streamStep(w: StreamWorld, event: StreamEvent, next: readonly string[]): Promise<void> {
  switch (event) {
    case 'BIND':
      expect(await socket.bind(await subject(w), loopback)).to.equal('ok');
      return;
    case 'LISTEN':
      expect(await socket.listen(await subject(w), 7)).to.equal('ok');
      return;
    case 'CONNECT': {
      const [ls, port] = await listener();
      w.others.push(ls);
      w.server = ls;
      // A connect that the path fails next goes to a port nobody listens on.
      if (next[0] === 'CONNECT_FAILED') expect(await socket.close(ls)).to.equal('ok');
      const r = await socket.connect(await subject(w), { ...loopback, port }, 'nowait');
      expect(r[0]).to.equal('select');
      w.handle = (r as readonly ['select', readonly [string, string, unknown]])[1][2];
      return;
    }
    case 'CONNECTED':
    case 'CONNECT_FAILED': {
      const s = await subject(w);
      const msg = await receive(on(['$socket', s, 'select', w.handle]), after(2000));
      expect(msg).to.not.equal('timeout');
      if (event === 'CONNECTED') {
        expect(await socket.connect(s)).to.equal('ok');
        w.peer = ok<Sock>(await socket.accept(w.server as Sock, 2000));
      } else expect(await socket.connect(s)).to.deep.equal(['error', 'econnrefused']);
      return;
    }
    case 'ADOPTED': {
      const [ls, port] = await listener();
      w.others.push(ls);
      const c = ok<Sock>(await socket.open('inet', 'stream', 'tcp'));
      expect(await socket.connect(c, { ...loopback, port })).to.equal('ok');
      w.peer = c;
      w.subject = ok<Sock>(await socket.accept(ls, 2000));
      return;
    }
    case 'CLOSE':
      expect(await socket.close(await subject(w))).to.equal('ok');
      return;
  }
}

/** What each state promises, checked on the subject. */
async function streamBehaves(w: StreamWorld, state: StreamState): Promise<void> {
  const s = await subject(w);
  switch (state) {
    case 'open':
      expect(await socket.recv(s, 0, 0)).to.deep.equal(['error', 'enotconn']);
      expect(await socket.getopt(s, ['socket', 'acceptconn'])).to.deep.equal(['ok', false]);
      return;
    case 'bound':
      expect(await portOf(s)).to.be.above(0);
      expect(await socket.getopt(s, ['socket', 'acceptconn'])).to.deep.equal(['ok', false]);
      return;
    case 'listening':
      expect(await socket.getopt(s, ['socket', 'acceptconn'])).to.deep.equal(['ok', true]);
      expect(await socket.accept(s, 0)).to.deep.equal(['error', 'timeout']);
      return;
    case 'connecting':
      expect(await socket.connect(s, { ...loopback, port: 1 }, 'nowait')).to.deep.equal([
        'error',
        'ealready',
      ]);
      return;
    case 'connected': {
      const peer = w.peer as Sock;
      expect(await socket.send(s, Buffer.from('to peer'))).to.equal('ok');
      expect(String(ok(await socket.recv(peer, 7, 2000)))).to.equal('to peer');
      expect(await socket.send(peer, Buffer.from('back'))).to.equal('ok');
      expect(String(ok(await socket.recv(s, 4, 2000)))).to.equal('back');
      expect(ok<{ port: number }>(await socket.peername(s)).port).to.equal(await portOf(peer));
      return;
    }
    case 'closed':
      expect(await socket.close(s)).to.deep.equal(['error', 'closed']);
      expect(await socket.send(s, Buffer.from('x'))).to.deep.equal(['error', 'closed']);
      return;
  }
}

// ---- datagram sockets ----

interface DgramWorld {
  subject: Sock;
  peer: Sock;
}

async function dgramStep(w: DgramWorld, event: DgramEvent): Promise<void> {
  switch (event) {
    case 'BIND':
      expect(await socket.bind(w.subject, loopback)).to.equal('ok');
      return;
    case 'CONNECT':
      expect(await socket.connect(w.subject, { ...loopback, port: await portOf(w.peer) })).to.equal('ok');
      return;
    case 'CLOSE':
      expect(await socket.close(w.subject)).to.equal('ok');
      return;
  }
}

async function dgramBehaves(w: DgramWorld, state: DgramState): Promise<void> {
  const s = w.subject;
  const to = { ...loopback, port: await portOf(w.peer) };
  switch (state) {
    case 'open':
      expect(await socket.send(s, Buffer.from('x'))).to.deep.equal(['error', 'edestaddrreq']);
      expect(await socket.getopt(s, ['socket', 'type'])).to.deep.equal(['ok', 'dgram']);
      return;
    case 'bound': {
      expect(await portOf(s)).to.be.above(0);
      expect(await socket.sendto(s, Buffer.from('hi'), to)).to.equal('ok');
      const [from, data] = ok<[{ port: number }, Buffer]>(await socket.recvfrom(w.peer, 0, 2000));
      expect([from.port, String(data)]).to.deep.equal([await portOf(s), 'hi']);
      return;
    }
    case 'connected':
      expect(await socket.send(s, Buffer.from('conn'))).to.equal('ok');
      expect(String(ok(await socket.recv(w.peer, 0, 2000)))).to.equal('conn');
      expect(ok<{ port: number }>(await socket.peername(s)).port).to.equal(to.port);
      return;
    case 'closed':
      expect(await socket.close(s)).to.deep.equal(['error', 'closed']);
      return;
  }
}

/**
 * The paths to walk: every simple path of the machine, and every transition taken once (the
 * shortest path to its state, then the event), so self-transitions and the way back from a
 * failed connect are walked too.
 */
function pathsOf<S extends string, E extends string>(l: Lifecycle<S, E>): { events: E[]; states: S[] }[] {
  const options = { events: l.events.map((type) => ({ type })) };
  const asPath = (p: { steps: { event: { type: string }; state: { value: unknown } }[] }) => ({
    events: p.steps.slice(1).map((s) => s.event.type as E),
    states: p.steps.slice(1).map((s) => s.state.value as S),
  });
  const paths = getSimplePaths(l.machine, options).map(asPath);
  const seen = new Set(paths.map((p) => p.events.join()));
  for (const to of getShortestPaths(l.machine, options).map(asPath)) {
    const at = to.states.at(-1) ?? l.initial;
    for (const event of l.events) {
      const next = l.next(at, event);
      const path = { events: [...to.events, event], states: [...to.states, next as S] };
      if (next === undefined || seen.has(path.events.join())) continue;
      seen.add(path.events.join());
      paths.push(path);
    }
  }
  return paths.filter((p) => p.events.length > 0);
}

describe('socket lifecycle (model-based)', function () {
  describe('stream sockets: every simple path and every transition', function () {
    for (const path of pathsOf(streamLifecycle)) {
      it(path.events.join(' → '), async function () {
        const w: StreamWorld = { others: [] };
        try {
          for (let i = 0; i < path.events.length; i++) {
            const event = path.events[i] as StreamEvent;
            const expected = streamLifecycle.next(
              i === 0 ? 'open' : (path.states[i - 1] as StreamState),
              event,
            );
            expect(expected, `the table agrees with the machine on ${event}`).to.equal(path.states[i]);
            await streamStep(w, event, path.events.slice(i + 1));
            await streamBehaves(w, path.states[i] as StreamState);
          }
        } finally {
          for (const s of [w.subject, w.peer, ...w.others]) if (s !== undefined) await socket.close(s);
          await receive(on(['$socket', _, _, _]), after(0));
        }
      });
    }
  });

  describe('datagram sockets: every simple path and every transition', function () {
    for (const path of pathsOf(dgramLifecycle)) {
      it(path.events.join(' → '), async function () {
        const peer = ok<Sock>(await socket.open('inet', 'dgram', 'udp'));
        expect(await socket.bind(peer, loopback)).to.equal('ok');
        const w: DgramWorld = { subject: ok<Sock>(await socket.open('inet', 'dgram', 'udp')), peer };
        try {
          await dgramBehaves(w, 'open');
          for (let i = 0; i < path.events.length; i++) {
            await dgramStep(w, path.events[i] as DgramEvent);
            await dgramBehaves(w, path.states[i] as DgramState);
          }
        } finally {
          await socket.close(w.subject);
          await socket.close(peer);
        }
      });
    }
  });
});
