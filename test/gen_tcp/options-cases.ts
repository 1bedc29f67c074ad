/**
 * The differential table for the gen_tcp/inet option model: each case is one option list
 * given to `gen_tcp:listen/2`, `gen_tcp:connect/4` or `inet:setopts/2`, written once as a JS
 * term (DESIGN §2) and printed to Erlang by `erlTerm`.
 */
import { List } from 'erlts';

/** Which OTP function a case exercises. */
export type Fn = 'listen' | 'connect' | 'setopts';

/** One option list and the option names read back after it succeeds. */
export interface OptionCase {
  readonly fn: Fn;
  readonly opts: readonly unknown[];
  /** Extra names to read back (the common set is always read). */
  readonly read?: readonly string[];
  /** Names not to read back (kernel-dependent values). */
  readonly skip?: readonly string[];
}

/** Names read back after every successful case: none depends on the kernel. */
export const commonNames = [
  'active',
  'mode',
  'packet',
  'packet_size',
  'header',
  'nodelay',
  'keepalive',
  'reuseaddr',
  'exit_on_close',
  'show_econnreset',
  'send_timeout',
  'send_timeout_close',
  'delay_send',
  'high_watermark',
  'low_watermark',
  'high_msgq_watermark',
  'low_msgq_watermark',
  'deliver',
  'linger',
  'buffer',
  'priority',
  'debug',
  'dontroute',
  'recvtos',
] as const;

/** Prints a JS term as Erlang source: strings are atoms, arrays tuples, the top list a list. */
export function erlTerm(v: unknown): string {
  if (typeof v === 'string') return `'${v.replace(/'/g, "\\'")}'`;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Buffer.isBuffer(v)) return `<<${[...v].join(',')}>>`;
  if (v instanceof List) return `[${v.map(erlTerm).join(',')}]`;
  if (Array.isArray(v)) return `{${v.map(erlTerm).join(',')}}`;
  if (typeof v === 'object' && v !== null) {
    return `#{${Object.entries(v)
      .map(([k, x]) => `${k} => ${erlTerm(x)}`)
      .join(', ')}}`;
  }
  throw new Error(`no Erlang form for ${String(v)}`);
}

/** Option lists that every function is tried with. */
const shared: readonly (readonly unknown[])[] = [
  [],
  [['active', 40000]],
  [['active', 32767]],
  [['active', -32768]],
  [['active', -32769]],
  [['active', 0]],
  [['active', -5]],
  [['active', 5]],
  [['active', 'once']],
  [['active', false]],
  [['active', 'foo']],
  [['active', 1.5]],
  [['actve', true]],
  [['bogus', 1]],
  [['packet', 3]],
  [['packet', -1]],
  [['packet', 'line']],
  [['packet', 'http_bin']],
  [['packet', 'asn1']],
  [['packet', 'raw']],
  [['packet', 1]],
  [['packet', 2]],
  [['packet', 4]],
  [['packet', 'tpkt']],
  [['packet', 'httph']],
  [['packet', 'sunrm']],
  [['packet', 'cdr']],
  [['packet', 'fcgi']],
  [['packet', 'http']],
  [['packet', 'httph_bin']],
  [['mode', 'binary']],
  [['mode', 'foo']],
  ['binary'],
  ['list'],
  ['foo'],
  ['binary', ['mode', 'list']],
  ['list', 'binary'],
  [['packet_size', -1]],
  [['packet_size', 2147483648]],
  [['packet_size', 1000]],
  [['header', -1]],
  [['header', 10]],
  [['header', 1], 'binary'],
  [['line_delimiter', 59]],
  [['line_delimiter', 'x']],
  [['nodelay', 1]],
  [['nodelay', true]],
  [['keepalive', 'yes']],
  [['keepalive', true]],
  [['reuseaddr', true]],
  [['backlog', 5]],
  [['backlog', -1]],
  [['ip', [127, 0, 0, 1]]],
  [['ip', 'any']],
  [['ip', 'loopback']],
  [['ifaddr', [127, 0, 0, 1]]],
  [['ip', [127, 0, 0, 1, 1]]],
  [['ip', [256, 0, 0, 1]]],
  [['ifaddr', { family: 'inet', addr: [127, 0, 0, 1], port: 0 }]],
  [['ifaddr', { family: 'inet', addr: 'loopback', port: 0 }]],
  [['port', 0]],
  [['port', -1]],
  [['port', 70000]],
  ['inet'],
  ['local'],
  [['ipv6_v6only', true]],
  [['tclass', 1]],
  [['exit_on_close', false]],
  [['show_econnreset', true]],
  [['send_timeout', 10]],
  [['send_timeout', -1]],
  [['send_timeout', 'infinity']],
  [['send_timeout', 'foo']],
  [['send_timeout_close', true]],
  [['delay_send', true]],
  [['high_watermark', 100]],
  [['high_watermark', -1]],
  [['low_watermark', 100000]],
  [
    ['high_watermark', 1000],
    ['low_watermark', 2000],
  ],
  [
    ['low_watermark', 100000],
    ['high_watermark', 10],
  ],
  [['high_msgq_watermark', 100]],
  [['high_msgq_watermark', 0]],
  [['low_msgq_watermark', 1]],
  [['low_msgq_watermark', 0]],
  [['low_msgq_watermark', 100000]],
  [['linger', [true, 0]]],
  [['linger', [true, 5]]],
  [['linger', [false, 5]]],
  [['linger', true]],
  [['linger', [1, 0]]],
  [['buffer', 1000]],
  [['buffer', -1]],
  [['buffer', 0]],
  [['recbuf', 100000]],
  [
    ['buffer', 100],
    ['recbuf', 100000],
  ],
  [['priority', 1]],
  [['priority', -1]],
  [['deliver', 'port']],
  [['deliver', 'term']],
  [['deliver', 'foo']],
  [['inet_backend', 'inet']],
  [['inet_backend', 'foo']],
  ['binary', ['inet_backend', 'inet']],
  [
    ['inet_backend', 'inet'],
    ['inet_backend', 'inet'],
  ],
  [['tcp_module', 'inet_tcp']],
  [['fd', 'foo']],
  [['active']],
  [['active', true, 1]],
  [['raw', 6, 1, Buffer.alloc(4)]],
  [['bind_to_device', Buffer.from('lo')]],
  [['reuseport', true]],
  [['exclusiveaddruse', true]],
  [['dontroute', true]],
  [['recvtos', true]],
  [
    ['active', 'once'],
    ['active', 5],
  ],
  [
    ['active', 5],
    ['active', 3],
  ],
  [
    ['active', 5],
    ['active', -3],
  ],
  [
    ['active', 32767],
    ['active', 1],
  ],
  [
    ['active', 5],
    ['active', 'once'],
    ['active', 2],
  ],
  [
    ['packet', 2],
    ['packet', 'raw'],
  ],
  [
    ['packet', 2],
    ['bogus', 1],
  ],
  [
    ['packet', 2],
    ['active', 40000],
  ],
  ['inet', 'inet6'],
  [
    ['show_econnreset', true],
    ['exit_on_close', false],
    ['delay_send', true],
    ['send_timeout_close', true],
    ['nodelay', true],
    ['keepalive', true],
    ['reuseaddr', true],
  ],
  [['active', 'once'], ['packet', 2], 'binary', ['header', 2], ['packet_size', 512], ['deliver', 'port']],
];

/** The whole table: every shared list against each function, plus a few specific ones. */
export const optionCases: readonly OptionCase[] = [
  ...(['listen', 'connect', 'setopts'] as const).flatMap((fn) => shared.map((opts) => ({ fn, opts }))),
  { fn: 'setopts', opts: [['tos', 16]], read: ['tos'] },
  { fn: 'connect', opts: [['tos', 16]], read: ['tos'] },
];
