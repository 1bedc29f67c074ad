/**
 * socket:i/0,1,2 — the socket table printer, ported from OTP 25's socket.erl.
 *
 * One row per socket in the registry (optionally only one domain, type or protocol), one
 * column per info key; every cell is a string, and each column is as wide as its widest cell
 * (the header's included), each followed by one space — OTP's format is `"~-Ns "` per column:
 *
 *   Domain Type   Protocol Fd Owner   Local Address   Remote Address  Recv Sent State
 *   inet   STREAM TCP      18 <0.9.0> localhost:47267                 0    0    BD:LG , CD
 *
 * The rows are read through the socket module's own calls (`which_sockets`, `info`,
 * `sockname`, `peername`, `getopt`), handed in by socket/index.ts as {@link SocketCalls}, so
 * that this file does not import the module that re-exports it (scripts/check-deps.mjs
 * allows no import cycle). The port names of the address columns come from the services
 * file, as OTP's `inet:getservbyport/2` reads it through the C library.
 */
import { ErlangError, io } from 'erlts';
import { describe } from '../../runtime/internal/driver-api.js';
import { ntoa } from '../../inet/internal/address.js';
import { servicesByPort, type Services } from '../../inet/internal/services.js';

export { parseServices, type Services } from '../../inet/internal/services.js';
import type { Socket } from './esocket.js';

/** The calls of the socket module the table is read through (socket/index.ts passes its own). */
export interface SocketCalls {
  which_sockets(filter?: unknown): readonly Socket[];
  info(s: Socket): Record<string, unknown>;
  sockname(s: Socket): Promise<readonly unknown[]>;
  peername(s: Socket): Promise<readonly unknown[]>;
  getopt(s: Socket, opt: readonly [string, string]): Promise<readonly unknown[]>;
}

const DEFAULT_KEYS = [
  'domain',
  'type',
  'protocol',
  'fd',
  'owner',
  'local_address',
  'remote_address',
  'recv',
  'sent',
  'state',
] as const;

/** The atoms i/1 and i/2 take to choose sockets: a domain, a protocol or a type. */
const FILTERS = new Set(['inet', 'inet6', 'local', 'tcp', 'udp', 'sctp', 'dgram', 'seqpacket', 'stream']);

/**
 * Prints the table of sockets, as socket:i/0, i/1 and i/2; socket/index.ts's `i` calls this
 * with its own functions.
 * @param calls - the socket module's calls the rows are read through
 * @param keysOrFilter - absent (i/0); a list of info keys, or a domain (`inet`, `inet6`,
 *   `local`), protocol (`tcp`, `udp`, `sctp`) or type (`stream`, `dgram`, `seqpacket`) (i/1);
 *   with `keys`, the domain, protocol or type (i/2)
 * @param keys - the info keys of i/2: `domain`, `type`, `protocol`, `fd`, `owner`,
 *   `local_address`, `remote_address`, `recv`, `sent`, `state`; any other atom is a column
 *   of `" "` cells
 * @returns `ok`, once the table is printed to standard_io (nothing at all when no socket
 *   is chosen)
 * @throws ErlangError `function_clause` for an argument none of i/1, i/2 takes, as OTP;
 *   `badarg` for a key that is not an atom (when there is a row to print)
 * @example
 * // socket:i([domain, type, protocol, state])
 * await printSockets(calls, ['domain', 'type', 'protocol', 'state']);
 * @see https://www.erlang.org/docs/25/man/socket.html#i-0
 */
export async function printSockets(
  calls: SocketCalls,
  keysOrFilter?: unknown,
  keys?: unknown,
): Promise<'ok'> {
  const [filter, infoKeys] = chosen(keysOrFilter, keys);
  const sockets = filter === undefined ? calls.which_sockets() : calls.which_sockets(filter);
  const rows: string[][] = [];
  for (const s of sockets) rows.push(await row(calls, s, infoKeys));
  // OTP names the columns only once the rows are read: no row, no header (and no check of it).
  const lines = rows.length === 0 ? [] : [headerLine(infoKeys), ...rows];
  const widths = infoKeys.map((_, c) => Math.max(0, ...lines.map((line) => charCount(line[c] ?? ''))));
  const fmt = `${widths.map((n) => `~-${n}s `).join('')}~n`;
  for (const line of lines) io.format(fmt, line);
  return 'ok';
}

/** The filter and the keys of an i/0,1,2 call, or the function_clause error OTP raises. */
function chosen(keysOrFilter: unknown, keys: unknown): [string | undefined, readonly unknown[]] {
  if (keys === undefined) {
    if (keysOrFilter === undefined) return [undefined, DEFAULT_KEYS];
    if (Array.isArray(keysOrFilter)) return [undefined, keysOrFilter];
    if (isFilter(keysOrFilter)) return [keysOrFilter, DEFAULT_KEYS];
    throw new ErlangError(
      'function_clause',
      `socket:i/1: not a list of info keys, a domain, a protocol or a type: ${describe(keysOrFilter)}`,
    );
  }
  if (isFilter(keysOrFilter) && Array.isArray(keys)) return [keysOrFilter, keys];
  throw new ErlangError(
    'function_clause',
    `socket:i/2: needs a domain, protocol or type and a list of info keys, got ${describe(keysOrFilter)} and ${describe(keys)}`,
  );
}

function isFilter(x: unknown): x is string {
  return typeof x === 'string' && FILTERS.has(x);
}

async function row(calls: SocketCalls, s: Socket, keys: readonly unknown[]): Promise<string[]> {
  // As OTP: most columns come from one info map, read once per socket.
  const info = calls.info(s);
  const cells: string[] = [];
  for (const key of keys) cells.push(await cell(calls, s, info, key));
  return cells;
}

/** One cell: OTP's i_socket_info/4, with `" "` where it has nothing to say. */
async function cell(
  calls: SocketCalls,
  s: Socket,
  info: Record<string, unknown>,
  key: unknown,
): Promise<string> {
  const proto = info['protocol'];
  switch (key) {
    case 'domain':
      return 'domain' in info ? String(info['domain']) : ' ';
    case 'type':
      return 'type' in info ? toUpper(String(info['type'])) : ' ';
    case 'protocol':
      return 'type' in info ? toUpper(String(proto)) : ' ';
    case 'fd':
      try {
        const r = await calls.getopt(s, ['otp', 'fd']);
        return r[0] === 'ok' && Number.isInteger(r[1]) ? String(r[1]) : ' ';
      } catch {
        return ' ';
      }
    case 'owner':
      return 'owner' in info ? String(info['owner']) : ' ';
    case 'local_address': {
      // OTP catches nothing here: sockname raises only for a term that is no socket.
      const r = await calls.sockname(s);
      return r[0] === 'ok' ? formatSockaddr(r[1], proto, servicesByPort()) : ' ';
    }
    case 'remote_address':
      try {
        const r = await calls.peername(s);
        return r[0] === 'ok' ? formatSockaddr(r[1], proto, servicesByPort()) : ' ';
      } catch {
        return ' ';
      }
    case 'recv':
      return counter(info, 'read_byte');
    case 'sent':
      return counter(info, 'write_byte');
    case 'state': {
      const r = info['rstates'];
      const w = info['wstates'];
      return Array.isArray(r) && Array.isArray(w) ? formatStates(r, w) : ' ';
    }
    default:
      return ' ';
  }
}

function counter(info: Record<string, unknown>, name: string): string {
  const counters = info['counters'] as Record<string, unknown> | undefined;
  const n = counters?.[name];
  return n === undefined ? ' ' : String(n);
}

/**
 * The state cell: the read states, then the write states, each abbreviated (`BD:LG`), with
 * OTP's own separators — `" , "` between both, `", -"` and `" - , "` when one is empty.
 * @example
 * formatStates(['bound', 'listening'], ['connected']); // 'BD:LG , CD'
 */
export function formatStates(rstates: readonly unknown[], wstates: readonly unknown[]): string {
  if (rstates.length === 0 && wstates.length === 0) return ' ';
  if (wstates.length === 0) return `${stateList(rstates)}, -`;
  if (rstates.length === 0) return ` - , ${stateList(wstates)}`;
  return `${stateList(rstates)} , ${stateList(wstates)}`;
}

const STATE_ABBREVIATIONS: Record<string, string> = {
  accepting: 'A',
  bound: 'BD',
  busy: 'BY',
  connected: 'CD',
  connecting: 'CG',
  listen: 'LN',
  listening: 'LG',
  open: 'O',
  selected: 'SD',
};

function stateList(states: readonly unknown[]): string {
  // OTP's fmt_state/1 takes atoms only: string:uppercase of any other state.
  return states.map((st) => STATE_ABBREVIATIONS[String(st)] ?? String(st).toUpperCase()).join(':');
}

/**
 * The header line: each key's name with its first letter upper-cased and `_x` as `" X"`
 * (`local_address` → `Local Address`), as OTP's header_field/1.
 * @throws ErlangError `badarg` for a key that is not an atom (atom_to_list/1),
 *   `function_clause` for the empty atom
 */
function headerLine(keys: readonly unknown[]): string[] {
  return keys.map((key) => {
    if (typeof key !== 'string' && typeof key !== 'boolean') {
      throw new ErlangError('badarg', `socket:i: an info key must be an atom, got ${describe(key)}`);
    }
    const [first, ...rest] = [...String(key)];
    if (first === undefined)
      throw new ErlangError('function_clause', "socket:i: the info key '' has no name");
    let field = toUpper(first);
    for (let k = 0; k < rest.length; k++) {
      const c = rest[k] as string;
      const next = rest[k + 1];
      if (c === '_' && next !== undefined) {
        field += ` ${toUpper(next)}`;
        k++;
      } else {
        field += c;
      }
    }
    return field;
  });
}

/** OTP's string:to_upper/1: ISO Latin-1 letters only, everything else as it is. */
function toUpper(text: string): string {
  let out = '';
  for (const c of text) {
    const code = c.codePointAt(0) as number;
    const lower = (code >= 0x61 && code <= 0x7a) || (code >= 0xe0 && code <= 0xfe && code !== 0xf7);
    out += lower ? String.fromCodePoint(code - 0x20) : c;
  }
  return out;
}

/** The length of an Erlang string: characters, not UTF-16 units. */
function charCount(text: string): number {
  let n = 0;
  for (const _ of text) n++;
  return n;
}

/**
 * An address cell: `*` for the any address, `localhost` for the loopback one, else the address
 * as inet:ntoa writes it; then the port, as `Name (Port)` when the services file names it.
 * A local address is `local:` and its path.
 * @param addr - a sockaddr map, as sockname/peername give it
 * @param proto - the socket's protocol, whose service names count
 * @param services - the services file's names (see {@link parseServices})
 * @example
 * formatSockaddr({ family: 'inet', addr: [127, 0, 0, 1], port: 22 }, 'tcp', parseServices('ssh 22/tcp'));
 * // 'localhost:ssh (22)'
 */
export function formatSockaddr(addr: unknown, proto: unknown, services: Services): string {
  const m = (addr ?? {}) as { family?: unknown; addr?: unknown; port?: unknown; path?: unknown };
  if (m.family === 'local') {
    // OTP prints the path's bytes (binary_to_list/1), one character each.
    return `local:${Buffer.isBuffer(m.path) ? m.path.toString('latin1') : String(m.path)}`;
  }
  const ip = Array.isArray(m.addr) ? (m.addr as number[]) : [];
  const port = fmtPort(m.port, proto, services);
  if (ip.every((x) => x === 0)) return `*:${port}`;
  const loopback = ip.length === 4 ? [127, 0, 0, 1] : [0, 0, 0, 0, 0, 0, 0, 1];
  if (ip.every((x, k) => x === loopback[k])) return `localhost:${port}`;
  return `${String(ntoa(ip))}:${port}`;
}

function fmtPort(port: unknown, proto: unknown, services: Services): string {
  const name = services.get(`${String(port)}/${String(proto)}`);
  return name === undefined ? String(port) : `${name} (${String(port)})`;
}
