/**
 * The types of inet's, gen_tcp's and gen_udp's option lists, named as OTP 25's specs name them
 * (`inet:socket_setopt()`, `gen_tcp:listen_option()`, `gen_udp:open_option()`, ...): unions of the exact tuple shapes
 * erlts accepts, so that a misspelt option (`['activ', 'once']`) or a value of the wrong type
 * (`['packet', 3]`) fails to compile. Ranges (0..65535, -32768..32767) are left to the runtime
 * checks, which still answer a JS caller with OTP's `badarg` or `{error, einval}`.
 *
 * Where OTP's types list an option that erlts does not take on a TCP socket (`{ttl, N}`,
 * `{recvttl, B}`, `{recvtclass, B}`, `{netns, Path}`; `{fd, Fd}` is taken), the type follows
 * erlts, so that what compiles is what runs; gen_udp's sockets take them.
 */
import type { List } from 'erlts';
import type { ip4_address, ip6_address, ip_address } from './address.js';

/** `inet:port_number()`: 0..65535. */
export type port_number = number;

/** `inet:local_address()`: `{local, File}`, the path as a string, a binary or a list of bytes. */
export type local_address = readonly ['local', string | Buffer | readonly number[]];

/** `inet:socket_address()`: an IP tuple, `any`, `loopback`, or `{local, File}`. */
export type socket_address = ip_address | 'any' | 'loopback' | local_address;

/** `inet:hostname()`: an atom or a string (a JS string, or a list of character codes). */
export type hostname = string | readonly number[];

/** `inet:inet_backend()`: `{inet_backend, inet | socket}`, only as an option list's first element. */
export type inet_backend = readonly ['inet_backend', 'inet' | 'socket'];

/** A `{packet, PacketType}` value, as `inet:setopts/2` takes it. */
export type packet_type =
  | 0
  | 1
  | 2
  | 4
  | 'raw'
  | 'sunrm'
  | 'asn1'
  | 'cdr'
  | 'fcgi'
  | 'line'
  | 'tpkt'
  | 'http'
  | 'httph'
  | 'http_bin'
  | 'httph_bin';

/**
 * `socket:sockaddr_in()`: an IPv4 socket address map. `addr` defaults to `any` and `port` to 0
 * (a key given as `undefined` too: the port a destructured local address lacks).
 */
export interface sockaddr_in {
  readonly family: 'inet';
  readonly addr?: ip4_address | 'any' | 'loopback' | undefined;
  readonly port?: port_number | undefined;
}

/** `socket:sockaddr_in6()`: an IPv6 socket address map. */
export interface sockaddr_in6 {
  readonly family: 'inet6';
  readonly addr?: ip6_address | 'any' | 'loopback' | undefined;
  readonly port?: port_number | undefined;
  readonly flowinfo?: number | undefined;
  readonly scope_id?: number | undefined;
}

/** `socket:sockaddr_un()`: a local (Unix domain) socket address map. */
export interface sockaddr_un {
  readonly family: 'local';
  readonly path: string | Buffer | readonly number[];
}

/**
 * `gen_tcp:option()`: an option that `gen_tcp:listen/2`, `gen_tcp:connect/3,4` and
 * `inet:setopts/2` all take.
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export type option =
  | 'list'
  | 'binary'
  | readonly ['mode', 'list' | 'binary']
  | readonly ['active', boolean | 'once' | number]
  | readonly ['buffer', number]
  | readonly ['debug', boolean]
  | readonly ['delay_send', boolean]
  | readonly ['deliver', 'port' | 'term']
  | readonly ['exit_on_close', boolean]
  | readonly ['header', number]
  | readonly ['high_msgq_watermark', number]
  | readonly ['high_watermark', number]
  | readonly ['keepalive', boolean]
  | readonly ['linger', readonly [boolean, number]]
  | readonly ['low_msgq_watermark', number]
  | readonly ['low_watermark', number]
  | readonly ['nodelay', boolean]
  | readonly ['packet', packet_type]
  | readonly ['packet_size', number]
  | readonly ['priority', number]
  | readonly ['raw', number, number, Buffer]
  | readonly ['recbuf', number]
  | readonly ['reuseaddr', boolean]
  | readonly ['send_timeout', number | 'infinity']
  | readonly ['send_timeout_close', boolean]
  | readonly ['show_econnreset', boolean]
  | readonly ['sndbuf', number]
  | readonly ['tos', number]
  | readonly ['tclass', number]
  | readonly ['recvtos', boolean]
  | readonly ['ipv6_v6only', boolean]
  | readonly ['bind_to_device', Buffer];

/** A multicast group with the interface to join it on: `{MultiAddress, InterfaceAddress}`. */
export type membership = readonly [ip4_address, ip4_address | 'any'] | readonly [ip6_address, number];

/**
 * The options only gen_udp's sockets take (`gen_udp:option()` beyond the common ones): they
 * open with them and `inet:setopts/2` sets them.
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#type-option
 */
export type udp_only_option =
  | readonly ['add_membership', membership]
  | readonly ['broadcast', boolean]
  | readonly ['dontroute', boolean]
  | readonly ['drop_membership', membership]
  | readonly ['multicast_if', ip4_address | number]
  | readonly ['multicast_loop', boolean]
  | readonly ['multicast_ttl', number]
  | readonly ['read_packets', number]
  | readonly ['recvtclass', boolean]
  | readonly ['recvttl', boolean]
  | readonly ['ttl', number];

/**
 * `inet:socket_setopt()`: what `inet:setopts/2` takes: the common options, plus
 * `{line_delimiter, Char}` and `{dontroute, Boolean}`, which only setopts takes on a gen_tcp
 * socket (connect takes line_delimiter too), and gen_udp's own options.
 * @see https://www.erlang.org/docs/25/man/inet.html#type-socket_setopt
 */
export type socket_setopt = option | readonly ['line_delimiter', number] | udp_only_option;

/**
 * `gen_udp:option()`: an option `gen_udp:open/2` and `inet:setopts/2` take on a UDP socket.
 * (`inet:setopts/2` also takes TCP's options there, as prim_inet does; open exits badarg.)
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#type-option
 */
export type udp_option =
  | 'list'
  | 'binary'
  | readonly ['mode', 'list' | 'binary']
  | readonly ['active', boolean | 'once' | number]
  | readonly ['buffer', number]
  | readonly ['debug', boolean]
  | readonly ['deliver', 'port' | 'term']
  | readonly ['header', number]
  | readonly ['high_msgq_watermark', number]
  | readonly ['low_msgq_watermark', number]
  | readonly ['priority', number]
  | readonly ['raw', number, number, Buffer]
  | readonly ['recbuf', number]
  | readonly ['reuseaddr', boolean]
  | readonly ['sndbuf', number]
  | readonly ['tos', number]
  | readonly ['tclass', number]
  | readonly ['recvtos', boolean]
  | readonly ['ipv6_v6only', boolean]
  | readonly ['bind_to_device', Buffer]
  | udp_only_option;

/**
 * `gen_udp:open_option()`: the UDP options, the family, where the socket binds (an address,
 * a sockaddr map, a port), `{fd, Fd}`, and `{reuseport, Boolean}` (as OTP 26 takes it).
 * @see https://www.erlang.org/docs/25/man/gen_udp.html#type-open_option
 */
export type udp_open_option =
  | udp_option
  | 'inet'
  | 'inet6'
  | 'local'
  | readonly ['ip', socket_address | sockaddr_in | sockaddr_in6]
  | readonly ['ifaddr', socket_address | sockaddr_in | sockaddr_in6]
  | readonly ['port', port_number]
  | readonly ['fd', number]
  | readonly ['netns', string]
  | readonly ['reuseport', boolean];

/** The address options at open: `{ip, Address}` and `{ifaddr, Address}` of connect. */
type connect_address = ip_address | 'any' | 'loopback';

/**
 * `gen_tcp:connect_option()`: the common options, the family, and where the socket binds
 * before it connects.
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#type-connect_option
 */
export type connect_option =
  | option
  | 'inet'
  | 'inet6'
  | 'local'
  | readonly ['ip', connect_address]
  | readonly ['ifaddr', connect_address]
  | readonly ['port', port_number]
  | readonly ['fd', number]
  | readonly ['tcp_module', string]
  | readonly ['line_delimiter', number];

/**
 * `gen_tcp:listen_option()`: the common options, the family, the address to listen on (an
 * address, `{local, Path}`, or a sockaddr map), its port and the backlog.
 * @see https://www.erlang.org/docs/25/man/gen_tcp.html#type-listen_option
 */
export type listen_option =
  | option
  | 'inet'
  | 'inet6'
  | 'local'
  | readonly ['ip', socket_address | sockaddr_in | sockaddr_in6]
  | readonly ['ifaddr', socket_address | sockaddr_in | sockaddr_in6 | sockaddr_un]
  | readonly ['port', port_number]
  | readonly ['backlog', number]
  | readonly ['fd', number]
  | readonly ['tcp_module', string];

/**
 * An option list as `gen_tcp:listen/2` and `connect/3,4` take it, `[inet:inet_backend() |
 * Option]` in OTP's spec (`inet_backend` must come first: elsewhere it exits `badarg`). A
 * plain array or a `List`.
 */
export type option_list<O> = readonly (inet_backend | O)[];

/**
 * `inet:socket_optval()`: an option as `inet:getopts/2` reads it back, by name. `packet`
 * reads `raw` as 0; `broadcast` reads false on a TCP socket.
 * @see https://www.erlang.org/docs/25/man/inet.html#type-socket_optval
 */
export type socket_optval =
  | readonly ['active', boolean | 'once' | number]
  | readonly ['buffer', number]
  | readonly ['debug', boolean]
  | readonly ['delay_send', boolean]
  | readonly ['deliver', 'port' | 'term']
  | readonly ['dontroute', boolean]
  | readonly ['exit_on_close', boolean]
  | readonly ['header', number]
  | readonly ['high_msgq_watermark', number]
  | readonly ['high_watermark', number]
  | readonly ['keepalive', boolean]
  | readonly ['linger', readonly [boolean, number]]
  | readonly ['low_msgq_watermark', number]
  | readonly ['low_watermark', number]
  | readonly ['mode', 'list' | 'binary']
  | readonly ['nodelay', boolean]
  | readonly ['packet', Exclude<packet_type, 'raw'>]
  | readonly ['packet_size', number]
  | readonly ['priority', number]
  | readonly ['recbuf', number]
  | readonly ['reuseaddr', boolean]
  | readonly ['send_timeout', number | 'infinity']
  | readonly ['send_timeout_close', boolean]
  | readonly ['show_econnreset', boolean]
  | readonly ['sndbuf', number]
  | readonly ['tos', number]
  | readonly ['tclass', number]
  | readonly ['recvtos', boolean]
  | readonly ['ipv6_v6only', boolean]
  | readonly ['bind_to_device', Buffer]
  | readonly ['broadcast', boolean]
  | readonly ['multicast_if', ip4_address | number]
  | readonly ['multicast_loop', boolean]
  | readonly ['multicast_ttl', number]
  | readonly ['read_packets', number]
  | readonly ['recvtclass', boolean]
  | readonly ['recvttl', boolean]
  | readonly ['reuseport', boolean]
  | readonly ['ttl', number];

/**
 * `inet:socket_getopt()`: an option name `inet:getopts/2` reads (`netns` is taken and gives
 * nothing; the UDP names read nothing or einval on a gen_tcp socket).
 * @see https://www.erlang.org/docs/25/man/inet.html#type-socket_getopt
 */
export type socket_getopt = socket_optval[0] | 'netns';

/** The `{Name, Value}` elements `inet:getopts/2` gives for the names `N`, in the order asked. */
export type socket_optvals<N extends socket_getopt> = List<Extract<socket_optval, readonly [N, unknown]>>;

/** `inet:stat_option()`: a counter of `inet:getstat/2`. */
export type stat_option =
  | 'recv_cnt'
  | 'recv_max'
  | 'recv_avg'
  | 'recv_oct'
  | 'recv_dvi'
  | 'send_cnt'
  | 'send_max'
  | 'send_avg'
  | 'send_oct'
  | 'send_pend';

/**
 * A gen_tcp socket's own or peer address, as `inet:sockname/1` and `peername/1` give it:
 * `{IP, Port}`, or `{local, Path}` (Path a binary) for a local socket.
 */
export type returned_address = readonly [ip_address, port_number] | readonly ['local', Buffer];
