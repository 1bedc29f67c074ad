/**
 * Service names (`/etc/services`), as inet:getservbyname/2 and getservbyport/2 read them:
 * what gen_udp:open/2 and send/4 take for a port named by an atom (`domain`, `syslog`).
 */
import { readFileSync } from 'node:fs';
import { ErlangError } from 'erlts';
import { describe } from '../../runtime/internal/driver-api.js';

/** A services file's names by `Port/Proto`. */
export type Services = ReadonlyMap<string, string>;

interface ServiceTable {
  /** Ports by `Name/Proto`, aliases included. */
  readonly byName: ReadonlyMap<string, number>;
  /** Names by `Port/Proto`. */
  readonly byPort: Services;
}

function parse(text: string): ServiceTable {
  const byName = new Map<string, number>();
  const byPort = new Map<string, string>();
  for (const line of text.split('\n')) {
    const [name, portProto, ...aliases] = line.replace(/#.*/, '').trim().split(/\s+/);
    const m = portProto === undefined ? null : /^(\d+)\/(\S+)$/.exec(portProto);
    if (name === undefined || name === '' || m === null) continue;
    const port = Number(m[1]);
    const proto = m[2] ?? '';
    for (const n of [name, ...aliases]) if (!byName.has(`${n}/${proto}`)) byName.set(`${n}/${proto}`, port);
    if (!byPort.has(`${port}/${proto}`)) byPort.set(`${port}/${proto}`, name);
  }
  return { byName, byPort };
}

/**
 * Reads a services file's text: `name port/proto [aliases] [# comment]` per line.
 * @returns the names by `Port/Proto`; the first line for a port and protocol wins, as the
 *   C library's getservbyport(3) finds it
 * @example
 * parseServices('ssh 22/tcp # SSH').get('22/tcp'); // 'ssh'
 */
export function parseServices(text: string): Services {
  return parse(text).byPort;
}

function servicesPath(): string {
  return process.platform === 'win32'
    ? `${process.env['SystemRoot'] ?? 'C:\\Windows'}\\System32\\drivers\\etc\\services`
    : '/etc/services';
}

/** The services file, read once, at the first name asked (none when there is no file). */
let table: ServiceTable | null = null;

function services(): ServiceTable {
  if (table !== null) return table;
  let text = '';
  try {
    text = readFileSync(servicesPath(), 'latin1');
  } catch {
    // No services file: no names resolve, as on a system without one.
  }
  table = parse(text);
  return table;
}

/** The services file's names by `Port/Proto`. */
export function servicesByPort(): Services {
  return services().byPort;
}

function protocolArg(fn: string, protocol: unknown): string {
  if (typeof protocol === 'string') return protocol;
  throw new ErlangError('badarg', `${fn}: the protocol must be an atom: ${describe(protocol)}`);
}

/**
 * The port of a service.
 * @param name - the service's name, an atom or a string (`domain`, `"syslog"`)
 * @param protocol - `tcp`, `udp` or `sctp`
 * @returns `{ok, Port}` or `{error, einval}` for a name the services file does not have
 * @example
 * // {ok, 53} = inet:getservbyname(domain, udp)
 * inet.getservbyname('domain', 'udp'); // ['ok', 53]
 * @see https://www.erlang.org/docs/25/man/inet.html#getservbyname-2
 */
export function getservbyname(
  name: string | readonly number[],
  protocol: string,
): readonly ['ok', number] | readonly ['error', 'einval'] {
  const proto = protocolArg('inet:getservbyname/2', protocol);
  const key =
    typeof name === 'string'
      ? name
      : Array.isArray(name)
        ? Buffer.from(name as number[]).toString('latin1')
        : undefined;
  if (key === undefined)
    throw new ErlangError('badarg', `inet:getservbyname/2: not a name: ${describe(name)}`);
  const port = services().byName.get(`${key}/${proto}`);
  return port === undefined ? ['error', 'einval'] : ['ok', port];
}

/**
 * The name of the service on a port.
 * @param port - the port number
 * @param protocol - `tcp`, `udp` or `sctp`
 * @returns `{ok, Name}` (a string: a list of characters in Erlang) or `{error, einval}`
 * @example
 * // {ok, "domain"} = inet:getservbyport(53, udp)
 * inet.getservbyport(53, 'udp'); // ['ok', 'domain']
 * @see https://www.erlang.org/docs/25/man/inet.html#getservbyport-2
 */
export function getservbyport(
  port: number,
  protocol: string,
): readonly ['ok', string] | readonly ['error', 'einval'] {
  const proto = protocolArg('inet:getservbyport/2', protocol);
  if (!Number.isInteger(port))
    throw new ErlangError('badarg', `inet:getservbyport/2: not a port: ${describe(port)}`);
  const name = services().byPort.get(`${port}/${proto}`);
  return name === undefined ? ['error', 'einval'] : ['ok', name];
}
