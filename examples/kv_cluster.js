// @ts-check
// A replicated key-value service on a cluster of three Erlang nodes: two erlts nodes, each a
// Node process of its own running the kv gen_server below, and one `erl` node that reads and
// writes through them with gen_server:call and rpc:call. A put on one erlts node is cast to the
// other. One command starts it all, runs a short session and stops it:
//   node examples/kv_cluster.js
// It starts the erlts nodes as child processes of its own (`node examples/kv_cluster.js --node
// kv_a`), then `erl -sname kv_c`; they meet at the EPMD on port 4369 (ERL_EPMD_PORT), which the
// first erlts node serves itself when none runs (net_kernel's epmd `ensure`), so erl is started
// with `-start_epmd false`. Without erl installed, it runs the two erlts nodes alone.
//
// -module(kv).
// -behaviour(gen_server).
// -export([start/1, put/2, get/1, keys/0]).
// -export([init/1, handle_call/3, handle_cast/2]).
//
// start(Peers) -> gen_server:start({local, kv}, kv, Peers, []).
// put(K, V) -> gen_server:call(kv, {put, K, V}).
// get(K) -> gen_server:call(kv, {get, K}).
// keys() -> gen_server:call(kv, keys).
//
// init(Peers) -> {ok, {Peers, #{}}}.
//
// handle_call({put, K, V}, _From, {Peers, Store}) ->
//     [gen_server:cast({kv, N}, {replicate, node(), K, V}) || N <- Peers],
//     {reply, ok, {Peers, Store#{K => V}}};
// handle_call({get, K}, _From, {_, Store} = S) -> {reply, maps:find(K, Store), S};
// handle_call(keys, _From, {_, Store} = S) -> {reply, lists:sort(maps:keys(Store)), S}.
//
// handle_cast({replicate, From, K, V}, {Peers, Store}) ->
//     io:format("replicated ~p = ~p from ~p~n", [K, V, From]),
//     {noreply, {Peers, Store#{K => V}}}.
import { spawn as spawnChild, spawnSync } from 'node:child_process';
import * as net from 'node:net';
import { createInterface } from 'node:readline';
import { clearTimeout } from 'node:timers';
import { fileURLToPath } from 'node:url';
import { code, io, io_lib, list, node, ok, run } from 'erlts';
import * as gen_server from 'erlts/gen_server';
import * as lists from 'erlts/lists';
import * as maps from 'erlts/maps';
import * as net_kernel from 'erlts/net_kernel';
import * as rpc from 'erlts/rpc';
import * as kv from './kv_cluster.js';

/** @typedef {[string[], Record<string, unknown>]} State  {Peers, Store} */

/** @param {string[]} Peers */
export const start = (Peers) => gen_server.start(['local', 'kv'], kv, Peers, []);
/** @param {string} K @param {unknown} V */
export const put = (K, V) => gen_server.call('kv', ['put', K, V]);
/** @param {string} K */
export const get = (K) => gen_server.call('kv', ['get', K]);
export const keys = () => gen_server.call('kv', 'keys');

/** @param {string[]} Peers @returns {['ok', State]} */
export function init(Peers) {
  return ['ok', [Peers, {}]];
}

/**
 * @param {['put', string, unknown] | ['get', string] | 'keys'} Req
 * @param {gen_server.From} _From
 * @param {State} S
 */
export function handle_call(Req, _From, S) {
  const [Peers, Store] = S;
  if (Req === 'keys') return ['reply', lists.sort(maps.keys(Store)), S];
  if (Req[0] === 'get') return ['reply', maps.find(Req[1], Store), S];
  const [, K, V] = Req;
  for (const N of Peers) gen_server.cast(['kv', N], ['replicate', node(), K, V]);
  return ['reply', 'ok', [Peers, maps.put(K, V, Store)]];
}

/**
 * @param {['replicate', string, string, unknown]} Msg
 * @param {State} S
 */
export function handle_cast([, From, K, V], [Peers, Store]) {
  io.format('replicated ~p = ~p from ~p~n', [K, V, From]);
  return ['noreply', [Peers, maps.put(K, V, Store)]];
}

const COOKIE = 'kv_cluster';
const EPMD_PORT = Number(process.env['ERL_EPMD_PORT'] ?? 4369);
/** The erl to run (ERL names another, or a missing one to try the two-node cluster). */
const ERL = process.env['ERL'] ?? 'erl';

// ---------------------------------------------------------------------------------------------
// An erlts node: `--node kv_a kv_b` starts node kv_a with kv_b as its peer, prints `ready Node`,
// then runs each command line it reads ([Fun, ...Args] in JSON) in a process of its own and
// prints what it returned; it stops its node when stdin ends.

/** @param {string} name @param {string} peer */
async function erltsNode(name, peer) {
  ok(await net_kernel.start(name, { cookie: COOKIE, epmd: 'ensure' }));
  code.register_module('kv', kv);
  const Host = node().split('@')[1];
  const Peer = `${peer}@${Host}`;
  await run(async () => ok(await start([Peer])));
  console.log(`ready ${node()}`);
  for await (const line of createInterface({ input: process.stdin })) {
    console.log(await run(command, JSON.parse(line)));
  }
  await net_kernel.stop();
  console.log('stopped');
}

/**
 * Runs one command; what it prints reads as the Erlang call.
 * @param {[string, ...unknown[]]} cmd
 */
async function command([f, ...args]) {
  if (f === 'rpc') {
    const [N, M, F, Args] = /** @type {[string, string, string, unknown[]]} */ (args);
    const A = list(...Args); // JSON's arrays are tuples; the arguments are a list
    const R = await rpc.call(N, M, F, A);
    return io_lib.format('rpc:call(~p, ~p, ~p, ~w) -> ~p', [N, M, F, A, R]).toString();
  }
  const fns = /** @type {Record<string, (...a: any[]) => Promise<unknown>>} */ ({ put, get, keys });
  const R = await /** @type {(...a: unknown[]) => Promise<unknown>} */ (fns[f])(...args);
  const shown = args.map((a) => io_lib.format('~w', [a]).toString()).join(', ');
  return io_lib.format('kv:~s(~s) -> ~p', [f, shown, R]).toString();
}

// ---------------------------------------------------------------------------------------------
// The erl node: reads Erlang expressions, one a line, and prints each with its value.
const ERL_LOOP = String.raw`
Loop = fun Loop() ->
  case io:get_line("") of
    eof -> io:format("stopped~n"), halt();
    Line ->
      Src = string:trim(Line),
      {ok, Toks, _} = erl_scan:string(Src ++ "."),
      {ok, Exprs} = erl_parse:parse_exprs(Toks),
      {value, V, _} = erl_eval:exprs(Exprs, []),
      io:format("~s -> ~p~n", [Src, V]),
      Loop()
  end
end,
io:format("ready ~s~n", [node()]),
Loop().`;

/**
 * A node started as a child process: its stdout line by line, and its stdin for commands.
 * @typedef {{ name: string, next: () => Promise<string>, send: (line: string) => void, stop: () => Promise<void> }} Child
 */

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Child}
 */
function startChild(command, args) {
  const child = spawnChild(command, args, { stdio: ['pipe', 'pipe', 'inherit'] });
  /** @type {string[]} */
  const lines = [];
  /** @type {(() => void) | null} */
  let wake = null;
  let ended = false;
  createInterface({ input: /** @type {import('node:stream').Readable} */ (child.stdout) }).on('line', (l) => {
    lines.push(l);
    wake?.();
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  void exited.then(() => {
    ended = true;
    wake?.();
  });
  /** @type {Child} */
  const c = {
    name: args.join(' '),
    // The next line it prints, within 10 s.
    next: () =>
      new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${c.name}: nothing printed within 10 s`)), 10_000);
        const check = () => {
          const line = lines.shift();
          if (line === undefined && !ended) return;
          clearTimeout(timer);
          wake = null;
          if (line === undefined) reject(new Error(`${c.name} exited`));
          else resolve(line);
        };
        wake = check;
        check();
      }),
    send: (line) => void child.stdin?.write(`${line}\n`),
    stop: async () => {
      child.stdin?.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
  return c;
}

/** Prints the next line `c` printed, as `Node: line`. */
async function show(/** @type {Child} */ c) {
  console.log(`${c.name}: ${await c.next()}`);
}

/**
 * Has `c` run one command and prints what it prints back.
 * @param {Child} c
 * @param {string | unknown[]} cmd - an Erlang expression for erl, `[Fun, ...Args]` for erlts
 */
async function ask(c, cmd) {
  c.send(typeof cmd === 'string' ? cmd : JSON.stringify(cmd));
  await show(c);
}

/** Starts a node and names it after the `ready Node` line it prints. */
async function ready(/** @type {Child} */ c) {
  const [, name] = /** @type {RegExpMatchArray} */ ((await c.next()).match(/^ready (\S+)$/));
  c.name = /** @type {string} */ (name);
  return c.name;
}

/** Whether something listens on the EPMD port. */
function epmdRunning() {
  return new Promise((resolve) => {
    const s = net.connect(EPMD_PORT, '127.0.0.1');
    s.once('connect', () => {
      s.end();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** The session: starts the nodes, uses the service from each side, stops them. */
async function cluster() {
  const self = fileURLToPath(import.meta.url);
  console.log(
    (await epmdRunning())
      ? `EPMD is running on port ${EPMD_PORT}`
      : `no EPMD on port ${EPMD_PORT}: kv_a serves one`,
  );
  // kv_a first: it may be the one serving EPMD.
  const a = startChild(process.execPath, [self, '--node', 'kv_a', 'kv_b']);
  const A = await ready(a);
  const b = startChild(process.execPath, [self, '--node', 'kv_b', 'kv_a']);
  const B = await ready(b);
  const haveErl = spawnSync(ERL, ['-version'], { stdio: 'ignore' }).status === 0;
  const erlArgs = [
    '-sname',
    'kv_c',
    '-setcookie',
    COOKIE,
    '-start_epmd',
    'false',
    '-noshell',
    '-eval',
    ERL_LOOP,
  ];
  const c = haveErl ? startChild(ERL, erlArgs) : null;
  if (c === null) console.log('erl is not installed: the cluster is the two erlts nodes');
  else await ready(c);
  console.log(`nodes ${A}, ${B}${c === null ? '' : `, ${c.name}`}`);

  // A put on kv_a is cast to kv_b.
  await ask(a, ['put', 'color', 'blue']);
  await show(b);
  await ask(b, ['get', 'color']);
  if (c !== null) {
    // erl calls the gen_servers by {Name, Node}, and the kv module by rpc.
    await ask(c, `gen_server:call({kv, '${A}'}, {get, color})`);
    await ask(c, `gen_server:call({kv, '${B}'}, {put, size, 42})`);
    await show(a);
    await ask(c, `rpc:call('${A}', kv, keys, [])`);
    // An erlts node calls erl's side: erl's rpc server, which calls kv_a's gen_server.
    await ask(b, [
      'rpc',
      c.name,
      'gen_server',
      'call',
      [
        ['kv', A],
        ['get', 'size'],
      ],
    ]);
  } else {
    await ask(b, ['put', 'size', 42]);
    await show(a);
    await ask(a, ['rpc', B, 'kv', 'keys', []]);
  }
  await ask(a, ['keys']);

  for (const n of c === null ? [b, a] : [c, b, a]) {
    await n.stop(); // its stdin ends: it stops its node
    await show(n);
  }
}

if (process.argv[2] === '--node') await erltsNode(process.argv[3] ?? 'kv_a', process.argv[4] ?? 'kv_b');
else if (process.argv[1] === fileURLToPath(import.meta.url)) await cluster();
