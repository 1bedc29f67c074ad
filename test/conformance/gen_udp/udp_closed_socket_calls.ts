// Every call on a closed socket: send (every form), recv and connect say
// {error, closed}, except a send/4 with a non-zero PortZero (einval, checked
// first); the inet functions say {error, einval}; inet:info gives
// #{states => [closed]}; controlling_process raises {badmatch,
// {error, einval}}; close again is ok; monitoring it gives a DOWN with
// noproc. From gen_udp_SUITE:otp_17492.
import * as gen_udp from 'erlts/gen_udp';
import * as inet from 'erlts/inet';
import { io, receive, on, after, _, list, self, ok, match, type List } from 'erlts';
import { classOf } from '../erlang-exceptions.js';

const send_ = gen_udp.send as (...Args: unknown[]) => Promise<unknown>;

export default async function main(): Promise<void> {
  const S = ok(await gen_udp.open(0, ['binary', ['active', false]]));
  const P = ok(await inet.port(S));
  match('ok', await gen_udp.close(S));
  const X = Buffer.from('x');
  const Calls: [string, () => Promise<unknown>][] = [
    ['send/2', () => gen_udp.send(S, X)],
    ['send/3', () => send_(S, [[127, 0, 0, 1], P], X)],
    ['send/3 map', () => send_(S, { family: 'inet', addr: [127, 0, 0, 1], port: P }, X)],
    ['send/4', () => send_(S, [127, 0, 0, 1], P, X)],
    ['send/4 PortZero 0', () => send_(S, [[127, 0, 0, 1], P], 0, X)],
    ['send/4 PortZero 5', () => send_(S, [[127, 0, 0, 1], P], 5, X)],
    ['send/5', () => send_(S, [127, 0, 0, 1], P, list(), X)],
    ['send/4 bad address', () => send_(S, [127, 0, 0, 256], P, X)],
    ['recv/2', () => gen_udp.recv(S, 0)],
    ['recv/3', () => gen_udp.recv(S, 0, 100)],
    ['recv/3 bad timeout', () => gen_udp.recv(S, 0, -1)],
    ['connect/3', () => gen_udp.connect(S, [127, 0, 0, 1], P)],
    ['connect/2', () => gen_udp.connect(S, { family: 'inet', addr: [127, 0, 0, 1], port: P })],
    ['setopts', () => inet.setopts(S, [['active', true]])],
    ['getopts', () => inet.getopts(S, ['active'])],
    ['sockname', () => inet.sockname(S)],
    ['peername', () => inet.peername(S)],
    ['port', () => inet.port(S)],
    ['getstat', () => inet.getstat(S)],
    ['info', () => inet.info(S)],
    ['controlling_process', () => gen_udp.controlling_process(S, self())],
    ['close', () => gen_udp.close(S)],
  ];
  for (const [Label, F] of Calls) io.format('~s: ~w~n', [Label, await try_(F)]);
  const M = inet.monitor(S);
  await receive(
    on(['DOWN', M, _, S, _], ([, , Type, , Reason]) => io.format('monitor: ~w ~w~n', [Type, Reason])),
    after(1000, () => io.format('no DOWN~n')),
  );
  io.format('mailbox: ~w~n', [await drain()]);
}

/** The result, or {caught, Class, Reason} for what was raised. */
async function try_(F: () => Promise<unknown>): Promise<unknown> {
  try {
    return await F();
  } catch (e) {
    return ['caught', ...classOf(e)];
  }
}

async function drain(): Promise<List> {
  return receive(
    on(_, async (X) => list(X, ...(await drain()))),
    after(0, () => list()),
  );
}
