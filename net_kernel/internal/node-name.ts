/**
 * Node names as net_kernel makes them (net_kernel:create_name/3): `name@host`, the host part
 * from this machine's name when the name has none — the short host name for `shortnames`
 * (`erl -sname a` on host `vm.example.org` is `a@vm`), host and DNS domain for `longnames`.
 *
 * The rules, as OTP 25:
 * - the part before the first `@` matches `^[0-9A-Za-z_\-]+$`, else "Invalid node name!";
 * - a given host part is characters `!`..`ÿ` (no space, no control character), else "Invalid
 *   node name!"; under `shortnames` it has no `.`, else "Can't set short node name!";
 * - without a host part, `shortnames` takes the host name up to its first dot, `longnames`
 *   that plus `.` plus the domain, and fails with "Can't set long node name!" when no domain
 *   is known.
 *
 * Where the domain comes from differs from OTP's inet_config (see the transport docs): the
 * part after the first dot of the OS host name when it has one, else `domain` in
 * /etc/resolv.conf, else the first `search` domain there.
 */
import { readFileSync } from 'node:fs';
import * as os from 'node:os';

/** `shortnames` (`erl -sname`) or `longnames` (`erl -name`). */
export type NameMode = 'shortnames' | 'longnames';

/** A name net_kernel refuses: `badarg`, with the info line OTP logs. */
export interface NameError {
  readonly error: 'badarg';
  /** What OTP's net_kernel logs (error_logger:info_msg) for it. */
  readonly log: string;
}

/** Where the host and domain of a name come from; the machine's by default (tests pass others). */
export interface HostSource {
  /** The OS host name (os.hostname()). */
  readonly hostname?: string;
  /** The text of resolv.conf; /etc/resolv.conf by default. */
  readonly resolvConf?: string | null;
}

const INVALID = 'Invalid node name!\nPlease check your configuration\n';

/**
 * The short host name: the OS host name up to its first dot, as inet_db:gethostname/0.
 * @example
 * // {ok, "vm"} = inet:gethostname()
 * shortHostname(); // 'vm'
 */
export function shortHostname(src: HostSource = {}): string {
  const full = src.hostname ?? os.hostname();
  const dot = full.indexOf('.');
  return dot < 0 ? full : full.slice(0, dot);
}

function readResolvConf(): string | null {
  try {
    return readFileSync('/etc/resolv.conf', 'utf8');
  } catch {
    return null;
  }
}

/** This host's DNS domain, or null when none is known (see the module comment). */
export function domainName(src: HostSource = {}): string | null {
  const full = src.hostname ?? os.hostname();
  const dot = full.indexOf('.');
  if (dot >= 0 && dot < full.length - 1) return full.slice(dot + 1);
  const conf = src.resolvConf === undefined ? readResolvConf() : src.resolvConf;
  if (conf === null) return null;
  let search: string | null = null;
  for (const raw of conf.split('\n')) {
    const words = raw
      .replace(/[#;].*$/, '')
      .trim()
      .split(/\s+/);
    if (words[0] === 'domain' && words[1] !== undefined) return words[1];
    if (words[0] === 'search' && words[1] !== undefined && search === null) search = words[1];
  }
  return search;
}

/**
 * The full node name for `name` under `mode`, as `net_kernel:start([Name, Mode])` makes it.
 * @param name - `a` or `a@host`
 * @returns the node name, or `badarg` with the line OTP logs
 * @example
 * // {ok, _} = net_kernel:start([a, shortnames]), 'a@vm' = node()
 * makeNodeName('a', 'shortnames'); // 'a@vm'
 * @see https://www.erlang.org/doc/man/net_kernel.html#start-2
 */
export function makeNodeName(name: string, mode: NameMode, src: HostSource = {}): string | NameError {
  const at = name.indexOf('@');
  const head = at < 0 ? name : name.slice(0, at);
  const hostPart = at < 0 ? '' : name.slice(at);
  let host: string;
  if (hostPart.length > 1) {
    if (mode === 'shortnames' && hostPart.includes('.')) {
      return { error: 'badarg', log: "Can't set short node name!\nPlease check your configuration\n" };
    }
    if (!/^[!-\u00ff]*$/u.test(hostPart.slice(1))) return { error: 'badarg', log: INVALID };
    host = hostPart;
  } else if (mode === 'shortnames') {
    const h = shortHostname(src);
    if (h.length === 0)
      return { error: 'badarg', log: "Can't set short node name!\nPlease check your configuration\n" };
    host = '@' + h;
  } else {
    const h = shortHostname(src);
    const d = domainName(src);
    if (h.length === 0 || d === null || d.length === 0) {
      return { error: 'badarg', log: "Can't set long node name!\nPlease check your configuration\n" };
    }
    host = `@${h}.${d}`;
  }
  if (!/^[0-9A-Za-z_-]+$/.test(head)) return { error: 'badarg', log: INVALID };
  const full = head + host;
  // A node name is an atom: at most 255 characters (list_to_atom/1 fails past that).
  if ([...full].length > 255) return { error: 'badarg', log: INVALID };
  return full;
}

/**
 * Splits a node name at its `@`: `['a', 'host']`, or null for a string that is no node name
 * (no `@`, more than one, or an empty part), as dist_util:is_node_name/1 judges.
 * @example
 * // {node, "a", "host"} = dist_util:split_node('a@host')
 * splitNodeName('a@host'); // ['a', 'host']
 */
export function splitNodeName(node: string): [string, string] | null {
  const parts = node.split('@');
  if (parts.length !== 2) return null;
  const [name, host] = parts as [string, string];
  return name.length > 0 && host.length > 0 ? [name, host] : null;
}
