/**
 * inet's face: the socket functions of `erlts/inet` that answer `ok`, `{ok, X}` or
 * `{error, Reason}` give a `TaskEither<Reason, X>`, and the address and host functions an
 * `Either` (the pure parses, at once) or a `TaskEither` (the lookups), each typed from the
 * function's own result.
 */
import * as E from 'fp-ts/lib/Either.js';
import type { Either } from 'fp-ts/lib/Either.js';
import * as inet from 'erlts/inet';
import { liftResult, type Failure } from '../result.js';
import { liftResultSync } from '../face.js';

// ---- the socket functions -------------------------------------------------------------

/**
 * Sets options on a socket: `right(undefined)`, or `left('einval')` for a malformed option
 * or a closed socket (nothing of the list is applied then).
 * @param socket - a gen_tcp socket
 * @param opts - the options: `['active', 'once']`, `binary`, `['packet', 2]`, ...
 * @returns `TaskEither<'einval', undefined>`
 * @example
 * // ok = inet:setopts(S, [{active, once}])
 * await runOrExit(fp.inet.setopts(S, [['active', 'once']]));
 * @see https://www.erlang.org/docs/25/man/inet.html#setopts-2
 */
export const setopts = liftResult(inet.setopts);

/**
 * Reads options of a socket: `right([[Name, Value], ...])` typed by the names, or
 * `left('einval')`.
 * @param socket - a gen_tcp socket
 * @param names - option names
 * @returns `TaskEither<'einval', socket_optvals<N>>`
 * @example
 * // {ok, [{active, Active}]} = inet:getopts(S, [active])
 * const [[, Active]] = await runOrExit(fp.inet.getopts(S, ['active']));
 * @see https://www.erlang.org/docs/25/man/inet.html#getopts-2
 */
export const getopts = liftResult(inet.getopts);

/**
 * The local address of a socket: `right([IP, Port])` (or `['local', Path]`), or
 * `left('einval')` once closed.
 * @param socket - a gen_tcp socket, listening or connected
 * @returns `TaskEither<'einval', returned_address>`
 * @example
 * // {ok, {Address, PortNumber}} = inet:sockname(Sock)
 * const [Address, PortNumber] = await runOrExit(fp.inet.sockname(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#sockname-1
 */
export const sockname = liftResult(inet.sockname);

/**
 * The peer's address: `right([IP, Port])`, or `left('enotconn' | 'einval')`.
 * @param socket - a connected gen_tcp socket
 * @returns `TaskEither<'einval' | 'enotconn', returned_address>`
 * @example
 * // {ok, {Address, PortNumber}} = inet:peername(Sock)
 * const [Address, PortNumber] = await runOrExit(fp.inet.peername(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#peername-1
 */
export const peername = liftResult(inet.peername);

/**
 * Every local address of a socket, as a list: `right(Addresses)`, or `left('einval')`.
 * @param socket - a gen_tcp socket
 * @returns `TaskEither<'einval', List<returned_address>>`
 * @example
 * // {ok, Addresses} = inet:socknames(Sock)
 * const Addresses = await runOrExit(fp.inet.socknames(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#socknames-1
 */
export const socknames = liftResult(inet.socknames);

/**
 * Every peer address of a socket, as a list: `right(Addresses)`, or
 * `left('enotconn' | 'einval')`.
 * @param socket - a connected gen_tcp socket
 * @returns `TaskEither<'einval' | 'enotconn', List<returned_address>>`
 * @example
 * // {ok, Addresses} = inet:peernames(Sock)
 * const Addresses = await runOrExit(fp.inet.peernames(Sock));
 * @see https://www.erlang.org/docs/25/man/inet.html#peernames-1
 */
export const peernames = liftResult(inet.peernames);

/**
 * The local port number of a socket: `right(Port)`, or `left('einval')` once closed.
 * @param socket - a gen_tcp socket
 * @returns `TaskEither<'einval', number>`
 * @example
 * // {ok, PortNumber} = inet:port(LSock)
 * const PortNumber = await runOrExit(fp.inet.port(LSock));
 * @see https://www.erlang.org/docs/25/man/inet.html#port-1
 */
export const port = liftResult(inet.port);

/**
 * Statistics of a socket: `right([[Name, Value], ...])`, or `left('einval')` for an unknown
 * name or a closed socket.
 * @param socket - a gen_tcp socket
 * @param names - counters wanted (all of them by default)
 * @returns `TaskEither<'einval', List<[N, number]>>`
 * @example
 * // {ok, Stats} = inet:getstat(Sock, [recv_oct, send_oct])
 * const Stats = await runOrExit(fp.inet.getstat(Sock, ['recv_oct', 'send_oct']));
 * @see https://www.erlang.org/docs/25/man/inet.html#getstat-2
 */
export const getstat = liftResult(inet.getstat);

// ---- hosts: lookups are tasks ---------------------------------------------------------

/**
 * The first IP address of a host: `right(Address)`, or `left(Reason)` (`nxdomain`, `einval`,
 * `eafnosupport`, `timeout`).
 * @param host - an IP address tuple or a host name
 * @param family - `'inet'` or `'inet6'`
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<'einval' | 'nxdomain' | 'eafnosupport' | 'timeout', number[]>`
 * @example
 * // {ok, IP} = inet:getaddr("localhost", inet)
 * const IP = await runOrExit(fp.inet.getaddr('localhost', 'inet'));
 * @see https://www.erlang.org/doc/man/inet.html#getaddr-2
 */
export const getaddr = liftResult(inet.getaddr);

/**
 * Every IP address of a host: `right(Addresses)`, or `left(Reason)` as {@link getaddr}.
 * @param host - an IP address tuple or a host name
 * @param family - `'inet'` or `'inet6'`
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<'einval' | 'nxdomain' | 'eafnosupport' | 'timeout', List<number[]>>`
 * @example
 * // {ok, IPs} = inet:getaddrs("localhost", inet)
 * const IPs = await runOrExit(fp.inet.getaddrs('localhost', 'inet'));
 * @see https://www.erlang.org/doc/man/inet.html#getaddrs-2
 */
export const getaddrs = liftResult(inet.getaddrs);

/**
 * A host entry for a name: `right(Hostent)`, or `left(Reason)` (`nxdomain`, `einval`,
 * `timeout`).
 * @param name - a host name
 * @param family - `'inet'` (the default) or `'inet6'`
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<'einval' | 'nxdomain' | 'eafnosupport' | 'timeout', hostent>`
 * @example
 * // {ok, Hostent} = inet:gethostbyname("localhost")
 * const Hostent = await runOrExit(fp.inet.gethostbyname('localhost'));
 * @see https://www.erlang.org/doc/man/inet.html#gethostbyname-1
 */
export const gethostbyname = liftResult(inet.gethostbyname);

/**
 * A host entry for an address: `right(Hostent)`, or `left(Reason)` (`nxdomain`, `einval`,
 * `timeout`).
 * @param address - an IP address tuple, or its text
 * @param timeout - milliseconds or `'infinity'` (the default)
 * @returns `TaskEither<'einval' | 'nxdomain' | 'eafnosupport' | 'timeout', hostent>`
 * @example
 * // {ok, Hostent} = inet:gethostbyaddr({127,0,0,1})
 * const Hostent = await runOrExit(fp.inet.gethostbyaddr([127, 0, 0, 1]));
 * @see https://www.erlang.org/doc/man/inet.html#gethostbyaddr-1
 */
export const gethostbyaddr = liftResult(inet.gethostbyaddr);

// ---- addresses: pure, so an Either at once ---------------------------------------------

/**
 * Parses an IPv4 or IPv6 address: `right(IP)` or `left('einval')`, at once (a parse does no
 * I/O, so it gives an Either, not a task).
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip_address>`
 * @example
 * // {ok, IP} = inet:parse_address("::1")
 * const IP = fp.inet.parse_address('::1'); // right([0, 0, 0, 0, 0, 0, 0, 1])
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_address-1
 */
export const parse_address = liftResultSync(inet.parse_address);

/**
 * Parses an address, IPv4 with all four fields: `right(IP)` or `left('einval')`.
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip_address>`
 * @example
 * // {error, einval} = inet:parse_strict_address("127.1")
 * fp.inet.parse_strict_address('127.1'); // left('einval')
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_strict_address-1
 */
export const parse_strict_address = liftResultSync(inet.parse_strict_address);

/**
 * Parses an IPv4 address: `right(IP)` or `left('einval')`.
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip4_address>`
 * @example
 * // {ok, {127,0,0,1}} = inet:parse_ipv4_address("127.1")
 * fp.inet.parse_ipv4_address('127.1'); // right([127, 0, 0, 1])
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv4_address-1
 */
export const parse_ipv4_address = liftResultSync(inet.parse_ipv4_address);

/**
 * Parses an IPv4 address of four fields: `right(IP)` or `left('einval')`.
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip4_address>`
 * @example
 * // {ok, {10,0,0,1}} = inet:parse_ipv4strict_address("10.0.0.1")
 * fp.inet.parse_ipv4strict_address('10.0.0.1'); // right([10, 0, 0, 1])
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv4strict_address-1
 */
export const parse_ipv4strict_address = liftResultSync(inet.parse_ipv4strict_address);

/**
 * Parses an IPv6 address (or an IPv4 one, as IPv4-mapped): `right(IP)` or `left('einval')`.
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip6_address>`
 * @example
 * // {ok, {0,0,0,0,0,0,0,1}} = inet:parse_ipv6_address("::1")
 * fp.inet.parse_ipv6_address('::1'); // right([0, 0, 0, 0, 0, 0, 0, 1])
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv6_address-1
 */
export const parse_ipv6_address = liftResultSync(inet.parse_ipv6_address);

/**
 * Parses an IPv6 address, strictly: `right(IP)` or `left('einval')`.
 * @param address - the text, as a JS string or an array of character codes
 * @returns `Either<'einval', ip6_address>`
 * @example
 * // {ok, {0,0,0,0,0,0,0,1}} = inet:parse_ipv6strict_address("::1")
 * fp.inet.parse_ipv6strict_address('::1'); // right([0, 0, 0, 0, 0, 0, 0, 1])
 * @see https://www.erlang.org/docs/25/man/inet.html#parse_ipv6strict_address-1
 */
export const parse_ipv6strict_address = liftResultSync(inet.parse_ipv6strict_address);

/** What ntoa gives: the text, or `{error, einval}`. */
type NtoaResult = ReturnType<typeof inet.ntoa>;

/**
 * An address as text: `right(Text)`, or `left('einval')` for what is no address. (inet:ntoa
 * answers the bare string, not `{ok, String}`: its Right is that string.)
 * @param address - `{A,B,C,D}` or `{A,B,C,D,E,F,G,H}` as an array
 * @returns `Either<'einval', string>`
 * @example
 * // "127.0.0.1" = inet:ntoa({127,0,0,1})
 * fp.inet.ntoa([127, 0, 0, 1]); // right('127.0.0.1')
 * @see https://www.erlang.org/docs/25/man/inet.html#ntoa-1
 */
export function ntoa(address: unknown): Either<Failure<NtoaResult>, Exclude<NtoaResult, readonly unknown[]>> {
  const r = inet.ntoa(address);
  return typeof r === 'string' ? E.right(r) : E.left(r[1]);
}

/**
 * The local host name: `right(Name)`, never a Left (inet:gethostname/0 always answers
 * `{ok, Name}`).
 * @returns `Either<never, string>`
 * @example
 * // {ok, Hostname} = inet:gethostname()
 * const Hostname = fp.inet.gethostname(); // right('myhost')
 * @see https://www.erlang.org/doc/man/inet.html#gethostname-0
 */
export const gethostname = liftResultSync(inet.gethostname);
