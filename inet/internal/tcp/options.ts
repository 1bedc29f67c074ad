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
 * - setopts: anything not settable on an open socket (`ip`, `port`, `inet6`, `backlog`, ...)
 *   gives `{error, einval}`.
 */
import { z } from 'zod';
import { ErlangError, ExitException, List } from 'erlts';
import { ActiveCounter, activeAfter, isActiveValue, passiveDue, type Active } from './options-active.js';

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
  | { readonly family: string; readonly addr?: unknown; readonly port?: number; readonly path?: unknown }
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

/** `{error, einval}`. */
export type Einval = readonly ['error', 'einval'];
const einval: Einval = ['error', 'einval'];

// ---- value schemas (zod, at the API edge only) ----

const int = z.number().int();
const bool = z.boolean();
const byte = int.min(0).max(255);
const word = int.min(0).max(65535);
const uint32 = int.min(0).max(0xffffffff);
const ip4 = z.tuple([byte, byte, byte, byte]);
const ip6 = z.tuple([word, word, word, word, word, word, word, word]);
const ipTuple = z.union([ip4, ip6]);
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
const listenAddr = z.union([
  ipTuple,
  z.enum(['any', 'loopback']),
  sockaddrMap,
  z.tuple([z.literal('local'), z.unknown()]),
]);
const connectAddr = z.union([ipTuple, z.enum(['any', 'loopback'])]);
const rawOption = z.tuple([z.literal('raw'), int, int, z.instanceof(Buffer)]);

/** Where an option is accepted: each context names the value schema, or is absent. */
interface OptionSpec {
  readonly value: z.ZodType;
  readonly listen?: boolean;
  readonly connect?: boolean;
  readonly setopts?: boolean;
}

const everywhere = { listen: true, connect: true, setopts: true } as const;
const atOpen = { listen: true, connect: true } as const;

const specs: Readonly<Record<string, OptionSpec>> = {
  active: { value: z.custom<Active>(isActiveValue), ...everywhere },
  mode: { value: z.enum(['list', 'binary']), ...everywhere },
  packet: { value: packetValue, ...everywhere },
  packet_size: { value: uint32, ...everywhere },
  header: { value: uint32, ...everywhere },
  line_delimiter: { value: int, connect: true, setopts: true },
  nodelay: { value: bool, ...everywhere },
  keepalive: { value: bool, ...everywhere },
  reuseaddr: { value: bool, ...everywhere },
  exit_on_close: { value: bool, ...everywhere },
  show_econnreset: { value: bool, ...everywhere },
  send_timeout: { value: z.union([uint32, z.literal('infinity')]), ...everywhere },
  send_timeout_close: { value: bool, ...everywhere },
  delay_send: { value: bool, ...everywhere },
  high_watermark: { value: int, ...everywhere },
  low_watermark: { value: int, ...everywhere },
  high_msgq_watermark: { value: int, ...everywhere },
  low_msgq_watermark: { value: int, ...everywhere },
  linger: { value: z.tuple([bool, int]), ...everywhere },
  buffer: { value: int, ...everywhere },
  recbuf: { value: int, ...everywhere },
  sndbuf: { value: int, ...everywhere },
  priority: { value: int, ...everywhere },
  tos: { value: int, ...everywhere },
  deliver: { value: z.enum(['port', 'term']), ...everywhere },
  debug: { value: bool, ...everywhere },
  recvtos: { value: bool, ...everywhere },
  bind_to_device: { value: z.instanceof(Buffer), ...everywhere },
  dontroute: { value: bool, setopts: true },
  ip: { value: listenAddr, ...atOpen },
  ifaddr: { value: listenAddr, ...atOpen },
  port: { value: word, ...atOpen },
  backlog: { value: int, listen: true },
  ipv6_v6only: { value: bool, ...everywhere },
  tclass: { value: int, ...everywhere },
  tcp_module: { value: z.string(), ...atOpen },
  fd: { value: z.unknown(), ...atOpen },
};

const bareAtoms: Readonly<Record<string, readonly [string, unknown]>> = {
  list: ['mode', 'list'],
  binary: ['mode', 'binary'],
  inet: ['family', 'inet'],
  inet6: ['family', 'inet6'],
  local: ['family', 'local'],
};

const apiName: Record<OptionContext, string> = {
  listen: 'gen_tcp:listen/2',
  connect: 'gen_tcp:connect/4',
  setopts: 'inet:setopts/2',
};

/** Prints a JS term roughly as Erlang would, for error messages. */
function show(term: unknown): string {
  if (typeof term === 'string') return /^[a-z][A-Za-z0-9_@]*$/.test(term) ? term : `'${term}'`;
  if (Buffer.isBuffer(term)) return `<<${[...term].join(',')}>>`;
  if (term instanceof List) return `[${term.map(show).join(',')}]`;
  if (Array.isArray(term)) return `{${term.map(show).join(',')}}`;
  if (typeof term === 'object' && term !== null) {
    return `#{${Object.entries(term)
      .map(([k, v]) => `${k} => ${show(v)}`)
      .join(', ')}}`;
  }
  return String(term);
}

/** One option, checked: its name and value (already schema-valid for the context). */
type Checked = readonly [name: string, value: unknown];

/** Why an option failed; the caller turns it into `badarg` or `{error, einval}`. */
class OptionError {
  constructor(readonly message: string) {}
}

function checkOne(opt: unknown, ctx: OptionContext): Checked | OptionError {
  const fail = (why: string): OptionError => new OptionError(`${apiName[ctx]}: ${why}: ${show(opt)}`);
  if (typeof opt === 'string') {
    const bare = Object.hasOwn(bareAtoms, opt) ? bareAtoms[opt] : undefined;
    if (bare === undefined) return fail('unknown option');
    if (bare[0] === 'family' && ctx === 'setopts') return fail('the address family cannot be changed');
    return bare;
  }
  if (!Array.isArray(opt) || opt instanceof List) return fail('an option must be an atom or a tuple');
  const [name] = opt as unknown[];
  if (name === 'raw') {
    const raw = rawOption.safeParse(opt);
    return raw.success ? ['raw', raw.data.slice(1)] : fail('malformed raw option');
  }
  if (opt.length !== 2 || typeof name !== 'string') return fail('an option must be a {Name, Value} tuple');
  if (name === 'inet_backend') return fail('inet_backend must be the first option');
  const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
  if (spec === undefined) return fail('unknown option');
  if (spec[ctx] !== true) return fail(`${name} is not an option of ${apiName[ctx]}`);
  const parsed = spec.value.safeParse(opt[1]);
  if (!parsed.success) return fail(`bad value for ${name}`);
  if (ctx === 'connect' && (name === 'ip' || name === 'ifaddr')) {
    if (!connectAddr.safeParse(opt[1]).success) return fail(`bad address for ${name}`);
  }
  return [name, parsed.data];
}

function toArray(opts: unknown, ctx: OptionContext): readonly unknown[] {
  if (!Array.isArray(opts)) openError(ctx, `${apiName[ctx]}: the options must be a list: ${show(opts)}`);
  return opts;
}

/**
 * A malformed option: listen and connect exit with badarg (OTP raises it as an exit from
 * inet), setopts's caller gets the error class.
 */
function openError(ctx: OptionContext, message: string): never {
  if (ctx === 'setopts') throw new ErlangError('badarg', message);
  throw new ExitException('badarg', message);
}

// ---- applying checked options to a record ----

type WatermarkKey = 'highWatermark' | 'lowWatermark' | 'highMsgqWatermark' | 'lowMsgqWatermark';

/**
 * Sets one watermark of a high/low pair; as OTP, the other one moves with it
 * when the pair would cross (a low above the high raises the high, and so on).
 */
function setWatermark(o: TcpOptions, key: WatermarkKey, other: WatermarkKey, v: number): void {
  o[key] = v;
  if (key.startsWith('high') ? o[other] > v : o[other] < v) o[other] = v;
}

function applyOne(o: TcpOptions, name: string, value: unknown): 'ok' | OptionError {
  switch (name) {
    case 'active':
      // setopts counts {active, N} itself (ActiveCounter); at open the last value wins.
      o.active = value as Active;
      return 'ok';
    case 'mode':
      o.mode = value as TcpOptions['mode'];
      return 'ok';
    case 'packet':
      o.packet = value === 'raw' ? 0 : (value as PacketType);
      return 'ok';
    case 'packet_size':
      o.packetSize = value as number;
      return 'ok';
    case 'header':
      o.header = value as number;
      return 'ok';
    case 'line_delimiter':
      o.lineDelimiter = value as number;
      return 'ok';
    case 'send_timeout':
      o.sendTimeout = value as number | 'infinity';
      return 'ok';
    case 'high_watermark':
      setWatermark(o, 'highWatermark', 'lowWatermark', Math.max(0, value as number));
      return 'ok';
    case 'low_watermark':
      setWatermark(o, 'lowWatermark', 'highWatermark', Math.max(0, value as number));
      return 'ok';
    case 'high_msgq_watermark':
    case 'low_msgq_watermark': {
      const v = value as number;
      if (v <= 0) return new OptionError(`${name} must be positive: ${v}`);
      if (name === 'high_msgq_watermark') setWatermark(o, 'highMsgqWatermark', 'lowMsgqWatermark', v);
      else setWatermark(o, 'lowMsgqWatermark', 'highMsgqWatermark', v);
      return 'ok';
    }
    case 'linger': {
      // SO_LINGER off reads back as {false, 0}, whatever time was given.
      const [on, secs] = value as readonly [boolean, number];
      o.linger = on ? [true, secs] : [false, 0];
      return 'ok';
    }
    case 'buffer':
      o.buffer = Math.max(1, value as number);
      o.bufferSet = true;
      return 'ok';
    case 'recbuf':
      // Linux doubles the size asked, and OTP reads the kernel's value back.
      o.recbuf = 2 * (value as number);
      if (!o.bufferSet && (value as number) > o.buffer) o.buffer = value as number;
      return 'ok';
    case 'sndbuf':
      o.sndbuf = 2 * (value as number);
      return 'ok';
    case 'ip':
    case 'ifaddr':
      o.ip = value as BindAddress;
      return 'ok';
    case 'family':
      o.family = value as TcpOptions['family'];
      return 'ok';
    case 'ipv6_v6only':
    case 'tclass':
      if (o.family !== 'inet6') return new OptionError(`${name} needs an inet6 socket`);
      if (name === 'tclass') o.tclass = value as number;
      else o.ipv6V6only = value as boolean;
      return 'ok';
    case 'tcp_module':
      o.tcpModule = value as string;
      return 'ok';
    case 'bind_to_device':
      o.bindToDevice = value as Buffer;
      return 'ok';
    case 'raw':
      o.raw = [...o.raw, value as readonly [number, number, Buffer]];
      return 'ok';
    default: {
      // Plain fields whose camelCase name is the option's.
      const key = camel(name) as keyof TcpOptions;
      (o as unknown as Record<string, unknown>)[key] = value;
      return 'ok';
    }
  }
}

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
}

function fresh(): TcpOptions {
  return { ...defaultTcpOptions, linger: [false, 0], raw: [] };
}

/**
 * Parses a `gen_tcp:listen/2` or `gen_tcp:connect/3,4` option list.
 * @param opts - the option list: a plain array or a `List` of atoms and tuples
 * @param ctx - `'listen'` or `'connect'`
 * @returns `['ok', {options, given}]`, or `['error', 'einval']` where OTP's listen returns it
 * @throws ErlangError `badarg` for an unknown or malformed option, as OTP raises it
 * @example
 * // {ok, LS} = gen_tcp:listen(0, [binary, {active, once}, {packet, 2}]).
 * parseOpenOptions(['binary', ['active', 'once'], ['packet', 2]], 'listen');
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#listen-2
 */
export function parseOpenOptions(
  opts: unknown,
  ctx: 'listen' | 'connect',
): readonly ['ok', ParsedOptions] | Einval {
  const given = toArray(opts, ctx);
  const o = fresh();
  let rest = given;
  const first = given[0];
  if (Array.isArray(first) && first.length === 2 && first[0] === 'inet_backend') {
    const backend: unknown = first[1];
    if (backend !== 'inet' && backend !== 'socket') {
      openError(ctx, `${apiName[ctx]}: bad inet_backend: ${show(first)}`);
    }
    o.inetBackend = backend;
    rest = given.slice(1);
  }
  // OTP keeps the last value of each option and hands them to the driver newest first.
  const byName = new Map<string, unknown>();
  for (const opt of rest) {
    const c = checkOne(opt, ctx);
    if (c instanceof OptionError) openError(ctx, c.message);
    if (c[0] === 'raw') byName.set(`raw#${byName.size}`, c[1]);
    else {
      byName.delete(c[0]);
      byName.set(c[0], c[1]);
    }
  }
  const entries = [...byName].reverse();
  // Identity options first, as OTP opens the socket before setting the others.
  const fam = byName.get('family');
  if (fam !== undefined) o.family = fam as TcpOptions['family'];
  if (o.family === 'local' && ctx === 'listen') {
    if (!entries.some(([n, v]) => (n === 'ip' || n === 'ifaddr') && isLocalValue(v))) return einval;
  }
  if (o.family === 'local' && ctx === 'connect') {
    // connect/4 takes `local` only with a {local, Path} address, which gen_tcp strips first.
    openError(ctx, `${apiName[ctx]}: local needs a {local, Path} address`);
  }
  for (const [name, value] of entries) {
    const key = name.startsWith('raw#') ? 'raw' : name;
    if (key === 'family') continue;
    if (key === 'backlog') {
      o.backlog = value as number;
      continue;
    }
    if (key === 'port') {
      o.port = value as number;
      continue;
    }
    if (key === 'fd') {
      o.fd = value;
      continue;
    }
    const r = applyOne(o, key, value);
    if (r instanceof OptionError) {
      if (ctx === 'connect') openError(ctx, `${apiName[ctx]}: ${r.message}`);
      return einval;
    }
  }
  if (typeof o.active === 'number' && o.active <= 0) o.active = false;
  return ['ok', { options: o, given }];
}

function isLocalValue(v: unknown): boolean {
  return (
    (Array.isArray(v) && v[0] === 'local') ||
    (typeof v === 'object' && v !== null && (v as { family?: unknown }).family === 'local')
  );
}

/** What `setopts` gives: the reply, the new record, and whether `{tcp_passive, S}` is due. */
export interface SetoptsResult {
  readonly reply: 'ok' | Einval;
  readonly options: TcpOptions;
  readonly passive: boolean;
}

/**
 * Applies an `inet:setopts/2` option list to a socket's options, without touching the input.
 * @param current - the socket's options now
 * @param opts - the option list
 * @returns `{reply: ok | {error, einval}, options, passive}`; on a malformed list nothing is
 *   applied; a running `{active, N}` count pushed over 32767 stops the list there, as inet_drv
 * @throws ErlangError `badarg` when `opts` is not a list (OTP raises a bad generator error)
 * @example
 * // ok = inet:setopts(S, [{active, once}]).
 * setopts(current, [['active', 'once']]).reply; // 'ok'
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function setopts(current: Readonly<TcpOptions>, opts: unknown): SetoptsResult {
  // Fast path: a lone {active, V}, once per packet in {active, once} servers.
  if (Array.isArray(opts) && opts.length === 1) {
    const opt: unknown = opts[0];
    if (Array.isArray(opt) && opt.length === 2 && opt[0] === 'active') return setActive(current, opt[1]);
  }
  const list = toArray(opts, 'setopts');
  const checked: Checked[] = [];
  for (const opt of list) {
    const c = checkOne(opt, 'setopts');
    if (c instanceof OptionError) return { reply: einval, options: current, passive: false };
    checked.push(c);
  }
  const o: TcpOptions = { ...current };
  const counter = new ActiveCounter(current.active);
  let passive = false;
  for (let i = checked.length - 1; i >= 0; i--) {
    const [name, value] = checked[i] as Checked;
    if (name === 'active') {
      const r = counter.set(value);
      o.active = counter.value;
      passive ||= r.passive;
      if (r.reply !== 'ok') return { reply: einval, options: o, passive };
      continue;
    }
    const r = applyOne(o, name, value);
    if (r instanceof OptionError) return { reply: einval, options: o, passive };
  }
  return { reply: 'ok', options: o, passive };
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
  const active = activeAfter(current.active, value);
  if (active === undefined) return { reply: einval, options: current, passive: false };
  return { reply: 'ok', options: { ...current, active }, passive: passiveDue(value, active) };
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

function readOne(o: Readonly<TcpOptions>, name: unknown): unknown[] | 'none' | 'bad' {
  switch (name) {
    case 'active':
      return [o.active];
    case 'packet':
      return [o.packet];
    case 'linger':
      return [[o.linger[0], o.linger[1]]];
    case 'bind_to_device':
      return [o.bindToDevice];
    case 'broadcast':
      return [false];
    case 'ipv6_v6only':
      return o.family === 'inet6' ? [o.ipv6V6only ?? false] : 'none';
    case 'tclass':
      return o.family === 'inet6' ? [o.tclass ?? 0] : 'none';
    case 'netns':
      return 'none';
    case 'mode':
    case 'packet_size':
    case 'header':
    case 'nodelay':
    case 'keepalive':
    case 'reuseaddr':
    case 'exit_on_close':
    case 'show_econnreset':
    case 'send_timeout':
    case 'send_timeout_close':
    case 'delay_send':
    case 'high_watermark':
    case 'low_watermark':
    case 'high_msgq_watermark':
    case 'low_msgq_watermark':
    case 'buffer':
    case 'recbuf':
    case 'sndbuf':
    case 'priority':
    case 'tos':
    case 'deliver':
    case 'dontroute':
    case 'debug':
    case 'recvtos':
      return [(o as unknown as Record<string, unknown>)[camel(name)]];
    default:
      // ip, ifaddr, port, backlog, line_delimiter and unknown names: einval, as inet_drv.
      return 'bad';
  }
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
  if (!Array.isArray(names))
    throw new ErlangError('function_clause', `inet:getopts/2: the names must be a list: ${show(names)}`);
  const out = new List<[string, unknown]>();
  for (const name of names) {
    const v = readOne(options, name);
    if (v === 'bad') return einval;
    if (v !== 'none') out.push([name as string, v[0]]);
  }
  return ['ok', out];
}
