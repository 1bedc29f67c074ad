/**
 * erlts/net_kernel — makes this Node process an Erlang node: named, registered with EPMD,
 * listening for other nodes, and connecting to them on first use. Once started, erlts processes
 * send to, link to and monitor processes of other erlts nodes and of BEAM nodes exactly as local
 * ones (docs/distribution.md).
 *
 * @example
 * import * as net_kernel from 'erlts/net_kernel';
 * // {ok, _} = net_kernel:start(a, #{name_domain => shortnames})
 * await net_kernel.start('a', { name_domain: 'shortnames' });
 */
import {
  Dist,
  type DistChannel as DistChannelLike,
  type PeerInfo,
  type NodesSubscriber,
} from './internal/dist.js';
import { startGroupLeader, startNetKernelProcess } from './internal/kernel.js';
import { startGlobalNameServer, stopGlobalNameServer } from '../global/internal/server.js';
import {
  type Connection,
  type Transport,
  simultaneousConnect,
  startTransport,
} from './internal/transport.js';
import { PUBLISHED } from './internal/dist-flags.js';
import { epmdPortFromEnv } from './internal/epmd-client.js';
import {
  type Pid,
  ErlangError,
  badarg,
  describe,
  isList,
  list,
  liveSelf,
  logReport,
  processOf,
  noNodeName,
  setDistribution,
  setThisNode,
  termEquals,
  termKind,
  thisNodeName,
} from '../runtime/internal/dist-api.js';
import { exit } from '../runtime/index.js';

/** How node names are made: `erl -sname` (`shortnames`) or `erl -name` (`longnames`). */
export type NameDomain = 'shortnames' | 'longnames';

/** net_kernel:start/2's options, with the kernel parameters OTP reads from the command line. */
export interface StartOptions {
  /** `shortnames` (the default) or `longnames`. */
  readonly name_domain?: NameDomain;
  /** net_ticktime in seconds (60). */
  readonly net_ticktime?: number;
  /** A hidden node (`erl -hidden`): its connections are not published. */
  readonly hidden?: boolean;
  /** This node's cookie (`erl -setcookie`); from ~/.erlang.cookie (made if missing) by default. */
  readonly cookie?: string;
  /** The address to listen on (`inet_dist_use_interface`): all interfaces by default, as OTP. */
  readonly inet_dist_use_interface?: readonly number[];
  /** The lowest port to listen on (`inet_dist_listen_min`); any free port by default. */
  readonly inet_dist_listen_min?: number;
  /** The highest port to listen on (`inet_dist_listen_max`). */
  readonly inet_dist_listen_max?: number;
  /** EPMD's port (`ERL_EPMD_PORT`, else 4369). */
  readonly epmd_port?: number;
  /**
   * What to do about EPMD: `ensure` (the default: use the one that runs, else serve one from this
   * process), `client` (fail without one), `none` (register nowhere).
   */
  readonly epmd?: 'ensure' | 'client' | 'none';
}

/** The running node: its transport, its distribution, its processes. */
interface Running {
  readonly transport: Transport;
  readonly dist: Dist;
  readonly kernel: Pid;
  readonly groupLeader: Pid;
  readonly cookies: Map<string, string>;
  cookie: string;
  ticktime: number;
  readonly epmdPort: number;
}

let running: Running | null = null;
let starting = false;

/**
 * Starts distribution, as net_kernel:start/1,2: names this node `Name@Host`, registers it with
 * EPMD (serving one when none runs), listens for other nodes, and from then on connects to any
 * node a process signals.
 * @param name - `Name`, `Name@Host`, or OTP's list form `[Name, NameDomain, Ticktime?]`
 * @param options - {@link StartOptions}
 * @returns `['ok', Pid]` (net_kernel's process), or `['error', Reason]`: `['already_started',
 *   Pid]`, a bad name, no cookie, the listen's or EPMD's failure (`duplicate_name`)
 * @example
 * // {ok, _} = net_kernel:start([a, shortnames])
 * const [ok] = await net_kernel.start(['a', 'shortnames']);
 * @see https://www.erlang.org/doc/man/net_kernel.html#start-2
 */
export async function start(
  name: string | readonly [string, NameDomain?, number?],
  options: StartOptions = {},
): Promise<['ok', Pid] | ['error', unknown]> {
  const fn = 'net_kernel:start/2';
  let base: unknown = name;
  let domain: unknown = options.name_domain ?? 'shortnames';
  let ticktime: unknown = options.net_ticktime ?? 60;
  if (Array.isArray(name)) {
    [base, domain = domain, ticktime = ticktime] = name as unknown[];
  }
  if (typeof base !== 'string') badarg(fn, `the name must be an atom, got ${describe(base)}`);
  if (domain !== 'shortnames' && domain !== 'longnames') {
    badarg(fn, `the name domain must be shortnames or longnames, got ${describe(domain)}`);
  }
  if (typeof ticktime !== 'number' || !Number.isInteger(ticktime) || ticktime <= 0) {
    badarg(fn, `net_ticktime must be a positive integer of seconds, got ${describe(ticktime)}`);
  }
  if (running !== null) return ['error', ['already_started', running.kernel]];
  if (starting) return ['error', 'already_starting'];
  starting = true;
  try {
    return await begin(base, domain, ticktime * 1000, options);
  } finally {
    starting = false;
  }
}

async function begin(
  base: string,
  domain: NameDomain,
  ticktimeMs: number,
  options: StartOptions,
): Promise<['ok', Pid] | ['error', unknown]> {
  const cookies = new Map<string, string>();
  let dist: Dist | null = null;
  const address = options.inet_dist_use_interface;
  const transport = await startTransport({
    name: base,
    mode: domain,
    ...(options.cookie !== undefined ? { cookie: options.cookie } : {}),
    // erlang:set_cookie/1,2 change these after the start: asked at each handshake.
    cookieFor: (peer) => cookies.get(peer) ?? running?.cookie,
    hidden: options.hidden ?? false,
    ...(options.epmd_port !== undefined ? { epmdPort: options.epmd_port } : {}),
    epmd: options.epmd ?? 'ensure',
    listen: {
      ...(address !== undefined ? { address: address.join(address.length === 4 ? '.' : ':') } : {}),
      portRange: [
        options.inet_dist_listen_min ?? 0,
        options.inet_dist_listen_max ?? options.inet_dist_listen_min ?? 0,
      ],
    },
    ticktime: ticktimeMs,
    decide: (peer) => {
      const state = dist?.state(peer.name) ?? 'none';
      if (state === 'none') return 'ok';
      if (state === 'up') return 'alive';
      return simultaneousConnect(thisNodeName(), peer.name);
    },
    isPending: (peer) => dist?.state(peer) === 'pending',
    onConnection: (conn) => {
      if (dist === null) return conn.channel.close();
      const { channel, peer } = adapt(conn);
      dist.accepted(channel, peer);
    },
    log: (entry) => logReport(entry.level, undefined, entry.text, null),
  });
  if ('error' in transport) return ['error', transport.error];
  setThisNode(transport.nodeName, transport.creation);
  dist = new Dist({
    connect: async (node) => {
      const r = await transport.connect(node);
      return 'error' in r ? { error: r.error } : adapt(r);
    },
    getCookie: (node) => (node === undefined ? state().cookie : (cookies.get(node) ?? state().cookie)),
    setCookie: (cookie, node) => {
      if (node === undefined) state().cookie = cookie;
      else cookies.set(node, cookie);
    },
  });
  setDistribution(dist);
  const kernel = startNetKernelProcess();
  const groupLeader = startGroupLeader();
  dist.setGroupLeader(groupLeader);
  // global's name server syncs with every visible node from its nodeup on, as OTP's kernel
  // starts it: subscribed here, before any connection can come up.
  const d = dist;
  const globalServer = processOf(startGlobalNameServer({ connectNode: (n) => d.connectNode(n) }));
  if (globalServer !== null) {
    dist.subscribe(
      {
        proc: globalServer,
        nodeType: 'visible',
        nodeTypeInfo: false,
        info: 'map',
        nodedownReason: false,
        connectionId: true,
      },
      true,
    );
  }
  running = {
    transport,
    dist,
    kernel,
    groupLeader,
    cookies,
    cookie: transport.cookie,
    ticktime: ticktimeMs / 1000,
    epmdPort: options.epmd_port ?? epmdPortFromEnv(),
  };
  return ['ok', kernel];
}

function state(): Running {
  if (running === null) throw new ErlangError('notalive', 'net_kernel is not started');
  return running;
}

/** A set-up connection as the distribution takes it: its channel and who is at the other end. */
function adapt(conn: Connection): { channel: DistChannelLike; peer: PeerInfo } {
  const peer: PeerInfo = {
    name: conn.peerName,
    flags: conn.peerFlags,
    creation: conn.peerCreation,
    hidden: conn.hidden || (conn.peerFlags & PUBLISHED) === 0n,
  };
  const c = conn.channel;
  const channel: DistChannelLike = {
    write: (bytes, packets) => void c.sendFramed(bytes, packets),
    close: () => c.close(),
    onPacket: (cb) => c.onPacket(cb),
    onDown: (cb) => c.onDown(cb),
  };
  return { channel, peer };
}

/**
 * Stops distribution, as net_kernel:stop/0: every connection closes (their links break with
 * `noconnection`), the node leaves EPMD and is `nonode@nohost` again.
 * @returns `ok`, or `['error', not_found]` when distribution is not started
 * @example
 * // ok = net_kernel:stop()
 * await net_kernel.stop();
 * @see https://www.erlang.org/doc/man/net_kernel.html#stop-0
 */
export async function stop(): Promise<'ok' | ['error', 'not_found']> {
  const r = running;
  if (r === null) return ['error', 'not_found'];
  running = null;
  stopGlobalNameServer();
  r.dist.stop();
  setDistribution(null);
  exit(r.kernel, 'kill');
  exit(r.groupLeader, 'kill');
  await r.transport.close();
  setThisNode(noNodeName, 0);
  return 'ok';
}

/** A node type monitor_nodes/2 can be asked to hear of. */
export type MonitorNodesType = 'visible' | 'hidden' | 'all';

/** An element of monitor_nodes/2's option list. */
export type MonitorNodesOption = ['node_type', MonitorNodesType] | 'nodedown_reason' | 'connection_id';

/** monitor_nodes/2's options as a map (OTP 25): the messages then carry an info map. */
export interface MonitorNodesOptions {
  readonly connection_id?: boolean;
  readonly node_type?: MonitorNodesType;
  readonly nodedown_reason?: boolean;
}

/**
 * Subscribes the caller to `{nodeup, Node}` and `{nodedown, Node}` messages, as
 * net_kernel:monitor_nodes/1,2. With options the messages carry an info term: a list of
 * `{Key, Value}` for an option list (`{nodedown, Node, [{nodedown_reason, disconnect}]}`), a map
 * for an option map; `node_type` is in it only when asked for.
 * @param flag - `true` to subscribe (again: each subscription gets each message), `false` to end
 *   every subscription made with the same options
 * @param options - a list of `['node_type', visible | hidden | all]`, `nodedown_reason`,
 *   `connection_id` (which instance of the connection to the node it is, as OTP 25's), or a map of
 *   them (`{ node_type: 'all', nodedown_reason: true }`)
 * @returns `ok`; `error` for a flag that is not a boolean or when this node is not alive;
 *   `['error', Why]` for bad options, as OTP says what is wrong with them
 * @example
 * // ok = net_kernel:monitor_nodes(true, [nodedown_reason]),
 * // receive {nodedown, Node, [{nodedown_reason, Why}]} -> Why end
 * net_kernel.monitor_nodes(true, ['nodedown_reason']);
 * @see https://www.erlang.org/doc/man/net_kernel.html#monitor_nodes-2
 */
export function monitor_nodes(
  flag: boolean,
  options: readonly MonitorNodesOption[] | MonitorNodesOptions = [],
): 'ok' | 'error' | ['error', unknown] {
  if (flag !== true && flag !== false) return 'error';
  const parsed = Array.isArray(options)
    ? listOptions(options as readonly unknown[])
    : isMapTerm(options)
      ? mapOptions(options)
      : (['error', ['invalid_options', options]] as ['error', unknown]);
  if (!('info' in parsed)) return parsed;
  const me = liveSelf();
  if (running === null) return 'error';
  running.dist.subscribe({ proc: me, ...parsed }, flag);
  return 'ok';
}

/** What a subscription's options say (a NodesSubscriber without its process). */
type NodesOptions = Omit<NodesSubscriber, 'proc'>;

const nodeTypes: readonly unknown[] = ['visible', 'hidden', 'all'];

/** monitor_nodes/2's option list; an error as net_kernel's check_options/1 words it. */
function listOptions(options: readonly unknown[]): NodesOptions | ['error', unknown] {
  let nodeType: MonitorNodesType | null = null;
  let nodedownReason = false;
  let connectionId = false;
  for (const o of options) {
    if (o === 'nodedown_reason') nodedownReason = true;
    else if (o === 'connection_id') connectionId = true;
    else if (isNodeTypeOption(o) && nodeTypes.includes(o[1]) && (nodeType === null || nodeType === o[1])) {
      nodeType = o[1] as MonitorNodesType;
    } else return listError(options);
  }
  return {
    info: options.length === 0 ? 'none' : 'list',
    nodeType: nodeType ?? 'visible',
    nodeTypeInfo: nodeType !== null,
    nodedownReason,
    connectionId,
  };
}

function isNodeTypeOption(o: unknown): o is ['node_type', unknown] {
  return Array.isArray(o) && !isList(o) && o.length === 2 && o[0] === 'node_type';
}

/**
 * Why an option list is bad, as OTP's net_kernel:check_options/1 finds it: two node types, a
 * node type it does not know, or the options left when the node type and nodedown_reason are
 * taken out (each taking out reverses what is left, as OTP's accumulator does).
 */
function listError(options: readonly unknown[]): ['error', unknown] {
  const take = (isIt: (o: unknown) => boolean, from: readonly unknown[]): unknown[] | null => {
    if (!from.some(isIt)) return null;
    return from.filter((o) => !isIt(o)).reverse();
  };
  let first: unknown = null;
  for (const o of options) {
    if (!isNodeTypeOption(o)) continue;
    if (first === null) first = o;
    else if (!termEquals(o, first)) return ['error', ['option_value_mismatch', list(o, first)]];
  }
  if (first !== null && !nodeTypes.includes((first as unknown[])[1])) {
    return ['error', ['bad_option_value', first]];
  }
  const rest1 = take(isNodeTypeOption, options) ?? [...options];
  const rest2 = take((o) => o === 'nodedown_reason', rest1) ?? rest1;
  return ['error', ['unknown_options', list(...rest2)]];
}

/** Whether `term` is an Erlang map (a plain object or a Map). */
function isMapTerm(term: unknown): term is MonitorNodesOptions | Map<unknown, unknown> {
  return termKind(term) === 'map';
}

/** monitor_nodes/2's option map; an error as net_kernel's check_options/1 words it. */
function mapOptions(options: MonitorNodesOptions | Map<unknown, unknown>): NodesOptions | ['error', unknown] {
  const entries: [unknown, unknown][] =
    options instanceof Map ? [...options.entries()] : Object.entries(options);
  const get = (key: string): [unknown] | [] => {
    const e = entries.find(([k]) => k === key);
    return e === undefined ? [] : [e[1]];
  };
  const bad = (key: string, value: unknown): ['error', unknown] => [
    'error',
    ['bad_option_value', { [key]: value }],
  ];
  const [cid] = get('connection_id');
  if (cid !== undefined && typeof cid !== 'boolean') return bad('connection_id', cid);
  const [reason] = get('nodedown_reason');
  if (reason !== undefined && typeof reason !== 'boolean') return bad('nodedown_reason', reason);
  const [type] = get('node_type');
  if (type !== undefined && !nodeTypes.includes(type)) return bad('node_type', type);
  const known = ['connection_id', 'nodedown_reason', 'node_type'];
  const unknown = entries.filter(([k]) => !known.includes(k as string));
  if (unknown.length > 0) {
    const rest: unknown =
      options instanceof Map ? new Map(unknown) : Object.fromEntries(unknown as [string, unknown][]);
    return ['error', ['unknown_options', rest]];
  }
  return {
    info: 'map',
    nodeType: (type as MonitorNodesType | undefined) ?? 'visible',
    nodeTypeInfo: type !== undefined,
    nodedownReason: reason === true,
    connectionId: cid === true,
  };
}

/**
 * Connects to `node` now, as net_kernel:connect_node/1, instead of on first use.
 * @param node - the node's name
 * @returns `true` when connected (or already), `false` when it cannot be, `ignored` when this
 *   node is not alive
 * @example
 * // true = net_kernel:connect_node(Node)
 * await net_kernel.connect_node(Node);
 * @see https://www.erlang.org/doc/man/net_kernel.html#connect_node-1
 */
export async function connect_node(node: string): Promise<boolean | 'ignored'> {
  if (typeof node !== 'string')
    badarg('net_kernel:connect_node/1', `the node must be an atom, got ${describe(node)}`);
  if (running === null) return 'ignored';
  if (node === thisNodeName()) return true;
  return running.dist.connectNode(node);
}

/**
 * net_ticktime in seconds, as net_kernel:get_net_ticktime/0.
 * @returns the tick time, or `ignored` when this node is not alive
 * @example
 * // 60 = net_kernel:get_net_ticktime()
 * net_kernel.get_net_ticktime();
 * @see https://www.erlang.org/doc/man/net_kernel.html#get_net_ticktime-0
 */
export function get_net_ticktime(): number | 'ignored' {
  return running === null ? 'ignored' : running.ticktime;
}

/**
 * The port of the EPMD this node registered with, while it is started (what net_adm:names asks).
 * @returns the port, or undefined when this node is not alive
 * @example
 * // {ok, [{"ts", _}]} = erl_epmd:names()
 * const Port = net_kernel.epmdPort();
 */
export function epmdPort(): number | undefined {
  return running?.epmdPort;
}

/**
 * Whether distribution is started, as erlang:is_alive/0 (for the other modules of the distribution).
 * @returns `true` once start/2 succeeded, until stop/0
 * @example
 * // true = is_alive()
 * net_kernel.started();
 */
export function started(): boolean {
  return running !== null;
}
