/**
 * The types of socket:getopt/setopt: every `{Level, Name}` OTP 25's `socket:socket_option()`
 * and `otp_socket_option()` name, and the value each one takes and reads, as the socket usage
 * guide gives them, so that `setopt(S, ['tcp', 'nodelay'], 1)` or `['tcp', 'nodely']` fails to
 * compile. The option names are OTP's whole tables: an option erlts does not know compiles and
 * answers `{error, {invalid, {socket_option, Opt}}}`, as it does to a JS caller.
 */
import type { Pid } from 'erlts';
import type { ip4_address, ip6_address } from '../../inet/internal/address.js';

/** `socket:domain()`. */
export type domain = 'inet' | 'inet6' | 'local' | 'unspec';
/** `socket:type()`. */
export type type = 'stream' | 'dgram' | 'raw' | 'rdm' | 'seqpacket';
/** `socket:protocol()`: a protocol's name, as the system's protocols file has it (`tcp`, `udp`, ...). */
export type protocol = string;

/** `socket:linger()`: SO_LINGER. */
export interface linger {
  readonly onoff: boolean;
  readonly linger: number;
}
/** `socket:timeval()`. */
export interface timeval {
  readonly sec: number;
  readonly usec: number;
}
/** `socket:ip_mreq()`. */
export interface ip_mreq {
  readonly multiaddr: ip4_address;
  readonly interface: ip4_address;
}
/** `socket:ip_mreq_source()`. */
export interface ip_mreq_source extends ip_mreq {
  readonly sourceaddr: ip4_address;
}
/** `socket:ip_msfilter()`. */
export interface ip_msfilter {
  readonly multiaddr: ip4_address;
  readonly interface: ip4_address;
  readonly mode: 'include' | 'exclude';
  readonly slist: readonly ip4_address[];
}
/** `socket:ipv6_mreq()`. */
export interface ipv6_mreq {
  readonly multiaddr: ip6_address;
  readonly interface: number;
}
/** `socket:ip_pmtudisc()` and `ipv6_pmtudisc()`. */
export type pmtudisc = 'want' | 'dont' | 'do' | 'probe';
/** `socket:ipv6_hops()`. */
export type ipv6_hops = 'default' | number;

/** `{otp, rcvbuf}`: `default`, a size, or `{N, Size}`. */
export type otp_rcvbuf = 'default' | number | readonly [number, number];

/**
 * The value of each option, by `Level.Name`, as setopt takes it and getopt gives it: as erlts
 * checks it for the options it knows (`{ip, tos}` an integer), as OTP's guide gives it for the
 * others. Options whose value the guide leaves open are `unknown`.
 */
interface OptionValues {
  'otp.debug': boolean;
  'otp.iow': boolean;
  'otp.controlling_process': Pid;
  'otp.rcvbuf': otp_rcvbuf;
  'otp.rcvctrlbuf': 'default' | number;
  'otp.sndctrlbuf': 'default' | number;
  'otp.meta': unknown;
  'otp.use_registry': boolean;
  'otp.fd': number;
  'otp.domain': domain;

  'socket.acceptconn': boolean;
  'socket.bindtodevice': string;
  'socket.broadcast': boolean;
  'socket.busy_poll': number;
  'socket.debug': number;
  'socket.domain': domain;
  'socket.dontroute': boolean;
  'socket.keepalive': boolean;
  'socket.linger': linger | 'abort';
  'socket.mark': number;
  'socket.oobinline': boolean;
  'socket.passcred': boolean;
  'socket.peek_off': number;
  'socket.priority': number;
  'socket.protocol': protocol;
  'socket.rcvbuf': number;
  'socket.rcvbufforce': number;
  'socket.rcvlowat': number;
  'socket.rcvtimeo': timeval;
  'socket.reuseaddr': boolean;
  'socket.reuseport': boolean;
  'socket.rxq_ovfl': boolean;
  'socket.setfib': number;
  'socket.sndbuf': number;
  'socket.sndbufforce': number;
  'socket.sndlowat': number;
  'socket.sndtimeo': timeval;
  'socket.timestamp': boolean;
  'socket.type': type;

  'ip.add_membership': ip_mreq;
  'ip.add_source_membership': ip_mreq_source;
  'ip.block_source': ip_mreq_source;
  'ip.dontfrag': boolean;
  'ip.drop_membership': ip_mreq;
  'ip.drop_source_membership': ip_mreq_source;
  'ip.freebind': boolean;
  'ip.hdrincl': boolean;
  'ip.minttl': number;
  'ip.msfilter': ip_msfilter | null;
  'ip.mtu': number;
  'ip.mtu_discover': pmtudisc;
  'ip.multicast_all': boolean;
  'ip.multicast_if': 'any' | ip4_address;
  'ip.multicast_loop': boolean;
  'ip.multicast_ttl': number;
  'ip.nodefrag': boolean;
  'ip.pktinfo': boolean;
  'ip.recvdstaddr': boolean;
  'ip.recverr': boolean;
  'ip.recvif': boolean;
  'ip.recvopts': boolean;
  'ip.recvorigdstaddr': boolean;
  'ip.recvtos': boolean;
  'ip.recvttl': boolean;
  'ip.retopts': boolean;
  'ip.router_alert': number;
  'ip.tos': number;
  'ip.transparent': boolean;
  'ip.ttl': number;
  'ip.unblock_source': ip_mreq_source;

  'ipv6.addrform': 'inet';
  'ipv6.add_membership': ipv6_mreq;
  'ipv6.authhdr': boolean;
  'ipv6.drop_membership': ipv6_mreq;
  'ipv6.dstopts': boolean;
  'ipv6.flowinfo': boolean;
  'ipv6.hoplimit': boolean;
  'ipv6.hopopts': boolean;
  'ipv6.mtu': number;
  'ipv6.mtu_discover': pmtudisc;
  'ipv6.multicast_hops': ipv6_hops;
  'ipv6.multicast_if': number;
  'ipv6.multicast_loop': boolean;
  'ipv6.recverr': boolean;
  'ipv6.recvhoplimit': boolean;
  'ipv6.recvpktinfo': boolean;
  'ipv6.pktinfo': boolean;
  'ipv6.recvtclass': boolean;
  'ipv6.router_alert': number;
  'ipv6.rthdr': boolean;
  'ipv6.tclass': number;
  'ipv6.unicast_hops': ipv6_hops;
  'ipv6.v6only': boolean;

  'tcp.congestion': string;
  'tcp.cork': boolean;
  'tcp.keepcnt': number;
  'tcp.keepidle': number;
  'tcp.keepintvl': number;
  'tcp.maxseg': number;
  'tcp.nodelay': boolean;
  'tcp.noopt': boolean;
  'tcp.nopush': boolean;
  'tcp.syncnt': number;
  'tcp.user_timeout': number;

  'udp.cork': boolean;
}

/** `socket:otp_socket_option()`: the names of the `otp` level. */
export type otp_socket_option =
  | 'debug'
  | 'iow'
  | 'controlling_process'
  | 'rcvbuf'
  | 'rcvctrlbuf'
  | 'sndctrlbuf'
  | 'meta'
  | 'use_registry'
  | 'fd'
  | 'domain';

/**
 * `socket:socket_option()`: `{Level, Name}` for every option of OTP 25's tables (the `otp`
 * level is {@link otp_socket_option}).
 * @see https://www.erlang.org/docs/25/man/socket.html#type-socket_option
 */
export type socket_option =
  | readonly [
      'socket',
      (
        | 'acceptconn'
        | 'acceptfilter'
        | 'bindtodevice'
        | 'broadcast'
        | 'busy_poll'
        | 'debug'
        | 'domain'
        | 'dontroute'
        | 'error'
        | 'keepalive'
        | 'linger'
        | 'mark'
        | 'oobinline'
        | 'passcred'
        | 'peek_off'
        | 'peercred'
        | 'priority'
        | 'protocol'
        | 'rcvbuf'
        | 'rcvbufforce'
        | 'rcvlowat'
        | 'rcvtimeo'
        | 'reuseaddr'
        | 'reuseport'
        | 'rxq_ovfl'
        | 'setfib'
        | 'sndbuf'
        | 'sndbufforce'
        | 'sndlowat'
        | 'sndtimeo'
        | 'timestamp'
        | 'type'
      ),
    ]
  | readonly [
      'ip',
      (
        | 'add_membership'
        | 'add_source_membership'
        | 'block_source'
        | 'dontfrag'
        | 'drop_membership'
        | 'drop_source_membership'
        | 'freebind'
        | 'hdrincl'
        | 'minttl'
        | 'msfilter'
        | 'mtu'
        | 'mtu_discover'
        | 'multicast_all'
        | 'multicast_if'
        | 'multicast_loop'
        | 'multicast_ttl'
        | 'nodefrag'
        | 'options'
        | 'pktinfo'
        | 'recvdstaddr'
        | 'recverr'
        | 'recvif'
        | 'recvopts'
        | 'recvorigdstaddr'
        | 'recvtos'
        | 'recvttl'
        | 'retopts'
        | 'router_alert'
        | 'sndsrcaddr'
        | 'tos'
        | 'transparent'
        | 'ttl'
        | 'unblock_source'
      ),
    ]
  | readonly [
      'ipv6',
      (
        | 'addrform'
        | 'add_membership'
        | 'authhdr'
        | 'auth_level'
        | 'checksum'
        | 'drop_membership'
        | 'dstopts'
        | 'esp_trans_level'
        | 'esp_network_level'
        | 'faith'
        | 'flowinfo'
        | 'hopopts'
        | 'ipcomp_level'
        | 'join_group'
        | 'leave_group'
        | 'mtu'
        | 'mtu_discover'
        | 'multicast_hops'
        | 'multicast_if'
        | 'multicast_loop'
        | 'portrange'
        | 'pktoptions'
        | 'recverr'
        | 'recvhoplimit'
        | 'hoplimit'
        | 'recvpktinfo'
        | 'pktinfo'
        | 'recvtclass'
        | 'router_alert'
        | 'rthdr'
        | 'tclass'
        | 'unicast_hops'
        | 'use_min_mtu'
        | 'v6only'
      ),
    ]
  | readonly [
      'tcp',
      (
        | 'congestion'
        | 'cork'
        | 'info'
        | 'keepcnt'
        | 'keepidle'
        | 'keepintvl'
        | 'maxseg'
        | 'md5sig'
        | 'nodelay'
        | 'noopt'
        | 'nopush'
        | 'syncnt'
        | 'user_timeout'
      ),
    ]
  | readonly ['udp', 'cork']
  | readonly [
      'sctp',
      (
        | 'adaption_layer'
        | 'associnfo'
        | 'auth_active_key'
        | 'auth_asconf'
        | 'auth_chunk'
        | 'auth_key'
        | 'auth_delete_key'
        | 'autoclose'
        | 'context'
        | 'default_send_params'
        | 'delayed_ack_time'
        | 'disable_fragments'
        | 'hmac_ident'
        | 'events'
        | 'explicit_eor'
        | 'fragment_interleave'
        | 'get_peer_addr_info'
        | 'initmsg'
        | 'i_want_mapped_v4_addr'
        | 'local_auth_chunks'
        | 'maxseg'
        | 'maxburst'
        | 'nodelay'
        | 'partial_delivery_point'
        | 'peer_addr_params'
        | 'peer_auth_chunks'
        | 'primary_addr'
        | 'reset_streams'
        | 'rtoinfo'
        | 'set_peer_primary_addr'
        | 'status'
        | 'use_ext_recvinfo'
      ),
    ];

/** Any option getopt and setopt take: `{otp, Name}` or a {@link socket_option}. */
export type option = readonly ['otp', otp_socket_option] | socket_option;

/** An option's level: `otp`, `socket`, `ip`, `ipv6`, `tcp`, `udp` or `sctp`. */
export type level = option[0];

/** The names of the options of level `L`. */
export type option_name<L extends level> = Extract<option, readonly [L, string]>[1];

type KeyOf<O> = O extends readonly [infer L extends string, infer N extends string] ? `${L}.${N}` : never;

/**
 * The value of the option `O` (or of each option of a union), as setopt takes it and getopt
 * gives it: `boolean` for `['tcp', 'nodelay']`, `linger | 'abort'` for `['socket', 'linger']`.
 */
export type option_value<O> =
  KeyOf<O> extends infer K ? (K extends keyof OptionValues ? OptionValues[K] : unknown) : never;

/**
 * A native option, `{Level, Number}` by the kernel's numbers: the level an atom or a number.
 * @see https://www.erlang.org/docs/25/man/socket.html#getopt_native-3
 */
export type native_option = readonly [level | number, number];

/** What setopt_native takes: an integer, a boolean, or native-endian bytes. */
export type native_value = number | boolean | Buffer;
