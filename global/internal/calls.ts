/**
 * How global's processes talk to the name servers, in the shapes OTP's do, since BEAM peers send
 * and expect them: gen_server calls (`{'$gen_call', {Pid, Tag}, Request}`, answered `{Tag,
 * Reply}`), gen_server:multi_call's (the tag `{Tag, Node}`), casts (`{'$gen_cast', Request}`),
 * the "volatile" sends that never set up a connection, and rpc:call of global:resolve_it.
 *
 * While this node runs no name server (it is not distributed), a request to this node's server
 * is carried out by the caller on the tables, as the server would with no other node to ask.
 */
import {
  ExitException,
  _,
  after,
  demonitor,
  list,
  make_ref,
  monitor,
  node,
  nodes,
  on,
  receive,
  self,
  send,
  spawn_request,
  whereis,
  type Pid,
  type Ref,
} from '../../runtime/index.js';
import { call as genCall } from '../../stdlib/gen/internal/call.js';
import { handleDelLock, handleSetLock, insName, deleteGlobalName2 } from './tables.js';

/** The name server's registered name, on every node. */
export const SERVER = 'global_name_server';

/** Whether this node's name server runs. */
export function serverRunning(): boolean {
  return whereis(SERVER) !== 'undefined';
}

/** gen_server:call(global_name_server, Request, infinity) on this node. */
export function callServer(request: unknown): Promise<unknown> {
  return genCall(SERVER, '$gen_call', request, 'infinity', 'global');
}

/** gen_server:cast({global_name_server, Node}, Request): sent whatever the connection is. */
export function cast(to: string, request: unknown): void {
  try {
    send(to === node() ? SERVER : [SERVER, to], ['$gen_cast', request]);
  } catch {
    // gen_server:cast catches: a node that is not there takes nothing.
  }
}

/** Whether `n` is connected now (a send with `noconnect` reaches it). */
export function connected(n: string): boolean {
  return nodes(['visible', 'hidden']).includes(n);
}

/**
 * gns_volatile_send/2: `Msg` to the name server of `n` only if it is connected now; it never sets
 * up a connection (OTP's `[nosuspend, noconnect]`).
 */
export function volatileSend(n: string, msg: unknown): void {
  if (n === node()) {
    send(SERVER, msg);
    return;
  }
  if (!connected(n)) return;
  try {
    send([SERVER, n], msg);
  } catch {
    // Gone between the check and the send: as noconnect, nothing.
  }
}

/** What multi_call gives: `{Replies, BadNodes}`. */
export type MultiCallResult = [[string, unknown][], string[]];

/**
 * gen_server:multi_call(Nodes, global_name_server, Request) with no timeout: each server's
 * reply, or the node among the bad ones when its server is not there (or its node goes down).
 */
export async function multiCall(targets: readonly string[], request: unknown): Promise<MultiCallResult> {
  const me = node();
  const replies: [string, unknown][] = [];
  const bad: string[] = [];
  if (!serverRunning()) {
    // No server here: this node's part is done now, other nodes are out of reach.
    for (const n of targets) {
      if (n === me) replies.push([n, localRequest(request, self())]);
      else bad.push(n);
    }
    return [replies, bad];
  }
  const tag = make_ref();
  const monitors: [string, Ref][] = [];
  for (const n of targets) {
    if (typeof n !== 'string') continue;
    const dest: string | [string, string] = n === me ? SERVER : [SERVER, n];
    let mref: Ref;
    try {
      mref = monitor('process', dest);
      send(dest, ['$gen_call', [self(), [tag, n]], request]);
    } catch {
      bad.push(n);
      continue;
    }
    monitors.push([n, mref]);
  }
  for (const [n, mref] of monitors) {
    const msg = (await receive(on([[tag, n], _]), on(['DOWN', mref, _, _, _]))) as unknown[];
    if (msg.length === 2) {
      demonitor(mref, ['flush']);
      replies.push([n, msg[1]]);
    } else bad.push(n);
  }
  return [replies, bad];
}

/** A request to this node's server carried out by the caller, while no server runs. */
function localRequest(request: unknown, from: Pid): unknown {
  if (!Array.isArray(request)) return undefined;
  switch (request[0]) {
    case 'set_lock':
      return handleSetLock(request[1] as [unknown, unknown], from, null);
    case 'del_lock':
      handleDelLock(request[1] as [unknown, unknown], from);
      return true;
    case 'register':
      insName(request[1], request[2] as Pid, request[3], null, list(), null);
      return 'yes';
    case 'unregister':
      deleteGlobalName2(request[1]);
      return 'ok';
    default:
      return undefined;
  }
}

let uniqueCounter = 0;

/** erlang:unique_integer([monotonic]) for this node's tags and operation ids. */
export function uniqueInteger(): number {
  return ++uniqueCounter;
}

/** A random integer 1..n, as rand:uniform/1. */
export function uniform(n: number): number {
  return 1 + Math.floor(Math.random() * n);
}

/** random_sleep/1: a quarter second the first time, doubling up to 8 seconds. */
export async function randomSleep(times: number): Promise<void> {
  const tmax = times > 5 ? 8000 : Math.floor(((1 << times) * 1000) / 8);
  const t = uniform(tmax);
  await receive(after(t, () => 'ok'));
}

/**
 * rpc:call(Node, global, resolve_it, Args): on this node a local call; elsewhere a spawn
 * request of erpc:execute_call, as OTP 25's rpc does, answered `{badrpc, Reason}` on failure.
 */
export async function rpcCall(
  n: string,
  local: (...args: unknown[]) => unknown,
  fn: string,
  args: readonly unknown[],
): Promise<unknown> {
  if (n === node()) return local(...args);
  const res = make_ref();
  let reqId: Ref;
  try {
    reqId = spawn_request(
      n,
      'erpc',
      'execute_call',
      [res, 'global', fn, list(...args)],
      [['reply', 'error_only'], 'monitor'],
    );
  } catch (e) {
    return ['badrpc', ExitException.is(e) ? e.reason : 'nodedown'];
  }
  const msg = (await receive(
    on(['spawn_reply', reqId, 'error', _]),
    on(['DOWN', reqId, 'process', _, _]),
  )) as unknown[];
  if (msg[0] === 'spawn_reply') return ['badrpc', 'nodedown'];
  const reason = msg[4];
  if (Array.isArray(reason) && reason[0] === res) {
    if (reason[1] === 'return') return reason[2];
    if (reason[1] === 'throw') return reason[2];
    if (reason[1] === 'exit') return ['badrpc', ['EXIT', reason[2]]];
    return ['badrpc', ['EXIT', [reason[2], reason[3]]]];
  }
  return ['badrpc', reason === 'noconnection' ? 'nodedown' : ['EXIT', reason]];
}
