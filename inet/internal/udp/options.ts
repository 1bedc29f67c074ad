/**
 * The option model of gen_udp: parsing `gen_udp:open/2`'s option list and `inet:setopts/2`'s
 * on a UDP socket into one record, and reading it back as `inet:getopts/2` does. Pure and
 * synchronous; the port (udp-port.ts) applies the record to Node.
 *
 * Rules found against OTP 25 (inet:udp_options/2 and prim_inet, test/conformance/gen_udp):
 * - open: only the options of inet:udp_options/0 (and `ip`, `ifaddr`, `port`, `fd`, `netns`,
 *   the family atoms, `binary`/`list`) are taken; anything else, or a value prim_inet does not
 *   take, exits `badarg`, so `{packet, 2}` and `{exit_on_close, B}` do. What only the driver
 *   refuses (`tclass` or `ipv6_v6only` on inet) is `{error, einval}`.
 * - open keeps the last value of each option; inet_udp puts `{recbuf, 8192}` first, inet6_udp
 *   does not, so a fresh inet socket has an 8 KiB buffer and an inet6 one the kernel's.
 * - setopts takes the generic socket options prim_inet knows, TCP's ones included: some read
 *   back (`keepalive`, `packet`, `exit_on_close`), some read back nothing (`nodelay`,
 *   `send_timeout`, the watermarks), `line_delimiter` reads einval, as on a TCP socket.
 * - `{reuseport, B}` is taken as OTP 26 takes it (OTP 25 exits badarg: docs/DEVIATIONS.md).
 */
import { z } from 'zod';
import { ErlangError, ExitException, type List } from 'erlts';
import { describe, isList } from '../../../runtime/internal/driver-api.js';
import type { Active } from '../tcp/options-active.js';
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
  msgqWatermarkOption,
  rawOption,
  readFromTable,
  readOptions,
  uint32,
  type Checked,
  type Einval,
  type OptionDef as TableOptionDef,
  type OptionTable,
  type SetoptsResult,
  type Target,
  type Where as TableWhere,
  familyRefusal,
  modeAndFamilyAtoms,
  optionKit,
  inet6Only,
  inet6Options,
} from '../option-table.js';
import { ListenAddress, checkBindMap, type BindAddress, type BindRecord } from '../bind-address.js';

/** A multicast group to join or leave: the group, and the interface (`any`, an address or an index). */
export type Membership = readonly [
  op: 'add' | 'drop',
  group: readonly number[],
  iface: 'any' | readonly number[] | number,
];

/** The normalized options of one gen_udp socket, every field at its OTP default unless given. */
export interface UdpOptions extends BindRecord {
  active: Active;
  mode: 'list' | 'binary';
  header: number;
  /** The largest datagram read: a longer one is cut to it (inet_drv's buffer). */
  buffer: number;
  /** Whether `buffer` was set explicitly (then `recbuf` no longer raises it). */
  bufferSet: boolean;
  /** SO_RCVBUF as asked, undefined for the kernel's default (getopts reads the kernel's value). */
  recbuf: number | undefined;
  /** SO_SNDBUF as asked, undefined for the kernel's default. */
  sndbuf: number | undefined;
  reuseaddr: boolean;
  reuseport: boolean;
  broadcast: boolean;
  dontroute: boolean;
  priority: number;
  tos: number;
  ttl: number;
  recvtos: boolean;
  recvttl: boolean;
  recvtclass: boolean;
  deliver: 'port' | 'term';
  ipv6V6only: boolean | undefined;
  tclass: number | undefined;
  multicastIf: readonly number[] | number | undefined;
  multicastTtl: number;
  multicastLoop: boolean;
  /** Joins and leaves given and not yet applied to the socket: the port applies and clears them. */
  memberships: readonly Membership[];
  readPackets: number;
  highMsgqWatermark: number;
  lowMsgqWatermark: number;
  bindToDevice: Buffer;
  debug: boolean;
  raw: readonly (readonly [number, number, Buffer])[];
  // prim_inet's generic options, which setopts takes on any socket.
  keepalive: boolean;
  packet: unknown;
  packetSize: number;
  exitOnClose: boolean;
  linger: readonly [boolean, number];
  // Identity: given at open only.
  inetBackend: 'inet' | 'socket';
  fd: unknown;
  netns: unknown;
}

/** OTP 25's defaults, as `inet:getopts/2` reports them on a fresh inet socket (Linux). */
export const defaultUdpOptions: Readonly<UdpOptions> = Object.freeze({
  active: true,
  mode: 'list',
  header: 0,
  buffer: 1460,
  bufferSet: false,
  recbuf: undefined,
  sndbuf: undefined,
  reuseaddr: false,
  reuseport: false,
  broadcast: false,
  dontroute: false,
  priority: 0,
  tos: 0,
  ttl: 64,
  recvtos: false,
  recvttl: false,
  recvtclass: false,
  deliver: 'term',
  ipv6V6only: undefined,
  tclass: undefined,
  multicastIf: undefined,
  multicastTtl: 1,
  multicastLoop: true,
  memberships: [],
  readPackets: 5,
  highMsgqWatermark: 8192,
  lowMsgqWatermark: 4096,
  bindToDevice: Buffer.alloc(0),
  debug: false,
  raw: [],
  keepalive: false,
  packet: 0,
  packetSize: 0,
  exitOnClose: true,
  linger: [false, 0] as const,
  family: 'inet',
  ip: undefined,
  port: 0,
  inetBackend: 'inet',
  fd: undefined,
  netns: undefined,
});

/** Which call an option list is given to. */
export type UdpContext = 'open' | 'setopts';

type OptionDef = TableOptionDef<UdpOptions, UdpContext>;
type Where = TableWhere<UdpContext>;
const everywhere: Where = { open: true, setopts: true };
const atOpen: Where = { open: true };
const setoptsOnly: Where = { setopts: true };

const { option, store, plain } = optionKit<UdpOptions, UdpContext>();

/** An option setopts takes whose value reads back as nothing (`{ok, []}`), as inet_drv's UDP. */
function ignored(schema: z.ZodType): OptionDef {
  return option(
    schema,
    setoptsOnly,
    () => undefined,
    () => undefined,
  );
}

/** `{add_membership, {Group, If}}`: an inet group with `any` or an address, an inet6 one with an index. */
const membershipValue = z.union([
  z.tuple([ip4, z.union([z.literal('any'), ip4])]),
  z.tuple([ip4, z.union([z.literal('any'), ip4]), int]),
  z.tuple([ip6, int]),
]);

function membership(op: 'add' | 'drop'): OptionDef {
  return option(membershipValue, everywhere, (t, [group, iface]) => {
    t.o.memberships = [...t.o.memberships, [op, group, iface]];
  });
}

const mode = plain('mode', z.enum(['list', 'binary']), everywhere);
const bindAddress = z.custom<BindAddress>(() => true);

/** The `{Name, Value}` options, by name. */
const tupleOptions: Readonly<Record<string, OptionDef>> = {
  active: activeOption<UdpOptions, UdpContext>(everywhere, 'setopts'),
  mode,
  header: plain('header', uint32, everywhere),
  buffer: option(
    int,
    everywhere,
    (t, v) => {
      t.o.buffer = Math.max(1, v);
      t.o.bufferSet = true;
    },
    load('buffer'),
  ),
  recbuf: option(int, everywhere, (t, v) => {
    t.o.recbuf = Math.max(0, v);
    // A bigger receive buffer raises the read buffer with it, up to a whole datagram.
    if (!t.o.bufferSet && v > t.o.buffer) t.o.buffer = Math.min(v, 65536);
  }),
  sndbuf: option(int, everywhere, (t, v) => {
    t.o.sndbuf = Math.max(0, v);
  }),
  reuseaddr: plain('reuseaddr', bool, everywhere),
  reuseport: plain('reuseport', bool, atOpen),
  broadcast: plain('broadcast', bool, everywhere),
  dontroute: plain('dontroute', bool, everywhere),
  priority: plain('priority', int, everywhere),
  tos: plain('tos', int, everywhere),
  ttl: option(
    int,
    everywhere,
    (t, v) => {
      if (v < 0 || v > 255) return 'the kernel takes a ttl in 0..255';
      t.o.ttl = v;
      return undefined;
    },
    load('ttl'),
  ),
  recvtos: plain('recvtos', bool, everywhere),
  recvttl: plain('recvttl', bool, everywhere),
  recvtclass: inet6Only<UdpOptions, UdpContext, typeof bool>(
    bool,
    everywhere,
    (o, v) => {
      o.recvtclass = v;
    },
    (o) => o.recvtclass,
  ),
  deliver: plain('deliver', z.enum(['port', 'term']), everywhere),
  // Linux takes IPV6_V6ONLY before the bind only: setopts is einval.
  ...inet6Options<UdpOptions, UdpContext>(atOpen, everywhere),
  multicast_if: option(
    z.union([ipTuple, int]),
    everywhere,
    store('multicastIf'),
    (o) => o.multicastIf ?? (o.family === 'inet6' ? 0 : [0, 0, 0, 0]),
  ),
  // inet_drv does not pass on the kernel's refusal of a ttl out of 0..255: it is ignored.
  multicast_ttl: option(
    int,
    everywhere,
    (t, v) => {
      if (v >= 0 && v <= 255) t.o.multicastTtl = v;
    },
    load('multicastTtl'),
  ),
  multicast_loop: plain('multicastLoop', bool, everywhere),
  add_membership: membership('add'),
  drop_membership: membership('drop'),
  read_packets: option(
    uint32,
    everywhere,
    (t, v) => {
      if (v === 0) return 'read_packets must be positive';
      t.o.readPackets = v;
      return undefined;
    },
    load('readPackets'),
  ),
  high_msgq_watermark: msgqWatermarkOption<UdpOptions, UdpContext, 'highMsgqWatermark' | 'lowMsgqWatermark'>(
    'highMsgqWatermark',
    'lowMsgqWatermark',
    everywhere,
  ),
  low_msgq_watermark: msgqWatermarkOption<UdpOptions, UdpContext, 'highMsgqWatermark' | 'lowMsgqWatermark'>(
    'lowMsgqWatermark',
    'highMsgqWatermark',
    everywhere,
  ),
  bind_to_device: plain('bindToDevice', z.instanceof(Buffer), everywhere),
  debug: plain('debug', bool, everywhere),
  // prim_inet's generic options, taken by setopts on any socket.
  keepalive: plain('keepalive', bool, setoptsOnly),
  packet: option(
    z.union([z.literal([0, 1, 2, 4]), z.string()]),
    setoptsOnly,
    (t, v) => {
      t.o.packet = v === 'raw' ? 0 : v;
    },
    load('packet'),
  ),
  packet_size: plain('packetSize', uint32, setoptsOnly),
  exit_on_close: plain('exitOnClose', bool, setoptsOnly),
  linger: option(
    z.tuple([bool, int]),
    setoptsOnly,
    (t, [on, secs]) => {
      t.o.linger = on ? [true, secs] : [false, 0];
    },
    (o) => [o.linger[0], o.linger[1]],
  ),
  line_delimiter: option(int, setoptsOnly, () => undefined),
  nodelay: ignored(bool),
  send_timeout: ignored(z.union([uint32, z.literal('infinity')])),
  send_timeout_close: ignored(bool),
  delay_send: ignored(bool),
  high_watermark: ignored(int),
  low_watermark: ignored(int),
  show_econnreset: ignored(bool),
  pktoptions: option(
    z.never(),
    {},
    () => undefined,
    () => undefined,
  ),
  // Identity: open only, read back as einval.
  ip: option(bindAddress, atOpen, store('ip')),
  ifaddr: option(bindAddress, atOpen, store('ip')),
  port: option(int, atOpen, store('port')),
  fd: option(z.unknown(), atOpen, store('fd')),
  netns: option(z.unknown(), atOpen, store('netns'), () => undefined),
};

const raw = option(rawOption, everywhere, (t, [, protocol, name, value]) => {
  t.o.raw = [...t.o.raw, [protocol, name, value]];
});

const family = option(z.enum(['inet', 'inet6', 'local']), atOpen, store('family'));

const apiName: Record<UdpContext, string> = { open: 'gen_udp:open/2', setopts: 'inet:setopts/2' };

const table: OptionTable<UdpOptions, UdpContext> = {
  tuples: tupleOptions,
  atoms: modeAndFamilyAtoms(mode, family),
  raw,
  apiName,
  atomRefusal: familyRefusal,
};

function fresh(): UdpOptions {
  return { ...defaultUdpOptions, linger: [false, 0], raw: [], memberships: [] };
}

/** A parsed `gen_udp:open/2` option list. */
export interface ParsedUdpOptions {
  readonly options: UdpOptions;
  /** Whether `{active, N}` with N <= 0 opened it passive (OTP then sends `udp_passive`). */
  readonly passiveAtOpen: boolean;
}

function exitBadarg(why: string, opt: unknown): never {
  throw new ExitException('badarg', `gen_udp:open/2: ${why}: ${describe(opt)}`);
}

/**
 * Parses a `gen_udp:open/2` option list, as inet:udp_options/2 and the driver take it.
 * @param port - the port argument (already checked)
 * @param opts - the option list
 * @returns `['ok', {options, passiveAtOpen}]`, or `['error', 'einval' | 'eafnosupport']` for what
 *   only the driver refuses
 * @throws ExitException `badarg` for an unknown or malformed option or address, as OTP exits;
 *   `function_clause` for options that are no list
 * @example
 * // {ok, S} = gen_udp:open(0, [binary, {active, once}]).
 * parseUdpOptions(0, ['binary', ['active', 'once']]);
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#open-2
 */
export function parseUdpOptions(
  port: number,
  opts: unknown,
): readonly ['ok', ParsedUdpOptions] | readonly ['error', 'einval' | 'eafnosupport'] {
  if (!Array.isArray(opts)) {
    // inet:mod/4 has no clause for it: an error, not an exit.
    throw new ErlangError('function_clause', `gen_udp:open/2: the options must be a list: ${describe(opts)}`);
  }
  const o = fresh();
  o.port = port;
  let rest: readonly unknown[] = opts;
  const first: unknown = opts[0];
  if (Array.isArray(first) && !isList(first) && first.length === 2 && first[0] === 'inet_backend') {
    const backend: unknown = first[1];
    if (backend !== 'inet' && backend !== 'socket') exitBadarg('bad inet_backend', first);
    o.inetBackend = backend;
    rest = opts.slice(1);
  }
  // inet:udp_opt keeps the last value of each option (memberships and raw all of them).
  const byName = new Map<string, Checked<UdpOptions, UdpContext>>();
  const bind = new ListenAddress(apiName.open);
  let passiveAtOpen = false;
  for (const opt of rest) {
    if (bind.take(opt)) continue;
    const c = checkOption<UdpOptions, UdpContext>(table, opt, 'open');
    if (c instanceof OptionError) exitBadarg(c.why, c.opt);
    // inet:mod/4 takes the first family atom and drops the others.
    if (c.name === 'family' && byName.has('family')) continue;
    if (c.name === 'active') passiveAtOpen = typeof c.value === 'number' && c.value <= 0;
    if (c.name === 'raw' || c.name.endsWith('_membership')) byName.set(`${c.name}#${byName.size}`, c);
    else {
      byName.delete(c.name);
      byName.set(c.name, c);
    }
  }
  const t: Target<UdpOptions, UdpContext> = { o, ctx: 'open', passive: false };
  byName.get('family')?.apply(t);
  const bindMap = bind.settle(o, byName.has('family'));
  // inet_udp opens with {recbuf, 8192} before the caller's options; inet6_udp does not.
  if (o.family === 'inet' && !byName.has('recbuf')) tupleOptions['recbuf']?.check(8192)?.(t);
  for (const c of byName.values()) {
    if (c.name === 'family') continue;
    if (typeof c.apply(t) === 'string') return ['error', 'einval'];
  }
  if (typeof o.active === 'number' && o.active <= 0) o.active = false;
  const refused = bindMap === undefined ? undefined : checkBindMap(apiName.open, bindMap, o);
  if (refused !== undefined) return ['error', refused];
  return ['ok', { options: o, passiveAtOpen }];
}

const copy = (o: Readonly<UdpOptions>): UdpOptions => ({ ...o });

/**
 * Applies an `inet:setopts/2` option list to a UDP socket's options, without touching the input.
 * @param current - the socket's options now
 * @param opts - the option list
 * @returns `{reply: ok | {error, einval}, options, passive}`
 * @throws ErlangError `{bad_generator, Opts}` when `opts` is not a list
 * @example
 * // ok = inet:setopts(S, [{active, once}]).
 * setUdpOptions(current, [['active', 'once']]).reply; // 'ok'
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export function setUdpOptions(current: Readonly<UdpOptions>, opts: unknown): SetoptsResult<UdpOptions> {
  return applySetopts(table, 'setopts', current, opts, copy);
}

/** The kernel's values, which getopts reads from the socket itself. */
export interface KernelBuffers {
  recbuf(): number;
  sndbuf(): number;
}

/**
 * Reads a UDP socket's options back as `inet:getopts/2` does, in the order asked.
 * @param options - the socket's options
 * @param kernel - the socket's buffer sizes as the kernel reports them
 * @param names - a list of option names
 * @returns `['ok', List of [Name, Value]]`, or `['error', 'einval']` for a name that cannot
 *   be read (unknown, `ip`, `port`, `add_membership`, `line_delimiter`, ...)
 * @example
 * // {ok, [{active, true}, {buffer, 8192}]} = inet:getopts(S, [active, buffer]).
 * getUdpOptions(options, kernel, ['active', 'buffer']);
 * @see https://www.erlang.org/docs/25/man/inet.html#getopts-2
 */
export function getUdpOptions(
  options: Readonly<UdpOptions>,
  kernel: KernelBuffers,
  names: unknown,
): readonly ['ok', List<[string, unknown]>] | Einval {
  return readOptions((name) => {
    if (name === 'recbuf') return [kernel.recbuf()];
    if (name === 'sndbuf') return [kernel.sndbuf()];
    return readFromTable(table, options, name);
  }, names);
}

export type { BindAddress };
