/**
 * `inet:getifaddrs/0` from `node:os`'s `networkInterfaces()`, completed on
 * Linux from `/sys/class/net`.
 *
 * OTP reads getifaddrs(3): every interface (up or down, with or without an
 * address) in kernel order, its flags, each address with its netmask and, for
 * IPv4 on a broadcast interface, its broadcast address, then the link-layer
 * address. Node gives less: only interfaces that are up and running and have
 * an address, no flags (only `internal` for loopback), no broadcast or
 * point-to-point address. So on Linux each interface's flags, index (for
 * OTP's order), hardware address and the interfaces Node leaves out come from
 * sysfs; the addresses always come from Node.
 *
 * What stays out of reach (documented in docs/DEVIATIONS.md):
 * - `{dstaddr, A}` of point-to-point links: neither Node nor sysfs has it,
 *   so such interfaces get no `dstaddr` (their flags still say `pointtopoint`).
 * - `{broadaddr, B}` is computed as `addr | ~netmask`, the kernel's default;
 *   a broadcast address configured to something else is not seen.
 * - Without sysfs (macOS, Windows, or a Linux without /sys): only Node's
 *   interfaces are listed, in Node's order; flags are inferred as
 *   `[up, loopback, running]` for loopback and `[up, broadcast, running,
 *   multicast]` otherwise, and the hardware address is Node's `mac` (omitted
 *   for loopback, which has none outside Linux).
 *
 * @module
 */
import { readdirSync, readFileSync } from 'node:fs';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { List, list } from 'erlts';

/** A getifaddrs option: `['flags', List]`, `['addr', A]`, `['netmask', M]`, ... */
export type IfOpt =
  | ['flags', List<string>]
  | ['addr', number[]]
  | ['netmask', number[]]
  | ['broadaddr', number[]]
  | ['dstaddr', number[]]
  | ['hwaddr', List<number>];

// Linux IFF_* bits (linux/if.h).
const IFF_UP = 0x1;
const IFF_BROADCAST = 0x2;
const IFF_LOOPBACK = 0x8;
const IFF_POINTOPOINT = 0x10;
const IFF_MULTICAST = 0x1000;

/** One interface as sysfs describes it. */
interface SysInterface {
  readonly index: number;
  readonly flags: number;
  readonly running: boolean;
  readonly hwaddr: number[] | undefined;
}

function readSys(dir: string, file: string): string | undefined {
  try {
    return readFileSync(`${dir}/${file}`, 'utf8').trim();
  } catch {
    return undefined;
  }
}

/** Every interface sysfs knows, by name; `undefined` when there is no sysfs. */
function sysInterfaces(): Map<string, SysInterface> | undefined {
  let names: string[];
  try {
    names = readdirSync('/sys/class/net');
  } catch {
    return undefined;
  }
  const out = new Map<string, SysInterface>();
  for (const name of names) {
    const dir = `/sys/class/net/${name}`;
    const index = Number(readSys(dir, 'ifindex'));
    const flags = Number.parseInt(readSys(dir, 'flags') ?? '', 16);
    if (!Number.isInteger(index) || !Number.isInteger(flags)) continue;
    // The kernel's IFF_RUNNING (dev_get_flags): up, and operationally up or unknown.
    const oper = readSys(dir, 'operstate');
    const running = (flags & IFF_UP) !== 0 && (oper === 'up' || oper === 'unknown');
    const address = readSys(dir, 'address');
    const hwaddr =
      address !== undefined && /^[0-9a-f]{2}(:[0-9a-f]{2})*$/i.test(address)
        ? address.split(':').map((h) => Number.parseInt(h, 16))
        : undefined;
    out.set(name, { index, flags, running, hwaddr });
  }
  return out;
}

/** OTP's flag atoms in OTP's order (inet_drv's bitenumlist). */
function flagAtoms(flags: number, running: boolean): List<string> {
  const out = new List<string>();
  if (flags & IFF_UP) out.push('up');
  if (flags & IFF_BROADCAST) out.push('broadcast');
  if (flags & IFF_LOOPBACK) out.push('loopback');
  if (flags & IFF_POINTOPOINT) out.push('pointtopoint');
  if (running) out.push('running');
  if (flags & IFF_MULTICAST) out.push('multicast');
  return out;
}

function ipv4Tuple(text: string): number[] {
  return text.split('.').map(Number);
}

function ipv6Tuple(text: string): number[] {
  const zone = text.indexOf('%');
  const bare = zone < 0 ? text : text.slice(0, zone);
  const [head = '', tail] = bare.split('::');
  const words = (s: string | undefined): number[] =>
    s === undefined || s === '' ? [] : s.split(':').map((w) => Number.parseInt(w, 16));
  const front = words(head);
  if (tail === undefined) return front;
  const back = words(tail);
  return [...front, ...new Array<number>(8 - front.length - back.length).fill(0), ...back];
}

function macBytes(mac: string): number[] {
  return mac.split(':').map((h) => Number.parseInt(h, 16));
}

/** The address options of one Node address entry, in OTP's order. */
function addressOpts(entry: NetworkInterfaceInfo, broadcast: boolean): IfOpt[] {
  if (entry.family === 'IPv4') {
    const addr = ipv4Tuple(entry.address);
    const mask = ipv4Tuple(entry.netmask);
    const opts: IfOpt[] = [
      ['addr', addr],
      ['netmask', mask],
    ];
    if (broadcast) opts.push(['broadaddr', addr.map((b, i) => (b | ~(mask[i] ?? 0)) & 0xff)]);
    return opts;
  }
  return [
    ['addr', ipv6Tuple(entry.address)],
    ['netmask', ipv6Tuple(entry.netmask)],
  ];
}

/**
 * The machine's network interfaces with their flags and addresses.
 *
 * @returns `['ok', Iflist]`: a `List` of `[Ifname, List of Ifopt]` where
 *   Ifname is a JS string and each Ifopt is `['flags', List of Flag]`,
 *   `['addr', A]`, `['netmask', M]`, `['broadaddr', B]` or
 *   `['hwaddr', List of byte]`, in OTP's order: flags first, then each address
 *   followed by its netmask (and broadcast address), hwaddr last. Flags are
 *   among `up`, `broadcast`, `loopback`, `pointtopoint`, `running`,
 *   `multicast`. Never fails on a machine Node runs on.
 * @example
 * // {ok, [{"lo", [{flags, [up, loopback, running]}, {addr, {127,0,0,1}} | _]} | _]} = inet:getifaddrs()
 * const [ok, ifs] = inet.getifaddrs();
 * @see https://www.erlang.org/doc/man/inet.html#getifaddrs-0
 */
export function getifaddrs(): ['ok', List<[string, List<IfOpt>]>] {
  const node = networkInterfaces();
  const sys = sysInterfaces();
  const names = Object.keys(node);
  if (sys !== undefined) {
    for (const name of sys.keys()) if (!names.includes(name)) names.push(name);
    // OTP lists interfaces in kernel order, which is interface index order.
    names.sort((a, b) => (sys.get(a)?.index ?? Infinity) - (sys.get(b)?.index ?? Infinity));
  }
  const out = new List<[string, List<IfOpt>]>();
  for (const name of names) {
    const entries = node[name] ?? [];
    const known = sys?.get(name);
    const loopback = entries.some((e) => e.internal);
    const flags =
      known !== undefined
        ? flagAtoms(known.flags, known.running)
        : loopback
          ? list('up', 'loopback', 'running')
          : list('up', 'broadcast', 'running', 'multicast');
    const broadcast = flags.includes('broadcast');
    const opts = new List<IfOpt>();
    opts.push(['flags', flags]);
    for (const entry of entries) opts.push(...addressOpts(entry, broadcast));
    const hwaddr =
      known !== undefined
        ? known.hwaddr
        : !loopback && entries[0] !== undefined
          ? macBytes(entries[0].mac)
          : undefined;
    if (hwaddr !== undefined && hwaddr.length > 0) opts.push(['hwaddr', list(...hwaddr)]);
    out.push([name, opts]);
  }
  return ['ok', out];
}
