/**
 * erlts/socket — OTP's `socket` module over Node: stream sockets (inet, inet6, local) on the
 * same Node adapters as gen_tcp's ports, datagram sockets over `node:dgram`. Calls block the
 * calling process, or with `nowait` answer with a select info and a later
 * `['$socket', S, 'select', Handle]` message, as the NIF's. What Node cannot do (raw and
 * seqpacket sockets, ancillary data, most low-level options) is refused with OTP's error and
 * listed in docs/DEVIATIONS.md; see docs/socket.md.
 *
 * The implementation is socket/internal/, by concern: connection.ts (open, bind, listen,
 * accept, connect, shutdown, close), data.ts and transfer.ts (send and recv in all their
 * forms), addresses.ts, options.ts, registry.ts (monitors, info, supports, i), esocket.ts (the
 * socket and its nowait calls), lifecycle.ts (its machines), stream.ts (a connected stream).
 *
 * @example
 * // {ok, LS} = socket:open(inet, stream, tcp),
 * // ok = socket:bind(LS, #{family => inet, addr => loopback, port => 0}),
 * // ok = socket:listen(LS)
 * import * as socket from 'erlts/socket';
 * import { match, ok } from 'erlts';
 * const LS = ok(await socket.open('inet', 'stream', 'tcp'));
 * match('ok', await socket.bind(LS, { family: 'inet', addr: 'loopback', port: 0 }));
 * match('ok', await socket.listen(LS));
 * @see https://www.erlang.org/docs/25/man/socket.html
 */
export { Socket } from './internal/esocket.js';
export {
  open,
  bind,
  listen,
  accept,
  connect,
  shutdown,
  close,
  type open_options,
  type open_fd_options,
} from './internal/connection.js';
export {
  send,
  sendto,
  sendmsg,
  sendfile,
  recv,
  recvfrom,
  recvmsg,
  cancel,
  type msg,
  type msg_send,
  type msg_recv,
  type msg_flag,
  type flags,
} from './internal/data.js';
export {
  sockname,
  peername,
  type sockaddr,
  type sockaddr_recv,
  type sockaddr_in,
  type sockaddr_in6,
  type sockaddr_un,
  type sockaddr_unspec,
} from './internal/addresses.js';
export { getopt, setopt, getopt_native, setopt_native } from './internal/options.js';
export type {
  option,
  socket_option,
  otp_socket_option,
  option_name,
  option_value,
  level,
  native_option,
  native_value,
  domain,
  type,
  protocol,
  linger,
  timeval,
  ip_mreq,
  ip_mreq_source,
  ip_msfilter,
  ipv6_mreq,
  pmtudisc,
  ipv6_hops,
  otp_rcvbuf,
} from './internal/option-types.js';
export {
  monitor,
  cancel_monitor,
  demonitor,
  number_of,
  which_sockets,
  use_registry,
  info,
  supports,
  is_supported,
  i,
  type socket_info,
  type socket_counters,
  type info_key,
  type kind_filter,
} from './internal/registry.js';
export type { SelectInfo, Select, Timeout, reason, invalid } from './internal/transfer.js';
