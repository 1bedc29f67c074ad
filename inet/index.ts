/**
 * erlts/inet — OTP's `inet` module: IP address parsing and printing, host
 * name resolution, service names, interface addresses and POSIX error texts. The socket
 * functions (setopts, getopts, peername, getstat, monitor, ...) act on gen_tcp and gen_udp
 * sockets.
 *
 * @example
 * import * as inet from 'erlts/inet';
 * inet.parse_address('::1'); // ['ok', [0, 0, 0, 0, 0, 0, 0, 1]]
 */
export {
  parse_address,
  parse_strict_address,
  parse_ipv4_address,
  parse_ipv4strict_address,
  parse_ipv6_address,
  parse_ipv6strict_address,
  ntoa,
  ipv4_mapped_ipv6_address,
  is_ip_address,
  is_ipv4_address,
  is_ipv6_address,
  type ip_address,
  type ip4_address,
  type ip6_address,
  type address_string,
} from './internal/address.js';
export {
  getaddr,
  getaddrs,
  gethostbyname,
  gethostbyaddr,
  gethostname,
  type address_family,
  type hostent,
} from './internal/hosts.js';
export { getifaddrs, type IfOpt } from './internal/ifaddrs.js';
export { getservbyname, getservbyport } from './internal/services.js';
export { format_error, type Posix } from './internal/posix.js';
export {
  setopts,
  getopts,
  port,
  sockname,
  peername,
  socknames,
  peernames,
  getstat,
  close,
  i,
  info,
  monitor,
  cancel_monitor,
  type closed_info,
} from './internal/sockets.js';
export type {
  socket_setopt,
  socket_getopt,
  socket_optval,
  socket_optvals,
  socket_address,
  local_address,
  hostname,
  port_number,
  stat_option,
  inet_backend,
  packet_type,
  returned_address,
  sockaddr_in,
  sockaddr_in6,
  sockaddr_un,
} from './internal/option-types.js';
