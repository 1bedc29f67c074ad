/**
 * The option model of gen_tcp and inet: parsing the option lists of `gen_tcp:listen/2`,
 * `gen_tcp:connect/3,4` and `inet:setopts/2` into one typed record, and reading it back as
 * `inet:getopts/2` does. Pure and synchronous; the adapter applies the record to Node.
 *
 * Rules found against OTP 25's inet_drv backend (see test/gen_tcp/options.test.ts):
 * - listen/connect: an unknown or malformed option raises `badarg`; connect also turns every
 *   `{error, einval}` into `badarg`, while listen returns `{error, einval}` for what only the
 *   driver rejects (`local`, `{ipv6_v6only, _}` or `{tclass, _}` on inet, msgq watermarks <= 0).
 * - listen/connect keep the last value of each option and apply them in reverse order;
 *   setopts validates the whole list first (nothing applied on einval), then applies every
 *   element in reverse order (so `{active, N}` twice adds both).
 * - listen: `ip`, `ifaddr` and `port` are one slot, built in list order and judged at the end
 *   (see "where a listen socket binds").
 * - setopts: anything not settable on an open socket (`ip`, `port`, `inet6`, `backlog`, ...)
 *   gives `{error, einval}`.
 *
 * Each option is declared once, in `tupleOptions`: the contexts that take it, its value's
 * schema, what a parsed value does to the record (typed by the schema), and what getopts reads.
 */
import { z } from 'zod';
import { ErlangError, ExitException, List } from 'erlts';
import { describe, isList } from '../../../runtime/internal/driver-api.js';
import type { Active } from './options-active.js';
import {
  OptionError,
  activeOption,
  applySetopts,
  bool,
  checkOption,
  int,
  ip4,
  ip6,
  ipTuple,
  load,
  option as tableOption,
  plain as tablePlain,
  rawOption,
  readFromTable,
  readOptions,
  setActive as tableSetActive,
  store as tableStore,
  uint32,
  word,
  type Apply,
  type Checked,
  type Target,
  type Einval,
  type OptionDef as TableOptionDef,
  type OptionTable,
  type SetoptsResult as TableSetoptsResult,
  type Where as TableWhere,
} from '../option-table.js';

export { ActiveCounter, activeAfter, passiveDue, type Active } from './options-active.js';

/** `{packet, PacketType}` as getopts reports it (`raw` reads back as `0`). */
export type PacketType =
  | 0
  | 1
  | 2
  | 4
  | 'line'
  | 'asn1'
  | 'sunrm'
  | 'cdr'
  | 'fcgi'
  | 'tpkt'
  | 'http'
  | 'httph'
  | 'http_bin'
  | 'httph_bin';

/** An `ip`/`ifaddr` value: an address tuple, `any`, `loopback`, a sockaddr map or `{local, Path}`. */
export type BindAddress =
  | readonly number[]
  | 'any'
  | 'loopback'
  | {
      readonly family: string;
      readonly addr?: unknown;
      readonly port?: number | undefined;
      readonly path?: unknown;
    }
  | readonly ['local', unknown];

/** The normalized options of one gen_tcp socket, every field at its OTP default unless given. */
export interface TcpOptions {
  active: Active;
  mode: 'list' | 'binary';
  packet: PacketType;
  packetSize: number;
  header: number;
  lineDelimiter: number;
  nodelay: boolean;
  keepalive: boolean;
  reuseaddr: boolean;
  exitOnClose: boolean;
  showEconnreset: boolean;
  sendTimeout: number | 'infinity';
  sendTimeoutClose: boolean;
  delaySend: boolean;
  highWatermark: number;
  lowWatermark: number;
  highMsgqWatermark: number;
  lowMsgqWatermark: number;
  linger: readonly [boolean, number];
  buffer: number;
  /** Whether `buffer` was set explicitly (then `recbuf` no longer raises it). */
  bufferSet: boolean;
  recbuf: number;
  sndbuf: number;
  priority: number;
  tos: number;
  deliver: 'port' | 'term';
  dontroute: boolean;
  debug: boolean;
  recvtos: boolean;
  bindToDevice: Buffer;
  /** `{raw, Protocol, Option, Value}` options, as given. */
  raw: readonly (readonly [number, number, Buffer])[];
  // Socket identity: given at open only.
  family: 'inet' | 'inet6' | 'local';
  ip: BindAddress | undefined;
  port: number;
  backlog: number;
  ipv6V6only: boolean | undefined;
  tclass: number | undefined;
  inetBackend: 'inet' | 'socket';
  tcpModule: string | undefined;
  fd: unknown;
}

/**
 * OTP 25's defaults, as `inet:getopts/2` reports them on a fresh socket (Linux; `recbuf`,
 * `sndbuf` and `buffer` are the kernel's and differ between hosts).
 */
export const defaultTcpOptions: Readonly<TcpOptions> = Object.freeze({
  active: true,
  mode: 'list',
  packet: 0,
  packetSize: 0,
  header: 0,
  lineDelimiter: 10,
  nodelay: false,
  keepalive: false,
  reuseaddr: false,
  exitOnClose: true,
  showEconnreset: false,
  sendTimeout: 'infinity',
  sendTimeoutClose: false,
  delaySend: false,
  highWatermark: 8192,
  lowWatermark: 4096,
  highMsgqWatermark: 8192,
  lowMsgqWatermark: 4096,
  linger: [false, 0] as const,
  buffer: 1460,
  bufferSet: false,
  recbuf: 131072,
  sndbuf: 16384,
  priority: 0,
  tos: 0,
  deliver: 'term',
  dontroute: false,
  debug: false,
  recvtos: false,
  bindToDevice: Buffer.alloc(0),
  raw: [],
  family: 'inet',
  ip: undefined,
  port: 0,
  backlog: 5,
  ipv6V6only: undefined,
  tclass: undefined,
  inetBackend: 'inet',
  tcpModule: undefined,
  fd: undefined,
});

/** Which API an option list is given to. */
export type OptionContext = 'listen' | 'connect' | 'setopts';

/** A parsed `listen`/`connect` option list: the record and the options as given. */
export interface ParsedOptions {
  readonly options: TcpOptions;
  /** The options as the caller gave them (for getopts read-back and diagnostics). */
  readonly given: readonly unknown[];
}

export type { Einval } from '../option-table.js';
const einval: Einval = ['error', 'einval'];

// ---- value schemas (zod, at the API edge only) ----

const packetValue = z.union([
  z.literal([0, 1, 2, 4]),
  z.enum(['raw', 'line', 'asn1', 'sunrm', 'cdr', 'fcgi', 'tpkt', 'http', 'httph', 'http_bin', 'httph_bin']),
]);
const sockaddrMap = z.union([
  z.strictObject({
    family: z.enum(['inet', 'inet6']),
    addr: z.union([ipTuple, z.enum(['any', 'loopback'])]),
    port: word.optional(),
  }),
  z.strictObject({ family: z.literal('local'), path: z.unknown() }),
]);
const bindAddress = z.union([
  ipTuple,
  z.enum(['any', 'loopback']),
  sockaddrMap,
  z.tuple([z.literal('local'), z.unknown()]),
]);
const connectAddress = z.union([ipTuple, z.enum(['any', 'loopback'])]);

// ---- the option table (option-table.ts), for gen_tcp's record and calls ----

type OptionDef = TableOptionDef<TcpOptions, OptionContext>;
type Where = TableWhere<OptionContext>;
const everywhere: Where = { listen: true, connect: true, setopts: true };
const atOpen: Where = { listen: true, connect: true };

function option<S extends z.ZodType>(
  schema: S,
  where: Where,
  apply: Apply<TcpOptions, OptionContext, z.output<S>>,
  read?: (o: Readonly<TcpOptions>) => unknown,
): OptionDef {
  return tableOption(schema, where, apply, read);
}

function store<K extends keyof TcpOptions>(key: K): Apply<TcpOptions, OptionContext, TcpOptions[K]> {
  return tableStore<TcpOptions, OptionContext, K>(key);
}

function plain<K extends keyof TcpOptions>(
  key: K,
  schema: z.ZodType<TcpOptions[K]>,
  where: Where,
): OptionDef {
  return tablePlain<TcpOptions, OptionContext, K>(key, schema, where);
}

type WatermarkKey = 'highWatermark' | 'lowWatermark' | 'highMsgqWatermark' | 'lowMsgqWatermark';

/**
 * Sets one watermark of a high/low pair; as OTP, the other one moves with it
 * when the pair would cross (a low above the high raises the high, and so on).
 */
function setWatermark(o: TcpOptions, key: WatermarkKey, other: WatermarkKey, v: number): void {
  o[key] = v;
  if (key.startsWith('high') ? o[other] > v : o[other] < v) o[other] = v;
}

/** A msgq watermark: inet_drv refuses one that is not positive. */
function msgqWatermark(key: WatermarkKey, other: WatermarkKey): OptionDef {
  return option(
    int,
    everywhere,
    (t, v) => {
      if (v <= 0) return 'a msgq watermark must be positive';
      return setWatermark(t.o, key, other, v);
    },
    load(key),
  );
}

/** `ipv6_v6only` and `tclass`: inet6 sockets only (inet_drv's einval on inet). */
function inet6Only<S extends z.ZodType>(
  schema: S,
  apply: (o: TcpOptions, value: z.output<S>) => void,
  read: (o: Readonly<TcpOptions>) => unknown,
): OptionDef {
  return option(
    schema,
    everywhere,
    (t, v) => {
      if (t.o.family !== 'inet6') return 'it needs an inet6 socket';
      return apply(t.o, v);
    },
    (o) => (o.family === 'inet6' ? read(o) : undefined),
  );
}

const mode = plain('mode', z.enum(['list', 'binary']), everywhere);

/** `{ip, Address}` at connect; listen keeps `ip`, `ifaddr` and `port` in a {@link ListenAddress}. */
const ip = option(bindAddress, atOpen, store('ip'));

/** The `{Name, Value}` options, by name. */
const tupleOptions: Readonly<Record<string, OptionDef>> = {
  active: activeOption<TcpOptions, OptionContext>(everywhere, 'setopts'),
  mode,
  packet: option(
    packetValue,
    everywhere,
    (t, v) => {
      t.o.packet = v === 'raw' ? 0 : v;
    },
    load('packet'),
  ),
  packet_size: plain('packetSize', uint32, everywhere),
  header: plain('header', uint32, everywhere),
  // Settable, but inet_drv's getopts answers einval for it.
  line_delimiter: option(int, { connect: true, setopts: true }, store('lineDelimiter')),
  nodelay: plain('nodelay', bool, everywhere),
  keepalive: plain('keepalive', bool, everywhere),
  reuseaddr: plain('reuseaddr', bool, everywhere),
  exit_on_close: plain('exitOnClose', bool, everywhere),
  show_econnreset: plain('showEconnreset', bool, everywhere),
  send_timeout: plain('sendTimeout', z.union([uint32, z.literal('infinity')]), everywhere),
  send_timeout_close: plain('sendTimeoutClose', bool, everywhere),
  delay_send: plain('delaySend', bool, everywhere),
  high_watermark: option(
    int,
    everywhere,
    (t, v) => setWatermark(t.o, 'highWatermark', 'lowWatermark', Math.max(0, v)),
    load('highWatermark'),
  ),
  low_watermark: option(
    int,
    everywhere,
    (t, v) => setWatermark(t.o, 'lowWatermark', 'highWatermark', Math.max(0, v)),
    load('lowWatermark'),
  ),
  high_msgq_watermark: msgqWatermark('highMsgqWatermark', 'lowMsgqWatermark'),
  low_msgq_watermark: msgqWatermark('lowMsgqWatermark', 'highMsgqWatermark'),
  linger: option(
    z.tuple([bool, int]),
    everywhere,
    (t, [on, secs]) => {
      // SO_LINGER off reads back as {false, 0}, whatever time was given.
      t.o.linger = on ? [true, secs] : [false, 0];
    },
    (o) => [o.linger[0], o.linger[1]],
  ),
  buffer: option(
    int,
    everywhere,
    (t, v) => {
      t.o.buffer = Math.max(1, v);
      t.o.bufferSet = true;
    },
    load('buffer'),
  ),
  recbuf: option(
    int,
    everywhere,
    (t, v) => {
      // Linux doubles the size asked, and OTP reads the kernel's value back.
      t.o.recbuf = 2 * v;
      if (!t.o.bufferSet && v > t.o.buffer) t.o.buffer = v;
    },
    load('recbuf'),
  ),
  sndbuf: option(
    int,
    everywhere,
    (t, v) => {
      t.o.sndbuf = 2 * v;
    },
    load('sndbuf'),
  ),
  priority: plain('priority', int, everywhere),
  tos: plain('tos', int, everywhere),
  deliver: plain('deliver', z.enum(['port', 'term']), everywhere),
  debug: plain('debug', bool, everywhere),
  recvtos: plain('recvtos', bool, everywhere),
  bind_to_device: plain('bindToDevice', z.instanceof(Buffer), everywhere),
  dontroute: plain('dontroute', bool, { setopts: true }),
  ip,
  ifaddr: option(bindAddress, atOpen, store('ip')),
  port: option(word, atOpen, store('port')),
  backlog: option(int, { listen: true }, store('backlog')),
  ipv6_v6only: inet6Only(
    bool,
    (o, v) => {
      o.ipv6V6only = v;
    },
    (o) => o.ipv6V6only ?? false,
  ),
  tclass: inet6Only(
    int,
    (o, v) => {
      o.tclass = v;
    },
    (o) => o.tclass ?? 0,
  ),
  tcp_module: option(z.string(), atOpen, store('tcpModule')),
  fd: option(z.unknown(), atOpen, store('fd')),
};

/** `{raw, Protocol, Option, Value}`: the schema covers the whole tuple. */
const raw = option(rawOption, everywhere, (t, [, protocol, name, value]) => {
  t.o.raw = [...t.o.raw, [protocol, name, value]];
});

/** The address family: only a bare atom sets it (`{family, F}` is no option). */
const family = option(z.enum(['inet', 'inet6', 'local']), atOpen, store('family'));

const apiName: Record<OptionContext, string> = {
  listen: 'gen_tcp:listen/2',
  connect: 'gen_tcp:connect/4',
  setopts: 'inet:setopts/2',
};

/** gen_tcp's options. */
const table: OptionTable<TcpOptions, OptionContext> = {
  tuples: tupleOptions,
  atoms: {
    list: ['mode', mode, 'list'],
    binary: ['mode', mode, 'binary'],
    inet: ['family', family, 'inet'],
    inet6: ['family', family, 'inet6'],
    local: ['family', family, 'local'],
  },
  raw,
  apiName,
  atomRefusal: (name) => (name === 'family' ? 'the address family cannot be changed' : undefined),
};

function checkOne(opt: unknown, ctx: OptionContext): Checked<TcpOptions, OptionContext> | OptionError {
  const c = checkOption(table, opt, ctx);
  if (c instanceof OptionError || ctx !== 'connect' || (c.name !== 'ip' && c.name !== 'ifaddr')) return c;
  return connectAddress.safeParse(c.value).success ? c : new OptionError(`bad address for ${c.name}`, opt);
}

/**
 * The option list. setopts raises what OTP's list comprehension over a non-list raises, error
 * `{bad_generator, Opts}`; listen exits `badarg` (OTP: error `function_clause`, from
 * inet:mod/6; kept while a property test pins badarg). gen_tcp:connect exits
 * `function_clause` before it gets here.
 */
function toArray(opts: unknown, ctx: OptionContext): readonly unknown[] {
  if (Array.isArray(opts)) return opts;
  if (ctx === 'setopts') {
    const message = `${apiName[ctx]}: the options must be a list: ${describe(opts)}`;
    throw new ErlangError(['bad_generator', opts], message);
  }
  return openError(ctx, new OptionError('the options must be a list', opts));
}

/**
 * A malformed option: listen and connect exit with badarg (OTP raises it as an exit from
 * inet), setopts's caller gets the error class.
 */
function openError(ctx: OptionContext, e: OptionError): never {
  const message = `${apiName[ctx]}: ${e.why}: ${describe(e.opt)}`;
  if (ctx === 'setopts') throw new ErlangError('badarg', message);
  throw new ExitException('badarg', message);
}

function fresh(): TcpOptions {
  return { ...defaultTcpOptions, linger: [false, 0], raw: [] };
}

/**
 * Parses a `gen_tcp:listen/2` or `gen_tcp:connect/3,4` option list.
 * @param opts - the option list: a plain array or a `List` of atoms and tuples
 * @param ctx - `'listen'` or `'connect'`
 * @returns `['ok', {options, given}]`, or `['error', 'einval']` (or `eafnosupport`) where
 *   OTP's listen returns it
 * @throws ExitException `badarg` for an unknown or malformed option, as OTP raises it;
 *   ErlangError for a listen address map OTP's encoding fails on (`{invalid, _}`, `badarg`,
 *   `badarith`, `function_clause`)
 * @example
 * // {ok, LS} = gen_tcp:listen(0, [binary, {active, once}, {packet, 2}]).
 * parseOpenOptions(['binary', ['active', 'once'], ['packet', 2]], 'listen');
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#listen-2
 */
export function parseOpenOptions(
  opts: unknown,
  ctx: 'listen' | 'connect',
): readonly ['ok', ParsedOptions] | readonly ['error', 'einval' | 'eafnosupport'] {
  const given = toArray(opts, ctx);
  const o = fresh();
  let rest = given;
  const first = given[0];
  if (Array.isArray(first) && !isList(first) && first.length === 2 && first[0] === 'inet_backend') {
    const backend: unknown = first[1];
    if (backend !== 'inet' && backend !== 'socket') {
      openError(ctx, new OptionError('bad inet_backend', first));
    }
    o.inetBackend = backend;
    rest = given.slice(1);
  }
  // OTP keeps the last value of each option and hands them to the driver newest first.
  const byName = new Map<string, Checked<TcpOptions, OptionContext>>();
  const bind = ctx === 'listen' ? new ListenAddress() : null;
  for (const opt of rest) {
    if (bind?.take(opt) === true) continue;
    const c = checkOne(opt, ctx);
    if (c instanceof OptionError) openError(ctx, c);
    if (c.name === 'raw') byName.set(`raw#${byName.size}`, c);
    else {
      byName.delete(c.name);
      byName.set(c.name, c);
    }
  }
  const entries = [...byName.values()].reverse();
  const t: Target<TcpOptions, OptionContext> = { o, ctx, passive: false };
  // Identity options first, as OTP opens the socket before setting the others.
  byName.get('family')?.apply(t);
  const bindMap = bind?.settle(o, byName.has('family'));
  if (o.family === 'local' && ctx === 'listen' && !isLocalValue(o.ip)) return einval;
  if (o.family === 'local' && ctx === 'connect') {
    // connect/4 takes `local` only with a {local, Path} address, which gen_tcp strips first.
    openError(ctx, new OptionError('local needs a {local, Path} address', 'local'));
  }
  for (const c of entries) {
    if (c.name === 'family') continue;
    const why = c.apply(t);
    if (typeof why === 'string') {
      if (ctx === 'connect') openError(ctx, new OptionError(why, c.opt));
      return einval;
    }
  }
  if (typeof o.active === 'number' && o.active <= 0) o.active = false;
  // The driver binds after it has taken the options: a map's faults come last.
  const refused = bindMap === undefined ? undefined : checkBindMap(bindMap, o);
  if (refused !== undefined) return ['error', refused];
  return ['ok', { options: o, given }];
}

/** Whether `v` is an Erlang map: a plain object (DESIGN §2), not an instance of a class. */
function isMap(v: unknown): v is object {
  if (typeof v !== 'object' || v === null) return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function isLocalValue(v: unknown): boolean {
  return (
    (Array.isArray(v) && v[0] === 'local') ||
    (typeof v === 'object' && v !== null && 'family' in v && v.family === 'local')
  );
}

// ---- where a listen socket binds ----
//
// OTP 25's inet:list_opt/3 keeps `ip`, `ifaddr` and `port` in one slot, in list order: `ip`
// and `ifaddr` replace the address, except that once it is a map, `ip` sets the map's `addr`
// and `port` its `port`; an `ifaddr` map is checked and completed at once (prim_socket's
// sockaddr rules). Only the final address is judged: inet_tcp:listen exits badarg for one
// that is neither a map nor an address, and a map is the driver's to refuse when it binds,
// after the other options are set.

/** prim_socket's defaults of a sockaddr map, by family. */
const sockaddrDefaults: Readonly<Record<string, Readonly<Record<string, unknown>>>> = {
  inet: { family: 'inet', port: 0, addr: 'any' },
  inet6: { family: 'inet6', port: 0, addr: 'any', flowinfo: 0, scope_id: 0 },
  local: { family: 'local', path: Buffer.alloc(0) },
  unspec: { family: 'unspec', addr: Buffer.alloc(0) },
};

/** `any` and `loopback` in a map, as the tuples the driver binds. */
const namedAddresses = {
  inet: { any: [0, 0, 0, 0], loopback: [127, 0, 0, 1] },
  inet6: { any: [0, 0, 0, 0, 0, 0, 0, 0], loopback: [0, 0, 0, 0, 0, 0, 0, 1] },
} as const;

type SockaddrMap = Readonly<Record<string, unknown>>;

/** The listen address as the options build it up; see the section comment. */
class ListenAddress {
  /** The address slot: unset, an `ip`/`ifaddr` value, or a map. */
  #addr: unknown = undefined;
  /** `{port, P}` given while the slot held no map. */
  #port: unknown = undefined;
  /** The value of the last `ip` or `ifaddr` option, as given: inet:mod/6 picks the family by it. */
  #last: unknown = undefined;

  /** Takes `opt` if it is `{ip, _}`, `{ifaddr, _}` or `{port, _}`; whether it did. */
  take(opt: unknown): boolean {
    if (!Array.isArray(opt) || isList(opt) || opt.length !== 2) return false;
    const name: unknown = opt[0];
    const value: unknown = opt[1];
    if (name === 'port') {
      if (isMap(this.#addr)) this.#addr = { ...this.#addr, port: value };
      else this.#port = value;
      return true;
    }
    if (name === 'ifaddr') this.#addr = isMap(value) ? completeSockaddr(value) : value;
    else if (name === 'ip') this.#addr = isMap(this.#addr) ? { ...this.#addr, addr: value } : value;
    else return false;
    this.#last = value;
    return true;
  }

  /**
   * Puts the final address and port in `o`, or exits badarg, as inet_tcp:listen/2 does, for an
   * address that is none for the socket's family or a port that is none; a map is left for
   * {@link checkBindMap}.
   * @param familyGiven - whether `inet`, `inet6` or `local` was in the list
   * @returns the final address map, if it is one
   */
  settle(o: TcpOptions, familyGiven: boolean): SockaddrMap | undefined {
    // Without a family atom, inet:mod/6 picks the module by the last ip/ifaddr value.
    const last = this.#last;
    let family = o.family;
    if (!familyGiven) {
      if (
        (Array.isArray(last) && last.length === 8) ||
        (isMap(last) && 'family' in last && last.family === 'inet6')
      ) {
        family = o.family = 'inet6';
      } else if (Array.isArray(last) && last[0] === 'local') family = 'local';
    }
    const addr = this.#addr;
    if (isMap(addr)) {
      if (family === 'local') openError('listen', new OptionError('local takes no address map', addr));
      return addr as SockaddrMap;
    }
    if (addr !== undefined) {
      const parsed = addressByFamily[family].safeParse(addr);
      if (!parsed.success) {
        openError('listen', new OptionError(`bad ${family} address for ip or ifaddr`, addr));
      }
      o.ip = parsed.data;
    }
    if (this.#port !== undefined) {
      const port = word.safeParse(this.#port);
      if (!port.success) openError('listen', new OptionError('bad value for port', ['port', this.#port]));
      o.port = port.data;
    }
    return undefined;
  }
}

/** What inet_tcp, inet6_tcp and local_tcp's listen take for an address that is no map. */
const addressByFamily = {
  inet: z.union([ip4, z.enum(['any', 'loopback'])]),
  inet6: z.union([ip6, z.enum(['any', 'loopback'])]),
  local: z.tuple([z.literal('local'), z.unknown()]),
} as const;

/** Whether `n` is an Erlang integer: a safe integer or a bigint (DESIGN §2). */
function isInteger(n: unknown): boolean {
  return typeof n === 'bigint' || Number.isInteger(n);
}

/** Raises error `{invalid, {sockaddr, What, Map}}`, as prim_socket:enc_sockaddr/1 does. */
function invalidSockaddr(what: unknown, map: object): never {
  throw new ErlangError(
    ['invalid', ['sockaddr', what, map]],
    `gen_tcp:listen/2: the ifaddr map is no socket address: ${describe(map)}`,
  );
}

/**
 * An `{ifaddr, Map}` map checked and completed as prim_socket:enc_sockaddr/1 does: the family's
 * defaults filled in, a local path made a binary; error `{invalid, {sockaddr, What, Map}}` for
 * no family (`family`), a local path that is no string or binary of at most 255 bytes (`path`)
 * or keys the family does not have (`{keys, Keys}`). Another family is left for bind to refuse.
 */
function completeSockaddr(map: object): SockaddrMap {
  const m = map as SockaddrMap;
  if (!Object.hasOwn(m, 'family')) return invalidSockaddr('family', map);
  const family = m['family'];
  if (isInteger(family)) return mergeSockaddr({ family: 0, addr: Buffer.alloc(0) }, m);
  if (typeof family !== 'string' || !Object.hasOwn(sockaddrDefaults, family)) return m;
  const defaults = sockaddrDefaults[family] as SockaddrMap;
  if (family !== 'local') return mergeSockaddr(defaults, m);
  const path = localPathBytes(m['path']);
  if (path === undefined || path.length > 255) return invalidSockaddr('path', map);
  return mergeSockaddr(defaults, { ...m, path }, map);
}

/** A local path as bytes: a binary, a string or a list of bytes, as the socket module takes it. */
function localPathBytes(path: unknown): Buffer | undefined {
  if (Buffer.isBuffer(path)) return path;
  if (typeof path === 'string') return Buffer.from(path, 'utf8');
  if (Array.isArray(path) && path.every((b) => Number.isInteger(b) && b >= 0 && b <= 255)) {
    return Buffer.from(path as number[]);
  }
  return undefined;
}

/** `defaults` overlaid with `given`; error `{invalid, {sockaddr, {keys, Keys}, Map}}` for keys defaults lack. */
function mergeSockaddr(defaults: SockaddrMap, given: SockaddrMap, original: object = given): SockaddrMap {
  // OTP folds over the keys in order, consing: it names them last first.
  const extra = Object.keys(given)
    .filter((k) => !Object.hasOwn(defaults, k))
    .sort()
    .reverse();
  if (extra.length > 0) invalidSockaddr(['keys', new List(...extra)], original);
  return { ...defaults, ...given };
}

/**
 * Judges the final address map as inet_drv's bind does and, if it binds, puts it in `o`.
 * `einval` for a missing `family`, `addr` or `port`, a family other than inet and inet6, a
 * tuple of the wrong size or range, a bad port, or an inet map on an inet6 socket;
 * `eafnosupport` for an inet6 map on an inet socket; error `badarg` for an `addr` that is no
 * tuple, `badarith` for a tuple of non-integers, `function_clause` for an inet6 map without
 * `flowinfo` and `scope_id` (OTP raises these from prim_inet's encoding).
 * @returns the error reason, or nothing when `o.ip` and `o.port` are set
 */
function checkBindMap(map: SockaddrMap, o: TcpOptions): 'einval' | 'eafnosupport' | undefined {
  const has = (k: string): boolean => Object.hasOwn(map, k);
  const raise = (reason: string, why: string): never => {
    throw new ErlangError(reason, `gen_tcp:listen/2: ${why}: ${describe(map)}`);
  };
  if (!has('family') || !has('addr') || !has('port')) return 'einval';
  const family = map['family'];
  if (family !== 'inet' && family !== 'inet6') return 'einval';
  const addr = map['addr'];
  let tuple: readonly number[];
  if (addr === 'any' || addr === 'loopback') tuple = namedAddresses[family][addr];
  else {
    if (!Array.isArray(addr) || isList(addr)) return raise('badarg', 'the address is no tuple');
    if (addr.length !== (family === 'inet' ? 4 : 8)) return 'einval';
    if (!addr.every(isInteger)) return raise('badarith', 'the address holds a non-integer');
    const max = family === 'inet' ? 255 : 65535;
    if (!addr.every((n) => typeof n === 'number' && n >= 0 && n <= max)) return 'einval';
    tuple = addr as number[];
  }
  const port = map['port'];
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 0 || port > 65535) return 'einval';
  if (family === 'inet6') {
    if (!has('flowinfo') || !has('scope_id')) {
      raise('function_clause', 'an inet6 map needs flowinfo and scope_id');
    }
    if (!isInteger(map['flowinfo']) || !isInteger(map['scope_id'])) {
      raise('badarith', 'flowinfo and scope_id must be integers');
    }
  }
  if (family !== o.family) return family === 'inet6' ? 'eafnosupport' : 'einval';
  o.ip = { family, addr: tuple, port };
  o.port = port;
  return undefined;
}

/** What `setopts` gives: the reply, the new record, and whether `{tcp_passive, S}` is due. */
export type SetoptsResult = TableSetoptsResult<TcpOptions>;

const copy = (o: Readonly<TcpOptions>): TcpOptions => ({ ...o });

/**
 * Applies an `inet:setopts/2` option list to a socket's options, without touching the input.
 * @param current - the socket's options now
 * @param opts - the option list
 * @returns `{reply: ok | {error, einval}, options, passive}`; on a malformed list nothing is
 *   applied; a running `{active, N}` count pushed over 32767 stops the list there, as inet_drv
 * @throws ErlangError `{bad_generator, Opts}` when `opts` is not a list, as OTP's list
 *   comprehension over it raises
 * @example
 * // ok = inet:setopts(S, [{active, once}]).
 * setopts(current, [['active', 'once']]).reply; // 'ok'
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function setopts(current: Readonly<TcpOptions>, opts: unknown): SetoptsResult {
  return applySetopts(table, 'setopts', current, opts, copy);
}

/**
 * The `{active, V}` fast path of `inet:setopts/2`: no zod, one object allocated.
 * @param current - the socket's options now
 * @param value - `true | false | once | N`
 * @returns as `setopts`
 * @example
 * // ok = inet:setopts(S, [{active, once}]).
 * setActive(current, 'once').reply; // 'ok'
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function setActive(current: Readonly<TcpOptions>, value: unknown): SetoptsResult {
  return tableSetActive(current, value, copy);
}
/**
 * The options an accepted socket starts with: the listen socket's, as OTP's accept copies
 * them (the listen-only `backlog` and the bound port do not carry over).
 * @param listen - the listen socket's options
 * @returns the accepted socket's options
 * @example
 * // {ok, LS} = gen_tcp:listen(0, [binary, {packet, 2}]), {ok, S} = gen_tcp:accept(LS),
 * // {ok, [{packet, 2}]} = inet:getopts(S, [packet]).
 * inheritOptions(listenOpts).packet; // 2
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#accept-1
 */
export function inheritOptions(listen: Readonly<TcpOptions>): TcpOptions {
  return { ...listen, port: 0, backlog: defaultTcpOptions.backlog, fd: undefined };
}

function readOne(o: Readonly<TcpOptions>, name: string): readonly [unknown] | 'none' | 'bad' {
  if (name === 'broadcast') return [false];
  if (name === 'netns') return 'none';
  // ip, ifaddr, port, backlog, line_delimiter and unknown names: einval, as inet_drv.
  return readFromTable(table, o, name);
}

/**
 * Reads options back as `inet:getopts/2` does, in the order asked.
 * @param options - the socket's options
 * @param names - a list of option names
 * @returns `['ok', List of [Name, Value]]`, or `['error', 'einval']` for a name that cannot be
 *   read (unknown, `ip`, `port`, `backlog`, `line_delimiter`, or a tuple)
 * @throws ErlangError `badarg` when `names` is not a list (OTP: function_clause)
 * @example
 * // {ok, [{active, true}, {packet, 0}]} = inet:getopts(S, [active, packet]).
 * getopts(options, ['active', 'packet']); // ['ok', list(['active', true], ['packet', 0])]
 * @see https://www.erlang.org/docs/25/man/inet.html#getopts-2
 */
export function getopts(
  options: Readonly<TcpOptions>,
  names: unknown,
): readonly ['ok', List<[string, unknown]>] | Einval {
  return readOptions((name) => readOne(options, name), names);
}
