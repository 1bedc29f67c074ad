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
  ipTuple,
  load,
  msgqWatermarkOption,
  setWatermark,
  rawOption,
  readFromTable,
  readOptions,
  setActive as tableSetActive,
  uint32,
  word,
  type Checked,
  type Target,
  type Einval,
  type OptionDef as TableOptionDef,
  type OptionTable,
  type SetoptsResult as TableSetoptsResult,
  type Where as TableWhere,
  familyRefusal,
  modeAndFamilyAtoms,
  optionKit,
  inet6Options,
} from '../option-table.js';
import { ListenAddress, checkBindMap, type BindAddress } from '../bind-address.js';

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

export type { BindAddress } from '../bind-address.js';

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

const { option, store, plain } = optionKit<TcpOptions, OptionContext>();

type WatermarkKey = 'highWatermark' | 'lowWatermark' | 'highMsgqWatermark' | 'lowMsgqWatermark';

function msgqWatermark(key: WatermarkKey, other: WatermarkKey): OptionDef {
  return msgqWatermarkOption<TcpOptions, OptionContext, WatermarkKey>(key, other, everywhere);
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
    (t, v) => setWatermark<TcpOptions, WatermarkKey>(t.o, 'highWatermark', 'lowWatermark', Math.max(0, v)),
    load('highWatermark'),
  ),
  low_watermark: option(
    int,
    everywhere,
    (t, v) => setWatermark<TcpOptions, WatermarkKey>(t.o, 'lowWatermark', 'highWatermark', Math.max(0, v)),
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
  ...inet6Options<TcpOptions, OptionContext>(everywhere, everywhere),
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
  atoms: modeAndFamilyAtoms(mode, family),
  raw,
  apiName,
  atomRefusal: familyRefusal,
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
  const bind = ctx === 'listen' ? new ListenAddress(apiName.listen) : null;
  for (const opt of rest) {
    if (bind?.take(opt) === true) continue;
    const c = checkOne(opt, ctx);
    if (c instanceof OptionError) openError(ctx, c);
    // inet:mod/4 takes the first family atom and drops the others.
    if (c.name === 'family' && byName.has('family')) continue;
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
  const refused = bindMap === undefined ? undefined : checkBindMap(apiName.listen, bindMap, o);
  if (refused !== undefined) return ['error', refused];
  return ['ok', { options: o, given }];
}

function isLocalValue(v: unknown): boolean {
  return (
    (Array.isArray(v) && v[0] === 'local') ||
    (typeof v === 'object' && v !== null && 'family' in v && v.family === 'local')
  );
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
