/**
 * socket:getopt/setopt: the options erlts's sockets know, by level. An option is either
 * applied to Node (nodelay, keepalive, linger 0 on close, the datagram buffer sizes, ttl,
 * broadcast), read from the socket (type, domain, protocol, acceptconn, controlling_process),
 * or kept and read back as set where Node has no call for it (docs/DEVIATIONS.md lists which).
 * `supports(options)` reports as supported only the applied and read ones.
 */
import type { ESocket } from './esocket.js';

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
const lingerValue = (v: unknown): boolean =>
  v === 'abort' ||
  (typeof v === 'object' &&
    v !== null &&
    bool((v as { onoff?: unknown }).onoff) &&
    nonNeg((v as { linger?: unknown }).linger));

const specs: Record<string, OptionSpec> = {
  'socket.type': { valid: () => false, settable: false, real: true, initial: (e) => e.type },
  'socket.domain': { valid: () => false, settable: false, real: true, initial: (e) => e.domain },
  'socket.protocol': { valid: () => false, settable: false, real: true, initial: (e) => e.protocol },
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
    initial: (e) => (e.type === 'dgram' ? 212992 : 131072),
    apply: (e, v) => e.dgram?.sock.setRecvBufferSize(v as number),
  },
  'socket.sndbuf': {
    valid: nonNeg,
    settable: true,
    real: false,
    initial: (e) => (e.type === 'dgram' ? 212992 : 16384),
    apply: (e, v) => e.dgram?.sock.setSendBufferSize(v as number),
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
  'otp.debug': { valid: bool, settable: true, real: false, initial: () => false },
  'otp.iow': { valid: bool, settable: true, real: false, initial: () => false },
  'otp.rcvbuf': { valid: nonNeg, settable: true, real: false, initial: () => 8192 },
  'otp.fd': { valid: () => false, settable: false, real: true, initial: (e) => e.fd() },
  'otp.use_registry': { valid: () => false, settable: false, real: true, initial: (e) => e.useRegistry },
};

/** Which options apply to which socket types. */
function fits(key: string, e: ESocket): boolean {
  if (key.startsWith('tcp.')) return e.type === 'stream';
  if (key === 'socket.broadcast') return e.type === 'dgram';
  if (key.startsWith('ipv6.')) return e.domain === 'inet6';
  if (key.startsWith('ip.')) return e.domain === 'inet';
  return true;
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
export function getOption(e: ESocket, opt: unknown): readonly ['ok', unknown] | readonly ['error', unknown] {
  const key = keyOf(opt);
  const spec = key === null ? undefined : specs[key];
  if (key === null || spec === undefined || !fits(key, e))
    return ['error', ['invalid', ['socket_option', opt]]];
  return ['ok', e.options.has(key) ? e.options.get(key) : spec.initial(e)];
}

/**
 * socket:setopt/3 for options other than controlling_process.
 * @returns `ok`, or `{error, {invalid, {socket_option, Opt}}}` / `{..., Opt, Value}}` for a bad value
 */
export function setOption(e: ESocket, opt: unknown, value: unknown): 'ok' | readonly ['error', unknown] {
  const key = keyOf(opt);
  const spec = key === null ? undefined : specs[key];
  if (key === null || spec === undefined || !fits(key, e) || !spec.settable) {
    return ['error', ['invalid', ['socket_option', opt]]];
  }
  if (!spec.valid(value)) return ['error', ['invalid', ['socket_option', opt, value]]];
  // Linux doubles the buffer sizes asked, and reports the doubled size.
  const stored = key === 'socket.rcvbuf' || key === 'socket.sndbuf' ? 2 * (value as number) : value;
  e.options.set(key, stored);
  spec.apply?.(e, value);
  return 'ok';
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
