/**
 * socket:getopt/setopt: the options erlts's sockets know, by level. An option is either
 * applied to Node (nodelay, keepalive, linger 0 on close, the datagram buffer sizes, ttl,
 * broadcast), read from the socket (type, domain, protocol, acceptconn, controlling_process),
 * or kept and read back as set where Node has no call for it (docs/DEVIATIONS.md lists which).
 * `supports(options)` reports as supported only the applied and read ones.
 */
import { Pid, ThrownValue } from 'erlts';
import { caller, isList, processFor } from '../../runtime/internal/driver-api.js';
import type { ESocket, Socket } from './esocket.js';
import { closed, socketArg } from './args.js';
import { posixFromNodeError } from '../../inet/internal/posix.js';
import type { Error_ } from './transfer.js';
import type {
  native_option,
  native_value,
  option,
  option_name,
  option_value,
  level,
} from './option-types.js';

export type Level = 'otp' | 'socket' | 'ip' | 'ipv6' | 'tcp' | 'udp';

interface OptionSpec {
  /** Whether the value is acceptable. */
  readonly valid: (v: unknown) => boolean;
  /** Whether setopt may set it. */
  readonly settable: boolean;
  /** Whether erlts really applies or reads it (what supports/1 reports). */
  readonly real: boolean;
  /** The value before any setopt. */
  readonly initial: (e: ESocket) => unknown;
  /** Applies a new value to Node, when Node can. */
  readonly apply?: (e: ESocket, v: unknown) => void;
}

const bool = (v: unknown): boolean => typeof v === 'boolean';
const int = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v);
const nonNeg = (v: unknown): boolean => int(v) && (v as number) >= 0;
const positive = (v: unknown): boolean => int(v) && (v as number) > 0;
/** `{otp, rcvbuf}`: `default`, a size, or `{N, Size}` (a stream reads up to N buffers of Size). */
const readBufferValue = (v: unknown): boolean =>
  v === 'default' ||
  positive(v) ||
  (Array.isArray(v) && !isList(v) && v.length === 2 && positive(v[0]) && positive(v[1]));
const lingerValue = (v: unknown): boolean =>
  v === 'abort' ||
  (typeof v === 'object' &&
    v !== null &&
    bool((v as { onoff?: unknown }).onoff) &&
    nonNeg((v as { linger?: unknown }).linger));

/** The NIF's default read buffer, `{otp, rcvbuf}`. */
const OTP_RCVBUF = 8192;

const specs: Record<string, OptionSpec> = {
  'socket.type': { valid: () => false, settable: false, real: true, initial: (e) => e.type },
  'socket.domain': { valid: () => false, settable: false, real: true, initial: (e) => e.domain },
  // SO_PROTOCOL: a local socket's is 0, which getopt names `default` (info/1 says `ip`).
  'socket.protocol': {
    valid: () => false,
    settable: false,
    real: true,
    initial: (e) => (e.domain === 'local' ? 'default' : e.protocol),
  },
  'socket.acceptconn': {
    valid: () => false,
    settable: false,
    real: true,
    initial: (e) => e.state === 'listening',
  },
  'socket.reuseaddr': { valid: bool, settable: true, real: false, initial: () => false },
  'socket.keepalive': {
    valid: bool,
    settable: true,
    real: true,
    initial: () => false,
    apply: (e, v) => e.stream?.sock.setKeepAlive(v as boolean),
  },
  'socket.linger': {
    valid: lingerValue,
    settable: true,
    real: false,
    initial: () => ({ onoff: false, linger: 0 }),
  },
  'socket.rcvbuf': {
    valid: nonNeg,
    settable: true,
    real: false,
    initial: (e) => (e.type === 'dgram' || e.domain === 'local' ? 212992 : 131072),
    apply: (e, v) => {
      if (e.dgram?.bound === true) e.dgram.sock.setRecvBufferSize(v as number);
    },
  },
  'socket.sndbuf': {
    valid: nonNeg,
    settable: true,
    real: false,
    initial: (e) => (e.type === 'dgram' || e.domain === 'local' ? 212992 : 16384),
    apply: (e, v) => {
      if (e.dgram?.bound === true) e.dgram.sock.setSendBufferSize(v as number);
    },
  },
  'socket.broadcast': {
    valid: bool,
    settable: true,
    real: false,
    initial: () => false,
    apply: (e, v) => {
      if (e.dgram?.bound === true) e.dgram.sock.setBroadcast(v as boolean);
    },
  },
  'socket.priority': { valid: int, settable: true, real: false, initial: () => 0 },
  'socket.debug': { valid: int, settable: true, real: false, initial: () => 0 },
  'socket.dontroute': { valid: bool, settable: true, real: false, initial: () => false },
  'socket.oobinline': { valid: bool, settable: true, real: false, initial: () => false },
  'tcp.nodelay': {
    valid: bool,
    settable: true,
    real: true,
    initial: () => false,
    apply: (e, v) => e.stream?.sock.setNoDelay(v as boolean),
  },
  'ip.tos': { valid: nonNeg, settable: true, real: false, initial: () => 0 },
  'ip.ttl': {
    valid: (v) => int(v) && (v as number) >= 1 && (v as number) <= 255,
    settable: true,
    real: false,
    initial: () => 64,
    apply: (e, v) => {
      if (e.dgram?.bound === true) e.dgram.sock.setTTL(v as number);
    },
  },
  'ipv6.v6only': { valid: bool, settable: true, real: false, initial: () => false },
  'udp.cork': { valid: bool, settable: true, real: false, initial: () => false },
  'otp.debug': { valid: bool, settable: true, real: false, initial: () => false },
  'otp.iow': { valid: bool, settable: true, real: false, initial: () => false },
  // Read at each recv (readBufferSize); OTP's supports/1 reports no otp option either.
  'otp.rcvbuf': { valid: readBufferValue, settable: true, real: false, initial: () => OTP_RCVBUF },
  'otp.fd': { valid: () => false, settable: false, real: true, initial: (e) => e.fd() },
  'otp.use_registry': { valid: () => false, settable: false, real: true, initial: (e) => e.useRegistry },
};

/**
 * An option of a level the socket does not have (tcp on a datagram or local socket, udp on a
 * stream, ip on a local one, ipv6 on an inet one), as OTP 25 answers: the NIF refuses it on a
 * local socket, and on an inet one when reading (`enotsup`); the kernel refuses it otherwise
 * (ENOPROTOOPT).
 * @returns the error, or null when the socket has the option's level
 */
function levelError(
  key: string,
  e: ESocket,
  op: 'get' | 'set',
): readonly ['error', 'enotsup' | 'enoprotoopt'] | null {
  const level = key.slice(0, key.indexOf('.'));
  const has =
    level === 'tcp'
      ? e.protocol === 'tcp'
      : level === 'udp'
        ? e.protocol === 'udp'
        : level === 'ip'
          ? e.domain !== 'local'
          : level === 'ipv6'
            ? e.domain === 'inet6'
            : true;
  if (has) return null;
  return e.domain === 'local' || (e.domain === 'inet' && op === 'get')
    ? ['error', 'enotsup']
    : ['error', 'enoprotoopt'];
}

function keyOf(opt: unknown): string | null {
  if (!Array.isArray(opt) || opt.length !== 2 || typeof opt[0] !== 'string' || typeof opt[1] !== 'string')
    return null;
  return `${opt[0]}.${opt[1]}`;
}

/**
 * socket:getopt/2 for options other than controlling_process.
 * @returns `{ok, Value}` or `{error, {invalid, {socket_option, Opt}}}`
 */
function getOption(e: ESocket, opt: unknown): readonly ['ok', unknown] | Error_ {
  const key = keyOf(opt);
  const spec = key === null ? undefined : specs[key];
  if (key === null || spec === undefined) return ['error', ['invalid', ['socket_option', opt]]];
  const wrong = levelError(key, e, 'get');
  if (wrong !== null) return wrong;
  return ['ok', e.options.has(key) ? e.options.get(key) : spec.initial(e)];
}

/**
 * socket:setopt/3 for options other than controlling_process.
 * @returns `ok`, or `{error, {invalid, {socket_option, Opt}}}` / `{..., Opt, Value}}` for a bad value
 */
function setOption(e: ESocket, opt: unknown, value: unknown): 'ok' | Error_ {
  const key = keyOf(opt);
  const spec = key === null ? undefined : specs[key];
  if (key === null || spec === undefined || !spec.settable) {
    return ['error', ['invalid', ['socket_option', opt]]];
  }
  const wrong = levelError(key, e, 'set');
  if (wrong !== null) return wrong;
  if (!spec.valid(value)) return ['error', ['invalid', ['socket_option', opt, value]]];
  // Linux doubles the buffer sizes asked, and reports the doubled size; `default` is the NIF's.
  const stored =
    key === 'socket.rcvbuf' || key === 'socket.sndbuf'
      ? 2 * (value as number)
      : key === 'otp.rcvbuf' && value === 'default'
        ? OTP_RCVBUF
        : value;
  try {
    spec.apply?.(e, value);
  } catch (err) {
    // What the kernel refused: its error, as setsockopt(2) gives it.
    return ['error', posixFromNodeError(err)];
  }
  e.options.set(key, stored);
  return 'ok';
}

/** Options an accepted socket does not take from its listening socket (Linux resets SO_PRIORITY). */
const notInherited = new Set(['socket.priority']);

/**
 * Gives a socket accept made the options set on its listening socket, as the kernel and the NIF
 * do (checked against OTP 25: linger, keepalive, nodelay, reuseaddr, the buffers, tos, oobinline,
 * `{otp, rcvbuf}` and `{otp, iow}` carry over; priority does not), and applies them to its
 * Node endpoint.
 */
export function inheritOptions(listening: ESocket, accepted: ESocket): void {
  for (const [key, value] of listening.options) {
    if (specs[key]?.settable === true && !notInherited.has(key)) accepted.options.set(key, value);
  }
  applyStored(accepted);
}

/**
 * Applies the options set before the socket had its Node endpoint (a stream's nodelay and
 * keepalive before connect or accept, a datagram socket's buffers, broadcast and ttl before
 * bind): the socket calls it when it gets one.
 */
export function applyStored(e: ESocket): void {
  for (const [key, value] of e.options) {
    const spec = specs[key];
    try {
      // Stored buffer sizes are the doubled ones getopt reads; the kernel takes the asked size.
      spec?.apply?.(e, key === 'socket.rcvbuf' || key === 'socket.sndbuf' ? (value as number) / 2 : value);
    } catch {
      // An option the Node endpoint refuses now keeps its stored value, as getopt reads it.
    }
  }
}

/**
 * How many bytes one read takes where the caller gives no size, as the NIF's `{otp, rcvbuf}`
 * decides it (8192 by default): a datagram is cut to it (recvmsg then flags `trunc`), and a
 * stream's read of what is there takes at most it, or N buffers of Size for `{N, Size}`.
 * @param e - the socket
 * @param stream - whether the read is a stream's
 */
export function readBufferSize(e: ESocket, stream: boolean): number {
  const v = e.options.get('otp.rcvbuf') ?? OTP_RCVBUF;
  if (Array.isArray(v)) {
    const [n, size] = v as [number, number];
    return stream ? n * size : size;
  }
  return v as number;
}

/** The options erlts applies or reads for real, by level, as `supports(options)` lists them. */
export function supportedOptions(): Map<Level, [string, boolean][]> {
  const out = new Map<Level, [string, boolean][]>();
  for (const [key, spec] of Object.entries(specs)) {
    const [level, name] = key.split('.') as [Level, string];
    const list = out.get(level) ?? [];
    list.push([name, spec.real]);
    out.set(level, list);
  }
  return out;
}

/** Linux's numbers for the levels (setsockopt(2)'s `level`). */
const NATIVE_LEVELS: Record<string, number> = { socket: 1, ip: 0, ipv6: 41, tcp: 6, udp: 17 };

/**
 * The native options erlts can answer, by `level.number` (Linux's numbers), and the option
 * each one is: only options erlts applies to Node or reads, so a native call never pretends.
 */
const NATIVE_OPTIONS: Record<string, string> = {
  '1.3': 'socket.type', // SO_TYPE
  '1.9': 'socket.keepalive', // SO_KEEPALIVE
  '1.30': 'socket.acceptconn', // SO_ACCEPTCONN
  '1.38': 'socket.protocol', // SO_PROTOCOL
  '1.39': 'socket.domain', // SO_DOMAIN
  '6.1': 'tcp.nodelay', // TCP_NODELAY
};

/** The kernel's numbers for the values of type, domain and protocol. */
const NATIVE_VALUES: Record<string, number> = {
  stream: 1,
  dgram: 2,
  inet: 2,
  inet6: 10,
  local: 1,
  tcp: 6,
  udp: 17,
};

type Result = readonly ['ok', unknown] | Error_;

/** A native `{Level, Number}` as the option it is, or the error OTP or the kernel gives. */
function nativeKey(opt: unknown): string | Error_ {
  if (!Array.isArray(opt) || opt.length !== 2 || !Number.isInteger(opt[1])) {
    return ['error', ['invalid', ['socket_option', opt]]];
  }
  const [l, n] = opt as [unknown, number];
  const level = typeof l === 'number' && Number.isInteger(l) ? l : NATIVE_LEVELS[l as string];
  if (level === undefined) return ['error', ['invalid', ['socket_option', opt]]];
  // One the kernel knows but Node gives no call for, or one it does not know: not here.
  return NATIVE_OPTIONS[`${level}.${n}`] ?? ['error', 'enoprotoopt'];
}

/**
 * socket:getopt_native/3 for the options Node can answer.
 * @param spec - `integer`, `boolean`, or a binary size (the value as native-endian bytes)
 */
function getNative(e: ESocket, opt: unknown, spec: unknown): Result {
  if (spec !== 'integer' && spec !== 'boolean' && !(Number.isInteger(spec) && (spec as number) >= 0)) {
    return ['error', ['invalid', ['value_spec', spec]]];
  }
  const key = nativeKey(opt);
  if (typeof key !== 'string') return key;
  const r = getOption(e, key.split('.'));
  if (r[0] !== 'ok') return r;
  const v = r[1];
  const n =
    typeof v === 'boolean' ? Number(v) : typeof v === 'string' ? (NATIVE_VALUES[v] ?? 0) : (v as number);
  if (spec === 'integer') return ['ok', n];
  if (spec === 'boolean') return ['ok', n !== 0];
  const out = Buffer.alloc(spec as number);
  if (out.length >= 4) out.writeInt32LE(n, 0);
  return ['ok', out];
}

/**
 * socket:setopt_native/3 for the options Node can set.
 * @param value - an integer, a boolean, or native-endian bytes
 */
function setNative(e: ESocket, opt: unknown, value: unknown): 'ok' | Error_ {
  let v: number;
  if (typeof value === 'boolean') v = Number(value);
  else if (Number.isInteger(value)) v = value as number;
  else if (Buffer.isBuffer(value) && value.length >= 4) v = value.readInt32LE(0);
  else return ['error', ['invalid', 'value']];
  const key = nativeKey(opt);
  if (typeof key !== 'string') return key;
  const spec = specs[key];
  if (spec === undefined || !spec.settable) return ['error', 'enoprotoopt'];
  return setOption(e, key.split('.'), v !== 0);
}

/**
 * Reads a socket option: `{Level, Name}`, e.g. `['socket', 'type']`, `['tcp', 'nodelay']`,
 * `['otp', 'controlling_process']`, `['otp', 'fd']` (-1 before Node has a descriptor: an
 * unbound, unconnected stream socket); or, as OTP's getopt/3, `getopt(S, Level, Name)`.
 * Options Node has no call for read back what setopt stored (docs/DEVIATIONS.md).
 * @param s - any socket
 * @param opt - `[Level, Name]`; or, with `name`, the level
 * @param name - the option's name, for the getopt/3 form
 * @returns `['ok', Value]`; `['error', Reason]`: `['invalid', ['socket_option', Opt]]` for an
 *   option erlts does not know, `enotsup` or `enoprotoopt` for one of a level the socket has
 *   not (`tcp` on a datagram socket), `closed`
 * @throws ErlangError `badarg` for what is not a socket
 * @throws ThrownValue `{invalid, {socket_option, Opt}}` (Erlang's throw class) for an option
 *   that is no `[Level, Name]` pair, as OTP 25's socket module throws it
 * @example
 * // {ok, stream} = socket:getopt(S, {socket, type})
 * await socket.getopt(S, ['socket', 'type']); // ['ok', 'stream']
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt-2
 */
export function getopt<const O extends option>(
  s: Socket,
  opt: O,
): Promise<readonly ['ok', option_value<O>] | Error_>;
export function getopt<const L extends level, const N extends option_name<L>>(
  s: Socket,
  level: L,
  name: N,
): Promise<readonly ['ok', option_value<readonly [L, N]>] | Error_>;
export function getopt(
  s: Socket,
  opt: option | level,
  name?: string,
): Promise<readonly ['ok', unknown] | Error_> {
  const e = socketArg('getopt/2', s);
  const o = name === undefined ? levelAndName(opt) : [opt, name];
  if (e.closed) return Promise.resolve(closed);
  if (Array.isArray(o) && o[0] === 'otp' && o[1] === 'controlling_process') {
    return Promise.resolve(['ok', e.owner.pid]);
  }
  return Promise.resolve(getOption(e, o));
}

/**
 * Reads an option by its native (Linux) level and number, as getsockopt(2) would: only the
 * ones erlts can answer on Node (SO_TYPE, SO_DOMAIN, SO_PROTOCOL, SO_ACCEPTCONN, SO_KEEPALIVE,
 * TCP_NODELAY); any other gives `['error', 'enoprotoopt']`.
 * @param s - any socket
 * @param opt - `[Level, Number]`, the level an atom (`socket`, `tcp`...) or a number
 * @param valueSpec - `integer`, `boolean`, or a size for the value as native-endian bytes
 * @returns `['ok', Value]`; `['error', Reason]`: `enoprotoopt` for an option erlts cannot
 *   answer, `['invalid', ['value_spec', Spec]]`, `['invalid', ['socket_option', Opt]]` for an
 *   option that is not `[Level, Number]`, `closed`
 * @throws ErlangError `badarg` for what is not a socket
 * @example
 * // {ok, 1} = socket:getopt_native(S, {tcp, 1}, integer)   % TCP_NODELAY
 * await socket.getopt_native(S, ['tcp', 1], 'integer'); // ['ok', 1]
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt_native-3
 */
export function getopt_native(
  s: Socket,
  opt: native_option,
  valueSpec: 'integer',
): Promise<readonly ['ok', number] | Error_>;
export function getopt_native(
  s: Socket,
  opt: native_option,
  valueSpec: 'boolean',
): Promise<readonly ['ok', boolean] | Error_>;
export function getopt_native(
  s: Socket,
  opt: native_option,
  valueSpec: number,
): Promise<readonly ['ok', Buffer] | Error_>;
export function getopt_native(
  s: Socket,
  opt: native_option,
  valueSpec: 'integer' | 'boolean' | number,
): Promise<readonly ['ok', number | boolean | Buffer] | Error_> {
  const e = socketArg('getopt_native/3', s);
  if (e.closed) return Promise.resolve(closed);
  return Promise.resolve(getNative(e, opt, valueSpec) as readonly ['ok', number | boolean | Buffer] | Error_);
}

/**
 * Sets an option by its native level and number (SO_KEEPALIVE, TCP_NODELAY on Node; any other
 * gives `['error', 'enoprotoopt']`).
 * @param s - any socket
 * @param opt - `[Level, Number]`, the level an atom (`socket`, `tcp`...) or a number
 * @param value - an integer, a boolean, or native-endian bytes
 * @returns `ok`; `['error', Reason]`: `enoprotoopt`, `['invalid', 'value']` for a value of
 *   another kind, `['invalid', ['socket_option', Opt]]` for an option that is not
 *   `[Level, Number]`, `closed`
 * @throws ErlangError `badarg` for what is not a socket
 * @throws ThrownValue `{invalid, {socket_option, Opt}}` (Erlang's throw class) for an option
 *   that is no `[Level, Name]` pair, as OTP 25's socket module throws it
 * @example
 * // ok = socket:setopt_native(S, {tcp, 1}, true)   % TCP_NODELAY
 * await socket.setopt_native(S, ['tcp', 1], true);
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt_native-3
 */
export function setopt_native(s: Socket, opt: native_option, value: native_value): Promise<'ok' | Error_> {
  const e = socketArg('setopt_native/3', s);
  const o: unknown = opt;
  if (!Array.isArray(o) || isList(o) || o.length !== 2) throw badOption(opt);
  if (e.closed) return Promise.resolve(closed);
  return Promise.resolve(setNative(e, opt, value));
}

/**
 * Sets a socket option, `setopt(S, {Level, Name}, Value)` or (setopt/4)
 * `setopt(S, Level, Name, Value)`. `['otp', 'controlling_process']` hands the socket to another process
 * (only its owner may: `['error', ['invalid', 'not_owner']]`, as OTP 25). Options Node has no
 * call for are stored and read back by getopt (docs/DEVIATIONS.md).
 * @param s - any socket
 * @param opt - `[Level, Name]`: `['tcp', 'nodelay']`, `['socket', 'keepalive']`,
 *   `['otp', 'controlling_process']`, `['otp', 'rcvbuf']` (the read buffer: a size, `[N, Size]`
 *   or `default`)...; for setopt/4, the level, then the name and the value
 * @param value - the option's value: a boolean, an integer, a map (`linger`), or a pid
 * @returns `ok` or `['error', Reason]`: `['invalid', ['socket_option', Opt]]` for an option
 *   erlts does not know or cannot set, `['invalid', ['socket_option', Opt, Value]]` for a bad
 *   value (a controlling process that is not a pid included), `enotsup` or `enoprotoopt` for a
 *   level the socket has not, `closed`; handed to a process that is dead, the socket closes
 *   (its owner is dead) and the answer is `ok`, as OTP 25's
 * @throws ErlangError `badarg` for what is not a socket
 * @throws ThrownValue `{invalid, {socket_option, Opt}}` (Erlang's throw class) for an option
 *   that is no `[Level, Name]` pair, as OTP 25's socket module throws it
 * @example
 * // ok = socket:setopt(S, {tcp, nodelay}, true),
 * // ok = socket:setopt(S, otp, rcvbuf, 65536),
 * // ok = socket:setopt(S, {otp, controlling_process}, Pid)
 * await socket.setopt(S, ['tcp', 'nodelay'], true);
 * await socket.setopt(S, 'otp', 'rcvbuf', 65536);
 * await socket.setopt(S, ['otp', 'controlling_process'], Pid);
 * @see https://www.erlang.org/docs/25/man/socket.html#setopt-3
 */
export function setopt<const O extends option>(
  s: Socket,
  opt: O,
  value: option_value<O>,
): Promise<'ok' | Error_>;
export function setopt<const L extends level, const N extends option_name<L>>(
  s: Socket,
  level: L,
  name: N,
  value: option_value<readonly [L, N]>,
): Promise<'ok' | Error_>;
export function setopt(s: Socket, ...args: readonly unknown[]): Promise<'ok' | Error_> {
  // setopt/4 is socket.erl's setopt(Socket, {Level, Key}, Value): same checks, same errors.
  const [opt, value] = args.length >= 3 ? [[args[0], args[1]], args[2]] : [args[0], args[1]];
  const proc = caller();
  const e = socketArg('setopt/3', s);
  const o = levelAndName(opt);
  if (e.closed) return Promise.resolve(closed);
  if (o[0] === 'otp' && o[1] === 'controlling_process') {
    if (e.owner !== proc) return Promise.resolve(['error', ['invalid', 'not_owner']]);
    if (!(value instanceof Pid)) return Promise.resolve(['error', ['invalid', ['socket_option', o, value]]]);
    // A dead process: OTP 25 answers ok, and the socket, whose owner is now dead, closes.
    const to = processFor(value);
    if (to === null) e.close();
    else e.setOwner(to);
    return Promise.resolve('ok');
  }
  return Promise.resolve(setOption(e, o, value));
}

/** What socket.erl throws for an option that is no `{Level, Name}` of two atoms. */
function badOption(opt: unknown): ThrownValue {
  return new ThrownValue(['invalid', ['socket_option', opt]]);
}

/**
 * An option of getopt/2 or setopt/3: `{Level, Name}`, two atoms; anything else is thrown as
 * `{invalid, {socket_option, Opt}}`, as OTP 25's socket module throws it.
 */
function levelAndName(opt: unknown): readonly [string, string] {
  const tuple = Array.isArray(opt) && !isList(opt);
  if (tuple && opt.length === 2 && typeof opt[0] === 'string' && typeof opt[1] === 'string') {
    return opt as [string, string];
  }
  throw badOption(opt);
}
